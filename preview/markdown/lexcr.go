package markdown

import (
	"slices"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// chroma lexes text with its line ends made "\n" (its EnsureLF option,
// on by default): "\r\n" becomes "\n" and a bare '\r' becomes '\n', so a
// '\r' ends a comment or a string as a newline does. Folio lexes the same
// runes, then gives each token its own text back ('\r' included), so the
// tokens still cover the block's text rune for rune: a "\r\n" stays whole
// in the token of its '\n'.

// lfRunes is rs with its line ends made "\n" as chroma makes them, and
// whether it held a '\r' (when not, it is rs itself).
func lfRunes(rs []rune) ([]rune, bool) {
	first := slices.Index(rs, '\r')
	if first < 0 {
		return rs, false
	}
	out := make([]rune, first, len(rs))
	copy(out, rs[:first])
	for i := first; i < len(rs); i++ {
		c := rs[i]
		if c == '\r' {
			if i+1 < len(rs) && rs[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		out = append(out, c)
	}
	return out, true
}

// lfIndex is where rune p of rs is in lfRunes(rs): p less the "\r\n"
// pairs before it.
func lfIndex(rs []rune, p int) int {
	n := p
	for i := 0; i < p && i+1 < len(rs); i++ {
		if rs[i] == '\r' && rs[i+1] == '\n' {
			n--
		}
	}
	return n
}

// restoreCR gives tokens lexed from lfRunes(orig[from:]) their own text:
// each token's runes are taken from orig, from rune from on, a "\r\n"
// counting as the one '\n' it was lexed as. Runes past orig's end (the
// newline a lexer adds) are kept as they are. It returns the tokens (a
// new slice) and the rune of orig after them.
func restoreCR(tokens []chroma.Token, orig []rune, from int) ([]chroma.Token, int) {
	out := make([]chroma.Token, 0, len(tokens))
	i := from
	for _, t := range tokens {
		n := utf8.RuneCountInString(t.Value)
		start := i
		k := 0
		for ; k < n && i < len(orig); k++ {
			if orig[i] == '\r' && i+1 < len(orig) && orig[i+1] == '\n' {
				i++
			}
			i++
		}
		v := string(orig[start:i])
		if k < n { // past the text's end
			v += t.Value[runeOffset(t.Value, k):]
		}
		out = append(out, chroma.Token{Type: t.Type, Value: v})
	}
	return out, i
}

// runCR is f.run from rune pos to stop of rs for a text that holds a
// '\r': it lexes the text as chroma would (lfRunes) and leaves r.tokens
// and r.tail with the text's own runes.
func (f *fastLexer) runCR(r *lexRun, rs []rune, pos, stop int, st *LexState) {
	lf, _ := lfRunes(rs)
	f.run(r, lf, lfIndex(rs, pos), lfIndex(rs, stop), st, nil)
	var next int
	r.tokens, next = restoreCR(r.tokens, rs, pos)
	r.tail, _ = restoreCR(r.tail, rs, next)
}
