package markdown

import (
	"bytes"
	"hash/maphash"
	"slices"
	"sort"
)

// An edit inside the body rows of a big table (typing in a 20,000-row
// table) parses only the changed rows, under the table's own header and
// delimiter row (a row's cells depend on nothing else), and makes anew
// only the parts holding them; the other parts and their widgets are
// kept (all parts get the new column plan if it changed).

// tableRows is a table's body rows as a byte range from top (its
// top-level block's start): the lines after the first two, up to the
// line ending the last of n rows. It returns 0, 0 unless the second line
// is a delimiter row and the rows are whole lines.
func tableRows(src []byte, top, n int) (from, to int) {
	at := top
	for range 2 {
		i := bytes.IndexByte(src[at:], '\n')
		if i < 0 {
			return 0, 0
		}
		if at > top && !isDelimiterRow(trimCR(src[at:at+i])) {
			return 0, 0
		}
		at += i + 1
	}
	from, to = at, at
	for range n {
		i := bytes.IndexByte(src[to:], '\n')
		if i < 0 || len(bytes.TrimSpace(src[to:to+i])) == 0 {
			return 0, 0
		}
		to += i + 1
	}
	if n == 0 || to < len(src) && rowLike(lineAt(src, to)) {
		return 0, 0 // a row more than the table has: the text is not what was parsed
	}
	return from - top, to - top
}

// lineAt is the line starting at off, without its newline.
func lineAt(src []byte, off int) []byte {
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		return src[off : off+i]
	}
	return src[off:]
}

// isDelimiterRow reports whether a line is a table's delimiter row.
func isDelimiterRow(line []byte) bool {
	dash := false
	for _, c := range line {
		switch c {
		case '-':
			dash = true
		case '|', ':', ' ', '\t':
		default:
			return false
		}
	}
	return dash
}

// rowLike reports whether a line starts with "|" after at most three
// spaces: such a line continues a table and can start no other block.
func rowLike(line []byte) bool {
	i := 0
	for i < len(line) && i < 3 && line[i] == ' ' {
		i++
	}
	return i < len(line) && line[i] == '|'
}

// allRows reports whether every line of text is rowLike.
func allRows(text []byte) bool {
	for len(text) > 0 || text != nil {
		line := text
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = nil
		}
		if !rowLike(line) {
			return false
		}
	}
	return true
}

