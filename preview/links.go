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
