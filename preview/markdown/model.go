package markdown

import (
	"bytes"
	"fmt"

	"folio/editor/textwidth"

	"github.com/yuin/goldmark/ast"
	"strings"
	"sync/atomic"
)

// Kind is the kind of a rendered block.
type Kind uint8

// The block kinds of the rendered tree.
const (
	KindNone      Kind = iota // renders nothing (a link reference definition)
	KindParagraph             // Inlines
	KindHeading               // Level, Inlines
	KindQuote                 // Children
	KindList                  // Ordered, Start, Tight, Items
	KindTable                 // Align, Header, Rows
	KindCode                  // Lang, Text
	KindRule                  // a thematic break
	KindHTML                  // Text, shown literally
	KindFootnotes             // Items, one per footnote (Index = its number)
	KindDetails               // <details>: Inlines the summary, Children the body, Open
	KindTabs                  // docs-cn's <SimpleTab>: Items, one per tab (Label its label)
	KindDefList               // a definition list: Items, a term (Label) or a definition (Blocks)
)

var kindNames = [...]string{"none", "paragraph", "heading", "quote", "list", "table", "code", "rule", "html", "footnotes", "details", "tabs", "deflist"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", k)
}

// RowSpan is a table cell that spans rows (see Block.RowSpans).
type RowSpan struct{ Row, Col, Rows int }

// Align is a table column's alignment.
type Align uint8

