package preview

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// TestShiftKeysExtendTheSelection: with Shift held, Left/Right move the
// selection's end a character (across blocks at their ends), Home/End to
// the line's ends, Down/Up a line; the window's Shift+key shortcut does
// the same.
func TestShiftKeysExtendTheSelection(t *testing.T) {
	p := showPreview(t)
	p.updateNow([]byte(selDoc), Meta{}, "", 1)
	f := findFlow(t, p, "第一段，中文 text 链接 结束。")
	pressOn(p, f, flowPoint(f, len("第一段，")), 0)
	p.sel.lastDown = time.Time{}
	if !p.sel.on || p.SelectedText() != "" {
		t.Fatal("a click did not leave a caret")
	}
	key := func(name fyne.KeyName) { p.content.TypedKey(&fyne.KeyEvent{Name: name}) }
	p.content.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	key(fyne.KeyRight)
	key(fyne.KeyRight)
	if got := p.SelectedText(); got != "中文" {
		t.Errorf("Shift+Right ×2 selected %q, want 中文", got)
	}
	key(fyne.KeyEnd)
	if got := p.SelectedText(); got != "中文 text 链接 结束。" {
		t.Errorf("Shift+End selected %q", got)
	}
	key(fyne.KeyRight) // past the paragraph's end: the next block
	key(fyne.KeyRight)
	if got := p.SelectedText(); got != "中文 text 链接 结束。\n\n项" {
		t.Errorf("Shift+Right past the end selected %q", got)
	}
	key(fyne.KeyHome)
	if got := p.SelectedText(); got != "中文 text 链接 结束。\n\n" {
		t.Errorf("Shift+Home selected %q", got)
	}
	key(fyne.KeyLeft) // back into the paragraph, before the caret: nothing between
	key(fyne.KeyHome)
	if got := p.SelectedText(); got != "第一段，" {
		t.Errorf("Shift+Left, Shift+Home selected %q, want 第一段，", got)
	}
	key(fyne.KeyDown) // the paragraph is one line here: the next block, at its start
	if got := p.SelectedText(); got != "中文 text 链接 结束。\n\n" {
		t.Errorf("Shift+Down selected %q", got)
	}
	p.content.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	key(fyne.KeyRight) // without Shift: scrolls, the selection stays
	if got := p.SelectedText(); got != "中文 text 链接 结束。\n\n" {
		t.Errorf("Right without Shift changed the selection to %q", got)
	}
	p.content.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierShift})
	if got := p.SelectedText(); got != "中文 text 链接 结束。" {
		t.Errorf("the Shift+Left shortcut selected %q", got)
	}
}

// TestShiftUpIntoHeadingCopies: Shift+Up from a paragraph's first line
// goes to the heading above at the same x, as in a browser, and Ctrl+C
// copies what is selected: the heading's tail, one blank line, the
// paragraph's head, with no line breaks before it. When the x is past the
// heading's end (nothing of it selected), the copy does not start with
// the line break after it.
func TestShiftUpIntoHeadingCopies(t *testing.T) {
	p := showPreview(t)
	long := strings.Repeat("这是一个很长的段落，用来换行。", 8)
	p.updateNow([]byte("前面的段落。\n\n## 标题二\n\n"+long+"\n\n后面。\n"), Meta{}, "", 1)
	f := findFlow(t, p, long)
	copied := func() string {
		cb := test.NewClipboard()
		p.content.TypedShortcut(&fyne.ShortcutCopy{Clipboard: cb})
		if got := p.SelectedText(); cb.Content() != got {
			t.Errorf("Ctrl+C copied %q; the selection is %q", cb.Content(), got)
		}
		return cb.Content()
	}
	key := func(name fyne.KeyName) { p.content.TypedKey(&fyne.KeyEvent{Name: name}) }

	head := len("这是")
	pressOn(p, f, flowPoint(f, head), 0)
	p.sel.lastDown = time.Time{}
	p.content.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	key(fyne.KeyUp)
	got := copied()
	heading, rest, ok := strings.Cut(got, "\n\n")
	if !ok || rest != "这是" || heading == "" || !strings.HasSuffix("标题二", heading) || heading == "标题二" {
		t.Errorf("Shift+Up into the heading copied %q; want the heading's tail, a blank line, 这是", got)
	}
	key(fyne.KeyUp)
	if got := copied(); !strings.HasSuffix(got, "\n\n标题二\n\n这是") || strings.HasPrefix(got, "\n") || strings.Count(got, "\n") != 4 {
		t.Errorf("Shift+Up ×2 copied %q", got)
	}
	p.content.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})

	// an x past the heading's end: its end, nothing of it
	far := strings.Index(long, "用来")
	pressOn(p, f, flowPoint(f, far), 0)
	p.sel.lastDown = time.Time{}
	p.content.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	key(fyne.KeyUp)
	if got, want := copied(), long[:far]; got != want {
		t.Errorf("Shift+Up to the heading's end copied %q; want %q", got, want)
	}
}
