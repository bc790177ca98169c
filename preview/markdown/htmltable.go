package markdown

import (
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"

	xhtml "golang.org/x/net/html"
)

// HTML tables: an HTML block that is one <table> (docs-cn's release notes
// write their key-features table so, with rowspan and links, code and
// lists in the cells) renders as a table of the block model, as a
// Markdown table does, and is exported as a table. Only table markup
// (<table>, <thead>, <tbody>, <tfoot>, <tr>, <th>, <td> with rowspan and
// colspan, <colgroup>, <col>), the safe inline tags of html.go and lists
// (<ul>, <ol>, <li>) are markup; any other tag inside a cell (<script>,
// <iframe>, a tag with an event attribute or a script URL) is shown as
// its literal text and does nothing. A block that is not one well-formed
// table (text or tags between rows, a nested table, a caption, text
// after it) stays the literal box raw HTML is.

// Limits of an HTML table shown as a table.
const (
	htmlTableMaxCols = 64
	htmlTableMaxSpan = 1000
)

// htmlTable is a parsed HTML table, rows in source order.
type htmlTable struct {
	rows []htmlRow
}

// htmlRow is one <tr>; head tells it is in <thead>.
type htmlRow struct {
	cells []*htmlCell
	head  bool
}

// htmlCell is one <td> or <th> and its content.
type htmlCell struct {
	header           bool
	rowspan, colspan int
	toks             []htmlTok
}

// htmlTok is a piece of a cell: text (unescaped), a tag rendered as what
// it means, or (raw set) an unsafe tag shown literally.
type htmlTok struct {
	text string
	tag  *Tag
	raw  string
}

// listTags are the list tags kept in a cell.
var listTags = map[string]bool{"ul": true, "ol": true, "li": true}

// cellTagSafe reports whether a tag in a cell renders as what it means.
func cellTagSafe(t *Tag) bool {
	if listTags[t.Name] {
		for k := range t.Attrs {
			if strings.HasPrefix(k, "on") {
				return false
			}
		}
		return true
	}
	return t.IsSafe() || t.IsMedia()
}

// isHTMLTable reports whether raw HTML starts with a <table> tag.
func isHTMLTable(s string) bool {
	s = strings.TrimLeft(s, " \t\r\n")
	if len(s) < 7 || !strings.EqualFold(s[:6], "<table") {
		return false
	}
	switch s[6] {
	case '>', ' ', '\t', '\r', '\n', '/':
		return true
	}
	return false
}

// parseHTMLTable parses raw HTML that is exactly one table (and
// comments or space around it); ok is false for anything else.
func parseHTMLTable(s string) (t *htmlTable, ok bool) {
	if !isHTMLTable(s) {
		return nil, false
	}
	z := xhtml.NewTokenizer(strings.NewReader(s))
	t = &htmlTable{}
	started, ended, inHead := false, false, false
	var row *htmlRow
	var cell *htmlCell
	closeCell := func() { cell = nil }
	closeRow := func() {
		closeCell()
		if row != nil {
			t.rows = append(t.rows, *row)
			row = nil
		}
	}
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			if z.Err() != io.EOF || !ended {
				return nil, false
			}
			for _, r := range t.rows {
				if len(r.cells) > 0 {
					return t, true
				}
			}
			return nil, false
		case xhtml.CommentToken:
			continue
		case xhtml.DoctypeToken:
			return nil, false
		case xhtml.TextToken:
			txt := string(z.Text())
			if cell == nil {
				if strings.Trim(txt, " \t\r\n\f") != "" {
					return nil, false // text between rows or outside the table
				}
				continue
			}
			cell.toks = append(cell.toks, htmlTok{text: txt})
			continue
		}
		raw := string(z.Raw())
		name, more := z.TagName()
		tag := &Tag{Name: string(name), Closing: tt == xhtml.EndTagToken, SelfClosing: tt == xhtml.SelfClosingTagToken}
		for more {
			var k, v []byte
			k, v, more = z.TagAttr()
			if tag.Attrs == nil {
				tag.Attrs = map[string]string{}
			}
			tag.Attrs[string(k)] = string(v)
		}
		if ended || !started && tag.Name != "table" {
			return nil, false
		}
		switch tag.Name {
		case "table":
			if tag.Closing {
				closeRow()
				ended = true
			} else if started {
				return nil, false // a nested table
			}
			started = true
		case "thead", "tbody", "tfoot":
			closeRow()
			inHead = tag.Name == "thead" && !tag.Closing
		case "tr":
			closeRow()
			if !tag.Closing && !tag.SelfClosing {
				row = &htmlRow{head: inHead}
			}
		case "td", "th":
			closeCell()
			if tag.Closing {
				continue
			}
			if row == nil {
				row = &htmlRow{head: inHead}
			}
			cell = &htmlCell{header: tag.Name == "th", rowspan: span(tag.Attrs["rowspan"]), colspan: span(tag.Attrs["colspan"])}
			row.cells = append(row.cells, cell)
			if tag.SelfClosing {
				closeCell()
			}
		case "colgroup", "col":
		default:
			if cell == nil {
				return nil, false // a caption, or a tag between rows
			}
			if cellTagSafe(tag) {
				cell.toks = append(cell.toks, htmlTok{tag: tag})
			} else {
				cell.toks = append(cell.toks, htmlTok{raw: raw})
			}
		}
	}
}

