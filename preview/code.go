package preview

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/alecthomas/chroma/v2"

	"folio/editor/textwidth"
	"folio/preview/markdown"
)

// codeStyle is the chroma style for the theme (markdown.CodeStyle).
func codeStyle(dark bool) *chroma.Style { return markdown.CodeStyle(dark) }

// codeToken is one highlighted piece of one line.
type codeToken struct {
	text        string
	colour      color.Color
	bold, italy bool
}

// tabWidth is the tab stop in columns.
const tabWidth = 4

// highlight splits code into lines of coloured tokens. An unknown language
// is plain text. Tabs are expanded to the next tab stop.
func highlight(lang, code string, style *chroma.Style) [][]codeToken {
	return colourLines(markdown.CodeTokens(lang, code), style)
}

// colourLines splits tokens into lines of coloured tokens.
func colourLines(tokens []chroma.Token, style *chroma.Style) [][]codeToken {
	fg := chromaColour(style.Get(chroma.Text).Colour, nil)
	lines := [][]codeToken{nil}
	col := 0
	add := func(text string, e chroma.StyleEntry) {
		for i, part := range strings.Split(text, "\n") {
			if i > 0 {
				lines = append(lines, nil)
				col = 0
			}
			if part == "" {
				continue
			}
			if strings.IndexByte(part, '\t') >= 0 {
				var b strings.Builder
				for _, r := range part {
					if r == '\t' {
						n := tabWidth - col%tabWidth
						b.WriteString(strings.Repeat(" ", n))
						col += n
						continue
					}
					b.WriteRune(r)
					col += textwidth.Columns(r)
				}
				part = b.String()
			} else {
				col += textwidth.StringColumns(part)
			}
			lines[len(lines)-1] = append(lines[len(lines)-1], codeToken{
				text: part, colour: chromaColour(e.Colour, fg), bold: e.Bold == chroma.Yes, italy: e.Italic == chroma.Yes,
			})
		}
	}
	for _, tok := range tokens {
		add(tok.Value, style.Get(tok.Type))
	}
	if n := len(lines); n > 1 && len(lines[n-1]) == 0 {
		lines = lines[:n-1]
	}
	return lines
}

func chromaColour(c chroma.Colour, fallback color.Color) color.Color {
	if !c.IsSet() {
		return fallback
	}
	return color.NRGBA{R: c.Red(), G: c.Green(), B: c.Blue(), A: 0xff}
}

// codeBlock is a highlighted code block on a panel in the code style's
// background, scrolling sideways when a line is too long. Every character
// sits on the monospace grid: one column, or two for wide (CJK)
// characters, whatever advance its font gives it, so box drawing and
// Chinese in EXPLAIN output and diagrams line up.
type codeBlock struct {
	widget.BaseWidget
	lang, text string
	dark       bool
	cont       uint8
	outer      func(*fyne.ScrollEvent) // the page's scroll, for the wheel
	cols       int                     // see columns; -1 until measured
	// tokens is a part's highlighting from the parsing goroutine
	// (markdown.Block.CodeHighlight); nil: highlight the text here
	tokens []chroma.Token
	scroll *pageScroll // set by CreateRenderer
	// group is the sideways scroll shared with the other parts of a big
	// block, item the part shown (codegroup.go); spacer gives the
	// scrolled content its width (set by CreateRenderer)
	group  *codeGroup
	item   *Block
	spacer *canvas.Rectangle
	// sel holds the selection's rectangles, drawn between the panel's
	// background and the text (set by CreateRenderer)
	sel *fyne.Container
	// opts are the block's line numbers and marked lines, or nil
	// (codelines.go)
	opts *markdown.CodeOpts
}

// setSelection shows boxes (in the block's coordinates) as selected,
// behind the text; nil shows none.
func (c *codeBlock) setSelection(boxes []selBox) {
	if c.sel == nil || len(boxes) == 0 && len(c.sel.Objects) == 0 {
		return
	}
	fill := theme.Color(theme.ColorNameSelection)
	objs := c.sel.Objects[:0]
	for _, b := range boxes {
		r := canvas.NewRectangle(fill)
		r.Move(b.pos)
		r.Resize(b.size)
		objs = append(objs, r)
	}
	c.sel.Objects = objs
	c.sel.Refresh()
}

// scrollX is how far the block is scrolled sideways (for hit-testing and
// selection highlights, which place text by its unscrolled position).
func (c *codeBlock) scrollX() float32 {
	if c.scroll == nil {
		return 0
	}
	return c.scroll.Offset.X
}

