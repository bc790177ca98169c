package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Container tags: raw HTML that wraps Markdown. <details> with its
// <summary> (closed until opened, as on GitHub), docs-cn's MDX components
// <SimpleTab> with <div label="…"> tabs, and <Note>, <Tip>, <Important>,
// <Warning>, <Caution> (the GitHub alerts' callouts). The tags sit in HTML
// blocks of their own, the Markdown between them in blocks of its own
// ("<details>\n<summary>x</summary>\n\nbody\n\n</details>"), or the body is
// inside the tag's HTML block ("<Note>\n正文\n</Note>"), where it is parsed
// as Markdown too. The containers transformer moves what lies between an
// opening and its closing tag into one node: a Container, or for a callout
// a Blockquote marked as an alert. A container left open holds the rest of
// its parent (as an unclosed <details> does in a browser).

// KindContainer is the node kind of a Container.
var KindContainer = ast.NewNodeKind("Container")

// Container tags.
const (
	ContainerDetails = "details"   // Label: the summary's HTML; Open
	ContainerTabs    = "simpletab" // children: tabs
	ContainerTab     = "tab"       // <div label="…">; Label: the label
)

// Container is a block of Markdown wrapped in container tags.
type Container struct {
	ast.BaseBlock
	Tag   string // ContainerDetails, ContainerTabs or ContainerTab
	Label string
	Open  bool
}

// Kind implements ast.Node.
func (c *Container) Kind() ast.NodeKind { return KindContainer }

// Dump implements ast.Node.
func (c *Container) Dump(src []byte, level int) {
	ast.DumpHelper(c, src, level, map[string]string{"Tag": c.Tag, "Label": c.Label}, nil)
}

// KindLabelChip is the node kind of a LabelChip.
var KindLabelChip = ast.NewNodeKind("LabelChip")

// LabelChip is a small label Folio adds (a conflict's "mine" and
// "theirs"), shown as a chip.
type LabelChip struct {
	ast.BaseInline
	Label string
}

// Kind implements ast.Node.
func (l *LabelChip) Kind() ast.NodeKind { return KindLabelChip }

// Dump implements ast.Node.
func (l *LabelChip) Dump(src []byte, level int) {
	ast.DumpHelper(l, src, level, map[string]string{"Label": l.Label}, nil)
}

// labelParagraph is a paragraph holding one label chip.
func labelParagraph(s string) *ast.Paragraph {
	p := ast.NewParagraph()
	p.AppendChild(p, &LabelChip{Label: s})
	return p
}

// calloutTags are the MDX callouts, each an alert type.
var calloutTags = map[string]bool{"note": true, "tip": true, "important": true, "warning": true, "caution": true}

// containerEvent is one thing found in a container tag's HTML block: a
// tag opening or closing a container, a summary, or Markdown content
// (lines from, to of the block, or a piece of one line).
type containerEvent struct {
	open, close string // a container's tag ("details", "note", …)
	attrs       map[string]string
	summary     *string
	// content: the block's lines [from, to); or one line's piece seg
	from, to int
	piece    *text.Segment
	at       int // offset of the line it is on
}

// openTagName is the container a tag opens, or "".
func openTagName(t *Tag) string {
	switch {
	case t.Closing:
		return ""
	case t.Name == "details":
		return ContainerDetails
	case t.Name == "simpletab":
		return ContainerTabs
	case t.Name == "div" && t.Attrs["label"] != "":
		return ContainerTab
	case calloutTags[t.Name]:
		return t.Name
	case !t.SelfClosing:
		return componentName(t)
	}
	return ""
}

// closeTagName is the container a closing tag closes, or "".
func closeTagName(t *Tag) string {
	switch {
	case !t.Closing:
		return ""
	case t.Name == "details":
		return ContainerDetails
	case t.Name == "simpletab":
		return ContainerTabs
	case t.Name == "div":
		return ContainerTab
	case calloutTags[t.Name]:
		return t.Name
	}
	return componentName(t)
}

