package preview

import (
	"fmt"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	foliotheme "folio/app/theme"
)

// TestTableGridLineUnderEveryRow: in the light theme, a table whose rows
// are a fractional height tall (32.27 units) shows the grid line under
// every row: the pixel row between two rows' cells is not the cells'
// background (QA F21: every other line was covered).
func TestTableGridLineUnderEveryRow(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(foliotheme.New(foliotheme.Options{Variant: foliotheme.VariantLight}))
	p := New()
	q := make(uiQueue, 16)
	p.do, p.images.do = q.do, q.do
	uiQueues[p] = q
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(600, 800))
	var b strings.Builder
	b.WriteString("| 列一 | 列二 |\n|---|---|\n")
	for i := range 40 {
		fmt.Fprintf(&b, "| %d | 值 %d |\n", i, i)
	}
	p.updateNow([]byte(b.String()), Meta{}, "", 1)
	box, ok := p.content.objs[0].(*tableBox)
	if !ok {
		t.Fatalf("first object is %T", p.content.objs[0])
	}
	img := w.Canvas().Capture()
	// the preview in the window's padding, its content not scrolled
	origin := p.Position().Add(box.Position())
	cols := box.tl.plan.Cols
	checked := 0
	for i := 0; i+cols < len(box.grid.Objects); i += cols {
		cell := box.grid.Objects[i+cols-1] // the last column: no text at its right
		at := origin.Add(cell.Position())
		x := int(at.X + cell.Size().Width - 4)
		y := int(at.Y + cell.Size().Height) // the grid line under the row
		if y+1 >= img.Bounds().Dy() {
			break
		}
		inside := color.NRGBAModel.Convert(img.At(x, y-2)).(color.NRGBA)
		line := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
		if line == inside {
			t.Errorf("row %d: no grid line under it at y %d (%v, the cell's %v)", i/cols, y, line, inside)
		}
		checked++
	}
	if checked < 10 {
		t.Fatalf("only %d rows checked", checked)
	}
}
