package editor

import (
	"strings"

	"folio/editor/document"
)

// Heading is one heading of an article, for the outline.
type Heading struct {
	// Level is 1 to 6 (# to ######; a setext === heading is 1, --- is 2).
	Level int
	// Text is the heading as the outline shows it: Raw read as plain
	// text (PlainHeading), or what Outline.Plain made of Raw.
	Text string
	// Raw is the heading's source text without its markers: the text
	// after the #s (a closing run of #s dropped), or a setext heading's
	// lines, trimmed and joined by "\n".
	Raw string
	// Line is the line the heading starts on: firstLine plus its 0-based
	// index in the text given to Headings.
	Line int
}

// Headings returns the ATX (# Title) and setext (Title / ===) headings of
// a Markdown text in order, as the preview's parser finds them: in block
// quotes and list items too, not in front matter at the text's start,
// fenced or indented code, or raw HTML blocks (a comment, a <div>…), but
// in the Markdown that docs-cn's components and <details> wrap. firstLine
// is the number given to the text's first line: pass 0 with the editor's
// whole text to get the editor's 0-based line numbers.
//
// It reads lines, not a syntax tree: a 400 KB article with 500 headings
// takes a few milliseconds, so the outline can follow every parse.
func Headings(markdown []byte, firstLine int) []Heading {
	text := string(markdown)
	start := 0 // line index where the body starts
	if doc, _ := document.Parse(markdown); doc != nil && doc.Format() != document.None {
		start = doc.BodyLine() - 1
	}
	var (
		out []Heading
		s   scan
	)
	s.paraStart = -1
	i := 0
	for len(text) > 0 {
		line := text
		if j := strings.IndexByte(text, '\n'); j >= 0 {
			line, text = text[:j], text[j+1:]
		} else {
			text = ""
		}
		n := i
		i++
		if n < start {
			continue
		}
		line = strings.TrimSuffix(line, "\r")
		if strings.IndexByte(line, '\r') >= 0 {
			line = strings.ReplaceAll(line, "\r", " ") // a lone CR is no line break in the editor
		}
		if h, ok := s.line(line, n); ok {
			h.Line += firstLine
			h.Text = PlainHeading(h.Raw)
			out = append(out, h)
		}
	}
	return out
}

// scan is Headings' state between lines.
type scan struct {
	fence       byte   // the fence character while inside a fenced block
	fenceLen    int    // its run length
	fenceIndent int    // the indent of the list item content it is in
	htmlEnd     string // inside a raw HTML block: what ends it ("\n": a blank line)

	paraStart  int      // line of the open paragraph, or -1
	para       []string // its lines, trimmed
	paraQuote  int      // the quote depth it is in
	paraIndent int      // the content indent of the list item it is in
	paraLazy   bool     // a lazy continuation line joined it: no setext underline may follow

	listIndent int // the content indent of the last list item, 0 outside lists
}

func (s *scan) endPara() {
	s.paraStart, s.para, s.paraLazy = -1, s.para[:0], false
}

// line reads the source line n and returns the heading it ends, if any.
func (s *scan) line(line string, n int) (Heading, bool) {
	quote, rest := quotePrefix(line)
	if s.fence != 0 {
		if c, l, tail := fenceMark(dedent(rest, s.fenceIndent)); c == s.fence && l >= s.fenceLen && strings.TrimSpace(tail) == "" {
			s.fence = 0
		}
		return Heading{}, false
	}
	trimmed := strings.TrimSpace(rest)
	if s.htmlEnd != "" {
		if s.htmlEnd == "\n" && trimmed == "" || s.htmlEnd != "\n" && strings.Contains(strings.ToLower(rest), s.htmlEnd) {
			s.htmlEnd = ""
		}
		return Heading{}, false
	}
	if trimmed == "" {
		s.endPara()
		return Heading{}, false
	}
	indent := len(rest) - len(strings.TrimLeft(rest, " "))
	if indent < s.listIndent && s.paraStart < 0 {
		s.listIndent = 0 // the list ended: this line is not in it
	}
	if quote != s.paraQuote && s.paraStart >= 0 {
		if quote > s.paraQuote {
			s.endPara()
		} else if !plainLine(trimmed, indent-s.listIndent) {
			s.endPara()
		} else {
			s.paraLazy = true // "> text\nmore": more continues the quote's paragraph
		}
	}
	rel := indent - s.listIndent // the indent within the list item
	if rel >= 4 && s.paraStart < 0 {
		return Heading{}, false // indented code
	}
	if h, ok := s.setext(trimmed, quote, indent); ok {
		return h, true
	}
	if rel < 4 {
		// a list item's marker: its content is read as a line of its own
		for {
			k := listMarker(trimmed)
			if k == 0 || isThematicBreak(trimmed) {
				break
			}
			s.endPara()
			s.listIndent = indent + k
			trimmed = strings.TrimLeft(trimmed[k:], " \t")
			indent = s.listIndent
			if trimmed == "" {
				return Heading{}, false
			}
			if q, r := quotePrefix(trimmed); q > 0 { // "- > ## x"
				quote += q
				trimmed = strings.TrimSpace(r)
			}
		}
	}
	if c, l, tail := fenceMark(trimmed); c != 0 && (c == '~' || !strings.ContainsRune(tail, '`')) {
		s.fence, s.fenceLen, s.fenceIndent = c, l, s.listIndent
		s.endPara()
		return Heading{}, false
	}
	if level, t, ok := atxHeading(trimmed); ok {
		s.endPara()
		return Heading{Level: level, Raw: t, Line: n}, true
	}
	if isThematicBreak(trimmed) {
		s.endPara()
		return Heading{}, false
	}
	if trimmed[0] == '<' {
		switch end, kind := htmlLine(trimmed, s.paraStart >= 0); kind {
		case htmlRaw:
			s.endPara()
			if end == "\n" || !strings.Contains(strings.ToLower(trimmed[1:]), end) {
				s.htmlEnd = end
			}
			return Heading{}, false
		case htmlContainer:
			s.endPara()
			return Heading{}, false
		}
	}
	if s.paraStart < 0 {
		s.paraStart, s.paraQuote, s.paraIndent = n, quote, s.listIndent
	}
	s.para = append(s.para, trimmed)
	return Heading{}, false
}

