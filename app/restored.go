package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"folio/app/article"
	"folio/app/library"
	"folio/editor"
	"folio/editor/merge"
)

// This file is the crash journal's view of the articles that are not open:
// after a crash every journalled article comes back, but Folio has one open
// article at a time. The most recent one opens in the editor; the others
// keep their text in the journal (and in others, here), show ● in the list,
// are counted in the restored bar with a way to go to the next one or save
// them all, and come back into the editor when opened. Journals of files
// outside the opened folder or deleted meanwhile are offered for recovery.

// loadOthers reads every journal into others (at start).
func (h *hotExit) loadOthers() {
	h.others = map[string]library.Entry{}
	if h.journal == nil {
		return
	}
	es, err := h.journal.List()
	if err != nil {
		h.ws.status.problem(err.Error())
	}
	for _, e := range es {
		h.others[e.Path] = e
	}
}

// unsaved reports whether the article at abs has unsaved text: the open
// one when dirty, another when its restored text waits in the journal.
// The list draws ● on such rows.
func (h *hotExit) unsaved(abs string) bool {
	if art := h.ws.art; art.HasFile() && abs == art.Path() {
		return art.Dirty()
	}
	_, ok := h.others[abs]
	return ok
}

// inFolder reports whether path is an article of the opened folder that
// exists: its restored text can be opened from the list.
func (h *hotExit) inFolder(path string) bool {
	if !library.Within(path, h.ws.root) {
		return false
	}
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}

// waiting returns the paths of the restored articles of the folder that
// are not open, sorted, and of the journals whose file is outside the
// folder or gone (strays).
func (h *hotExit) waiting() (inside, strays []string) {
	for p := range h.others {
		if p == h.ws.art.Path() {
			continue
		}
		if h.inFolder(p) {
			inside = append(inside, p)
		} else {
			strays = append(strays, p)
		}
	}
	sort.Strings(inside)
	sort.Strings(strays)
	return inside, strays
}

// confirmOthers runs next (Quit) once the user knows about the other
// restored articles that stay unsaved: none, next at once; else a question
// naming how many (their text stays in the journal and comes back at the
// next start), with Save All Restored (F37: Quit asked about the open
// article only).
func (h *hotExit) confirmOthers(next func()) {
	inside, _ := h.waiting()
	if len(inside) == 0 {
		next()
		return
	}
	msg := lang.L("1 other restored article stays unsaved: its text is kept and comes back at the next start.")
	if n := len(inside); n > 1 {
		msg = lang.L("{{.Count}} other restored articles stay unsaved: their text is kept and comes back at the next start.", map[string]any{"Count": n})
	}
	h.ws.ask(lang.L("Unsaved restored articles"), msg,
		askButton{lang.L("Cancel"), func() {}},
		askButton{lang.L("Quit"), next},
		askButton{lang.L("Save All Restored"), func() {
			h.saveAllRestored()
			if inside, _ := h.waiting(); len(inside) == 0 {
				next()
			}
		}})
}

// park keeps the open article's restored unsaved text in the journal when
// the user goes to another article, and reports whether it did: then the
// article may be left without asking, and its row keeps its ●. Only text
// restored from the journal is parked; other unsaved text is asked about.
func (h *hotExit) park() bool {
	art := h.ws.art
	if h.journal == nil || !h.restoredOpen || !art.HasFile() || !art.Dirty() {
		return false
	}
	e := h.entryNow(art.Path())
	e.Time = time.Now()
	h.others[e.Path] = e
	h.queue(journalOp{entry: e})
	return true
}

// forget drops path's restored text (saved or discarded) and its journal.
func (h *hotExit) forget(path string) {
	delete(h.others, path)
	h.queue(journalOp{remove: true, entry: library.Entry{Path: path}})
}

// entry returns the journalled text of path: the copy kept here when the
// user left it this session, else the journal's.
func (h *hotExit) entry(path string) (library.Entry, bool, error) {
	if e, ok := h.others[path]; ok {
		return e, true, nil
	}
	if h.journal == nil {
		return library.Entry{}, false, nil
	}
	return h.journal.Get(path)
}

// nextRestored opens the restored article after the open one (by path,
// around to the first).
func (h *hotExit) nextRestored() {
	inside, _ := h.waiting()
	if len(inside) == 0 {
		return
	}
	cur := h.ws.art.Path()
	next := inside[0]
	for _, p := range inside {
		if p > cur {
			next = p
			break
		}
	}
	h.ws.open(next)
}

