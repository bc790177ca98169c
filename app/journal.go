package app

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"folio/app/article"
	"folio/app/library"
	"folio/editor"
)

// prefAutosaveSeconds (int) is the idle time before an autosave (see
// prefAutosave, set in Preferences).
const prefAutosaveSeconds = "editor.autosave_seconds"

// journalDelay is how long after the last keystroke the unsaved text is
// journalled, and journalMaxWait how long at most after the first edit not
// journalled yet while typing goes on (the promise is 2 s; with the form's
// pause before a field's text reaches the article, and the UI's lag on a
// loaded machine, the sum has to stay well under it: QA G13).
const (
	journalDelay   = 400 * time.Millisecond
	journalMaxWait = time.Second
)

// defaultAutosaveSeconds is the idle time before an autosave when the
// preference does not say.
const defaultAutosaveSeconds = 30

// noticeTime is how long the "Reloaded" notice stays.
const noticeTime = 4 * time.Second

// hotExit keeps the open article's unsaved text in the crash journal,
// restores it when the article is opened again after a crash, saves after
// a pause when autosave is on, and shows the notices that go with outside
// changes: the restored bar and the "Reloaded" notice.
type hotExit struct {
	ws      *workspace
	journal *library.Journal // nil when Folio has no storage
	delay   time.Duration    // journalDelay; tests shorten it
	maxWait time.Duration    // journalMaxWait
	// now and after are the clock (time.Now, time.AfterFunc's); tests
	// replace them.
	now   func() time.Time
	after func(d time.Duration, f func()) (stop func() bool)

	mu          sync.Mutex  // guards the timers
	stopJournal func() bool // the pending journal write's timer, or nil
	unwritten   time.Time   // the first edit not journalled yet; zero when none
	autosave    *time.Timer

	// The journal is written on its own goroutine, in order.
	qmu     sync.Mutex
	ops     []journalOp
	wake    chan struct{}
	stopped bool          // stop was called: operations are dropped
	done    chan struct{} // closed when run returns

	path    string // the article the listener last saw
	outside bool   // a batch of outside changes is being applied

	// others holds the journalled unsaved text of the articles that are
	// not open (see restored.go), by path; restoredOpen is set while the
	// open article's unsaved text came from the journal; announced once
	// the first article opened after the start showed the restored bar.
	others       map[string]library.Entry
	restoredOpen bool
	announced    bool
	restoring    bool      // restore is putting journalled text in
	restoredOwn  bool      // the bar shown speaks of the open article
	restoredAt   time.Time // and of its journal's time
	othersHeld   bool      // the others wait for the conflict bar to go

	restored *fyne.Container // "Restored unsaved changes from …"
	notice   *fyne.Container // "Reloaded: changed by another program"
	hideAt   time.Time
}

// journalOp is one write or removal for the journal goroutine.
type journalOp struct {
	remove bool
	entry  library.Entry
}

// journalDir is where the crash journal lives: Folio's own storage.
func journalDir(a fyne.App) string {
	if u := a.Storage().RootURI(); u != nil && u.Scheme() == "file" {
		return filepath.Join(u.Path(), "journal")
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "Folio", "journal")
}

func newHotExit(ws *workspace) *hotExit {
	h := &hotExit{ws: ws, delay: journalDelay, maxWait: journalMaxWait, now: time.Now, after: afterFunc, wake: make(chan struct{}, 1), done: make(chan struct{}),
		restored: container.NewStack(), notice: container.NewStack()}
	h.restored.Hide()
	h.notice.Hide()
	if dir := journalDir(ws.app); dir != "" {
		j, err := library.OpenJournal(dir)
		if err != nil {
			ws.status.problem(err.Error())
		} else {
			h.journal = j
		}
	}
	ws.panes.AddBar(h.restored)
	ws.panes.AddBar(h.notice)
	h.loadOthers()
	ws.list.unsaved = h.unsaved
	go h.run()
	ws.art.Listen(h.articleChanged)
	return h
}

// run writes and removes journals in the order they were asked for.
func (h *hotExit) run() {
	defer close(h.done)
	for range h.wake {
		h.flush()
	}
	h.flush() // what was queued with the last wake-up
}

