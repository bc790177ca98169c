package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"folio/app/article"
	"folio/app/library"
)

func TestChangedSpan(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"", ""},
		{"abc", "abc"},
		{"abc", "abXc"},
		{"abc", ""},
		{"", "中文"},
		{"第一段。", "第二段。"},
		{"中文", "中文字"},
		{"字中", "中"},
		{"aaa", "aa"},
		{"\xe4\xb8\xad", "\xe4\xb8\xae"},
	} {
		from, to, repl := changedSpan(c.a, c.b)
		if got := c.a[:from] + repl + c.a[to:]; got != c.b {
			t.Errorf("changedSpan(%q, %q) = %d,%d,%q gives %q", c.a, c.b, from, to, repl, got)
		}
		if from > to || !isBoundary(c.a, from) || !isBoundary(c.a, to) {
			t.Errorf("changedSpan(%q, %q) = %d,%d: not character boundaries", c.a, c.b, from, to)
		}
	}
}

func isBoundary(s string, i int) bool {
	return i == len(s) || i == 0 || (s[i]&0xc0) != 0x80
}

// F41: Take theirs threw the user's unsaved text away with one click and
// Ctrl+Z could not bring it back. It is an undoable edit now.
func TestTakeTheirsIsUndoable(t *testing.T) {
	ws, path, mine, theirs := takenTheirs(t)
	if ws.src.Text() != theirs || ws.art.Text() != theirs || ws.art.Dirty() || ws.conflict.Visible() {
		t.Fatalf("after Take theirs: text=%q dirty=%v bar=%v", ws.src.Text(), ws.art.Dirty(), ws.conflict.Visible())
	}
	noJournal(t, ws, path)
	pressShortcut(t, ws, &fyne.ShortcutUndo{})
	if ws.src.Text() != mine || ws.art.Text() != mine || !ws.art.Dirty() {
		t.Fatalf("after Ctrl+Z: text=%q dirty=%v, want mine, unsaved", ws.src.Text(), ws.art.Dirty())
	}
	journalled(t, ws, path, mine)
}

// takenTheirs opens a.md, types into it, lets another program change it
// (the conflict bar) and takes theirs. It returns the workspace, the path,
// the text typed and the other program's.
func takenTheirs(t *testing.T) (ws *workspace, path, mine, theirs string) {
	t.Helper()
	ws, dir := newTestWorkspace(t)
	ws.hot.delay = 20 * time.Millisecond
	path = filepath.Join(dir, "a.md")
	ws.load(path)
	ws.src.SetCursorOffset(len(articleText))
	test.Type(ws.src, "我的一行\n")
	mine = ws.src.Text()
	theirs = strings.Replace(articleText, "旧标题", "他们的标题", 1)
	write(t, path, theirs)
	ws.external([]library.Change{{Path: path}})
	if !ws.conflict.Visible() {
		t.Fatal("no conflict bar")
	}
	ws.takeTheirs()
	return ws, path, mine, theirs
}

// inConflict fails unless the article is back in conflict with the file:
// the conflict bar with its choices, and Ctrl+S asks instead of writing
// over the file, which still holds want.
func inConflict(t *testing.T, ws *workspace, path, want string) {
	t.Helper()
	if ws.art.Conflict() != article.ChangedOnDisk || !ws.conflict.Visible() || !ws.art.Dirty() {
		t.Fatalf("conflict %v bar %v dirty %v: the conflict was forgotten", ws.art.Conflict(), ws.conflict.Visible(), ws.art.Dirty())
	}
	for _, b := range []string{"[Compare]", "[Merge]", "[Take theirs]", "[Keep mine]"} {
		if !strings.Contains(conflictText(ws), b) {
			t.Errorf("the conflict bar has no %s: %q", b, conflictText(ws))
		}
	}
	pressShortcut(t, ws, ctrl(fyne.KeyS)) // Ctrl+S
	if got, _ := os.ReadFile(path); string(got) != want {
		t.Fatalf("Ctrl+S wrote over the other program's change without asking: disk %q", got)
	}
	if !ws.art.Dirty() {
		t.Fatal("the text is marked saved")
	}
	top := ws.win.Canvas().Overlays().Top()
	if top == nil || !hasButton(top, "Overwrite") {
		t.Fatal("Ctrl+S did not ask")
	}
	pressButton(t, top, "Cancel")
}

