package preview

import (
	"os"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	foliotheme "folio/app/theme"
)

// TestScrollEndShowsArticleEnd: in a narrow preview, a long table whose
// lower rows wrap to two lines (testdata/big/table1200.md, a smaller table20k.md
// of QA G7) is estimated short before those rows are measured; scrolling
// to the end (the thumb dragged to the bottom, or End) shows the last row
// and the paragraph after the table, not rows some way above them.
func TestScrollEndShowsArticleEnd(t *testing.T) {
	body, err := os.ReadFile("testdata/big/table1200.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, how := range []string{"thumb", "End"} {
		t.Run(how, func(t *testing.T) {
			test.NewTempApp(t).Settings().SetTheme(foliotheme.New(foliotheme.Options{}))
			p := New()
			w := test.NewTempWindow(t, p)
			w.Resize(fyne.NewSize(460, 700))
			p.updateNow(body, Meta{}, "", 1)
			switch how {
			case "thumb": // as dragging the thumb: the offset at the content's end
				maxY := p.content.Size().Height - p.scroll.Size().Height
				p.scroll.Offset.Y = maxY
				p.scroll.OnScrolled(p.scroll.Offset)
			case "End":
				p.content.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
			}
			shown := texts(p.content)
			if !slices.Contains(shown, "尾段落。") || !slices.ContainsFunc(shown, func(s string) bool { return strings.Contains(s, "1199") }) {
				i := slices.IndexFunc(shown, func(s string) bool { return strings.HasPrefix(s, "11") && len(s) == 4 })
				t.Errorf("at the end, the last row and the paragraph after the table are not shown; shown from %q", shown[max(i, 0):min(max(i, 0)+3, len(shown))])
			}
		})
	}
}

// TestTablePartsClosedBelow: every part of a big table, the last one
// included, has a whole grid line under its last row (QA G6: the last row
// of a 20,000-row table had none: the rows are a fractional height tall,
// the cells sit on whole units, and the line left under the last one was
// less than a unit, not drawn).
func TestTablePartsClosedBelow(t *testing.T) {
	body, err := os.ReadFile("testdata/big/table1200.md")
	if err != nil {
		t.Fatal(err)
	}
	test.NewTempApp(t).Settings().SetTheme(foliotheme.New(foliotheme.Options{}))
	p := New()
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(460, 700))
	p.updateNow(body, Meta{}, "", 1)
	checked := 0
	for y := float32(0); ; y += 500 {
		p.scrollBy(y - p.scroll.Offset.Y)
		for _, o := range p.content.objs {
			box, ok := o.(*tableBox)
			if !ok {
				continue
			}
			box.tl.Layout(box.grid.Objects, box.grid.Size())
			bottom := float32(0)
			for _, c := range box.grid.Objects {
				bottom = max(bottom, c.Position().Y+c.Size().Height)
			}
			if line := box.tl.height - bottom; line < box.tl.gap-0.01 {
				t.Errorf("a table part of %d rows has %.2f units of grid line under its last row; want %v", len(box.tl.rowH), line, box.tl.gap)
			}
			checked++
		}
		if p.scroll.Offset.Y < y {
			break // at the end
		}
	}
	if checked < 20 {
		t.Fatalf("only %d table parts checked", checked)
	}
}
