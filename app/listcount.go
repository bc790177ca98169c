package app

import (
	"fyne.io/fyne/v2/widget"

	fynetheme "fyne.io/fyne/v2/theme"
)

// The list's count beside the sort menu ("80", "3 / 80") is secondary
// text: in the theme's secondary colour, 4.5:1 against the background
// like the rows' second lines. A Label of LowImportance is Fyne's dimmed
// text, about 1.5:1 in the dark theme (QA: the count was hard to read).

// newCount makes the count's text, empty.
func newCount() *widget.RichText {
	return widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyle{
		Inline: true, ColorName: secondaryName(), SizeName: fynetheme.SizeNameCaptionText,
	}})
}

// setCount shows text as the count.
func setCount(rt *widget.RichText, text string) {
	seg := rt.Segments[0].(*widget.TextSegment)
	if seg.Text == text && seg.Style.ColorName == secondaryName() {
		return
	}
	seg.Text, seg.Style.ColorName = text, secondaryName()
	rt.Refresh()
}

// countText is the count shown.
func countText(rt *widget.RichText) string { return rt.Segments[0].(*widget.TextSegment).Text }
