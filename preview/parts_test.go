package preview

import (
	"folio/editor/textwidth"

	"folio/preview/markdown"

	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"github.com/alecthomas/chroma/v2"

	foliotheme "folio/app/theme"
)

// bigCode is an article with a code block of about n bytes between two
// paragraphs.
func bigCode(n int) []byte {
	var b bytes.Buffer
	b.WriteString("# Big code\n\nbefore\n\n```go\n")
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "fmt.Println(%d, \"中文输出\") // line %d\n", i, i)
	}
	b.WriteString("```\n\nafter\n")
	return b.Bytes()
}

// bigTable is an article with a table of rows rows.
func bigTable(rows int) []byte {
	var b bytes.Buffer
	b.WriteString("# Big table\n\n| id | 名称 | note |\n|---|---|---|\n")
	for i := range rows {
		fmt.Fprintf(&b, "| %d | 第%d行 | some note text %d |\n", i, i, i)
	}
	b.WriteString("\nafter\n")
	return b.Bytes()
}

// TestBigCodeBlockStaysShownAfterTyping: typing inside a 1 MB code block
// near its end (the repro: Ctrl+End, Up ×4, End, type) leaves the preview
// showing that part of the block, built from a few parts only.
func TestBigCodeBlockStaysShownAfterTyping(t *testing.T) {
	p := showPreview(t)
	test.NewTempApp(t).Settings().SetTheme(foliotheme.New(foliotheme.Options{}))
	body := bigCode(1 << 20)
	p.updateNow(body, Meta{}, "", 1)
	if len(p.items) < 100 {
		t.Fatalf("a 1 MB code block is %d items; want it cut into parts", len(p.items))
	}
	lines := bytes.Count(body, []byte{'\n'})
	p.ScrollToSourceLine(lines - 4)
	at := bytes.LastIndex(body[:len(body)-20], []byte("\n")) - 5
	edited := append(append(append([]byte(nil), body[:at]...), 'X'), body[at:]...)
	res := p.updateNow(edited, Meta{}, "", 1)
	if !res.incremental {
		t.Error("the edit was not incremental")
	}
	p.ScrollToSourceLine(lines - 4)
	got := visibleText(p)
	if !strings.Contains(got, "X") || len(p.content.objs) == 0 {
		t.Fatalf("the edited part is not shown; visible:\n%.300s", got)
	}
	if len(p.built) > 40 {
		t.Errorf("%d widgets built; want only the parts on screen", len(p.built))
	}
}

// TestBigTableIsParts: a 20,000-row table is cut into parts that share one
// column plan, and only those on screen are built.
func TestBigTableIsParts(t *testing.T) {
	p := showPreview(t)
	p.updateNow(bigTable(20000), Meta{}, "", 1)
	parts := 0
	var plan *markdown.TablePlan
	for _, it := range p.items {
		if it.block != nil && it.block.Kind == KindTable {
			parts++
			if plan == nil {
				plan = it.block.Plan()
			} else if it.block.Plan() != plan {
				t.Fatal("table parts do not share their column plan")
			}
		}
	}
	if parts < 100 {
		t.Fatalf("the table is %d parts", parts)
	}
	if len(p.built) > 40 {
		t.Errorf("%d widgets built", len(p.built))
	}
	if !strings.Contains(visibleText(p), "第0行") {
		t.Error("the first rows are not shown")
	}
}