// hasButton reports whether o shows a button labelled text.
func hasButton(o fyne.CanvasObject, text string) bool {
	for _, c := range test.LaidOutObjects(o) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			return true
		}
	}
	return false
}

// G5: after Take theirs and Ctrl+Z the user's text was back but based on
// the other program's version: no conflict bar, and Ctrl+S wrote over
// that version without asking. The undo goes back to the conflict; the
// redo takes theirs again.
func TestUndoingTakeTheirsBringsTheConflictBack(t *testing.T) {
	ws, path, mine, theirs := takenTheirs(t)
	pressShortcut(t, ws, &fyne.ShortcutUndo{})
	if ws.src.Text() != mine {
		t.Fatalf("after Ctrl+Z: %q", ws.src.Text())
	}
	inConflict(t, ws, path, theirs)

	pressShortcut(t, ws, &fyne.ShortcutRedo{})
	if ws.src.Text() != theirs || ws.art.Dirty() || ws.art.Conflict() != article.NoConflict || ws.conflict.Visible() {
		t.Fatalf("after Redo: text %q dirty %v conflict %v bar %v, want theirs, settled", ws.src.Text(), ws.art.Dirty(), ws.art.Conflict(), ws.conflict.Visible())
	}
	noJournal(t, ws, path)

	// Back and forth: the same again.
	pressShortcut(t, ws, &fyne.ShortcutUndo{})
	inConflict(t, ws, path, theirs)
	// Merge from here merges with the text the user's was based on.
	ws.mergeDisk()
	if want := theirs + "我的一行\n"; ws.src.Text() != want {
		t.Fatalf("merge after the undo = %q, want %q", ws.src.Text(), want)
	}
	if !ws.save() {
		t.Fatal("saving the merge asked")
	}
}

// The user's text after the undo goes on as conflicted text: typing more
// keeps the conflict, and Ctrl+S still asks.
func TestTypingAfterUndoingTakeTheirsKeepsTheConflict(t *testing.T) {
	ws, path, _, theirs := takenTheirs(t)
	pressShortcut(t, ws, &fyne.ShortcutUndo{})
	test.Type(ws.src, "再写")
	inConflict(t, ws, path, theirs)
}

// The other program writes again after the undo: the redo puts its text
// (what was taken) back in the editor but does not settle a conflict with
// a version the user never saw.
func TestRedoTakeTheirsAfterAnotherOutsideChangeStaysInConflict(t *testing.T) {
	ws, path, _, theirs := takenTheirs(t)
	pressShortcut(t, ws, &fyne.ShortcutUndo{})
	again := theirs + "第三方又写了。\n"
	write(t, path, again)
	ws.external([]library.Change{{Path: path}})
	pressShortcut(t, ws, &fyne.ShortcutRedo{})
	if ws.src.Text() != theirs {
		t.Fatalf("after Redo: %q", ws.src.Text())
	}
	inConflict(t, ws, path, again)
}

// Saved after Take theirs: the file holds the user's own save, and
// undoing back past Take theirs is an ordinary undo (no conflict with a
// version the user wrote over knowingly).
func TestUndoPastTakeTheirsAfterASaveIsAnOrdinaryUndo(t *testing.T) {
	ws, _, mine, _ := takenTheirs(t)
	ws.src.SetCursorOffset(0)
	test.Type(ws.src, "x")
	if !ws.save() {
		t.Fatal("save after Take theirs asked")
	}
	pressShortcut(t, ws, &fyne.ShortcutUndo{})
	pressShortcut(t, ws, &fyne.ShortcutUndo{})
	if ws.src.Text() != mine || ws.art.Conflict() != article.NoConflict || ws.conflict.Visible() || !ws.art.Dirty() {
		t.Fatalf("text %q conflict %v bar %v dirty %v", ws.src.Text(), ws.art.Conflict(), ws.conflict.Visible(), ws.art.Dirty())
	}
	if !ws.save() {
		t.Fatal("save asked about the user's own save")
	}
}

