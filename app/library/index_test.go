package library

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// indexWatch starts a watcher on dir whose batches the test applies by hand.
func indexWatch(t *testing.T, dir string) *Watcher {
	t.Helper()
	w, err := Watch(dir, 50*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// applyUntil applies w's batches to ix until cond holds (5 s at most).
func applyUntil(t *testing.T, ix *Index, w *Watcher, cond func() bool) {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for !cond() {
		select {
		case b := <-w.Changes():
			ix.Apply(b)
		case <-deadline:
			t.Fatalf("index never reached the expected state; rows %+v", titles(ix))
		}
	}
}

func titles(ix *Index) map[string]string {
	m := map[string]string{}
	for _, s := range ix.Summaries() {
		m[s.Path] = s.Title
	}
	return m
}

func loadedIndex(t *testing.T, files map[string]string) (*Index, string) {
	t.Helper()
	dir := t.TempDir()
	writeTree(t, dir, files)
	ix := NewIndex(dir)
	if err := ix.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	return ix, dir
}

func TestIndexFollowsWatcherBatchesInOrder(t *testing.T) {
	ix, dir := loadedIndex(t, map[string]string{
		"a.md":         "---\ntitle: A\n---\n",
		"posts/b.md":   "---\ntitle: B\ntags: [x]\n---\n",
		"posts/c.md":   "---\ntitle: C\n---\n",
		"notes/ignore": "not markdown",
	})
	if got := titles(ix); len(got) != 3 || got["posts/b.md"] != "B" {
		t.Fatalf("after load: %v", got)
	}
	w := indexWatch(t, dir)
	write(t, filepath.Join(dir, "a.md"), "---\ntitle: A2\n---\n")
	applyUntil(t, ix, w, func() bool { return titles(ix)["a.md"] == "A2" })
	write(t, filepath.Join(dir, "a.md"), "---\ntitle: A3\n---\n")
	write(t, filepath.Join(dir, "new.md"), "---\ntitle: 新\n---\n")
	applyUntil(t, ix, w, func() bool { return titles(ix)["a.md"] == "A3" && titles(ix)["new.md"] == "新" })
	if err := os.RemoveAll(filepath.Join(dir, "posts")); err != nil {
		t.Fatal(err)
	}
	applyUntil(t, ix, w, func() bool { return len(titles(ix)) == 2 })
	if got := titles(ix); got["a.md"] != "A3" || got["new.md"] != "新" {
		t.Errorf("after removing posts/: %v", got)
	}
	if err := os.MkdirAll(filepath.Join(dir, "later", "deep"), 0o755); err != nil {
		t.Fatal(err)
	}
	time.Sleep(150 * time.Millisecond) // the watcher adds the new folders
	write(t, filepath.Join(dir, "later", "deep", "d.md"), "---\ntitle: D\n---\n")
	applyUntil(t, ix, w, func() bool { return titles(ix)["later/deep/d.md"] == "D" })
}

func TestIndexReadsOnlyTheChangedFiles(t *testing.T) {
	ix, dir := loadedIndex(t, map[string]string{
		"a.md": "---\ntitle: A\n---\n",
		"b.md": "---\ntitle: B\n---\n",
	})
	v := ix.Version()
	before := ix.Summaries()
	// b changes on disk, but the batch names only a: b's row must stay as
	// it was (no rescan), a's is read again.
	write(t, filepath.Join(dir, "a.md"), "---\ntitle: A2\n---\n")
	write(t, filepath.Join(dir, "b.md"), "---\ntitle: B2\n---\n")
	touched := ix.Apply([]Change{{Path: filepath.Join(dir, "a.md")}})
	if len(touched) != 1 || touched[0] != "a.md" {
		t.Errorf("touched = %v", touched)
	}
	if got := titles(ix); got["a.md"] != "A2" || got["b.md"] != "B" {
		t.Errorf("rows = %v, want a re-read and b untouched", got)
	}
	if ix.Version() == v {
		t.Error("version did not change")
	}
	if before[0].Title != "A" {
		t.Error("an earlier snapshot was modified in place")
	}
	// A change reported for a file that is gone drops its row.
	os.Remove(filepath.Join(dir, "b.md"))
	ix.Apply([]Change{{Path: filepath.Join(dir, "b.md")}})
	if _, ok := titles(ix)["b.md"]; ok {
		t.Error("a vanished file kept its row")
	}
	// Paths outside the folder are ignored.
	if got := ix.Apply([]Change{{Path: filepath.Join(filepath.Dir(dir), "x.md")}}); len(got) != 0 {
		t.Errorf("outside path touched %v", got)
	}
}

func TestIndexOwnOperations(t *testing.T) {
	ix, dir := loadedIndex(t, map[string]string{"a.md": "---\ntitle: A\n---\n"})
	w := indexWatch(t, dir)
	oldAbs, newAbs := filepath.Join(dir, "a.md"), filepath.Join(dir, "renamed.md")
	// Folio renames: the row moves at once, and the watcher's report of the
	// rename leaves it where it is.
	ix.Rename(oldAbs, newAbs)
	if err := os.Rename(oldAbs, newAbs); err != nil {
		t.Fatal(err)
	}
	if got := titles(ix); len(got) != 1 || got["renamed.md"] != "A" {
		t.Fatalf("after rename: %v", got)
	}
	var b []Change
	select {
	case b = <-w.Changes():
		ix.Apply(b)
	case <-time.After(5 * time.Second):
		t.Fatal("the rename was not reported")
	}
	if got := titles(ix); len(got) != 1 || got["renamed.md"] != "A" {
		t.Fatalf("after the rename's echo %+v: %v", b, got)
	}
	// Folio creates and saves: the row is there before any event.
	created := filepath.Join(dir, "new.md")
	data := []byte("---\ntitle: 新文章\ndraft: true\n---\n")
	ix.Put(created, data)
	if s, ok := ix.Get(created); !ok || s.Title != "新文章" || !s.Draft {
		t.Errorf("Put row = %+v %v", s, ok)
	}
	// Folio deletes.
	ix.Remove(newAbs)
	if _, ok := ix.Get(newAbs); ok || ix.Len() != 1 {
		t.Error("Remove kept the row")
	}
}

func TestIndexSchemaFollowsChanges(t *testing.T) {
	ix, dir := loadedIndex(t, map[string]string{
		"a.md": "---\ntitle: A\ndate: 2024-01-02\n---\n",
		"b.md": "---\ntitle: B\ndate: 2024-01-03\n---\n",
	})
	if _, ok := ix.Schema().Key("date"); !ok {
		t.Fatal("no date key in the schema")
	}
	if _, ok := ix.Schema().Key("weight"); ok {
		t.Fatal("weight before any article has it")
	}
	write(t, filepath.Join(dir, "a.md"), "---\ntitle: A\nweight: 3\n---\n")
	ix.Apply([]Change{{Path: filepath.Join(dir, "a.md")}})
	if _, ok := ix.Schema().Key("weight"); !ok {
		t.Error("the schema did not follow the change")
	}
	if ix.Schema().Docs != 2 {
		t.Errorf("docs = %d", ix.Schema().Docs)
	}
}

func TestIndexModTime(t *testing.T) {
	ix, dir := loadedIndex(t, map[string]string{"a.md": "x"})
	old := time.Now().Add(-48 * time.Hour)
	a := filepath.Join(dir, "a.md")
	if ix.ModTime("a.md").IsZero() {
		t.Fatal("no modification time after Load")
	}
	os.Chtimes(a, old, old)
	ix.Apply([]Change{{Path: a}})
	if !ix.ModTime("a.md").Equal(old) {
		t.Errorf("mod = %v, want %v", ix.ModTime("a.md"), old)
	}
	ix.Rename(a, filepath.Join(dir, "b.md"))
	if !ix.ModTime("b.md").Equal(old) || !ix.ModTime("a.md").IsZero() {
		t.Error("Rename did not carry the modification time")
	}
}

// TestIndexLoadsModTimesFromTheRead checks that both loads give each row
// the file's modification time (taken from the read's fstat).
func TestIndexLoadsModTimesFromTheRead(t *testing.T) {
	dir := t.TempDir()
	old := time.Date(2020, 5, 6, 7, 8, 9, 0, time.UTC)
	for _, name := range []string{"a.md", "b/c.md"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		write(t, p, "---\ntitle: x\n---\n")
		os.Chtimes(p, old, old)
	}
	for _, stream := range []bool{false, true} {
		ix := NewIndex(dir)
		var err error
		if stream {
			err = ix.LoadStream(context.Background(), 0, nil)
		} else {
			err = ix.Load(context.Background())
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range ix.Summaries() {
			if !s.Modified.Equal(old) || !ix.ModTime(s.Path).Equal(old) {
				t.Errorf("stream %v: %s modified %v, want %v", stream, s.Path, s.Modified, old)
			}
		}
	}
}
