package app

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"folio/app/article"
	"folio/app/library"
	"folio/editor"
	"folio/editor/document"
	"folio/preview"
)

// workspace is one window's worth of Folio: one folder (its Index), the
// open article (its model) and the views that render them. The views live
// one per file: list.go, conflict.go, status.go, menus.go, dialogs.go,
// layout.go; live.go follows the folder.
type workspace struct {
	app   fyne.App
	win   fyne.Window
	root  string
	jump  linkJump  // a heading a link asked for in the article being opened
	sites siteCache // the open article's site (articlesite.go)

	index   *library.Index
	art     *article.Article
	watcher *library.Watcher

	src      *editor.Source
	prev     *preview.Preview
	list     *articleList
	status   *statusBar
	conflict *conflictBar
	panes    *panes
	menu     *menus
	hot      *hotExit // crash journal, autosave, restore and reload notices
	form     *formPane
	find     *editor.FindBar
	outline  *editor.Outline
	search   *searchPane

	// showing are the dialogs open now, by title (see showOnce).
	showing map[string]dialog.Dialog
	// escape answers the question asked last (see ask) when Escape is
	// pressed, or is nil.
	escape func()
	// allowedLinks are the articles leading out of the folder that the
	// user chose to open, with the target confirmed (see mayOpen).
	allowedLinks map[string]string

	stats document.TextStats

	debounce *time.Timer
	pace     typingPace // how long the debounce waits (app/pace.go)
	mu       sync.Mutex // guards debounce and pace
	delay    time.Duration

	// indexWait is how long an outside change to the open article waits
	// for the Index, to be shown in one frame with the list (applyBatch);
	// prepare builds the list's catalog (tests slow it down).
	indexWait time.Duration
	prepare   func(*library.Index) preparedCatalog

	// do runs a function on the UI goroutine: fyne.Do, or a queue in tests
	// (Fyne's test driver runs fyne.Do's function on the calling goroutine).
	// It is the one way work reaches the UI from another goroutine.
	do func(func())
	// built is closed once build made the panes (see newWorkspaceCore).
	built chan struct{}
	// leave closes the window (quit: ends Folio) once the user agreed;
	// tests replace it.
	leave func(quit bool)
}

// typingPause is how long typing must pause before the text is parsed and
// the preview, outline and form follow it: the one debounce between a
// keystroke and the preview (the preview itself does not wait again). A
// reload from disk is parsed and shown at once.
const typingPause = 100 * time.Millisecond

// indexWait is how long the reload of the open article after an outside
// change waits for the Index to take the change (see applyBatch): a small
// folder's is ready well within it, a large one's is shown a frame later.
const indexWait = 10 * time.Millisecond

func newWorkspace(a fyne.App, w fyne.Window, root string) *workspace {
	ws := newWorkspaceCore(a, w, root)
	ws.build()
	return ws
}

// newWorkspaceCore is the part of a workspace a folder's load needs (the
// app, the Index, the hand-over to the UI goroutine): Run starts the load
// (startFollow) before build makes the panes, so that the folder is read
// while the window is built. build must follow.
func newWorkspaceCore(a fyne.App, w fyne.Window, root string) *workspace {
	ws := &workspace{app: a, win: w, root: root, delay: typingPause, indexWait: indexWait, do: fyne.Do}
	ws.index = library.NewIndex(root)
	ws.built = make(chan struct{})
	return ws
}

// build makes the workspace's panes; a load started before waits for it
// before it touches them off the UI goroutine (see waitBuilt).
func (ws *workspace) build() {
	defer close(ws.built)
	a, w := ws.app, ws.win
	ws.art = article.New()
	ws.src = editor.NewSource()
	ws.src.SetReadOnly(true) // until an article is open: typing there could never be saved
	ws.prev = preview.New()
	ws.prev.SetDebounce(0) // the one debounce of typing is edited's; a reload shows at once
	ws.status = newStatusBar()
	ws.conflict = newConflictBar(ws)
	ws.chainPasteUndo() // after the conflict bar's handler (images.go)
	ws.list = newArticleList(ws.index, a.Preferences(), ws.open)
	ws.prepare = ws.list.prepare // the catalog updated, not rebuilt
	ws.find = editor.NewFindBar(ws.src)
	ws.outline = ws.newOutline()
	ws.search = newSearchPane(ws)

	ws.art.Listen(ws.articleChanged)
	ws.src.OnChanged = ws.edited
	ws.src.OnCursorMoved = func(line, col int) {
		ws.showStatus(line, col)
		ws.outline.Follow(line)
	}
	ws.src.OnPasteImage = ws.pastedImage
	ws.src.OnScrolled = func(first int) { ws.prev.ScrollToSourceLine(first + 1) }
	ws.prev.OnOpenArticleAt = ws.openLinked
	ws.prev.OnInertLink = ws.inertLink
	ws.prev.OnError = func(err error) { ws.status.problem(filepath.Base(ws.art.Path()) + ": " + err.Error()) } // harden: a preview defect is shown, not fatal
	ws.prev.OnToggleTask = ws.toggleTask
	ws.setSiteRoot()
	ws.panes = newPanes(ws)
	ws.hot = newHotExit(ws)
	ws.form = newFormPane(ws)
	ws.leave = func(quit bool) {
		if quit {
			a.Quit()
			return
		}
		w.Close()
	}
}

