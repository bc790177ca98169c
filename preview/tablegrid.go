package preview

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"weak"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"folio/preview/markdown"
)

// snap is v rounded to a whole unit. A table's cells are placed on whole
// units so that the one-unit gaps between them, which show the grid lines
// behind, are never covered: with rows 32.27 units tall, every other
// row's cells rounded over the line under it (QA: a big table in the
// light theme lost the line under every other row). A gap of one unit
// between two snapped edges stays one unit: round(a+1) = round(a)+1.
func snap(v float32) float32 { return float32(math.Round(float64(v))) }

// A table too wide for the pane at readable column widths (a 300-column
// table: markdown.TablePlan.Wide) always scrolls sideways, so its column
// widths do not depend on the pane: each column is as wide as its widest
// cell up to markdown.ReadableEm, and at least its longest word, measured
// from the cells' text by glyph advances, without building the cells.
// Such a table is a virtualised grid: its row heights are found the same
// way (a cell that wraps is laid out, not drawn), and only the cells of
// the columns in view are built, as the preview builds only the blocks in
// view (a wide table of more than a few rows is cut into parts of about
// 2,400 cells on the parsing goroutine: markdown's rowsPerPart). The parts of a table share their column widths and scroll
// sideways together, to one position (tableGroup), so the header, in the
// first part, stays over its columns; the bar is under the last part.

// wideSlack is added to a column's width measured by glyph advances
// (kerning and rounding may make the drawn text a little wider).
const wideSlack = 3

// wideMargin is how far past the view, each side, a wide table's cells
// are built: a small sideways scroll builds nothing.
const wideMargin = 100

// wideMeasureBudget bounds the time spent laying out a wide table's
// wrapping cells for their heights when it is built; the cells past it
// keep their estimate until they are shown.
const wideMeasureBudget = 4 * time.Millisecond

// wideGrid is the cells and geometry of a wide table (or a part of one).
type wideGrid struct {
	b       builder
	cols    int
	rows    [][][]Inline // the header row first, if the part has it
	header  bool
	align   []markdown.Align
	top     float32 // the grid line above the first row (0 or the gap)
	gap     float32
	cellPad float32 // a cell's padding, each side
	em      float32

	sizes      []cellSize // each cell's text measured (row-major)
	colX, colW []float32  // each column's left edge and width; colX[cols] is the width
	rowY, rowH []float32  // each row's top and height
	width      float32
	height     float32

	// made are the cells built (by cell index), shown or measured; the
	// content shows those in columns [from, to)
	made     map[int]fyne.CanvasObject
	exact    []bool // the cell's height was measured, not estimated
	from, to int
	content  *fyne.Container
	// grew is called when a cell built for the view was taller than its
	// row (the table's height changed)
	grew func()
}

// cellSize is a cell's text measured by glyph advances: its width on one
// line (its widest line when it has hard breaks) and its longest word.
type cellSize struct{ natural, word float32 }

// isWideTable reports whether a table with this plan is shown as a
// wideGrid (an HTML table with row spans keeps the fitted layout, which
// places them).
func isWideTable(bl *Block, plan *markdown.TablePlan) bool {
	return plan.Cols > 0 && len(bl.RowSpans) == 0 && plan.Wide()
}

// newWideGrid sizes a wide table's columns and rows from its text; the
// parts of a table (group) get the widest of their columns.
func newWideGrid(b builder, bl *Block, plan *markdown.TablePlan, group *tableGroup) *wideGrid {
	pad := theme.Padding()
	g := &wideGrid{b: b, cols: plan.Cols, align: bl.Align, gap: 1, cellPad: pad * 1.5, em: theme.TextSize() * b.textScale(), made: map[int]fyne.CanvasObject{}, from: -1, to: -1}
	if bl.Cont()&markdown.ContAbove == 0 {
		g.top = g.gap
	}
	if bl.Header != nil {
		g.rows = append(g.rows, bl.Header)
		g.header = true
	}
	g.rows = append(g.rows, bl.Rows...)
	g.measureCells()
	g.colW = make([]float32, g.cols)
	for i, s := range g.sizes {
		c := i % g.cols
		g.colW[c] = max(g.colW[c], min(s.natural, markdown.ReadableEm*g.em), s.word)
	}
	for c := range g.colW {
		g.colW[c] = snap(g.colW[c] + 2*g.cellPad + wideSlack)
	}
	if group != nil {
		g.colW = group.widths(g.colW)
	}
	g.colX = make([]float32, g.cols+1)
	g.placeColumns()
	g.exact = make([]bool, len(g.rows)*g.cols)
	g.rowH = make([]float32, len(g.rows))
	g.rowY = make([]float32, len(g.rows)+1)
	g.measureRows()
	g.content = &fyne.Container{Layout: (*wideLayout)(g)}
	return g
}

