package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"folio/app/article"
)

// An outside rename of the open article is followed after Folio saved it
// (its atomic save makes a new file) and after an outside rewrite through
// a temporary file and a rename: the tracked file is the one now on disk.
func TestOutsideRenameIsFollowedAfterSaveAndRewrite(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.follow("")
	t.Cleanup(func() { ws.watcher.Close() })
	q := queues[ws]
	a := filepath.Join(dir, "a.md")
	ws.load(a)
	q.runUntil(t, func() bool { return ws.watcher != nil && len(ws.list.articles()) == 2 })

	// 1. Folio's own save, then a rename by another program.
	test.Type(ws.src, "一")
	if !ws.save() {
		t.Fatal("save failed")
	}
	mv1 := filepath.Join(dir, "mv1.md")
	if err := os.Rename(a, mv1); err != nil {
		t.Fatal(err)
	}
	q.runUntil(t, func() bool { return ws.art.Path() == mv1 })
	if ws.art.Conflict() != article.NoConflict {
		t.Fatalf("after save + rename: conflict %v", ws.art.Conflict())
	}

	// 2. An outside rewrite through a temporary file, then a rename.
	text := strings.Replace(ws.art.Text(), "旧标题", "新标题", 1)
	tmp := filepath.Join(dir, ".tmp-write")
	write(t, tmp, text)
	if err := os.Rename(tmp, mv1); err != nil {
		t.Fatal(err)
	}
	q.runUntil(t, func() bool { return strings.Contains(ws.src.Text(), "新标题") })
	mv2 := filepath.Join(dir, "mv2.md")
	if err := os.Rename(mv1, mv2); err != nil {
		t.Fatal(err)
	}
	q.runUntil(t, func() bool { return ws.art.Path() == mv2 })

	// 3. Edited (dirty), rewritten outside (a conflict), then renamed.
	test.Type(ws.src, "二")
	write(t, tmp, strings.Replace(text, "第一段", "第1段", 1))
	if err := os.Rename(tmp, mv2); err != nil {
		t.Fatal(err)
	}
	q.runUntil(t, func() bool { return ws.art.Conflict() == article.ChangedOnDisk })
	mv3 := filepath.Join(dir, "mv3.md")
	if err := os.Rename(mv2, mv3); err != nil {
		t.Fatal(err)
	}
	q.runUntil(t, func() bool { return ws.art.Path() == mv3 })
	for _, gone := range []string{a, mv1, mv2} {
		if _, err := os.Stat(gone); err == nil {
			t.Errorf("%s exists again", filepath.Base(gone))
		}
	}
}