// span reads a rowspan or colspan attribute: 1 unless a number above 1.
func span(v string) int {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 1 {
		return 1
	}
	return min(n, htmlTableMaxSpan)
}

// grid places the cells in columns: a cell spanning rows is in its first
// row, and the rows it spans below have nil in its columns; a cell
// spanning columns is in its first, with nil in the others. ok is false
// when the table is wider than htmlTableMaxCols.
func (t *htmlTable) grid() (rows [][]*htmlCell, ok bool) {
	var pending []int // per column: rows still covered by a rowspan above
	for _, r := range t.rows {
		covered := make([]bool, len(pending))
		for k, p := range pending {
			covered[k] = p > 0
		}
		var out []*htmlCell
		col := 0
		skip := func() {
			for col < len(covered) && covered[col] {
				out = append(out, nil)
				col++
			}
		}
		for _, c := range r.cells {
			skip()
			if col+c.colspan > htmlTableMaxCols {
				return nil, false
			}
			out = append(out, c)
			for k := 0; k < c.colspan; k++ {
				if k > 0 {
					out = append(out, nil)
				}
				for len(pending) <= col {
					pending = append(pending, 0)
				}
				pending[col] = c.rowspan - 1
				col++
			}
		}
		skip()
		for k, cv := range covered {
			if cv {
				pending[k]--
			}
		}
		rows = append(rows, out)
	}
	return rows, true
}

// htmlTableBlock converts raw HTML that is one table into a table block;
// ok is false when it is not one (it is then shown literally).
func (c *converter) htmlTableBlock(text string) (*Block, bool) {
	t, ok := parseHTMLTable(text)
	if !ok {
		return nil, false
	}
	grid, ok := t.grid()
	if !ok {
		return nil, false
	}
	cols := 0
	for _, r := range grid {
		cols = max(cols, len(r))
	}
	b := &Block{Kind: KindTable, Align: make([]Align, cols)}
	for i, r := range grid {
		cells := make([][]Inline, cols)
		for k, cell := range r {
			if cell != nil {
				cells[k] = c.htmlCellInlines(cell.toks)
				if n := min(cell.rowspan, len(grid)-i); n > 1 {
					b.RowSpans = append(b.RowSpans, RowSpan{Row: i, Col: k, Rows: n})
				}
			}
		}
		// the header: <thead>'s first row, or a first row of <th> alone
		head := t.rows[i].head
		if !head && i == 0 {
			head = true
			for _, cell := range t.rows[i].cells {
				head = head && cell.header
			}
		}
		switch {
		case i == 0 && head:
			b.Header = cells
		default:
			if head || allHeader(t.rows[i].cells) {
				for k := range cells {
					cells[k] = emphasise(cells[k], Bold)
				}
			}
			b.Rows = append(b.Rows, cells)
		}
		b.units += htmlRowUnits(cells)
	}
	return b, true
}

func allHeader(cells []*htmlCell) bool {
	for _, c := range cells {
		if !c.header {
			return false
		}
	}
	return len(cells) > 0
}

func emphasise(in []Inline, s Style) []Inline {
	for i := range in {
		if in[i].Kind == InlineText {
			in[i].Style |= s
		}
	}
	return in
}

func htmlRowUnits(cells [][]Inline) float32 {
	var u float32
	for _, c := range cells {
		u += textUnits(c)
	}
	return u
}