// G5 across a crash: the journal written after the undo keeps the text
// the user's was based on, so the next start shows the conflict too.
func TestUndoneTakeTheirsIsAConflictAfterARestart(t *testing.T) {
	ws, path, mine, theirs := takenTheirs(t)
	pressShortcut(t, ws, &fyne.ShortcutUndo{})
	journalled(t, ws, path, mine)
	ws2 := restart(t, ws) // kill -9
	ws2.load(path)
	if ws2.src.Text() != mine {
		t.Fatalf("restored %q", ws2.src.Text())
	}
	inConflict(t, ws2, path, theirs)
}

// G4: Take theirs after a merge left the merged bar ("Merged cleanly…")
// and its tints over a text that was no longer the merge. They go with
// Take theirs and come back with its undo.
func TestTakeTheirsEndsTheMergeBarAndTints(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	ws.src.SetCursorOffset(len(articleText))
	test.Type(ws.src, "我的一行\n")
	first := strings.Replace(articleText, "# 正文", "# 新的正文", 1)
	write(t, path, first)
	ws.external([]library.Change{{Path: path}})
	ws.mergeDisk()
	if !ws.conflict.mergedShown() || len(ws.src.Marks()) == 0 {
		t.Fatalf("merged bar %v marks %v", ws.conflict.mergedShown(), ws.src.Marks())
	}
	merged, marks := ws.src.Text(), ws.src.Marks()
	second := strings.Replace(first, "第一段。", "第一段（二次外部）。", 1)
	write(t, path, second)
	ws.external([]library.Change{{Path: path}})
	if !ws.conflict.Visible() {
		t.Fatal("no conflict bar")
	}
	ws.takeTheirs()
	if ws.src.Text() != second || ws.conflict.mergedShown() || len(ws.src.Marks()) != 0 {
		t.Fatalf("after Take theirs: merged bar %v marks %v", ws.conflict.mergedShown(), ws.src.Marks())
	}
	pressShortcut(t, ws, &fyne.ShortcutUndo{})
	if ws.src.Text() != merged || !ws.conflict.mergedShown() || !slices.Equal(ws.src.Marks(), marks) {
		t.Fatalf("after Ctrl+Z: merged bar %v marks %v, want %v", ws.conflict.mergedShown(), ws.src.Marks(), marks)
	}
	inConflict(t, ws, path, second)
	pressShortcut(t, ws, &fyne.ShortcutRedo{})
	if ws.src.Text() != second || ws.conflict.mergedShown() || len(ws.src.Marks()) != 0 || ws.conflict.Visible() {
		t.Fatalf("after Redo: merged bar %v marks %v conflict bar %v", ws.conflict.mergedShown(), ws.src.Marks(), ws.conflict.Visible())
	}
}

// F34: a rename made by git checkout (the old file deleted, the same bytes
// written anew under another name, another inode) is followed as a
// rename, not taken for a delete that Ctrl+S would undo by writing the old
// name again.
func TestACheckoutRenameIsFollowedByContent(t *testing.T) {
	ws, dir := followed(t)
	old, renamed := filepath.Join(dir, "a.md"), filepath.Join(dir, "改名.md")
	test.Type(ws.src, "未保存")
	write(t, renamed, articleText) // written before the old one goes: another inode
	if err := os.Remove(old); err != nil {
		t.Fatal(err)
	}
	queues[ws].runUntil(t, func() bool { return ws.art.Path() == renamed })
	if ws.art.Conflict() != article.NoConflict || !ws.art.Dirty() || ws.conflict.Visible() {
		t.Fatalf("conflict %v dirty %v bar %v", ws.art.Conflict(), ws.art.Dirty(), ws.conflict.Visible())
	}
	if !ws.save() {
		t.Fatal("save refused")
	}
	if _, err := os.Stat(old); err == nil {
		t.Fatal("the old name was written again")
	}
}

