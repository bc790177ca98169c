package markdown

import (
	"bytes"
	"encoding/binary"
	"html"
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
)

// converter turns goldmark nodes into the block model.
type converter struct {
	src []byte
	// str is src[strOff:strOff+len(str)] as one string, made when a
	// block's text is first converted (a big code block needs none):
	// text runs are substrings of it, not copies. A top-level block
	// converted from a document's parse gets its own source's (see
	// window); other conversions take the whole of src.
	str    string
	strOff int

	// inline HTML tags open in the paragraph being converted
	open []openTag
	// depth is the nesting of quotes and lists being converted
	depth int
	// inc is what Hugo's include shortcode resolves against (nil: none)
	inc *includeCtx
	// top is the offset in src of the top-level block being converted
	top int
	// md and ctx are the configuration and the context of the parse that
	// made the nodes (a big table's rows are parsed again under its
	// header when shown: tablefast.go); nil when not a document's parse
	md  goldmark.Markdown
	ctx parser.Context
	// starts and kinds are the top-level blocks of a parse without
	// paragraph inlines (their starts in src, ascending), and parsed the
	// nodes parsed again for blocks not converted yet (inlines.go)
	starts []int
	kinds  []Kind
	parsed map[int][]deferred
	// refVars caches refsHoldVars: 0 not known yet, 1 no, 2 yes
	refVars uint8
}

// openTag is an inline HTML tag whose formatting applies until it closes.
type openTag struct {
	name  string
	style Style
	link  string
}

func newConverter(src []byte) *converter {
	return &converter{src: src}
}

// inlineSoft marks a soft line break until resolveSoftBreaks decides
// whether it is a space (the East Asian rule).
const inlineSoft InlineKind = 255

// kindOf is the block kind a node converts to.
func (c *converter) kindOf(n ast.Node) Kind {
	if ct, ok := n.(*Container); ok && ct.Tag == ContainerComponent {
		return c.componentBlock(ct).Kind
	}
	if k, ok := containerKind(n); ok {
		return k
	}
	switch t := n.(type) {
	case *ast.HTMLBlock:
		return c.block(t).Kind
	case *ast.Paragraph, *ast.TextBlock:
		return KindParagraph
	case *ast.Heading:
		return KindHeading
	case *ast.ThematicBreak:
		return KindRule
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return KindCode
	case *ast.Blockquote:
		return KindQuote
	case *ast.List:
		return KindList
	case *east.Table:
		return KindTable
	case *east.FootnoteList:
		return KindFootnotes
	}
	return KindNone
}

// initLazy makes the zero block b the top-level block of node n, its
// content converted on first use (Block.Fill).
func (c *converter) initLazy(b *Block, n ast.Node) {
	b.Kind = c.kindOf(n)
	if h, ok := n.(*ast.Heading); ok {
		b.Level = h.Level
	}
	if b.Kind != KindNone {
		b.lazy = lazySource{node: n, conv: c}
	}
}

// sourceUnits estimates the width in em of Markdown source: a multi-byte
// character (CJK, mostly) is 1, an ASCII byte about 0.55.
func sourceUnits(src []byte) float32 {
	wide, ascii := 0, 0
	for len(src) >= 8 {
		// eight bytes at once: the ASCII ones have bit 7 clear, a
		// character's first byte of several has bits 7 and 6 set
		w := binary.LittleEndian.Uint64(src)
		hi := w & 0x8080808080808080
		ascii += 8 - bits.OnesCount64(hi)
		wide += bits.OnesCount64(hi & (w << 1))
		src = src[8:]
	}
	for _, c := range src {
		switch {
		case c < 0x80:
			ascii++
		case c >= 0xC0:
			wide++
		}
	}
	return float32(wide) + 0.55*float32(ascii)
}