// flush carries out the queued operations.
func (h *hotExit) flush() {
	h.qmu.Lock()
	ops := h.ops
	h.ops = nil
	h.qmu.Unlock()
	for _, op := range ops {
		var err error
		if op.remove {
			err = h.journal.Remove(op.entry.Path)
		} else {
			err = h.journal.Put(op.entry)
		}
		if err != nil {
			h.ws.do(func() { h.ws.status.problem(err.Error()) })
		}
	}
}

// stop stops the pending journal and autosave timers, carries out what was
// already queued and waits for the journal goroutine to end; operations
// asked for later are dropped. Tests call it before their folders go.
func (h *hotExit) stop() {
	h.mu.Lock()
	if h.stopJournal != nil {
		h.stopJournal()
	}
	if h.autosave != nil {
		h.autosave.Stop()
	}
	h.mu.Unlock()
	h.qmu.Lock()
	if h.stopped {
		h.qmu.Unlock()
		<-h.done
		return
	}
	h.stopped = true
	close(h.wake)
	h.qmu.Unlock()
	<-h.done
}

// queue hands an operation to the journal goroutine.
func (h *hotExit) queue(op journalOp) {
	if h.journal == nil {
		return
	}
	h.qmu.Lock()
	defer h.qmu.Unlock()
	if h.stopped {
		return
	}
	h.ops = append(h.ops, op)
	select {
	case h.wake <- struct{}{}:
	default:
	}
}

// afterFunc is time.AfterFunc as hotExit.after.
func afterFunc(d time.Duration, f func()) func() bool { return time.AfterFunc(d, f).Stop }

// typed runs after every edit: the journal is written after a short pause
// (h.delay), or while typing goes on at the latest h.maxWait after the
// first edit not journalled yet; with autosave on the article is saved
// after a longer pause.
func (h *hotExit) typed() {
	h.mu.Lock()
	defer h.mu.Unlock()
	now := h.now()
	if h.unwritten.IsZero() {
		h.unwritten = now
	}
	wait := min(h.delay, max(h.unwritten.Add(h.maxWait).Sub(now), 0))
	if h.stopJournal != nil {
		h.stopJournal()
	}
	h.stopJournal = h.after(wait, func() {
		h.mu.Lock()
		h.unwritten = time.Time{}
		h.mu.Unlock()
		h.ws.do(h.write)
	})
	if h.autosave != nil {
		h.autosave.Stop()
		h.autosave = nil
	}
	p := h.ws.app.Preferences()
	if p.Bool(prefAutosave) {
		secs := p.IntWithFallback(prefAutosaveSeconds, defaultAutosaveSeconds)
		h.autosave = time.AfterFunc(time.Duration(max(secs, 1))*time.Second, func() { h.ws.do(h.autosaveNow) })
	}
}

// write journals the open article's text if it is unsaved, on the UI
// goroutine (the write itself happens on the journal goroutine).
func (h *hotExit) write() {
	art := h.ws.art
	if !art.HasFile() || !art.Dirty() {
		return
	}
	h.queue(journalOp{entry: h.entryNow(art.Path())})
}

// entryNow is the open article's journal entry under path: its text, the
// base, the merge's tints and where the user was (caret, first line shown).
func (h *hotExit) entryNow(path string) library.Entry {
	art := h.ws.art
	return library.Entry{Path: path, Text: art.Text(), Base: art.Saved(), Loaded: art.Loaded(), Tints: h.tints(),
		Caret: h.ws.src.CursorOffset(), Top: h.ws.src.FirstVisibleLine()}
}

// tints is the editor's marks (a merge's tints) for the open article's
// journal.
func (h *hotExit) tints() []library.Tint {
	var out []library.Tint
	for _, m := range h.ws.src.Marks() {
		out = append(out, library.Tint{From: m.FromLine, To: m.ToLine, Kind: int(m.Kind)})
	}
	return out
}

// journalMarks is the editor's marks for journalled text: its tints, and
// the conflict blocks still in the text (a journal written before tints
// were kept has only those).
func journalMarks(e library.Entry) []editor.Mark {
	marks := make([]editor.Mark, 0, len(e.Tints))
	for _, t := range e.Tints {
		marks = append(marks, editor.Mark{FromLine: t.From, ToLine: t.To, Kind: editor.MarkKind(t.Kind)})
	}
	return withConflicts(marks, conflictMarks(e.Text))
}

