package app

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// TestTheFolderLoadsWhileThePanesAreBuilt is Run's order: the folder's
// load starts (startFollow) before build makes the panes, reads every
// file meanwhile, and finishes (the list, the article opened first) only
// once they are built; an article Run opened itself stays open.
func TestTheFolderLoadsWhileThePanesAreBuilt(t *testing.T) {
	const n = 300
	for _, tc := range []struct {
		name, first string // first: what Run opens itself ("" none)
		want        string // the article open once the list is filled
	}{
		{"top article", "", "a000.md"}, // the list's top: the generated titles sort by path
		{"article given", "a123.md", "a123.md"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{}
			for i := range n {
				files[fmt.Sprintf("a%03d.md", i)] = fmt.Sprintf("---\ntitle: \"文章 %03d\"\ndate: 2026-01-01\n---\n正文 %d\n", i, i)
			}
			a, w, dir := testAppWithFolder(t, files)
			ws := newWorkspaceCore(a, w, dir)
			q := make(uiQueue, 64)
			ws.do = q.do
			ws.startFollow("")

			// Before any pane exists the folder is read.
			deadline := time.Now().Add(30 * time.Second)
			for ws.index.Len() < n {
				if time.Now().After(deadline) {
					t.Fatalf("the folder was not read before the panes were built: %d of %d rows", ws.index.Len(), n)
				}
				time.Sleep(5 * time.Millisecond)
			}
			if ws.list != nil || ws.art != nil {
				t.Fatal("the panes exist before build")
			}

			ws.build()
			ws.prev.SetUIRunner(q.do)
			ws.install()
			t.Cleanup(ws.hot.stop)
			w.Resize(fyne.NewSize(1200, 800))
			if tc.first != "" {
				ws.openFirst(filepath.Join(dir, tc.first))
			}
			q.runUntil(t, func() bool { return ws.watcher != nil && len(ws.list.articles()) == n && ws.art.HasFile() })
			t.Cleanup(func() { ws.watcher.Close() })
			q.runUntil(t, func() bool { return !ws.index.Cached() }) // validated: nothing of the load still runs
			if got := filepath.Base(ws.art.Path()); got != tc.want {
				t.Errorf("open article = %s, want %s", got, tc.want)
			}
		})
	}
}
