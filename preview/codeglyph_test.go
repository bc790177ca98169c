package preview

import (
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	foliotheme "folio/app/theme"
)

// inlineFlow builds a paragraph in the Folio theme and returns its text
// flow, laid out.
func inlineFlow(t *testing.T, md string) *textFlow {
	t.Helper()
	p := showPreview(t)
	fyne.CurrentApp().Settings().SetTheme(foliotheme.New(foliotheme.Options{}))
	p.updateNow([]byte(md), Meta{}, "", 1)
	flows := findType[*textFlow](p.content.objs[0])
	if len(flows) == 0 {
		t.Fatalf("no flow for %q", md)
	}
	f := flows[0]
	test.WidgetRenderer(f).Layout(f.Size())
	return f
}

// codePiece is the laid-out piece of f's inline code run holding s.
func codePiece(t *testing.T, f *textFlow, s string) flowPiece {
	t.Helper()
	for _, l := range f.lines {
		for _, p := range l.pieces {
			if f.runs[p.run].code && strings.Contains(p.text, s) {
				return p
			}
		}
	}
	t.Fatalf("no code piece holds %q", s)
	return flowPiece{}
}

// TestInlineCodeBoxDrawingOneColumn: in inline code, as in a code block,
// a box-drawing character takes one monospace column (the Folio theme's
// monospace face draws it a full em), centred on it, so `├─ a` is four
// columns wide and a selection's boxes follow the columns.
func TestInlineCodeBoxDrawingOneColumn(t *testing.T) {
	f := inlineFlow(t, "树 `├─ a│b` 尾\n")
	p := codePiece(t, f, "├─")
	run := f.runs[p.run]
	size := f.runSize(&run)
	cell := fyne.MeasureText("M", size, run.style).Width
	if w := fyne.MeasureText("─", size, run.style).Width; w < cell*1.5 {
		t.Fatalf("the theme's monospace ─ is %.1f wide for a %.1f column: nothing to test", w, cell)
	}
	if want := 6 * cell; math.Abs(float64(p.w-want)) > 0.5 {
		t.Errorf("`├─ a│b` is %.1f wide; want 6 columns (%.1f)", p.w, want)
	}
	if got, want := f.pieceWidth(p, len("├─ ")), 3*cell; math.Abs(float64(got-want)) > 0.5 {
		t.Errorf("the selection after `├─ ` is at %.1f; want %.1f", got, want)
	}
	drawn := map[string]bool{}
	for _, txt := range codeTexts(t, f) {
		if txt.Text == "├" || txt.Text == "─" || txt.Text == "│" {
			drawn[txt.Text] = true
			if txt.Alignment != fyne.TextAlignCenter || math.Abs(float64(txt.Size().Width-cell)) > 0.5 {
				t.Errorf("%q drawn %v in a box %.1f wide; want centred on %.1f", txt.Text, txt.Alignment, txt.Size().Width, cell)
			}
		}
	}
	if len(drawn) != 3 {
		t.Errorf("box drawing not drawn alone: %v", drawn)
	}
}

// TestCodeQuotesFromLatinFace: curly quotes (and arrows, ×) in code are
// drawn from Fyne's Latin monospace face, which has them one column wide,
// at the code's size and centred on their column, in code blocks and in
// inline code; ①, which that face lacks, is still shrunk to its column in
// a code block.
func TestCodeQuotesFromLatinFace(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(foliotheme.New(foliotheme.Options{}))
	cb := newCodeBlock("text", "s = ‘a’ + “b” → ① ×", false)
	w := test.NewTempWindow(t, cb)
	w.Resize(fyne.NewSize(600, 200))
	size, cell := codeCell()
	if adv := fyne.MeasureText("“", size, fyne.TextStyle{Monospace: true}).Width; adv < cell.Width*1.5 {
		t.Fatalf("the theme's monospace “ is %.1f wide for a %.1f column: nothing to test", adv, cell.Width)
	}
	seen := map[string]bool{}
	for _, txt := range codeTexts(t, cb) {
		switch txt.Text {
		case "‘", "’", "“", "”", "→", "×":
			seen[txt.Text] = true
			if txt.FontSource != latinMono() || txt.TextSize != size || txt.Alignment != fyne.TextAlignCenter || math.Abs(float64(txt.Size().Width-cell.Width)) > 0.5 {
				t.Errorf("code block: %q drawn from %v at %.1f (code %.1f), aligned %v in %.1f (column %.1f)", txt.Text, txt.FontSource, txt.TextSize, size, txt.Alignment, txt.Size().Width, cell.Width)
			}
		case "①":
			seen[txt.Text] = true
			if txt.FontSource != nil || txt.TextSize >= size {
				t.Errorf("code block: ① drawn from %v at %.1f; want the monospace face, shrunk", txt.FontSource, txt.TextSize)
			}
		}
	}
	if len(seen) != 7 {
		t.Errorf("drawn alone: %v", seen)
	}

	f := inlineFlow(t, "引用 `“x” ①` 尾\n")
	p := codePiece(t, f, "x")
	run := f.runs[p.run]
	isize := f.runSize(&run)
	icell := fyne.MeasureText("M", isize, run.style).Width
	circled := fyne.MeasureText("①", isize, run.style).Width
	if want := 4*icell + circled; math.Abs(float64(p.w-want)) > 0.5 {
		t.Errorf("inline `“x” ①` is %.1f wide; want 4 columns and ① (%.1f)", p.w, want)
	}
	quotes := 0
	for _, txt := range codeTexts(t, f) {
		if txt.Text == "“" || txt.Text == "”" {
			quotes++
			if txt.FontSource != latinMono() || txt.TextSize != isize || txt.Alignment != fyne.TextAlignCenter {
				t.Errorf("inline: %q drawn from %v at %.1f, aligned %v", txt.Text, txt.FontSource, txt.TextSize, txt.Alignment)
			}
		}
	}
	if quotes != 2 {
		t.Errorf("%d quotes drawn alone in inline code", quotes)
	}
}
