package app

import (
	"path/filepath"

	"fyne.io/fyne/v2/lang"

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
	ws.open(abs)
}

// landOnAnchor goes to the heading a link asked for, if the open article
// is the one it asked it in; it says so when there is no such heading.
func (ws *workspace) landOnAnchor() {
	j := ws.jump
	ws.jump = linkJump{}
	if j.anchor == "" || j.path != ws.art.Path() {
		return
	}
	doc := ws.art.Doc()
	for _, h := range markdown.Headings(doc.Body()) {
		if h.Anchor == j.anchor {
			line := doc.BodyLine() + h.Line - 1 // 1-based, in the file
			ws.src.SetCursorOffset(lineOffset(ws.src, line-1))
			ws.src.ScrollToLine(max(0, line-1-3))
			ws.prev.ScrollToSourceLineOnShow(line)
			return
		}
	}
	ws.status.say(lang.L("No heading “#{{.Anchor}}” in {{.Name}}", map[string]any{"Anchor": j.anchor, "Name": filepath.Base(j.path)}))
}

// inertLink tells the reader that a tapped link leads nowhere Folio can go
// (QA F15: nothing happened).
func (ws *workspace) inertLink(dest string) {
	ws.status.say(lang.L("The link “{{.Dest}}” leads to no article, heading or web page Folio can open", map[string]any{"Dest": dest}))
}
