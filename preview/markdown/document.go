package markdown

import (
	"bytes"
	"hash/maphash"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// TopBlock is one top-level block of the body: its source range, the hash
// of that source and its rendered model. A TopBlock is immutable once
// published; an update that finds the same source again reuses the same
// pointer, which is what keeps its widget alive.
type TopBlock struct {
	Start, End int    // byte range in the body, End = next block's Start
	Line       int    // 1-based body line of Start
	Hash       uint64 // hash of body[Start:End]
	Block      *Block
}

// blockPair is a top-level block and its model, made together.
type blockPair struct {
	top   TopBlock
	block Block
}

// Document is the parsed body, split into top-level blocks, updated
// incrementally. It is not safe for concurrent use.
type Document struct {
	md     goldmark.Markdown
	seed   maphash.Seed
	src    []byte
	blocks []*TopBlock
	refs   []parser.Reference

	// lastIncremental tells whether the last update reparsed only a region.
	lastIncremental bool
	// lastQuickEdit tells whether it was an edit inside a big code block
	// or table, applied without parsing the block (codeedit.go,
	// tableedit.go).
	lastQuickEdit bool
	// noFastTables makes big tables parse whole, eagerInlines parses
	// every paragraph's inlines at once, alwaysDefer defers them however
	// small the region (tests compare the ways)
	noFastTables, eagerInlines, alwaysDefer bool

	// inc is what Hugo's include shortcode resolves against, whole
	// that the next Set parses the whole body (shortcode_include.go)
	inc   *includeCtx
	whole bool
}

func NewDocument(md goldmark.Markdown) *Document {
	return &Document{md: md, seed: maphash.MakeSeed()}
}

// Set replaces the body (which the document now owns) and reparses what
// changed. The returned slice is the new block list.
func (d *Document) Set(src []byte) []*TopBlock {
	d.lastQuickEdit = false
	if d.blocks != nil && !d.takeWhole() && d.incremental(src) {
		d.lastIncremental = true
		return d.blocks
	}
	d.lastIncremental = false
	d.full(src)
	return d.blocks
}

// full parses the whole body, reusing old blocks whose source is unchanged.
func (d *Document) full(src []byte) {
	reuse := make(map[uint64][]*TopBlock, len(d.blocks))
	for _, b := range d.blocks {
		reuse[b.Hash] = append(reuse[b.Hash], b)
	}
	blocks, refs := d.parse(src, 0, 1, nil, nil)
	if sameRefs(refs, d.refs) { // a changed reference can change any block
		d.reuse(blocks, src, 0, reuse)
	}
	d.src = src
	d.blocks = blocks
	d.refs = refs
}

// parse parses region (a slice of the body starting at byte base and line
// baseLine) into top-level blocks, with the link reference definitions
// refs known from outside the region; it returns the blocks and all the
// definitions. Big top-level tables take the fast path (tablefast.go).
func (d *Document) parse(region []byte, base, baseLine int, refs []parser.Reference, reuse map[uint64][]*TopBlock) ([]*TopBlock, []parser.Reference) {
	return d.parseWith(region, base, baseLine, refs, reuse, !d.eagerInlines)
}

// parseWith is parse, deferring paragraph inlines (inlines.go) when
// mayDefer.
func (d *Document) parseWith(region []byte, base, baseLine int, refs []parser.Reference, reuse map[uint64][]*TopBlock, mayDefer bool) ([]*TopBlock, []parser.Reference) {
	safe := Sanitize(region) // same length and lines: offsets hold
	var spans []tableSpan
	if !d.noFastTables {
		spans = scanTables(safe)
	}
	var tables []*east.Table
	p := d.md.Parser()
	eager := eagerBytes
	if d.alwaysDefer {
		eager = 0
	}
	deferred := mayDefer && deferInlines(region, eager)
	if deferred {
		p = blockParserFor(d.md)
	}
	context := func() parser.Context {
		ctx := newContext(refs)
		ctx.Set(eagerKey, eager)
		return ctx
	}
	ctx := context()
	var root ast.Node
	if len(spans) > 0 {
		blanked := blankRows(safe, spans)
		root = p.Parse(text.NewReader(blanked), parser.WithContext(ctx))
		if tables = verifySpans(root, blanked, spans); tables != nil {
			safe = blanked
		} else {
			ctx = context()
			spans = nil
		}
	}
	if tables == nil {
		root = p.Parse(text.NewReader(safe), parser.WithContext(ctx))
	}
	conv := newConverter(safe)
	conv.md, conv.ctx = d.md, ctx
	conv.inc = d.inc
	count := 0
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		count++
	}
	out := make([]*TopBlock, 0, count)
	// The first parse of a document makes all its blocks at once (one
	// allocation, not two a block): no block of a parse before it is
	// kept, so the blocks that outlive the others (their source
	// unchanged over later edits) keep no more than that one parse's
	// worth alive.
	var slab []blockPair
	if len(d.blocks) == 0 {
		slab = make([]blockPair, count)
	}
	line, lineAt := baseLine, 0
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		start := blockStart(n, region)
		if len(out) > 0 && start < out[len(out)-1].Start-base {
			start = out[len(out)-1].Start - base
		}
		line += bytes.Count(region[lineAt:start], []byte{'\n'})
		lineAt = start
		var tb *TopBlock
		var b *Block
		if slab != nil {
			pair := &slab[len(out)]
			tb, b = &pair.top, &pair.block
		} else {
			tb, b = new(TopBlock), new(Block)
		}
		tb.Start, tb.Line = base+start, line
		out = append(out, tb)
		if len(out) > 1 {
			out[len(out)-2].End = base + start
		}
		conv.initLazy(b, n)
		if len(tables) > 0 && n == ast.Node(tables[0]) {
			s := spans[0]
			tables, spans = tables[1:], spans[1:]
			head := newTableHead(safe[s.head:s.rows], d.md, ctx.References())
			b.trows = &rowLines{head: head, lines: string(region[s.rows:s.end]), n: s.n}
			b.rowsLazy = true
			b.rowsFrom, b.rowsTo = s.rows-s.head, s.end-s.head
		}
		out[len(out)-1].Block = b
	}
	if len(out) > 0 {
		out[len(out)-1].End = base + len(region)
	}
	if deferred {
		conv.starts, conv.kinds = make([]int, len(out)), make([]Kind, len(out))
	}
	for i, tb := range out {
		src := region[tb.Start-base : tb.End-base]
		l := &tb.Block.lazy
		l.from, l.to = int32(tb.Start-base), int32(tb.End-base)
		// its paragraphs may have been parsed without inlines (those that
		// start after eager; a block may start where the one before it
		// starts: a paragraph's last line beginning a table)
		l.reparse = deferred && l.node != nil && (int(l.to) > eager || int(l.from) >= eager) && holdsParagraphs(l.node) && !keptLines(l.node, eager)
		if deferred {
			conv.starts[i], conv.kinds[i] = tb.Start-base, tb.Block.Kind
		}
		tb.Hash = maphash.Bytes(d.seed, src)
		if k := tb.Block.Kind; k != KindCode && k != KindHTML { // their height follows their lines
			tb.Block.units = sourceUnits(src)
		}
		if i+1 < len(out) {
			tb.Block.lines = out[i+1].Line - tb.Line
		} else {
			tb.Block.lines = bytes.Count(src, []byte{'\n'}) + 1
		}
	}
	if deferred && !ownLines(out, base) {
		return d.parseWith(region, base, baseLine, refs, reuse, false)
	}
	d.reuse(out, region, base, reuse)
	return out, ctx.References()
}

