package preview

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
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
