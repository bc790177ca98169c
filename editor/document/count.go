package document

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"folio/editor/textwidth"
)

// Reading speeds used by ReadingMinutes.
//
// HanziPerMinute follows the convention of Chinese blogging tools:
// hexo-wordcount's min2read reads Chinese at 300 characters a minute by
// default. WordsPerMinute is Brysbaert's meta-analysis figure for silent
// reading of English non-fiction ("How many words do we read per minute?",
// Journal of Memory and Language 109, 2019: 238 words a minute), rather
// than hexo-wordcount's 160, which suits neither English nor the Latin
// words (AI, Go, 5G) scattered through Chinese text.
const (
	HanziPerMinute = 300
	WordsPerMinute = 238
)

// TextStats is what a reader reads in a Markdown body.
type TextStats struct {
	Hanzi int // CJK characters (Han ideographs, kana, hangul), one each
	Words int // runs of other letters and digits: "AI", "2024", "don't", "3.14"
	Total int // Hanzi + Words
}

// ReadingMinutes returns the time to read s at HanziPerMinute for CJK
// characters plus WordsPerMinute for words, rounded up: at least 1 for any
// text, 0 for none.
func (s TextStats) ReadingMinutes() int {
	if s.Hanzi <= 0 && s.Words <= 0 {
		return 0
	}
	// Hanzi/HanziPerMinute + Words/WordsPerMinute over a common denominator.
	num := s.Hanzi*WordsPerMinute + s.Words*HanziPerMinute
	den := HanziPerMinute * WordsPerMinute
	return (num + den - 1) / den
}

// CountText counts the words and CJK characters a reader reads in a Markdown
// body (pass the body, not the front matter).
//
// Counting rules:
//   - Each CJK character (Han, kana, hangul) counts one; a run of other
//     letters and digits counts one word, so "AI技术" is 1 word + 2 hanzi and
//     "2024年" 1 word + 1 hanzi. Inside a word, ' ’ - . _ join letters and
//     digits and , joins digits: "don't", "e-mail", "3.14", "1,000" are one
//     word each. Markup inside a word splits it ("foo*bar*" is two words).
//   - Markdown syntax is not counted: heading and list markers (including
//     "1." and task boxes "[x]"), emphasis, quotes, tables, escapes, entities
//     (&amp;), link destinations and titles, reference definitions, footnote
//     labels, and images entirely (alt text included: a reader sees the
//     picture).
//   - Link text counts. An autolink <https://…> or a bare URL counts as one
//     word; a bare URL ends at a space, a non-ASCII character or one of <>)"'.
//   - HTML tags and comments are skipped; the text between tags counts.
//   - Code counts, as Typora and most editors count it: the words of inline
//     code and of fenced code blocks are read by the reader; the fence lines
//     themselves (``` and the info string) are not counted.
//
// CountText makes one pass over the text, looks ahead at most to the end of
// the current line and does not allocate: it is cheap enough to call on
// every keystroke.
func CountText(markdown []byte) TextStats {
	var c counter
	for len(markdown) > 0 {
		var line []byte
		if n := bytes.IndexByte(markdown, '\n'); n >= 0 {
			line, markdown = markdown[:n], markdown[n+1:]
		} else {
			line, markdown = markdown, nil
		}
		c.line(line)
	}
	c.s.Total = c.s.Hanzi + c.s.Words
	return c.s
}

// counter is the state of CountText between lines.
type counter struct {
	s      TextStats
	inWord bool // the previous character was part of a word

	fenceChar byte // '`' or '~' inside a fenced code block, else 0
	fenceLen  int  // length of the opening fence

	comment bool // inside <!-- … -->
	tag     bool // inside an HTML tag < … >
	url     int  // paren depth inside a link destination ( … )
	ref     bool // inside a reference label [ … ] or footnote label [^ … ]
	image   int  // bracket depth inside image alt text ![ … ]
	code    int  // length of the backtick run that opened an inline code span
}

