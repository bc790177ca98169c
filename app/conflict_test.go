package app

import (
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