// codeTexts is every canvas.Text of a built code block with its position.
func codeTexts(t *testing.T, o fyne.CanvasObject) []*canvas.Text {
	var out []*canvas.Text
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *canvas.Text:
			out = append(out, v)
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// TestCodeKeepsTheMonospaceGrid: box drawing and CJK take one and two
// columns whatever their font's advance, so what follows them lines up.
func TestCodeKeepsTheMonospaceGrid(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(foliotheme.New(foliotheme.Options{}))
	cb := newCodeBlock("text", "└─ 中文x\nab   ──x\n│  表  x", false)
	w := test.NewTempWindow(t, cb)
	w.Resize(fyne.NewSize(400, 200))
	_, cell := codeCell()
	var xs []float32
	for _, txt := range codeTexts(t, cb) {
		col := txt.Position().X / cell.Width
		if math.Abs(float64(col-float32(math.Round(float64(col))))) > 0.01 {
			t.Errorf("%q starts off the grid at column %.2f", txt.Text, col)
		}
		if strings.HasSuffix(txt.Text, "x") {
			xs = append(xs, txt.Position().X+float32(len([]rune(txt.Text))-1)*cell.Width)
		}
	}
	if len(xs) != 3 || xs[0] != xs[1] || xs[1] != xs[2] {
		t.Errorf("the x after └─ 中文, ──  and 表 are at %v; want one column", xs)
	}
	// a glyph off the grid is centred on its cells; ASCII and glyphs on
	// the grid start at their cell
	centred := 0
	for _, txt := range codeTexts(t, cb) {
		cols := float32(0)
		for _, r := range txt.Text {
			cols += float32(textwidth.Columns(r))
		}
		w := fyne.MeasureText(txt.Text, txt.TextSize, txt.TextStyle).Width
		off := w < cols*cell.Width-0.5 || w > cols*cell.Width+0.5
		if off {
			centred++
		}
		if off != (txt.Alignment == fyne.TextAlignCenter) || txt.Size().Width != cols*cell.Width {
			t.Errorf("%q (advance %.1f, %v columns of %.1f) aligned %v in a box %v wide", txt.Text, w, cols, cell.Width, txt.Alignment, txt.Size().Width)
		}
	}
	if centred == 0 {
		t.Error("no glyph off the grid: the box drawing characters' advance is their column's width in this theme?")
	}
}

// TestTableCellsWrapToFit: a table of long Chinese cells wraps to the
// pane instead of scrolling; a table of many columns scrolls, with room
// for the scroll bar below its last row.
func TestTableCellsWrapToFit(t *testing.T) {
	p := showPreview(t)
	long := strings.Repeat("很长的中文单元格内容", 12)
	p.updateNow([]byte("| 列一 | 列二 |\n|---|---|\n| "+long+" | "+long+" |\n"), Meta{}, "", 1)
	box, ok := p.content.objs[0].(*tableBox)
	if !ok {
		t.Fatalf("first object is %T", p.content.objs[0])
	}
	w := box.Size().Width
	if box.needsScroll(w) {
		t.Errorf("a table of two Chinese columns scrolls at width %v (grid %v)", w, box.tl.width)
	}
	if box.tl.rowH[1] < 3*box.tl.rowH[0] {
		t.Errorf("long cells did not wrap: row heights %v", box.tl.rowH)
	}

	wide := "|" + strings.Repeat(" column_heading_long |", 30) + "\n|" + strings.Repeat("---|", 30) + "\n|" + strings.Repeat(" value_that_is_long |", 30) + "\n"
	p.updateNow([]byte(wide), Meta{}, "", 1)
	box = p.content.objs[0].(*tableBox)
	w = box.Size().Width
	if !box.needsScroll(w) {
		t.Fatal("a 30-column table fits without scrolling?")
	}
	if box.wide == nil {
		t.Fatal("a 30-column table is not shown as a wide table")
	}
	if h := box.heightFor(w); h < box.wide.height+8 {
		t.Errorf("a scrolling table is %v tall for a %v grid: the bar covers the last row", h, box.wide.height)
	}
}

// TestWheelOverWideThingsScrollsThePage: a vertical wheel over a code
// block scrolls the page; a sideways one scrolls the block.
func TestWheelOverWideThingsScrollsThePage(t *testing.T) {
	outer := 0
	s := newPageScroll(canvasRect(3000, 50), func(*fyne.ScrollEvent) { outer++ })
	w := test.NewTempWindow(t, s)
	w.Resize(fyne.NewSize(300, 100))
	s.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -10}})
	if outer != 1 || s.Offset.X != 0 {
		t.Errorf("vertical wheel: page scrolled %d times, block offset %v", outer, s.Offset.X)
	}
	s.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DX: -40}})
	if outer != 1 || s.Offset.X == 0 {
		t.Errorf("sideways wheel: page scrolled %d times, block offset %v", outer, s.Offset.X)
	}
	shiftHeld = func() bool { return true }
	defer func() { shiftHeld = realShiftHeld }()
	x := s.Offset.X
	s.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -40}})
	if outer != 1 || s.Offset.X == x {
		t.Errorf("shift+wheel: page scrolled %d times, block offset %v", outer, s.Offset.X)
	}
}