func newCodeBlock(lang, text string, dark bool) *codeBlock {
	c := &codeBlock{lang: lang, text: text, dark: dark, cols: -1}
	c.ExtendBaseWidget(c)
	return c
}

// columns is the width of the block's longest line in monospace columns.
func (c *codeBlock) columns() int {
	if c.cols >= 0 {
		return c.cols
	}
	c.cols = 0
	for _, line := range strings.Split(c.text, "\n") {
		n := textwidth.StringColumns(line) + strings.Count(line, "\t")*(tabWidth-1)
		c.cols = max(c.cols, n)
	}
	return c.cols
}

func (c *codeBlock) lines() [][]codeToken { return c.highlight(codeStyle(c.dark)) }

// highlight is the block's lines of coloured tokens.
func (c *codeBlock) highlight(style *chroma.Style) [][]codeToken {
	if c.tokens != nil {
		return colourLines(c.tokens, style)
	}
	return highlight(c.lang, c.text, style)
}

// codeCell is the monospace cell of code text.
func codeCell() (size float32, cell fyne.Size) {
	size = theme.TextSize() * 0.92
	return size, fyne.MeasureText("M", size, fyne.TextStyle{Monospace: true})
}

// gridText places one token's text on the grid from column col and
// returns the objects and the column after it. Runs of printable ASCII
// are one text; other characters are placed one by one unless the run's
// measured width is already its columns' width, each centred on its
// cells when its advance is not their width.
func gridText(objs []fyne.CanvasObject, tok codeToken, col int, y, size float32, cell fyne.Size) ([]fyne.CanvasObject, int) {
	mono := fyne.TextStyle{Monospace: true} // no bold/italic: themes rarely have those monospace faces
	put := func(s string, col, cols int, centre bool) *canvas.Text {
		t := canvas.NewText(s, tok.colour)
		t.TextSize = size
		t.TextStyle = mono
		if centre {
			// a glyph whose advance is not its cells' width (box drawing
			// from the CJK face is a full em) sits centred on them, so ├─
			// joins and │ stands in the middle of its column
			t.Alignment = fyne.TextAlignCenter
		}
		t.Move(fyne.NewPos(float32(col)*cell.Width, y))
		t.Resize(fyne.NewSize(float32(cols)*cell.Width, cell.Height))
		objs = append(objs, t)
		return t
	}
	s := tok.text
	for len(s) > 0 {
		// a run of printable ASCII
		i := 0
		for i < len(s) && s[i] >= 0x20 && s[i] < 0x7F {
			i++
		}
		if i > 0 {
			if strings.TrimSpace(s[:i]) != "" {
				put(s[:i], col, i, false)
			}
			col += i
			s = s[i:]
			continue
		}
		// a run of other characters
		j, cols := 0, 0
		for _, r := range s {
			if r < 0x7F && r >= 0x20 {
				break
			}
			j += len(string(r))
			cols += textwidth.Columns(r)
		}
		run := s[:j]
		s = s[j:]
		if w := fyne.MeasureText(run, size, mono).Width; w > float32(cols)*cell.Width-0.5 && w < float32(cols)*cell.Width+0.5 {
			put(run, col, cols, false)
			col += cols
			continue
		}
		for _, r := range run {
			n := textwidth.Columns(r)
			if n > 0 {
				w, grid := fyne.MeasureText(string(r), size, mono).Width, float32(n)*cell.Width
				t := put(string(r), col, n, w < grid-0.5 || w > grid+0.5)
				switch codeGlyph(r, w, cell.Width) { // codeglyph.go
				case glyphLatin:
					// a curly quote, an arrow, ×: from the Latin
					// monospace face, at full size, centred on its column
					t.FontSource = latinMono()
					t.Move(fyne.NewPos(t.Position().X, y+latinBaselineShift(size, mono)))
				case glyphShrunk:
					// ① from the CJK face is a full em: drawn smaller to
					// fit its cells, not over its neighbours (box drawing
					// overlaps them, so lines join)
					scale := grid / w
					t.TextSize = size * scale
					t.Move(fyne.NewPos(t.Position().X, y+cell.Height*(1-scale)/2))
				}
			}
			col += n
		}
	}
	return objs, col
}

