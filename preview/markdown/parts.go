package markdown

import (
	"slices"
	"strings"
	"unicode/utf8"

	"folio/editor/textwidth"
)

// A big block (a 1 MB code block, a 20,000-row table, a long list or
// quote) is shown as parts: each part is an item of the virtualised
// preview, so only the parts on screen are built, and an edit rebuilds
// only those. The parts are cut on the parsing goroutine.
const (
	partMinLines = 300 // source lines from which a block is cut into parts
	// a code block is cut from fewer: its parts are highlighted on the
	// parsing goroutine, a whole block on the UI one (~2 µs a byte)
	partMinCodeLines = 100
	partCodeLines    = 16 // lines of code per part (an edit re-highlights one)
	partRows         = 30 // table rows per part
	partItems        = 20 // list items (or quote blocks) per part
	// a paragraph is cut from partMinParaBytes of source (a big paste
	// with no blank line, a 900 KB line) into parts of about
	// partParaBytes of text, so that neither its conversion nor the
	// layout of its text runs on the UI goroutine whole
	partMinParaBytes = 32 << 10
	partParaBytes    = 8 << 10
)

// SplitParts converts a big top-level block and cuts it into parts (only
// once per block; it runs before the block is published to the UI).
func SplitParts(b *Block) {
	if b.split {
		return
	}
	b.split = true
	switch b.Kind {
	case KindCode:
		if b.lines < partMinCodeLines {
			return
		}
	case KindTable, KindList, KindQuote:
		if b.lines < partMinLines && (b.Kind != KindTable || !cutWide(b)) {
			return
		}
	case KindParagraph:
		if b.lazy.node == nil || int(b.lazy.to-b.lazy.from) < partMinParaBytes {
			return
		}
	default:
		return
	}
	if b.Kind == KindTable {
		if b.lazy.node != nil {
			b.fillNode() // a fast table's header; the rows stay lines
		}
		if b.trows != nil {
			splitTable(b)
			return
		}
	}
	b.Fill()
	var parts []*Block
	switch b.Kind {
	case KindCode:
		parts = cutCode(b.Lang, b.Text)
		if len(parts) > 0 {
			parts[0].Label = b.Label // the file name over the code
		}
	case KindTable: // rows that are not whole lines
		b.asks = tableAsks(b, tableCols(b))
		plan := planOf(tableCols(b), b.asks)
		per := rowsPerPart(tableCols(b))
		for i := 0; i < len(b.Rows) || i == 0; i += per {
			// its own rows: a part kept across edits must not pin the
			// row list of the version that made it
			p := &Block{Kind: KindTable, Align: b.Align, Rows: slices.Clone(b.Rows[i:min(i+per, len(b.Rows))]), plan: plan, lineOff: 2 + i}
			if i == 0 {
				p.Header = b.Header
				p.lineOff = 0
			}
			parts = append(parts, p)
		}
	case KindParagraph:
		parts = cutParagraph(b.Inlines, b.lines)
	case KindList:
		for i := 0; i < len(b.Items); i += partItems {
			p := &Block{Kind: KindList, Ordered: b.Ordered, Start: b.Start + i, Tight: b.Tight, Items: b.Items[i:min(i+partItems, len(b.Items))]}
			p.lineOff = b.lines * i / len(b.Items)
			parts = append(parts, p)
		}
	case KindQuote:
		for i := 0; i < len(b.Children); i += partItems {
			p := &Block{Kind: KindQuote, Children: b.Children[i:min(i+partItems, len(b.Children))]}
			p.lineOff = b.lines * i / len(b.Children)
			parts = append(parts, p)
		}
	}
	if len(parts) < 2 {
		return
	}
	for i, p := range parts {
		if i > 0 {
			p.cont |= ContAbove
		}
		if i < len(parts)-1 {
			p.cont |= ContBelow
		}
		p.split = true
		if p.Kind != KindCode {
			p.units = b.units / float32(len(parts))
		}
		if p.lines == 0 {
			p.lines = max(b.lines/len(parts), 1)
		}
	}
	b.parts = parts
}

