package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Limits Folio puts on one construct, so that no input makes the preview,
// check or export superlinear. Past a limit the rest is shown as plain
// text.
const (
	// MaxDelimitersPerBlock is how many emphasis delimiter runs (* _ ~)
	// one paragraph may open: goldmark matches them in quadratic time.
	MaxDelimitersPerBlock = 2000
	// MaxLinksPerBlock is how many link or image brackets one paragraph
	// may try: each try may scan to the end of the paragraph.
	MaxLinksPerBlock = 1000
	// MaxLangLen is the longest code fence language looked up (chroma's
	// lookup by file name pattern is slow on long names).
	MaxLangLen = 64
	// MaxDepth is the deepest nesting of quotes and lists rendered as
	// structure; deeper content is shown as its source text.
	MaxDepth = 48
)

var budgetKey = parser.NewContextKey()

// budget counts the expensive inline constructs of the block being parsed.
type budget struct {
	block  ast.Node
	delims int
	links  int

	// canClose's memory: a destination stop at stopAt; none in
	// [noStopFrom, noStopTo)
	stopAt, noStopFrom, noStopTo int
}

func budgetFor(parent ast.Node, pc parser.Context) *budget {
	b, _ := pc.Get(budgetKey).(*budget)
	if b == nil {
		b = &budget{noStopFrom: -1}
		pc.Set(budgetKey, b)
	}
	// parent is the block whose inlines are parsed, or an inline inside it
	blk := parent
	for blk != nil && blk.Type() == ast.TypeInline {
		blk = blk.Parent()
	}
	if b.block != blk {
		*b = budget{block: blk, noStopFrom: -1}
	}
	return b
}

// boundedInlineParsers are goldmark's default inline parsers with the
// emphasis and link parsers wrapped in per-block budgets.
func boundedInlineParsers() []util.PrioritizedValue {
	var out []util.PrioritizedValue
	for _, v := range parser.DefaultInlineParsers() {
		switch p := v.Value.(type) {
		case parser.InlineParser:
			switch string(p.Trigger()) {
			case "*_":
				v.Value = &boundedDelims{InlineParser: p}
			}
		}
		out = append(out, v)
	}
	for i, v := range out {
		if p, ok := v.Value.(parser.InlineParser); ok && isLinkParser(p) {
			out[i].Value = &boundedLinks{InlineParser: p}
		}
	}
	return out
}

func isLinkParser(p parser.InlineParser) bool { return string(p.Trigger()) == "![]" }

// closer forwards CloseBlock to a wrapped parser that has one (the link
// parser turns unclosed brackets back into text there).
func closeBlock(p parser.InlineParser, parent ast.Node, block text.Reader, pc parser.Context) {
	if c, ok := p.(parser.CloseBlocker); ok {
		c.CloseBlock(parent, block, pc)
	}
}

// boundedDelims is the emphasis parser, giving up after
// MaxDelimitersPerBlock delimiter runs in one block.
type boundedDelims struct{ parser.InlineParser }

// Parse implements parser.InlineParser.
func (p *boundedDelims) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	b := budgetFor(parent, pc)
	if b.delims >= MaxDelimitersPerBlock {
		return nil
	}
	b.delims++
	before := block.PrecendingCharacter()
	line, _ := block.PeekLine()
	n := p.InlineParser.Parse(parent, block, pc)
	if d, ok := n.(*parser.Delimiter); ok {
		cjkFlanking(d, before, line)
	}
	return n
}

// CloseBlock implements parser.CloseBlocker.
func (p *boundedDelims) CloseBlock(parent ast.Node, block text.Reader, pc parser.Context) {
	closeBlock(p.InlineParser, parent, block, pc)
}

// boundedLinks is the link parser, giving up after MaxLinksPerBlock
// opening brackets in one block. It also answers cheaply the case that
// makes goldmark quadratic: a "](" whose destination runs to the end of a
// long line without a space or ")" cannot end a link, yet goldmark scans
// the rest of the line for each one.
type boundedLinks struct{ parser.InlineParser }

// longLine is the length of the rest of a line from which boundedLinks
// checks destinations itself.
const longLine = 1024

// Parse implements parser.InlineParser.
func (p *boundedLinks) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	b := budgetFor(parent, pc)
	line, seg := block.PeekLine()
	if len(line) > 0 && line[0] == ']' {
		if len(line) > longLine && len(line) > 1 && line[1] == '(' && !b.canClose(line, seg.Start) {
			return nil
		}
		return p.InlineParser.Parse(parent, block, pc)
	}
	if b.links >= MaxLinksPerBlock {
		return nil
	}
	b.links++
	return p.InlineParser.Parse(parent, block, pc)
}

// CloseBlock implements parser.CloseBlocker.
func (p *boundedLinks) CloseBlock(parent ast.Node, block text.Reader, pc parser.Context) {
	closeBlock(p.InlineParser, parent, block, pc)
}

// canClose reports whether the rest of the line after "](" holds a space
// or ")" where a destination could end. The answer for the rest of a line
// is remembered, so a line is scanned once.
func (b *budget) canClose(line []byte, at int) bool {
	if at < b.stopAt {
		return true // a stop found earlier is still ahead
	}
	if b.noStopFrom >= 0 && at >= b.noStopFrom && at < b.noStopTo {
		return false
	}
	for i, c := range line[2:] {
		if c == ')' || c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			b.stopAt = at + 2 + i
			return true
		}
	}
	b.noStopFrom, b.noStopTo = at, at+len(line)
	return false
}