// placeColumns computes the columns' left edges and the table's width.
func (g *wideGrid) placeColumns() {
	x := g.gap
	for c := range g.cols {
		g.colX[c] = x
		x += g.colW[c] + g.gap
	}
	g.colX[g.cols] = x
	g.width = x
}

// measureCells measures every cell's text by the advances of its glyphs
// (each measured once per face; every ideograph has the same).
func (g *wideGrid) measureCells() {
	g.sizes = make([]cellSize, len(g.rows)*g.cols)
	ascii := map[fyne.TextStyle]*[128]float32{}
	han := float32(0)
	for r, row := range g.rows {
		bold := g.header && r == 0
		for c := 0; c < g.cols && c < len(row); c++ {
			var s cellSize
			line, word := float32(0), float32(0)
			for _, in := range row[c] {
				switch in.Kind {
				case InlineBreak:
					s.natural, line, word = max(s.natural, line), 0, 0
					continue
				case InlineImage:
					continue
				}
				st := fyne.TextStyle{Bold: bold || in.Style&markdown.Bold != 0, Italic: in.Style&markdown.Italic != 0, Monospace: in.Style&markdown.Code != 0}
				tab := ascii[st]
				if tab == nil {
					tab = new([128]float32)
					ascii[st] = tab
				}
				for _, ch := range in.Text {
					var adv float32
					switch {
					case ch < 128:
						if tab[ch] == 0 {
							tab[ch] = g.b.measure.measure(string(ch), g.em, st).Width
						}
						adv = tab[ch]
					case fullWidth(ch):
						if han == 0 {
							han = g.b.measure.measure("中", g.em, fyne.TextStyle{Bold: true}).Width
						}
						adv = han
					default:
						adv = g.b.measure.measure(string(ch), g.em, st).Width
					}
					line += adv
					if ch == ' ' || fullWidth(ch) {
						word = 0
						s.word = max(s.word, adv)
					} else {
						word += adv
						s.word = max(s.word, word)
					}
				}
				if st.Monospace {
					line += g.cellPad // a code span's fill
				}
			}
			s.natural = max(s.natural, line)
			g.sizes[r*g.cols+c] = s
		}
	}
}

// measureRows finds each row's height: a cell whose text fits its column
// is one line tall; one that wraps is laid out (while the budget lasts;
// estimated after).
func (g *wideGrid) measureRows() {
	drv := fyne.CurrentApp().Driver()
	lineH, _ := g.b.measure.metrics(drv, g.em, fyne.TextStyle{})
	boldH, _ := g.b.measure.metrics(drv, g.em, fyne.TextStyle{Bold: true})
	lineH = max(lineH, boldH)
	spacing := theme.Size(theme.SizeNameLineSpacing)
	deadline := time.Now().Add(wideMeasureBudget)
	for r, row := range g.rows {
		h := lineH
		for c := 0; c < g.cols && c < len(row); c++ {
			i := r*g.cols + c
			inner := g.colW[c] - 2*g.cellPad
			lines := 1 + breaks(row[c])
			// the widest cell of a column fits with wideSlack to spare
			// (less half a unit of rounding)
			if s := g.sizes[i]; s.natural > inner-wideSlack/2 {
				if time.Now().Before(deadline) {
					g.exact[i] = true
					h = max(h, heightOf(g.cell(i), g.colW[c])-2*g.cellPad)
					continue
				}
				lines += int(s.natural / max(inner, 1))
			}
			h = max(h, float32(lines)*lineH+float32(lines-1)*spacing)
		}
		g.rowH[r] = snap(h + 2*g.cellPad)
	}
	g.place()
}