// splitTable cuts a big table whose rows are source lines into parts of
// partRows rows. A fast table's parts are converted when shown; a table
// converted whole gives each part its rows. The column plan is measured
// on the header's text and the rows' source (tableAsks), so it is the
// same either way and an edit measures only the lines it changed.
func splitTable(b *Block) {
	cols := tableCols(b)
	b.asks = &asks{natural: make([]float32, 0, (b.trows.n+1)*cols), word: make([]float32, 0, (b.trows.n+1)*cols)}
	b.asks.add(b.Header, cols, 1.08)
	b.asks.addLines(b.trows.lines, cols)
	plan := planOf(cols, b.asks)
	var parts []*Block
	at := 0
	for _, r := range cutRows(b.trows.head, b.trows.lines, b.trows.n, 0, rowsPerPart(cols)) {
		p := &Block{Kind: KindTable, Align: b.Align, trows: r, plan: plan, lineOff: 2 + at, lines: r.n, split: true}
		if !b.rowsLazy { // converted whole: its own rows (a part kept across edits must not pin the list of the version that made it)
			p.Rows = slices.Clone(b.Rows[at : at+r.n])
			p.filled.Store(true)
		}
		if at == 0 {
			p.Header = b.Header
			p.lineOff = 0
			p.lines += 2
		}
		at += r.n
		parts = append(parts, p)
	}
	units := b.units / float32(len(parts))
	for i, p := range parts {
		p.units = units
		if i > 0 {
			p.cont |= ContAbove
		}
		if i < len(parts)-1 {
			p.cont |= ContBelow
		}
	}
	b.trows = nil // the parts have them
	b.parts = parts
	b.filled.Store(true)
}

// cutCode cuts a code block's text into parts of partCodeLines lines
// (their texts are slices of text; an edit cuts its parts from a string
// of their own, so kept parts pin only the text of the full parse that
// made them). Their line counts are exact.
func cutCode(lang, text string) []*Block {
	var parts []*Block
	for len(text) > 0 {
		end, n := 0, 0
		for ; n < partCodeLines && end < len(text); n++ {
			i := strings.IndexByte(text[end:], '\n')
			if i < 0 {
				end = len(text)
				n++
				break
			}
			end += i + 1
		}
		chunk := strings.TrimSuffix(text[:end], "\n")
		parts = append(parts, &Block{Kind: KindCode, Lang: lang, Text: chunk, lines: n, split: true})
		text = text[end:]
	}
	return parts
}

// Edges of a part: a big block is shown as several parts.
const (
	ContAbove uint8 = 1 << iota // the block continues above this part
	ContBelow                   // the block continues below
	// ContSpace: a paragraph part was cut at a space (dropped there),
	// not between two characters; copied text joins the parts with one
	ContSpace
)

// TablePlan is what every part of a table agrees on: its column count and
// each column's natural and minimum width in em (estimated from the text,
// CJK 1, others about 0.55), so parts built apart line up.
type TablePlan struct {
	Cols             int
	Natural, Minimum []float32 // per column, in em
}

// Column width bounds in em: a column never asks for more than maxColEm
// to hold a cell on one line, and a long word asks for at most minColEm
// before it is broken between characters.
const (
	maxColEm = 40
	minColEm = 8
)

// PlanTable measures a table's columns from its text.
func PlanTable(b *Block) *TablePlan {
	cols := tableCols(b)
	return planOf(cols, tableAsks(b, cols))
}

func tableCols(b *Block) int {
	cols := len(b.Align)
	for _, r := range b.Rows {
		cols = max(cols, len(r))
	}
	return max(cols, len(b.Header))
}

// asks is what each row of a table asks of each column, row-major (the
// header first): the width on one line, and the longest unbreakable piece,
// in em. A big table keeps it, so an edit measures only the rows it
// changed.
type asks struct {
	natural, word []float32
}

// tableAsks measures every row of a table.
func tableAsks(b *Block, cols int) *asks {
	a := &asks{natural: make([]float32, 0, (len(b.Rows)+1)*cols), word: make([]float32, 0, (len(b.Rows)+1)*cols)}
	a.add(b.Header, cols, 1.08)
	for _, r := range b.Rows {
		a.add(r, cols, 1)
	}
	return a
}

