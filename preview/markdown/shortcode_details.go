package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Hugo's built-in details shortcode ({{< details summary="See the details"
// open=true >}} … {{< /details >}}, each call on a line of its own) is
// what HTML's <details><summary> is: the same collapsible Container,
// closed unless open is true, its body Markdown. The summary defaults to
// "Details", as Hugo's.

// detailsShortcodeParser reads a details shortcode into a Container.
type detailsShortcodeParser struct{}

// Trigger implements parser.BlockParser.
func (detailsShortcodeParser) Trigger() []byte { return []byte{'{'} }

// Open implements parser.BlockParser.
func (detailsShortcodeParser) Open(_ ast.Node, reader text.Reader, _ parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	name, args, closing, self, ok := shortcodeLine(line)
	if !ok || closing || self || name != "details" {
		return nil, parser.NoChildren
	}
	summary, given := shortcodeArg(args, "summary")
	if !given {
		summary = "Details"
	}
	open, _ := shortcodeArg(args, "open")
	reader.AdvanceToEOL()
	return &Container{Tag: ContainerDetails, Label: summary, Open: open != "" && open != "false" && open != "0"}, parser.HasChildren
}

// Continue implements parser.BlockParser: the closing call ends it.
func (detailsShortcodeParser) Continue(_ ast.Node, reader text.Reader, _ parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if line == nil {
		return parser.Close
	}
	if name, _, closing, _, ok := shortcodeLine(line); ok && closing && name == "details" {
		reader.AdvanceToEOL()
		return parser.Close
	}
	return parser.Continue | parser.HasChildren
}

// Close implements parser.BlockParser.
func (detailsShortcodeParser) Close(ast.Node, text.Reader, parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser.
func (detailsShortcodeParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (detailsShortcodeParser) CanAcceptIndentedLine() bool { return false }