// line counts one line (without its '\n').
func (c *counter) line(l []byte) {
	if n := len(l); n > 0 && l[n-1] == '\r' {
		l = l[:n-1]
	}
	c.inWord = false
	if c.fenceChar != 0 {
		if c.fenceCloses(l) {
			c.fenceChar, c.fenceLen = 0, 0
			return
		}
		c.inline(l, true)
		return
	}
	if isBlank(l) {
		// A blank line ends every inline construct except an HTML comment.
		c.tag, c.url, c.ref, c.image, c.code = false, 0, false, 0, 0
		return
	}
	if c.comment || c.tag || c.url > 0 || c.ref || c.image > 0 || c.code > 0 {
		// A construct continued from the previous line: no block markers.
		c.inline(l, false)
		return
	}
	i := 0
	// Indentation and block quote markers.
	for i < len(l) {
		switch l[i] {
		case ' ', '\t', '>':
			i++
			continue
		}
		break
	}
	if i >= len(l) {
		return
	}
	switch b := l[i]; b {
	case '`', '~':
		n := run(l[i:], b)
		if n >= 3 && (b == '~' || bytes.IndexByte(l[i+n:], '`') < 0) {
			// An opening fence; its info string is not counted.
			c.fenceChar, c.fenceLen = b, n
			return
		}
	case '-', '*', '+':
		if i+1 < len(l) && (l[i+1] == ' ' || l[i+1] == '\t') {
			i = skipTaskBox(l, i+2)
		}
	case '[':
		// A reference definition "[label]: url" is not shown; a footnote
		// definition "[^label]: text" shows its text.
		if j := bytes.IndexByte(l[i:], ']'); j > 0 && i+j+1 < len(l) && l[i+j+1] == ':' {
			if i+1 < len(l) && l[i+1] == '^' {
				i += j + 2
			} else {
				return
			}
		}
	default:
		if isDigit(b) {
			// Ordered list marker: 1-9 digits, then '.' or ')', then a space or the end.
			j := i
			for j < len(l) && j-i < 10 && isDigit(l[j]) {
				j++
			}
			if j-i <= 9 && j < len(l) && (l[j] == '.' || l[j] == ')') &&
				(j+1 == len(l) || l[j+1] == ' ' || l[j+1] == '\t') {
				i = skipTaskBox(l, j+1)
			}
		}
	}
	c.inline(l[i:], false)
}

// fenceCloses reports whether l closes the open fenced code block.
func (c *counter) fenceCloses(l []byte) bool {
	i := 0
	for i < len(l) && (l[i] == ' ' || l[i] == '\t' || l[i] == '>') {
		i++
	}
	n := run(l[i:], c.fenceChar)
	return n >= c.fenceLen && isBlank(l[i+n:])
}

