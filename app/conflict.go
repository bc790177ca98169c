package app

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"folio/app/article"
)

// conflictBar is the bar above the editor shown while the open article's
// file disagrees with the editor: changed on disk (reload or keep mine) or
// deleted on disk (save to keep it). It renders article.Conflict.
type conflictBar struct {
	ws    *workspace
	box   *fyne.Container
	shown article.Conflict
	path  string
}

func newConflictBar(ws *workspace) *conflictBar {
	cb := &conflictBar{ws: ws, box: container.NewStack()}
	cb.box.Hide()
	return cb
}

// Visible reports whether the bar is shown.
func (cb *conflictBar) Visible() bool { return cb.box.Visible() }

// update shows the bar for the article's conflict, or hides it.
func (cb *conflictBar) update() {
	art := cb.ws.art
	c := art.Conflict()
	if c == cb.shown && art.Path() == cb.path {
		return
	}
	cb.shown, cb.path = c, art.Path()
	name := filepath.Base(art.Path())
	var msg string
	buttons := container.NewHBox(layout.NewSpacer())
	switch c {
	case article.NoConflict:
		cb.box.Objects = nil
		cb.box.Hide()
		cb.box.Refresh()
		return
	case article.DeletedOnDisk:
		msg = lang.L("{{.Name}} was deleted on disk. Save to keep it.", map[string]any{"Name": name})
	case article.ChangedOnDisk:
		msg = lang.L("{{.Name}} changed on disk while you were editing it.", map[string]any{"Name": name})
		buttons.Add(widget.NewButton(lang.L("Compare"), cb.ws.compareDisk))
		buttons.Add(widget.NewButton(lang.L("Merge"), cb.ws.mergeDisk))
		buttons.Add(widget.NewButton(lang.L("Take theirs"), cb.ws.reload))
	}
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	keep := widget.NewButton(lang.L("Keep mine"), art.Dismiss)
	keep.Importance = widget.HighImportance
	buttons.Add(keep)
	// The message on its own line, the buttons under it on the right:
	// beside the buttons in the editor column it would wrap letter by
	// letter.
	cb.box.Objects = []fyne.CanvasObject{container.NewVBox(label, container.NewHBox(layoutSpacer(), buttons))}
	cb.box.Show()
	cb.box.Refresh()
}
