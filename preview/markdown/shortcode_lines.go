package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Hugo shortcodes that stand on a line of their own and render as the
// published sites render them, rather than as a chip:
//
//   - docs-cn's {{< copyable "shell-regular" >}} marks the code block
//     after it as copyable (docs.pingcap.com shows a copy button there and
//     nothing in its place): it renders nothing.
//   - Hugo docs' {{% include "_common/x.md" %}} renders the page it names
//     (shortcode_include.go), and {{% glossary-term "media type" %}} the
//     glossary page /quick-reference/glossary/media-type.
//   - Hugo docs' {{< code-toggle config=build />}} shows a section of the
//     site's data/docs.yaml as code-toggle's tabs
//     (shortcode_toggle_data.go).
//
// Any other shortcode is still a chip (extras.go).

// KindLineShortcode is the node kind of a shortcode on a line of its own.
var KindLineShortcode = ast.NewNodeKind("LineShortcode")

// LineShortcode is one of lineShortcodes, called on a line of its own.
type LineShortcode struct {
	ast.BaseBlock
	Name string // "copyable", "include", "glossary-term"
	Args string
}

// Kind implements ast.Node.
func (s *LineShortcode) Kind() ast.NodeKind { return KindLineShortcode }

// IsRaw implements ast.Node.
func (s *LineShortcode) IsRaw() bool { return true }

// Dump implements ast.Node.
func (s *LineShortcode) Dump(src []byte, level int) {
	ast.DumpHelper(s, src, level, map[string]string{"Name": s.Name, "Args": s.Args}, nil)
}

// Label is the chip a shortcode that cannot be rendered shows.
func (s *LineShortcode) Label() string {
	return (&Shortcode{Name: s.Name, Args: s.Args}).Label()
}

// blockKind is the block kind the node converts to, known at parse time:
// nothing for copyable, a transparent group (a tabs block of one
// unlabelled item) for an included page.
func (s *LineShortcode) blockKind() Kind {
	if s.Name == "copyable" {
		return KindNone
	}
	return KindTabs
}

// lineShortcodes are the shortcodes LineShortcode reads.
var lineShortcodes = map[string]bool{"copyable": true, "include": true, "glossary-term": true, "code-toggle": true}

// lineShortcodeParser reads a LineShortcode.
type lineShortcodeParser struct{}

// Trigger implements parser.BlockParser.
func (lineShortcodeParser) Trigger() []byte { return []byte{'{'} }

// Open implements parser.BlockParser.
func (lineShortcodeParser) Open(_ ast.Node, reader text.Reader, _ parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	name, args, closing, self, ok := shortcodeLine(line)
	if !ok || closing || !lineShortcodes[name] || name == "code-toggle" && !self {
		return nil, parser.NoChildren
	}
	reader.AdvanceToEOL()
	return &LineShortcode{Name: name, Args: args}, parser.NoChildren
}

// Continue implements parser.BlockParser: the node is one line.
func (lineShortcodeParser) Continue(ast.Node, text.Reader, parser.Context) parser.State {
	return parser.Close
}

// Close implements parser.BlockParser.
func (lineShortcodeParser) Close(ast.Node, text.Reader, parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser.
func (lineShortcodeParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (lineShortcodeParser) CanAcceptIndentedLine() bool { return false }

// lineShortcodeBlock converts a LineShortcode.
func (c *converter) lineShortcodeBlock(n *LineShortcode) *Block {
	switch n.Name {
	case "include", "glossary-term":
		return c.includeBlock(n)
	case "code-toggle":
		return c.dataToggleBlock(n) // shortcode_toggle_data.go
	}
	return &Block{Kind: KindNone}
}

// lineShortcodeHTML writes a LineShortcode in the HTML export: nothing for
// copyable; the call's chip for an include (the export does not know the
// article's folder).
func lineShortcodeHTML(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if sc := n.(*LineShortcode); entering && sc.Name != "copyable" {
		_, _ = w.WriteString(`<p><span class="shortcode">` + htmlEscape(sc.Label()) + "</span></p>\n")
	}
	return ast.WalkSkipChildren, nil
}
