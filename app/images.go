package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"folio/app/library"
	"folio/editor"
)

// dropped handles files dropped on the window: each image is copied next
// to the open article (library.StoreImageFile) and a relative ![](…) link
// is inserted at the caret, as one undo step.
func (ws *workspace) dropped(_ fyne.Position, uris []fyne.URI) {
	if !ws.art.HasFile() {
		ws.status.problem(lang.L("Open an article to drop images into it"))
		return
	}
	var links []string
	for _, u := range uris {
		if u.Scheme() != "file" {
			continue
		}
		link, err := library.StoreImageFile(ws.art.Path(), u.Path())
		if err != nil {
			ws.status.problem(lang.L("Could not add {{.Name}}: {{.Err}}", map[string]any{"Name": filepath.Base(u.Path()), "Err": err}))
			continue
		}
		alt := strings.TrimSuffix(filepath.Base(u.Path()), filepath.Ext(u.Path()))
		links = append(links, fmt.Sprintf("![%s](%s)", alt, link))
	}
	if len(links) == 0 {
		return
	}
	ws.insertAtCaret(strings.Join(links, "\n"))
}

// insertAtCaret replaces the selection with text as one undo step and
// records the edit.
func (ws *workspace) insertAtCaret(text string) {
	sel := ws.src.Selection()
	ws.src.ReplaceRange(editor.Range{Start: sel.Start, End: sel.End}, text)
	ws.src.SetCursorOffset(sel.Start + len(text))
	ws.edited() // ReplaceRange does not call OnChanged
	ws.win.Canvas().Focus(ws.src)
}
