package markdown

import (
	"bytes"
	"sort"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A document's paragraphs are not inline-parsed when it is parsed, only
// when they are shown: most of an article is off screen, and inline
// parsing is half of goldmark's work. The document's parse runs New's
// configuration with one more paragraph transformer, run after all others,
// that takes each paragraph's lines away, so its inlines are not parsed
// (the block structure, the link reference definitions and the tables,
// whose cells are not paragraphs, come out as New's parse gives them).
// A top-level block holding paragraphs (a paragraph, a list, a quote) is
// parsed again, alone, when converted: a top-level block's source parses
// alone to the same block, given the document's link reference
// definitions. Footnotes are numbered in document order: a region holding
// "[^" is parsed whole.

// blockParser is New's parser without paragraph and ATX heading inlines
// (dropLines runs last: transformers run in increasing priority; see
// lazyHeadings), and with goldmark's link reference definitions' reader
// only for paragraphs that may start with one (quickRefs); it is made
// once, and never changes after.
var blockParser = sync.OnceValue(func() parser.Parser { return newBlockParser(New()) })

// newBlockParser is blockParser for the configuration md's options (New
// or NewFor's).
func newBlockParser(md goldmark.Markdown) parser.Parser {
	bps := parser.DefaultBlockParsers()
	for i, v := range bps {
		if bp, ok := v.Value.(parser.BlockParser); ok && v.Priority == atxPriority {
			bps[i] = util.Prioritized(lazyHeadings{bp}, v.Priority)
		}
	}
	m := newWith(bps, []util.PrioritizedValue{util.Prioritized(quickRefs{}, 100)})
	if hasEmoji(md) {
		emojiShortcodes{}.Extend(m)
	}
	p := m.Parser()
	p.AddOptions(parser.WithParagraphTransformers(util.Prioritized(dropLines{}, 1<<20)))
	return p
}

// atxPriority is the priority of goldmark's ATX heading parser among its
// default block parsers.
const atxPriority = 600

// lazyHeadings is goldmark's ATX heading parser, taking the text of a
// heading that starts past the parse's eager limit (eagerKey) away once
// it is read, as dropLines does a paragraph's: one empty line is left,
// which holds no inlines. Such a heading is converted from a parse of
// its own source when shown, like a paragraph.
type lazyHeadings struct{ parser.BlockParser }

// Close implements parser.BlockParser.
func (h lazyHeadings) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	h.BlockParser.Close(node, reader, pc)
	lines := node.Lines()
	if lines.Len() == 0 {
		return
	}
	start := lines.At(0).Start
	if limit, ok := pc.Get(eagerKey).(int); !ok || start < limit {
		return
	}
	stubLines(lines, start)
}

// quickRefs is goldmark's LinkReferenceParagraphTransformer, skipped for
// a paragraph whose first character other than white space is not "[":
// the definitions it reads must start there, and reading makes a block
// reader a paragraph (most paragraphs hold none).
type quickRefs struct{}

// Transform implements parser.ParagraphTransformer.
func (quickRefs) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines, src := node.Lines(), reader.Source()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		for _, c := range src[seg.Start:seg.Stop] {
			switch c {
			case ' ', '\t', '\n', '\r': // goldmark's spaces
				continue
			case '[':
				parser.LinkReferenceParagraphTransformer.Transform(node, reader, pc)
			}
			return
		}
	}
}

// dropLines takes a paragraph's lines away once the other transformers
// (link reference definitions, tables) have read them: one empty line at
// its start is left (goldmark removes a paragraph without lines), which
// holds no inlines. A paragraph that starts before the parse's eager
// limit (eagerKey) keeps its lines.
type dropLines struct{}

// eagerKey is the parser context's int: the offset before which
// paragraphs keep their inlines (the start of an article, what its first
// screen shows). A parse whose context lacks it keeps every paragraph's.
var eagerKey = parser.NewContextKey()

// Transform implements parser.ParagraphTransformer.
func (dropLines) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	if lines.Len() == 0 {
		return
	}
	start := lines.At(0).Start
	if limit, ok := pc.Get(eagerKey).(int); !ok || start < limit {
		return // not asked (a parse inside the parse: New's container content), or eager
	}
	if line, _ := reader.PeekLine(); setextBar(line) {
		return // a setext heading takes the paragraph's lines as its text
	}
	lastLine := lines.At(lines.Len() - 1)
	if last := bytes.TrimSpace(lastLine.Value(reader.Source())); bytes.HasPrefix(last, []byte("</")) {
		// "text\n</Note>": a closing tag as the last line may close a
		// container around the paragraph (New's container tags read it)
		return
	}
	stubLines(lines, start)
}

// stubLines makes lines one empty line at start, in place.
func stubLines(lines *text.Segments, start int) {
	lines.Set(0, text.NewSegment(start, start))
	lines.SetSliced(0, 1)
}

// eagerBytes is how much of a region has its inlines parsed at once: an
// article's start, what opening it shows first (inlines are a good part
// of goldmark's work; a block shown later is parsed again, see reparsed).
const eagerBytes = 2 << 10

// deferInlines reports whether a region may be parsed with the inlines of
// its paragraphs after eager deferred: when it is longer than that, and
// has no footnote reference (their numbers follow document order).
func deferInlines(region []byte, eager int) bool {
	return len(region) > eager && !bytes.Contains(region, []byte("[^"))
}

