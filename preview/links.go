package preview

import (
	"folio/preview/markdown"
)

// linkKind is what tapping a link does.
type linkKind int

const (
	linkInert    linkKind = iota // unknown schemes, other files: nothing
	linkBrowser                  // http, https, mailto: the system browser or mail app
	linkArticle                  // a Markdown file: open it in Folio
	linkFootnote                 // #fn:N: scroll to the footnotes
	linkAnchor                   // #id: scroll to that heading
)

// InertReason is why a tapped link leads nowhere Folio can go.
type InertReason int

// The reasons.
const (
	InertOther     InertReason = iota // a scheme, a file or a form Folio does not open
	InertHook                         // a keyword the site's link render hook gives its meaning ([term](g))
	InertMissing                      // a page path no article of the site answers
	InertNoHeading                    // #id: no heading of this article has that id
)

// inertReason is why the link to dest is inert.
func inertReason(dest string, r markdown.Resolver) InertReason {
	switch t := r.Link(dest); {
	case t.Hook:
		return InertHook
	case t.Missing:
		return InertMissing
	}
	return InertOther
}

// classifyLink decides what a link destination does, with the one
// resolver (markdown.Resolver). For linkArticle the target is the file
// path; for linkBrowser the URL; for linkAnchor the heading's id; for
// linkFootnote the destination.
func classifyLink(dest string, r markdown.Resolver) (linkKind, string) {
	t := r.Link(dest)
	switch t.Kind {
	case markdown.LinkBrowser:
		return linkBrowser, t.URL
	case markdown.LinkArticle:
		return linkArticle, t.Path
	case markdown.LinkFootnote:
		return linkFootnote, dest
	case markdown.LinkAnchor:
		return linkAnchor, t.Anchor
	}
	return linkInert, ""
}
