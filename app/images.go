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
func (ws *workspace) dropped(pos fyne.Position, uris []fyne.URI) {
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
	// Dropped on the editor: the link goes where the image was let go.
	if off, ok := ws.src.DropOffset(pos); ok {
		ws.src.Select(editor.Range{Start: off, End: off})
	}
	ws.insertAtCaret(strings.Join(links, "\n"))
}

// pastedImage stores an image pasted from the clipboard (Ctrl+V with an
// image and no text) next to the article and links it at the caret.
func (ws *workspace) pastedImage(data []byte, ext string) {
	if !ws.art.HasFile() {
		return
	}
	link, err := library.StoreImage(ws.art.Path(), data, ext)
	if err != nil {
		ws.status.problem(lang.L("Could not add the pasted image: {{.Err}}", map[string]any{"Err": err}))
		return
	}
	ws.insertAtCaret("![](" + link + ")")
}

// insertAtCaret replaces the selection with text as one user edit (one
// undo step) and gives the editor the keyboard.
func (ws *workspace) insertAtCaret(text string) {
	ws.src.InsertAtCursor(text)
	ws.win.Canvas().Focus(ws.src)
}
