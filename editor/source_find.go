package editor

import (
	"fmt"
	"regexp"
	"unicode/utf8"

	"folio/editor/buffer"
)

// FindOptions tune Find and ReplaceAll.
type FindOptions struct {
	// CaseSensitive matches letter case exactly.
	CaseSensitive bool
	// WholeWord only matches a query not touching letters or digits on
	// either side (CJK text has no word spaces, so it is treated as letters).
	WholeWord bool
	// Regexp treats the query as a Go regular expression; ReplaceAll then
	// expands $1-style references in the replacement.
	Regexp bool
}

func compileQuery(query string, opts FindOptions) (*regexp.Regexp, error) {
	pat := query
	if !opts.Regexp {
		pat = regexp.QuoteMeta(query)
	}
	if !opts.CaseSensitive {
		pat = "(?i)" + pat
	}
	re, err := regexp.Compile("(?m)" + pat)
	if err != nil {
		return nil, fmt.Errorf("find %q: %w", query, err)
	}
	return re, nil
}

// Find returns the byte ranges of all matches of query, in order. An
// invalid regular expression or an empty query gives no matches; use
// FindErr to see the error. It costs O(length of the text).
func (s *Source) Find(query string, opts FindOptions) []Range {
	r, _ := s.FindErr(query, opts)
	return r
}

// FindErr is Find that reports an invalid regular expression.
func (s *Source) FindErr(query string, opts FindOptions) ([]Range, error) {
	if query == "" {
		return nil, nil
	}
	re, err := compileQuery(query, opts)
	if err != nil {
		return nil, err
	}
	text := s.buf.Text()
	var out []Range
	for _, m := range re.FindAllStringIndex(text, -1) {
		if m[0] == m[1] {
			continue
		}
		if opts.WholeWord && !wholeWord(text, m[0], m[1]) {
			continue
		}
		out = append(out, Range{m[0], m[1]})
	}
	return out, nil
}

func wholeWord(text string, a, b int) bool {
	r1, _ := utf8.DecodeLastRuneInString(text[:a])
	r2, _ := utf8.DecodeRuneInString(text[b:])
	return !(a > 0 && isWordRune(r1)) && !(b < len(text) && isWordRune(r2))
}

func isWordRune(r rune) bool {
	return r == '_' || (r < utf8.RuneSelf && isWordByte(byte(r))) || (r >= utf8.RuneSelf && r != utf8.RuneError && !buffer.NoLineStart(r) && !buffer.NoLineEnd(r) && r != '\u3000')
}

// SetMatches highlights ranges (for example Find results) until the next
// edit or SetText. nil clears them.
func (s *Source) SetMatches(ranges []Range) {
	s.matches = ranges
	s.Refresh()
}

// Replace replaces r with text as one undoable user edit (OnChanged fires)
// and selects the replacement.
func (s *Source) Replace(r Range, text string) {
	s.replaceSelecting(r.Start, r.End, text, 0, len(text))
}

// ReplaceAll replaces every match of query with repl as one undoable step
// and returns the number of replacements. OnChanged fires if any were made.
func (s *Source) ReplaceAll(query, repl string, opts FindOptions) (int, error) {
	if s.readOnly || query == "" {
		return 0, nil
	}
	re, err := compileQuery(query, opts)
	if err != nil {
		return 0, err
	}
	text := s.buf.Text()
	var ranges [][2]int
	var texts []string
	for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
		if m[0] == m[1] || (opts.WholeWord && !wholeWord(text, m[0], m[1])) {
			continue
		}
		ranges = append(ranges, [2]int{m[0], m[1]})
		if opts.Regexp {
			texts = append(texts, string(re.ExpandString(nil, repl, text, m)))
		} else {
			texts = append(texts, repl)
		}
	}
	if len(ranges) == 0 {
		return 0, nil
	}
	mapOff := func(off int) int {
		d := 0
		for i, rg := range ranges {
			if off >= rg[1] {
				d += len(texts[i]) - (rg[1] - rg[0])
			} else if off > rg[0] {
				return rg[0] + d
			}
		}
		return off + d
	}
	s.groupEdit(ranges, texts, mapOff)
	return len(ranges), nil
}
