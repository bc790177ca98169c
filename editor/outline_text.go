package editor

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"folio/editor/textwidth"
)

var (
	// headingAttrs is a trailing Hugo attribute list: "{#id}", "{.class}",
	// "{#id .class key=value}".
	headingAttrs = regexp.MustCompile(`\s*\{\s*(?:[#.][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s{}"']+))(?:\s+(?:[#.][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s{}"']+)))*\s*\}\s*$`)
	// inlineTag is a raw HTML tag or comment at the start of a string.
	inlineTag = regexp.MustCompile(`^(?:<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*)?/?>)`)
	// autolink is <scheme:…> or <user@host> at the start of a string.
	autolink = regexp.MustCompile(`^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>`)
	// inlineLink is [text](dest) or ![alt](src) at the start of a string.
	inlineLink = regexp.MustCompile(`^!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\](?:\([^()]*(?:\([^()]*\)[^()]*)*\)|\[[^\]]*\])`)
)

// PlainHeading reads a heading's source text (Heading.Raw) as plain text,
// without a Markdown parser: without a trailing Hugo attribute list
// ("{#id}", "{.class}"), with a link's or image's text for the link, an
// autolink's address, code spans' text as written, raw HTML tags dropped
// (their text kept), emphasis and strike-through marks dropped, backslash
// escapes and character references resolved, and a setext heading's lines
// joined by spaces. The app gives the outline the preview's own reading
// (Outline.Plain), which also knows the site (emoji shortcodes); this is
// the reading without it.
func PlainHeading(raw string) string {
	raw = joinLines(raw)
	raw = headingAttrs.ReplaceAllString(raw, "")
	var b strings.Builder
	plainInline(&b, raw)
	return strings.Join(strings.Fields(b.String()), " ")
}

// plainInline writes the plain text of the inline Markdown s to b.
func plainInline(b *strings.Builder, s string) {
	text := 0 // start of the text not written yet
	var marks map[int]bool
	flush := func(to int) {
		b.WriteString(html.UnescapeString(s[text:to]))
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			flush(i)
			b.WriteByte(s[i+1])
			i += 2
			text = i
			continue
		case c == '`':
			n := runLen(s, i, '`')
			if end := strings.Index(s[i+n:], strings.Repeat("`", n)); end >= 0 && runLen(s, i+n+end, '`') == n {
				flush(i)
				code := s[i+n : i+n+end]
				if len(code) > 1 && code[0] == ' ' && code[len(code)-1] == ' ' && strings.TrimSpace(code) != "" {
					code = code[1 : len(code)-1]
				}
				b.WriteString(code)
				i += n + end + n
				text = i
				continue
			}
			i += n
			continue
		case c == '<':
			if m := autolink.FindStringSubmatch(s[i:]); m != nil {
				flush(i)
				b.WriteString(m[1])
				i += len(m[0])
				text = i
				continue
			}
			if m := inlineTag.FindString(s[i:]); m != "" {
				flush(i)
				i += len(m)
				text = i
				continue
			}
		case c == '[' || c == '!' && i+1 < len(s) && s[i+1] == '[':
			if m := inlineLink.FindStringSubmatch(s[i:]); m != nil {
				flush(i)
				plainInline(b, m[1])
				i += len(m[0])
				text = i
				continue
			}
		case c == '*' || c == '~' || c == '_':
			n := runLen(s, i, c)
			if marks == nil {
				marks = emphasisMarks(s)
			}
			if marks[i] {
				flush(i)
				text = i + n
			}
			i += n
			continue
		}
		i++
	}
	flush(len(s))
}

// joinLines joins a setext heading's lines as the preview does: by a
// space, but none between two East Asian wide characters (中文 lines).
func joinLines(raw string) string {
	if !strings.Contains(raw, "\n") {
		return raw
	}
	lines := strings.Split(raw, "\n")
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			before, _ := utf8.DecodeLastRuneInString(lines[i-1])
			after, _ := utf8.DecodeRuneInString(l)
			if !(eastAsianWide(before) && eastAsianWide(after)) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// eastAsianWide reports whether r is a wide or full-width East Asian
// character other than Hangul (Korean keeps its spaces).
func eastAsianWide(r rune) bool { return !unicode.Is(unicode.Hangul, r) && textwidth.IsWide(r) }

// emphasisMarks finds the runs of *, _ and ~~ in s that open or close
// emphasis or strike-through (by CommonMark's flanking rules, paired
// closer to nearest opener): the starts of the runs to drop. Code spans
// are skipped; an unpaired run ("_tidb_rowid", "2 * 3") is text.
func emphasisMarks(s string) map[int]bool {
	type run struct {
		at, n int
		c     byte
	}
	marks := map[int]bool{}
	var openers []run
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\':
			i += 2
			continue
		case c == '`':
			n := runLen(s, i, '`')
			if end := strings.Index(s[i+n:], strings.Repeat("`", n)); end >= 0 {
				i += n + end + n
			} else {
				i += n
			}
			continue
		case c != '*' && c != '_' && c != '~':
			i++
			continue
		}
		n := runLen(s, i, c)
		if c == '~' && n != 2 {
			i += n
			continue
		}
		before, after := ' ', ' '
		if i > 0 {
			before, _ = utf8.DecodeLastRuneInString(s[:i])
		}
		if i+n < len(s) {
			after, _ = utf8.DecodeRuneInString(s[i+n:])
		}
		left := !unicode.IsSpace(after) && (!isPunct(after) || unicode.IsSpace(before) || isPunct(before))
		right := !unicode.IsSpace(before) && (!isPunct(before) || unicode.IsSpace(after) || isPunct(after))
		canOpen, canClose := left, right
		if c == '_' {
			canOpen = left && (!right || isPunct(before))
			canClose = right && (!left || isPunct(after))
		}
		closed := false
		if canClose {
			for k := len(openers) - 1; k >= 0; k-- {
				if o := openers[k]; o.c == c && (c != '~' || o.n == n) {
					marks[o.at], marks[i] = true, true
					openers = openers[:k]
					closed = true
					break
				}
			}
		}
		if !closed && canOpen {
			openers = append(openers, run{i, n, c})
		}
		i += n
	}
	return marks
}

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

func runLen(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
