package markdown

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// The parts of a big code block are highlighted on the parsing goroutine,
// in order, each from the state its lexer is in at the part's start: a
// string or comment that runs over a part boundary is coloured as in the
// whole block. An edit re-highlights from the part it changed until the
// state at a part's start is what it was (HighlightParts).

// lookaheadBytes is how much of the text after a part its lexer sees (the
// next parts' lines, up to the first that reaches it): a token (a comment matched whole) that starts in a part and ends further
// than this after it is lexed as if the block ended there.
const lookaheadBytes = 32 << 10

// quickParts is how many parts of a block a quick HighlightParts lexes.
const quickParts = 3

// partHL is a code part's highlighting: the lexer's state at the part's
// start and end, and the part's tokens.
type partHL struct {
	start, end *LexState
	tokens     []chroma.Token
}

// CodeTokens is code highlighted whole, from the lexer's start. Tokens a
// lexer marks as errors are plain text (see Tokens).
func CodeTokens(lang, code string) []chroma.Token {
	f := fastLexerFor(lang)
	if f == nil {
		var out []chroma.Token
		it := Tokens(lang, code)
		for t := it(); t != chroma.EOF; t = it() {
			out = append(out, t)
		}
		if strings.IndexByte(code, '\r') >= 0 { // chroma's values end lines in "\n"
			out, _ = restoreCR(out, []rune(code), 0)
		}
		return out
	}
	rs := []rune(code)
	lf, cr := lfRunes(rs) // chroma's line ends (lexcr.go)
	stop := len(lf)
	if f.ensureNL && (stop == 0 || lf[stop-1] != '\n') {
		lf = append(lf, '\n')
	}
	var r lexRun
	f.run(&r, lf, 0, stop, nil, nil)
	if cr {
		r.tokens, _ = restoreCR(r.tokens, rs, 0)
	}
	return r.tokens
}

// lexPart highlights a part from state st: rs is the part's runes, its
// newline, and the text after it, which the lexer may look at; stop is
// the rune count of the part with its newline.
func lexPart(f *fastLexer, rs []rune, stop int, st *LexState) *partHL {
	var r lexRun
	pos := 0
	var tail []chroma.Token
	if st != nil {
		for i, t := range st.tail {
			n := utf8.RuneCountInString(t.Value)
			if pos+n <= stop {
				r.emit(t)
				pos += n
				continue
			}
			cut := runeOffset(t.Value, stop-pos)
			r.emit(chroma.Token{Type: t.Type, Value: t.Value[:cut]})
			tail = append(tail, chroma.Token{Type: t.Type, Value: t.Value[cut:]})
			tail = append(tail, st.tail[i+1:]...)
			pos = stop
			break
		}
	}
	var end *LexState
	if pos < stop && slices.Contains(rs, '\r') {
		// lexed as chroma would, with "\n" line ends (lexcr.go)
		var cr lexRun
		f.runCR(&cr, rs, pos, stop, st)
		for _, t := range cr.tokens {
			r.emit(t)
		}
		tail = cr.tail
		end = cr.state()
	} else if pos < stop {
		f.run(&r, rs, pos, stop, st, nil)
		tail = r.tail
		end = r.state()
	} else if st != nil {
		end = &LexState{stack: st.stack, ctx: st.ctx}
	}
	if len(tail) > 0 {
		if end == nil {
			end = &LexState{stack: []string{"root"}}
		}
		end.tail = tail
	} else if end != nil && end.isRoot() {
		end = nil
	}
	return &partHL{start: st, end: end, tokens: r.tokens}
}

// partRunes holds the runes of a run of consecutive parts of a block,
// each followed by a newline, so that a part and the text after it that
// its lexer sees (up to about lookaheadBytes: the next parts' lines) are
// one slice of it, and each part's text is converted once however many
// parts' lookahead it is in. The buffer is reused (runesPool).
type partRunes struct {
	parts []*Block
	buf   []rune
	// lo is the first part held; at[i] is where part lo+i starts in
	// buf, and the last entry is the end of the last part held
	lo int
	at []int
	// converted counts the runes converted (for tests)
	converted int
}

var runesPool = sync.Pool{New: func() any { return new(partRunes) }}

// getPartRunes is a partRunes for parts, from runesPool.
func getPartRunes(parts []*Block) *partRunes {
	w := runesPool.Get().(*partRunes)
	w.parts = parts
	w.buf = w.buf[:0]
	w.lo = 0
	w.at = append(w.at[:0], 0)
	w.converted = 0
	return w
}

