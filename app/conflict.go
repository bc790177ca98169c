package app

import (
	"path/filepath"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"folio/app/article"
	"folio/app/library"
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
	// first merge. mergedConflicts is the count it was shown with.
	merged          *fyne.Container
	mergedConflicts int
	// restoredAt is when the text of the article at restoredPath was
	// journalled, when it came back from the journal after a crash: the
	// bar says so (see setRestored).
	restoredAt   time.Time
	restoredPath string
	shownAt      time.Time
}

// setRestored tells the bar that the open article's unsaved text was
// restored from a journal written at at, so that a conflict says where the
// text came from: one bar, with the conflict's choices, instead of the
// restored bar stacked on the conflict bar.
func (cb *conflictBar) setRestored(at time.Time) {
	cb.restoredAt, cb.restoredPath = at, cb.ws.art.Path()
	cb.update()
}

// restoredFrom is the journal time of the open article's restored text,
// zero when its text was not restored.
func (cb *conflictBar) restoredFrom() time.Time {
	if cb.restoredPath != cb.ws.art.Path() {
		return time.Time{}
	}
	return cb.restoredAt
}

func newConflictBar(ws *workspace) *conflictBar {
	cb := &conflictBar{ws: ws, box: container.NewStack()}
	cb.box.Hide()
	ws.src.OnTaggedStep = cb.steppedOver
	return cb
}

// Visible reports whether the bar is shown.
func (cb *conflictBar) Visible() bool { return cb.box.Visible() }

// update shows the bar for the article's conflict, or hides it.
func (cb *conflictBar) update() {
	art := cb.ws.art
	c := art.Conflict()
	at := cb.restoredFrom()
	if c == cb.shown && art.Path() == cb.path && at.Equal(cb.shownAt) {
		return
	}
	was := cb.shown
	cb.shown, cb.path, cb.shownAt = c, art.Path(), at
	name := filepath.Base(art.Path())
	var msg string
	buttons := container.NewHBox(layout.NewSpacer())
	switch c {
	case article.NoConflict:
		cb.box.Objects = nil
		cb.box.Hide()
		cb.box.Refresh()
		cb.restoredPath = ""
		if was != article.NoConflict && cb.ws.hot != nil {
			cb.ws.hot.conflictSettled() // what waits in other articles
		}
		return
	case article.DeletedOnDisk:
		msg = lang.L("{{.Name}} was deleted on disk. Save to keep it.", map[string]any{"Name": name})
	case article.ChangedOnDisk:
		msg = lang.L("{{.Name}} changed on disk while you were editing it.", map[string]any{"Name": name})
		if !at.IsZero() {
			msg = lang.L("Restored unsaved changes from {{.Time}}, but {{.Name}} changed on disk since then.", map[string]any{"Time": when(at), "Name": name})
		}
		buttons.Add(widget.NewButton(lang.L("Compare"), cb.ws.compareDisk))
		buttons.Add(widget.NewButton(lang.L("Merge"), cb.ws.thenEditor(cb.ws.mergeDisk)))
		buttons.Add(widget.NewButton(lang.L("Take theirs"), cb.ws.thenEditor(cb.ws.takeTheirs)))
	}
	label := wrapLabel(msg)
	keep := widget.NewButton(lang.L("Keep mine"), cb.ws.thenEditor(art.Dismiss))
	keep.Importance = widget.HighImportance
	buttons.Add(keep)
	// The message on its own line, the buttons under it on the right:
	// beside the buttons in the editor column it would wrap letter by
	// letter.
	cb.box.Objects = []fyne.CanvasObject{container.NewVBox(label, container.NewHBox(layoutSpacer(), buttons))}
	cb.box.Show()
	cb.box.Refresh()
}

// takeTheirs replaces the editor's text with the file's as one undoable
// edit: the file becomes the text last loaded (clean), and Ctrl+Z brings
// the user's text back, unsaved, with its journal (F41: one click used to
// throw it away for good), and back in conflict with the file (G5: the
// undo forgot the conflict and the next Ctrl+S wrote over the other
// program's change without asking). A merge's bar and tints go with the
// text they described (G4) and come back with the undo.
func (ws *workspace) takeTheirs() {
	art := ws.art
	if !art.HasFile() {
		return
	}
	data, sum, err := library.Read(art.Path())
	if err != nil {
		ws.reload() // gone or unreadable: the reload's own handling
		return
	}
	ws.replaceFromDisk(string(data), string(data), sum)
	ws.status.say(lang.L("Took the version on disk: Undo (Ctrl+Z) brings yours back"))
}

// replaceFromDisk settles a conflict with the disk's version theirs (whose
// Sum is sum) by putting text in the editor, theirs itself (Take theirs)
// or a merge with it, as one undoable edit: theirs becomes the text last
// loaded. Undoing it brings back the text, the conflict and the merge's
// bar and tints from before; redoing it settles it again (see
// steppedOver). The caller sets the tints and bar the new text has and
// records them in the returned took.
func (ws *workspace) replaceFromDisk(text, theirs string, sum library.Sum) *took {
	t := &took{marks: ws.src.Marks(), merged: -1, mergedAfter: -1}
	if ws.conflict.mergedShown() {
		t.merged = ws.conflict.mergedConflicts
	}
	t.rebase = ws.art.Rebase(theirs, sum)
	ws.hot.track() // the file as it is on disk now, through renames
	ws.conflict.endMerge()
	if mine := ws.src.Text(); mine != text {
		from, to, repl := changedSpan(mine, text)
		ws.src.ReplaceRange(editor.Range{Start: from, End: to}, repl)
		ws.src.TagLastStep(t)
		ws.edited()
		ws.art.Parse()
	}
	return t
}

