package markdown

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// A big top-level table (a 20,000-row table) is not handed to goldmark
// whole: goldmark gets the table's header and delimiter row with its body
// rows blanked out (same length and lines, so every offset holds), and the
// rows stay source lines until they are shown, when a part's rows are
// parsed under the table's own header (a row's cells depend on nothing
// else). A cheap line scan finds such tables; the blanked parse confirms
// each one starts a top-level table, and the whole region is parsed as
// written when one does not (a table inside a list, a quote or a fence).

// fastTableRows is how many body rows a top-level table needs to take the
// fast path: as many as make it a block cut into parts.
const fastTableRows = partMinLines

// tableSpan is a big top-level table found by scanTables, as offsets in
// the scanned text: its header line's start, its first body row's start
// and the end of its last row (after the row's newline), and the number
// of body rows.
type tableSpan struct {
	head, rows, end int
	n               int
}

// scanTables finds the tables of src that may take the fast path: a line
// after a blank line (or at the start) holding a "|", a delimiter row,
// then at least fastTableRows lines that start with "|" after at most
// three spaces (such a line continues a paragraph and starts no block),
// each ending with a newline, the last followed by a blank line or the
// end of src; no row holds a footnote reference (their numbers follow
// document order). Whether each really is a top-level table is for
// goldmark to say (verifySpans).
func scanTables(src []byte) []tableSpan {
	if bytes.Count(src, []byte{'|'}) < fastTableRows {
		return nil // cheap: most documents have no big table
	}
	var spans []tableSpan
	prevBlank := true
	for at := 0; at < len(src); {
		line, next := nextLine(src, at)
		blank := isBlank(line)
		if !prevBlank || blank || bytes.IndexByte(line, '|') < 0 || leadingSpaces(line) > 3 || next >= len(src) {
			prevBlank = blank
			at = next
			continue
		}
		delim, rows := nextLine(src, next)
		if !isDelimiterRow(trimCR(delim)) || rows > len(src) || src[rows-1] != '\n' {
			prevBlank = false
			at = next
			continue
		}
		n, end := 0, rows
		for end < len(src) {
			row, after := nextLine(src, end)
			if !rowLike(row) || src[after-1] != '\n' {
				break
			}
			n++
			end = after
		}
		prevBlank = false
		if n < fastTableRows {
			at = rows
			continue
		}
		if end < len(src) {
			if row, _ := nextLine(src, end); !isBlank(row) {
				at = end // a lazy continuation, or a last row without a newline
				continue
			}
		}
		if !bytes.Contains(src[rows:end], []byte("[^")) {
			spans = append(spans, tableSpan{head: at, rows: rows, end: end, n: n})
		}
		at = end
	}
	return spans
}

// nextLine is the line at offset at (without its newline) and the offset
// after it (after its newline, or len(src)).
func nextLine(src []byte, at int) (line []byte, next int) {
	if i := bytes.IndexByte(src[at:], '\n'); i >= 0 {
		return src[at : at+i], at + i + 1
	}
	return src[at:], len(src)
}

