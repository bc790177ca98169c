package app

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"folio/app/article"
	"folio/app/library"
)

func TestOutsideChangeReloadsACleanArticle(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	changed := strings.Replace(articleText, "第一段。", "第一段，改过了。", 1)
	write(t, path, changed)
	ws.external([]library.Change{{Path: path}})
	if ws.src.Text() != changed || ws.art.Dirty() {
		t.Fatalf("editor = %q dirty=%v, want the disk's text, clean", ws.src.Text(), ws.art.Dirty())
	}
	if ws.conflict.Visible() {
		t.Error("no conflict bar for a clean reload")
	}
}

// QA: after an outside write the caret kept its byte offset, so a title
// grown by two Chinese characters moved it six bytes back into other
// words. It stays with its text, and the first line shown with its own.
func TestOutsideChangeKeepsTheCaretWithItsText(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	ws.src.SetCursorOffset(strings.Index(articleText, "段。"))
	changed := strings.Replace(articleText, "旧标题", "旧的长标题", 1)
	write(t, path, changed)
	ws.external([]library.Change{{Path: path}})
	if ws.src.Text() != changed {
		t.Fatalf("editor = %q, want the disk's text", ws.src.Text())
	}
	if at := ws.src.Text()[ws.src.CursorOffset():]; !strings.HasPrefix(at, "段。") {
		t.Errorf("caret before %q, want before 段。", at)
	}
}

func TestOutsideChangeNeverReplacesUnsavedWork(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	test.Type(ws.src, "我的修改")
	mine := ws.src.Text()
	write(t, path, "别人的版本\n")
	ws.external([]library.Change{{Path: path}})
	if ws.src.Text() != mine || !ws.art.Dirty() {
		t.Fatal("an outside change replaced unsaved work")
	}
	if !ws.conflict.Visible() {
		t.Fatal("no conflict bar")
	}
	// Saving now must ask before overwriting the outside version.
	if ws.save() {
		t.Fatal("save went through over the outside change without asking")
	}
	if got, _ := os.ReadFile(path); string(got) != "别人的版本\n" {
		t.Errorf("disk = %q", got)
	}
}

