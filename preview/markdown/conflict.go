package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Conflict blocks: the markers a merge writes into the text (Folio's own
// merge, or git's):
//
//	<<<<<<< mine
//	my lines
//	=======
//	their lines
//	>>>>>>> theirs
//
// Read as Markdown they would be a setext heading and a quote nested seven
// deep. The conflict parser reads such a block whole (git's diff3 base
// section, "||||||| base", too); the containers transformer turns it into a
// "conflict" callout holding each side, parsed as Markdown, under a chip
// with its marker's label.

// KindConflict is the node kind of a Conflict.
var KindConflict = ast.NewNodeKind("Conflict")

// Conflict is a merge's conflict block, from its "<<<<<<<" line to its
// ">>>>>>>" line.
type Conflict struct {
	ast.BaseBlock
	Start                   int // offset of the "<<<<<<<" line
	Labels                  [2]string
	Mine, Base, Theirs      []text.Segment
	inBase, inTheirs, ended bool
}

// Kind implements ast.Node.
func (c *Conflict) Kind() ast.NodeKind { return KindConflict }

// IsRaw implements ast.Node.
func (c *Conflict) IsRaw() bool { return true }

// Dump implements ast.Node.
func (c *Conflict) Dump(src []byte, level int) { ast.DumpHelper(c, src, level, nil, nil) }

// conflictMarker reads a marker line: the marker's byte ('<', '|', '=',
// '>') and its label, or 0.
func conflictMarker(line []byte) (byte, string) {
	line = bytes.TrimRight(line, " \t\r\n")
	if len(line) < 7 {
		return 0, ""
	}
	c := line[0]
	if c != '<' && c != '|' && c != '=' && c != '>' {
		return 0, ""
	}
	for _, b := range line[:7] {
		if b != c {
			return 0, ""
		}
	}
	rest := line[7:]
	if c == '=' {
		if len(rest) > 0 {
			return 0, ""
		}
		return c, ""
	}
	if len(rest) > 0 && rest[0] != ' ' {
		return 0, ""
	}
	return c, string(bytes.TrimSpace(rest))
}

// conflictParser reads conflict blocks.
type conflictParser struct{}

// Trigger implements parser.BlockParser.
func (conflictParser) Trigger() []byte { return []byte{'<'} }

// Open implements parser.BlockParser.
func (conflictParser) Open(_ ast.Node, reader text.Reader, _ parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	if reader.LineOffset() != 0 {
		return nil, parser.NoChildren
	}
	m, label := conflictMarker(line)
	if m != '<' {
		return nil, parser.NoChildren
	}
	c := &Conflict{Start: seg.Start}
	c.Labels[0] = label
	c.SetPos(seg.Start)
	reader.AdvanceToEOL()
	return c, parser.NoChildren
}

// Continue implements parser.BlockParser.
func (conflictParser) Continue(n ast.Node, reader text.Reader, _ parser.Context) parser.State {
	c := n.(*Conflict)
	line, seg := reader.PeekLine()
	if line == nil || c.ended {
		return parser.Close
	}
	switch m, label := conflictMarker(line); {
	case m == '|' && !c.inTheirs:
		c.inBase = true
	case m == '=' && !c.inTheirs:
		c.inTheirs = true
	case m == '>' && c.inTheirs:
		c.Labels[1] = label
		c.ended = true
	case c.inTheirs:
		c.Theirs = append(c.Theirs, seg)
	case c.inBase:
		c.Base = append(c.Base, seg)
	default:
		c.Mine = append(c.Mine, seg)
	}
	n.Lines().Append(seg)
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

// Close implements parser.BlockParser.
func (conflictParser) Close(ast.Node, text.Reader, parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser.
func (conflictParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (conflictParser) CanAcceptIndentedLine() bool { return false }

// conflict replaces a conflict block with its callout: a blockquote marked
// "conflict" holding a chip and the Markdown of each side. A block whose
// closing marker never came holds the rest of its parent, as git's
// markers would.
func (t *containers) conflict(c *Conflict, src []byte, pc parser.Context) {
	parent := c.Parent()
	if parent == nil {
		return
	}
	q := ast.NewBlockquote()
	q.SetAttributeString("data-alert", []byte("conflict"))
	q.SetPos(c.Start)
	side := func(label, fallback string, lines []text.Segment) {
		if label == "" {
			label = fallback
		}
		q.AppendChild(q, labelParagraph(label))
		if len(lines) == 0 {
			return
		}
		from, to := lines[0].Start, lines[len(lines)-1].Stop
		contiguous := true
		for i := 1; i < len(lines); i++ {
			contiguous = contiguous && lines[i-1].Stop == lines[i].Start
		}
		if contiguous {
			if nodes := t.subParse(src, from, to, pc); nodes != nil {
				for _, n := range nodes {
					q.AppendChild(q, n)
				}
				return
			}
		}
		code := ast.NewCodeBlock()
		for _, l := range lines {
			code.Lines().Append(l)
		}
		q.AppendChild(q, code)
	}
	side(c.Labels[0], "mine", c.Mine)
	side(c.Labels[1], "theirs", c.Theirs)
	parent.ReplaceChild(parent, c, q)
}

// IsConflictStart reports whether line opens a conflict block: a
// "<<<<<<<" marker, alone or followed by a space and a label.
func IsConflictStart(line []byte) bool {
	m, _ := conflictMarker(line)
	return m == '<'
}
