package buffer

import "unicode/utf8"

// Wrap soft-wraps one line of text into visual lines no wider than width and
// returns the byte offsets where the second and later visual lines start
// (nil when the line fits). advance gives the width of the rune at byte
// offset off.
//
// Breaks go where CanBreak allows: between CJK characters, after spaces, and
// around CJK text in mixed lines, never before closing punctuation nor after
// opening punctuation (kinsoku). Spaces may hang past the right edge. A run
// with no break opportunity that does not fit (a long URL, a long Latin
// word) is broken between characters, still keeping closing punctuation off
// the start of a line where it can.
func Wrap(text string, width float32, advance func(off int, r rune) float32) []int {
	return WrapLine(text, width, advance).At
}

// Breaks is a wrapped line: At[k] is the byte offset where visual line k+1
// starts, Decided[k] the offset of the rune whose overflow placed that
// break. Rewrap uses Decided to know which breaks an edit cannot move.
type Breaks struct {
	At, Decided []int
}

// WrapLine is Wrap that also records where each break was decided.
func WrapLine(text string, width float32, advance func(off int, r rune) float32) Breaks {
	var b Breaks
	wrapFrom(text, 0, width, advance, func(bp, at int) bool {
		b.At = append(b.At, bp)
		b.Decided = append(b.Decided, at)
		return true
	})
	return b
}

// Rewrap returns WrapLine's result for text after an edit, given old, the
// breaks before it: editStart is where the edit began and oldLen and newLen
// the byte lengths it replaced and inserted. Breaks decided before the edit
// are kept, wrapping restarts at the last of them, and once a new break at
// or after the edit lines up with a shifted old one the rest is copied, so
// the cost is about that of the visual lines around the edit. advance must
// give the same widths as before for the text outside the edit.
func Rewrap(text string, width float32, advance func(off int, r rune) float32, old Breaks, editStart, oldLen, newLen int) Breaks {
	keep := 0
	for keep < len(old.At) && old.Decided[keep] < editStart {
		keep++
	}
	from := 0
	if keep > 0 {
		from = old.At[keep-1]
	}
	out := Breaks{
		At:      append(make([]int, 0, len(old.At)+1), old.At[:keep]...),
		Decided: append(make([]int, 0, len(old.At)+1), old.Decided[:keep]...),
	}
	delta := newLen - oldLen
	editEnd := editStart + newLen
	j := keep // next old break to compare with
	wrapFrom(text, from, width, advance, func(bp, at int) bool {
		if bp >= editEnd {
			for j < len(old.At) && old.At[j]+delta < bp {
				j++
			}
			if j < len(old.At) && old.At[j]+delta == bp && old.At[j] >= editStart+oldLen {
				// The rest depends only on the unchanged text from bp on
				// (bp itself was decided by the new text before it).
				out.At = append(out.At, bp)
				out.Decided = append(out.Decided, at)
				for k := j + 1; k < len(old.At); k++ {
					out.At = append(out.At, old.At[k]+delta)
					out.Decided = append(out.Decided, old.Decided[k]+delta)
				}
				return false
			}
		}
		out.At = append(out.At, bp)
		out.Decided = append(out.Decided, at)
		return true
	})
	return out
}

// wrapFrom runs the greedy wrap from byte offset from (a visual line start)
// and hands each break and the offset of the rune that decided it to emit
// until it returns false. The wrap after a break depends only on the text
// from the break on, which is what lets Rewrap resynchronise.
func wrapFrom(text string, from int, width float32, advance func(off int, r rune) float32, emit func(bp, at int) bool) {
	lineStart := from  // byte offset where the current visual line starts
	lastBreak := -1    // latest break opportunity > lineStart
	var x float32      // width of text in [lineStart, i)
	var prev rune = -1 // rune before i
	prevOff := -1      // offset of prev
	for i, r := range text[from:] {
		i += from
		if i > lineStart && CanBreak(prev, r) {
			lastBreak = i
		}
		w := advance(i, r)
		for x+w > width && i > lineStart && !isSpace(r) {
			bp := lastBreak
			if bp <= lineStart {
				bp = i
				// Forced break: keep kinsoku where there is room.
				if (noLineStart.has(r) || noLineEnd.has(prev)) && prevOff > lineStart && !isSpace(prev) {
					bp = prevOff
				}
			}
			if !emit(bp, i) {
				return
			}
			lineStart = bp
			lastBreak = -1
			x = 0
			var p rune = -1
			for j, q := range text[bp:i] {
				if j > 0 && CanBreak(p, q) {
					lastBreak = bp + j
				}
				x += advance(bp+j, q)
				p = q
			}
			if i > lineStart && CanBreak(prev, r) {
				lastBreak = i
			}
		}
		x += w
		prev, prevOff = r, i
	}
}

// runeBefore returns the rune ending at byte offset i of s and its size.
func runeBefore(s string, i int) (rune, int) {
	if i <= 0 {
		return utf8.RuneError, 0
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

// WrapFrom runs the greedy wrap of text from byte offset from (the start
// of a visual line) and calls emit with each break and the offset of the
// rune whose overflow decided it, until emit returns false. Every break it
// emits depends only on text[from:at], so a caller may wrap a long line a
// window at a time: the breaks found in a window that ends early are
// right, and wrapping resumes from the last of them.
func WrapFrom(text string, from int, width float32, advance func(off int, r rune) float32, emit func(bp, at int) bool) {
	wrapFrom(text, from, width, advance, emit)
}
