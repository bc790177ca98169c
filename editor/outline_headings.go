package editor

import (
	"regexp"
	"strings"

	"folio/editor/document"
)

// Heading is one heading of an article, for the outline.
type Heading struct {
	// Level is 1 to 6 (# to ######; a setext === heading is 1, --- is 2).
	Level int
	// Text is the heading's text without its markers.
	Text string
	// Line is the line the heading starts on: firstLine plus its 0-based
	// index in the text given to Headings.
	Line int
}

// Headings returns the ATX (# Title) and setext (Title / ===) headings of
// a Markdown text in order, skipping front matter at its start and fenced
// code blocks. firstLine is the number given to the text's first line:
// pass 0 with the editor's whole text to get the editor's 0-based line
// numbers.
func Headings(markdown []byte, firstLine int) []Heading {
	text := string(markdown)
	start := 0 // line index where the body starts
	if doc, _ := document.Parse(markdown); doc != nil && doc.Format() != document.None {
		start = doc.BodyLine() - 1
	}
	var out []Heading
	var (
		fence     byte // the fence character while inside a fenced block
		fenceLen  int
		paraStart = -1 // first line of the open paragraph, or -1
		para      []string
		lazy      bool // inside a list item or quote: its plain lines continue it
	)
	endPara := func() { paraStart, para = -1, para[:0] }
	i := 0
	for len(text) > 0 {
		line := text
		if j := strings.IndexByte(text, '\n'); j >= 0 {
			line, text = text[:j], text[j+1:]
		} else {
			text = ""
		}
		line = strings.ReplaceAll(strings.TrimSuffix(line, "\r"), "\r", " ") // a lone CR is no line break in the editor
		n := i
		i++
		if n < start {
			continue
		}
		if fence != 0 {
			if c, l, rest := fenceMark(line); c == fence && l >= fenceLen && strings.TrimSpace(rest) == "" {
				fence = 0
			}
			continue
		}
		indent := len(line) - len(strings.TrimLeft(line, " "))
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "":
			endPara()
			lazy = false
			continue
		case indent >= 4 && paraStart < 0:
			continue // indented code
		}
		if c, l, rest := fenceMark(line); c != 0 && (c == '~' || !strings.ContainsRune(rest, '`')) {
			fence, fenceLen = c, l
			endPara()
			lazy = false
			continue
		}
		if level, t, ok := atxHeading(line); ok {
			out = append(out, Heading{Level: level, Text: plainHeading(t), Line: firstLine + n})
			endPara()
			continue
		}
		if indent < 4 {
			if c := setextUnderline(trimmed); c != 0 && paraStart >= 0 {
				level := 1
				if c == '-' {
					level = 2
				}
				out = append(out, Heading{Level: level, Text: plainHeading(strings.Join(para, " ")), Line: firstLine + paraStart})
				endPara()
				continue
			}
			if isThematicBreak(trimmed) || blockStart(trimmed) {
				endPara()
				lazy = !isThematicBreak(trimmed)
				continue
			}
		}
		if lazy {
			continue
		}
		if paraStart < 0 {
			paraStart = n
		}
		para = append(para, trimmed)
	}
	return out
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

// blockStart reports whether a trimmed line starts a list item, a block
// quote or an HTML block: a --- after it is not a setext underline.
func blockStart(s string) bool {
	switch s[0] {
	case '>', '<':
		return true
	case '-', '*', '+':
		return len(s) == 1 || s[1] == ' ' || s[1] == '\t'
	}
	j := 0
	for j < len(s) && j < 9 && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	return j > 0 && j < len(s) && (s[j] == '.' || s[j] == ')') && (j+1 == len(s) || s[j+1] == ' ' || s[j+1] == '\t')
}

var (
	headingID    = regexp.MustCompile(`\s*\{#[^{}]*\}\s*$`)
	headingLink  = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	headingMarks = regexp.MustCompile("`+|\\*\\*|__|~~")
)

// plainHeading is a heading's text as the outline shows it, as the preview
// draws it: without a trailing "{#id}" (its anchor), the backticks of code,
// strong and strike-through marks, and a link's destination.
func plainHeading(t string) string {
	t = headingID.ReplaceAllString(t, "")
	t = headingLink.ReplaceAllString(t, "$1")
	if s := strings.TrimSpace(headingMarks.ReplaceAllString(t, "")); s != "" {
		return s
	}
	return t
}