// autosaveNow saves the article when autosave is on and there is
// something to save that the disk has not changed under.
func (h *hotExit) autosaveNow() {
	art := h.ws.art
	if !h.ws.app.Preferences().Bool(prefAutosave) || !art.HasFile() || !art.Dirty() || art.Conflict() != article.NoConflict || hasConflictBlock(art.Text()) {
		return
	}
	if err := art.Save(); err != nil {
		h.ws.status.problem(lang.L("Could not save {{.Name}}: {{.Err}}", map[string]any{"Name": filepath.Base(art.Path()), "Err": err}))
	}
}

// discarded removes the open article's journal: the user threw its
// unsaved text away.
func (h *hotExit) discarded() {
	if h.ws.art.HasFile() {
		h.forget(h.ws.art.Path())
		h.restoredOpen = false
	}
}

// articleChanged follows the article model: a newly opened article gets
// its journalled text back, a clean one loses its journal, a reload by an
// outside change shows a notice.
func (h *hotExit) articleChanged(w article.What) {
	art := h.ws.art
	if art.Path() != h.path {
		from := h.path
		h.path = art.Path()
		if w&article.TextReplaced == 0 && from != "" && art.HasFile() {
			// The same text under a new name (Folio's own rename): its
			// journal and the last-article preference follow it.
			h.moved(from, art.Path())
			h.track()
			return
		}
		h.restoredOpen = false
		h.hideRestored()
		h.track()
		if w&article.TextReplaced != 0 && w&article.KeepPlace == 0 && art.HasFile() {
			h.restore()
			h.ws.list.list.Refresh() // the ● of the rows left and opened
			return
		}
	}
	if w&(article.Saved|article.TextReplaced) != 0 {
		// A save (atomic: a new file) or a reload may have put another
		// file under the name: follow that one through outside renames.
		h.track()
	}
	if w&(article.StateChanged|article.Saved) != 0 && art.HasFile() && !art.Dirty() {
		h.forget(art.Path())
		h.restoredOpen = false
		if h.restored.Visible() && h.restoredOwn {
			h.showRestored(time.Time{}, false) // what waits elsewhere stays said
		}
	}
	if w&article.StateChanged != 0 {
		h.ws.list.list.Refresh() // the open row's ●
	}
	if w&article.TextReplaced != 0 && art.HasFile() && art.Dirty() && !h.restoring {
		// Text put in by Folio, not typed (a merge): journalled at once,
		// or a crash now would bring back the text from before it.
		h.write()
	}
	if w&article.TextReplaced != 0 && w&article.KeepPlace != 0 && h.outside {
		h.showNotice(lang.L("Reloaded: changed by another program"))
	}
}

// moved follows the open article from the name from to its new name to:
// its unsaved text is journalled under the new name and the old journal
// removed (F30: it stayed, a phantom "restored text" at every start), and
// the last-article preference names the new file.
func (h *hotExit) moved(from, to string) {
	art := h.ws.art
	if art.Dirty() {
		h.queue(journalOp{entry: h.entryNow(to)})
	}
	h.queue(journalOp{remove: true, entry: library.Entry{Path: from}})
	if p := h.ws.app.Preferences(); p.String(prefLastArticle) == from {
		p.SetString(prefLastArticle, to)
	}
}

