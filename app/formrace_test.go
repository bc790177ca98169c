package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"folio/app/library"
)

// focusTitle opens the test article a.md and puts the focus in its
// title field; it returns the field and the article's path.
func focusTitle(t *testing.T, ws *workspace, dir string) (fyne.Focusable, string) {
	t.Helper()
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	ws.form.f.FocusFirst()
	f := ws.win.Canvas().Focused()
	if f == nil || f == fyne.Focusable(ws.src) {
		t.Fatalf("no form field has the focus (%T)", f)
	}
	return f, path
}

// retitleOnDisk has another program give the article at path the title
// and hands the change to ws as the watcher would; it returns the text
// written.
func retitleOnDisk(t *testing.T, ws *workspace, path, title string) string {
	t.Helper()
	theirs := strings.Replace(articleText, `title: "旧标题"`, `title: "`+title+`"`, 1)
	if theirs == articleText {
		t.Fatal("the test article has no title line to change")
	}
	write(t, path, theirs)
	ws.external([]library.Change{{Path: path}})
	return theirs
}

// QA H18: text typed in a form field reaches the article 0.3 s after the
// last key. An outside change in that time reloaded the article as clean,
// then the field's pending text was written over the reload, and Ctrl+S
// destroyed the other program's edit without asking. The field's text is
// an unsaved edit: the outside change is a conflict.
func TestOutsideChangeWhileTypingInAFieldIsAConflict(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	f, path := focusTitle(t, ws, dir)
	f.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(f, "我的标题") // no Enter: still waiting to be written
	theirs := retitleOnDisk(t, ws, path, "别人的标题")

	if !ws.conflict.Visible() {
		t.Error("no conflict bar: the outside change was taken over the field being typed")
	}
	if !ws.art.Dirty() {
		t.Error("the article is not marked unsaved")
	}
	if !strings.Contains(ws.src.Text(), "我的标题") {
		t.Errorf("the typed title is not in the editor:\n%s", ws.src.Text())
	}
	if ws.save() {
		t.Error("Ctrl+S wrote over the outside change without asking")
	}
	if got, _ := os.ReadFile(path); string(got) != theirs {
		t.Errorf("disk = %q, want the other program's text", got)
	}
}

// The field being typed in shows the reloaded value when its text was
// already written (nothing pending): no stale text is left to be written
// over the reload by the next key.
func TestReloadUpdatesTheFocusedFieldWithNothingPending(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	_, path := focusTitle(t, ws, dir)
	retitleOnDisk(t, ws, path, "别人的标题")
	if ws.conflict.Visible() || ws.art.Dirty() {
		t.Fatal("a clean article's outside change raised a conflict")
	}
	ws.art.Parse() // the reload's parse, which the form shows
	if got := ws.form.f.FieldText("title"); got != "别人的标题" {
		t.Errorf("focused title field shows %q after the reload; want the file's", got)
	}
}

// QA8 J5: the focused field showing a reloaded value kept its caret at
// its old column, so the next keys landed inside the new title. A caret
// at the end of the old text is at the end of the new.
func TestReloadKeepsTheFocusedFieldsCaretAtTheEnd(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	f, path := focusTitle(t, ws, dir)
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	retitleOnDisk(t, ws, path, "别人改过的新标题")
	ws.art.Parse()
	test.Type(f, "Z")
	if got := ws.form.f.FieldText("title"); got != "别人改过的新标题Z" {
		t.Errorf("typed after the reload: %q", got)
	}
}