// block converts one block node; it never returns nil.
func (c *converter) block(n ast.Node) *Block {
	if b, ok := c.extraBlock(n); ok {
		return b
	}
	switch t := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		in := c.inlines(n)
		return &Block{Kind: KindParagraph, Inlines: in, units: textUnits(in)}
	case *ast.Heading:
		in, id := headingID(c.inlines(n))
		return &Block{Kind: KindHeading, Level: t.Level, Inlines: in, Label: id, units: textUnits(in)}
	case *ast.ThematicBreak:
		return &Block{Kind: KindRule}
	case *ast.FencedCodeBlock:
		return &Block{Kind: KindCode, Lang: string(t.Language(c.src)), Text: UnescapeHugo(c.lines(n, false)), Opts: fenceOpts(t, c.src), Label: fenceFile(t, c.src)}
	case *ast.CodeBlock:
		return &Block{Kind: KindCode, Text: UnescapeHugo(c.lines(n, false))}
	case *ast.HTMLBlock:
		text := c.lines(n, true)
		if t.HasClosure() {
			text += string(t.ClosureLine.Value(c.src))
		}
		text = strings.TrimRight(text, "\n")
		if IsComment(text) {
			return &Block{Kind: KindNone}
		}
		if isHTMLTable(text) {
			if b, ok := c.htmlTableBlock(text); ok {
				return b
			}
		}
		if onlyComponents(text) {
			return &Block{Kind: KindNone}
		}
		if in, ok := c.htmlInlines(text); ok {
			if len(in) == 0 {
				return &Block{Kind: KindNone}
			}
			return &Block{Kind: KindParagraph, Inlines: in, units: textUnits(in)}
		}
		return &Block{Kind: KindHTML, Text: text}
	case *ast.Blockquote:
		if c.depth >= MaxDepth {
			return c.tooDeep(n)
		}
		c.depth++
		defer func() { c.depth-- }()
		return &Block{Kind: KindQuote, Alert: AlertOf(n), Label: AlertTitleOf(n), Children: c.children(n)}
	case *ast.List:
		if c.depth >= MaxDepth {
			return c.tooDeep(n)
		}
		c.depth++
		defer func() { c.depth-- }()
		b := &Block{Kind: KindList, Ordered: t.IsOrdered(), Start: t.Start, Tight: t.IsTight}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			b.Items = append(b.Items, c.item(it))
		}
		return b
	case *east.Table:
		return c.table(t)
	case *east.FootnoteList:
		b := &Block{Kind: KindFootnotes}
		for fn := n.FirstChild(); fn != nil; fn = fn.NextSibling() {
			item := &Item{Blocks: c.children(fn)}
			if f, ok := fn.(*east.Footnote); ok {
				item.Index = f.Index
			}
			b.Items = append(b.Items, item)
		}
		return b
	}
	return &Block{Kind: KindNone}
}

func (c *converter) children(n ast.Node) []*Block {
	var out []*Block
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if b := c.block(ch); b.Kind != KindNone {
			out = append(out, b)
		}
	}
	return out
}

func (c *converter) item(n ast.Node) *Item {
	it := &Item{TaskAt: -1}
	if first := n.FirstChild(); first != nil {
		if box, ok := first.FirstChild().(*east.TaskCheckBox); ok {
			it.Task = TaskOpen
			if box.IsChecked {
				it.Task = TaskDone
			}
			if first.Lines().Len() > 0 {
				at := first.Lines().At(0).Start
				// the box is the first "[" at or before the text's start
				for at > 0 && at < len(c.src) && c.src[at] != '[' && c.src[at-1] != '\n' {
					at--
				}
				if at+3 <= len(c.src) && c.src[at] == '[' && c.src[at+2] == ']' {
					it.TaskAt = at - c.top
				}
			}
		}
	}
	it.Blocks = c.children(n)
	return it
}

