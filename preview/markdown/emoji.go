package markdown

import (
	"sync"

	"github.com/yuin/goldmark"
	emoji "github.com/yuin/goldmark-emoji"
	emojiast "github.com/yuin/goldmark-emoji/ast"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Emoji shortcodes: a Hugo site whose config says enableEmoji = true shows
// ":smile:" as 😄 (hugoDocs does; QA G11), with GitHub's names, as Hugo's
// goldmark-emoji extension has them. NewFor adds them for such a site; an
// emoji is turned into a plain string node at once, so the native preview
// and the HTML export draw it as text without knowing emoji nodes.

// emojiShortcodes is the extension: goldmark-emoji's parser and a
// transformer that replaces each emoji node by its characters.
type emojiShortcodes struct{}

// Extend implements goldmark.Extender.
func (emojiShortcodes) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithInlineParsers(util.Prioritized(emoji.NewParser(), 999)),
		parser.WithASTTransformers(util.Prioritized(emojiToString{}, 10)),
	)
}

// emojiBlockParser is blockParser with emoji shortcodes.
var emojiBlockParser = sync.OnceValue(func() parser.Parser {
	return newBlockParser(&siteMarkdown{site: &Site{Emoji: true}})
})

// blockParserFor is the block parser of a Document parsing with md.
func blockParserFor(md goldmark.Markdown) parser.Parser {
	if hasEmoji(md) {
		return emojiBlockParser()
	}
	return blockParser()
}

// hasEmoji reports whether md is NewFor's configuration for a site with
// emoji shortcodes.
func hasEmoji(md goldmark.Markdown) bool {
	sm := siteOf(md)
	return sm != nil && sm.site != nil && sm.site.Emoji
}

// emojiToString replaces emoji nodes by string nodes holding their
// characters (or ":name:" for GitHub's image-only ones such as :octocat:).
type emojiToString struct{}

// Transform implements parser.ASTTransformer.
func (emojiToString) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var found []*emojiast.Emoji
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if e, ok := n.(*emojiast.Emoji); ok && entering {
			found = append(found, e)
		}
		return ast.WalkContinue, nil
	})
	for _, e := range found {
		s := ":" + string(e.ShortName) + ":"
		if e.Value != nil && e.Value.IsUnicode() {
			s = string(e.Value.Unicode)
		}
		if p := e.Parent(); p != nil {
			p.ReplaceChild(p, e, ast.NewString([]byte(s)))
		}
	}
}

// SiteEmoji reports whether the site holding dir (FindSiteRoot) enables
// emoji shortcodes in its config.
func SiteEmoji(dir string) bool {
	if dir == "" {
		return false
	}
	root := FindSiteRoot(dir, "")
	if root == "" {
		return false
	}
	s := LoadSite(root)
	return s != nil && s.Emoji
}
