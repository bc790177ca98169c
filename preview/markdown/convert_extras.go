package markdown

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// The block model of containers (details, tabs, callouts), Hugo's code
// shortcodes, definition lists and conflict labels: the converter's part
// for the nodes of containers.go, hugo.go and conflict.go.

// containerKind is the block kind a container node converts to.
func containerKind(n ast.Node) (Kind, bool) {
	switch t := n.(type) {
	case *LineShortcode:
		return t.blockKind(), true
	case *ShortcodeCall:
		return KindParagraph, true
	case *Container:
		switch t.Tag {
		case ContainerDetails:
			return KindDetails, true
		case ContainerTabs:
			return KindTabs, true
		}
		return KindQuote, true // a tab outside tabs: its content, in a plain box
	case *ShortcodeBlock:
		return t.blockKind(), true
	case *east.DefinitionList:
		return KindDefList, true
	}
	return KindNone, false
}

// extraBlock converts the nodes of containers.go, hugo.go and definition
// lists; ok is false for other nodes.
func (c *converter) extraBlock(n ast.Node) (*Block, bool) {
	switch t := n.(type) {
	case *LineShortcode:
		return c.lineShortcodeBlock(t), true
	case *ShortcodeCall:
		return c.callBlock(t), true
	case *Container:
		if c.depth >= MaxDepth {
			return c.tooDeep(n), true
		}
		c.depth++
		defer func() { c.depth-- }()
		switch t.Tag {
		case ContainerComponent:
			return c.componentBlock(t), true
		case ContainerDetails:
			b := &Block{Kind: KindDetails, Open: t.Open, Children: c.children(n)}
			if t.Label != "" {
				if in, ok := c.htmlInlines(t.Label); ok {
					b.Inlines = in
				} else {
					b.Inlines = []Inline{{Text: t.Label}}
				}
			}
			b.units = textUnits(b.Inlines)
			return b, true
		case ContainerTabs:
			b := &Block{Kind: KindTabs}
			for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
				if tab, ok := ch.(*Container); ok && tab.Tag == ContainerTab {
					b.Items = append(b.Items, &Item{TaskAt: -1, Label: []Inline{{Text: tab.Label}}, Blocks: c.children(tab)})
					continue
				}
				if bl := c.block(ch); bl.Kind != KindNone { // outside any tab
					b.Items = append(b.Items, &Item{TaskAt: -1, Blocks: []*Block{bl}})
				}
			}
			return b, true
		}
		return &Block{Kind: KindQuote, Children: c.children(n)}, true
	case *ShortcodeBlock:
		return shortcodeBlock(t, UnescapeHugo(shortcodeBody(t, c.src))), true
	case *east.DefinitionList:
		if c.depth >= MaxDepth {
			return c.tooDeep(n), true
		}
		c.depth++
		defer func() { c.depth-- }()
		b := &Block{Kind: KindDefList}
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			switch ch.(type) {
			case *east.DefinitionTerm:
				b.Items = append(b.Items, &Item{TaskAt: -1, Label: c.inlines(ch), Line: c.lineInTop(ch)})
			default:
				b.Items = append(b.Items, &Item{TaskAt: -1, Blocks: c.children(ch)})
			}
		}
		return b, true
	}
	return nil, false
}

// lineInTop is the line node n starts on, counted from the first line of
// the top-level block being converted (0).
func (c *converter) lineInTop(n ast.Node) int {
	if n.Lines().Len() == 0 {
		return 0
	}
	at := n.Lines().At(0).Start
	if c.top < 0 || at < c.top || at > len(c.src) {
		return 0
	}
	return bytes.Count(c.src[c.top:at], []byte{'\n'})
}

// AlertTitleOf is an alert's own title (docs-cn's "> **注意：**" gives
// "注意"), or "".
func AlertTitleOf(n ast.Node) string {
	if v, ok := n.AttributeString("data-alert-title"); ok {
		if s, ok := v.([]byte); ok {
			return string(s)
		}
	}
	return ""
}

// trimBreakSpace joins neighbouring text runs of one look (mergeRuns) and
// drops the spaces around a line break ("a<br/> b" starts its second line
// with "b", as a browser shows it); code keeps its spaces.
func trimBreakSpace(runs []Inline) []Inline {
	runs = mergeRuns(runs)
	changed := false
	for i, r := range runs {
		if r.Kind != InlineBreak {
			continue
		}
		if i > 0 && runs[i-1].Kind == InlineText && runs[i-1].Style&Code == 0 {
			if t := strings.TrimRight(runs[i-1].Text, " \t"); t != runs[i-1].Text {
				runs[i-1].Text, changed = t, true
			}
		}
		if i+1 < len(runs) && runs[i+1].Kind == InlineText && runs[i+1].Style&Code == 0 {
			if t := strings.TrimLeft(runs[i+1].Text, " \t"); t != runs[i+1].Text {
				runs[i+1].Text, changed = t, true
			}
		}
	}
	if !changed {
		return runs
	}
	out := runs[:0]
	for _, r := range runs {
		if r.Kind == InlineText && r.Text == "" {
			continue
		}
		out = append(out, r)
	}
	return out
}

// dumpContainer dumps details, tabs and definition lists.
func dumpContainer(b *strings.Builder, bl *Block, indent string) {
	switch bl.Kind {
	case KindDetails:
		fmt.Fprintf(b, "%sdetails open=%v\n", indent, bl.Open)
		fmt.Fprintf(b, "%s  summary\n", indent)
		dumpInlines(b, bl.Inlines, indent+"    ")
		dumpBlocks(b, bl.Children, indent+"  ")
	case KindTabs:
		fmt.Fprintf(b, "%stabs\n", indent)
		for _, it := range bl.Items {
			fmt.Fprintf(b, "%s  tab\n", indent)
			dumpInlines(b, it.Label, indent+"    ")
			dumpBlocks(b, it.Blocks, indent+"    ")
		}
	case KindDefList:
		fmt.Fprintf(b, "%sdeflist\n", indent)
		for _, it := range bl.Items {
			if it.Label != nil {
				fmt.Fprintf(b, "%s  term\n", indent)
				dumpInlines(b, it.Label, indent+"    ")
				continue
			}
			fmt.Fprintf(b, "%s  definition\n", indent)
			dumpBlocks(b, it.Blocks, indent+"    ")
		}
	}
}

// headingID cuts a heading's trailing "{#id}" (Hugo's and docs-cn's
// custom anchor) off its text: the id, and the text as shown.
func headingID(in []Inline) ([]Inline, string) {
	n := len(in)
	if n == 0 || in[n-1].Kind != InlineText || in[n-1].Style&Code != 0 {
		return in, ""
	}
	t := strings.TrimRight(in[n-1].Text, " \t")
	i := strings.LastIndex(t, "{#")
	if i < 0 || !strings.HasSuffix(t, "}") {
		return in, ""
	}
	id := strings.TrimSpace(t[i+2 : len(t)-1])
	if id == "" || strings.ContainsAny(id, " {}") {
		return in, ""
	}
	out := append([]Inline(nil), in...)
	out[n-1].Text = strings.TrimRight(t[:i], " \t")
	if out[n-1].Text == "" {
		out = out[:n-1]
	}
	return out, id
}
