package markdown

import "strings"

// Unknown components: docs-cn and MDX sites wrap Markdown in components
// of their own (<StickyHeaderTable> around a table, <DocHomeCard …> around
// a line, <RelatedResources>, a self-closing <EmailSubscriptionWrapper />)
// that the site renders and Folio cannot. Such a tag is a capitalised
// name, JSX-style, which no HTML tag is. An HTML block made only of such
// tags (opening, closing or self-closing; comments and space between) is
// not shown: the Markdown between the tags, in blocks of its own, renders
// as it is, so the component is a transparent wrapper. Opened and closed
// in one HTML block with Markdown between ("<Foo>\n正文\n</Foo>"), it is a
// Container (ContainerComponent) that shows what it holds. The components
// Folio knows (containers.go: SimpleTab, Note, Tip, …) keep their meaning,
// and lower-case unknown tags stay literal.

// isComponentTag reports whether the tag at s[t.Start:t.End] is an
// unknown capitalised component.
func isComponentTag(s string, t *Tag) bool {
	at := t.Start + 1
	if t.Closing {
		at++
	}
	if at >= len(s) || s[at] < 'A' || s[at] > 'Z' {
		return false
	}
	switch {
	case t.Name == "simpletab", t.Name == "details", calloutTags[t.Name]:
		return false
	}
	return true
}

// onlyComponents reports whether raw HTML is unknown components' tags
// alone (with comments and space), at least one.
func onlyComponents(s string) bool {
	s = stripComments(s)
	if !strings.Contains(s, "<") {
		return false
	}
	tags := ScanTags(s)
	at := 0
	for i := range tags {
		t := &tags[i]
		if strings.TrimSpace(s[at:t.Start]) != "" || !isComponentTag(s, t) {
			return false
		}
		at = t.End
	}
	return len(tags) > 0 && strings.TrimSpace(s[at:]) == ""
}

// ContainerComponent is the Container of an unknown component whose
// opening and closing tags are in one HTML block with Markdown between
// them ("<CustomContent platform=\"tidb\">\n正文\n</CustomContent>"): it
// converts to what it holds (one block as itself, several in a plain
// box), and the export writes only its content.
const ContainerComponent = "component"

// componentName is the container event name of an unknown component's
// opening or closing tag, or "".
func componentName(t *Tag) string {
	if !t.Capital || t.Name == "simpletab" || t.Name == "details" || calloutTags[t.Name] {
		return ""
	}
	return "c:" + t.Name
}

// componentTag returns tag when it names a component's event (used as a
// switch case), or "" which matches no event name.
func componentTag(tag string) string {
	if strings.HasPrefix(tag, "c:") {
		return tag
	}
	return "\x00"
}

// pairComponents drops the events of components not opened and closed
// in the same HTML block (a component's tags on lines of their own,
// around Markdown in blocks of its own, are hidden: onlyComponents); ok
// tells whether any container event is left.
func pairComponents(evs []containerEvent, ok bool) ([]containerEvent, bool) {
	if !ok {
		return evs, false
	}
	keep := make([]bool, len(evs))
	var open []int
	for i, ev := range evs {
		switch {
		case strings.HasPrefix(ev.open, "c:"):
			open = append(open, i)
		case strings.HasPrefix(ev.close, "c:"):
			for k := len(open) - 1; k >= 0; k-- {
				if evs[open[k]].open == ev.close {
					keep[open[k]], keep[i] = true, true
					open = open[:k]
					break
				}
			}
		default:
			keep[i] = true
		}
	}
	out := evs[:0]
	ok = false
	for i, ev := range evs {
		if keep[i] {
			out = append(out, ev)
			ok = ok || ev.open != "" || ev.close != "" || ev.summary != nil
		}
	}
	return out, ok
}

// componentBlock converts an unknown component's container: nothing when
// it holds nothing shown, its one block as that block (a heading aside:
// its level is read from the node at parse time), else its blocks in a
// plain box.
func (c *converter) componentBlock(n *Container) *Block {
	kids := c.children(n)
	switch {
	case len(kids) == 0:
		return &Block{Kind: KindNone}
	case len(kids) == 1 && kids[0].Kind != KindHeading:
		return kids[0]
	}
	return &Block{Kind: KindTabs, Items: []*Item{{TaskAt: -1, Blocks: kids}}}
}
