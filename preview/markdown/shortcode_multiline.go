package markdown

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A shortcode call written over several lines, one argument a line, its
// closing braces at the start of the last (Hugo docs' {{< img\n  src=…\n
// >}}, {{< datatable\n  "config"\n>}}), is one call, as Hugo reads it: it
// shows as the chip (or the badge) a call on one line shows, not as a
// paragraph of its arguments and a blockquote of its ">}}". Its closing
// braces must come before a blank line.

// KindShortcodeCall is the node kind of a ShortcodeCall.
var KindShortcodeCall = ast.NewNodeKind("ShortcodeCall")

// ShortcodeCall is a shortcode call spanning lines; its lines are the call.
type ShortcodeCall struct {
	ast.BaseBlock
	Call Shortcode
}

// Kind implements ast.Node.
func (s *ShortcodeCall) Kind() ast.NodeKind { return KindShortcodeCall }

// IsRaw implements ast.Node: the lines are the call, not Markdown.
func (s *ShortcodeCall) IsRaw() bool { return true }

// Dump implements ast.Node.
func (s *ShortcodeCall) Dump(src []byte, level int) {
	ast.DumpHelper(s, src, level, map[string]string{"Name": s.Call.Name, "Args": s.Call.Args}, nil)
}

// callStartRE is a line opening a shortcode call it does not close: the
// braces, the name and maybe some arguments.
var callStartRE = regexp.MustCompile(`^ {0,3}\{\{([<%])\s*([A-Za-z0-9_-]+)(\s.*)?$`)

// maxCallLines bounds how far the closing braces are looked for.
const maxCallLines = 200

// shortcodeCallParser reads a ShortcodeCall.
type shortcodeCallParser struct{}

// Trigger implements parser.BlockParser.
func (shortcodeCallParser) Trigger() []byte { return []byte{'{'} }

// Open implements parser.BlockParser.
func (shortcodeCallParser) Open(_ ast.Node, reader text.Reader, _ parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	m := callStartRE.FindSubmatch(bytes.TrimRight(line, "\r\n"))
	if m == nil {
		return nil, parser.NoChildren
	}
	closer := []byte(">}}")
	if m[1][0] == '%' {
		closer = []byte("%}}")
	}
	if bytes.Contains(line, closer) || !callCloses(reader.Source()[seg.Stop:], closer) {
		return nil, parser.NoChildren
	}
	n := &ShortcodeCall{Call: Shortcode{Name: string(m[2]), Markup: m[1][0] == '%'}}
	n.Lines().Append(seg)
	reader.AdvanceToEOL()
	return n, parser.NoChildren
}

// callCloses reports whether a line of rest holds closer before a blank
// line (and within maxCallLines lines).
func callCloses(rest, closer []byte) bool {
	for i := 0; i < maxCallLines && len(rest) > 0; i++ {
		line := rest
		if j := bytes.IndexByte(rest, '\n'); j >= 0 {
			line, rest = rest[:j], rest[j+1:]
		} else {
			rest = nil
		}
		if len(bytes.TrimSpace(line)) == 0 {
			return false
		}
		if bytes.Contains(line, closer) {
			return true
		}
	}
	return false
}

// Continue implements parser.BlockParser: lines up to the one with the
// closing braces.
func (shortcodeCallParser) Continue(n ast.Node, reader text.Reader, _ parser.Context) parser.State {
	line, seg := reader.PeekLine()
	if line == nil || len(bytes.TrimSpace(line)) == 0 {
		return parser.Close
	}
	sc := n.(*ShortcodeCall)
	n.Lines().Append(seg)
	reader.AdvanceToEOL()
	closer := ">}}"
	if sc.Call.Markup {
		closer = "%}}"
	}
	if bytes.Contains(line, []byte(closer)) {
		return parser.Close
	}
	return parser.Continue | parser.NoChildren
}

// Close implements parser.BlockParser: the call's arguments, one line.
func (shortcodeCallParser) Close(n ast.Node, reader text.Reader, _ parser.Context) {
	sc := n.(*ShortcodeCall)
	closer := ">}}"
	if sc.Call.Markup {
		closer = "%}}"
	}
	var b bytes.Buffer
	writeLines(&b, n.Lines(), reader.Source())
	call := b.String()
	if i := strings.Index(call, closer); i >= 0 {
		call = call[:i]
	}
	fields := strings.Fields(call) // "{{<", the name, the arguments
	if len(fields) > 0 && fields[0] == "{{<" || len(fields) > 0 && fields[0] == "{{%" {
		fields = fields[1:]
	} else if len(fields) > 0 {
		fields[0] = fields[0][3:] // "{{<img"
	}
	if len(fields) > 0 {
		fields = fields[1:]
	}
	sc.Call.Args = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.Join(fields, " ")), "/"))
}

// CanInterruptParagraph implements parser.BlockParser.
func (shortcodeCallParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (shortcodeCallParser) CanAcceptIndentedLine() bool { return false }

// callBlock converts a ShortcodeCall: a paragraph of its chip.
func (c *converter) callBlock(n *ShortcodeCall) *Block {
	in := c.inline(nil, &n.Call, 0, "")
	return &Block{Kind: KindParagraph, Inlines: in, units: textUnits(in)}
}

// shortcodeCallHTML writes a ShortcodeCall in the HTML export as a
// paragraph of its chip.
func shortcodeCallHTML(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString("<p>")
	if _, err := shortcodeHTML(w, src, &n.(*ShortcodeCall).Call, true); err != nil {
		return ast.WalkStop, err
	}
	_, _ = w.WriteString("</p>\n")
	return ast.WalkSkipChildren, nil
}