// F35: the file deleted and back with the bytes loaded (a checkout there
// and back) is no conflict: the edits stay as ordinary unsaved text.
func TestTheSameFileBackAfterADeleteIsNoConflict(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	test.Type(ws.src, "未保存")
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	ws.external([]library.Change{{Path: path, Removed: true}})
	if ws.art.Conflict() != article.DeletedOnDisk {
		t.Fatalf("conflict %v after the delete", ws.art.Conflict())
	}
	write(t, path, articleText)
	ws.external([]library.Change{{Path: path}})
	if ws.art.Conflict() != article.NoConflict || !ws.art.Dirty() || ws.conflict.Visible() {
		t.Fatalf("conflict %v dirty %v bar %v, want the edit unsaved and no conflict", ws.art.Conflict(), ws.art.Dirty(), ws.conflict.Visible())
	}
	if !ws.save() {
		t.Fatal("save refused")
	}
}

// F23: after Keep mine, Ctrl+S asked a second time whether to overwrite
// the disk's version; the user decided already.
func TestKeepMineThenSaveDoesNotAskAgain(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	test.Type(ws.src, "我的")
	mine := ws.src.Text()
	write(t, path, "别人的版本\n")
	ws.external([]library.Change{{Path: path}})
	ws.art.Dismiss() // Keep mine
	if !ws.save() {
		t.Fatal("save asked again after Keep mine")
	}
	if got, _ := os.ReadFile(path); string(got) != mine {
		t.Fatalf("disk = %q", got)
	}
	// A later outside change is a conflict again.
	test.Type(ws.src, "再改")
	write(t, path, "第三个版本\n")
	ws.external([]library.Change{{Path: path}})
	if !ws.conflict.Visible() || ws.save() {
		t.Fatal("a change after Keep mine was written over without asking")
	}
}

// G18: Merge replaced the text as a reload does, so Ctrl+Z could not undo
// it and what was typed before it left the undo history. It is one undo
// step now, like Take theirs: the undo goes back to the conflict, the redo
// merges again with its tints and bar.
func TestMergeIsOneUndoableStep(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	ws.src.SetCursorOffset(len(articleText))
	test.Type(ws.src, "我的一行\n")
	mine := ws.src.Text()
	theirs := strings.Replace(articleText, "旧标题", "他们的标题", 1)
	write(t, path, theirs)
	ws.external([]library.Change{{Path: path}})
	ws.mergeDisk()
	merged, marks := ws.src.Text(), ws.src.Marks()
	if merged != theirs+"我的一行\n" || !ws.conflict.mergedShown() || len(marks) == 0 || ws.conflict.Visible() {
		t.Fatalf("merge = %q, bar %v marks %v", merged, ws.conflict.mergedShown(), marks)
	}
	pressShortcut(t, ws, &fyne.ShortcutUndo{})
	if ws.src.Text() != mine || ws.conflict.mergedShown() || len(ws.src.Marks()) != 0 {
		t.Fatalf("after Ctrl+Z: %q merged bar %v marks %v", ws.src.Text(), ws.conflict.mergedShown(), ws.src.Marks())
	}
	inConflict(t, ws, path, theirs)
	// What was typed before the merge is still in the history.
	pressShortcut(t, ws, &fyne.ShortcutUndo{})
	if ws.src.Text() != articleText {
		t.Fatalf("second Ctrl+Z: %q, want the typing undone", ws.src.Text())
	}
	pressShortcut(t, ws, &fyne.ShortcutRedo{})
	pressShortcut(t, ws, &fyne.ShortcutRedo{})
	if ws.src.Text() != merged || !ws.conflict.mergedShown() || !slices.Equal(ws.src.Marks(), marks) || ws.conflict.Visible() || ws.art.Conflict() != article.NoConflict {
		t.Fatalf("after Redo: %q merged bar %v marks %v conflict bar %v", ws.src.Text(), ws.conflict.mergedShown(), ws.src.Marks(), ws.conflict.Visible())
	}
	if !ws.save() {
		t.Fatal("saving the merge asked")
	}
	if got, _ := os.ReadFile(path); string(got) != merged {
		t.Fatalf("disk = %q", got)
	}
}