// breaks counts a cell's hard line breaks.
func breaks(in []Inline) int {
	n := 0
	for _, r := range in {
		if r.Kind == InlineBreak {
			n++
		}
	}
	return n
}

// place computes the rows' tops and the table's height.
func (g *wideGrid) place() {
	y := g.top
	for r, h := range g.rowH {
		g.rowY[r] = y
		y += h + g.gap
	}
	g.rowY[len(g.rowH)] = y
	g.height = y
}

// widen takes the columns' widths shared with the table's other parts:
// the cells in view are laid out again at them.
func (g *wideGrid) widen(colW []float32) {
	g.colW = colW
	g.placeColumns()
	for i := range g.exact {
		g.exact[i] = false // measured again when shown
	}
	g.from, g.to = -1, -1
}

// cell builds (or returns) the cell at index i: a panel with the cell's
// background and its text.
func (g *wideGrid) cell(i int) fyne.CanvasObject {
	if o := g.made[i]; o != nil {
		return o
	}
	r, c := i/g.cols, i%g.cols
	var in []Inline
	if c < len(g.rows[r]) {
		in = g.rows[r][c]
	}
	header := g.header && r == 0
	base := g.b.baseRun()
	base.style.Bold = header
	flow := g.b.newFlow(g.b.runs(in, base), g.b.onLink)
	if c < len(g.align) {
		flow.align = fyneAlign(g.align[c])
	}
	fill := theme.Color(theme.ColorNameBackground)
	if header {
		fill = theme.Color(theme.ColorNameHeaderBackground)
	}
	o := &fyne.Container{Layout: &panelLayout{pad: theme.Padding() * 1.5}, Objects: []fyne.CanvasObject{canvas.NewRectangle(fill), flow}}
	g.made[i] = o
	return o
}

// setView builds the cells of the columns within wideMargin of the view
// [x, x+w) and drops the others; it reports whether a row grew (a cell
// shown for the first time was taller than estimated).
func (g *wideGrid) setView(x, w float32) (grew bool) {
	from := max(sort.Search(g.cols, func(c int) bool { return g.colX[c+1] > x-wideMargin }), 0)
	to := sort.Search(g.cols, func(c int) bool { return g.colX[c] >= x+w+wideMargin })
	if from == g.from && to == g.to {
		return false
	}
	g.from, g.to = from, to
	for i, o := range g.made {
		if c := i % g.cols; c < from || c >= to { // its height is in rowH
			g.b.flows.put(o)
			delete(g.made, i)
		}
	}
	objs := make([]fyne.CanvasObject, 0, len(g.rows)*(to-from))
	for r := range g.rows {
		for c := from; c < to; c++ {
			i := r*g.cols + c
			o := g.cell(i)
			if !g.exact[i] {
				g.exact[i] = true
				if h := snap(heightOf(o, g.colW[c])); h > g.rowH[r] {
					g.rowH[r] = h
					grew = true
				}
			}
			objs = append(objs, o)
		}
	}
	if grew {
		g.place()
	}
	g.content.Objects = objs
	return grew
}

// wideLayout places a wide grid's built cells.
type wideLayout wideGrid

func (l *wideLayout) Layout(objs []fyne.CanvasObject, _ fyne.Size) {
	g := (*wideGrid)(l)
	if g.from < 0 {
		return
	}
	k := 0
	for r := range g.rows {
		top, bottom := snap(g.rowY[r]), snap(g.rowY[r]+g.rowH[r])
		for c := g.from; c < g.to && k < len(objs); c++ {
			left, right := snap(g.colX[c]), snap(g.colX[c]+g.colW[c])
			objs[k].Move(fyne.NewPos(left, top))
			objs[k].Resize(fyne.NewSize(right-left, bottom-top))
			k++
		}
	}
}