// tagAt reads the tag that starts s, if any.
func tagAt(s string) (*Tag, bool) {
	if !strings.HasPrefix(s, "<") {
		return nil, false
	}
	loc := tagRE.FindStringIndex(s)
	if loc == nil || loc[0] != 0 {
		return nil, false
	}
	tags := ScanTags(s[:loc[1]])
	if len(tags) != 1 {
		return nil, false
	}
	return &tags[0], true
}

// containerEvents reads an HTML block as container events; ok is false
// when it opens or closes no container (it is then left as it is).
func containerEvents(b *ast.HTMLBlock, src []byte) (evs []containerEvent, ok bool) {
	if b.HTMLBlockType != ast.HTMLBlockType6 && b.HTMLBlockType != ast.HTMLBlockType7 {
		return nil, false // <script>, <pre>, <style>, comments…: their text is theirs
	}
	lines := b.Lines()
	content := -1 // first line of a content run
	flush := func(i int) {
		if content >= 0 {
			evs = append(evs, containerEvent{from: content, to: i})
			content = -1
		}
	}
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := string(seg.Value(src))
		lead, from, to, tail := splitMarkupLine(line)
		if len(lead) == 0 && len(tail) == 0 {
			if strings.TrimSpace(line) != "" && content < 0 {
				content = i
			}
			continue
		}
		flush(i)
		for k := range lead {
			lead[k].at = seg.Start
		}
		evs = append(evs, lead...)
		if from < to {
			piece := text.NewSegment(seg.Start+from, seg.Start+to)
			evs = append(evs, containerEvent{piece: &piece})
		}
		evs = append(evs, tail...)
		ok = true
	}
	flush(lines.Len())
	if evs, ok = pairComponents(evs, ok); !ok {
		return nil, false
	}
	return evs, ok
}

// splitMarkupLine cuts a line into its leading container tags (and
// summary), the text after them (line[from:to], trimmed) and the closing
// container tags that end it.
func splitMarkupLine(line string) (lead []containerEvent, from, to int, tail []containerEvent) {
	at := 0
	end := len(strings.TrimRight(line, " \t\r\n"))
	for {
		for at < end && (line[at] == ' ' || line[at] == '\t') {
			at++
		}
		tag, ok := tagAt(line[at:end])
		if !ok {
			break
		}
		next := at + tag.End
		switch {
		case openTagName(tag) != "":
			lead = append(lead, containerEvent{open: openTagName(tag), attrs: tag.Attrs})
		case closeTagName(tag) != "":
			lead = append(lead, containerEvent{close: closeTagName(tag)})
		case tag.Name == "summary" && !tag.Closing:
			c := indexASCIIFold(line[next:end], "</summary>")
			if c < 0 {
				return nil, 0, 0, nil
			}
			sum := strings.TrimSpace(line[next : next+c])
			lead = append(lead, containerEvent{summary: &sum})
			next += c + len("</summary>")
		default:
			if len(lead) == 0 {
				return nil, 0, 0, nil
			}
			return lead, at, end, nil
		}
		at = next
	}
	// closing tags at the end of the line
	for at < end {
		i := strings.LastIndex(line[at:end], "</")
		if i < 0 {
			break
		}
		i += at
		tag, ok := tagAt(line[i:end])
		if !ok || i+tag.End != end || closeTagName(tag) == "" {
			break
		}
		tail = append([]containerEvent{{close: closeTagName(tag)}}, tail...)
		end = len(strings.TrimRight(line[:i], " \t"))
	}
	if len(lead) == 0 && len(tail) == 0 {
		return nil, 0, 0, nil
	}
	return lead, at, max(at, end), tail
}

// containers groups what container tags wrap (see Container).
type containers struct {
	p parser.Parser
}

