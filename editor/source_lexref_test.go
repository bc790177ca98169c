package editor

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The highlighter as it was before it learned to read long lines piece by
// piece (refLexLine): the tests check the resumable one gives the same
// spans.

// lexLine highlights one line given the state at its start and returns the
// spans (covering the whole line, in order) and the state after it. It only
// looks at this line, so its cost is bounded by the line's length.
func refLexLine(line string, st lexState, out []span) ([]span, lexState) {
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
		if i := refFrontMatterKey(line, st); i > 0 {
			out = append(out, span{0, i, hlKey})
			if i < len(line) {
				out = append(out, span{i, len(line), hlText})
			}
			return out, st
		}
		return append(out, span{0, len(line), hlText}), st
	case st&lexFence != 0:
		if n, ch := refFenceRun(line); n >= int(st&lexLenMask) && (ch == '~') == (st&lexFenceT != 0) && strings.TrimSpace(line[strings.Index(line, string(ch))+n:]) == "" {
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
	if n, ch := refFenceRun(line); n >= 3 && !(ch == '`' && strings.Contains(line[strings.IndexByte(line, '`')+n:], "`")) {
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
	if refIsThematicBreak(body) {
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
	return refLexInline(line, pos, out), lexNormal
}

// nextState returns the state after line without highlighting it: the
// same transitions as lexLine at a fraction of the cost.
func refNextState(line string, st lexState) lexState {
	switch {
	case st == lexStart || st == lexYAML || st == lexTOML || st&lexFence != 0:
		_, ns := refLexLine(line, st, nil)
		return ns
	}
	if n, _ := refFenceRun(line); n >= 3 {
		_, ns := refLexLine(line, st, nil)
		return ns
	}
	return lexNormal
}

// fenceRun returns the length and character of a run of ``` or ~~~ that
// starts the line after at most 3 spaces.
func refFenceRun(line string) (int, byte) {
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

func refIsThematicBreak(s string) bool {
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

func refFrontMatterKey(line string, st lexState) int {
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
func refLexInline(line string, pos int, out []span) []span {
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
			if k := strings.Index(refWindow(line, i), "]("); k > 0 {
				if e := strings.IndexByte(refWindow(line, i+k), ')'); e > 0 {
					flush(s)
					out = addSpan(out, s, i+k+1, hlLink)
					end := i + k + e + 1
					out = addSpan(out, i+k+1, end, hlURL)
					i, textStart = end, end
					continue
				}
			}
		case '<':
			if j := strings.IndexByte(refWindow(line, i), '>'); j > 0 && strings.Contains(line[i:i+j], "://") && !strings.ContainsAny(line[i:i+j], " \t") {
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

func refWindow(line string, i int) string {
	return line[i:min(len(line), i+maxInlineSearch)]
}

// FuzzLexMatchesReference checks lexLine and nextState against the
// highlighter they replaced, for every start state.
func FuzzLexMatchesReference(f *testing.F) {
	for _, s := range []string{"正文**粗体**和*斜体* `code` [a](b) <https://x>", "```go", "title: x", "  - [ ] item *a*", "> > 1. `x` __b__",
		"---", "+++ \r", "~~~~", "``` a ` b", " # 标题", "####### no", "* * *", "\u3000---\u3000", "_a_b_ c_d_", "\\*x*", "![i](u) ![x", "<a b>", "a ``` b"} {
		for _, st := range []lexState{lexStart, lexNormal, lexYAML, lexTOML, lexFence | 3, lexFence | lexFenceT | 4} {
			f.Add(s, uint16(st))
		}
	}
	f.Fuzz(func(t *testing.T, line string, st uint16) {
		if !utf8.ValidString(line) || strings.ContainsRune(line, '\n') {
			return
		}
		if lexState(st)&lexFence != 0 {
			st = uint16(lexFence | lexState(st)&lexFenceT | max(lexState(st)&lexLenMask, 3))
		} else {
			st %= 4
		}
		got, gs := lexLine(line, lexState(st), nil)
		want, ws := refLexLine(line, lexState(st), nil)
		if !slices.Equal(got, want) || gs != ws {
			t.Fatalf("lexLine(%q, %#x) = %v %#x, reference %v %#x", line, st, got, gs, want, ws)
		}
		if ns, rs := nextState(line, lexState(st)), refNextState(line, lexState(st)); ns != rs {
			t.Fatalf("nextState(%q, %#x) = %#x, reference %#x", line, st, ns, rs)
		}
	})
}
