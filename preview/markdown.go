package preview

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/util"
)

// newMarkdown returns the one goldmark configuration Folio uses, for the
// native preview and the HTML export alike: GitHub Flavoured Markdown
// (tables, strikethrough, task lists, autolinks), footnotes and the CJK
// rules (a soft line break between two East Asian wide characters is
// dropped, and a backslash-escaped space is not rendered).
//
// Raw HTML is never passed through: the export registers renderers that
// print it as escaped text, and the native renderer shows it literally.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.NewCJK(
				extension.WithEastAsianLineBreaks(extension.EastAsianLineBreaksSimple),
				extension.WithEscapedSpace(),
			),
		),
	)
}

// softBreakIsSpace reports whether a soft line break between the two runes
// renders as a space. It is the rule goldmark's HTML renderer applies for
// EastAsianLineBreaksSimple, so the preview and the export agree.
func softBreakIsSpace(before, after rune) bool {
	return !(util.IsEastAsianWideRune(before) && util.IsEastAsianWideRune(after))
}
