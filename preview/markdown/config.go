// Package markdown is Folio's Markdown engine, without Fyne: the one
// goldmark configuration (New) with its budgets (limits.go), the block
// model (Block, Inline), incremental parsing into top-level blocks
// (Document; an edit inside a big code block or table is applied without
// parsing the block: codeedit.go, tableedit.go), big blocks cut into parts
// (SplitParts), the outline
// (Headings), link and image resolution against the article's folder and
// site (Resolver), raw HTML's safe set (SplitHTML), GitHub alerts and Hugo
// shortcodes, and code highlighting (Tokens, CodeTokens; a big block's
// parts each from its lexer state, HighlightParts: lex.go, codehl.go). The preview widget, `folio
// check`, `folio export` and the outline all use it, so they agree on what
// a document means.
package markdown

import (
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"folio/editor/textwidth"
)

// New returns the one goldmark configuration Folio uses, for the native
// preview, check and the HTML export alike: GitHub Flavoured Markdown
// (tables, strikethrough, task lists, autolinks), footnotes, definition
// lists ("Term\n: definition", as Hugo's goldmark has them) and the CJK
// rules: a soft line break between two East Asian wide characters (Han,
// kana, CJK and full-width punctuation such as ，。：) is dropped, and a
// backslash-escaped space is not rendered. A line that is only a Hugo
// block attribute list ({class="x"}) is not shown (attrs.go).
//
// The soft-break rule is applied by a tree transformer, so the HTML
// renderer (whose own Simple rule misses full-width forms such as ，, and
// whose CSS3 rule glues "end.\nNext" in English) and the native renderer
// see the same breaks.
//
// The inline parsers whose cost grows with the square of what one
// paragraph holds (emphasis delimiters, link brackets) are bounded: past
// a budget per paragraph (see Limits) the rest of the paragraph's
// delimiters and brackets are plain text, so a hostile line parses in
// linear time.
func New() goldmark.Markdown {
	return newWith(parser.DefaultBlockParsers(), parser.DefaultParagraphTransformers())
}

// NewFor is New for an article of site s (nil: none): with emoji
// shortcodes (":smile:" is 😄) when the site's config enables them
// (emoji.go), and the site's variables ("{{{ .name }}}") and params
// ({{% param "name" %}}) shown as their values (sitevars.go).
func NewFor(s *Site) goldmark.Markdown {
	return NewForPage(s, nil)
}

// NewForPage is NewFor for an article whose front matter params are page
// (Hugo's param shortcode looks there before the site's params; keys
// matched in any letter case).
func NewForPage(s *Site, page map[string]any) goldmark.Markdown {
	md := New()
	if s == nil || !s.Emoji && len(s.Vars) == 0 && len(s.Params) == 0 && len(page) == 0 {
		return md
	}
	if s.Emoji {
		emojiShortcodes{}.Extend(md)
	}
	return &siteMarkdown{Markdown: md, site: s, page: page}
}

// newWith is New with the block parsers bps and the paragraph
// transformers pts in place of goldmark's defaults.
func newWith(bps, pts []util.PrioritizedValue) goldmark.Markdown {
	// Hugo's block attribute lines (attrs.go), after the link reference
	// definitions (100), before the tables (200)
	pts = append(pts[:len(pts):len(pts)], util.Prioritized(blockAttrs{}, 150))
	p := parser.NewParser(
		parser.WithBlockParsers(bps...),
		parser.WithInlineParsers(boundedInlineParsers()...),
		parser.WithParagraphTransformers(pts...),
	)
	return goldmark.New(
		goldmark.WithParser(p),
		goldmark.WithExtensions(
			// extension.GFM, with strikethrough's parser bounded
			extension.Linkify,
			extension.Table,
			extension.TaskList,
			boundedStrikethrough{},
			extras{},
			extension.Footnote,
			extension.DefinitionList,
			extension.NewCJK(
				extension.WithEastAsianLineBreaks(extension.EastAsianLineBreaksNone),
				extension.WithEscapedSpace(),
			),
		),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(eastAsianBreaks{}, 1000))),
	)
}

// boundedStrikethrough is goldmark's strikethrough extension with its
// delimiter parser under the same budget as emphasis.
type boundedStrikethrough struct{}

// Extend implements goldmark.Extender.
func (boundedStrikethrough) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(&boundedDelims{InlineParser: extension.NewStrikethroughParser()}, 500),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500),
	))
}

// SoftBreakIsSpace reports whether a soft line break between the two runes
// renders as a space: always, except between two East Asian wide
// characters (Korean keeps its spaces).
func SoftBreakIsSpace(before, after rune) bool {
	return !(EastAsianWide(before) && EastAsianWide(after))
}

// EastAsianWide reports whether r is a wide or full-width East Asian
// character other than Hangul.
func EastAsianWide(r rune) bool {
	return !unicode.Is(unicode.Hangul, r) && textwidth.IsWide(r)
}

// eastAsianBreaks drops the soft line breaks SoftBreakIsSpace says render
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
					if before >= 0 && !SoftBreakIsSpace(before, after) {
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
