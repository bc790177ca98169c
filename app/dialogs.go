package app

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"folio/editor/merge"
)

// dialogWidth is the width of Folio's question dialogs: wide enough for a
// long file name, narrow enough that the message wraps into a block.
const dialogWidth = 460

// ask shows a question dialog: a wrapped message and buttons, right
// aligned, the last one the default (Enter). Each button hides the dialog
// and then runs its action.
func (ws *workspace) ask(title, msg string, buttons ...askButton) *dialog.CustomDialog {
	if d, ok := ws.showing[title].(*dialog.CustomDialog); ok {
		return d // the same question is already asked (a key pressed twice)
	}
	var d *dialog.CustomDialog
	row := container.NewHBox()
	var cancel func() // the Cancel button's action: Escape's too
	for i, b := range buttons {
		if b.label == lang.L("Cancel") {
			cancel = b.action
		}
		btn := widget.NewButton(b.label, func() {
			d.Hide()
			if b.action != nil {
				b.action()
			}
		})
		if i == len(buttons)-1 {
			btn.Importance = widget.HighImportance
		}
		row.Add(btn)
	}
	label := wrapLabel(msg)
	body := container.NewBorder(nil, container.NewHBox(layoutSpacer(), row), nil, nil, label)
	d = dialog.NewCustomWithoutButtons(title, body, ws.win)
	// The width makes a long message wrap into a block; the height is the
	// dialog's own minimum (no empty band under the message).
	d.Resize(fyne.NewSize(dialogWidth, 1))
	ws.showOnce(title, d)
	esc := func() {
		d.Hide()
		if cancel != nil {
			cancel()
		}
	}
	ws.escape = esc
	d.SetOnClosed(func() {
		if ws.showing[title] == d {
			delete(ws.showing, title)
		}
		ws.escape = nil
	})
	return d
}

// showOnce shows d and remembers it under key until it closes, so that the
// same dialog is not stacked twice.
func (ws *workspace) showOnce(key string, d dialog.Dialog) {
	if ws.showing == nil {
		ws.showing = map[string]dialog.Dialog{}
	}
	ws.showing[key] = d
	d.SetOnClosed(func() {
		if ws.showing[key] == d {
			delete(ws.showing, key)
		}
	})
	d.Show()
}

// layoutSpacer is a flexible space in a box.
func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }

// askButton is one answer of ask.
type askButton struct {
	label  string
	action func()
}

// confirmLeave runs next at once when there is nothing unsaved, else asks
// whether to save, discard or stay (then cancelled runs, if set).
func (ws *workspace) confirmLeave(next, cancelled func()) {
	if !ws.art.Dirty() {
		next()
		return
	}
	stay := cancelled
	cancelled = func() {
		ws.win.Canvas().Focus(ws.src) // back to writing: the keyboard must work at once
		if stay != nil {
			stay()
		}
	}
	name := filepath.Base(ws.art.Path())
	ws.ask(lang.L("Unsaved changes"),
		lang.L("Save changes to {{.Name}} before leaving it?", map[string]any{"Name": name}),
		askButton{lang.L("Cancel"), cancelled},
		// Discard leaves the model dirty: the next step (a load) replaces
		// the text, and if that step fails the text is still unsaved.
		askButton{lang.L("Discard"), func() { ws.hot.discarded(); next() }},
		askButton{lang.L("Save"), func() {
			ws.saveChecked(func(ok bool) {
				if ok {
					next()
				} else {
					cancelled()
				}
			})
		}})
}

// saveChecked saves the article as Save does, but first asks when its text
// still holds a merge's conflict blocks (<<<<<<< mine … >>>>>>> theirs):
// save them anyway, or go to the first one. done, if set, learns whether
// the text is now on disk (false when the user went to the conflict).
func (ws *workspace) saveChecked(done func(ok bool)) {
	if done == nil {
		done = func(bool) {}
	}
	n, first := unsettledConflicts(ws.art.Text())
	if n == 0 {
		done(ws.save())
		return
	}
	msg := lang.L("1 conflict is not settled: its block (<<<<<<< mine … >>>>>>> theirs) would be saved as it is.")
	if n > 1 {
		msg = lang.L("{{.Count}} conflicts are not settled: their blocks (<<<<<<< mine … >>>>>>> theirs) would be saved as they are.", map[string]any{"Count": n})
	}
	ws.ask(lang.L("Unsettled conflicts"), msg,
		askButton{lang.L("Save anyway"), func() { done(ws.save()) }},
		askButton{lang.L("Go to conflict"), func() {
			ws.goToConflict(first)
			done(false)
		}})
}

// unsettledConflicts counts the merge conflict blocks left in text and
// returns the line of the first: a line holding a block's opening or
// closing marker counts, even with other text typed onto it (a block
// half edited is not settled yet).
func unsettledConflicts(text string) (n, first int) {
	first = -1
	open := false
	for i, l := range strings.Split(text, "\n") {
		switch {
		case strings.Contains(l, merge.MarkerMine):
			if first < 0 {
				first = i
			}
			if open {
				n++ // the last one was never closed
			}
			open = true
		case strings.Contains(l, merge.MarkerTheirs):
			if first < 0 {
				first = i
			}
			n++
			open = false
		}
	}
	if open {
		n++
	}
	return n, first
}

// hasConflictBlock reports whether text still holds a merge conflict
// block (see unsettledConflicts).
func hasConflictBlock(text string) bool {
	n, _ := unsettledConflicts(text)
	return n > 0
}

// goToConflict puts the caret at the start of the given line (a conflict
// block's first) and the keyboard back in the editor.
func (ws *workspace) goToConflict(line int) {
	text := ws.src.Text()
	at := 0
	for i := 0; i < line; i++ {
		nl := strings.IndexByte(text[at:], '\n')
		if nl < 0 {
			break
		}
		at += nl + 1
	}
	ws.src.SetCursorOffset(at)
	ws.win.Canvas().Focus(ws.src)
}

// confirmReload asks before Reload from Disk throws unsaved changes away.
func (ws *workspace) confirmReload() {
	if !ws.art.Dirty() {
		ws.reload()
		return
	}
	ws.ask(lang.L("Reload from Disk"),
		lang.L("Discard your changes to {{.Name}} and reload it from disk?", map[string]any{"Name": filepath.Base(ws.art.Path())}),
		askButton{lang.L("Cancel"), nil},
		askButton{lang.L("Reload"), ws.reload})
}

// confirmOverwrite asks, after Save refused, whether to overwrite the
// version another program wrote.
func (ws *workspace) confirmOverwrite() {
	name := filepath.Base(ws.art.Path())
	ws.ask(lang.L("Changed on disk"),
		lang.L("{{.Name}} was changed by another program since you opened it. Overwrite it with your version?", map[string]any{"Name": name}),
		askButton{lang.L("Cancel"), nil},
		askButton{lang.L("Overwrite"), func() {
			if err := ws.art.Overwrite(); err != nil {
				ws.status.problem(lang.L("Could not save {{.Name}}: {{.Err}}", map[string]any{"Name": name, "Err": err}))
			}
		}})
}
