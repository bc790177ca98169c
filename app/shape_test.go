package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"folio/app/library"
	"folio/preview"
)

func TestUndoBackToTheSavedTextIsClean(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.load(filepath.Join(dir, "a.md"))
	test.Type(ws.src, "改")
	if !ws.art.Dirty() || !strings.HasPrefix(ws.win.Title(), "● ") {
		t.Fatal("typing did not mark the article unsaved")
	}
	ws.src.Undo()
	if ws.art.Dirty() || strings.HasPrefix(ws.win.Title(), "● ") {
		t.Errorf("after undo to the saved text: dirty %v, title %q", ws.art.Dirty(), ws.win.Title())
	}
	// Leaving asks nothing now.
	ws.open(filepath.Join(dir, "b.md"))
	if ws.art.Path() != filepath.Join(dir, "b.md") || len(ws.win.Canvas().Overlays().List()) != 0 {
		t.Error("a clean article asked before leaving")
	}
}

func TestOpeningPutsTheCaretAtTheBodyWithFocus(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.load(filepath.Join(dir, "a.md"))
	if want := strings.Index(articleText, "# 正文"); ws.src.CursorOffset() != want {
		t.Errorf("caret at %d, want %d (start of the body)", ws.src.CursorOffset(), want)
	}
	if ws.win.Canvas().Focused() != ws.src {
		t.Error("the editor does not have the keyboard focus")
	}
}

func TestCaretGoesToTheFirstLineOfWriting(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	for text, want := range map[string]string{
		"---\ntitle: x\n---\n\n\nFirst line.\n": "First line.",
		"+++\ntitle = 'x'\n+++\n  \r\n# 标题\n":   "# 标题",
		"---\ntitle: x\n---\n":                  "",
		"no front matter\n":                     "no front matter",
	} {
		path := filepath.Join(dir, "c.md")
		write(t, path, text)
		ws.art.Close()
		ws.load(path)
		if got := text[ws.src.CursorOffset():]; !strings.HasPrefix(got, want) || (want == "" && got != "") {
			t.Errorf("%q: caret before %q, want before %q", text, got, want)
		}
	}
}

func TestNothingOpenIsReadOnly(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	ws := newWorkspace(a, w, t.TempDir()) // an empty folder
	ws.install()
	w.Resize(fyne.NewSize(800, 600))
	test.Type(ws.src, "lost")
	if ws.src.Text() != "" || ws.art.Dirty() {
		t.Error("typing with no article open was accepted; it could never be saved")
	}
}

func TestOutsideDeleteAndSaveKeepTheListRight(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.scan("")
	q := queues[ws]
	q.runUntil(t, func() bool { return len(ws.list.articles()) == 2 && ws.art.HasFile() })
	a := filepath.Join(dir, "a.md")
	if ws.art.Path() != a {
		t.Fatalf("opened %s", ws.art.Path())
	}
	if err := os.Remove(a); err != nil {
		t.Fatal(err)
	}
	batch := []library.Change{{Path: a, Removed: true}}
	ws.index.Apply(batch)
	ws.external(batch)
	if len(ws.list.articles()) != 1 || ws.art.Path() != a || !ws.conflict.Visible() {
		t.Fatalf("rows %d path %s bar %v", len(ws.list.articles()), ws.art.Path(), ws.conflict.Visible())
	}
	// The remaining row (b.md) is not highlighted as if it were open, and
	// clicking it opens it (after the unsaved-changes question).
	ws.list.list.Select(0)
	if len(ws.win.Canvas().Overlays().List()) == 0 {
		t.Fatal("clicking b.md did not ask about a.md's unsaved text")
	}
	ws.win.Canvas().Overlays().Top().Hide()
	ws.list.selectCurrent()
	if !ws.save() {
		t.Fatal("save of the deleted article failed")
	}
	q.runUntil(t, func() bool { return len(ws.list.articles()) == 2 })
}

func TestReloadFromDiskAsksToDiscardNotToSave(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.load(filepath.Join(dir, "a.md"))
	test.Type(ws.src, "x")
	ws.confirmReload()
	top := ws.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no question before discarding")
	}
	if !dialogSays(top, "reload it from disk") || dialogSays(top, "before leaving") {
		t.Error("Reload from Disk must ask whether to discard the changes, not whether to save before leaving")
	}
	if ws.src.Text() == articleText {
		t.Error("reload happened without asking")
	}
	pressButton(t, top, "Reload")
	if ws.src.Text() != articleText || ws.art.Dirty() {
		t.Error("Reload did not take the disk's text")
	}
}

// dialogSays reports whether a label in o contains text.
func dialogSays(o fyne.CanvasObject, text string) bool {
	for _, c := range test.LaidOutObjects(o) {
		if l, ok := c.(*widget.Label); ok && strings.Contains(l.Text, text) {
			return true
		}
	}
	return false
}

// pressButton taps the button labelled text in o.
func pressButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	for _, c := range test.LaidOutObjects(o) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q", text)
}