// keptLines reports whether a top-level paragraph kept its lines, so its
// inlines were parsed with the document (dropLines keeps those of a
// paragraph whose first line starts before eager): it is converted from
// its node, not parsed again (a big paste starting at an article's top
// would be inline-parsed twice).
func keptLines(n ast.Node, eager int) bool {
	p, ok := n.(*ast.Paragraph)
	if !ok {
		return false
	}
	lines := p.Lines()
	return lines.Len() > 0 && lines.At(0).Start < eager
}

// newContext is a parser context knowing the definitions refs.
func newContext(refs []parser.Reference) parser.Context {
	ctx := parser.NewContext()
	for _, r := range refs {
		ctx.AddReference(r)
	}
	return ctx
}

// reuse swaps in old blocks (and so their widgets) whose source is
// unchanged. Blocks that depend on footnote numbering are never reused.
func (d *Document) reuse(out []*TopBlock, region []byte, base int, reuse map[uint64][]*TopBlock) {
	for i, tb := range out {
		src := region[tb.Start-base : tb.End-base]
		// A block with no bytes of its own (see incremental) is drawn from
		// lines its hash does not cover: never reused.
		if olds := reuse[tb.Hash]; len(olds) > 0 && len(src) > 0 && tb.Block.Kind != KindFootnotes && !bytes.Contains(src, []byte("[^")) &&
			!holdsInclude(tb.Block.Kind, src) {
			old := olds[0]
			reuse[tb.Hash] = olds[1:]
			// An old block not converted yet has no widget to keep, and it
			// holds the tree (and body) of the parse that made it: take
			// the new one.
			if old.Block.Kind == tb.Block.Kind && old.Block.filled.Load() {
				if old.Start != tb.Start || old.Line != tb.Line || old.End != tb.End {
					moved := *old
					moved.Start, moved.End, moved.Line = tb.Start, tb.End, tb.Line
					// keep the model (and so the widget); only the position moved
					out[i] = &moved
					continue
				}
				out[i] = old
			}
		}
	}
}

