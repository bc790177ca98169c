package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

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
	ws, dir := newTestWorkspace(t)
	ws.hot.delay = 20 * time.Millisecond
	path := filepath.Join(dir, "a.md")
	ws.load(path)
	ws.src.SetCursorOffset(len(articleText))
	test.Type(ws.src, "我的一行\n")
	mine := ws.src.Text()
	theirs := strings.Replace(articleText, "第一段。", "他们的第一段。", 1)
	write(t, path, theirs)
	ws.external([]library.Change{{Path: path}})
	if !ws.conflict.Visible() {
		t.Fatal("no conflict bar")
	}
	ws.takeTheirs()
	if ws.src.Text() != theirs || ws.art.Text() != theirs || ws.art.Dirty() || ws.conflict.Visible() {
		t.Fatalf("after Take theirs: text=%q dirty=%v bar=%v", ws.src.Text(), ws.art.Dirty(), ws.conflict.Visible())
	}
	noJournal(t, ws, path)
	ws.src.Undo()
	if ws.src.Text() != mine || ws.art.Text() != mine || !ws.art.Dirty() {
		t.Fatalf("after Ctrl+Z: text=%q dirty=%v, want mine, unsaved", ws.src.Text(), ws.art.Dirty())
	}
	if ws.art.Conflict() != article.NoConflict {
		t.Errorf("conflict %v after undo: the file is theirs, the base", ws.art.Conflict())
	}
	journalled(t, ws, path, mine)
	// Saving now writes mine over theirs without asking again: the user
	// saw theirs and went back.
	if !ws.save() {
		t.Fatal("save refused")
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