// took is what settling a conflict from the disk left behind, tied to its
// undo step: the article's rebasing, and a merge's tints and bar (its
// conflict count, -1 when not shown) over the text before and after.
type took struct {
	rebase              article.Rebasing
	marks, marksAfter   []editor.Mark
	merged, mergedAfter int
}

// steppedOver follows the undo or redo of a tagged step in the editor:
// undoing Take theirs or Merge puts the article back in conflict with the
// file (the conflict bar, and Save asks before writing over the file),
// with the tints and merged bar the text had; redoing it settles it again.
// Saved or reloaded since, the basis stays (an ordinary undo).
func (cb *conflictBar) steppedOver(tag any, undone bool) {
	t, ok := tag.(*took)
	if !ok {
		return
	}
	ws := cb.ws
	marks, merged := t.marks, t.merged
	var back bool
	if undone {
		back = ws.art.UndoRebase(t.rebase)
	} else {
		marks, merged = t.marksAfter, t.mergedAfter
		if back = ws.art.RedoRebase(t.rebase); back {
			ws.hot.track()
		}
	}
	ws.src.SetMarks(marks) // they describe the text now shown
	cb.hideMerged()
	if back && merged >= 0 {
		cb.showMerged(merged)
	}
}

// changedSpan is the part of a that differs from b: a[from:to] replaced by
// repl gives b. The ends stay on UTF-8 character boundaries.
func changedSpan(a, b string) (from, to int, repl string) {
	n := min(len(a), len(b))
	for from < n && a[from] == b[from] {
		from++
	}
	for from > 0 && from < len(a) && !utf8.RuneStart(a[from]) {
		from--
	}
	for from > 0 && from < len(b) && !utf8.RuneStart(b[from]) {
		from--
	}
	ea, eb := len(a), len(b)
	for ea > from && eb > from && a[ea-1] == b[eb-1] {
		ea--
		eb--
	}
	for ea < len(a) && !utf8.RuneStart(a[ea]) {
		ea++
		eb++
	}
	for eb < len(b) && !utf8.RuneStart(b[eb]) {
		ea++
		eb++
	}
	return from, ea, b[from:eb]
}

// showMerged shows, after a merge, what the editor's tints mean (mine,
// theirs, conflict) and how many conflicts are marked, with Next conflict.
// The bar goes with the marks: when the article is saved, reloaded or
// another one opened (see followMerged).
func (cb *conflictBar) showMerged(conflicts int) {
	ws := cb.ws
	cb.mergedConflicts = conflicts
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
	label := wrapLabel(msg)
	buttons := container.NewHBox(layout.NewSpacer())
	if conflicts > 0 {
		next := widget.NewButton(lang.L("Next conflict"), cb.nextConflict)
		next.Importance = widget.HighImportance
		buttons.Add(next)
	}
	buttons.Add(widget.NewButton(lang.L("Hide"), cb.ws.thenEditor(cb.hideMerged)))
	// The legend on its own line: beside the buttons in a narrow editor
	// column they would overlap.
	cb.merged.Objects = []fyne.CanvasObject{container.NewVBox(label, legend, buttons)}
	cb.merged.Show()
	cb.merged.Refresh()
	ws.hot.holdOthers() // the other restored articles, once the merge is settled
}

// nextConflict moves the cursor to the next conflict block after it.
func (cb *conflictBar) nextConflict() {
	if !cb.ws.src.GoToNextMark(editor.MarkConflict) {
		cb.ws.status.say(lang.L("No conflict is left"))
		return
	}
	cb.ws.focusEditor()
}

// thenEditor returns f followed by giving the keyboard back to the editor:
// for a bar's buttons, after which the user goes on writing (a click on a
// button leaves the focus nowhere and typed text would be dropped).
func (ws *workspace) thenEditor(f func()) func() {
	return func() {
		f()
		ws.focusEditor()
	}
}

// focusEditor puts the keyboard in the editor (unless a dialog is up).
func (ws *workspace) focusEditor() {
	if c := ws.win.Canvas(); c != nil && c.Content() != nil {
		c.Focus(ws.src)
	}
}

// followMerged hides the merged bar and the marks when the text is saved
// (once no conflict block is left unsettled in it: the tints show where
// to look), replaced from disk or another
// article is opened.
func (cb *conflictBar) followMerged(w article.What) {
	if w&article.Saved != 0 && !cb.unsettled() {
		cb.ws.src.SetMarks(nil)
		cb.hideMerged()
	}
	if w&article.TextReplaced != 0 {
		cb.hideMerged()
	}
}

// unsettled reports whether the editor still marks a conflict block (one
// not edited since the merge).
func (cb *conflictBar) unsettled() bool {
	for _, m := range cb.ws.src.Marks() {
		if m.Kind == editor.MarkConflict {
			return true
		}
	}
	return false
}

// mergedShown reports whether the merged bar is shown.
func (cb *conflictBar) mergedShown() bool { return cb.merged != nil && cb.merged.Visible() }

// endMerge clears a merge's tints and its bar: the text they described
// is gone (Take theirs).
func (cb *conflictBar) endMerge() {
	cb.ws.src.SetMarks(nil)
	cb.hideMerged()
}

func (cb *conflictBar) hideMerged() {
	if cb.merged != nil && cb.merged.Visible() {
		cb.merged.Objects = nil
		cb.merged.Hide()
		cb.merged.Refresh()
		cb.ws.hot.conflictSettled()
	}
}