func sameRefs(a, b []parser.Reference) bool {
	if len(a) != len(b) {
		return false
	}
	key := func(r parser.Reference) string {
		return string(r.Label()) + "\x00" + string(r.Destination()) + "\x00" + string(r.Title())
	}
	set := make(map[string]int, len(a))
	for _, r := range a {
		set[key(r)]++
	}
	for _, r := range b {
		if set[key(r)] == 0 {
			return false
		}
		set[key(r)]--
	}
	return true
}

// blockStart is the offset of the start of the line where top-level node n
// begins, or len(src) for nodes with no source (the footnote list).
func blockStart(n ast.Node, src []byte) int {
	if _, ok := n.(*east.FootnoteList); ok {
		return len(src)
	}
	pos := n.Pos()
	if pos < 0 {
		pos = firstLine(n)
	}
	if pos < 0 || pos > len(src) {
		return len(src)
	}
	return bytes.LastIndexByte(src[:pos], '\n') + 1
}

func firstLine(n ast.Node) int {
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if p := firstLine(ch); p >= 0 {
			return p
		}
	}
	return -1
}

// incremental reparses only the top-level blocks around the changed bytes.
// It reports false when the change needs a full parse.
func (d *Document) incremental(src []byte) bool {
	old := d.src
	p := commonPrefix(old, src)
	if p == len(old) && p == len(src) {
		d.src = src
		return true
	}
	s := commonSuffix(old[p:], src[p:])
	oldEnd, newEnd := len(old)-s, len(src)-s
	delta := len(src) - len(old)
	if d.codeEdit(src, p, oldEnd, newEnd) || d.tableEdit(src, p, oldEnd, newEnd) {
		d.lastQuickEdit = true
		return true
	}

	// The blocks that hold the change, plus one neighbour on each side,
	// widened until each edge sits after a blank line.
	n := len(d.blocks)
	for n > 0 && d.blocks[n-1].Block.Kind == KindFootnotes {
		n--
	}
	if n == 0 {
		return false
	}
	i := 0
	for i < n-1 && d.blocks[i].End <= p {
		i++
	}
	j := i
	for j < n-1 && d.blocks[j].End < oldEnd {
		j++
	}
	i, j = max(i-1, 0), min(j+1, n-1)
	// A block may start where the one before it starts (a paragraph whose
	// last line begins a table leaves the paragraph no bytes of its own):
	// such blocks are parsed together.
	for i > 0 && (!afterBlankLine(old, d.blocks[i].Start) || d.blocks[i-1].Start == d.blocks[i].Start) {
		i--
	}
	for j < n-1 && (!afterBlankLine(old, d.blocks[j+1].Start) || d.blocks[j].Start == d.blocks[j].End) {
		j++
	}
	rStart, rOldEnd := d.blocks[i].Start, d.blocks[j].End
	rNewEnd := rOldEnd + delta
	if rStart > p || rOldEnd < oldEnd || rNewEnd < newEnd {
		return false
	}
	oldRegion, newRegion := old[rStart:rOldEnd], src[rStart:rNewEnd]
	for _, risky := range [][]byte{[]byte("[^"), []byte("]:")} {
		if bytes.Contains(oldRegion, risky) || bytes.Contains(newRegion, risky) {
			return false
		}
	}

	reuse := make(map[uint64][]*TopBlock, j-i+1)
	for _, b := range d.blocks[i : j+1] {
		reuse[b.Hash] = append(reuse[b.Hash], b)
	}
	fresh, _ := d.parse(newRegion, rStart, d.blocks[i].Line, d.refs, reuse)
	if len(fresh) == 0 {
		return false
	}
	for _, b := range fresh {
		if b.Block.Kind == KindFootnotes {
			return false
		}
	}
	// Resync: unless the region runs to the end, its last block must come
	// out exactly as before, or the change reached past the region (an
	// opened fence or HTML block swallowing what follows).
	if j < n-1 {
		last, oldLast := fresh[len(fresh)-1], d.blocks[j]
		if last.Hash != oldLast.Hash || last.Start != oldLast.Start+delta {
			return false
		}
	}

	lineDelta := bytes.Count(src[p:newEnd], []byte{'\n'}) - bytes.Count(old[p:oldEnd], []byte{'\n'})
	d.replaceBlocks(src, i, j, fresh, delta, lineDelta)
	return true
}

