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
// constructs that span lines (front matter, fenced code) need it.
type lexState uint16

const (
	lexStart   lexState = 0      // before the first line: front matter may open
	lexNormal  lexState = 1      // ordinary Markdown
	lexYAML    lexState = 2      // inside --- front matter
	lexTOML    lexState = 3      // inside +++ front matter
	lexFence   lexState = 0x1000 // inside a fence; low byte: fence length, 0x100: tilde
	lexFenceT  lexState = 0x100
	lexLenMask lexState = 0xff
)

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
	switch {
	case st == lexStart:
		switch {
		case bodyIs("---"):
			return append(out, span{0, n, hlMeta}), lexYAML, -1
		case bodyIs("+++"):
			return append(out, span{0, n, hlMeta}), lexTOML, -1
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
		if fn, ch, at := fenceRun(t); fn >= int(st&lexLenMask) && (ch == '~') == (st&lexFenceT != 0) && allSpace(t, at+fn, n) {
			return append(out, span{0, n, hlCode}), lexNormal, -1
		}
		if n == 0 {
			return out, st, -1
		}
		return append(out, span{0, n, hlCode}), st, -1
	}
	if n == 0 {
		return out, lexNormal, -1
	}
	if fn, ch, at := fenceRun(t); fn >= 3 && !(ch == '`' && t.index(at+fn, "`") >= 0) {
		ns := lexFence | lexState(min(fn, 255))
		if ch == '~' {
			ns |= lexFenceT
		}
		return append(out, span{0, n, hlCode}), ns, -1
	}
	indent := 0
	for indent < n && indent < 4 && t.at(indent) == ' ' {
		indent++
	}
	if indent <= 3 && indent < n && t.at(indent) == '#' {
		h := 0
		for indent+h < n && h < 7 && t.at(indent+h) == '#' {
			h++
		}
		if h <= 6 && (indent+h == n || t.at(indent+h) == ' ' || t.at(indent+h) == '\t') {
			return append(out, span{0, n, hlHeading}), lexNormal, -1
		}
	}
	if isThematicBreakSrc(t) {
		return append(out, span{0, n, hlMarker}), lexNormal, -1
	}
	pos := 0
	// block markers: quotes and list items, possibly nested
	for {
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
		}
		break
	}
	return out, lexNormal, pos
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
	switch {
	case st == lexStart || st == lexYAML || st == lexTOML || st&lexFence != 0:
		_, ns, _ := lexHead(t, st, nil)
		return ns
	}
	if n, _, _ := fenceRun(t); n >= 3 {
		_, ns, _ := lexHead(t, st, nil)
		return ns
	}
	return lexNormal
}

// fenceRun returns the length and character of a run of ``` or ~~~ that
// starts the line after at most 3 spaces, and where it starts.
func fenceRun(t *lineSrc) (int, byte, int) {
	i := 0
	for i < t.n && i < 3 && t.at(i) == ' ' {
		i++
	}
	if i >= t.n || (t.at(i) != '`' && t.at(i) != '~') {
		return 0, 0, 0
	}
	ch := t.at(i)
	n := 0
	for i+n < t.n && t.at(i+n) == ch {
		n++
	}
	return n, ch, i
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
