package preview

import (
	"unicode"

	"folio/editor/textwidth"
)

// canBreakBetween reports whether a line may wrap between runes a and b.
// It is a small subset of UAX #14 that suits Chinese prose mixed with
// Latin words: break after spaces, and around ideographs, kana and
// fullwidth forms, except before closing punctuation (，。、！？：；）」』】
// and friends) and after opening punctuation (（「『【 …).
func canBreakBetween(a, b rune) bool {
	if noBreakBefore(b) || noBreakAfter(a) {
		return false
	}
	if unicode.IsSpace(a) && !unicode.IsSpace(b) {
		return true
	}
	if unicode.IsSpace(b) {
		return false
	}
	return isBreakableCJK(a) || isBreakableCJK(b)
}

// isBreakableCJK reports whether a line may break on either side of r.
func isBreakableCJK(r rune) bool { return textwidth.IsCJK(r) }

// noBreakBefore lists closing punctuation that never starts a line.
func noBreakBefore(r rune) bool {
	switch r {
	case '，', '。', '、', '！', '？', '：', '；', '）', '」', '』', '】', '》', '〉', '〕', '］', '｝',
		'”', '’', '…', '‥', '·', '・', 'ー', '～', '％', '〃', '々',
		',', '.', '!', '?', ':', ';', ')', ']', '}', '%':
		return true
	}
	return false
}

// noBreakAfter lists opening punctuation that never ends a line.
func noBreakAfter(r rune) bool {
	switch r {
	case '（', '「', '『', '【', '《', '〈', '〔', '［', '｛', '“', '‘', '(', '[', '{':
		return true
	}
	return false
}
