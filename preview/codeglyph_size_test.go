package preview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	foliotheme "folio/app/theme"
	"folio/internal/inktest"
)

// arrowLike checks the ink of "x → x" drawn by texts: the arrow, on the
// middle of five columns cell wide, is about as wide as its column, at
// least half as high as the x, and centred on the x's middle (QA7 H2: it
// was drawn sunk towards the baseline).
func arrowLike(t *testing.T, what string, texts []*canvas.Text, cell float32) {
	t.Helper()
	var x0 float32 = -1
	for _, tx := range texts {
		if strings.HasPrefix(tx.Text, "x") && (x0 < 0 || tx.Position().X < x0) {
			x0 = tx.Position().X
		}
	}
	if x0 < 0 {
		t.Fatalf("%s: no text starting with x among %d", what, len(texts))
	}
	const k = 6
	img := inktest.Draw(texts, k)
	col := func(c float32) int { return int((x0 + c*cell) * k) }
	x := inktest.Ink(img, col(0), col(1))
	arrow := inktest.Ink(img, col(1.5), col(3.5))
	if x.Empty() || arrow.Empty() {
		t.Fatalf("%s: no ink: x %+v, arrow %+v", what, x, arrow)
	}
	if arrow.W() < 0.8*cell*k {
		t.Errorf("%s: the arrow is %.0f px wide, its column %.0f", what, arrow.W(), cell*k)
	}
	if arrow.H() < 0.45*x.H() {
		t.Errorf("%s: the arrow is %.0f px high, the x %.0f", what, arrow.H(), x.H())
	}
	if d := arrow.CY() - x.CY(); d > 0.15*x.H() || d < -0.15*x.H() {
		t.Errorf("%s: the arrow's middle is %.1f px below the x's (x %+v, arrow %+v)", what, d, x, arrow)
	}
}

func TestCodeArrowFullSizeOnTheXMiddle(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(foliotheme.New(foliotheme.Options{}))
	cb := newCodeBlock("text", "x → x", false)
	w := test.NewTempWindow(t, cb)
	w.Resize(fyne.NewSize(600, 200))
	_, cell := codeCell()
	arrowLike(t, "code block", codeTexts(t, cb), cell.Width)

	f := inlineFlow(t, "`x → x`\n")
	p := codePiece(t, f, "x")
	run := f.runs[p.run]
	icell := fyne.MeasureText("M", f.runSize(&run), run.style).Width
	arrowLike(t, "inline code", codeTexts(t, f), icell)
}