// htmlCellInlines converts a cell's pieces into inline runs: safe tags as
// what they mean, list items as lines with a bullet (or a number), unsafe
// tags as their literal text.
func (c *converter) htmlCellInlines(toks []htmlTok) []Inline {
	type list struct {
		ordered bool
		n       int
	}
	var lists []list
	var runs []Inline
	c.open = c.open[:0]
	lineStart := func() bool {
		return len(runs) == 0 || runs[len(runs)-1].Kind == InlineBreak
	}
	for _, tk := range toks {
		switch {
		case tk.raw != "":
			style, link := c.htmlStyle(0, "")
			runs = appendText(runs, Inline{Style: style | Code, Link: link, Text: tk.raw})
		case tk.tag != nil && listTags[tk.tag.Name]:
			t := tk.tag
			switch {
			case t.Name == "li" && !t.Closing:
				if !lineStart() {
					runs = append(runs, Inline{Kind: InlineBreak})
				}
				mark := "• "
				if n := len(lists); n > 0 && lists[n-1].ordered {
					lists[n-1].n++
					mark = strconv.Itoa(lists[n-1].n) + ". "
				} else if n > 1 {
					mark = "◦ "
				}
				runs = appendText(runs, Inline{Text: strings.Repeat("\u3000", max(len(lists)-1, 0)) + mark})
			case t.Name != "li" && !t.Closing:
				lists = append(lists, list{ordered: t.Name == "ol"})
				if !lineStart() {
					runs = append(runs, Inline{Kind: InlineBreak})
				}
			case t.Name != "li":
				if len(lists) > 0 {
					lists = lists[:len(lists)-1]
				}
				if !lineStart() {
					runs = append(runs, Inline{Kind: InlineBreak})
				}
			}
		case tk.tag != nil:
			runs = c.htmlTag(runs, tk.tag, 0, "")
		default:
			txt := collapseSpace(tk.text)
			if strings.HasPrefix(txt, " ") && (lineStart() || strings.HasSuffix(runs[len(runs)-1].Text, " ")) {
				txt = txt[1:]
			}
			style, link := c.htmlStyle(0, "")
			runs = appendText(runs, Inline{Style: style, Link: link, Text: txt})
		}
	}
	c.open = c.open[:0]
	for len(runs) > 0 && (runs[0].Kind == InlineBreak || runs[0].Kind == InlineText && runs[0].Text == " ") {
		runs = runs[1:]
	}
	for len(runs) > 0 && (runs[len(runs)-1].Kind == InlineBreak || runs[len(runs)-1].Kind == InlineText && runs[len(runs)-1].Text == " ") {
		runs = runs[:len(runs)-1]
	}
	if n := len(runs); n > 0 && runs[n-1].Kind == InlineText {
		runs[n-1].Text = strings.TrimRight(runs[n-1].Text, " ")
	}
	return trimBreakSpace(runs)
}

// collapseSpace turns each run of HTML white space into one space, or
// into nothing when it is a line break between two East Asian wide
// characters (as a soft break in Markdown: SoftBreakIsSpace).
func collapseSpace(s string) string {
	var b strings.Builder
	space, brk := false, false
	var prev rune = -1
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			space = true
			brk = brk || r == '\n'
			continue
		}
		if space && !(brk && prev >= 0 && !SoftBreakIsSpace(prev, r)) {
			b.WriteByte(' ')
		}
		space, brk, prev = false, false, r
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// writeHTMLTable writes a parsed table for the HTML export: its table
// markup with rowspan and colspan, safe tags with their kept attributes,
// lists, text escaped, unsafe tags as escaped literal text.
func writeHTMLTable(w io.Writer, t *htmlTable) {
	var b strings.Builder
	b.WriteString("<table>\n")
	section := ""
	for _, r := range t.rows {
		want := "tbody"
		if r.head {
			want = "thead"
		}
		if want != section {
			if section != "" {
				b.WriteString("</" + section + ">\n")
			}
			section = want
			b.WriteString("<" + section + ">\n")
		}
		b.WriteString("<tr>")
		for _, c := range r.cells {
			name := "td"
			if c.header {
				name = "th"
			}
			b.WriteString("<" + name)
			if c.rowspan > 1 {
				fmt.Fprintf(&b, ` rowspan="%d"`, c.rowspan)
			}
			if c.colspan > 1 {
				fmt.Fprintf(&b, ` colspan="%d"`, c.colspan)
			}
			b.WriteByte('>')
			for _, tk := range c.toks {
				switch {
				case tk.raw != "":
					b.WriteString(`<code class="raw-html">` + html.EscapeString(tk.raw) + `</code>`)
				case tk.tag != nil && listTags[tk.tag.Name]:
					if tk.tag.Closing {
						b.WriteString("</" + tk.tag.Name + ">")
					} else {
						b.WriteString("<" + tk.tag.Name + ">")
					}
				case tk.tag != nil && tk.tag.IsMedia():
					if src := tk.tag.MediaSource(); src != "" && !tk.tag.Closing {
						fmt.Fprintf(&b, `<span class="media">▶ %s</span>`, html.EscapeString(src))
					}
				case tk.tag != nil:
					b.WriteString(tk.tag.Sanitized())
				default:
					b.WriteString(html.EscapeString(tk.text))
				}
			}
			b.WriteString("</" + name + ">")
		}
		b.WriteString("</tr>\n")
	}
	if section != "" {
		b.WriteString("</" + section + ">\n")
	}
	b.WriteString("</table>\n")
	_, _ = io.WriteString(w, b.String())
}
