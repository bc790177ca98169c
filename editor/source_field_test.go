package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// newTestField is newTestSource made a form field.
func newTestField(t *testing.T, text string, o FieldOptions) (*Source, fyne.Window) {
	t.Helper()
	s, w := newTestSource(t, text)
	s.SetField(&o)
	return s, w
}

// TestFieldKeys: in a field Tab is the window's (it moves the focus and
// inserts nothing), Enter breaks the line and continues no list, and the
// Markdown shortcuts do nothing; in the editor Tab indents and Enter
// continues a list.
func TestFieldKeys(t *testing.T) {
	s, _ := newTestField(t, "- 一项", FieldOptions{})
	if s.AcceptsTab() {
		t.Error("a field takes Tab")
	}
	s.SetCursorOffset(s.Len())
	key(s, fyne.KeyTab)
	key(s, fyne.KeyReturn)
	ctrl(s, fyne.KeyB)
	ctrl(s, fyne.KeyK)
	if got := s.Text(); got != "- 一项\n" {
		t.Errorf("field text %q, want %q", got, "- 一项\n")
	}
	s.SetField(nil)
	if !s.AcceptsTab() {
		t.Error("the editor again does not take Tab")
	}
	s.SetText("- 一项")
	s.SetCursorOffset(s.Len())
	key(s, fyne.KeyReturn)
	if got := s.Text(); got != "- 一项\n- " {
		t.Errorf("editor text %q: the list is not continued (the test is broken)", got)
	}
}

// TestFieldNewlineKeepsCRLF: Enter in a text with CRLF line endings
// breaks the line with CRLF.
func TestFieldNewlineKeepsCRLF(t *testing.T) {
	s, _ := newTestField(t, "一\r\n二", FieldOptions{})
	s.SetCursorOffset(s.Len())
	key(s, fyne.KeyEnter)
	if got := s.Text(); got != "一\r\n二\r\n" {
		t.Errorf("text %q", got)
	}
}

// TestFieldIsPlainText: a field draws Markdown as the text it is, in the
// regular face and one colour, and on no background of its own.
func TestFieldIsPlainText(t *testing.T) {
	s, _ := newTestField(t, "# 标题 **粗** `code` [链接](http://x)", FieldOptions{})
	r := test.WidgetRenderer(s).(*sourceRenderer)
	r.Refresh()
	var col any
	n := 0
	for _, o := range r.Objects() {
		tx, ok := o.(*canvas.Text)
		if !ok || !tx.Visible() || tx.Text == "" {
			continue
		}
		n++
		if tx.TextStyle != (fyne.TextStyle{}) {
			t.Errorf("%q drawn in %+v", tx.Text, tx.TextStyle)
		}
		if col == nil {
			col = tx.Color
		} else if tx.Color != col {
			t.Errorf("%q drawn in %v, the text before in %v", tx.Text, tx.Color, col)
		}
	}
	if n == 0 {
		t.Fatal("nothing drawn")
	}
	if _, _, _, a := r.bg.FillColor.RGBA(); a != 0 {
		t.Errorf("a field draws a background %v", r.bg.FillColor)
	}
}

// TestFieldHeightFollowsItsLines: the minimum height is the wrapped text's
// lines between MinLines and MaxLines; Width wraps the text before the
// first layout.
func TestFieldHeightFollowsItsLines(t *testing.T) {
	test.NewTempApp(t)
	s := NewSource()
	s.SetField(&FieldOptions{MinLines: 2, MaxLines: 4, Width: func() float32 { return 200 }})
	lh := s.metrics().lineH
	lines := func() int { return int((s.MinSize().Height-2*padTop)/lh + 0.5) }
	for _, c := range []struct {
		text string
		want int
	}{
		{"", 2}, {"一", 2}, {"一\n二\n三", 3}, {"一\n二\n三\n四\n五", 4},
		{strings.Repeat("中", 30), 0}, // wrapped at 200: more than one line
	} {
		s.SetText(c.text)
		got := lines()
		if c.want == 0 {
			if got < 2 || s.FieldLines() < 2 {
				t.Errorf("%q at width 200: %d lines (%d wrapped), want it wrapped", c.text, got, s.FieldLines())
			}
			continue
		}
		if got != c.want {
			t.Errorf("%q: %d lines high, want %d", c.text, got, c.want)
		}
	}
	if s.viewSize.Width != 200 {
		t.Errorf("the text was wrapped at %v, not the width given", s.viewSize.Width)
	}
}