// tableEdit applies a change of old[p:oldEnd] into src[p:newEnd] that lies
// inside the body rows of one split table. It reports false (changing
// nothing) when the change needs a full parse. No row is parsed here: the
// parts holding the changed rows are cut anew from the new lines and
// converted when shown; the column plan is measured on the lines.
func (d *Document) tableEdit(src []byte, p, oldEnd, newEnd int) bool {
	old := d.src
	i := sort.Search(len(d.blocks), func(i int) bool { return d.blocks[i].End > p })
	if i == len(d.blocks) {
		return false
	}
	tb := d.blocks[i]
	b := tb.Block
	if b.Kind != KindTable || !b.filled.Load() || len(b.parts) == 0 || b.rowsTo == 0 || b.asks == nil || b.parts[0].trows == nil {
		return false
	}
	from, to := tb.Start+b.rowsFrom, tb.Start+b.rowsTo
	if p < from || oldEnd > to-1 {
		return false
	}
	ls := bytes.LastIndexByte(src[:p], '\n') + 1
	le := newEnd + bytes.IndexByte(src[newEnd:], '\n')
	oldLe := oldEnd + bytes.IndexByte(old[oldEnd:], '\n')
	if le < newEnd || oldLe < oldEnd {
		return false
	}
	newLines, oldLines := src[ls:le], old[ls:oldLe]
	if !allRows(newLines) || !allRows(oldLines) || sanitizeLinesChange(newLines) ||
		bytes.Contains(newLines, []byte("[^")) || bytes.Contains(oldLines, []byte("[^")) || bytes.IndexByte(newLines, '\r') >= 0 {
		return false
	}
	r0 := bytes.Count(old[from:ls], []byte{'\n'})
	r1 := r0 + bytes.Count(oldLines, []byte{'\n'})
	n := bytes.Count(newLines, []byte{'\n'}) + 1

	// the parts holding rows r0..r1: k0..k1, their lines at offs
	parts := b.parts
	starts := make([]int, len(parts)+1) // body row index of each part's first row
	offs := make([]int, len(parts)+1)
	offs[0] = from
	for k, q := range parts {
		if q.trows == nil {
			return false
		}
		starts[k+1] = starts[k] + q.trows.n
		offs[k+1] = offs[k] + len(q.trows.lines)
	}
	if offs[len(parts)] != to {
		return false // the parts do not tile the rows
	}
	k0 := sort.Search(len(parts), func(k int) bool { return starts[k+1] > r0 })
	k1 := sort.Search(len(parts), func(k int) bool { return starts[k+1] > r1 })
	if k0 >= len(parts) || k1 >= len(parts) {
		return false
	}
	delta := len(src) - len(old)
	lines := src[offs[k0] : offs[k1+1]+delta]
	if bytes.Contains(lines, []byte("[^")) { // a footnote's number follows document order
		return false
	}
	count := starts[k1+1] - starts[k0] - (r1 - r0 + 1) + n

	// the asks of the rows, the changed ones measured anew
	cols := parts[0].plan.Cols
	if tableCols(b) != cols {
		return false
	}
	fresh := &asks{}
	fresh.addLines(string(newLines), cols)
	a, z := (r0+1)*cols, (r1+2)*cols // the header is row 0
	if z > len(b.asks.natural) {
		return false
	}
	na := &asks{
		natural: slices.Concat(b.asks.natural[:a], fresh.natural, b.asks.natural[z:]),
		word:    slices.Concat(b.asks.word[:a], fresh.word, b.asks.word[z:]),
	}
	plan := planOf(cols, na)
	if plan.equal(parts[0].plan) {
		plan = parts[0].plan
	}
	per := rowsPerPart(cols)
	made := cutRows(parts[k0].trows.head, string(lines), count, 2*per, per)
	lineDelta := n - (r1 - r0 + 1)
	nb := &Block{
		Kind: KindTable, Align: b.Align, Header: b.Header,
		units:    b.units - sourceUnits(oldLines) + sourceUnits(newLines),
		lines:    b.lines + lineDelta,
		split:    true,
		rowsFrom: b.rowsFrom, rowsTo: b.rowsTo + delta,
		asks:     na,
		rowsLazy: true,
	}
	nb.parts = recutTable(parts, k0, k1, made, plan)
	nb.filled.Store(true)
	ntb := &TopBlock{Start: tb.Start, End: tb.End + delta, Line: tb.Line, Block: nb}
	ntb.Hash = maphash.Bytes(d.seed, src[ntb.Start:ntb.End])
	d.replaceBlocks(src, i, i, []*TopBlock{ntb}, delta, lineDelta)
	return true
}

// recutTable is a table's parts after parts k0..k1 were made anew as the
// row lines made: those parts are new (converted when shown), the others
// kept, or copied with the new plan when the plan changed.
func recutTable(parts []*Block, k0, k1 int, made []*rowLines, plan *TablePlan) []*Block {
	samePlan := parts[0].plan == plan
	out := make([]*Block, 0, len(parts)-(k1-k0+1)+len(made))
	units := parts[0].units
	for k, p := range parts {
		switch {
		case k == k0:
			for j, r := range made {
				q := &Block{Kind: KindTable, Align: p.Align, trows: r, split: true, lines: r.n}
				if j == 0 && p.Header != nil {
					q.Header = p.Header
					q.lines += 2
				}
				out = append(out, q)
			}
		case k > k0 && k <= k1:
		case samePlan:
			out = append(out, p)
		default:
			q := &Block{Kind: KindTable, Align: p.Align, Header: p.Header, trows: p.trows, split: true, units: p.units, lines: p.lines}
			if p.filled.Load() { // converted on the UI goroutine: published by filled
				q.Rows = p.Rows
				q.filled.Store(true)
			}
			out = append(out, q)
		}
	}
	for k, p := range out {
		if samePlan && (k < k0 || k >= k0+len(made)) {
			continue
		}
		p.plan = plan
		p.units = units
		p.cont = 0
		if k > 0 {
			p.cont |= ContAbove
		}
		if k < len(out)-1 {
			p.cont |= ContBelow
		}
	}
	return out
}

// equal reports whether two plans give the same column widths.
func (p *TablePlan) equal(q *TablePlan) bool {
	return p.Cols == q.Cols && slices.Equal(p.Natural, q.Natural) && slices.Equal(p.Minimum, q.Minimum)
}
