package editor

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestALayoutAtTheSameSizeRedrawsNothing: Fyne lays a widget out again
// while it draws a frame when a child's minimum size changed (a line of
// text got wider after an edit or a reload). At the size it has, the
// editor was laid out already and Refresh followed the change: that layout
// must do nothing, or its refreshes draw a second frame right after the
// first (issue 9). A new size is laid out.
func TestALayoutAtTheSameSizeRedrawsNothing(t *testing.T) {
	s, _ := newTestSource(t, "# 标题\n正文")
	r := test.WidgetRenderer(s).(*sourceRenderer)
	size := s.Size()
	if size.IsZero() {
		t.Fatal("the editor was not laid out")
	}
	r.bg.Move(fyne.NewPos(3, 3)) // what a layout would put back at (0, 0)
	r.Layout(size)
	if r.bg.Position() != fyne.NewPos(3, 3) {
		t.Error("a layout at the same size laid the editor out again")
	}
	bigger := size.AddWidthHeight(20, 20)
	r.Layout(bigger)
	if r.bg.Position() != (fyne.Position{}) || r.bg.Size() != bigger {
		t.Errorf("a new size was not laid out: background at %v, %v", r.bg.Position(), r.bg.Size())
	}
}

// QA: a bar shown above the editor (conflict, Reloaded) made it shorter
// and hid the caret's line under its bottom edge.
func TestACaretInViewStaysInViewWhenTheEditorShrinks(t *testing.T) {
	var b strings.Builder
	for i := range 200 {
		fmt.Fprintf(&b, "line %d\n", i)
	}
	s, w := newTestSource(t, b.String())
	w.Resize(fyne.NewSize(600, 400))
	// the caret on the last line shown
	last, _ := s.lay.lineAtVisual(s.topVisual() + int((s.viewSize.Height-2*padTop)/s.metrics().lineH) - 1)
	s.SetCursorOffset(strings.Index(b.String(), fmt.Sprintf("line %d\n", last)))
	if !s.cursorInView() {
		t.Fatal("set-up: the caret is not in view")
	}
	s.Resize(fyne.NewSize(s.Size().Width, s.Size().Height-80))
	if !s.cursorInView() {
		t.Errorf("the caret on line %d went out of view when the editor got shorter", last)
	}
}