// restore puts the journalled text of the article just opened, if any,
// into the editor, marked unsaved, with the restored bar; if the file
// changed on disk meanwhile, the conflict bar takes over.
func (h *hotExit) restore() {
	if h.journal == nil {
		return
	}
	art := h.ws.art
	first := !h.announced
	h.announced = true
	e, ok, err := h.entry(art.Path())
	if err != nil {
		h.ws.status.problem(err.Error())
		return
	}
	if ok && e.Text == art.Text() && e.Loaded == art.Loaded() {
		// The file holds the journalled text already (saved by another
		// Folio, or the same edit made elsewhere): nothing is unsaved.
		h.forget(art.Path())
		ok = false
	}
	if !ok {
		if first {
			h.showRestored(time.Time{}, false) // the others, if any
		}
		return
	}
	delete(h.others, art.Path()) // open now: the editor holds it
	base := e.Base
	if base == "" && e.Loaded == art.Loaded() {
		base = art.Saved()
	}
	h.restoring = true // the journal has this text already
	art.Restore(e.Text, base, e.Loaded)
	h.restoring = false
	h.restoredOpen = art.Dirty()
	h.ws.src.SetMarks(journalMarks(e)) // a merge's tints and unsettled conflicts
	if e.Caret > 0 || e.Top > 0 {
		// Where the user was typing (F5: it opened at the top).
		h.ws.src.SetCursorOffset(min(e.Caret, len(e.Text)))
		h.ws.src.ScrollToLine(e.Top)
	}
	if art.Conflict() == article.NoConflict {
		h.showRestored(e.Time, true)
	} else {
		// One bar: the conflict's choices, saying where the text came
		// from; what waits elsewhere once the conflict is settled.
		h.ws.conflict.setRestored(e.Time)
		h.showRestored(time.Time{}, false)
	}
}

// holdOthers hides what the restored bar says about other articles while
// the merged bar asks the user to settle the open article's merge (one
// bar at a time); conflictSettled brings it back.
func (h *hotExit) holdOthers() {
	if h.restored.Visible() && !h.restoredOwn {
		h.hideRestored()
		h.othersHeld = true
	}
}

// conflictSettled shows what waits in other articles, held back while
// the open article's conflict bar (or merged bar) asked for a decision.
func (h *hotExit) conflictSettled() {
	if h.othersHeld {
		h.othersHeld = false
		h.showRestored(time.Time{}, false)
	}
}

// startArticle is the article to open first in the folder root: the most
// recently journalled one there (its unsaved text comes back), else first.
func (h *hotExit) startArticle(first string) string {
	if h.journal == nil {
		return first
	}
	es, _ := h.journal.List()
	var best library.Entry
	prefix := strings.TrimSuffix(h.ws.root, string(filepath.Separator)) + string(filepath.Separator)
	for _, e := range es {
		if !strings.HasPrefix(e.Path, prefix) || e.Time.Before(best.Time) {
			continue
		}
		if info, err := os.Stat(e.Path); err == nil && info.Mode().IsRegular() {
			best = e
		}
	}
	if best.Path != "" {
		return best.Path
	}
	return first
}

// when formats a journal's time: the time of day today, else the date too.
func when(t time.Time) string {
	t = t.Local()
	if y, m, d := time.Now().Date(); t.Year() == y && t.Month() == m && t.Day() == d {
		return t.Format("15:04")
	}
	return t.Format("2006-01-02 15:04")
}

// showRestored shows the bar "Restored unsaved changes from <time> — Keep /
// Discard / Compare" (Compare: the restored text against the file) when
// own is set, and under it what waits in other articles (see othersBox).
// With nothing to say it hides the bar.
func (h *hotExit) showRestored(at time.Time, own bool) {
	ws := h.ws
	box := container.NewVBox()
	if own {
		label := wrapLabel(lang.L("Restored unsaved changes from {{.Time}}", map[string]any{"Time": when(at)}))
		keep := widget.NewButton(lang.L("Keep"), ws.thenEditor(h.hideRestored))
		keep.Importance = widget.HighImportance
		discard := widget.NewButton(lang.L("Discard"), ws.thenEditor(func() {
			h.discarded()
			h.hideRestored()
			ws.reload()
		}))
		compare := widget.NewButton(lang.L("Compare"), ws.compareDisk)
		// The message on its own line: beside three buttons in a narrow
		// editor pane it would wrap word by word.
		box.Add(label)
		buttons := container.NewHBox(layout.NewSpacer(), compare, discard, keep)
		if ws.conflict.unsettled() {
			// a merge restored with its conflict blocks: walk them from
			// here, as from the merged bar before the crash
			next := widget.NewButton(lang.L("Next conflict"), ws.conflict.nextConflict)
			buttons.Objects = append([]fyne.CanvasObject{layout.NewSpacer(), next}, buttons.Objects[1:]...)
		}
		box.Add(buttons)
	}
	h.othersHeld = false
	if !own && ws.art.Conflict() != article.NoConflict {
		// The conflict bar asks for a decision (and says the text was
		// restored): one bar at a time; the others wait for it.
		inside, strays := h.waiting()
		h.othersHeld = len(inside)+len(strays) > 0
	} else if o := h.othersBox(); o != nil {
		box.Add(o)
	}
	if len(box.Objects) == 0 {
		h.hideRestored()
		return
	}
	h.restoredOwn, h.restoredAt = own, at
	h.restored.Objects = []fyne.CanvasObject{box}
	h.restored.Show()
	h.restored.Refresh()
}

