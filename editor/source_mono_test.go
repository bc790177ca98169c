package editor

import (
	"testing"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// TestSetMonospaceDrawsEveryKindMonospace: with SetMonospace, prose,
// emphasis and headings are measured and drawn in the monospace face, so
// lines of as many columns are as wide; without it only code is.
func TestSetMonospaceDrawsEveryKindMonospace(t *testing.T) {
	s, _ := newTestSource(t, "iiiiiiii\nMMMMMMMM\ni**bb**M\n# heads")
	width := func(line int) float32 { s.metrics(); return s.lay.measure(line, 0, 8) }
	if width(0) == width(1) {
		t.Fatalf("the proportional face draws iiii and MMMM alike (%v): the test cannot tell", width(0))
	}
	s.SetMonospace(true)
	if !s.Monospace() {
		t.Fatal("Monospace is false after SetMonospace(true)")
	}
	for line := 1; line < 3; line++ {
		if a, b := width(0), width(line); a != b {
			t.Errorf("line %d is %v wide, line 0 of as many columns %v", line, b, a)
		}
	}
	r := test.TempWidgetRenderer(t, s).(*sourceRenderer)
	r.Refresh()
	n := 0
	for _, o := range r.Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.Visible() && tx.Text != "" {
			n++
			if !tx.TextStyle.Monospace {
				t.Errorf("%q drawn in %+v", tx.Text, tx.TextStyle)
			}
		}
	}
	if n < 4 {
		t.Fatalf("%d texts drawn", n)
	}
	s.SetMonospace(false)
	if width(0) == width(1) {
		t.Error("SetMonospace(false) did not bring the proportional face back")
	}
}
