package app

import (
	"fyne.io/fyne/v2"

	"folio/editor/textwidth"
)

// wrapFor is how a message's label wraps: between any two characters when
// it holds Chinese (Fyne's word wrap takes a run of Han characters for one
// word and moves it whole to the next line, leaving "合并有 1" alone on
// the first), else between words.
func wrapFor(text string) fyne.TextWrap {
	for _, r := range text {
		if textwidth.IsHan(r) {
			return fyne.TextWrapBreak
		}
	}
	return fyne.TextWrapWord
}