// TestFieldHooks: OnFocus hears the focus, OnUndo takes Ctrl+Z, Ctrl+Y
// and Ctrl+Shift+Z, and OnScroll the wheel while the text fits.
func TestFieldHooks(t *testing.T) {
	var focus []bool
	var undos []bool
	scrolled := 0
	s, w := newTestField(t, "一", FieldOptions{
		OnFocus:  func(on bool) { focus = append(focus, on) },
		OnUndo:   func(redo bool) { undos = append(undos, redo) },
		OnScroll: func(*fyne.ScrollEvent) { scrolled++ },
	})
	w.Canvas().Unfocus()
	w.Canvas().Focus(s)
	if len(focus) != 2 || focus[0] || !focus[1] {
		t.Errorf("OnFocus heard %v, want [false true]", focus)
	}
	test.Type(s, "二")
	s.TypedShortcut(&fyne.ShortcutUndo{})
	s.TypedShortcut(&fyne.ShortcutRedo{})
	s.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift})
	if len(undos) != 3 || undos[0] || !undos[1] || !undos[2] {
		t.Errorf("OnUndo heard %v, want [false true true]", undos)
	}
	if s.Text() != "二一" { // typed at the start
		t.Errorf("the field undid itself: %q", s.Text())
	}
	s.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -10)})
	if scrolled != 1 {
		t.Errorf("the wheel over a field whose text fits reached OnScroll %d times", scrolled)
	}
}

// TestFieldVisualLinesAreTheDrawnLines: VisualLines are the rows the field
// draws, wrapped with kinsoku.
func TestFieldVisualLinesAreTheDrawnLines(t *testing.T) {
	s, w := newTestField(t, "", FieldOptions{MinLines: 1, MaxLines: 20})
	w.Resize(fyne.NewSize(180, 400))
	test.Type(s, "了解如何使用扩展统计信息指导优化器。介绍 TiDB 中常规统计信息的收集和使用。")
	got, drawn := s.VisualLines(), visibleTexts(s)
	if strings.Join(got, "|") != strings.Join(drawn, "|") || len(got) < 3 {
		t.Errorf("VisualLines %q, drawn %q", got, drawn)
	}
	for _, l := range got[1:] {
		if strings.HasPrefix(l, "。") {
			t.Errorf("line %q starts with 。 (%q)", l, got)
		}
	}
}

// TestFieldContextMenu: a right click in a field opens Fyne's entry menu
// (Undo with history, Cut, Copy, Paste, Select All; Copy and Select All
// when read-only), and its items act on the field; the editor opens none.
func TestFieldContextMenu(t *testing.T) {
	s, w := newTestField(t, "一二三", FieldOptions{})
	labels := func() string {
		var l []string
		for _, it := range s.fieldMenu() {
			l = append(l, it.Label)
		}
		return strings.Join(l, ",")
	}
	if got := labels(); got != "Cut,Copy,Paste,Select All" {
		t.Errorf("menu %q", got)
	}
	s.TappedSecondary(&fyne.PointEvent{})
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no menu shown")
	}
	w.Canvas().Overlays().Top().Hide()
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	s.Select(Range{0, 3})
	for _, it := range s.fieldMenu() {
		if it.Label == "Cut" {
			it.Action()
		}
	}
	if s.Text() != "二三" || fyne.CurrentApp().Clipboard().Content() != "一" {
		t.Errorf("Cut left %q, clipboard %q", s.Text(), fyne.CurrentApp().Clipboard().Content())
	}
	if got := labels(); !strings.HasPrefix(got, "Undo,,Cut") {
		t.Errorf("menu with history %q", got)
	}
	s.SetReadOnly(true)
	if got := labels(); got != "Copy,Select All" {
		t.Errorf("read-only menu %q", got)
	}
	s.SetReadOnly(false)
	s.SetField(nil)
	s.TappedSecondary(&fyne.PointEvent{})
	if w.Canvas().Overlays().Top() != nil {
		t.Error("the editor opened a menu")
	}
}