// add appends one row's asks (bold: the header's text is wider).
func (a *asks) add(row [][]Inline, cols int, bold float32) {
	for c := range cols {
		var n, w float32
		if c < len(row) {
			n, w = cellUnits(row[c])
		}
		a.natural = append(a.natural, min(n*bold, maxColEm))
		a.word = append(a.word, min(w*bold, minColEm))
	}
}

// planOf is the plan for rows' asks: each column's widest.
func planOf(cols int, a *asks) *TablePlan {
	p := &TablePlan{Cols: cols, Natural: make([]float32, cols), Minimum: make([]float32, cols)}
	if cols == 0 {
		return p
	}
	for i := 0; i+cols <= len(a.natural); i += cols {
		for c := range cols {
			p.Natural[c] = max(p.Natural[c], a.natural[i+c])
			p.Minimum[c] = max(p.Minimum[c], a.word[i+c])
		}
	}
	return p
}

// cellUnits is a cell's width on one line and its longest unbreakable
// piece, in em.
func cellUnits(in []Inline) (natural, word float32) {
	var cw cellWidth
	for _, r := range in {
		for _, c := range r.Text {
			cw.add(c)
		}
	}
	return cw.natural, cw.word
}

// cellWidth counts, rune by rune, a cell's width on one line and its
// longest unbreakable piece, in em: 0.55 for a narrow character, 1 for a
// wide one; a space or a wide character ends a piece.
type cellWidth struct{ natural, word, cur float32 }

func (c *cellWidth) add(r rune) {
	w := float32(0.55)
	wide := r >= utf8.RuneSelf && textwidth.IsWide(r)
	if wide {
		w = 1
	}
	c.natural += w
	switch {
	case r == ' ' || wide:
		c.cur = 0
		if wide {
			c.word = max(c.word, w)
		}
	default:
		c.cur += w
		c.word = max(c.word, c.cur)
	}
}

// cutParagraph cuts a big paragraph's runs into parts of about
// partParaBytes of text each, at a space (dropped: the part's end breaks
// the line there) or, in text without one nearby, between two
// characters. A part's line offset is estimated from its share of the
// text.
func cutParagraph(runs []Inline, lines int) []*Block {
	total := 0
	for _, r := range runs {
		total += len(r.Text)
	}
	var parts []*Block
	var cur []Inline
	size, done := 0, 0
	flush := func() {
		if len(cur) == 0 {
			return
		}
		off := 0
		if total > 0 {
			off = int(int64(lines) * int64(done) / int64(total))
		}
		parts = append(parts, &Block{Kind: KindParagraph, Inlines: cur, lineOff: off, split: true})
		cur = nil
		done += size
		size = 0
	}
	for _, r := range runs {
		for r.Kind == InlineText && size+len(r.Text) > partParaBytes {
			at := cutAt(r.Text, max(partParaBytes-size, 0))
			if at <= 0 && len(cur) == 0 {
				at = cutAt(r.Text, 1) // a part holds something
			}
			spaced := false
			if at > 0 {
				head := r
				head.Text = strings.TrimRight(r.Text[:at], " ")
				spaced = len(head.Text) < at
				if head.Text != "" {
					cur = append(cur, head)
				}
				size += at
			}
			spaced = spaced || strings.HasPrefix(r.Text[at:], " ")
			flush()
			if spaced && len(parts) > 0 {
				parts[len(parts)-1].cont |= ContSpace
			}
			r.Text = strings.TrimLeft(r.Text[at:], " ")
		}
		if r.Kind == InlineText && r.Text == "" {
			continue
		}
		cur = append(cur, r)
		size += len(r.Text)
	}
	flush()
	return parts
}

// cutAt is where to cut text at or after byte from: after the next space
// within 1 KB, else at the character boundary at from (0 when from is
// past the text).
func cutAt(text string, from int) int {
	if from >= len(text) {
		return len(text)
	}
	if i := strings.IndexByte(text[from:min(from+1<<10, len(text))], ' '); i >= 0 {
		return from + i + 1
	}
	for from > 0 && from < len(text) && !utf8.RuneStart(text[from]) {
		from++
	}
	return from
}