// waitBuilt waits until build made the panes (at once when the workspace
// was made by newWorkspace).
func (ws *workspace) waitBuilt() {
	if ws.built != nil {
		<-ws.built
	}
}

// articleChanged renders the article model after each transition.
func (ws *workspace) articleChanged(w article.What) {
	if w&article.TextReplaced != 0 {
		if w&article.KeepPlace != 0 {
			// The caret and the first line shown stay with the text
			// around them (keepPlace), not at the same byte offset.
			old, text := ws.src.Text(), ws.art.Text()
			cursor, top := ws.src.CursorOffset(), ws.src.FirstVisibleLine()
			topAt := keepPlace(old, text, lineStart(old, top))
			ws.src.SetText(text)
			ws.src.SetCursorOffset(keepPlace(old, text, cursor))
			ws.src.ScrollToLine(lineOf(text, topAt))
		} else {
			ws.src.SetText(ws.art.Text())
			ws.src.SetCursorOffset(bodyOffset(ws.art.Doc()))
			// Another article: its preview starts at its top, not at
			// the offset the last one was scrolled to.
			ws.prev.ScrollToSourceLine(0) // before any line: the very top
		}
		ws.src.SetReadOnly(!ws.art.HasFile())
	}
	if w&article.Parsed != 0 {
		ws.parsed(w&article.TextReplaced != 0)
	}
	if w&article.StateChanged != 0 {
		ws.conflict.update()
		ws.updateTitle()
		ws.form.stateChanged()
	}
	if w&article.Saved != 0 {
		ws.index.Put(ws.art.Path(), []byte(ws.art.Text()))
		ws.refreshList()
		ws.status.say(lang.L("Saved {{.Name}}", map[string]any{"Name": filepath.Base(ws.art.Path())}))
	}
}

// toggleTask applies a task box clicked in the preview: its offsets are in
// the body of the last parse, which the editor's text must still hold at
// that place (else the click is stale and ignored). One undo step.
func (ws *workspace) toggleTask(e preview.TaskEdit) {
	doc := ws.art.Doc()
	start := len(doc.Bytes()) - len(doc.Body()) + e.Start
	end := start + (e.End - e.Start)
	text := ws.src.Text()
	if ws.src.ReadOnly() || start < 0 || end > len(text) || end < start || text[start:end] != e.Old {
		return
	}
	ws.src.ReplaceRange(editor.Range{Start: start, End: end}, e.New)
	ws.edited() // ReplaceRange does not call OnChanged
}

// setSiteRoot tells the preview where a leading "/" in links and images
// points: the site root found from the opened folder, else the folder.
func (ws *workspace) setSiteRoot() {
	root := ws.root
	if site, err := library.FindSite(ws.root, ""); err == nil && site != nil {
		root = site.Root
	}
	ws.prev.SetSiteRoot(root)
}

