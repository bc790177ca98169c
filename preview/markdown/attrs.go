package markdown

import (
	"regexp"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Hugo's block attributes: with markup.goldmark.parser.attribute.block on
// (Hugo's docs have it), a line made only of an attribute list,
// {class="!mt-6"} or {.no-wrap-first-col}, gives the block before it a
// class or an id and is not shown. It ends a paragraph, a quote's
// paragraph (as a lazy line) or a table. Folio keeps none of the
// attributes and shows the block as it is, without the line.

// attrLine is a line holding only an attribute list: #id, .class and
// key=value (quoted or bare) items, at least one, in braces. "{{<" (a
// shortcode) and "{x}" (no item of those forms) are not.
var attrLine = regexp.MustCompile(`^[ \t]{0,3}\{[ \t]*(?:(?:[.#][^\s{}"'=]+|[A-Za-z_:][\w:.-]*[ \t]*=[ \t]*(?:"[^"\n]*"|'[^'\n]*'|[^\s"'{}=]+))[ \t]*)+\}[ \t]*\r?\n?$`)

// blockAttrs is a paragraph transformer that takes a paragraph's last
// line away when it is an attribute list (the paragraph goes when nothing
// is left of it). It runs before the table transformer, so the list after
// a table is not a row of it.
type blockAttrs struct{}

// Transform implements parser.ParagraphTransformer.
func (blockAttrs) Transform(node *ast.Paragraph, reader text.Reader, _ parser.Context) {
	lines := node.Lines()
	n := lines.Len()
	if n == 0 {
		return
	}
	last := lines.At(n - 1)
	if !attrLine.Match(last.Value(reader.Source())) {
		return
	}
	if n == 1 {
		if p := node.Parent(); p != nil {
			p.RemoveChild(p, node)
		}
		return
	}
	lines.SetSliced(0, n-1)
}