// Transform implements parser.ASTTransformer.
func (t *containers) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var parents []ast.Node
	var conflicts []*Conflict
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			if p := n.Parent(); len(parents) == 0 || parents[len(parents)-1] != p {
				parents = append(parents, p)
			}
		case *Conflict:
			conflicts = append(conflicts, n)
		}
		if n.Type() == ast.TypeInline {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, c := range conflicts {
		t.conflict(c, src, pc)
	}
	for _, p := range parents {
		t.group(p, src, pc)
	}
}

// group moves the children of parent that container tags wrap into
// containers.
func (t *containers) group(parent ast.Node, src []byte, pc parser.Context) {
	type frame struct {
		node ast.Node
		tag  string
	}
	var events [][]containerEvent // per child, nil: not container markup
	found := false
	var kids []ast.Node
	for ch := parent.FirstChild(); ch != nil; ch = ch.NextSibling() {
		kids = append(kids, ch)
		var evs []containerEvent
		if hb, ok := ch.(*ast.HTMLBlock); ok {
			if e, ok := containerEvents(hb, src); ok {
				evs, found = e, true
			}
		}
		events = append(events, evs)
	}
	if !found {
		return
	}
	for _, ch := range kids {
		parent.RemoveChild(parent, ch)
	}
	stack := []frame{{node: parent}}
	top := func() ast.Node { return stack[len(stack)-1].node }
	for i, ch := range kids {
		if events[i] == nil {
			top().AppendChild(top(), ch)
			if para, ok := ch.(*ast.Paragraph); ok && len(stack) > 1 {
				// "text\n</Note>": a custom tag's line cannot end a
				// paragraph in CommonMark, but it closes the container
				if tag := closingLine(para, src); tag != "" {
					for k := len(stack) - 1; k > 0; k-- {
						if stack[k].tag == tag {
							dropLastLine(para)
							stack = stack[:k]
							break
						}
					}
				}
			}
			continue
		}
		hb := ch.(*ast.HTMLBlock)
		// Does the block open or close a container, and would none of
		// its own text land outside every container? Text split off at
		// the parent's level would be a top-level block whose rendering
		// depends on the lines around it (the incremental parse reuses a
		// top-level block by its own text): such a block stays whole.
		applies, loose := false, false
		tags := make([]string, 0, len(stack))
		for _, f := range stack[1:] {
			tags = append(tags, f.tag)
		}
		for _, ev := range events[i] {
			switch {
			case ev.open != "":
				applies = true
				tags = append(tags, ev.open)
			case ev.close != "":
				for k := len(tags) - 1; k >= 0; k-- {
					if tags[k] == ev.close {
						applies, tags = true, tags[:k]
						break
					}
				}
			case ev.summary != nil:
			default:
				loose = loose || len(tags) == 0
			}
		}
		if !applies || loose {
			top().AppendChild(top(), ch) // a stray closing tag, or text outside: left as it is
			continue
		}
		for _, ev := range events[i] {
			switch {
			case ev.open != "":
				var n ast.Node
				switch ev.open {
				case ContainerDetails:
					_, open := ev.attrs["open"]
					n = &Container{Tag: ContainerDetails, Open: open}
				case ContainerTabs:
					n = &Container{Tag: ContainerTabs}
				case ContainerTab:
					n = &Container{Tag: ContainerTab, Label: ev.attrs["label"]}
				case componentTag(ev.open):
					n = &Container{Tag: ContainerComponent}
				default:
					q := ast.NewBlockquote()
					q.SetAttributeString("data-alert", []byte(ev.open))
					n = q
				}
				n.SetPos(ev.at)
				top().AppendChild(top(), n)
				stack = append(stack, frame{node: n, tag: ev.open})
			case ev.close != "":
				for k := len(stack) - 1; k > 0; k-- {
					if stack[k].tag == ev.close {
						stack = stack[:k]
						break
					}
				}
			case ev.summary != nil:
				if c, ok := top().(*Container); ok && c.Tag == ContainerDetails && c.Label == "" {
					c.Label = *ev.summary
				}
			case ev.piece != nil:
				hb := ast.NewHTMLBlock(ast.HTMLBlockType7)
				hb.Lines().Append(*ev.piece)
				top().AppendChild(top(), hb)
			default:
				for _, n := range t.content(hb, ev.from, ev.to, src, pc) {
					top().AppendChild(top(), n)
				}
			}
		}
	}
}

