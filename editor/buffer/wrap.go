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
	var starts []int
	lineStart := 0     // byte offset where the current visual line starts
	lastBreak := -1    // latest break opportunity > lineStart
	var x float32      // width of text in [lineStart, i)
	var prev rune = -1 // rune before i
	prevOff := -1      // offset of prev
	for i, r := range text {
		if i > lineStart && CanBreak(prev, r) {
			lastBreak = i
		}
		w := advance(i, r)
		for x+w > width && i > lineStart && !isSpace(r) {
			bp := lastBreak
			if bp <= lineStart {
				bp = i
				// Forced break: keep kinsoku where there is room.
				if (noLineStart[r] || noLineEnd[prev]) && prevOff > lineStart {
					bp = prevOff
				}
			}
			starts = append(starts, bp)
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
	return starts
}

// runeBefore returns the rune ending at byte offset i of s and its size.
func runeBefore(s string, i int) (rune, int) {
	if i <= 0 {
		return utf8.RuneError, 0
	}
	return utf8.DecodeLastRuneInString(s[:i])
}