func (c *converter) table(t *east.Table) *Block {
	b := &Block{Kind: KindTable}
	for _, a := range t.Alignments {
		switch a {
		case east.AlignLeft:
			b.Align = append(b.Align, AlignLeft)
		case east.AlignCenter:
			b.Align = append(b.Align, AlignCenter)
		case east.AlignRight:
			b.Align = append(b.Align, AlignRight)
		default:
			b.Align = append(b.Align, AlignNone)
		}
	}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells [][]Inline
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, c.inlines(cell))
		}
		if _, ok := row.(*east.TableHeader); ok {
			b.Header = cells
		} else {
			b.Rows = append(b.Rows, cells)
		}
	}
	return b
}

// lines joins a leaf block's lines as written.
func (c *converter) lines(n ast.Node, raw bool) string {
	lines := n.Lines()
	if k := lines.Len(); k > 0 { // lines that follow each other whole: one copy
		whole := true
		for i := 0; i < k && whole; i++ {
			seg := lines.At(i)
			whole = seg.Padding == 0 && (i == 0 || lines.At(i-1).Stop == seg.Start)
		}
		if first, last := lines.At(0), lines.At(k-1); whole && first.Start <= last.Stop && last.Stop <= len(c.src) {
			s := string(c.src[first.Start:last.Stop])
			if !raw {
				s = strings.TrimSuffix(s, "\n")
			}
			return s
		}
	}
	var buf bytes.Buffer
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		buf.Write(seg.Value(c.src))
	}
	s := buf.String()
	if !raw {
		s = strings.TrimSuffix(s, "\n")
	}
	return s
}

// tooDeep shows a block nested deeper than MaxDepth as its
// source text.
func (c *converter) tooDeep(n ast.Node) *Block {
	start, end := -1, -1
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Type() == ast.TypeBlock {
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				if start < 0 || seg.Start < start {
					start = seg.Start
				}
				end = max(end, seg.Stop)
			}
		}
		return ast.WalkContinue, nil
	})
	text := ""
	if start >= 0 && end <= len(c.src) && start <= end {
		text = string(c.src[start:end])
	}
	return &Block{Kind: KindCode, Text: strings.TrimRight(text, "\n")}
}

// inlines converts the inline children of n.
func (c *converter) inlines(n ast.Node) []Inline {
	// room for a run a child and one a soft break (a paragraph of many
	// lines: its runs are not grown one doubling at a time)
	size := 0
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		size++
		if t, ok := ch.(*ast.Text); ok && t.SoftLineBreak() {
			size++
		}
	}
	var runs []Inline
	if size > 16 {
		runs = make([]Inline, 0, size)
	}
	c.open = c.open[:0]
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		runs = c.inline(runs, ch, 0, "")
	}
	c.open = c.open[:0]
	return trimBreakSpace(resolveSoftBreaks(runs))
}

// htmlStyle is the formatting of the inline HTML tags open.
func (c *converter) htmlStyle(style Style, link string) (Style, string) {
	for _, o := range c.open {
		style |= o.style
		if o.link != "" {
			link = o.link
		}
	}
	return style, link
}

// tagStyle is the formatting an inline HTML tag gives its content.
func tagStyle(name string) Style {
	switch name {
	case "kbd", "code":
		return Code
	case "b", "strong":
		return Bold
	case "i", "em":
		return Italic
	case "u", "ins":
		return Underline
	case "del", "s":
		return Strike
	case "mark":
		return Mark
	case "sup":
		return Sup
	case "sub":
		return Sub
	}
	return 0
}

