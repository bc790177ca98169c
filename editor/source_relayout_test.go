package editor

import (
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
