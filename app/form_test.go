package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

var focusFormShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}

// pressShortcut runs the menu item that has the shortcut (the test
// canvas does not dispatch window shortcuts; ws.shortcut adds each menu
// item's shortcut to the window).
func pressShortcut(t *testing.T, ws *workspace, sc fyne.Shortcut) {
	t.Helper()
	for _, m := range ws.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() {
				it.Action()
				return
			}
		}
	}
	t.Fatalf("no menu item has %s", sc.ShortcutName())
}

// retypeFocused replaces the text of the focused form field and presses Enter.
func retypeFocused(t *testing.T, ws *workspace, text string) {
	t.Helper()
	f := ws.win.Canvas().Focused()
	if f == nil || f == fyne.Focusable(ws.src) {
		t.Fatalf("no form field has the focus (%T)", f)
	}
	f.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(f, text)
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

func TestFormEditIsOneUndoStepInTheEditor(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	pressShortcut(t, ws, focusFormShortcut)
	retypeFocused(t, ws, "新标题")
	want := strings.Replace(articleText, `title: "旧标题"`, `title: "新标题"`, 1)
	if ws.src.Text() != want {
		t.Fatalf("editor text after the form edit:\n%s", ws.src.Text())
	}
	if !ws.art.Dirty() {
		t.Error("a form edit does not make the article dirty")
	}
	ws.src.Undo()
	if ws.src.Text() != articleText {
		t.Fatalf("one undo does not take the form edit back:\n%s", ws.src.Text())
	}
	ws.src.Redo()
	if !ws.save() {
		t.Fatal("save failed")
	}
	if got, _ := os.ReadFile(path); string(got) != want {
		t.Errorf("file = %q", got)
	}
	// Escape in a field returns to the editor.
	ws.form.f.FocusFirst()
	ws.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if ws.win.Canvas().Focused() != fyne.Focusable(ws.src) {
		t.Errorf("Escape left the focus on %T", ws.win.Canvas().Focused())
	}
}

func TestFormEditAfterTypingInTheEditor(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	// Typing in the editor's front matter; the debounced parse has not run
	// yet when the form is used: the form's edit must still fit the text.
	ws.src.SetCursorOffset(strings.Index(articleText, "旧标题"))
	test.Type(ws.src, "很")
	ws.form.f.FocusFirst()
	retypeFocused(t, ws, "合并后的标题")
	if !strings.Contains(ws.src.Text(), `title: "合并后的标题"`+"\n") || strings.Count(ws.src.Text(), "title:") != 1 {
		t.Fatalf("editor text:\n%s", ws.src.Text())
	}
	if !strings.HasSuffix(ws.src.Text(), "---\n# 正文\n\n第一段。\n") {
		t.Error("the body changed")
	}
}

func TestPaneTogglesAreRemembered(t *testing.T) {
	ws, _ := newTestWorkspace(t)
	p := ws.form
	p.formItem.Action()
	if ws.panes.form.Visible() || p.formItem.Checked || ws.app.Preferences().Bool(prefShowForm) {
		t.Error("the form pane did not hide")
	}
	pressShortcut(t, ws, p.list.Shortcut)
	if ws.panes.side.Visible() || ws.app.Preferences().BoolWithFallback(prefShowList, true) {
		t.Error("the list did not collapse")
	}
	p.preview.Action()
	if ws.prev.Visible() {
		t.Error("the preview did not hide")
	}
	// Ctrl+Shift+M shows the hidden form again.
	pressShortcut(t, ws, focusFormShortcut)
	if !ws.panes.form.Visible() || !ws.app.Preferences().Bool(prefShowForm) {
		t.Error("the form did not come back")
	}
}

func TestSaveWritesTheFieldBeingTyped(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	ws.form.f.FocusFirst()
	f := ws.win.Canvas().Focused()
	f.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(f, "没按回车")
	pressShortcut(t, ws, &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
	want := strings.Replace(articleText, `title: "旧标题"`, `title: "没按回车"`, 1)
	if got, _ := os.ReadFile(path); string(got) != want {
		t.Errorf("file = %q", got)
	}
}

// TestFormHeaderFollowsARename checks that the form's header shows the
// article's new path at once after a rename, without a new parse.
func TestFormHeaderFollowsARename(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.load(filepath.Join(dir, "a.md"))
	if got := ws.form.f.Path(); got != "a.md" {
		t.Fatalf("header before the rename: %q", got)
	}
	if err := ws.renameTo("renamed"); err != nil {
		t.Fatal(err)
	}
	if got := ws.form.f.Path(); got != "renamed.md" {
		t.Errorf("header after the rename: %q, want renamed.md", got)
	}
	if !ws.save() {
		t.Fatal("save failed")
	}
	if got := ws.form.f.Path(); got != "renamed.md" {
		t.Errorf("header after saving: %q, want renamed.md", got)
	}
}

// TestListCollapsesOnANarrowWindow checks the automatic collapse of the
// article list below narrowWindow, its return when the window is wide
// again, and that a user's toggle turns it off.
func TestListCollapsesOnANarrowWindow(t *testing.T) {
	ws, _ := newTestWorkspace(t)
	side := ws.panes.side
	if !side.Visible() {
		t.Fatal("the list is hidden at 1200 px")
	}
	ws.win.Resize(fyne.NewSize(900, 600))
	if side.Visible() || ws.form.list.Checked {
		t.Error("the list did not collapse at 900 px")
	}
	if !ws.app.Preferences().BoolWithFallback(prefShowList, true) {
		t.Error("the automatic collapse was remembered as the user's choice")
	}
	ws.win.Resize(fyne.NewSize(1400, 880))
	if !side.Visible() || !ws.form.list.Checked {
		t.Error("the list did not come back at 1400 px")
	}
	// The user hides it: it stays hidden when wide, and shown when narrow.
	ws.form.list.Action()
	ws.win.Resize(fyne.NewSize(1500, 880))
	if side.Visible() {
		t.Error("the list came back against the user's toggle")
	}
	ws.form.list.Action()
	ws.win.Resize(fyne.NewSize(800, 600))
	if !side.Visible() {
		t.Error("the list collapsed after the user showed it")
	}
}

// TestUndoInAFormField checks Ctrl+Z while a form field has the focus:
// first the field's own unwritten typing goes, then the last written form
// edit is taken back in the editor (one step) and the field shows it.
func TestUndoInAFormField(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.load(filepath.Join(dir, "a.md"))
	pressShortcut(t, ws, focusFormShortcut)
	retypeFocused(t, ws, "新标题")
	edited := ws.src.Text()
	f := ws.win.Canvas().Focused()
	f.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(f, "打字中")
	undo := func() { f.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{}) }
	for i := 0; i < 5 && ws.form.f.FieldText("title") != "新标题"; i++ {
		undo()
	}
	if got := ws.form.f.FieldText("title"); got != "新标题" {
		t.Fatalf("undo did not drop the unwritten typing: %q", got)
	}
	if ws.src.Text() != edited {
		t.Fatal("undoing the field's typing changed the editor")
	}
	undo()
	if ws.src.Text() != articleText {
		t.Fatalf("Ctrl+Z in the field did not take the form edit back:\n%s", ws.src.Text())
	}
	if got := ws.form.f.FieldText("title"); got != "旧标题" {
		t.Errorf("the field shows %q after the undo, want 旧标题", got)
	}
	f.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutRedo{})
	if ws.src.Text() != edited {
		t.Errorf("redo in the field did not bring the edit back")
	}
	undo()
	f.(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
	if ws.src.Text() != edited || ws.form.f.FieldText("title") != "新标题" {
		t.Errorf("Ctrl+Shift+Z in the field did not redo the edit")
	}
}
