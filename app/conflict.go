package app

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"folio/app/article"
	"folio/editor"
)

// conflictBar is the bar above the editor shown while the open article's
// file disagrees with the editor: changed on disk (reload or keep mine) or
// deleted on disk (save to keep it). It renders article.Conflict.
type conflictBar struct {
	ws    *workspace
	box   *fyne.Container
	shown article.Conflict
	path  string
	// merged is the bar shown after a merge (see showMerged); made at the
	// first merge.
	merged *fyne.Container
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

// showMerged shows, after a merge, what the editor's tints mean (mine,
// theirs, conflict) and how many conflicts are marked, with Next conflict.
// The bar goes with the marks: when the article is saved, reloaded or
// another one opened (see followMerged).
func (cb *conflictBar) showMerged(conflicts int) {
	ws := cb.ws
	if cb.merged == nil {
		cb.merged = container.NewStack()
		ws.panes.AddBar(cb.merged)
		ws.art.Listen(cb.followMerged)
	}
	th := ws.src.Theme()
	v := ws.app.Settings().ThemeVariant()
	legend := container.NewHBox()
	for _, k := range []struct {
		kind  editor.MarkKind
		label string
	}{{editor.MarkMine, lang.L("your changes")}, {editor.MarkTheirs, lang.L("theirs")}, {editor.MarkConflict, lang.L("conflicts")}} {
		_, c := editor.MarkColors(th, v, k.kind)
		sw := canvas.NewRectangle(c)
		sw.SetMinSize(fyne.NewSize(12, 12))
		legend.Add(container.NewCenter(sw))
		legend.Add(widget.NewLabel(k.label))
	}
	var msg string
	switch conflicts {
	case 0:
		msg = lang.L("Merged cleanly: the tinted lines show where each change came from. Save to keep the merge.")
	case 1:
		msg = lang.L("Merged with 1 conflict: both versions are kept between the markers. Settle it, then save.")
	default:
		msg = lang.L("Merged with {{.Count}} conflicts: both versions are kept between the markers. Settle each, then save.", map[string]any{"Count": conflicts})
	}
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	buttons := container.NewHBox(layout.NewSpacer())
	if conflicts > 0 {
		next := widget.NewButton(lang.L("Next conflict"), cb.nextConflict)
		next.Importance = widget.HighImportance
		buttons.Add(next)
	}
	buttons.Add(widget.NewButton(lang.L("Hide"), cb.hideMerged))
	// The legend on its own line: beside the buttons in a narrow editor
	// column they would overlap.
	cb.merged.Objects = []fyne.CanvasObject{container.NewVBox(label, legend, buttons)}
	cb.merged.Show()
	cb.merged.Refresh()
}

// nextConflict moves the cursor to the next conflict block after it.
func (cb *conflictBar) nextConflict() {
	if !cb.ws.src.GoToNextMark(editor.MarkConflict) {
		cb.ws.status.say(lang.L("No conflict is left"))
		return
	}
	if c := cb.ws.win.Canvas(); c != nil && c.Content() != nil {
		c.Focus(cb.ws.src)
	}
}

// followMerged hides the merged bar and the marks when the text is saved,
// replaced from disk or another article is opened.
func (cb *conflictBar) followMerged(w article.What) {
	if w&article.Saved != 0 {
		cb.ws.src.SetMarks(nil)
	}
	if w&(article.Saved|article.TextReplaced) != 0 {
		cb.hideMerged()
	}
}

func (cb *conflictBar) hideMerged() {
	if cb.merged != nil && cb.merged.Visible() {
		cb.merged.Objects = nil
		cb.merged.Hide()
		cb.merged.Refresh()
	}
}
