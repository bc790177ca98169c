package editor

import (
	"unicode"
	"unicode/utf8"
)

// hlKind is the highlight class of a run of source text.
type hlKind uint8

const (
	hlText    hlKind = iota
	hlHeading        // an ATX heading line
	hlBold           // **strong** or __strong__
	hlItalic         // *emphasis* or _emphasis_
	hlCode           // `code span`, fenced code and its fences
	hlLink           // [link text] of a link or image
	hlURL            // (destination) of a link, <autolink>
	hlMarker         // list and quote markers, thematic breaks
	hlMeta           // front matter delimiters
	hlKey            // front matter keys
	hlKinds
)

// span is a highlighted byte range of one line.
type span struct {
	start, end int
	kind       hlKind
}

// lexState is the block context at the start of a line: the few Markdown
// constructs that span lines (front matter, fenced code) need it, and so
// does the content indent of the list item a line is in, which decides
// whether an indented ``` opens a fence.
//
// The low 16 bits are the mode (lexStart, lexNormal, lexYAML, lexTOML, or
// lexFence with its length and kind), the bits from lexIndentShift on the
// content indent in columns (0: no list item) of the normal text, or of the
// container the fence was opened in.
type lexState uint32

const (
	lexStart       lexState = 0      // before the first line: front matter may open
	lexNormal      lexState = 1      // ordinary Markdown
	lexYAML        lexState = 2      // inside --- front matter
	lexTOML        lexState = 3      // inside +++ front matter
	lexFence       lexState = 0x1000 // inside a fence; low byte: fence length, 0x100: tilde
	lexFenceT      lexState = 0x100
	lexLenMask     lexState = 0xff
	lexModeMask    lexState = 0xffff
	lexIndentShift          = 16
	maxIndent               = 255 // content indents are capped here
)

// indent returns the list content indent held in st.
func (st lexState) indent() int { return int(st >> lexIndentShift) }

// withIndent returns st with the list content indent c.
func (st lexState) withIndent(c int) lexState {
	return st&lexModeMask | lexState(min(max(c, 0), maxIndent))<<lexIndentShift
}

// utf8BOM is the byte order mark Windows editors put at the top of a file:
// it stays in the buffer, and the first line is read after it.
const utf8BOM = "\xef\xbb\xbf"

// lexLine highlights one line given the state at its start and returns the
// spans (covering the whole line, in order) and the state after it. It only
// looks at this line, so its cost is bounded by the line's length.
func lexLine(line string, st lexState, out []span) ([]span, lexState) {
	t := strSrc(line)
	out, ns, inline := lexHead(&t, st, out)
	if inline < 0 {
		return out, ns
	}
	lx := inlineLex{t: &t, out: out}
	lx.run(inline, nil, nil)
	return lx.out, ns
}