// htmlTag applies one safe inline tag: it opens or closes formatting, or
// adds a break, an image or a media placeholder.
func (c *converter) htmlTag(runs []Inline, t *Tag, style Style, link string) []Inline {
	switch {
	case t.IsMedia():
		if src := t.MediaSource(); src != "" && !t.Closing {
			return appendText(runs, Inline{Style: style | Chip, Text: "▶ " + src, Link: src})
		}
		return runs
	case t.Name == "br" || t.Name == "hr":
		return append(runs, Inline{Kind: InlineBreak})
	case t.Name == "img":
		return append(runs, Inline{Kind: InlineImage, Dest: t.Attrs["src"], Text: t.Attrs["alt"], Title: t.Attrs["title"], Link: link,
			Width: ImgWidth(t.Attrs["width"])})
	case t.Name == "p" || t.Name == "div" || t.Name == "center" || t.Name == "details":
		if len(runs) > 0 && runs[len(runs)-1].Kind != InlineBreak {
			runs = append(runs, Inline{Kind: InlineBreak})
		}
		return runs
	case t.Name == "summary":
		if t.Closing {
			c.closeTag("summary")
			return append(runs, Inline{Kind: InlineBreak})
		}
		c.open = append(c.open, openTag{name: "summary", style: Bold})
		return appendText(runs, Inline{Style: style | Bold, Link: link, Text: "▸ "})
	case t.Closing:
		c.closeTag(t.Name)
		return runs
	case t.SelfClosing:
		return runs
	}
	o := openTag{name: t.Name, style: tagStyle(t.Name)}
	if t.Name == "a" {
		o.link = t.Attrs["href"]
	}
	c.open = append(c.open, o)
	return runs
}

// isOpen reports whether an inline HTML tag of that name is open.
func (c *converter) isOpen(name string) bool {
	for _, o := range c.open {
		if o.name == name {
			return true
		}
	}
	return false
}

// closeTag closes the innermost open tag of that name.
func (c *converter) closeTag(name string) {
	for i := len(c.open) - 1; i >= 0; i-- {
		if c.open[i].name == name {
			c.open = append(c.open[:i], c.open[i+1:]...)
			return
		}
	}
}

// htmlInlines converts an HTML block made only of safe tags (and
// comments) into inline runs; ok is false when it holds anything else.
func (c *converter) htmlInlines(text string) ([]Inline, bool) {
	pieces, ok := SplitHTML(text)
	if !ok {
		return nil, false
	}
	var runs []Inline
	c.open = c.open[:0]
	for _, p := range pieces {
		if p.Tag != nil {
			runs = c.htmlTag(runs, p.Tag, 0, "")
			continue
		}
		txt := strings.Join(strings.Fields(p.Text), " ")
		if txt == "" {
			if strings.TrimSpace(p.Text) != p.Text && len(runs) > 0 && runs[len(runs)-1].Kind == InlineText {
				txt = " "
			} else {
				continue
			}
		}
		style, link := c.htmlStyle(0, "")
		runs = appendText(runs, Inline{Style: style, Link: link, Text: txt})
	}
	c.open = c.open[:0]
	// no breaks at the ends
	for len(runs) > 0 && (runs[0].Kind == InlineBreak || runs[0].Kind == InlineText && strings.TrimSpace(runs[0].Text) == "") {
		runs = runs[1:]
	}
	for len(runs) > 0 && (runs[len(runs)-1].Kind == InlineBreak || runs[len(runs)-1].Kind == InlineText && strings.TrimSpace(runs[len(runs)-1].Text) == "") {
		runs = runs[:len(runs)-1]
	}
	return trimBreakSpace(runs), true
}