func canvasRect(w, h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(nil)
	r.SetMinSize(fyne.NewSize(w, h))
	return r
}

// TestWideCodeLeavesRoomForTheBar: a code block wider than the pane is
// taller by the scroll bar, so the bar does not cover its last line.
func TestWideCodeLeavesRoomForTheBar(t *testing.T) {
	test.NewTempApp(t)
	narrow := newCodeBlock("text", "short\nlines", false)
	wide := newCodeBlock("text", "short\n"+strings.Repeat("wide ", 100), false)
	if d := wide.heightFor(400) - narrow.heightFor(400); d < 8 {
		t.Errorf("a wide block is only %v taller than a narrow one of as many lines", d)
	}
	if narrow.heightFor(400) != narrow.heightFor(4000) {
		t.Error("a narrow block changes height with the width")
	}
}

// TestBigArticleShowsItsStartFirst: opening a big article shows its start
// before the whole is parsed, then the whole.
func TestBigArticleShowsItsStartFirst(t *testing.T) {
	p := showPreview(t)
	q := uiQueues[p]
	body := bigTable(20000)
	p.Update(body, Meta{}, "", 1)
	q.runUntil(t, func() bool { return len(p.items) > 0 })
	firstItems := len(p.items)
	if !strings.Contains(visibleText(p), "第0行") {
		t.Error("the first screen does not show the table's first rows")
	}
	q.runUntil(t, func() bool { return len(p.items) > firstItems })
	if p.applied == 0 || len(p.items) < 600 {
		t.Errorf("the whole article was not shown after its start: %d items", len(p.items))
	}
}

