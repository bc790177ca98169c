package editor

import "strings"

// How the editor reads a link at a '[' (source_lexwin.go, and the plain
// reference lexer of the tests): the link text ends at its matching ']'
// (brackets nest; a backslash escapes; a code span's ']' does not count),
// and what follows it makes the link:
//
//   - "(…)": an inline link [text](url);
//   - "[label]" or "[]": a full or collapsed reference link [text][label],
//     [text][] (Hugo's docs write those: QA7 H6).
//
// A shortcut reference "[text]" alone is left as text: it is a link only
// when the article defines its label, and "[!NOTE]", "[ ]", "[^1]" and
// bracketed prose are not. Before, the link text ran to the first "](" of
// the line, so "[a][] … [b](c)" was one link from a to b.

// maxLinkNesting is how deep brackets may nest in a link's text: deeper,
// the '[' is text. Real links nest one or two; the cap keeps a run of
// "[[[[…]" from costing a scan of maxInlineSearch bytes per bracket.
const maxLinkNesting = 8

// linkShape is a link read at w[0] == '['.
type linkShape struct {
	close int      // index in w of the ']' that ends the link text
	end   int      // index in w just after the link
	far   int      // how far the reading looked: bytes [0, far) of w
	codes [][2]int // code spans inside the link text, as [start, end) in w
}

// linkAt reads the link starting at w[0] == '[' (w is the line from
// there, at least 2*maxInlineSearch+2 bytes of it when the line has them).
func linkAt(w string) (linkShape, bool) {
	var l linkShape
	lim := min(len(w), maxInlineSearch)
	depth := 0
	l.close = -1
	if strings.IndexByte(w[:lim], ']') < 0 {
		l.far = lim // no ']' at all: fast, a line of "[[[[" stays linear
		return l, false
	}
scan:
	for j := 1; j < lim; j++ {
		switch w[j] {
		case '\\':
			j++
		case '`':
			k := 1
			for j+k < lim && w[j+k] == '`' {
				k++
			}
			if e := strings.Index(w[j+k:lim], w[j:j+k]); e >= 0 {
				end := j + k + e + k
				l.codes = append(l.codes, [2]int{j, end})
				j = end - 1
			} else {
				j += k - 1
			}
		case '[':
			if depth++; depth > maxLinkNesting {
				break scan
			}
		case ']':
			if depth == 0 {
				l.close = j
				break scan
			}
			depth--
		}
	}
	if l.close < 0 {
		l.far = lim // (a nesting cut short read less: lim is a bound)
		return l, false
	}
	after := l.close + 1
	if after >= len(w) {
		l.far = len(w)
		return l, false
	}
	rest := w[after:min(len(w), after+maxInlineSearch)]
	switch rest[0] {
	case '(':
		if e := strings.IndexByte(rest, ')'); e > 0 {
			l.end, l.far = after+e+1, after+e+1
			return l, true
		}
	case '[':
		if e := strings.IndexAny(rest[1:], "[]"); e >= 0 && rest[1+e] == ']' {
			l.end, l.far = after+e+2, after+e+2
			return l, true
		}
	default:
		l.far = after + 1
		return l, false
	}
	l.far = after + len(rest)
	return l, false
}

// linkSpans appends the spans of link l read at offset at of the line,
// which starts at s (s < at for an image's '!'): the link text coloured as
// a link, its code spans as code, and the destination or label as a URL.
func linkSpans(out []span, l linkShape, s, at int) []span {
	from := s
	for _, c := range l.codes {
		out = addSpan(out, from, at+c[0], hlLink)
		out = addSpan(out, at+c[0], at+c[1], hlCode)
		from = at + c[1]
	}
	out = addSpan(out, from, at+l.close+1, hlLink)
	return addSpan(out, at+l.close+1, at+l.end, hlURL)
}