func (c *converter) inline(runs []Inline, n ast.Node, style Style, link string) []Inline {
	if len(c.open) > 0 {
		style, link = c.htmlStyle(style, link)
	}
	switch t := n.(type) {
	case *ast.Text:
		runs = c.appendSource(runs, Inline{Style: style, Link: link, Text: c.text(t)})
		if t.HardLineBreak() {
			runs = append(runs, Inline{Kind: InlineBreak})
		} else if t.SoftLineBreak() {
			runs = append(runs, Inline{Kind: inlineSoft, Style: style, Link: link})
		}
		return runs
	case *ast.String:
		return appendText(runs, Inline{Style: style, Link: link, Text: string(t.Value)})
	case *ast.CodeSpan:
		var b strings.Builder
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			switch tt := ch.(type) {
			case *ast.Text:
				b.Write(tt.Segment.Value(c.src))
			case *ast.String:
				b.Write(tt.Value)
			}
		}
		return appendText(runs, Inline{Style: style | Code, Link: link, Text: UnescapeHugo(strings.ReplaceAll(b.String(), "\n", " "))})
	case *ast.Emphasis:
		s := style | Italic
		if t.Level >= 2 {
			s = style | Bold
		}
		return c.kids(runs, n, s, link)
	case *east.Strikethrough:
		return c.kids(runs, n, style|Strike, link)
	case *ast.Link:
		return c.kids(runs, n, style, string(t.Destination))
	case *ast.AutoLink:
		dest := string(t.URL(c.src))
		if t.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
			dest = "mailto:" + dest
		}
		return appendText(runs, Inline{Style: style, Link: dest, Text: string(t.Label(c.src))})
	case *ast.Image:
		return append(runs, Inline{Kind: InlineImage, Dest: string(t.Destination), Title: string(t.Title), Text: c.plain(n), Link: link})
	case *ast.RawHTML:
		var b strings.Builder
		for i := 0; i < t.Segments.Len(); i++ {
			seg := t.Segments.At(i)
			b.Write(seg.Value(c.src))
		}
		raw := b.String()
		if IsComment(raw) {
			return runs
		}
		if pieces, ok := SplitHTML(raw); ok && len(pieces) == 1 && pieces[0].Tag != nil {
			if t := pieces[0].Tag; !t.Closing || !pairedTag(t.Name) || c.isOpen(t.Name) {
				return c.htmlTag(runs, t, style, link)
			}
			// a closing tag whose opening one was shown literally (an
			// event attribute) or never written: literal too (QA F27)
		}
		return appendText(runs, Inline{Style: style | Code, Link: link, Text: raw})
	case *Shortcode:
		if v, ok := siteOf(c.md).param(t); ok { // {{% param "name" %}}
			return appendText(runs, Inline{Style: style, Link: link, Text: v})
		}
		if badge, _, ok := versionBadge(t); ok { // {{< new-in 0.140.0 />}}
			if badge == "" {
				return runs
			}
			return append(runs, Inline{Style: Chip, Text: badge})
		}
		return append(runs, Inline{Style: Chip, Text: t.Label()})
	case *LabelChip:
		return append(runs, Inline{Style: Chip, Text: t.Label})
	case *east.FootnoteLink:
		n := strconv.Itoa(t.Index)
		return appendText(runs, Inline{Style: Sup, Link: "#fn:" + n, Text: "[" + n + "]"})
	case *east.FootnoteBacklink, *east.TaskCheckBox:
		return runs
	}
	return c.kids(runs, n, style, link)
}

func (c *converter) kids(runs []Inline, n ast.Node, style Style, link string) []Inline {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		runs = c.inline(runs, ch, style, link)
	}
	return runs
}