// bodyOffset is the byte offset where an article's body starts: the caret
// goes there when it is opened.
func bodyOffset(doc *document.Document) int {
	start := len(doc.Bytes()) - len(doc.Body())
	// Skip the blank lines between the front matter and the text: the
	// caret goes to the first line of writing. A body with nothing but
	// blank lines keeps the caret at its start.
	body := doc.Body()
	for i := 0; i < len(body); {
		end := bytes.IndexByte(body[i:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += i
		}
		if len(bytes.TrimSpace(body[i:end])) > 0 {
			return start + i
		}
		i = end + 1
	}
	return start
}

// open loads an article into the editor, asking first if the open one has
// unsaved changes.
func (ws *workspace) open(abs string) {
	if abs == ws.art.Path() {
		return
	}
	if ws.hot.park() { // restored unsaved text stays in the journal, ● in the list
		ws.load(abs)
		return
	}
	ws.confirmLeave(func() { ws.load(abs) }, ws.list.selectCurrent)
}

// load opens abs at once (unsaved changes are discarded) and puts the
// keyboard focus in the editor.
func (ws *workspace) load(abs string) {
	if !ws.mayOpen(abs, func() { ws.load(abs) }) {
		return
	}
	if err := ws.art.Load(abs); err != nil {
		ws.status.problem(lang.L("Could not open {{.Name}}: {{.Err}}", map[string]any{"Name": filepath.Base(abs), "Err": err}))
		ws.list.selectCurrent()
		return
	}
	ws.showStatus(ws.src.CursorLine(), ws.src.CursorColumn())
	ws.list.selectCurrent()
	if c := ws.win.Canvas(); c != nil && c.Content() != nil {
		c.Focus(ws.src)
	}
	ws.landOnAnchor() // a link's #heading (linkjump.go)
}

// reload reads the open article again, discarding unsaved changes (the
// menu asks first). If that fails the editor keeps its text, unsaved.
func (ws *workspace) reload() {
	if err := ws.art.Reload(); err != nil && !errors.Is(err, article.ErrNoArticle) {
		ws.status.problem(lang.L("Could not open {{.Name}}: {{.Err}}", map[string]any{"Name": filepath.Base(ws.art.Path()), "Err": err}))
	}
}

// edited runs on every user edit: the model tracks dirty at once, and the
// text is parsed after a pause in typing, the one pause before the preview
// shows it: ws.delay after a rest, longer inside a burst of typing
// (typingPace, app/pace.go).
func (ws *workspace) edited() {
	ws.art.EditFunc(ws.src.Len(), ws.src.Text)
	ws.hot.typed()
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if ws.debounce != nil {
		ws.debounce.Stop()
	}
	pause := ws.pace.pause(time.Now(), ws.delay)
	ws.debounce = time.AfterFunc(pause, func() { ws.do(func() { ws.art.Parse() }) })
}

// parsed shows a new parse of the article: the problem line, the preview
// and the counts. A text replaced (opened, reloaded from disk) is shown in
// the preview in the same frame when it is small (ShowNow); typing's parse
// goes to the preview's worker.
func (ws *workspace) parsed(replaced bool) {
	doc, err := ws.art.Doc(), ws.art.ParseErr()
	name := filepath.Base(ws.art.Path())
	defer func() { // harden: a defect showing one article must not close the window and lose its text
		if r := recover(); r != nil {
			ws.status.problem(fmt.Sprintf("%s: internal error: %v", name, r))
		}
	}()
	if pe, ok := errors.AsType[*document.ParseError](err); ok {
		ws.status.problem(fmt.Sprintf("%s:%d: %s", name, pe.Line, pe.Msg))
	} else if err != nil {
		ws.status.problem(fmt.Sprintf("%s: %v", name, err))
	} else {
		ws.status.problem("")
	}
	dir := ""
	if ws.art.HasFile() {
		dir = filepath.Dir(ws.art.Path())
	}
	show := ws.prev.Update
	if replaced {
		show = ws.prev.ShowNow
	}
	show(doc.Body(), preview.MetaFromDocument(doc), dir, doc.BodyLine())
	ws.stats = document.CountText(doc.Body())
	ws.showStatus(ws.src.CursorLine(), ws.src.CursorColumn())
	ws.updateTitle()
	ws.form.parsed()
	ws.outlineParsed()
	ws.find.Update() // the matches of an open find bar follow the text
}

func (ws *workspace) showStatus(line, col int) { ws.status.show(ws.stats, line, col) }

func (ws *workspace) updateTitle() {
	ws.win.SetTitle(windowTitle(ws.art.Dirty(), ws.articleSite().Expand(ws.art.Title()), ws.art.Path(), ws.root))
}

// save writes the article; when the file changed on disk since it was
// loaded, it asks whether to overwrite. It reports whether the text is now
// on disk.
func (ws *workspace) save() bool {
	err := ws.art.Save()
	switch {
	case err == nil:
		return true
	case errors.Is(err, article.ErrNoArticle):
		ws.status.problem(lang.L("No article is open"))
	case errors.Is(err, library.ErrChangedOnDisk):
		ws.confirmOverwrite()
	default:
		ws.status.problem(lang.L("Could not save {{.Name}}: {{.Err}}", map[string]any{"Name": filepath.Base(ws.art.Path()), "Err": err}))
	}
	return false
}
