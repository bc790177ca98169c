package editor

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

func TestPasteImage(t *testing.T) {
	s, _ := newTestSource(t, "text\n")
	clip := fyne.CurrentApp().Clipboard()
	var got []string
	s.OnPasteImage = func(data []byte, ext string) { got = append(got, string(data)+ext) }
	s.ClipboardImage = func() ([]byte, string, bool) { return []byte("PNGDATA"), ".png", true }

	clip.SetContent("")
	s.Paste()
	if len(got) != 1 || got[0] != "PNGDATA.png" || s.Text() != "text\n" {
		t.Fatalf("image paste: %v, text %q", got, s.Text())
	}
	// Text on the clipboard wins.
	clip.SetContent("more")
	s.SetCursorOffset(4)
	s.Paste()
	if len(got) != 1 || s.Text() != "textmore\n" {
		t.Errorf("text paste: %v, text %q", got, s.Text())
	}
	// No image: nothing happens.
	clip.SetContent("")
	s.ClipboardImage = func() ([]byte, string, bool) { return nil, "", false }
	s.Paste()
	if len(got) != 1 || s.Text() != "textmore\n" {
		t.Errorf("empty clipboard: %v, text %q", got, s.Text())
	}
	// Read-only editors take no image.
	s.ClipboardImage = func() ([]byte, string, bool) { return []byte("x"), ".png", true }
	s.SetReadOnly(true)
	s.Paste()
	if len(got) != 1 {
		t.Error("read-only editor pasted an image")
	}
}

func TestInsertAtCursor(t *testing.T) {
	s, _ := newTestSource(t, "ab\ncd\n")
	changed := 0
	s.OnChanged = func() { changed++ }
	s.Select(Range{1, 2})
	s.InsertAtCursor("![](images/x.png)")
	if s.Text() != "a![](images/x.png)\ncd\n" || s.CursorOffset() != 18 || changed != 1 {
		t.Errorf("text %q caret %d changed %d", s.Text(), s.CursorOffset(), changed)
	}
	if r := s.Selection(); r.Start != r.End {
		t.Errorf("selection %v left after insert", r)
	}
	s.InsertAtCursor("![](y.png)")
	s.Undo()
	if s.Text() != "a![](images/x.png)\ncd\n" {
		t.Errorf("undo took more than the last insert: %q", s.Text())
	}
	s.Undo()
	if s.Text() != "ab\ncd\n" {
		t.Errorf("second undo: %q", s.Text())
	}
}

func TestDropOffset(t *testing.T) {
	s, _ := newTestSource(t, "first line\nsecond line\n")
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(s)
	off, ok := s.DropOffset(abs.Add(fyne.NewPos(1, 1)))
	if !ok || off != 0 {
		t.Errorf("top-left: %d %v", off, ok)
	}
	if _, ok := s.DropOffset(fyne.NewPos(-5, -5)); ok {
		t.Error("a position outside the editor is over it")
	}
}

func TestMacPNG(t *testing.T) {
	data, ext, ok := macPNG([]byte("«data PNGf89504E47»\n"))
	if !ok || ext != ".png" || string(data) != "\x89PNG" {
		t.Errorf("%q %q %v", data, ext, ok)
	}
	for _, bad := range []string{"", "missing value", "«data TIFF0000»", "«data PNGfZZ»"} {
		if _, _, ok := macPNG([]byte(bad)); ok {
			t.Errorf("%q read as a PNG", bad)
		}
	}
}

// TestPasteReturnsWhileImageProbeBlocks: with no text on the clipboard,
// Paste looks for an image with the system's tool, which may block for
// seconds (xclip with a silent clipboard owner); Paste returns without
// waiting for it, and the image, when it comes, is handed back through the
// UI runner.
func TestPasteReturnsWhileImageProbeBlocks(t *testing.T) {
	s, _ := newTestSource(t, "text\n")
	fyne.CurrentApp().Clipboard().SetContent("")
	release := make(chan struct{})
	s.systemImage = func() ([]byte, string, bool) {
		<-release
		return []byte("PNGDATA"), ".png", true
	}
	got := make(chan string, 1)
	s.OnPasteImage = func(data []byte, ext string) { got <- string(data) + ext }
	handed := make(chan func(), 1)
	s.do = func(f func()) { handed <- f }

	returned := make(chan struct{})
	go func() {
		s.Paste()
		close(returned)
	}()
	select {
	case <-returned:
	case <-time.After(10 * time.Second): // the probe blocks until released: Paste waited for it
		close(release)
		t.Fatal("Paste waits for the blocked clipboard image probe")
	}
	select {
	case <-got:
		t.Fatal("the image was pasted before the probe answered")
	default:
	}
	close(release)
	select {
	case f := <-handed: // the answer comes back through the UI runner
		f()
	case <-time.After(10 * time.Second):
		t.Fatal("the probe's answer was never handed to the UI runner")
	}
	if im := <-got; im != "PNGDATA.png" {
		t.Errorf("pasted %q", im)
	}
}
