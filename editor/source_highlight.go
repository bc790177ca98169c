package editor

import "strings"

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
	out = out[:0]
	body := strings.TrimRight(line, " \t\r")
	switch {
	case st == lexStart:
		switch body {
		case "---":
			return append(out, span{0, len(line), hlMeta}), lexYAML
		case "+++":
			return append(out, span{0, len(line), hlMeta}), lexTOML
		}
		st = lexNormal
	case st == lexYAML || st == lexTOML:
		if (st == lexYAML && (body == "---" || body == "...")) || (st == lexTOML && body == "+++") {
			return append(out, span{0, len(line), hlMeta}), lexNormal
		}
		if line == "" {
			return out, st
		}
		if i := frontMatterKey(line, st); i > 0 {
			out = append(out, span{0, i, hlKey})
			if i < len(line) {
				out = append(out, span{i, len(line), hlText})
			}
			return out, st
		}
		return append(out, span{0, len(line), hlText}), st
	case st&lexFence != 0:
		if n, ch := fenceRun(line); n >= int(st&lexLenMask) && (ch == '~') == (st&lexFenceT != 0) && strings.TrimSpace(line[strings.Index(line, string(ch))+n:]) == "" {
			return append(out, span{0, len(line), hlCode}), lexNormal
		}
		if line == "" {
			return out, st
		}
		return append(out, span{0, len(line), hlCode}), st
	}
	if line == "" {
		return out, lexNormal
	}
	if n, ch := fenceRun(line); n >= 3 && !(ch == '`' && strings.Contains(line[strings.IndexByte(line, '`')+n:], "`")) {
		ns := lexFence | lexState(min(n, 255))
		if ch == '~' {
			ns |= lexFenceT
		}
		return append(out, span{0, len(line), hlCode}), ns
	}
	indent := len(line) - len(strings.TrimLeft(line, " "))
	rest := line[indent:]
	if indent <= 3 && strings.HasPrefix(rest, "#") {
		h := len(rest) - len(strings.TrimLeft(rest, "#"))
		if h <= 6 && (h == len(rest) || rest[h] == ' ' || rest[h] == '\t') {
			return append(out, span{0, len(line), hlHeading}), lexNormal
		}
	}
	if isThematicBreak(body) {
		return append(out, span{0, len(line), hlMarker}), lexNormal
	}
	pos := 0
	// block markers: quotes and list items, possibly nested
	for {
		p := pos + len(line[pos:]) - len(strings.TrimLeft(line[pos:], " \t"))
		if p < len(line) && line[p] == '>' {
			out = addSpan(out, pos, p+1, hlMarker)
			pos = p + 1
			continue
		}
		if m := listMarkerLen(line[p:]); m > 0 {
			out = addSpan(out, pos, p+m, hlMarker)
			pos = p + m
		}
		break
	}
	return lexInline(line, pos, out), lexNormal
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
	switch {
	case st == lexStart || st == lexYAML || st == lexTOML || st&lexFence != 0:
		_, ns := lexLine(line, st, nil)
		return ns
	}
	if n, _ := fenceRun(line); n >= 3 {
		_, ns := lexLine(line, st, nil)
		return ns
	}
	return lexNormal
}

// fenceRun returns the length and character of a run of ``` or ~~~ that
// starts the line after at most 3 spaces.
func fenceRun(line string) (int, byte) {
	i := 0
	for i < len(line) && i < 3 && line[i] == ' ' {
		i++
	}
	if i >= len(line) || (line[i] != '`' && line[i] != '~') {
		return 0, 0
	}
	ch := line[i]
	n := 0
	for i+n < len(line) && line[i+n] == ch {
		n++
	}
	return n, ch
}

func isThematicBreak(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) < 3 {
		return false
	}
	ch := s[0]
	if ch != '-' && ch != '*' && ch != '_' {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ch:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
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

func frontMatterKey(line string, st lexState) int {
	sep := byte(':')
	if st == lexTOML {
		sep = '='
	}
	i := strings.IndexByte(line, sep)
	if i <= 0 || strings.TrimSpace(line[:i]) == "" || line[0] == ' ' || line[0] == '#' || line[0] == '-' {
		return 0
	}
	return i
}

// lexInline highlights code spans, emphasis and links from pos to the end
// of line and appends the spans.
func lexInline(line string, pos int, out []span) []span {
	textStart := pos
	flush := func(end int) {
		out = addSpan(out, textStart, end, hlText)
	}
	i := pos
	for i < len(line) {
		for i < len(line) && !inlineSpecial[line[i]] {
			i++
		}
		if i >= len(line) {
			break
		}
		c := line[i]
		switch c {
		case '\\':
			i += 2
			continue
		case '`':
			n := 1
			for i+n < len(line) && line[i+n] == '`' {
				n++
			}
			fence := line[i : i+n]
			if j := strings.Index(line[i+n:], fence); j >= 0 {
				flush(i)
				end := i + n + j + n
				out = addSpan(out, i, end, hlCode)
				i, textStart = end, end
				continue
			}
			i += n
			continue
		case '*', '_':
			if i+1 < len(line) && line[i+1] == c {
				if i+2 < len(line) && line[i+2] != ' ' {
					if j := strings.Index(line[i+2:], line[i:i+2]); j > 0 {
						flush(i)
						end := i + 2 + j + 2
						out = addSpan(out, i, end, hlBold)
						i, textStart = end, end
						continue
					}
				}
				i += 2
				continue
			}
			if c == '_' && i > 0 && isWordByte(line[i-1]) {
				i++
				continue
			}
			if i+1 < len(line) && line[i+1] != ' ' {
				if j := strings.IndexByte(line[i+1:], c); j > 0 && line[i+j] != ' ' {
					flush(i)
					end := i + 1 + j + 1
					out = addSpan(out, i, end, hlItalic)
					i, textStart = end, end
					continue
				}
			}
		case '[', '!':
			s := i
			if c == '!' {
				if i+1 >= len(line) || line[i+1] != '[' {
					break
				}
				i++
			}
			if k := strings.Index(window(line, i), "]("); k > 0 {
				if e := strings.IndexByte(window(line, i+k), ')'); e > 0 {
					flush(s)
					out = addSpan(out, s, i+k+1, hlLink)
					end := i + k + e + 1
					out = addSpan(out, i+k+1, end, hlURL)
					i, textStart = end, end
					continue
				}
			}
		case '<':
			if j := strings.IndexByte(window(line, i), '>'); j > 0 && strings.Contains(line[i:i+j], "://") && !strings.ContainsAny(line[i:i+j], " \t") {
				flush(i)
				out = addSpan(out, i, i+j+1, hlURL)
				i, textStart = i+j+1, i+j+1
				continue
			}
		}
		i++
	}
	flush(len(line))
	return out
}

// inlineSpecial marks the bytes that may start inline markup.
var inlineSpecial = [256]bool{'\\': true, '`': true, '*': true, '_': true, '[': true, '!': true, '<': true}

// maxInlineSearch bounds how far a link or autolink may reach, so a long
// line full of brackets lexes in linear time.
const maxInlineSearch = 2048

func window(line string, i int) string {
	return line[i:min(len(line), i+maxInlineSearch)]
}

func isWordByte(b byte) bool {
	return b == '_' || b >= 0x80 || (b >= '0' && b <= '9') || (b|0x20 >= 'a' && b|0x20 <= 'z')
}
