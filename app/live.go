package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"folio/app/library"
)

// watch follows the folder: outside changes refresh the list, reload the
// open article when it has no unsaved changes, and raise a conflict bar
// when it has.
func (ws *workspace) watch() {
	w, err := library.Watch(ws.root, 0)
	if err != nil {
		ws.showProblem(err.Error())
		return
	}
	ws.watcher = w
	go func() {
		for batch := range w.Changes() {
			ws.do(func() { ws.external(batch) })
		}
	}()
	go func() {
		for err := range w.Errors() {
			ws.do(func() { ws.showProblem(err.Error()) })
		}
	}()
}

// external handles one batch of outside changes, on the UI goroutine.
func (ws *workspace) external(batch []library.Change) {
	for _, c := range batch {
		inFolder := c.Folder && strings.HasPrefix(ws.file, c.Path+string(filepath.Separator))
		if c.Path != ws.file && !inFolder {
			continue
		}
		if c.Removed {
			if _, err := os.Stat(ws.file); err == nil {
				continue // back already (a checkout, an editor's rename dance)
			}
			// The text is only in the editor now: keep it, say so, and let
			// the next save create the file again (a zero Sum means "must
			// not exist", so a file someone else creates meanwhile is not
			// overwritten without asking).
			ws.loaded = library.Sum{}
			ws.dirty = true
			ws.updateTitle()
			ws.showConflict(lang.L("{{.Name}} was deleted on disk. Save to keep it.", map[string]any{"Name": filepath.Base(ws.file)}), false)
			continue
		}
		data, sum, err := library.Read(ws.file)
		if err != nil || sum == ws.loaded {
			continue // unreadable for now, or the same bytes
		}
		if string(data) == ws.src.Text() {
			// The disk now holds exactly the editor's text (a restore after
			// a delete, or the same edit made elsewhere): nothing is unsaved.
			ws.loaded, ws.dirty = sum, false
			ws.hideConflict()
			ws.updateTitle()
			continue
		}
		if !ws.dirty {
			ws.reloadKeepingPlace(data, sum)
			continue
		}
		ws.showConflict(lang.L("{{.Name}} changed on disk while you were editing it.", map[string]any{"Name": filepath.Base(ws.file)}), true)
	}
	ws.rescan()
}

// reloadKeepingPlace replaces the editor's text with the disk's, keeping
// the cursor and scroll position as near as the new text allows.
func (ws *workspace) reloadKeepingPlace(data []byte, sum library.Sum) {
	cursor, top := ws.src.CursorOffset(), ws.src.FirstVisibleLine()
	ws.src.SetText(string(data))
	ws.loaded, ws.dirty = sum, false
	ws.src.SetCursorOffset(min(cursor, len(data)))
	ws.src.ScrollToLine(top)
	ws.hideConflict()
	ws.refreshPreview(string(data))
}

// showConflict shows the bar above the editor; with reload, it offers to
// take the disk's version (discarding the editor's) or keep the editor's.
func (ws *workspace) showConflict(msg string, reload bool) {
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	buttons := container.NewHBox()
	file := ws.file // the bar acts on the article it was raised for
	if reload {
		buttons.Add(widget.NewButton(lang.L("Reload (discard my changes)"), func() {
			if ws.file != file {
				ws.hideConflict()
				return
			}
			data, sum, err := library.Read(ws.file)
			if err != nil {
				ws.showProblem(err.Error())
				return
			}
			ws.reloadKeepingPlace(data, sum)
			ws.updateTitle()
		}))
	}
	keep := widget.NewButton(lang.L("Keep mine"), ws.hideConflict)
	keep.Importance = widget.HighImportance
	buttons.Add(keep)
	ws.conflict.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, nil, buttons, label)}
	ws.conflict.Show()
	ws.editPane.Refresh()
}

func (ws *workspace) hideConflict() {
	ws.conflict.Objects = nil
	ws.conflict.Hide()
	ws.editPane.Refresh()
}

// rescan refreshes the article list off the UI goroutine.
func (ws *workspace) rescan() {
	go func() {
		items, err := library.Scan(context.Background(), ws.root)
		if err != nil {
			return
		}
		ws.do(func() {
			ws.articles = items
			ws.list.Refresh()
			ws.selectCurrent()
		})
	}()
}