// ownLines reports whether each deferred top-level paragraph's lines
// start in its block's source, which is what is parsed again. Link
// reference definitions whose titles run over lines can leave a
// paragraph's lines around and between them, before the block's start
// (the line of its position): such a region is parsed eagerly.
func ownLines(out []*TopBlock, base int) bool {
	for _, tb := range out {
		l := tb.Block.lazy
		if !l.reparse {
			continue
		}
		if p, ok := l.node.(*ast.Paragraph); ok && p.Lines().Len() > 0 && p.Lines().At(0).Start < tb.Start-base {
			return false
		}
	}
	return true
}

// setextBar reports whether a line may underline a setext heading.
func setextBar(line []byte) bool {
	line = bytes.TrimSpace(line)
	if len(line) == 0 || line[0] != '=' && line[0] != '-' {
		return false
	}
	for _, c := range line {
		if c != line[0] {
			return false
		}
	}
	return true
}

// holdsParagraphs reports whether a top-level node is converted from a
// parse of its own source: any node that may hold paragraphs (whose
// lines were dropped) or that was made from one (a definition term),
// and a heading whose text was taken away (lazyHeadings; a setext
// heading keeps its text: see dropLines).
func holdsParagraphs(n ast.Node) bool {
	switch n.(type) {
	case *ast.Heading:
		lines := n.Lines()
		return lines.Len() == 1 && lines.At(0).Start == lines.At(0).Stop
	case *ast.ThematicBreak, *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *east.Table:
		return false
	}
	return true
}

// reparseBytes is how much source one parse of deferred blocks takes:
// the block asked for and those after it that end within it (the ones
// shown next), so a screen of small blocks costs a few parses, not one
// each; small, because a screen that ends just past the eager start
// parses again what the run holds (4 KB made the seed's model 40% dearer
// than the eager parse in BenchmarkModelFirstScreen, 1 KB as cheap).
const reparseBytes = 1 << 10

// deferred is a top-level block's node from a parse of source that starts
// at a block start, the converter for it, and the block's kind.
type deferred struct {
	node ast.Node
	conv *converter
	kind Kind
}

// reparsed is a deferred top-level block's node from a parse of source
// starting at its start, from, and ending at a later block's start (the
// blocks after it that end within reparseBytes of from): a parse of whole
// top-level blocks gives the blocks the document's parse gives (with the
// document's definitions). The nodes of the other deferred blocks it
// holds are kept for their turn. When that parse does not give one node
// per block, of the same kinds, the block's own source is parsed, and at
// worst the whole of src, taking the node starting at from.
func (c *converter) reparsed(from, to int, kind Kind) (ast.Node, *converter) {
	if n, mc := c.takeParsed(from, kind); n != nil {
		return n, mc
	}
	refs := c.ctx.References()
	k := sort.SearchInts(c.starts, from)
	if k < len(c.starts) && c.starts[k] == from {
		// the blocks k..end-1: the next is taken while it ends within
		// reparseBytes (a big code block after a paragraph is not)
		blockEnd := func(i int) int {
			if i+1 < len(c.starts) {
				return c.starts[i+1]
			}
			return len(c.src)
		}
		end := k + 1
		for end < len(c.starts) && blockEnd(end)-from <= reparseBytes {
			end++
		}
		stop := blockEnd(end - 1)
		if c.parseRun(from, stop, c.starts[k:end], c.kinds[k:end], refs) {
			if n, mc := c.takeParsed(from, kind); n != nil {
				return n, mc
			}
		}
	}
	mini := c.src[from:to]
	root := c.md.Parser().Parse(text.NewReader(mini), parser.WithContext(newContext(refs)))
	mc := newConverter(mini)
	mc.md, mc.ctx, mc.inc = c.md, c.ctx, c.inc
	if n := root.FirstChild(); n != nil && n.NextSibling() == nil && mc.kindOf(n) == kind {
		return n, mc
	}
	root = c.md.Parser().Parse(text.NewReader(c.src), parser.WithContext(newContext(refs)))
	fc := newConverter(c.src)
	fc.md, fc.ctx, fc.inc = c.md, c.ctx, c.inc
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if blockStart(n, c.src) == from && fc.kindOf(n) == kind {
			return n, fc
		}
	}
	return nil, nil
}

// takeParsed takes the node kept for the block of kind starting at from
// (two blocks may start at one offset: a paragraph whose last line
// begins a table or underlines a heading), or returns nil.
func (c *converter) takeParsed(from int, kind Kind) (ast.Node, *converter) {
	ds := c.parsed[from]
	for i, d := range ds {
		if d.kind == kind {
			if len(ds) == 1 {
				delete(c.parsed, from)
			} else {
				c.parsed[from] = append(ds[:i:i], ds[i+1:]...)
			}
			return d.node, d.conv
		}
	}
	return nil, nil
}

// parseRun parses src[from:stop], whole top-level blocks starting at
// starts (of kinds), and keeps their nodes (takeParsed); false when the
// nodes are not one per block of the same kind.
func (c *converter) parseRun(from, stop int, starts []int, kinds []Kind, refs []parser.Reference) bool {
	mini := c.src[from:stop]
	root := c.md.Parser().Parse(text.NewReader(mini), parser.WithContext(newContext(refs)))
	mc := newConverter(mini)
	mc.md, mc.ctx, mc.inc = c.md, c.ctx, c.inc
	var nodes []ast.Node
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		i := len(nodes)
		if i >= len(starts) || blockStart(n, mini)+from != starts[i] || mc.kindOf(n) != kinds[i] {
			return false
		}
		nodes = append(nodes, n)
	}
	if len(nodes) != len(starts) {
		return false
	}
	if c.parsed == nil {
		c.parsed = map[int][]deferred{}
	}
	for i, n := range nodes {
		c.parsed[starts[i]] = append(c.parsed[starts[i]], deferred{n, mc, kinds[i]})
	}
	return true
}