// saveAllRestored saves every restored article of the folder through
// library.Save with the same check as Save: an article whose file changed
// on disk since it was journalled is not written but opened, so its
// conflict bar offers compare and merge; one whose text still holds a
// merge's conflict blocks is not written either (the user settles them
// first). The open article is saved as Ctrl+S does.
func (h *hotExit) saveAllRestored() {
	ws := h.ws
	saved := 0
	var changed []string
	if art := ws.art; h.restoredOpen && art.Dirty() {
		switch {
		case art.Conflict() != article.NoConflict || hasConflictBlock(art.Text()):
			changed = append(changed, art.Path())
		case ws.save():
			saved++
		}
	}
	inside, _ := h.waiting()
	for _, p := range inside {
		e := h.others[p]
		if hasConflictBlock(e.Text) {
			changed = append(changed, p)
			continue
		}
		data := []byte(e.Text)
		if ws.watcher != nil {
			ws.watcher.Expect(p, data)
		}
		err := library.Save(p, data, e.Loaded)
		switch {
		case errors.Is(err, library.ErrChangedOnDisk):
			changed = append(changed, p)
			continue
		case err != nil:
			ws.status.problem(lang.L("Could not save {{.Name}}: {{.Err}}", map[string]any{"Name": filepath.Base(p), "Err": err}))
			continue
		}
		h.forget(p)
		ws.index.Put(p, data)
		saved++
	}
	ws.refreshList()
	h.hideRestored()
	done := lang.L("Saved 1 restored article")
	if saved != 1 {
		done = lang.L("Saved {{.Count}} restored articles", map[string]any{"Count": saved})
	}
	if len(changed) == 0 {
		ws.status.say(done)
		return
	}
	waiting := lang.L("1 needs you first (changed on disk meanwhile, or unsettled conflicts) and was not saved")
	if n := len(changed); n > 1 {
		waiting = lang.L("{{.Changed}} need you first (changed on disk meanwhile, or unsettled conflicts) and were not saved", map[string]any{"Changed": n})
	}
	if changed[0] != ws.art.Path() {
		ws.open(changed[0]) // its conflict bar (compare, merge, keep mine) or its marked conflicts
	}
	// After the open, whose parse clears the status's problem.
	ws.status.problem(lang.L("{{.Done}}; {{.Waiting}}", map[string]any{"Done": done, "Waiting": waiting}))
}

// othersBox is the part of the restored bar about the articles that are
// not open: how many restored articles wait (● in the list) with Next and
// Save All Restored, and the journals of files outside the folder or
// deleted, with Recover. nil when there are none.
func (h *hotExit) othersBox() fyne.CanvasObject {
	inside, strays := h.waiting()
	if len(inside) == 0 && len(strays) == 0 {
		return nil
	}
	box := container.NewVBox()
	if n := len(inside); n > 0 {
		var msg string
		if n == 1 {
			msg = lang.L("1 other article has restored unsaved changes (● in the list)")
		} else {
			msg = lang.L("{{.Count}} other articles have restored unsaved changes (● in the list)", map[string]any{"Count": n})
		}
		label := wrapLabel(msg)
		next := widget.NewButton(lang.L("Next restored"), h.ws.thenEditor(h.nextRestored))
		all := widget.NewButton(lang.L("Save All Restored"), h.ws.thenEditor(h.saveAllRestored))
		box.Add(label)
		box.Add(container.NewHBox(layout.NewSpacer(), all, next))
	}
	if n := len(strays); n > 0 {
		msg := lang.L("1 restored text belongs to a file outside this folder or deleted")
		if n > 1 {
			msg = lang.L("{{.Count}} restored texts belong to files outside this folder or deleted", map[string]any{"Count": n})
		}
		label := wrapLabel(msg)
		box.Add(label)
		box.Add(container.NewHBox(layout.NewSpacer(), widget.NewButton(lang.L("Recover…"), h.showStrays)))
	}
	return box
}