// content parses lines [from, to) of an HTML block as Markdown, when they
// follow each other whole in src; else they stay raw HTML.
func (t *containers) content(hb *ast.HTMLBlock, from, to int, src []byte, pc parser.Context) []ast.Node {
	lines := hb.Lines()
	whole := true
	for i := from; i < to && whole; i++ {
		seg := lines.At(i)
		whole = seg.Padding == 0 && (seg.Start == 0 || src[seg.Start-1] == '\n') && (i == from || lines.At(i-1).Stop == seg.Start)
	}
	if whole {
		if nodes := t.subParse(src, lines.At(from).Start, lines.At(to-1).Stop, pc); nodes != nil {
			return nodes
		}
	}
	raw := ast.NewHTMLBlock(ast.HTMLBlockType7)
	for i := from; i < to; i++ {
		raw.Lines().Append(lines.At(i))
	}
	return []ast.Node{raw}
}

// subParse parses src[from:to] (from at the start of a line) as Markdown
// with the same configuration and the document's link references; the
// nodes' segments are offsets in src.
func (t *containers) subParse(src []byte, from, to int, pc parser.Context) []ast.Node {
	if t.p == nil || from >= to || to > len(src) || from > 0 && src[from-1] != '\n' {
		return nil
	}
	reader := text.NewReader(src[:to])
	if from > 0 {
		// a blank line ("\n") just before: the reader starts its lines there
		reader.SetPosition(0, text.NewSegment(from-1, from))
	}
	ctx := parser.NewContext()
	for _, r := range pc.References() {
		ctx.AddReference(r)
	}
	doc := t.p.Parse(reader, parser.WithContext(ctx))
	var out []ast.Node
	for ch := doc.FirstChild(); ch != nil; {
		next := ch.NextSibling()
		doc.RemoveChild(doc, ch)
		out = append(out, ch)
		ch = next
	}
	return out
}

// indexASCIIFold is the offset of lower-case ASCII sub in s, matched
// without regard to ASCII case (offsets are s's own: nothing is
// re-encoded), or -1.
func indexASCIIFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && (s[i+j] == sub[j] || 'A' <= s[i+j] && s[i+j] <= 'Z' && s[i+j]+('a'-'A') == sub[j]) {
			j++
		}
		if j == len(sub) {
			return i
		}
	}
	return -1
}

// closingLine is the container a paragraph's last line closes when that
// line is only a container's closing tag ("</Note>"), or "".
func closingLine(para *ast.Paragraph, src []byte) string {
	lines := para.Lines()
	if lines.Len() < 2 {
		return ""
	}
	seg := lines.At(lines.Len() - 1)
	last := strings.TrimSpace(string(seg.Value(src)))
	tag, ok := tagAt(last)
	if !ok || tag.End != len(last) {
		return ""
	}
	return closeTagName(tag)
}

// dropLastLine removes a paragraph's last line and its inline nodes.
func dropLastLine(para *ast.Paragraph) {
	lines := para.Lines()
	cut := lines.At(lines.Len() - 1).Start
	for n := para.LastChild(); n != nil; {
		prev := n.PreviousSibling()
		start := -1
		switch t := n.(type) {
		case *ast.Text:
			start = t.Segment.Start
		case *ast.RawHTML:
			if t.Segments.Len() > 0 {
				start = t.Segments.At(0).Start
			}
		}
		if start < cut {
			if t, ok := n.(*ast.Text); ok {
				t.SetSoftLineBreak(false)
				t.SetHardLineBreak(false)
			}
			break
		}
		para.RemoveChild(para, n)
		n = prev
	}
	rest := text.NewSegments()
	for i := 0; i < lines.Len()-1; i++ {
		rest.Append(lines.At(i))
	}
	para.SetLines(rest)
}