func TestFollowAppliesOutsideChangesToTheList(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.follow("")
	t.Cleanup(func() { ws.watcher.Close() })
	q := queues[ws]
	q.runUntil(t, func() bool { return len(ws.list.articles()) == 2 && ws.art.HasFile() })
	write(t, filepath.Join(dir, "c.md"), "---\ntitle: 外来的\n---\n")
	// The file may be seen empty first (created, then written): wait for
	// the row to carry its title.
	q.runUntil(t, func() bool { a := ws.list.articles(); return len(a) == 3 && a[2].Title == "外来的" })
	// Folio's own save is not reported back as an outside change.
	test.Type(ws.src, "mine")
	if !ws.save() {
		t.Fatal("save failed")
	}
	os.Remove(filepath.Join(dir, "b.md"))
	q.runUntil(t, func() bool { return len(ws.list.articles()) == 2 })
	if ws.conflict.Visible() || ws.art.Dirty() {
		t.Error("the echo of Folio's own save raised a conflict")
	}
}

func TestStatusNamesFolioCountAndListLineIsTranslatedAndCut(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.load(filepath.Join(dir, "a.md"))
	if !strings.HasPrefix(ws.status.label.Text, "Folio counts ") {
		t.Errorf("status = %q: say the count is Folio's own", ws.status.label.Text)
	}
	row := ws.list.create()
	sub := row.(*fyne.Container).Objects[1].(*widget.RichText)
	if sub.Truncation != fyne.TextTruncateEllipsis {
		t.Error("the list's meta line is cut without an ellipsis")
	}
}

func TestTheSameQuestionIsNotStacked(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.load(filepath.Join(dir, "a.md"))
	test.Type(ws.src, "x")
	write(t, filepath.Join(dir, "a.md"), "outside\n")
	ws.save()
	ws.save() // Ctrl+S pressed twice
	if n := len(ws.win.Canvas().Overlays().List()); n != 1 {
		t.Errorf("%d dialogs stacked, want 1", n)
	}
	pressButton(t, ws.win.Canvas().Overlays().Top(), "Cancel")
	ws.save()
	if n := len(ws.win.Canvas().Overlays().List()); n != 1 {
		t.Errorf("after Cancel the question is not asked again (%d)", n)
	}
	pressButton(t, ws.win.Canvas().Overlays().Top(), "Cancel")
	ws.showPreferences()
	ws.showPreferences()
	if n := len(ws.win.Canvas().Overlays().List()); n != 1 {
		t.Errorf("%d Preferences dialogs", n)
	}
}

func TestMenusAreNotDuplicated(t *testing.T) {
	ws, _ := newTestWorkspace(t)
	seen := map[string]bool{}
	for _, m := range ws.win.MainMenu().Items {
		if seen[m.Label] {
			t.Errorf("two %q menus", m.Label)
		}
		seen[m.Label] = true
	}
	for _, want := range []string{"File", "Edit", "View", "Help"} {
		if !seen[want] {
			t.Errorf("no %q menu", want)
		}
	}
}

func TestCancelInUnsavedChangesGivesTheEditorTheKeyboard(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.load(filepath.Join(dir, "a.md"))
	test.Type(ws.src, "x")
	ws.open(filepath.Join(dir, "b.md"))
	pressButton(t, ws.win.Canvas().Overlays().Top(), "Cancel")
	if ws.win.Canvas().Focused() != ws.src {
		t.Errorf("focus on %T after Cancel", ws.win.Canvas().Focused())
	}
}

func TestTaskBoxClickedInThePreviewIsOneUndoStep(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "t.md")
	text := "---\ntitle: t\n---\n- [ ] 写测试\n- [x] done\n"
	write(t, path, text)
	ws.load(path)
	body := "- [ ] 写测试\n- [x] done\n"
	at := strings.Index(body, "[ ]")
	ws.toggleTask(preview.TaskEdit{Start: at, End: at + 3, Old: "[ ]", New: "[x]"})
	if want := strings.Replace(text, "[ ]", "[x]", 1); ws.src.Text() != want || !ws.art.Dirty() {
		t.Fatalf("text %q dirty %v", ws.src.Text(), ws.art.Dirty())
	}
	ws.src.Undo()
	if ws.src.Text() != text || ws.art.Dirty() {
		t.Error("the toggle is not one undo step back to the saved text")
	}
	// A stale click (the text changed there) does nothing.
	ws.toggleTask(preview.TaskEdit{Start: at, End: at + 3, Old: "[x]", New: "[ ]"})
	if ws.src.Text() != text {
		t.Error("a stale toggle changed the text")
	}
}

// TestOneMenuItemPerAction: no two menu items run the same action under
// different names (QA F26: "Reload from Disk" and "Revert to Saved").
func TestOneMenuItemPerAction(t *testing.T) {
	ws, _ := newTestWorkspace(t)
	n := 0
	for _, m := range ws.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == "Reload from Disk" {
				t.Errorf("%s menu: Reload from Disk is Revert to Saved", m.Label)
			}
			if it.Label == "Revert to Saved" {
				n++
			}
		}
	}
	if n != 1 {
		t.Errorf("%d Revert to Saved items, want 1", n)
	}
}