func TestOutsideDeleteKeepsTheTextAsUnsaved(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	ws.external([]library.Change{{Path: path, Removed: true}})
	if ws.src.Text() != articleText || !ws.art.Dirty() || !ws.conflict.Visible() {
		t.Fatalf("after delete: text kept=%v dirty=%v bar=%v", ws.src.Text() == articleText, ws.art.Dirty(), ws.conflict.Visible())
	}
	if !ws.save() {
		t.Fatal("saving a deleted articleText should create it again")
	}
	if got, _ := os.ReadFile(path); string(got) != articleText {
		t.Errorf("recreated file = %q", got)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestConflictBarDoesNotFollowToAnotherArticle(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")
	ws.load(a)
	test.Type(ws.src, "改动")
	write(t, a, "outside\n")
	ws.external([]library.Change{{Path: a}})
	if !ws.conflict.Visible() {
		t.Fatal("no conflict bar")
	}
	ws.load(b) // as after "Discard" in the unsaved-changes dialog
	if ws.conflict.Visible() {
		t.Fatal("the bar for a.md is still shown over b.md")
	}
	test.Type(ws.src, "B 的修改")
	if !strings.Contains(ws.src.Text(), "B 的修改") || !ws.art.Dirty() {
		t.Fatal("b.md's edit is gone")
	}
}

func TestReloadOfADeletedArticleKeepsTheText(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	a := filepath.Join(dir, "a.md")
	ws.load(a)
	if err := os.Remove(a); err != nil {
		t.Fatal(err)
	}
	ws.reload()
	if ws.art.Path() != a || ws.src.Text() != articleText || !ws.art.Dirty() {
		t.Fatalf("after a failed reload: file %q dirty %v text kept %v", ws.art.Path(), ws.art.Dirty(), ws.src.Text() == articleText)
	}
	if ws.status.problemText() == "" {
		t.Error("the failure was not shown")
	}
}

func TestArticleInAFolderMovedAwayIsKeptAsUnsaved(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	sub := filepath.Join(dir, "posts")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(sub, "p.md")
	write(t, path, articleText)
	ws.load(path)
	if err := os.Rename(sub, filepath.Join(t.TempDir(), "posts")); err != nil {
		t.Fatal(err)
	}
	ws.external([]library.Change{{Path: sub, Removed: true, Folder: true}})
	if !ws.art.Dirty() || !ws.conflict.Visible() || ws.src.Text() != articleText {
		t.Fatalf("dirty=%v bar=%v", ws.art.Dirty(), ws.conflict.Visible())
	}
}

func TestDeleteThenRestoreOfTheSameBytesIsNotAConflict(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	ws.external([]library.Change{{Path: path, Removed: true}})
	write(t, path, articleText) // git checkout puts it back
	ws.external([]library.Change{{Path: path}})
	if ws.art.Dirty() || ws.conflict.Visible() {
		t.Fatalf("dirty=%v bar=%v after the same bytes came back", ws.art.Dirty(), ws.conflict.Visible())
	}
}

// canvasTexts joins the text of every canvas.Text under o (widgets walked
// through their renderers): what a view shows.
func canvasTexts(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch t := o.(type) {
		case *canvas.Text:
			b.WriteString(t.Text)
		case *fyne.Container:
			for _, c := range t.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(t).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

// followed is a workspace following its folder (a real watcher), showing
// a.md and the list filled.
func followed(t *testing.T) (*workspace, string) {
	t.Helper()
	ws, dir := newTestWorkspace(t)
	ws.follow(filepath.Join(dir, "a.md"))
	q := queues[ws]
	q.runUntil(t, func() bool { return ws.watcher != nil && len(ws.list.articles()) == 2 })
	// The rows read before the watcher watched are validated then, in
	// the background: done before a test begins.
	q.runUntil(t, func() bool { return !ws.index.Cached() })
	t.Cleanup(func() { ws.watcher.Close() })
	return ws, dir
}

// listTitle is the title the list shows for rel.
func listTitle(ws *workspace, rel string) string {
	for _, s := range ws.list.articles() {
		if s.Path == rel {
			return s.Title
		}
	}
	return ""
}

// TestASlowIndexDoesNotHoldTheArticleBack: when the Index takes long to
// take a batch (a large folder), the open article (its title and its
// preview) is reloaded first; the list follows in a later turn of the UI
// goroutine.
func TestASlowIndexDoesNotHoldTheArticleBack(t *testing.T) {
	ws, dir := followed(t)
	q := queues[ws]
	slow := make(chan struct{})
	ws.prepare = func(ix *library.Index) preparedCatalog {
		<-slow
		return prepareCatalog(ix)
	}
	path := filepath.Join(dir, "a.md")
	q.runUntil(t, func() bool { return strings.Contains(canvasTexts(ws.prev), "旧标题") })
	start := time.Now()
	write(t, path, strings.Replace(articleText, "旧标题", "外部的新标题", 1))
	q.runUntil(t, func() bool { return strings.HasPrefix(ws.win.Title(), "外部的新标题 — ") })
	title := time.Since(start)
	q.runUntil(t, func() bool { return strings.Contains(canvasTexts(ws.prev), "外部的新标题") })
	shown := time.Since(start)
	if got := listTitle(ws, "a.md"); got != "旧标题" {
		t.Fatalf("the list shows %q before the Index was ready", got)
	}
	close(slow)
	q.runUntil(t, func() bool { return listTitle(ws, "a.md") == "外部的新标题" })
	if ws.art.Dirty() || ws.conflict.Visible() {
		t.Error("a clean reload left the article unsaved or in conflict")
	}
	t.Logf("outside write → window title %v, → preview %v", title, shown)
	if os.Getenv("FOLIO_LATENCY") == "1" && shown > 100*time.Millisecond {
		t.Errorf("the preview showed an outside write after %v, want ≤ 100 ms", shown)
	}
}

// TestOutsideWriteIsOneTurnOfTheUI: when the Index takes the batch in
// time (a small folder), one function on the UI goroutine shows the
// article's new title, its preview and the list's row: one frame drawn,
// not three.
func TestOutsideWriteIsOneTurnOfTheUI(t *testing.T) {
	ws, dir := followed(t)
	q := queues[ws]
	ws.indexWait = 5 * time.Second // a loaded machine is slow, not a large folder
	q.runUntil(t, func() bool { return strings.Contains(canvasTexts(ws.prev), "旧标题") })
	write(t, filepath.Join(dir, "a.md"), strings.Replace(articleText, "旧标题", "一帧之内", 1))
	q.runUntil(t, func() bool { return strings.HasPrefix(ws.win.Title(), "一帧之内 — ") })
	if got := listTitle(ws, "a.md"); got != "一帧之内" {
		t.Errorf("the list shows %q in the turn that showed the window title", got)
	}
	if !strings.Contains(canvasTexts(ws.prev), "一帧之内") {
		t.Error("the preview did not show the new title in the same turn")
	}
}

// TestTypingIsDebouncedOnce: keystrokes in a row are parsed once, after
// the shell's pause, and the preview does not add a pause of its own.
func TestTypingIsDebouncedOnce(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.load(filepath.Join(dir, "a.md"))
	q := queues[ws]
	if ws.prev.Debounce() != 0 {
		t.Fatalf("the preview debounces %v on top of the shell's %v", ws.prev.Debounce(), ws.delay)
	}
	parses := 0
	ws.art.Listen(func(w article.What) {
		if w&article.Parsed != 0 {
			parses++
		}
	})
	ws.src.SetCursorOffset(len(articleText))
	start := time.Now()
	for _, s := range []string{"打", "字", "了"} {
		test.Type(ws.src, s)
	}
	q.runUntil(t, func() bool { return parses > 0 })
	q.runUntil(t, func() bool { return strings.Contains(canvasTexts(ws.prev), "第一段。打字了") })
	shown := time.Since(start)
	// Nothing else is on its way: no second parse, no second preview.
	select {
	case f := <-q:
		f()
	case <-time.After(2 * ws.delay):
	}
	if parses != 1 {
		t.Errorf("three keystrokes in a row parsed %d times, want once", parses)
	}
	t.Logf("keystroke → preview %v (pause %v)", shown, ws.delay)
	if os.Getenv("FOLIO_LATENCY") == "1" && shown > ws.delay+50*time.Millisecond {
		t.Errorf("typing reached the preview after %v: more than the one pause of %v", shown, ws.delay)
	}
}

// TestABusyIndexNeverHoldsTheNextWriteBack: while the Index is still busy
// with one batch (a large folder), the next outside write reaches the
// article anyway, and the batches that waited are applied together: one
// list update for both.
func TestABusyIndexNeverHoldsTheNextWriteBack(t *testing.T) {
	ws, dir := followed(t)
	q := queues[ws]
	release := make(chan struct{})
	var prepared atomic.Int32
	ws.prepare = func(ix *library.Index) preparedCatalog {
		prepared.Add(1)
		<-release
		return prepareCatalog(ix)
	}
	path := filepath.Join(dir, "a.md")
	write(t, path, strings.Replace(articleText, "旧标题", "第一次", 1))
	q.runUntil(t, func() bool { return strings.HasPrefix(ws.win.Title(), "第一次 — ") })
	write(t, path, strings.Replace(articleText, "旧标题", "第二次", 1))
	q.runUntil(t, func() bool { return strings.HasPrefix(ws.win.Title(), "第二次 — ") })
	var handed atomic.Int32
	ws.do = func(f func()) { handed.Add(1); q.do(f) }
	tmp := filepath.Join(t.TempDir(), "c.md") // renamed in: one event, one batch
	write(t, tmp, "---\ntitle: 新文章\n---\n")
	if err := os.Rename(tmp, filepath.Join(dir, "c.md")); err != nil {
		t.Fatal(err)
	}
	q.runUntil(t, func() bool { return handed.Load() > 0 }) // its batch was handed over, and waits
	if listTitle(ws, "a.md") != "旧标题" {
		t.Fatal("the list changed while the Index was held")
	}
	close(release)
	q.runUntil(t, func() bool { return listTitle(ws, "a.md") == "第二次" && listTitle(ws, "c.md") == "新文章" })
	if n := prepared.Load(); n != 2 {
		t.Errorf("%d catalogs for three batches, want 2 (the first, then the two that waited together)", n)
	}
}

// TestAnExpensiveRoundInfersTheSchemaWhenQuiet: in a folder whose catalog
// takes long, the form's schema is not inferred in every round but once
// the folder is quiet; it still arrives.
func TestAnExpensiveRoundInfersTheSchemaWhenQuiet(t *testing.T) {
	ws, dir := followed(t)
	q := queues[ws]
	ws.prepare = func(ix *library.Index) preparedCatalog {
		time.Sleep(2 * ws.indexWait) // an expensive round
		return prepareCatalog(ix)
	}
	hasKey := func(key string) bool {
		if ws.form.shownSchema == nil {
			return false
		}
		for _, k := range ws.form.shownSchema.Keys {
			if k.Key == key {
				return true
			}
		}
		return false
	}
	q.runUntil(t, func() bool { return ws.form.shownSchema != nil }) // the start's own inference is in
	var formInfers atomic.Int32                                      // the form inferring the schema on its own (formPane.indexChanged)
	ws.do = func(f func()) {
		if _, file, _, ok := runtime.Caller(1); ok && filepath.Base(file) == "form.go" {
			formInfers.Add(1)
		}
		q.do(f)
	}
	write(t, filepath.Join(dir, "c.md"), "---\ntitle: 新文章\n新键: 值\n---\n")
	q.runUntil(t, func() bool { return listTitle(ws, "c.md") == "新文章" })
	if hasKey("新键") {
		t.Log("the schema came with the list (the round was quick after all)")
	}
	q.runUntil(t, func() bool { return hasKey("新键") })
	// An outside change to the open article: its reload is parsed, and the
	// form must not infer the schema again on its own.
	write(t, filepath.Join(dir, "a.md"), strings.Replace(articleText, "旧标题", "再改", 1))
	q.runUntil(t, func() bool { return strings.HasPrefix(ws.win.Title(), "再改 — ") })
	q.runUntil(t, func() bool { return listTitle(ws, "a.md") == "再改" })
	if n := formInfers.Load(); n > 0 {
		t.Errorf("the form inferred the schema %d times besides the indexer", n)
	}
}

// canvasImages are the canvas.Image objects under o (widgets walked
// through their renderers).
func canvasImages(o fyne.CanvasObject) map[*canvas.Image]bool {
	found := map[*canvas.Image]bool{}
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch t := o.(type) {
		case *canvas.Image:
			found[t] = true
		case *fyne.Container:
			for _, c := range t.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(t).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return found
}

// TestAnOutsideWriteIsOneFrame: an outside write of the open article (its
// title) reaches the UI in one hand-over, and that turn puts no new image
// in the window: Fyne refreshes an image the first time it draws it, so a
// new one (a form chip's remove icon made again) costs a second frame of
// the whole window right after the first.
func TestAnOutsideWriteIsOneFrame(t *testing.T) {
	ws, dir := followed(t)
	q := queues[ws]
	ws.indexWait = 5 * time.Second // a loaded machine is slow, not a large folder
	q.runUntil(t, func() bool { return ws.form.shownSchema != nil && strings.Contains(canvasTexts(ws.prev), "旧标题") })
	q.runFor(100 * time.Millisecond) // whatever the start still had on its way
	before := canvasImages(ws.win.Content())
	if len(before) == 0 {
		t.Fatal("no image in the window: the check below could not fail")
	}
	var handed atomic.Int32
	ws.do = func(f func()) { handed.Add(1); q.do(f) }
	ws.list.relabels = 0
	write(t, filepath.Join(dir, "a.md"), strings.Replace(articleText, "旧标题", "一帧", 1))
	q.runUntil(t, func() bool { return strings.HasPrefix(ws.win.Title(), "一帧 — ") })
	q.runFor(300 * time.Millisecond) // nothing else may follow
	if n := handed.Load(); n != 1 {
		t.Errorf("the outside write was handed to the UI in %d turns, want 1", n)
	}
	if got := listTitle(ws, "a.md"); got != "一帧" {
		t.Errorf("the list shows %q", got)
	}
	// The list is refreshed more than once (the row's ● may have changed,
	// the Index changed): only the row whose title changed is set anew.
	if ws.list.relabels != 1 {
		t.Errorf("%d labels of the list set anew, want 1 (a.md's title)", ws.list.relabels)
	}
	for img := range canvasImages(ws.win.Content()) {
		if !before[img] {
			name := "?"
			if img.Resource != nil {
				name = img.Resource.Name()
			}
			t.Errorf("a new image (%s) appeared in the window: drawn twice", name)
		}
	}
}

// TestTheReloadNoticeIsLaidOutInItsTurn: the "Reloaded" notice an outside
// write shows above the editor is laid out, and the editor below it, in
// the turn that showed it: not while Fyne draws the frame, when the
// editor's refreshes would draw a second one. The panes around the editor
// keep their minimum size when it goes again.
func TestTheReloadNoticeIsLaidOutInItsTurn(t *testing.T) {
	ws, dir := followed(t)
	q := queues[ws]
	ws.indexWait = 5 * time.Second
	q.runUntil(t, func() bool { return strings.Contains(canvasTexts(ws.prev), "旧标题") })
	column := ws.panes.work.Leading
	minBefore := column.MinSize()
	write(t, filepath.Join(dir, "a.md"), strings.Replace(articleText, "旧标题", "通知", 1))
	q.runUntil(t, func() bool { return strings.HasPrefix(ws.win.Title(), "通知 — ") })
	if !ws.hot.notice.Visible() {
		t.Fatal("no notice shown (the test is broken)")
	}
	bars := ws.panes.bars
	if bars.Size().Height < ws.hot.notice.MinSize().Height || ws.src.Position().Y < bars.Size().Height {
		t.Errorf("the bars (%v) and the editor (at %v) were not laid out in the turn that showed the notice", bars.Size(), ws.src.Position())
	}
	shown := column.MinSize()
	ws.hot.notice.Hide()
	ws.panes.barsChanged()
	if column.MinSize() != shown || shown.Height < minBefore.Height {
		t.Errorf("the editor column's minimum size went %v → %v → %v", minBefore, shown, column.MinSize())
	}
	if ws.src.Position().Y >= ws.hot.notice.MinSize().Height {
		t.Errorf("the editor (at %v) did not take the notice's place (bars %v)", ws.src.Position(), bars.Size())
	}
}
