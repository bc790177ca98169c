package markdown

import "strings"

// Unknown components: docs-cn and MDX sites wrap Markdown in components
// of their own (<StickyHeaderTable> around a table, <DocHomeCard …> around
// a line, <RelatedResources>, a self-closing <EmailSubscriptionWrapper />)
// that the site renders and Folio cannot. Such a tag is a capitalised
// name, JSX-style, which no HTML tag is. An HTML block made only of such
// tags (opening, closing or self-closing; comments and space between) is
// not shown: the Markdown between the tags, in blocks of its own, renders
// as it is, so the component is a transparent wrapper. The components
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