// setext reads trimmed as the underline of the open paragraph: a setext
// heading, when the paragraph is in the same quote and list item and no
// lazy line joined it.
func (s *scan) setext(trimmed string, quote, indent int) (Heading, bool) {
	c := setextUnderline(trimmed)
	if c == 0 || s.paraStart < 0 || s.paraLazy || quote != s.paraQuote || indent < s.paraIndent {
		return Heading{}, false
	}
	level := 1
	if c == '-' {
		level = 2
	}
	h := Heading{Level: level, Raw: strings.Join(s.para, "\n"), Line: s.paraStart}
	s.endPara()
	return h, true
}

// quotePrefix counts the block quote markers (">", at most 3 spaces
// before each, one optional space after) that start line and returns the
// rest.
func quotePrefix(line string) (int, string) {
	q := 0
	for {
		s := strings.TrimLeft(line, " ")
		if len(line)-len(s) > 3 || s == "" || s[0] != '>' {
			return q, line
		}
		q++
		line = s[1:]
		if line != "" && (line[0] == ' ' || line[0] == '\t') {
			line = line[1:]
		}
	}
}

// dedent takes up to n leading spaces off s.
func dedent(s string, n int) string {
	for n > 0 && s != "" && s[0] == ' ' {
		s, n = s[1:], n-1
	}
	return s
}

// listMarker returns the length of the list item marker that starts the
// trimmed line s with the space after it ("- ", "12. "), or 0.
func listMarker(s string) int {
	j := 0
	switch {
	case s[0] == '-' || s[0] == '*' || s[0] == '+':
		j = 1
	default:
		for j < len(s) && j < 9 && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == 0 || j == len(s) || (s[j] != '.' && s[j] != ')') {
			return 0
		}
		j++
	}
	if j == len(s) {
		return j // an empty item
	}
	if s[j] != ' ' && s[j] != '\t' {
		return 0
	}
	return j + 1
}

// plainLine reports whether a trimmed line that does not start a list item
// would be paragraph text (a lazy continuation) rather than start a block.
func plainLine(s string, rel int) bool {
	if rel >= 4 {
		return true
	}
	if listMarker(s) > 0 || isThematicBreak(s) || s[0] == '>' || s[0] == '<' {
		return false
	}
	if _, _, ok := atxHeading(s); ok {
		return false
	}
	c, _, _ := fenceMark(s)
	return c == 0
}

// fenceMark returns the fence character and run length when line opens or
// closes a code fence (``` or ~~~, at most 3 spaces in), and the rest.
func fenceMark(line string) (byte, int, string) {
	s := strings.TrimLeft(line, " ")
	if len(line)-len(s) > 3 || len(s) < 3 || (s[0] != '`' && s[0] != '~') {
		return 0, 0, ""
	}
	c := s[0]
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	if n < 3 {
		return 0, 0, ""
	}
	return c, n, s[n:]
}

// atxHeading reads "## Text ##" (at most 3 spaces in).
func atxHeading(line string) (int, string, bool) {
	s := strings.TrimLeft(line, " ")
	if len(line)-len(s) > 3 {
		return 0, "", false
	}
	level := 0
	for level < len(s) && s[level] == '#' {
		level++
	}
	if level == 0 || level > 6 || (level < len(s) && s[level] != ' ' && s[level] != '\t') {
		return 0, "", false
	}
	t := strings.TrimSpace(s[level:])
	// A closing run of #, after a space (or alone), is not text.
	if k := strings.TrimRight(t, "#"); k != t && (k == "" || strings.HasSuffix(k, " ") || strings.HasSuffix(k, "\t")) {
		t = strings.TrimSpace(k)
	}
	return level, t, true
}

// setextUnderline returns '=' or '-' when s (trimmed) is a run of one of
// them.
func setextUnderline(s string) byte {
	if s == "" || (s[0] != '=' && s[0] != '-') {
		return 0
	}
	if strings.Trim(s, s[:1]) != "" {
		return 0
	}
	return s[0]
}
