package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Hugo's built-in details shortcode ({{< details summary="See the details"
// open=true >}} … {{< /details >}}, each call on a line of its own) is
// what HTML's <details><summary> is: the same collapsible Container,
// closed unless open is true, its body Markdown. The summary defaults to
// "Details", as Hugo's.

// Hugo docs' new-in and deprecated-in with text between their calls
// ({{< new-in 0.141.0 >}} … {{< /new-in >}}) are a callout on gohugo.io
// (green, orange) titled with the badge's text: here the tip and warning
// alerts, titled "New in v0.141.0".

// calloutAlerts are the alert types of the version callouts.
var calloutAlerts = map[string]string{"new-in": "tip", "deprecated-in": "warning"}

// detailsShortcodeParser reads a details shortcode into a Container, and
// a version callout into an alert.
type detailsShortcodeParser struct{}

// Trigger implements parser.BlockParser.
func (detailsShortcodeParser) Trigger() []byte { return []byte{'{'} }

// Open implements parser.BlockParser.
func (detailsShortcodeParser) Open(_ ast.Node, reader text.Reader, _ parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	name, args, closing, self, ok := shortcodeLine(line)
	if !ok || closing || self || name != "details" && calloutAlerts[name] == "" {
		return nil, parser.NoChildren
	}
	if name != "details" {
		title, _, ok := versionBadge(&Shortcode{Name: name, Args: args})
		_, seg := reader.PeekLine()
		if !ok || title == "" || !closedLater(reader.Source()[seg.Stop:], name) {
			return nil, parser.NoChildren
		}
		q := ast.NewBlockquote()
		q.SetAttributeString("data-alert", []byte(calloutAlerts[name]))
		q.SetAttributeString("data-alert-title", []byte(title))
		q.SetAttributeString("data-shortcode", []byte(name))
		reader.AdvanceToEOL()
		return q, parser.HasChildren
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
func (detailsShortcodeParser) Continue(n ast.Node, reader text.Reader, _ parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if line == nil {
		return parser.Close
	}
	want := "details"
	if v, ok := n.AttributeString("data-shortcode"); ok {
		want = string(v.([]byte))
	}
	if name, _, closing, _, ok := shortcodeLine(line); ok && closing && name == want {
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

// closedLater reports whether a line of rest (within its first 1000
// lines) is name's closing call.
func closedLater(rest []byte, name string) bool {
	for i := 0; i < 1000 && len(rest) > 0; i++ {
		line := rest
		if j := bytes.IndexByte(rest, '\n'); j >= 0 {
			line, rest = rest[:j+1], rest[j+1:]
		} else {
			rest = nil
		}
		if n, _, closing, _, ok := shortcodeLine(line); ok && closing && n == name {
			return true
		}
	}
	return false
}