// refreshBar redraws a shown restored bar (after a stray was handled).
func (h *hotExit) refreshBar() {
	if h.restored.Visible() {
		h.showRestored(h.restoredAt, h.restoredOwn)
	}
}

func (h *hotExit) hideRestored() {
	if h.restored.Visible() {
		h.restored.Objects = nil
		h.restored.Hide()
		h.restored.Refresh()
	}
}

// showNotice shows a passing notice above the editor for noticeTime.
func (h *hotExit) showNotice(msg string) {
	if l, ok := h.noticeLabel(); !ok || l.Text != msg || !h.notice.Visible() { // the same notice again stays as it is
		label := widget.NewLabel(msg)
		label.Importance = widget.SuccessImportance
		h.notice.Objects = []fyne.CanvasObject{label}
		h.notice.Show()
		h.notice.Refresh()
	}
	h.hideAt = time.Now().Add(noticeTime)
	time.AfterFunc(noticeTime, func() {
		h.ws.do(func() {
			if !time.Now().Before(h.hideAt) {
				h.notice.Objects = nil
				h.notice.Hide()
				h.notice.Refresh()
				h.ws.panes.barsChanged()
			}
		})
	})
}

// noticeLabel is the label of the notice shown, if any.
func (h *hotExit) noticeLabel() (*widget.Label, bool) {
	if len(h.notice.Objects) != 1 {
		return nil, false
	}
	l, ok := h.notice.Objects[0].(*widget.Label)
	return l, ok
}

// outsideBatch applies a batch of outside changes to the open article:
// a rename of it by another program is followed first (the text keeps its
// new name; its journal moves along), then the other changes.
func (h *hotExit) outsideBatch(batch []library.Change, apply func(library.Change)) {
	art := h.ws.art
	for _, c := range batch {
		if c.From != "" && c.From == art.Path() && !c.Removed {
			art.Renamed(c.Path) // moved: the journal follows
			h.ws.status.say(lang.L("Renamed by another program to {{.Name}}", map[string]any{"Name": h.movedName(c.From, c.Path)}))
		}
		if e, ok := h.others[c.From]; ok && c.From != "" && !c.Removed {
			// A restored article not open was renamed: its text follows.
			e.Path = c.Path
			delete(h.others, c.From)
			h.others[c.Path] = e
			h.queue(journalOp{entry: e})
			h.queue(journalOp{remove: true, entry: library.Entry{Path: c.From}})
		}
	}
	h.outside = true
	defer func() { h.outside = false }()
	for _, c := range batch {
		apply(c)
	}
	for _, c := range batch {
		if c.Path == art.Path() && !c.Removed {
			// Rewritten by another program, maybe through a temporary
			// file and a rename: the open article is now that file.
			h.track()
			break
		}
	}
}

// movedName is how the status bar names where another program moved the
// open article from from: its new name when it stayed in its folder,
// else its path in the opened folder (QA G10: a page bundle's index.md
// moved to another folder was "renamed to index.md"), or the whole path
// outside it.
func (h *hotExit) movedName(from, to string) string {
	if filepath.Dir(from) == filepath.Dir(to) {
		return filepath.Base(to)
	}
	if rel, err := filepath.Rel(h.ws.root, to); err == nil && filepath.IsLocal(rel) {
		return rel
	}
	return to
}

// track asks the watcher to follow the open article's file as it is now
// on disk through renames by other programs.
func (h *hotExit) track() {
	if h.ws.watcher != nil && h.ws.art.HasFile() {
		h.ws.watcher.TrackSum(h.ws.art.Path(), h.ws.art.Loaded())
	}
}