func isBlank(line []byte) bool {
	for _, c := range line {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

func leadingSpaces(line []byte) int {
	i := 0
	for i < len(line) && line[i] == ' ' {
		i++
	}
	if i < len(line) && line[i] == '\t' {
		return 4
	}
	return i
}

func trimCR(line []byte) []byte {
	return bytes.TrimSuffix(line, []byte{'\r'})
}

// blankRows is src with the body rows of spans made spaces (newlines
// kept): what goldmark parses when there are fast tables.
func blankRows(src []byte, spans []tableSpan) []byte {
	out := bytes.Clone(src)
	for _, s := range spans {
		rows := out[s.rows:s.end]
		for i, c := range rows {
			if c != '\n' {
				rows[i] = ' '
			}
		}
	}
	return out
}

// verifySpans matches each span with the top-level node of root that
// starts at its header line: it must be a table without body rows. It
// returns the tables in span order, or nil when a span is not one.
func verifySpans(root ast.Node, src []byte, spans []tableSpan) []*east.Table {
	tables := make([]*east.Table, 0, len(spans))
	k := 0
	for n := root.FirstChild(); n != nil && k < len(spans); n = n.NextSibling() {
		start := blockStart(n, src)
		if start > spans[k].head {
			return nil // the header is inside the node before: not top level
		}
		if start < spans[k].head {
			continue
		}
		t, ok := n.(*east.Table)
		if !ok || t.ChildCount() != 1 {
			return nil
		}
		if end := n.NextSibling(); end != nil && blockStart(end, src) < spans[k].end {
			return nil
		}
		tables = append(tables, t)
		k++
	}
	if k < len(spans) {
		return nil
	}
	return tables
}

// tableHead is what the body rows of a table are parsed under: its header
// line and delimiter row (each with its newline), the configuration, and
// the document's link reference definitions (copies: they would pin the
// parsed body).
type tableHead struct {
	src  string
	md   goldmark.Markdown
	refs []parser.Reference
}

// newTableHead makes a table's head from its source.
func newTableHead(src []byte, md goldmark.Markdown, refs []parser.Reference) *tableHead {
	h := &tableHead{src: string(src), md: md}
	for _, r := range refs {
		h.refs = append(h.refs, parser.NewReference(bytes.Clone(r.Label()), bytes.Clone(r.Destination()), bytes.Clone(r.Title())))
	}
	return h
}

// rowLines are body rows of a table as source lines, each ending with a
// newline, not converted yet (or kept beside their conversion, for the
// parse-free edit). They never change once made.
type rowLines struct {
	head  *tableHead
	lines string
	n     int
}

// convert parses the rows under the table's head into cells.
func (r *rowLines) convert() [][][]Inline {
	mini := make([]byte, 0, len(r.head.src)+len(r.lines))
	mini = append(append(mini, r.head.src...), r.lines...)
	ctx := parser.NewContext()
	for _, ref := range r.head.refs {
		ctx.AddReference(ref)
	}
	root := r.head.md.Parser().Parse(text.NewReader(mini), parser.WithContext(ctx))
	var rows [][][]Inline
	if t, ok := root.FirstChild().(*east.Table); ok {
		rows = newConverter(mini).table(t).Rows
	}
	// never short of rows (the lines are rows of a verified table)
	for len(rows) < r.n {
		rows = append(rows, nil)
	}
	return rows[:r.n]
}

// partCells is about how many cells a part of a table holds: a wide
// table's parts have fewer rows than partRows, as a part is converted (a
// fast table's) and its cells in view built at once on the UI goroutine
// when it is shown (a part of 30 rows of 300 columns took ~26 ms to
// convert alone).
const partCells = 2400

// rowsPerPart is how many body rows a part of a table of cols columns
// holds.
func rowsPerPart(cols int) int { return min(partRows, max(2, partCells/max(cols, 1))) }

// cutRows cuts row lines into parts of per rows (one part when they are
// at most max rows).
func cutRows(head *tableHead, lines string, n, most, per int) []*rowLines {
	if n <= most {
		return []*rowLines{{head: head, lines: lines, n: n}}
	}
	var out []*rowLines
	for len(lines) > 0 {
		end, k := 0, 0
		for ; k < per && end < len(lines); k++ {
			i := strings.IndexByte(lines[end:], '\n')
			if i < 0 {
				end = len(lines)
			} else {
				end += i + 1
			}
		}
		out = append(out, &rowLines{head: head, lines: lines[:end], n: k})
		lines = lines[end:]
	}
	return out
}

// addLines appends the asks of row lines (the estimate from the source:
// see cellSourceUnits).
func (a *asks) addLines(lines string, cols int) {
	for len(lines) > 0 {
		line := lines
		if i := strings.IndexByte(lines, '\n'); i >= 0 {
			line, lines = lines[:i], lines[i+1:]
		} else {
			lines = ""
		}
		a.addLine(line, cols)
	}
}

// addLine appends what one body row's source line asks of each column,
// splitting it into cells as goldmark does (at a "|" not escaped).
func (a *asks) addLine(line string, cols int) {
	i, j := 0, len(line)
	for i < j && isSpaceByte(line[i]) {
		i++
	}
	for j > i && isSpaceByte(line[j-1]) {
		j--
	}
	if i < j && line[i] == '|' {
		i++
	}
	if j > i && line[j-1] == '|' {
		j--
	}
	c := 0
	for ; i < j && c < cols; c++ {
		k := i
		for k < j && !(line[k] == '|' && (k == 0 || line[k-1] != '\\')) {
			k++
		}
		n, w := cellSourceUnits(line[i:k])
		a.natural = append(a.natural, min(n, maxColEm))
		a.word = append(a.word, min(w, minColEm))
		i = k + 1
	}
	for ; c < cols; c++ {
		a.natural = append(a.natural, 0)
		a.word = append(a.word, 0)
	}
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// cellSourceUnits estimates, from a cell's source, what cellUnits measures
// on its converted text: its width on one line and its longest unbreakable
// piece, in em. Markup is skipped: emphasis and code marks, a link's
// brackets and destination, HTML tags and backslashes before punctuation;
// an entity counts as one character.
func cellSourceUnits(s string) (natural, word float32) {
	s = trimSpaceString(s)
	var cw cellWidth
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			cw.add(r)
			i += size
			continue
		}
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			c = s[i+1]
			i++
		case c == '*' || c == '`' || c == '~' || c == '[':
			i++
			continue
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			i++
			continue
		case c == ']':
			i++
			if i < len(s) && s[i] == '(' {
				if k := strings.IndexByte(s[i:], ')'); k >= 0 {
					i += k + 1
				}
			}
			continue
		case c == '<' && i+1 < len(s) && (s[i+1] == '/' || isLetter(s[i+1])):
			if k := strings.IndexByte(s[i:], '>'); k >= 0 {
				inner := s[i+1 : i+k]
				if strings.IndexByte(inner, ' ') < 0 && (strings.IndexByte(inner, ':') >= 0 || strings.IndexByte(inner, '@') >= 0) {
					for _, r := range inner { // an autolink shows its address
						cw.add(r)
					}
				}
				i += k + 1
				continue
			}
		case c == '&':
			if k := strings.IndexByte(s[i:min(len(s), i+12)], ';'); k > 1 {
				cw.add('x')
				i += k + 1
				continue
			}
		}
		cw.add(rune(c))
		i++
	}
	return cw.natural, cw.word
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func trimSpaceString(s string) string {
	i, j := 0, len(s)
	for i < j && isSpaceByte(s[i]) {
		i++
	}
	for j > i && isSpaceByte(s[j-1]) {
		j--
	}
	return s[i:j]
}

// ReadableEm is the narrowest a column gets (in em) before a table
// scrolls sideways rather than squeezing it: eight Chinese characters, or
// two words. A column whose text is narrower keeps its own
// width, and a longer word than this widens it (up to minColEm).
const ReadableEm = 8

// ReadableMin is column c's narrowest readable width in em: its longest
// word, and at least ReadableEm unless its widest cell is narrower.
func (p *TablePlan) ReadableMin(c int) float32 {
	return max(min(p.Natural[c], ReadableEm), p.Minimum[c])
}

// wideEm is how wide (in em, a column's padding counted as one) a table's
// readable columns must be for it to scroll sideways at any width the
// preview gives it (860 units at a 14-unit text size).
const wideEm = 55

// Wide reports whether the table's columns at their readable minimum are
// wider than the preview ever is: it always scrolls sideways.
func (p *TablePlan) Wide() bool {
	sum := float32(0)
	for c := range p.Cols {
		sum += p.ReadableMin(c) + 1
	}
	return sum > wideEm
}

// cutWide reports whether a table of fewer than partMinLines lines is
// still cut into parts: it has more rows than a part and is Wide (a
// 300-column table), so that its rows are built a part at a time as a
// long table's are (rowsPerPart rows each). It converts the table (on the
// parsing goroutine).
func cutWide(b *Block) bool {
	if b.lines <= 4 {
		return false
	}
	b.Fill()
	return len(b.Rows) > rowsPerPart(tableCols(b)) && PlanTable(b).Wide()
}