// replaceBlocks makes blocks i..j (inclusive) the fresh ones of the new
// src, moving the blocks after them by delta bytes and lineDelta lines (the
// footnotes, always last, stay at the end of src).
func (d *Document) replaceBlocks(src []byte, i, j int, fresh []*TopBlock, delta, lineDelta int) {
	out := make([]*TopBlock, 0, len(d.blocks)-(j-i+1)+len(fresh))
	out = append(out, d.blocks[:i]...)
	out = append(out, fresh...)
	for _, o := range d.blocks[j+1:] {
		if delta != 0 || lineDelta != 0 {
			moved := *o
			moved.Start += delta
			moved.End += delta
			moved.Line += lineDelta
			if o.Block.Kind == KindFootnotes {
				moved.Start, moved.End = len(src), len(src)
			}
			o = &moved
		}
		out = append(out, o)
	}
	d.src = src
	d.blocks = out
}

// afterBlankLine reports whether offset off starts a line that follows a
// blank line (or the start of the body).
func afterBlankLine(src []byte, off int) bool {
	if off == 0 {
		return true
	}
	if off > len(src) || src[off-1] != '\n' {
		return false
	}
	prev := bytes.LastIndexByte(src[:off-1], '\n') + 1
	return len(bytes.TrimSpace(src[prev:off-1])) == 0
}

// commonPrefix is the length of the common start of a and b: whole
// blocks are compared first (bytes.Equal is vectorised), then bytes.
func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for step := 4096; step >= 8; step /= 8 {
		for i+step <= n && bytes.Equal(a[i:i+step], b[i:i+step]) {
			i += step
		}
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// commonSuffix is the length of the common end of a and b.
func commonSuffix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for step := 4096; step >= 8; step /= 8 {
		for i+step <= n && bytes.Equal(a[len(a)-i-step:len(a)-i], b[len(b)-i-step:len(b)-i]) {
			i += step
		}
	}
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}

// LastIncremental tells whether the last Set reparsed only a region.
func (d *Document) LastIncremental() bool { return d.lastIncremental }

// Blocks is the current block list (nil before the first Set).
func (d *Document) Blocks() []*TopBlock { return d.blocks }

// BlockStart is the offset in src of the start of the line where
// top-level node n begins.
func BlockStart(n ast.Node, src []byte) int { return blockStart(n, src) }

// Source is the body last given to Set.
func (d *Document) Source() []byte { return d.src }

// LastQuickEdit tells whether the last Set was an edit inside a big code
// block or table applied without parsing the block.
func (d *Document) LastQuickEdit() bool { return d.lastQuickEdit }
