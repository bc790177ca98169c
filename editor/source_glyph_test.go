package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	foliotheme "folio/app/theme"
	"folio/internal/inktest"
)

// TestMonoArrowFullSizeOnTheXMiddle: in the editor's monospace face "→"
// is drawn about as wide as its column, at least half as high as an x and
// centred on the x's middle, as in the preview (QA7 H2: it was the CJK
// glyph shrunk to half and sunk to the baseline). ① keeps the shrunk CJK
// glyph (Fyne's Latin monospace face has none).
func TestMonoArrowFullSizeOnTheXMiddle(t *testing.T) {
	s, _ := newTestSource(t, "x → x\nx ① x")
	fyne.CurrentApp().Settings().SetTheme(foliotheme.New(foliotheme.Options{}))
	s.SetMonospace(true)
	r := test.TempWidgetRenderer(t, s).(*sourceRenderer)
	r.Refresh()
	var line []*canvas.Text
	var y0, lh float32 = -1, 0
	for _, o := range r.Objects() {
		tx, ok := o.(*canvas.Text)
		if !ok || !tx.Visible() || tx.Text == "" {
			continue
		}
		if tx.Text == "①" && (tx.FontSource != nil || tx.TextSize >= s.metrics().size) {
			t.Errorf("① drawn from %v at %.1f; want the monospace face, shrunk", tx.FontSource, tx.TextSize)
		}
		if strings.HasPrefix(tx.Text, "x") && (y0 < 0 || tx.Position().Y < y0) {
			y0, lh = tx.Position().Y, tx.Size().Height
		}
		line = append(line, tx)
	}
	var first []*canvas.Text // the texts of the first line
	for _, tx := range line {
		if tx.Position().Y < y0+lh/2 && tx.Text != "①" {
			first = append(first, tx)
		}
	}
	cell := s.metrics().cell
	var x0 float32 = -1
	for _, tx := range first {
		if strings.HasPrefix(tx.Text, "x") && (x0 < 0 || tx.Position().X < x0) {
			x0 = tx.Position().X
		}
	}
	const k = 6
	img := inktest.Draw(first, k)
	col := func(c float32) int { return int((x0 + c*cell) * k) }
	x := inktest.Ink(img, col(0), col(1))
	arrow := inktest.Ink(img, col(1.5), col(3.5))
	if x.Empty() || arrow.Empty() {
		t.Fatalf("no ink: x %+v, arrow %+v (%d texts)", x, arrow, len(first))
	}
	if arrow.W() < 0.8*cell*k {
		t.Errorf("the arrow is %.0f px wide, its column %.0f", arrow.W(), cell*k)
	}
	if arrow.H() < 0.45*x.H() {
		t.Errorf("the arrow is %.0f px high, the x %.0f", arrow.H(), x.H())
	}
	if d := arrow.CY() - x.CY(); d > 0.15*x.H() || d < -0.15*x.H() {
		t.Errorf("the arrow's middle is %.1f px below the x's (x %+v, arrow %+v)", d, x, arrow)
	}
}