// TestCodePartsColourAcrossBoundaries: in a big code block, a Python
// string that runs over a part boundary is coloured as a string in the
// part it runs into (highlighting each part on its own, as before, lexed
// its lines as code), once the worker has highlighted the parts.
func TestCodePartsColourAcrossBoundaries(t *testing.T) {
	p := showPreview(t)
	q := uiQueues[p]
	var b strings.Builder
	b.WriteString("```python\n")
	for i := 0; i < 400; i++ {
		if i%23 == 13 {
			b.WriteString("s = \"\"\"a string\nthat runs\nover lines\nand parts\n\"\"\"\n")
			i += 4
			continue
		}
		fmt.Fprintf(&b, "x = f(%d)\n", i)
	}
	b.WriteString("```\n")
	p.Update([]byte(b.String()), Meta{}, "", 1)
	// the worker shows the result, then highlights the rest
	q.runUntil(t, func() bool {
		for _, it := range p.items {
			if it.block != nil && it.block.CodeHighlight() == nil {
				return false
			}
		}
		return len(p.items) > 10
	})
	style := codeStyle(p.isDark())
	stringColour := chromaColour(style.Get(chroma.LiteralStringDoc).Colour, nil)
	checked := 0
	for _, it := range p.items {
		first, _, _ := strings.Cut(it.block.Text, "\n")
		if first != "that runs" && first != "over lines" && first != "and parts" {
			continue
		}
		texts := codeTexts(t, p.builder().block(it.block))
		if len(texts) == 0 {
			t.Fatal("a part shows no text")
		}
		if texts[0].Color != stringColour {
			t.Errorf("%q at a part's start is %v; want the string colour %v", texts[0].Text, texts[0].Color, stringColour)
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no part starts inside a string: the test text does not cross a boundary")
	}
}

// TestTypingInBigBlocksRebuildsOnlyTheChangedPart: a keystroke near the
// end of a 1 MB code block or a 20,000-row table is applied without a
// parse of the block, the edit shows, and the other parts on screen keep
// their widgets.
func TestTypingInBigBlocksRebuildsOnlyTheChangedPart(t *testing.T) {
	for name, body := range map[string][]byte{"code": bigCode(1 << 20), "table": bigTable(20000)} {
		t.Run(name, func(t *testing.T) {
			p := showPreview(t)
			p.updateNow(bytes.Clone(body), Meta{}, "", 1)
			lines := bytes.Count(body, []byte{'\n'})
			p.ScrollToSourceLine(lines - 12)
			before := map[*Block]fyne.CanvasObject{}
			for i := range p.visible {
				before[p.items[i].block] = p.items[i].st.obj
			}
			at := bytes.LastIndex(body[:len(body)-30], []byte("\n")) - 5
			edited := append(append(append([]byte(nil), body[:at]...), 'X'), body[at:]...)
			res := p.updateNow(edited, Meta{}, "", 1)
			if !res.incremental || !p.doc.LastQuickEdit() {
				t.Fatalf("the keystroke was parsed (incremental %v)", res.incremental)
			}
			p.ScrollToSourceLine(lines - 12)
			if got := visibleText(p); !strings.Contains(got, "X") {
				t.Fatalf("the edit is not shown; visible:\n%.300s", got)
			}
			kept, rebuilt := 0, 0
			for i := range p.visible {
				it := p.items[i]
				if obj, ok := before[it.block]; ok && obj == it.st.obj {
					kept++
				} else {
					rebuilt++
				}
			}
			if kept == 0 || rebuilt > 2 {
				t.Errorf("%d parts on screen kept their widget, %d were rebuilt", kept, rebuilt)
			}
		})
	}
}

// TestCodeBlockScrollX: a code block tells how far it is scrolled
// sideways (selection places text by it).
func TestCodeBlockScrollX(t *testing.T) {
	test.NewTempApp(t)
	cb := newCodeBlock("text", strings.Repeat("wide ", 200), false)
	if cb.scrollX() != 0 {
		t.Error("scrolled before it is shown")
	}
	w := test.NewTempWindow(t, cb)
	w.Resize(fyne.NewSize(300, 100))
	cb.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DX: -50}})
	if cb.scrollX() <= 0 {
		t.Errorf("scrolled sideways, scrollX is %v", cb.scrollX())
	}
}

// QA: arrows, curly quotes and circled numbers in code come from the CJK
// face a full em wide; centred on their one column they covered their
// neighbours and the spaces between them. Those the Latin monospace face
// has are drawn from it (its advance is 0.6 em for a 0.5 em column), the
// others smaller, within their cells; box drawing still overlaps (so its
// lines join).
func TestCodeWideSymbolsFitTheirCells(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(foliotheme.New(foliotheme.Options{}))
	cb := newCodeBlock("text", "a → b “引号” ① ×÷ ──", false)
	w := test.NewTempWindow(t, cb)
	w.Resize(fyne.NewSize(600, 200))
	_, cell := codeCell()
	fitted := 0
	for _, txt := range codeTexts(t, cb) {
		for _, r := range txt.Text {
			if r < 0x80 || textwidth.IsHan(r) {
				continue
			}
			grid := float32(textwidth.Columns(r)) * cell.Width
			adv, _ := fyne.CurrentApp().Driver().RenderedTextSize(string(r), txt.TextSize, txt.TextStyle, txt.FontSource)
			if textwidth.IsBoxDrawing(r) {
				continue
			}
			if txt.FontSource != nil {
				grid *= 1.25 // the Latin face's 0.6 em
			}
			if adv.Width > grid+0.5 {
				t.Errorf("%q is %.1f wide over its %.1f cell: it covers its neighbours", string(r), adv.Width, grid)
			} else if txt.TextSize < codeTextSize() {
				fitted++
			}
		}
	}
	if fitted == 0 {
		t.Error("no symbol was drawn smaller: are they on the grid in this theme?")
	}
}

func codeTextSize() float32 { s, _ := codeCell(); return s }