func (l *wideLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(l.width, l.height)
}

// tableGroup is the sideways scroll and the column widths the parts of
// one wide table share.
type tableGroup struct {
	offset  float32
	colW    []float32
	members map[weak.Pointer[tableBox]]struct{}
	sig     string // the table's signature (sideOffsets)
}

// sideOffsets are how far the wide tables shown were last scrolled
// sideways, by signature (their column count and header) and by column
// count alone: an edit makes a table's parts anew (a new plan when its
// widths changed), and a keystroke in the editor must not scroll the
// preview's table back to its first column. A part without the header
// (built first when the view is below it) finds the last table of as
// many columns. UI goroutine only.
var sideOffsets = map[string]float32{}

// maxSideOffsets bounds sideOffsets (it is emptied when full).
const maxSideOffsets = 64

// tableSig is a wide table's signature: its column count and the text of
// its first header cells; a part without the header has its column
// count alone.
func tableSig(bl *Block, cols int) string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(cols))
	if bl.Header != nil {
		for _, c := range bl.Header[:min(len(bl.Header), 8)] {
			b.WriteByte('|')
			b.WriteString(inlineText(c))
		}
	}
	return b.String()
}

// rememberOffset records how far the table with signature sig and cols
// columns is scrolled sideways.
func rememberOffset(sig string, cols int, x float32) {
	if len(sideOffsets) >= maxSideOffsets {
		clear(sideOffsets)
	}
	if sig != "" {
		sideOffsets[sig] = x
	}
	sideOffsets[strconv.Itoa(cols)] = x
}

// lastOffset is where a table with signature sig was last scrolled.
func lastOffset(sig string) float32 { return sideOffsets[sig] }

// widths merges a part's column widths into the group's (each column's
// widest) and returns them; when a column widened, the parts built
// before take the new widths.
func (g *tableGroup) widths(own []float32) []float32 {
	if g.colW == nil {
		g.colW = own
		return own
	}
	widened := false
	for c := range min(len(own), len(g.colW)) {
		if own[c] > g.colW[c] {
			widened = true
			g.colW[c] = own[c]
		}
	}
	if widened {
		for k := range g.members {
			if t := k.Value(); t != nil {
				t.widen(g.colW)
			} else {
				delete(g.members, k)
			}
		}
	}
	return g.colW
}

// tableGroups are the groups of the wide tables shown, by their plan
// (every part of a table has the same; UI goroutine only).
var tableGroups = map[weak.Pointer[markdown.TablePlan]]*tableGroup{}

// groupFor is the sideways scroll shared by the parts of the table with
// this plan.
func groupFor(plan *markdown.TablePlan) *tableGroup {
	k := weak.Make(plan)
	if g := tableGroups[k]; g != nil {
		return g
	}
	for k := range tableGroups {
		if k.Value() == nil {
			delete(tableGroups, k)
		}
	}
	g := &tableGroup{members: map[weak.Pointer[tableBox]]struct{}{}}
	tableGroups[k] = g
	return g
}

// join adds a part being built, scrolled to the group's position.
func (g *tableGroup) join(t *tableBox) {
	g.members[weak.Make(t)] = struct{}{}
}

// scrollBy scrolls the parts sideways by dx (a wheel's delta), within
// the table's width as shown in s.
func (g *tableGroup) scrollBy(dx float32, s *pageScroll) {
	room := s.Content.MinSize().Width - s.Size().Width
	g.scrollTo(min(max(g.offset-dx, 0), max(room, 0)), nil)
}

// scrollTo puts every built part but from at x.
func (g *tableGroup) scrollTo(x float32, from *tableBox) {
	g.offset = x
	if len(g.colW) > 0 {
		rememberOffset(g.sig, len(g.colW), x)
	}
	for k := range g.members {
		t := k.Value()
		if t == nil {
			delete(g.members, k)
			continue
		}
		if t != from {
			t.scrollTo(x)
		}
	}
}

// ensure the group's type fits pageScroll's.
var _ sideGroup = (*tableGroup)(nil)