// release returns w to runesPool (a very big buffer is dropped).
func (w *partRunes) release() {
	w.parts = nil
	if cap(w.buf) > 4*lookaheadBytes {
		w.buf = nil
	}
	runesPool.Put(w)
}

// span is part k's runes with its newline and the text after it its
// lexer sees (the next parts' lines, each with its newline, up to the
// first that reaches lookaheadBytes), and the rune count of part k with
// its newline. Parts are asked for in increasing order.
func (w *partRunes) span(k int) (rs []rune, stop int) {
	held := w.lo + len(w.at) - 1 // the parts before held are in buf
	if k >= held {
		w.buf = w.buf[:0]
		w.at = append(w.at[:0], 0)
		w.lo, held = k, k
	} else if k > w.lo {
		w.at = w.at[k-w.lo:]
		w.lo = k
	}
	// the parts up to end are seen
	end, n := k+1, 0
	for end < len(w.parts) {
		n += len(w.parts[end].Text) + 1
		end++
		if n >= lookaheadBytes {
			break
		}
	}
	if held < end && w.at[0] > len(w.buf)/2 {
		// move what is held to the buffer's start before it grows
		from := w.at[0]
		copy(w.buf, w.buf[from:])
		w.buf = w.buf[:len(w.buf)-from]
		at := w.at[:cap(w.at)][:0]
		for _, a := range w.at {
			at = append(at, a-from)
		}
		w.at = at
	}
	for ; held < end; held++ {
		text := w.parts[held].Text
		w.buf = slices.Grow(w.buf, len(text)+1)
		for _, c := range text {
			w.buf = append(w.buf, c)
		}
		w.buf = append(w.buf, '\n')
		w.converted += len(w.buf) - w.at[len(w.at)-1]
		w.at = append(w.at, len(w.buf))
	}
	return w.buf[w.at[0]:w.at[end-k]], w.at[1] - w.at[0]
}

// HighlightParts highlights the parts of big code blocks that are not yet
// highlighted for the state their lexer starts in, in order. Parts whose
// start state is unchanged are skipped at no cost, so after an edit only
// the changed parts and those whose start state the edit changed are
// lexed. stop is asked before each part is lexed; HighlightParts returns
// when it says so (done is then false). changed tells whether any part's
// highlighting changed.
//
// A part before an edit is lexed again too (its last token may reach
// into the change), unless quick is set: a parse lexes at most
// quickParts parts of a block (what a keystroke changed, or the first
// screen of a block just opened), and the pass after it does the rest.
//
// It runs on the parsing goroutine; the preview shows a part's tokens
// (Block.CodeHighlight) once they are there.
func HighlightParts(blocks []*TopBlock, quick bool, stop func() bool) (changed, done bool) {
	for _, tb := range blocks {
		b := tb.Block
		if b.Kind != KindCode || len(b.parts) == 0 {
			continue
		}
		f := fastLexerFor(b.Lang)
		if f == nil {
			continue
		}
		var cur *LexState
		lexed := 0
		var w *partRunes
		for k, part := range b.parts {
			old := part.hl.Load()
			if old != nil && old.start.Equal(cur) && (quick || !part.recheck.Load()) {
				cur = old.end
				continue
			}
			if stop() || quick && lexed >= quickParts {
				if w != nil {
					w.release()
				}
				return changed, false
			}
			lexed++
			if w == nil {
				w = getPartRunes(b.parts)
			}
			rs, end := w.span(k)
			hl := lexPart(f, rs, end, cur)
			part.recheck.Store(false)
			if old == nil || !old.start.Equal(cur) || !old.end.Equal(hl.end) || !sameTokens(old.tokens, hl.tokens) {
				part.hl.Store(hl)
				changed = true
			}
			cur = hl.end
		}
		if w != nil {
			w.release()
		}
	}
	return changed, true
}

func sameTokens(a, b []chroma.Token) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// CodeHighlight is a code part's tokens, highlighted from the state its
// lexer is in at the part's start, or nil while HighlightParts has not
// reached it. The tokens are never changed; a new highlighting is a new
// slice.
func (b *Block) CodeHighlight() []chroma.Token {
	if hl := b.hl.Load(); hl != nil {
		return hl.tokens
	}
	return nil
}