// inline counts the text of one line. In literal mode (fenced code) only
// words and CJK characters are recognised, no markup.
func (c *counter) inline(l []byte, literal bool) {
	i := 0
	for i < len(l) {
		switch {
		case c.comment:
			j := bytes.Index(l[i:], commentEnd)
			if j < 0 {
				return
			}
			i += j + len(commentEnd)
			c.comment = false
			continue
		case c.tag:
			j := bytes.IndexByte(l[i:], '>')
			if j < 0 {
				return
			}
			i += j + 1
			c.tag = false
			continue
		case c.ref:
			j := bytes.IndexByte(l[i:], ']')
			if j < 0 {
				return
			}
			i += j + 1
			c.ref = false
			continue
		case c.url > 0:
			i = c.skipURL(l, i)
			continue
		case c.image > 0:
			i = c.skipAlt(l, i)
			continue
		}

		b := l[i]
		if 0xE4 <= b && b <= 0xE9 && i+2 < len(l) && l[i+1]&0xC0 == 0x80 && l[i+2]&0xC0 == 0x80 &&
			(b != 0xE4 || l[i+1] >= 0xB8) {
			// Fast path for U+4E00..U+9FFF, the common Han ideographs.
			c.s.Hanzi++
			c.inWord = false
			i += 3
			continue
		}
		if (b == 0xE3 || b == 0xEF) && i+2 < len(l) && l[i+2]&0xC0 == 0x80 {
			// Fast path for CJK and full-width punctuation: U+3000..U+303F
			// and U+FF00..U+FF7F that are neither letters, digits, marks
			// nor CJK characters (、。，：！（）《》「」…).
			var mask uint64
			switch {
			case b == 0xE3 && l[i+1] == 0x80:
				mask = cjkPunct[0]
			case b == 0xEF && l[i+1] == 0xBC:
				mask = cjkPunct[1]
			case b == 0xEF && l[i+1] == 0xBD:
				mask = cjkPunct[2]
			}
			if mask>>(l[i+2]&0x3F)&1 != 0 {
				c.inWord = false
				i += 3
				continue
			}
		}
		if b >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(l[i:])
			switch {
			case isHanzi(r):
				c.s.Hanzi++
				c.inWord = false
			case r == '’':
				c.inWord = c.inWord && wordAt(l, i+size)
			case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
				c.word()
			default:
				c.inWord = false
			}
			i += size
			continue
		}
		if isAlnum(b) {
			c.word()
			for i++; i < len(l) && isAlnum(l[i]); i++ {
			}
			continue
		}
		if c.inWord {
			// Joiners inside a word.
			switch b {
			case '\'', '-', '.', '_':
				if wordAt(l, i+1) {
					i++
					continue
				}
			case ',':
				if isDigit(l[i-1]) && i+1 < len(l) && isDigit(l[i+1]) {
					i++
					continue
				}
			case ':':
				if !literal && c.code == 0 && bytes.HasPrefix(l[i+1:], slashSlash) {
					// A bare URL: the scheme was counted as the word.
					i = skipBareURL(l, i)
					c.inWord = false
					continue
				}
			}
		}
		c.inWord = false
		if b == '`' && !literal {
			n := run(l[i:], '`')
			if c.code == 0 {
				c.code = n
			} else if n == c.code {
				c.code = 0
			}
			i += n
			continue
		}
		if literal || c.code > 0 {
			i++
			continue
		}
		i = c.markup(l, i)
	}
}

// markup handles the ASCII punctuation l[i] outside code and returns the
// index to continue at.
func (c *counter) markup(l []byte, i int) int {
	next := byte(0)
	if i+1 < len(l) {
		next = l[i+1]
	}
	switch l[i] {
	case '\\':
		if isPunct(next) {
			return i + 2
		}
	case '!':
		if next == '[' {
			c.image = 1
			return i + 2
		}
	case '[':
		if next == '^' {
			c.ref = true
			return i + 2
		}
	case ']':
		switch next {
		case '(':
			c.url = 1
			return i + 2
		case '[':
			c.ref = true
			return i + 2
		}
	case '<':
		if bytes.HasPrefix(l[i:], commentStart) {
			c.comment = true
			return i + len(commentStart)
		}
		if j := autolinkEnd(l, i); j > 0 {
			c.s.Words++
			return j
		}
		if isLetter(next) || next == '/' || next == '!' || next == '?' {
			c.tag = true
			return i + 1
		}
	case '&':
		if j := entityEnd(l, i); j > 0 {
			return j
		}
	}
	return i + 1
}

// word records a letter or digit: it starts a word unless one is open.
func (c *counter) word() {
	if !c.inWord {
		c.s.Words++
		c.inWord = true
	}
}

// skipURL skips a link destination from l[i] and returns where to continue.
func (c *counter) skipURL(l []byte, i int) int {
	for ; i < len(l); i++ {
		switch l[i] {
		case '\\':
			i++
		case '(':
			c.url++
		case ')':
			c.url--
			if c.url == 0 {
				return i + 1
			}
		}
	}
	return i
}

// skipAlt skips image alt text from l[i], then the image's destination or
// reference label, and returns where to continue.
func (c *counter) skipAlt(l []byte, i int) int {
	for ; i < len(l); i++ {
		switch l[i] {
		case '\\':
			i++
		case '[':
			c.image++
		case ']':
			c.image--
			if c.image == 0 {
				i++
				if i < len(l) {
					switch l[i] {
					case '(':
						c.url = 1
						return i + 1
					case '[':
						c.ref = true
						return i + 1
					}
				}
				return i
			}
		}
	}
	return i
}