func (c *codeBlock) CreateRenderer() fyne.WidgetRenderer {
	style := codeStyle(c.dark)
	bg := canvas.NewRectangle(chromaColour(style.Get(chroma.Background).Background, theme.Color(theme.ColorNameInputBackground)))
	if c.cont == 0 {
		bg.CornerRadius = theme.InputRadiusSize()
		bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
		bg.StrokeWidth = 1
	}
	size, cell := codeCell()
	var objs []fyne.CanvasObject
	lines := c.highlight(style)
	objs = c.markLines(objs, len(lines), style, cell) // codelines.go
	cols := 0
	for i, line := range lines {
		col := 0
		for _, tok := range line {
			objs, col = gridText(objs, tok, col, float32(i)*cell.Height, size, cell)
		}
		cols = max(cols, col)
	}
	n := max(strings.Count(c.text, "\n")+1, 1)
	body := &fyne.Container{Objects: objs}
	spacer := canvas.NewRectangle(color.Transparent)
	if c.group != nil {
		cols = max(cols, c.group.cols)
	}
	spacer.SetMinSize(fyne.NewSize(float32(cols)*cell.Width, float32(n)*cell.Height))
	c.spacer = spacer
	content := &fyne.Container{Layout: &fixedLayout{}, Objects: []fyne.CanvasObject{spacer, body}}
	scroll := newPageScroll(content, c.outer)
	c.scroll = scroll
	if c.group != nil {
		c.group.join(c, c.item) // one scroll for all the block's parts
	}
	pad := theme.Padding() * 2
	c.sel = &fyne.Container{}
	panel := &fyne.Container{Layout: &codePanelLayout{pad: pad, cont: c.cont}, Objects: []fyne.CanvasObject{bg, c.sel, scroll}}
	c.addGutter(panel, len(lines), style, size, cell) // codelines.go
	c.addCopy(panel)
	r := widget.NewSimpleRenderer(panel)
	if s := c.Size(); s.Width > 0 { // a renderer made again (see textFlow's)
		r.Layout(s)
	}
	return r
}

// heightFor is the panel's height: lines plus padding (less than the
// scroller's own minimum for one-line blocks). Parts of a big block have
// padding only at the block's ends.
func (c *codeBlock) heightFor(w float32) float32 {
	n := max(strings.Count(c.text, "\n")+1, 1)
	_, cell := codeCell()
	pad := theme.Padding() * 2
	h := float32(n) * cell.Height
	cols := c.columns()
	if c.group != nil {
		cols = max(cols, c.group.cols)
	}
	// a part of a big block has no bar but the last (codegroup.go)
	if c.cont&markdown.ContBelow == 0 && float32(cols)*cell.Width > w-2*pad-c.gutterWidth() {
		h += theme.ScrollBarSize() + theme.Padding() // the bar does not cover the last line
	}
	if c.cont&markdown.ContAbove == 0 {
		h += pad
	}
	if c.cont&markdown.ContBelow == 0 {
		h += pad
	}
	return h
}

// fixedLayout gives every object its MinSize from the spacer (objs[0]) and
// leaves children where they were placed.
type fixedLayout struct{}

func (fixedLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }
func (fixedLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	objs[0].Resize(s)
	objs[1].Resize(s)
}

// codePanelLayout draws objs[0] (the background) and objs[1] (the
// selection, over the whole panel) behind objs[2] (the code), padded at the block's ends (parts of a big block are shown with
// no gap between them, so their backgrounds meet).
type codePanelLayout struct {
	pad    float32
	cont   uint8
	gutter float32 // the line numbers' width, left of the code
	// nums and copyBtn are the line numbers and the copy button, or nil
	// (codelines.go)
	nums, copyBtn fyne.CanvasObject
}

func (l *codePanelLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	top, bottom := l.pad, l.pad
	if l.cont&markdown.ContAbove != 0 {
		top = 0
	}
	if l.cont&markdown.ContBelow != 0 {
		bottom = 0
	}
	objs[0].Move(fyne.NewPos(0, 0))
	bg := s
	if l.cont&markdown.ContBelow != 0 {
		bg.Height++ // over the next part's edge: no seam where positions round apart
	}
	objs[0].Resize(bg)
	objs[1].Move(fyne.NewPos(0, 0))
	objs[1].Resize(s)
	objs[2].Move(fyne.NewPos(l.pad+l.gutter, top))
	objs[2].Resize(fyne.NewSize(s.Width-2*l.pad-l.gutter, s.Height-top-bottom))
	l.layoutExtras(s, top, bottom) // codelines.go
}

func (l *codePanelLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := objs[2].MinSize()
	return fyne.NewSize(m.Width+2*l.pad+l.gutter, m.Height+2*l.pad)
}

// sameTokens reports whether two highlightings are the same slice.
func sameTokens(a, b []chroma.Token) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
