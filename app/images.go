package app

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
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
// image and no text) in the site's image folder (imageFolder: docs-cn's
// /media/) or next to the article, links it at the caret and says where
// it went. The alt text stays empty, as Typora leaves it. A file the
// paste wrote is removed again when the paste is undone (and put back on
// redo): pasteStepped.
func (ws *workspace) pastedImage(data []byte, ext string) {
	if !ws.art.HasFile() {
		return
	}
	dir, prefix := imageFolder(ws.art.Path(), ws.root)
	_, statErr := os.Stat(dir)
	st, err := library.StoreImageIn(dir, prefix, data, ext)
	if err != nil {
		ws.status.problem(lang.L("Could not add the pasted image: {{.Err}}", map[string]any{"Err": err}))
		return
	}
	ws.insertAtCaret("![](" + st.Link + ")")
	if st.Created {
		t := &pastedFile{path: st.Path, data: data, link: st.Link}
		if errors.Is(statErr, fs.ErrNotExist) {
			t.madeDir = dir
		}
		ws.src.TagLastStep(t)
	}
	ws.sayHere(lang.L("Pasted image saved as {{.Path}}", map[string]any{"Path": ws.shownPath(st.Path)}))
}

// pastedFile tags the undo step of a paste that wrote an image file.
type pastedFile struct {
	path, link string
	data       []byte
	madeDir    string // the folder the paste made for it, "" when it was there
}

// chainPasteUndo makes undo and redo of a paste that wrote an image file
// remove and put back that file; other tagged steps go on to the handler
// that was set (the conflict bar's).
func (ws *workspace) chainPasteUndo() {
	next := ws.src.OnTaggedStep
	ws.src.OnTaggedStep = func(tag any, undone bool) {
		if t, ok := tag.(*pastedFile); ok {
			ws.pasteStepped(t, undone)
			return
		}
		if next != nil {
			next(tag, undone)
		}
	}
}

// pasteStepped removes the pasted image file when its paste is undone,
// unless the file changed meanwhile or its name is still linked from the
// article or another article of its folder; it writes the file again
// when the paste is redone. Either is said in the status bar.
func (ws *workspace) pasteStepped(t *pastedFile, undone bool) {
	name := ws.shownPath(t.path)
	if !undone {
		if _, err := os.Stat(t.path); err == nil {
			return
		}
		if err := os.MkdirAll(filepath.Dir(t.path), 0o755); err == nil {
			err = os.WriteFile(t.path, t.data, 0o644)
			if err == nil {
				ws.sayHere(lang.L("Put the pasted image {{.Path}} back", map[string]any{"Path": name}))
				return
			}
			ws.status.problem(lang.L("Could not add the pasted image: {{.Err}}", map[string]any{"Err": err}))
		}
		return
	}
	if old, err := os.ReadFile(t.path); err != nil || !bytes.Equal(old, t.data) {
		return // gone, or no longer what was pasted
	}
	if ws.linkedElsewhere(filepath.Base(t.path)) {
		ws.sayHere(lang.L("Kept the pasted image {{.Path}}: an article still links to it", map[string]any{"Path": name}))
		return
	}
	if err := os.Remove(t.path); err != nil {
		ws.status.problem(lang.L("Could not remove the pasted image {{.Path}}: {{.Err}}", map[string]any{"Path": name, "Err": err}))
		return
	}
	if t.madeDir != "" {
		_ = os.Remove(t.madeDir) // only when empty
	}
	ws.sayHere(lang.L("Removed the pasted image {{.Path}} (the paste was undone)", map[string]any{"Path": name}))
}

// linkedElsewhere reports whether the file name appears in the open
// article's text or in one of the Markdown files of its folder (a bounded
// look: scanFiles files).
func (ws *workspace) linkedElsewhere(name string) bool {
	if strings.Contains(ws.src.Text(), name) {
		return true
	}
	folder := filepath.Dir(ws.art.Path())
	ents, err := os.ReadDir(folder)
	if err != nil {
		return false
	}
	n := 0
	for _, e := range ents {
		p := filepath.Join(folder, e.Name())
		if !e.Type().IsRegular() || !strings.EqualFold(filepath.Ext(p), ".md") || p == ws.art.Path() {
			continue
		}
		if n++; n > scanFiles {
			break
		}
		if b, err := os.ReadFile(p); err == nil && bytes.Contains(b, []byte(name)) {
			return true
		}
	}
	return false
}

// sayHere says msg in the status bar until the caret moves: the parse
// that follows the edit would otherwise replace it with the counts at once.
func (ws *workspace) sayHere(msg string) {
	ws.status.sayHere(msg, ws.src.CursorLine(), ws.src.CursorColumn())
}

// shownPath is a file's path as the status bar says it: relative to the
// library root with forward slashes when inside it.
func (ws *workspace) shownPath(p string) string {
	if rel, err := filepath.Rel(ws.root, p); err == nil && filepath.IsLocal(rel) {
		return filepath.ToSlash(rel)
	}
	return p
}

// insertAtCaret replaces the selection with text as one user edit (one
// undo step) and gives the editor the keyboard.
func (ws *workspace) insertAtCaret(text string) {
	ws.src.InsertAtCursor(text)
	ws.win.Canvas().Focus(ws.src)
}
