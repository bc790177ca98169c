package app

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2/lang"

	"folio/preview"
	"folio/preview/markdown"
)

// linkJump is a heading a tapped link asked for in another article: it is
// landed on once that article is loaded (after a question about unsaved
// changes, maybe).
type linkJump struct {
	path, anchor string
}

// openLinked opens the article abs that a link leads to and, when the link
// names a heading (#anchor), puts the caret on that heading and scrolls
// the editor and the preview there (QA F10: it opened at its top).
func (ws *workspace) openLinked(abs, anchor string) {
	ws.jump = linkJump{}
	if anchor != "" {
		ws.jump = linkJump{path: abs, anchor: anchor}
	}
	if abs == ws.art.Path() {
		ws.landOnAnchor()
		return
	}
	if _, err := os.Stat(abs); errors.Is(err, fs.ErrNotExist) {
		// a dead link ([x](/gone.md)): said as a page link's is, not as
		// a problem of the open article
		ws.jump = linkJump{}
		name := abs
		if rel, err := filepath.Rel(ws.root, abs); err == nil && filepath.IsLocal(rel) {
			name = filepath.ToSlash(rel)
		}
		ws.status.say(lang.L("No article found for the link “{{.Dest}}”", map[string]any{"Dest": name}))
		return
	}
	ws.open(abs)
}

// landOnAnchor goes to the heading (or definition term) a link asked for, if the open article
// is the one it asked it in; it says so when there is no such heading.
func (ws *workspace) landOnAnchor() {
	j := ws.jump
	ws.jump = linkJump{}
	if j.anchor == "" || j.path != ws.art.Path() {
		return
	}
	doc := ws.art.Doc()
	// A heading's id, else a definition term's (Hugo's docs link to
	// /configuration/all/#baseurl, a term of a definition list). A site
	// whose config gives terms ids (hugoDocs) numbers headings and terms
	// together: its term "matchers" is #matchers, the heading "Matchers"
	// after it #matchers-1.
	terms := markdown.SiteTermIDs(markdown.FindSiteRoot(filepath.Dir(j.path), ""))
	lists := []func([]byte) []markdown.Heading{markdown.Headings, markdown.DefinitionTerms}
	if terms {
		lists = []func([]byte) []markdown.Heading{func(b []byte) []markdown.Heading { return markdown.Anchors(b, true) }}
	}
	for _, list := range lists {
		for _, h := range list(doc.Body()) {
			if h.Anchor == j.anchor {
				line := doc.BodyLine() + h.Line - 1 // 1-based, in the file
				ws.src.SetCursorOffset(lineOffset(ws.src, line-1))
				ws.src.ScrollToLine(max(0, line-1-3))
				ws.prev.ScrollToSourceLineOnShow(line)
				return
			}
		}
	}
	ws.status.say(lang.L("No heading “#{{.Anchor}}” in {{.Name}}", map[string]any{"Anchor": j.anchor, "Name": filepath.Base(j.path)}))
}

// inertLink tells the reader that a tapped link leads nowhere Folio can go
// (QA F15: nothing happened), and why when it is known: a keyword the
// site's render hook gives its meaning, or a page path no article answers.
// A #fragment no heading of the open article has may name one of its
// definition terms (Hugo's autoDefinitionTermID): it lands there, or says
// there is no such heading.
func (ws *workspace) inertLink(dest string, why preview.InertReason) {
	switch why {
	case preview.InertNoHeading:
		// a definition term of this article, or "No heading …"
		ws.openLinked(ws.art.Path(), markdown.Resolver{}.Link(dest).Anchor)
	case preview.InertHook:
		ws.status.say(lang.L("The link “{{.Dest}}” gets its target from the site's link render hook (a glossary term, for one); Folio cannot follow it", map[string]any{"Dest": dest}))
	case preview.InertMissing:
		ws.status.say(lang.L("No article found for the link “{{.Dest}}”", map[string]any{"Dest": dest}))
	default:
		ws.status.say(lang.L("The link “{{.Dest}}” leads to no article, heading or web page Folio can open", map[string]any{"Dest": dest}))
	}
}
