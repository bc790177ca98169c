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

// refLexLine highlights one line given the state at its start and returns
// the spans (covering the whole line, in order) and the state after it.
// Its block rules (front matter, fences and headings nested in list items
// by their content indent) are written plainly on strings.
func refLexLine(line string, st lexState, out []span) ([]span, lexState) {
	out = out[:0]
	body := strings.TrimRight(line, " \t\r")
	from := 0
	switch {
	case st == lexStart:
		if strings.HasPrefix(line, "\uFEFF") {
			from = 3
		}
		switch body[min(from, len(body)):] {
		case "---":
			return append(out, span{0, len(line), hlMeta}), lexYAML
		case "+++":
			return append(out, span{0, len(line), hlMeta}), lexTOML
		}
		if strings.Trim(line[from:], " \t\r") == "" {
			if line != "" {
				out = append(out, span{0, len(line), hlText})
			}
			return out, lexStart
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
		c := int(st >> 16)
		ind, rest := refIndent(line)
		blank := strings.Trim(rest, " \t\r") == ""
		if blank || ind >= c {
			ch := "`"
			if st&lexFenceT != 0 {
				ch = "~"
			}
			fence := strings.Repeat(ch, int(st&lexLenMask))
			if !blank && ind-c <= 3 && strings.HasPrefix(rest, fence) && strings.TrimSpace(strings.TrimLeft(rest, ch)) == "" {
				return append(out, span{0, len(line), hlCode}), lexNormal | lexState(c)<<16
			}
			if line == "" {
				return out, st
			}
			return append(out, span{0, len(line), hlCode}), st
		}
		st = lexNormal | lexState(c)<<16
	}
	if line == "" {
		return out, st
	}
	li := int(st >> 16)
	ind, rest := refIndent(line[from:])
	blank := strings.Trim(rest, " \t\r") == ""
	if !blank {
		li = min(li, ind)
		st = lexNormal | lexState(li)<<16
		if ind-li <= 3 {
			if n, ch := refFenceRun(rest); n >= 3 && !(ch == '`' && strings.Contains(rest[n:], "`")) {
				ns := lexFence | lexState(min(n, 255)) | lexState(li)<<16
				if ch == '~' {
					ns |= lexFenceT
				}
				return append(out, span{0, len(line), hlCode}), ns
			}
			if strings.HasPrefix(rest, "#") {
				h := len(rest) - len(strings.TrimLeft(rest, "#"))
				if h <= 6 && (h == len(rest) || rest[h] == ' ' || rest[h] == '\t') {
					return append(out, span{0, len(line), hlHeading}), st
				}
			}
		}
	}
	if refIsThematicBreak(body) {
		return append(out, span{0, len(line), hlMarker}), st
	}
	pos := from
	if from > 0 {
		out = append(out, span{0, from, hlText})
	}
	// block markers: quotes and list items, possibly nested
	for first := true; ; first = false {
		p := pos + len(line[pos:]) - len(strings.TrimLeft(line[pos:], " \t"))
		if p < len(line) && line[p] == '>' {
			out = addSpan(out, pos, p+1, hlMarker)
			pos = p + 1
			continue
		}
		if m := listMarkerLen(line[p:]); m > 0 {
			out = addSpan(out, pos, p+m, hlMarker)
			pos = p + m
			if first && ind-li <= 3 {
				// the content starts after the marker and 1 to 4 spaces
				core := len(strings.TrimLeft(line[p:], "0123456789"))
				core = len(line[p:]) - core
				if core == 0 {
					core = 1
				} else {
					core++
				}
				after := line[p+core:]
				sp, r := refIndent(after)
				if sp >= 5 || strings.Trim(r, " \t\r") == "" {
					sp = 1
				}
				st = lexNormal | lexState(min(ind+core+sp, 255))<<16
			}
		}
		break
	}
	return refLexInline(line, pos, out), st
}

// refIndent returns the column of the first byte of line that is not a
// space or a tab (tab stops every 4 columns) and the line from there.
func refIndent(line string) (int, string) {
	col := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return col, line[i:]
		}
	}
	return col, ""
}

// refNextState returns the state after line without the spans.
func refNextState(line string, st lexState) lexState {
	_, ns := refLexLine(line, st, nil)
	return ns
}

// refFenceRun returns the length and character of a run of ``` or ~~~ at
// the start of s.
func refFenceRun(s string) (int, byte) {
	if s == "" || (s[0] != '`' && s[0] != '~') {
		return 0, 0
	}
	return len(s) - len(strings.TrimLeft(s, s[:1])), s[0]
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
			if l, ok := linkAt(line[i:min(len(line), i+2*maxInlineSearch+2)]); ok {
				flush(s)
				out = linkSpans(out, l, s, i)
				end := i + l.end
				i, textStart = end, end
				continue
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
// plain reference, for every start state (the fuzzed uint16 also picks a
// list content indent).
func FuzzLexMatchesReference(f *testing.F) {
	for _, s := range []string{"正文**粗体**和*斜体* `code` [a](b) <https://x>", "```go", "title: x", "  - [ ] item *a*", "> > 1. `x` __b__",
		"---", "+++ \r", "~~~~", "``` a ` b", " # 标题", "####### no", "* * *", "\u3000---\u3000", "_a_b_ c_d_", "\\*x*", "![i](u) ![x", "<a b>", "a ``` b",
		"\uFEFF---\r", "\uFEFF+++", "\uFEFF# t", "\uFEFF", "   \t", "    ```shell", "\t```", "        ```", "    1. 步骤", "- ", "12)     x", "  ~~~ ", "\t- a", "     # h"} {
		for _, st := range []uint16{0, 1, 2, 3, 1 | 3<<2, 1 | 7<<2, 1 | 2<<2, uint16(lexFence | 3), uint16(lexFence | lexFenceT | 4), uint16(lexFence|3) | 3<<13, uint16(lexFence|3) | 1<<13} {
			f.Add(s, st)
		}
	}
	f.Fuzz(func(t *testing.T, line string, raw uint16) {
		if !utf8.ValidString(line) || strings.ContainsRune(line, '\n') {
			return
		}
		var st lexState
		if lexState(raw)&lexFence != 0 {
			st = lexFence | lexState(raw)&lexFenceT | max(lexState(raw)&lexLenMask, 3)
			st = st.withIndent(int(raw>>13) * 3)
		} else {
			st = lexState(raw % 4)
			if st == lexNormal {
				st = st.withIndent(int(raw>>2) & 0x1f)
			}
		}
		got, gs := lexLine(line, st, nil)
		want, ws := refLexLine(line, st, nil)
		if !slices.Equal(got, want) || gs != ws {
			t.Fatalf("lexLine(%q, %#x) = %v %#x, reference %v %#x", line, st, got, gs, want, ws)
		}
		if ns, rs := nextState(line, st), refNextState(line, st); ns != rs {
			t.Fatalf("nextState(%q, %#x) = %#x, reference %#x", line, st, ns, rs)
		}
	})
}
