package app

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"folio/editor/buffer"
	"folio/editor/textwidth"
)

// breakMark is the break opportunity put between the characters of a
// Chinese message: Fyne's word wrap breaks only at spaces, and U+200A HAIR
// SPACE is one of the narrowest.
const breakMark = '\u200a'

// wrapLabel returns a label showing msg wrapped at word boundaries. A
// message holding Chinese gets a break opportunity wherever the editor's
// wrap may break (buffer.CanBreak: between Han characters, around them,
// not before closing or after opening punctuation), so its first line is
// filled (Fyne's word wrap takes a run of Han characters for one word and
// moved it whole to the next line, leaving "合并有 1" alone) and a Latin
// word stays whole (the between-characters wrap broke "their" / "s）").
func wrapLabel(msg string) *widget.Label {
	l := widget.NewLabel(breakable(msg))
	l.Wrapping = fyne.TextWrapWord
	return l
}

// breakable is text with breakMark where a line may break between two
// characters that are not spaces, when text holds Chinese; other text is
// returned as it is.
func breakable(text string) string {
	if !strings.ContainsFunc(text, textwidth.IsHan) {
		return text
	}
	var b strings.Builder
	var prev rune
	for i, r := range text {
		if i > 0 && !unicode.IsSpace(prev) && !unicode.IsSpace(r) && buffer.CanBreak(prev, r) {
			b.WriteRune(breakMark)
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}
