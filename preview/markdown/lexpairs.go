package markdown

import (
	"regexp/syntax"
	"strings"
	"unicode"
)

// Keyword rules ((func|for|go)\b, …) fail at most identifiers, and each
// try costs a regexp2 run; their first character rarely rules them out
// (firstSet). For rules of literals, character classes and word
// boundaries only, the lexer also knows every pair of ASCII characters
// a match can start with (or the one character a match can be), and
// does not try the rule at another pair.

// maxPairs bounds the starts a rule's pairSet is made from.
const maxPairs = 4096

// pairSet is the ASCII starts of a rule's matches: one holds the
// one-character matches, two[c] the second characters after c.
type pairSet struct {
	one asciiSet
	two [128]asciiSet
}

// may reports whether a match may start at rs[pos]: always when either
// of the first two characters is not ASCII.
func (p *pairSet) may(rs []rune, pos int) bool {
	c := rs[pos]
	if c >= 128 || c < 0 {
		return true
	}
	if p.one.has(c) {
		return true
	}
	if pos+1 >= len(rs) {
		return false
	}
	d := rs[pos+1]
	return d >= 128 || d < 0 || p.two[c].has(d)
}

// has reports whether ASCII r is in the set (all: always).
func (a *asciiSet) has(r rune) bool {
	return a.all || a.bits[r/64]&(1<<(r%64)) != 0
}

// pairsOf is a pattern's pairSet, or nil when the rule is always tried:
// it can match the empty string, or uses anything but literals,
// character classes, alternation, groups and word boundaries, or the
// starts are too many. Where .NET reads a pattern otherwise than Go
// (\s holds \v, [[:x:]] and [a-[b]] are other classes) the pattern is
// left out or the set made wider.
func pairsOf(pattern, flags string) *pairSet {
	if strings.Contains(pattern, "[:") || strings.Contains(pattern, "-[") || negatedShorthand.MatchString(pattern) {
		return nil
	}
	if flags != "" {
		pattern = "(?" + flags + ")(?:" + pattern + ")"
	}
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	starts, ok := startsOf(re.Simplify())
	if !ok {
		return nil
	}
	p := &pairSet{}
	for _, s := range starts {
		switch len(s) {
		case 0:
			return nil // the empty match: always tried
		case 1:
			p.one.add(s[0])
		default:
			p.two[s[0]].add(s[1])
		}
	}
	return p
}

// startsOf is the set of ASCII starts of re's matches: each match's
// first two characters, or the whole match when it is shorter, with
// only ASCII characters kept (a start with another character is left
// out: the lexer tries the rule at any non-ASCII character). ok is
// false for an operator it does not handle or too many starts.
func startsOf(re *syntax.Regexp) (starts [][]rune, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary,
		syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText:
		return [][]rune{nil}, true
	case syntax.OpNoMatch:
		return nil, true
	case syntax.OpLiteral:
		out := [][]rune{nil}
		for _, r := range re.Rune[:min(2, len(re.Rune))] {
			var next [][]rune
			for _, c := range foldsOf(r, re.Flags&syntax.FoldCase != 0) {
				for _, s := range out {
					next = append(next, append(append([]rune(nil), s...), c))
				}
			}
			out = next
		}
		return out, len(out) <= maxPairs
	case syntax.OpCharClass:
		var out [][]rune
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1] && r < 128; r++ {
				out = append(out, []rune{r})
			}
		}
		if spaceClass(re.Rune) {
			out = append(out, []rune{'\v'}) // .NET's \s
		}
		return out, true
	case syntax.OpCapture:
		return startsOf(re.Sub[0])
	case syntax.OpAlternate:
		var out [][]rune
		for _, sub := range re.Sub {
			s, ok := startsOf(sub)
			if !ok {
				return nil, false
			}
			out = append(out, s...)
			if len(out) > maxPairs {
				return nil, false
			}
		}
		return out, true
	case syntax.OpConcat:
		out := [][]rune{nil}
		for _, sub := range re.Sub {
			s, ok := startsOf(sub)
			if !ok {
				return nil, false
			}
			var next [][]rune
			for _, a := range out {
				if len(a) >= 2 {
					next = append(next, a)
					continue
				}
				for _, b := range s {
					c := append(append([]rune(nil), a...), b...)
					next = append(next, c[:min(2, len(c))])
				}
			}
			out = dedupStarts(next)
			if len(out) > maxPairs {
				return nil, false
			}
		}
		return out, true
	}
	return nil, false
}

// foldsOf is r and, when fold, the characters it matches case-blind,
// the ASCII ones only.
func foldsOf(r rune, fold bool) []rune {
	var out []rune
	if r < 128 {
		out = append(out, r)
	}
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if f < 128 {
				out = append(out, f)
			}
		}
	}
	return out
}

// spaceClass reports whether a class Go parsed holds \s (\t, \n, \f, \r
// and the space) but not \v, which .NET's \s holds.
func spaceClass(ranges []rune) bool {
	has := func(r rune) bool { return classHas(ranges, r) }
	return has('\t') && has('\n') && has('\f') && has('\r') && has(' ') && !has('\v')
}

func classHas(ranges []rune, r rune) bool {
	for i := 0; i+1 < len(ranges); i += 2 {
		if ranges[i] <= r && r <= ranges[i+1] {
			return true
		}
	}
	return false
}

// dedupStarts drops repeated starts.
func dedupStarts(starts [][]rune) [][]rune {
	seen := make(map[string]bool, len(starts))
	out := starts[:0]
	for _, s := range starts {
		if k := string(s); !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}