var (
	commentStart = []byte("<!--")
	commentEnd   = []byte("-->")
	slashSlash   = []byte("//")
)

// autolinkEnd returns the index after an autolink <scheme:…> starting at
// l[i], or 0 if there is none on this line.
func autolinkEnd(l []byte, i int) int {
	j := i + 1
	for j < len(l) && j-i <= 33 && (isAlnum(l[j]) || l[j] == '+' || l[j] == '.' || l[j] == '-') {
		j++
	}
	if j-i < 3 || j >= len(l) || l[j] != ':' || !isLetter(l[i+1]) {
		return 0
	}
	for ; j < len(l); j++ {
		switch l[j] {
		case '>':
			return j + 1
		case ' ', '\t', '<':
			return 0
		}
	}
	return 0
}

// entityEnd returns the index after an HTML entity (&amp; &#123; &#x1F;)
// starting at l[i], or 0 if there is none.
func entityEnd(l []byte, i int) int {
	j := i + 1
	if j < len(l) && l[j] == '#' {
		j++
	}
	start := j
	for j < len(l) && j-start < 32 && isAlnum(l[j]) {
		j++
	}
	if j > start && j < len(l) && l[j] == ';' {
		return j + 1
	}
	return 0
}

// skipBareURL returns the index where a bare URL whose "://" is at l[i] ends.
func skipBareURL(l []byte, i int) int {
	for ; i < len(l); i++ {
		switch b := l[i]; b {
		case ' ', '\t', '<', '>', ')', '"', '\'':
			return i
		default:
			if b >= utf8.RuneSelf {
				return i
			}
		}
	}
	return i
}

// skipTaskBox skips a task list box "[ ] ", "[x] " or "[X] " at l[i].
func skipTaskBox(l []byte, i int) int {
	if i+2 < len(l) && l[i] == '[' && l[i+2] == ']' &&
		(l[i+1] == ' ' || l[i+1] == 'x' || l[i+1] == 'X') &&
		(i+3 == len(l) || l[i+3] == ' ' || l[i+3] == '\t') {
		return i + 3
	}
	return i
}

// wordAt reports whether a letter or digit that is not CJK starts at l[i].
func wordAt(l []byte, i int) bool {
	if i >= len(l) {
		return false
	}
	if b := l[i]; b < utf8.RuneSelf {
		return isAlnum(b)
	}
	r, _ := utf8.DecodeRune(l[i:])
	return !isHanzi(r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// run returns the length of the run of b at the start of l.
func run(l []byte, b byte) int {
	n := 0
	for n < len(l) && l[n] == b {
		n++
	}
	return n
}

func isBlank(l []byte) bool {
	for _, b := range l {
		if b != ' ' && b != '\t' && b != '\r' {
			return false
		}
	}
	return true
}

func isDigit(b byte) bool  { return '0' <= b && b <= '9' }
func isLetter(b byte) bool { return 'a' <= b|0x20 && b|0x20 <= 'z' }
func isAlnum(b byte) bool  { return isDigit(b) || isLetter(b) }

// isPunct reports whether b is ASCII punctuation (what a backslash escapes).
func isPunct(b byte) bool {
	return '!' <= b && b <= '~' && !isAlnum(b)
}

// isHanzi reports whether r is read as one CJK character: a Han ideograph
// (with 々 and 〇), kana or hangul (textwidth.IsHan, the one rule).
func isHanzi(r rune) bool { return textwidth.IsHan(r) }

// cjkPunct marks, for U+3000..U+303F, U+FF00..U+FF3F and U+FF40..U+FF7F,
// the characters that are not letters, digits, marks, CJK characters or
// the apostrophe: CountText skips them without decoding.
var cjkPunct = func() (m [3]uint64) {
	for k, base := range []rune{0x3000, 0xFF00, 0xFF40} {
		for j := range 64 {
			r := base + rune(j)
			if !isHanzi(r) && !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) && r != '’' {
				m[k] |= 1 << j
			}
		}
	}
	return m
}()