// plain is the text content of an inline subtree (an image's alt text).
func (c *converter) plain(n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := n.(type) {
		case *ast.Text:
			b.WriteString(c.text(t))
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// text is a text node's content with backslash escapes, escaped spaces and
// character references resolved, as goldmark's HTML writer does.
func (c *converter) text(t *ast.Text) string {
	seg := t.Segment
	if c.str == "" {
		c.str, c.strOff = string(c.src), 0
	}
	if from, to := seg.Start-c.strOff, seg.Stop-c.strOff; seg.Padding == 0 && from >= 0 && to <= len(c.str) && from <= to {
		s := c.str[from:to]
		if t.IsRaw() || strings.IndexByte(s, '\\') < 0 && strings.IndexByte(s, '&') < 0 {
			return s
		}
	}
	v := seg.Value(c.src)
	if t.IsRaw() {
		return string(v)
	}
	return decodeText(v)
}

// window makes the text runs of what is converted next substrings of
// src[from:to] alone (the top-level block being converted; runs outside
// it are copies): not of a copy of all of src, most of which is never
// shown.
func (c *converter) window(from, to int) {
	if c.strOff != from || len(c.str) != to-from || c.str == "" {
		c.str, c.strOff = string(c.src[from:to]), from
	}
}

// decodeText resolves backslash escapes (a backslash before a space drops
// both: the CJK escaped-space rule) and HTML character references.
func decodeText(v []byte) string {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return string(v)
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		ch := v[i]
		switch {
		case ch == '\\' && i+1 < len(v) && v[i+1] == ' ':
			i++
		case ch == '\\' && i+1 < len(v) && isASCIIPunct(v[i+1]):
			b.WriteByte(v[i+1])
			i++
		case ch == '&':
			end := bytes.IndexByte(v[i:min(len(v), i+40)], ';')
			if end > 1 {
				ref := string(v[i : i+end+1])
				if un := html.UnescapeString(ref); un != ref {
					b.WriteString(un)
					i += end
					continue
				}
			}
			b.WriteByte(ch)
		default:
			b.WriteByte(ch)
		}
	}
	return b.String()
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// resolveSoftBreaks turns each soft break into a space, or into nothing when
// it joins two East Asian wide characters, and drops breaks at the edges.
func resolveSoftBreaks(runs []Inline) []Inline {
	soft := false
	for _, r := range runs {
		if r.Kind == inlineSoft {
			soft = true
			break
		}
	}
	if !soft {
		return runs
	}
	out := runs[:0] // in place: out never overtakes the run being read
	for i := 0; i < len(runs); i++ {
		r := runs[i]
		if r.Kind != inlineSoft {
			out = appendRun(out, r)
			continue
		}
		var before, after rune = -1, -1
		if len(out) > 0 && out[len(out)-1].Kind == InlineText {
			before, _ = utf8.DecodeLastRuneInString(out[len(out)-1].Text)
		}
		for _, next := range runs[i+1:] {
			if next.Kind == InlineText && next.Text != "" {
				after, _ = utf8.DecodeRuneInString(next.Text)
				break
			}
			if next.Kind != inlineSoft {
				break
			}
		}
		if before < 0 || after < 0 || !SoftBreakIsSpace(before, after) {
			continue
		}
		out = appendRun(out, Inline{Style: r.Style, Link: r.Link, Text: " "})
	}
	return out
}

// appendRun appends a run as appendText does, without merging its text
// into the run before (no copy): for runs that mergeRuns joins afterwards
// (inlines: trimBreakSpace), with one copy of each text. In place, out
// never overtakes what resolveSoftBreaks reads.
func appendRun(runs []Inline, in Inline) []Inline {
	if in.Kind == InlineText && in.Text == "" {
		return runs
	}
	return append(runs, in)
}

// appendSource is appendText for a text node's run: when it is a
// substring of c.str that starts where the run before it ends, itself a
// substring of c.str of the same look, that run becomes the substring
// holding both (no copy, however long: goldmark cuts a line's text at
// each space, for links; copying the pieces together copied each line's
// text many times). The same text as appendText's.
func (c *converter) appendSource(runs []Inline, in Inline) []Inline {
	if n := len(runs); n > 0 && in.Kind == InlineText && in.Text != "" && mergeable(runs[n-1], in) {
		if at, ok := c.strAt(in.Text); ok {
			if from, ok := c.strAt(runs[n-1].Text); ok && from+len(runs[n-1].Text) == at {
				runs[n-1].Text = c.str[from : at+len(in.Text)]
				return runs
			}
		}
	}
	return appendText(runs, in)
}

// strAt is the offset in c.str of s when s is a non-empty substring of
// it (the same bytes in memory, not equal text).
func (c *converter) strAt(s string) (int, bool) {
	if s == "" || c.str == "" {
		return 0, false
	}
	d := uintptr(unsafe.Pointer(unsafe.StringData(s))) - uintptr(unsafe.Pointer(unsafe.StringData(c.str)))
	if d >= uintptr(len(c.str)) || int(d)+len(s) > len(c.str) {
		return 0, false
	}
	return int(d), true
}