// showStrays lists the journals of files outside the folder or deleted:
// one outside the folder can be opened (its folder is opened), one whose
// file is gone can be saved into the opened folder, or discarded.
func (h *hotExit) showStrays() {
	ws := h.ws
	_, strays := h.waiting()
	rows := container.NewVBox()
	var d dialog.Dialog
	for _, p := range strays {
		e := h.others[p]
		info, err := os.Stat(p)
		exists := err == nil && info.Mode().IsRegular()
		state := lang.L("deleted")
		if exists {
			state = lang.L("outside this folder")
		}
		label := widget.NewLabel(fmt.Sprintf("%s (%s, %s)", p, state, when(e.Time)))
		label.Wrapping = fyne.TextWrapBreak
		buttons := container.NewHBox(layout.NewSpacer())
		buttons.Add(widget.NewButton(lang.L("Discard"), func() {
			h.forget(p)
			d.Hide()
			h.refreshBar()
		}))
		buttons.Add(widget.NewButton(lang.L("Compare"), func() { h.showStrayText(e) }))
		if exists {
			buttons.Add(widget.NewButton(lang.L("Open its folder"), func() {
				d.Hide()
				h.openStray(p)
			}))
		} else {
			save := lang.L("Save into this folder")
			if h.recoverDir(p) != h.ws.root {
				save = lang.L("Restore to its place")
			}
			buttons.Add(widget.NewButton(save, func() {
				d.Hide()
				if to, err := h.recover(p); err != nil {
					ws.status.problem(lang.L("Could not save {{.Name}}: {{.Err}}", map[string]any{"Name": filepath.Base(p), "Err": err}))
				} else {
					ws.refreshList()
					ws.open(to)
				}
				h.refreshBar()
			}))
		}
		rows.Add(container.NewVBox(label, buttons))
	}
	d = dialog.NewCustom(lang.L("Restored texts of other files"), lang.L("Close"), container.NewVScroll(rows), ws.win)
	d.Resize(fyne.NewSize(760, 420))
	d.Show()
}

// openStray opens the folder of path (a journalled file outside the
// opened folder) with path open, its text restored. Restored text of the
// open article stays journalled; other unsaved text is asked about.
func (h *hotExit) openStray(path string) {
	ws := h.ws
	if h.park() {
		ws.switchFolder(filepath.Dir(path), path)
		return
	}
	ws.confirmLeave(func() { ws.switchFolder(filepath.Dir(path), path) }, nil)
}

// showStrayText shows a stray journal's text against the file's text as
// it was loaded (all of it added when the journal kept no base), so the
// user sees what a Discard or a Save would keep before choosing.
func (h *hotExit) showStrayText(e library.Entry) {
	ws := h.ws
	dv := buildDiff(merge.Diff(e.Base, e.Text))
	view := editor.NewSource()
	view.SetReadOnly(true)
	view.SetMonospace(true)
	view.SetText(dv.text)
	view.SetMarks(dv.lines)
	view.SetSpanMarks(dv.spans)
	title := lang.L("Compare {{.Name}}: as loaded (−) and restored (+)", map[string]any{"Name": filepath.Base(e.Path)})
	d := dialog.NewCustom(title, lang.L("Close"), view, ws.win)
	d.Resize(fyne.NewSize(900, 640))
	view.OnOtherKey = func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			d.Hide()
		}
	}
	d.Show()
}

// recoverDir is where recover writes a deleted file's text: its own
// folder when that still exists inside the opened folder (F24: it went to
// the root, outside a Hugo site's content/), else the opened folder.
func (h *hotExit) recoverDir(path string) string {
	dir := filepath.Dir(path)
	root := strings.TrimSuffix(h.ws.root, string(filepath.Separator))
	if dir != root && !strings.HasPrefix(dir, root+string(filepath.Separator)) {
		return h.ws.root
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return h.ws.root
	}
	return dir
}

// recover saves the journalled text of path (whose file is gone) as a new
// file in its own folder (see recoverDir), under the same name or, when
// that is taken, with "-recovered" (and a number) added; the journal goes.
// It returns the new file's path.
func (h *hotExit) recover(path string) (string, error) {
	e, ok := h.others[path]
	if !ok {
		return "", fmt.Errorf("recover %s: no restored text", filepath.Base(path))
	}
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(filepath.Base(path), ext)
	dir := h.recoverDir(path)
	for i := 0; i < 100; i++ {
		name := stem + ext
		switch {
		case i == 1:
			name = stem + "-recovered" + ext
		case i > 1:
			name = fmt.Sprintf("%s-recovered-%d%s", stem, i, ext)
		}
		to := filepath.Join(dir, name)
		// The zero Sum: Save creates the file and refuses one that exists.
		err := library.Save(to, []byte(e.Text), library.Sum{})
		if errors.Is(err, library.ErrChangedOnDisk) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("recover %s: %w", filepath.Base(path), err)
		}
		h.forget(path)
		h.ws.index.Put(to, []byte(e.Text))
		return to, nil
	}
	return "", fmt.Errorf("recover %s: no free name in %s", filepath.Base(path), dir)
}