// Table column alignments.
const (
	AlignNone Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Block is one block of the rendered tree. Which fields are set depends on
// Kind. The tree is plain data: it is built off the UI goroutine and never
// changed once built.
type Block struct {
	Kind     Kind
	Ordered  bool     // list
	Tight    bool     // list without blank lines between items
	Open     bool     // details shown open (<details open>)
	Level    int      // heading level 1–6
	Inlines  []Inline // paragraph and heading content
	Children []*Block // quote content
	Items    []*Item  // list items; footnotes
	Start    int      // first number of an ordered list
	Alert    string   // quote: a GitHub alert's type ("note", "tip", …), or ""
	Label    string   // an alert's own title (docs-cn's "注意"); a code block's label chip (a Hugo shortcode); a heading's {#id}
	Lang     string   // code block info string's first word
	Text     string   // code block or raw HTML text
	Align    []Align  // table
	Header   [][]Inline
	Rows     [][][]Inline
	// RowSpans are an HTML table's cells that span rows (rowspan): the
	// cell at Row (counted with the header row, when there is one) and Col
	// covers Rows rows; the cells under it are empty and not drawn.
	RowSpans []RowSpan
	// Opts are a code block's line numbers and marked lines (Hugo's
	// highlight shortcode: shortcode_highlight.go), or nil.
	Opts *CodeOpts

	// units is the width of the block's text in em (CJK 1, others about
	// 0.55), summed at build time so heights can be estimated cheaply
	// (not for a top-level code or HTML block: its height follows its
	// lines).
	units float32
	// split and cont belong with parts below (kept here, beside units,
	// to pack the struct)
	split bool // parts were considered
	cont  uint8
	// rowsLazy belongs with trows below
	rowsLazy bool
	lines    int // source lines of a top-level block, for estimates

	// A big top-level block is shown as parts (parts.go): parts is set on
	// the parsing goroutine before the block is published; a part has cont
	// (which sides it continues on), its first source line's offset from
	// the block's, and a table part its table's column plan.
	parts   []*Block
	lineOff int
	plan    *TablePlan

	// codeFrom and codeTo are a fenced code block's content as a byte
	// range of its top-level block's source, set when the content is
	// the source verbatim (so an edit inside it needs no parse, see
	// codeedit.go); codeTo is 0 otherwise.
	codeFrom, codeTo int
	// rowsFrom and rowsTo are a table's body rows as a byte range of its
	// source, one line each, set when its first two lines are the header
	// and the delimiter row (tableedit.go); rowsTo is 0 otherwise.
	rowsFrom, rowsTo int
	asks             *asks // a split table's rows' asks (parts.go)
	// trows are a table's body rows as source lines: a big top-level
	// table's, or a part's (tablefast.go). A part's are converted when it
	// is shown (filled tells), and kept for the parse-free edit. rowsLazy
	// tells that a top-level table's Rows are not made yet: they are
	// trows, or its parts' rows.
	trows *rowLines

	// hl is a code part's highlighting, set on the parsing goroutine
	// (codehl.go); recheck asks for it to be made again (the text after
	// the part changed, which its last token may reach into).
	hl      atomic.Pointer[partHL]
	recheck atomic.Bool
	// filled is set once the content is converted; the parsing goroutine
	// reads it (lazy belongs to the UI goroutine once published).
	filled atomic.Bool

	// lazy holds the goldmark node of a top-level block whose content is
	// not converted yet (node is nil once it is): only blocks that are
	// shown (or dumped) are. It is held by value: one allocation a block.
	lazy lazySource
}

type lazySource struct {
	node ast.Node
	conv *converter
	// from and to are the block's source in conv.src
	from, to int32
	// reparse: the node's paragraphs were not inline-parsed (inlines.go);
	// the block is converted from a parse of conv.src[from:to]
	reparse bool
}

// Fill converts a lazy top-level block's content, once, and returns the
// block. Call it on one goroutine at a time (the preview: its UI
// goroutine, once the block is published). It only writes
// content fields: Kind, Level, units and lines were set at parse time and
// may be read by the parsing goroutine meanwhile. A table part whose rows
// are source lines is converted too; a big top-level table whose rows
// are its parts' gets them all.
func (b *Block) Fill() *Block {
	if b.lazy.node != nil {
		b.fillNode()
	}
	switch {
	case b.rowsLazy:
		b.rowsLazy = false
		if len(b.parts) == 0 {
			b.Rows = b.trows.convert()
			b.trows.expand(b.Rows)
			compact(b)
			break
		}
		for _, p := range b.parts {
			b.Rows = append(b.Rows, p.Fill().Rows...)
		}
	case b.trows != nil && b.lazy.node == nil && !b.filled.Load():
		b.Rows = b.trows.convert()
		b.trows.expand(b.Rows)
		compact(b)
		b.filled.Store(true)
	}
	return b
}

// fillNode converts the goldmark node of a lazy top-level block.
func (b *Block) fillNode() {
	l := b.lazy
	vars := siteOf(l.conv.md).vars()
	if len(vars) > 0 && l.to > l.from && int(l.to) <= len(l.conv.src) && !bytes.Contains(l.conv.src[l.from:l.to], varOpen) && !l.conv.refsHoldVars() {
		vars = nil // no reference in its source or its link definitions: nothing to replace
	}
	if l.reparse {
		if n, c := l.conv.reparsed(int(l.from), int(l.to), b.Kind); n != nil {
			l.node, l.conv = n, c
		}
	} else if l.to > l.from && int(l.to) <= len(l.conv.src) {
		l.conv.window(int(l.from), int(l.to))
	}
	l.conv.top = blockStart(l.node, l.conv.src)
	var full *Block
	switch l.node.(type) {
	case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
		// its inlines alone: block would also sum their units, and a
		// top-level block's come from its source (set at parse time)
		full = &Block{Inlines: l.conv.inlines(l.node)}
		if _, ok := l.node.(*ast.Heading); ok {
			full.Inlines, full.Label = headingID(full.Inlines)
		}
	default:
		full = l.conv.block(l.node)
	}
	// the site's variables shown as their values (sitevars.go)
	expanded := expandBlock(full, vars)
	switch full.Kind {
	case KindCode:
		b.codeFrom, b.codeTo = verbatimCode(l.node, l.conv.src, l.conv.top)
		if b.codeTo != 0 && (expanded || b.codeTo-b.codeFrom != len(full.Text)+1) {
			b.codeFrom, b.codeTo = 0, 0 // the text is not the source (Hugo's {{</* */>}} unescaped)
		}
	case KindTable:
		if _, raw := l.node.(*ast.HTMLBlock); b.trows == nil && !raw { // an HTML table (htmltable.go) has no row lines
			b.rowsFrom, b.rowsTo = tableRows(l.conv.src, l.conv.top, len(full.Rows))
			if b.rowsTo != 0 && b.lines >= partMinLines && l.conv.md != nil {
				// to be cut into parts: keep the rows' lines
				top := l.conv.top
				head := newTableHead(l.conv.src[top:top+b.rowsFrom], l.conv.md, l.conv.ctx.References())
				b.trows = &rowLines{head: head, lines: string(l.conv.src[top+b.rowsFrom : top+b.rowsTo]), n: len(full.Rows)}
			}
		}
	}
	b.Inlines, b.Children, b.Items = full.Inlines, full.Children, full.Items
	b.Ordered, b.Start, b.Tight = full.Ordered, full.Start, full.Tight
	b.Lang, b.Text, b.Alert = full.Lang, full.Text, full.Alert
	b.Label, b.Open = full.Label, full.Open
	b.Align, b.Header, b.Rows, b.RowSpans = full.Align, full.Header, full.Rows, full.RowSpans

	b.Opts = full.Opts // shortcode_highlight.go

	b.lazy = lazySource{}
	if b.Kind != KindCode && b.Kind != KindHTML { // their text is a copy already
		compact(b)
	}
	b.filled.Store(true)
}

// compact copies every string of a converted block into one string of its
// own. The converter's strings are slices of the whole parsed region; a
// block kept across parses (its source unchanged) would otherwise pin the
// body of the parse that made it, one body per edit.
func compact(b *Block) {
	var ptrs []*string
	collectStrings(b, &ptrs)
	n := 0
	for _, p := range ptrs {
		n += len(*p)
	}
	var sb strings.Builder
	sb.Grow(n)
	for _, p := range ptrs {
		sb.WriteString(*p)
	}
	all, off := sb.String(), 0
	for _, p := range ptrs {
		l := len(*p)
		*p = all[off : off+l]
		off += l
	}
}

func collectStrings(b *Block, ptrs *[]*string) {
	add := func(s *string) {
		if *s != "" {
			*ptrs = append(*ptrs, s)
		}
	}
	inl := func(in []Inline) {
		for i := range in {
			add(&in[i].Text)
			add(&in[i].Link)
			add(&in[i].Dest)
			add(&in[i].Title)
		}
	}
	add(&b.Lang)
	add(&b.Text)
	add(&b.Alert)
	add(&b.Label)
	inl(b.Inlines)
	for _, c := range b.Children {
		collectStrings(c, ptrs)
	}
	for _, it := range b.Items {
		inl(it.Label)
		for _, c := range it.Blocks {
			collectStrings(c, ptrs)
		}
	}
	for _, cell := range b.Header {
		inl(cell)
	}
	for _, row := range b.Rows {
		for _, cell := range row {
			inl(cell)
		}
	}
}

// textUnits is the estimated width in em of inline runs.
func textUnits(in []Inline) float32 {
	u := float32(0)
	for _, r := range in {
		for _, c := range r.Text {
			if textwidth.IsWide(c) {
				u++
			} else {
				u += 0.55
			}
		}
	}
	return u
}

// Task states of a list item.
const (
	TaskNone = iota
	TaskOpen
	TaskDone
)

// Item is a list item or a footnote.
type Item struct {
	Task int // TaskNone, TaskOpen or TaskDone
	// TaskAt is the byte offset of a task's "[ ]" or "[x]" from the start
	// of its top-level block's source (-1 when not known).
	TaskAt int
	Index  int // footnote number
	// Label is a tab's label, or a definition list's term (an item with
	// a Label and no Blocks); nil otherwise.
	Label  []Inline
	Blocks []*Block
	// Line is a definition list term's first line, counted from its
	// top-level block's first line (0), so a jump to the term's line can
	// land on the term; 0 otherwise.
	Line int
}

// InlineKind is the kind of an inline run.
type InlineKind uint8

// The inline kinds.
const (
	InlineText  InlineKind = iota // Text with Style, maybe a Link
	InlineBreak                   // a hard line break
	InlineImage                   // Dest is the image, Text its alt text, Link a surrounding link
)

// Style is a set of inline formatting flags.
type Style uint16

// Inline formatting flags.
const (
	Bold Style = 1 << iota
	Italic
	Strike
	Code
	Sup       // a footnote reference, or <sup>
	Underline // <u>, <ins>
	Mark      // <mark>
	Sub       // <sub>
	Chip      // a Hugo shortcode, shown as a labelled chip
)

// Inline is one run of text with one style, a hard break or an image.
type Inline struct {
	Kind  InlineKind
	Style Style
	Width uint16 // an image's width in pixels from <img width>; 0: its own
	Text  string
	Link  string // link destination, "" outside links
	Dest  string // image source
	Title string
}

// mergeMax is the longest text appendText merges into the run before:
// merging copies that run, so a paragraph of many lines merged line by
// line would copy its text once per line (a 3 MB paragraph of 33,600
// lines: minutes). Longer runs are merged once, by mergeRuns.
const mergeMax = 256

// appendText appends a text run, merging it into the previous run when the
// two look the same and are short; mergeRuns then joins the rest, so a
// paragraph is as few runs as its formatting needs, in linear time.
func appendText(runs []Inline, in Inline) []Inline {
	if in.Kind != InlineText {
		return append(runs, in)
	}
	if in.Text == "" {
		return runs
	}
	if n := len(runs); n > 0 {
		last := &runs[n-1]
		if mergeable(*last, in) && len(last.Text)+len(in.Text) <= mergeMax {
			last.Text += in.Text
			return runs
		}
	}
	return append(runs, in)
}

// mergeable tells whether two runs are text of the same look.
func mergeable(a, b Inline) bool {
	return a.Kind == InlineText && b.Kind == InlineText && a.Style == b.Style && a.Link == b.Link
}

// mergeRuns joins neighbouring text runs of the same look, each group
// with one copy (in place).
func mergeRuns(runs []Inline) []Inline {
	out := runs[:0]
	for i := 0; i < len(runs); {
		j := i + 1
		for j < len(runs) && mergeable(runs[i], runs[j]) {
			j++
		}
		r := runs[i]
		if j > i+1 {
			n := 0
			for _, x := range runs[i:j] {
				n += len(x.Text)
			}
			var b strings.Builder
			b.Grow(n)
			for _, x := range runs[i:j] {
				b.WriteString(x.Text)
			}
			r.Text = b.String()
		}
		out = append(out, r)
		i = j
	}
	clear(runs[len(out):])
	return out
}

// String lists the style flags, for dumps.
func (s Style) String() string {
	var parts []string
	for i, name := range []string{"bold", "italic", "strike", "code", "sup", "underline", "mark", "sub", "chip"} {
		if s&(1<<i) != 0 {
			parts = append(parts, name)
		}
	}
	return strings.Join(parts, ",")
}

// dumpBlocks writes a readable, indented dump of the tree: what golden tests
// compare.
func dumpBlocks(b *strings.Builder, blocks []*Block, indent string) {
	for _, bl := range blocks {
		dumpBlock(b, bl, indent)
	}
}

func dumpBlock(b *strings.Builder, bl *Block, indent string) {
	bl.Fill()
	switch bl.Kind {
	case KindNone:
		return
	case KindParagraph:
		fmt.Fprintf(b, "%sparagraph\n", indent)
		dumpInlines(b, bl.Inlines, indent+"  ")
	case KindHeading:
		if bl.Label != "" {
			fmt.Fprintf(b, "%sheading %d id=%q\n", indent, bl.Level, bl.Label)
		} else {
			fmt.Fprintf(b, "%sheading %d\n", indent, bl.Level)
		}
		dumpInlines(b, bl.Inlines, indent+"  ")
	case KindQuote:
		if bl.Alert != "" && bl.Label != "" {
			fmt.Fprintf(b, "%squote alert=%s title=%q\n", indent, bl.Alert, bl.Label)
		} else if bl.Alert != "" {
			fmt.Fprintf(b, "%squote alert=%s\n", indent, bl.Alert)
		} else {
			fmt.Fprintf(b, "%squote\n", indent)
		}
		dumpBlocks(b, bl.Children, indent+"  ")
	case KindList:
		if bl.Ordered {
			fmt.Fprintf(b, "%slist ordered start=%d tight=%v\n", indent, bl.Start, bl.Tight)
		} else {
			fmt.Fprintf(b, "%slist bullet tight=%v\n", indent, bl.Tight)
		}
		for _, it := range bl.Items {
			switch it.Task {
			case TaskOpen:
				fmt.Fprintf(b, "%s  item [ ]\n", indent)
			case TaskDone:
				fmt.Fprintf(b, "%s  item [x]\n", indent)
			default:
				fmt.Fprintf(b, "%s  item\n", indent)
			}
			dumpBlocks(b, it.Blocks, indent+"    ")
		}
	case KindTable:
		aligns := make([]string, len(bl.Align))
		for i, a := range bl.Align {
			aligns[i] = [...]string{"none", "left", "center", "right"}[a]
		}
		fmt.Fprintf(b, "%stable align=%s\n", indent, strings.Join(aligns, ","))
		fmt.Fprintf(b, "%s  header\n", indent)
		for _, cell := range bl.Header {
			fmt.Fprintf(b, "%s    cell\n", indent)
			dumpInlines(b, cell, indent+"      ")
		}
		for _, row := range bl.Rows {
			fmt.Fprintf(b, "%s  row\n", indent)
			for _, cell := range row {
				fmt.Fprintf(b, "%s    cell\n", indent)
				dumpInlines(b, cell, indent+"      ")
			}
		}
	case KindCode:
		if bl.Label != "" {
			fmt.Fprintf(b, "%scode lang=%q label=%q %q\n", indent, bl.Lang, bl.Label, bl.Text)
		} else {
			fmt.Fprintf(b, "%scode lang=%q %q\n", indent, bl.Lang, bl.Text)
		}
	case KindRule:
		fmt.Fprintf(b, "%srule\n", indent)
	case KindHTML:
		fmt.Fprintf(b, "%shtml %q\n", indent, bl.Text)
	case KindDetails, KindTabs, KindDefList:
		dumpContainer(b, bl, indent)
	case KindFootnotes:
		fmt.Fprintf(b, "%sfootnotes\n", indent)
		for _, it := range bl.Items {
			fmt.Fprintf(b, "%s  note %d\n", indent, it.Index)
			dumpBlocks(b, it.Blocks, indent+"    ")
		}
	}
}

func dumpInlines(b *strings.Builder, runs []Inline, indent string) {
	for _, in := range runs {
		switch in.Kind {
		case InlineBreak:
			fmt.Fprintf(b, "%sbreak\n", indent)
		case InlineImage:
			fmt.Fprintf(b, "%simage %q alt=%q", indent, in.Dest, in.Text)
			if in.Link != "" {
				fmt.Fprintf(b, " link=%q", in.Link)
			}
			b.WriteByte('\n')
		default:
			fmt.Fprintf(b, "%stext", indent)
			if in.Style != 0 {
				fmt.Fprintf(b, "[%s]", in.Style)
			}
			if in.Link != "" {
				fmt.Fprintf(b, " link=%q", in.Link)
			}
			fmt.Fprintf(b, " %q\n", in.Text)
		}
	}
}

// Converted reports whether the block's content is converted (Fill has
// run, or the block was never lazy).
func (b *Block) Converted() bool { return b.lazy.node == nil }

// RowCount is the number of body rows of a table or table part, converted
// or not.
func (b *Block) RowCount() int {
	if b.trows != nil {
		return b.trows.n
	}
	return len(b.Rows)
}

// Units is the estimated width of the block's text in em (CJK 1, others
// about 0.55), for height estimates.
func (b *Block) Units() float32 { return b.units }

// Lines is the number of source lines of a top-level block or part.
func (b *Block) Lines() int { return b.lines }

// Parts are the parts a big block is shown as (see SplitParts), or nil.
func (b *Block) Parts() []*Block { return b.parts }

// Cont tells which sides a part continues on: ContAbove, ContBelow.
func (b *Block) Cont() uint8 { return b.cont }

// LineOff is a part's first source line, counted from its block's.
func (b *Block) LineOff() int { return b.lineOff }

// Plan is a table part's shared column plan, or nil.
func (b *Block) Plan() *TablePlan { return b.plan }

// TextUnits is the estimated width in em of inline runs.
func TextUnits(in []Inline) float32 { return textUnits(in) }

// Dump writes a readable, indented dump of blocks: what golden tests
// compare.
func Dump(b *strings.Builder, blocks []*Block, indent string) { dumpBlocks(b, blocks, indent) }

// DumpDocument is the golden-test view of a parsed body: each top-level
// block with its first body line, then its rendered tree.
func DumpDocument(blocks []*TopBlock) string {
	var b strings.Builder
	for _, tb := range blocks {
		if tb.Block.Kind == KindNone {
			continue
		}
		fmt.Fprintf(&b, "@%d ", tb.Line)
		var inner strings.Builder
		dumpBlock(&inner, tb.Block, "")
		b.WriteString(inner.String())
	}
	return b.String()
}