// lexHead highlights what depends on the line as a whole: front matter,
// fences, headings, thematic breaks, and the quote and list markers at the
// start. It returns the spans, the state after the line and where the
// inline part (lexed by inlineLex) starts, or -1 when the spans cover the
// whole line. It reads only the start of a normal line (and the end, to
// trim it), so it is cheap on a long one.
//
// Fences and headings may be indented by up to 3 columns more than the
// content indent of the list item the line is in (CommonMark), so a fence
// nested in a list item is code like a top-level one. The list items are
// followed by their content indent alone: a list marker sets it, a
// non-blank line indented less lowers it to that line's indent (the item
// ended, or the line is a lazy continuation), blank lines keep it.
func lexHead(t *lineSrc, st lexState, out []span) ([]span, lexState, int) {
	out = out[:0]
	n := t.n
	bodyLen := n
	for bodyLen > 0 {
		if c := t.at(bodyLen - 1); c != ' ' && c != '\t' && c != '\r' {
			break
		}
		bodyLen--
	}
	bodyIs := func(s string) bool { return bodyLen == len(s) && t.str(0, bodyLen) == s }
	from := 0 // where the line's text starts: after a byte order mark
	switch {
	case st == lexStart:
		if n >= len(utf8BOM) && t.str(0, len(utf8BOM)) == utf8BOM {
			from = len(utf8BOM)
		}
		if bodyLen-from == 3 { // (a long first line is never joined)
			switch t.str(from, bodyLen) {
			case "---":
				return append(out, span{0, n, hlMeta}), lexYAML, -1
			case "+++":
				return append(out, span{0, n, hlMeta}), lexTOML, -1
			}
		}
		if p, _ := indentOf(t, from); blankFrom(t, p) {
			// blank lines may come before the front matter (as Hugo and
			// the form read it)
			if n > 0 {
				out = append(out, span{0, n, hlText})
			}
			return out, lexStart, -1
		}
		st = lexNormal
	case st == lexYAML || st == lexTOML:
		if (st == lexYAML && (bodyIs("---") || bodyIs("..."))) || (st == lexTOML && bodyIs("+++")) {
			return append(out, span{0, n, hlMeta}), lexNormal, -1
		}
		if n == 0 {
			return out, st, -1
		}
		if i := frontMatterKey(t, st); i > 0 {
			out = append(out, span{0, i, hlKey})
			if i < n {
				out = append(out, span{i, n, hlText})
			}
			return out, st, -1
		}
		return append(out, span{0, n, hlText}), st, -1
	case st&lexFence != 0:
		c := st.indent()
		p, ind := indentOf(t, 0)
		blank := blankFrom(t, p)
		if blank || ind >= c {
			if fn, ch := fenceAt(t, p); !blank && ind-c <= 3 && fn >= int(st&lexLenMask) && (ch == '~') == (st&lexFenceT != 0) && allSpace(t, p+fn, n) {
				return append(out, span{0, n, hlCode}), lexNormal.withIndent(c), -1
			}
			if n == 0 {
				return out, st, -1
			}
			return append(out, span{0, n, hlCode}), st, -1
		}
		// a line indented less than the list item the fence is in ends
		// the item and the fence: it is read as normal text
		st = lexNormal.withIndent(c)
	}
	if n == 0 {
		return out, st, -1
	}
	p, ind := indentOf(t, from)
	li := st.indent()
	if !blankFrom(t, p) {
		if ind < li {
			li = ind
		}
		st = st.withIndent(li)
		if ind-li <= 3 {
			if fn, ch := fenceAt(t, p); fn >= 3 && !(ch == '`' && t.index(p+fn, "`") >= 0) {
				ns := lexFence | lexState(min(fn, 255))
				if ch == '~' {
					ns |= lexFenceT
				}
				return append(out, span{0, n, hlCode}), ns.withIndent(li), -1
			}
			if p < n && t.at(p) == '#' {
				h := 0
				for p+h < n && h < 7 && t.at(p+h) == '#' {
					h++
				}
				if h <= 6 && (p+h == n || t.at(p+h) == ' ' || t.at(p+h) == '\t') {
					return append(out, span{0, n, hlHeading}), st, -1
				}
			}
		}
	}
	if isThematicBreakSrc(t) {
		return append(out, span{0, n, hlMarker}), st, -1
	}
	pos := 0
	if from > 0 {
		out = append(out, span{0, from, hlText})
		pos = from
	}
	// block markers: quotes and list items, possibly nested
	for first := true; ; first = false {
		p := pos
		for p < n && (t.at(p) == ' ' || t.at(p) == '\t') {
			p++
		}
		if p < n && t.at(p) == '>' {
			out = addSpan(out, pos, p+1, hlMarker)
			pos = p + 1
			continue
		}
		if m := listMarkerLen(t.str(p, min(n, p+16))); m > 0 {
			out = addSpan(out, pos, p+m, hlMarker)
			pos = p + m
			if first && ind-li <= 3 {
				st = st.withIndent(ind + itemIndent(t, p))
			}
		}
		break
	}
	return out, st, pos
}

// indentOf returns the offset of the first byte from from on that is not
// a space or a tab, and its column (tabs stop every 4 columns), counting
// no further than a little past maxIndent.
func indentOf(t *lineSrc, from int) (int, int) {
	p, col := from, 0
	for p < t.n && col <= maxIndent+4 {
		switch t.at(p) {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return p, col
		}
		p++
	}
	return p, col
}

