package app

import "unicode/utf8"

// keepPlace maps a byte offset in old to the same place in new, when new
// is old with one stretch of text replaced (an outside program's edit, a
// reload): an offset before the change stays, one after it moves with the
// text after it, and one inside it goes to the change's start. So a caret
// stays with the words around it whatever the change did to the bytes
// before it (a title grown by two Chinese characters moves everything
// after it by six bytes, not by two).
func keepPlace(old, new string, off int) int {
	off = min(max(off, 0), len(old))
	p := 0
	for p < len(old) && p < len(new) && old[p] == new[p] {
		p++
	}
	s := 0
	for s < len(old)-p && s < len(new)-p && old[len(old)-1-s] == new[len(new)-1-s] {
		s++
	}
	// p and s may cut a multi-byte character whose first (or last)
	// bytes both sides share: move them to character starts (the shared
	// bytes are the same on both sides, so one check does for both).
	for p > 0 && p < len(old) && !utf8.RuneStart(old[p]) {
		p--
	}
	for s > 0 && !utf8.RuneStart(old[len(old)-s]) {
		s--
	}
	switch {
	case off <= p:
		return off
	case off >= len(old)-s:
		return off + len(new) - len(old)
	default:
		return p
	}
}

// lineOf is the 0-based line of byte offset off in text.
func lineOf(text string, off int) int {
	n := 0
	for i := 0; i < off && i < len(text); i++ {
		if text[i] == '\n' {
			n++
		}
	}
	return n
}

// lineStart is the byte offset of 0-based line i of text (len(text) past
// its last line).
func lineStart(text string, i int) int {
	if i <= 0 {
		return 0
	}
	for k := 0; k < len(text); k++ {
		if text[k] == '\n' {
			i--
			if i == 0 {
				return k + 1
			}
		}
	}
	return len(text)
}
