package buffer

import (
	"unicode"

	"folio/editor/textwidth"
)

// IsCJK reports whether r is a CJK character or full-width symbol: Han,
// kana, Hangul, Bopomofo, CJK punctuation and full-width forms. Soft wrap may
// break between any two of them.
func IsCJK(r rune) bool { return textwidth.IsCJK(r) }

// runeSet is a set of runes of the Basic Multilingual Plane, as bits: the
// wrap asks about every rune of a line, and a map lookup per rune was most
// of the cost of rewrapping a long line.
type runeSet [0x10000 / 64]uint64

func newRuneSet(chars string) *runeSet {
	var s runeSet
	for _, r := range chars {
		s[r/64] |= 1 << (r % 64)
	}
	return &s
}

func (s *runeSet) has(r rune) bool {
	return r >= 0 && r < 0x10000 && s[r/64]&(1<<(r%64)) != 0
}

// noLineStart holds characters that must not begin a visual line (closing
// punctuation and marks that attach to the preceding character).
var noLineStart = newRuneSet("，。、；：？！）」』】》〉〕〗〙〛｝］｠．％…‥・ー々〻ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ”’,.;:?!)]}%")

// noLineEnd holds characters that must not end a visual line (opening
// brackets and quotes).
var noLineEnd = newRuneSet("（「『【《〈〔〖〘〚｛［｟“‘([{")

// NoLineStart reports whether kinsoku rules forbid r at the start of a line.
func NoLineStart(r rune) bool { return noLineStart.has(r) }

// NoLineEnd reports whether kinsoku rules forbid r at the end of a line.
func NoLineEnd(r rune) bool { return noLineEnd.has(r) }

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u3000'
}

// CanBreak reports whether a soft line break may go between a and b:
// after spaces, and around CJK characters, unless b may not start a line or
// a may not end one. Dashes (——) and ellipses (……) stay together.
func CanBreak(a, b rune) bool {
	if isSpace(b) || noLineStart.has(b) || noLineEnd.has(a) {
		return false
	}
	if isSpace(a) {
		return true
	}
	if a == b && (a == '—' || a == '…') {
		return false
	}
	return IsCJK(a) || IsCJK(b)
}

// word classes for word jumps and double-click selection
const (
	classSpace = iota
	classPunct
	classWord
	classCJK
	classNewline
)

func runeClass(r rune) int {
	switch {
	case r == '\n':
		return classNewline
	case isSpace(r) || unicode.IsSpace(r):
		return classSpace
	case IsCJK(r):
		if unicode.IsPunct(r) || unicode.IsSymbol(r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFF0F) {
			return classPunct
		}
		return classCJK
	case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
		return classWord
	}
	return classPunct
}