// blankFrom reports whether the line holds only spaces, tabs and a
// carriage return from p on.
func blankFrom(t *lineSrc, p int) bool {
	for ; p < t.n; p++ {
		if c := t.at(p); c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// itemIndent returns the width in columns, from the marker at p, of a list
// item's marker and the spaces after it: where the item's content starts
// (CommonMark: one space when the item is empty or five or more follow).
func itemIndent(t *lineSrc, p int) int {
	m := 1
	if c := t.at(p); c != '-' && c != '*' && c != '+' {
		for m < t.n-p && t.at(p+m) >= '0' && t.at(p+m) <= '9' {
			m++
		}
		m++ // the '.' or ')'
	}
	q, sp := indentOf(t, p+m)
	if sp >= 5 || blankFrom(t, q) {
		return m + 1
	}
	return m + sp
}

func addSpan(out []span, start, end int, k hlKind) []span {
	if start >= end {
		return out
	}
	if n := len(out); n > 0 && out[n-1].kind == k && out[n-1].end == start {
		out[n-1].end = end
		return out
	}
	return append(out, span{start, end, k})
}

// nextState returns the state after line without highlighting it: the
// same transitions as lexLine at a fraction of the cost.
func nextState(line string, st lexState) lexState {
	t := strSrc(line)
	return nextStateSrc(&t, st)
}

func nextStateSrc(t *lineSrc, st lexState) lexState {
	if st&lexModeMask != lexNormal {
		var buf [2]span // room for a byte order mark's span and a marker
		_, ns, _ := lexHead(t, st, buf[:0])
		return ns
	}
	p, ind := indentOf(t, 0)
	if blankFrom(t, p) {
		return st
	}
	li := min(st.indent(), ind)
	if ind-li <= 3 {
		if n, _ := fenceAt(t, p); n >= 3 {
			_, ns, _ := lexHead(t, st, nil)
			return ns
		}
		if listMarkerLen(t.str(p, min(t.n, p+16))) > 0 && !isThematicBreakSrc(t) {
			return lexNormal.withIndent(ind + itemIndent(t, p))
		}
	}
	return lexNormal.withIndent(li)
}

// fenceAt returns the length and character of a run of ``` or ~~~ at
// offset p.
func fenceAt(t *lineSrc, p int) (int, byte) {
	if p >= t.n || (t.at(p) != '`' && t.at(p) != '~') {
		return 0, 0
	}
	ch := t.at(p)
	n := 0
	for p+n < t.n && t.at(p+n) == ch {
		n++
	}
	return n, ch
}

// allSpace reports whether bytes [a, b) are all white space (as
// strings.TrimSpace sees it), stopping at the first that is not.
func allSpace(t *lineSrc, a, b int) bool {
	for a < b {
		c := t.at(a)
		if c < utf8.RuneSelf {
			if !asciiSpace[c] {
				return false
			}
			a++
			continue
		}
		r, size := utf8.DecodeRuneInString(t.str(a, min(b, a+utf8.UTFMax)))
		if !unicode.IsSpace(r) {
			return false
		}
		a += size
	}
	return true
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// isThematicBreak reports whether s, trimmed of white space, is three or
// more of one of - * _ with only spaces and tabs between.
func isThematicBreak(s string) bool {
	t := strSrc(s)
	return isThematicBreakSrc(&t)
}

// isThematicBreakSrc is isThematicBreak on a line source. It stops at the
// first byte that rules the line out.
func isThematicBreakSrc(t *lineSrc) bool {
	n := t.n
	a := 0
	for a < n {
		c := t.at(a)
		if c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			a++
			continue
		}
		r, size := utf8.DecodeRuneInString(t.str(a, min(n, a+utf8.UTFMax)))
		if !unicode.IsSpace(r) {
			break
		}
		a += size
	}
	if a >= n {
		return false
	}
	ch := t.at(a)
	if ch != '-' && ch != '*' && ch != '_' {
		return false
	}
	count := 0
	for i := a; i < n; i++ {
		switch t.at(i) {
		case ch:
			count++
		case ' ', '\t':
		default:
			return count >= 3 && allSpace(t, i, n)
		}
	}
	return count >= 3
}

// listMarkerLen returns the length of a list marker ("- ", "* ", "+ ",
// "12. ", "3) ") plus a task box ("[ ] ", "[x] ") at the start of s, or 0.
func listMarkerLen(s string) int {
	n := 0
	switch {
	case len(s) >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ':
		n = 2
	default:
		d := 0
		for d < len(s) && d < 9 && s[d] >= '0' && s[d] <= '9' {
			d++
		}
		if d == 0 || d+1 >= len(s) || (s[d] != '.' && s[d] != ')') || s[d+1] != ' ' {
			return 0
		}
		n = d + 2
	}
	if t := s[n:]; len(t) >= 4 && t[0] == '[' && (t[1] == ' ' || t[1] == 'x' || t[1] == 'X') && t[2] == ']' && t[3] == ' ' {
		n += 4
	}
	return n
}

func frontMatterKey(t *lineSrc, st lexState) int {
	sep := ":"
	if st == lexTOML {
		sep = "="
	}
	i := t.index(0, sep)
	if i <= 0 || allSpace(t, 0, i) {
		return 0
	}
	if c := t.at(0); c == ' ' || c == '#' || c == '-' {
		return 0
	}
	return i
}

// inlineSpecial marks the bytes that may start inline markup.
var inlineSpecial = [256]bool{'\\': true, '`': true, '*': true, '_': true, '[': true, '!': true, '<': true}

// maxInlineSearch bounds how far a link or autolink may reach, so a long
// line full of brackets lexes in linear time.
const maxInlineSearch = 2048

func isWordByte(b byte) bool {
	return b == '_' || b >= 0x80 || (b >= '0' && b <= '9') || (b|0x20 >= 'a' && b|0x20 <= 'z')
}
