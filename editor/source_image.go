package editor

import (
	"bytes"
	"context"
	"encoding/hex"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
)

// Images and the clipboard
//
// Fyne 2.8.1's clipboard (fyne.Clipboard) holds text only: Content() and
// SetContent(string). An image copied in another program reads as "".
// So Paste asks SystemClipboardImage, which uses the platform's own
// tool: xclip (X11) or wl-paste (Wayland) on Linux and the BSDs,
// osascript on macOS; none on Windows. Dropped files arrive through
// fyne.Window.SetOnDropped(func(fyne.Position, []fyne.URI)), window-wide:
// the app maps the drop position with DropOffset.

// clipboardTimeout bounds the clipboard tool's run.
const clipboardTimeout = 2 * time.Second

// clipboardImageTypes are the image types asked for, preferred first.
var clipboardImageTypes = []struct{ mime, ext string }{
	{"image/png", ".png"}, {"image/jpeg", ".jpg"}, {"image/gif", ".gif"}, {"image/webp", ".webp"}, {"image/bmp", ".bmp"},
}

// SystemClipboardImage reads an image from the system clipboard with the
// platform's tool (see above). ok is false when the clipboard holds no
// image or no tool is installed.
func SystemClipboardImage() (data []byte, ext string, ok bool) {
	ctx, cancel := context.WithTimeout(context.Background(), clipboardTimeout)
	defer cancel()
	run := func(name string, args ...string) []byte {
		path, err := exec.LookPath(name)
		if err != nil {
			return nil
		}
		out, err := exec.CommandContext(ctx, path, args...).Output()
		if err != nil {
			return nil
		}
		return out
	}
	switch runtime.GOOS {
	case "windows", "android", "ios", "js":
		return nil, "", false
	case "darwin":
		out := run("osascript", "-e", "the clipboard as «class PNGf»")
		return macPNG(out)
	}
	var list func() []byte
	var get func(mime string) []byte
	if os.Getenv("WAYLAND_DISPLAY") != "" {
		list = func() []byte { return run("wl-paste", "--list-types") }
		get = func(mime string) []byte { return run("wl-paste", "--no-newline", "--type", mime) }
	}
	if list == nil || len(list()) == 0 {
		list = func() []byte { return run("xclip", "-selection", "clipboard", "-t", "TARGETS", "-o") }
		get = func(mime string) []byte { return run("xclip", "-selection", "clipboard", "-t", mime, "-o") }
	}
	types := strings.Fields(string(list()))
	for _, t := range clipboardImageTypes {
		for _, have := range types {
			if have == t.mime {
				if data := get(t.mime); len(data) > 0 {
					return data, t.ext, true
				}
			}
		}
	}
	return nil, "", false
}

// macPNG reads osascript's «data PNGf89504E…» answer.
func macPNG(out []byte) ([]byte, string, bool) {
	out = bytes.TrimSpace(out)
	const prefix = "«data PNGf"
	if !bytes.HasPrefix(out, []byte(prefix)) || !bytes.HasSuffix(out, []byte("»")) {
		return nil, "", false
	}
	data, err := hex.DecodeString(string(out[len(prefix) : len(out)-len("»")]))
	if err != nil || len(data) == 0 {
		return nil, "", false
	}
	return data, ".png", true
}

// InsertAtCursor replaces the selection with text as one user edit
// (OnChanged fires, one undo step) and puts the caret after it: for the
// ![](…) link of a pasted or dropped image.
func (s *Source) InsertAtCursor(text string) {
	if s.readOnly || text == "" {
		return
	}
	r := s.Selection()
	s.replaceSelecting(r.Start, r.End, text, len(text), len(text))
	s.buf.BreakUndoGroup()
}

// DropOffset returns the text offset under a position given in window
// coordinates (as fyne.Window.SetOnDropped gives it), and whether the
// position is over the editor.
func (s *Source) DropOffset(windowPos fyne.Position) (int, bool) {
	d := fyne.CurrentApp().Driver()
	abs := d.AbsolutePositionForObject(s)
	p := windowPos.Subtract(abs)
	size := s.Size()
	if p.X < 0 || p.Y < 0 || p.X > size.Width || p.Y > size.Height {
		return 0, false
	}
	return s.OffsetAt(p), true
}
