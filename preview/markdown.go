package preview

import (
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// newMarkdown returns the one goldmark configuration Folio uses, for the
// native preview and the HTML export alike: GitHub Flavoured Markdown
// (tables, strikethrough, task lists, autolinks), footnotes and the CJK
// rules: a soft line break between two East Asian wide characters (Han,
// kana, CJK and full-width punctuation such as ，。：) is dropped, and a
// backslash-escaped space is not rendered.
//
// The soft-break rule is applied by eastAsianBreaks on the tree, so the
// HTML renderer (whose own Simple rule misses full-width forms such as ，,
// and whose CSS3 rule glues "end.\nNext" in English) and the native
// renderer see the same breaks.
//
// Raw HTML is never passed through: the export registers renderers that
// print it as escaped text, and the native renderer shows it literally.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.NewCJK(
				extension.WithEastAsianLineBreaks(extension.EastAsianLineBreaksNone),
				extension.WithEscapedSpace(),
			),
		),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(eastAsianBreaks{}, 1000))),
	)
}

// softBreakIsSpace reports whether a soft line break between the two runes
// renders as a space: always, except between two East Asian wide
// characters (Korean keeps its spaces).
func softBreakIsSpace(before, after rune) bool {
	return !(eastAsianWide(before) && eastAsianWide(after))
}

// eastAsianWide reports whether r is a wide or full-width East Asian
// character other than Hangul.
func eastAsianWide(r rune) bool {
	if unicode.Is(unicode.Hangul, r) {
		return false
	}
	if util.IsEastAsianWideRune(r) {
		return true
	}
	switch util.EastAsianWidth(r) {
	case "F", "W":
		return true
	}
	return false
}

// eastAsianBreaks drops the soft line breaks softBreakIsSpace says render
// as nothing, looking across inline elements (中文\n**粗体** too).
type eastAsianBreaks struct{}

// Transform implements parser.ASTTransformer.
func (eastAsianBreaks) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var (
		pending *ast.Text // a text whose soft break waits for the next character
		before  rune      // the last character before that break
		last    = rune(-1)
	)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := n.(type) {
		case *ast.Text:
			v := t.Segment.Value(src)
			if len(v) > 0 {
				if pending != nil {
					after, _ := utf8.DecodeRune(v)
					if before >= 0 && !softBreakIsSpace(before, after) {
						pending.SetSoftLineBreak(false)
					}
					pending = nil
				}
				last, _ = utf8.DecodeLastRune(v)
			}
			if t.SoftLineBreak() && !t.HardLineBreak() {
				pending, before = t, last
			}
		case *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink:
			pending, last = nil, -1
			return ast.WalkSkipChildren, nil
		default:
			if n.Type() == ast.TypeBlock {
				pending, last = nil, -1
			}
		}
		return ast.WalkContinue, nil
	})
}
