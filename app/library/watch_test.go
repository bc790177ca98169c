package library

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// watch starts watching dir for the test and stops when it ends.
func watch(t *testing.T, dir string, quiet time.Duration) *Watcher {
	t.Helper()
	w, err := Watch(dir, quiet)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// next waits for one batch from w, failing after a generous timeout.
func next(t *testing.T, w *Watcher) []Change {
	t.Helper()
	select {
	case b, ok := <-w.Changes():
		if !ok {
			t.Fatal("watcher closed")
		}
		return b
	case <-time.After(5 * time.Second):
		t.Fatal("no change reported within 5 s")
	}
	return nil
}

// none asserts that no batch arrives for a while.
func none(t *testing.T, w *Watcher, wait time.Duration) {
	t.Helper()
	select {
	case b := <-w.Changes():
		t.Fatalf("unexpected batch %+v", b)
	case <-time.After(wait):
	}
}

func write(t testing.TB, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWatchCoalescesABurstIntoOneBatch(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.md")
	write(t, a, "one")
	w := watch(t, dir, 300*time.Millisecond)
	for i := 0; i < 5; i++ { // an editor writing in pieces
		write(t, a, "two"+string(rune('a'+i)))
	}
	write(t, filepath.Join(dir, "b.md"), "new")
	write(t, filepath.Join(dir, "notes.txt"), "not markdown")
	// The first change may go out alone after the settle time, and so may
	// one more lone change right after it (on a busy machine the next
	// write can come later than that); the rest of the burst is one batch.
	b := next(t, w)
	batches := 1
	for len(b) == batches && batches < 3 {
		b = append(b, next(t, w)...)
		batches++
	}
	seen := map[string]bool{}
	for _, c := range b {
		if c.Removed {
			t.Fatalf("batch = %+v, nothing was removed", b)
		}
		seen[c.Path] = true
	}
	if len(seen) != 2 || !seen[a] || !seen[filepath.Join(dir, "b.md")] {
		t.Fatalf("%d batches = %+v, want a.md and b.md changed", batches, b)
	}
	none(t, w, 300*time.Millisecond)
}

func TestWatchReportsRemovalAndNewFolders(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.md")
	write(t, a, "x")
	w := watch(t, dir, 50*time.Millisecond)
	if err := os.Remove(a); err != nil {
		t.Fatal(err)
	}
	if b := next(t, w); len(b) != 1 || !b[0].Removed {
		t.Fatalf("batch = %+v, want a.md removed", b)
	}
	sub := filepath.Join(dir, "2025", "06")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	time.Sleep(150 * time.Millisecond) // let the new folders be watched
	deep := filepath.Join(sub, "post.md")
	write(t, deep, "新文章")
	found := false
	for deadline := time.Now().Add(5 * time.Second); !found && time.Now().Before(deadline); {
		for _, c := range next(t, w) {
			found = found || c.Path == deep
		}
	}
	if !found {
		t.Fatal("a file in a new sub-folder was not reported")
	}
}

func TestWatchDropsTheEchoOfOwnSaves(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.md")
	write(t, a, "old")
	w := watch(t, dir, 50*time.Millisecond)
	data := []byte("saved by Folio")
	w.Expect(a, data)
	if err := Save(a, data, SumOf([]byte("old"))); err != nil {
		t.Fatal(err)
	}
	none(t, w, 400*time.Millisecond)
	// An outside write after that is reported again.
	write(t, a, "outside")
	if b := next(t, w); len(b) != 1 || b[0].Path != a {
		t.Fatalf("batch = %+v, want the outside change", b)
	}
}

func TestWatchIgnoresHiddenFolders(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	w := watch(t, dir, 50*time.Millisecond)
	write(t, filepath.Join(dir, ".git", "x.md"), "hidden")
	write(t, filepath.Join(dir, ".draft.md"), "hidden")
	none(t, w, 300*time.Millisecond)
}

func TestWatchFailsOnAMissingFolder(t *testing.T) {
	if _, err := Watch(filepath.Join(t.TempDir(), "nope"), 0); err == nil {
		t.Fatal("watching a missing folder should fail")
	}
}

func TestWatchReportsAFolderMovedAway(t *testing.T) {
	dir, away := t.TempDir(), t.TempDir()
	posts := filepath.Join(dir, "posts")
	if err := os.MkdirAll(posts, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(posts, "a.md"), "x")
	w := watch(t, dir, 50*time.Millisecond)
	if err := os.Rename(posts, filepath.Join(away, "posts")); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		for _, c := range next(t, w) {
			if c.Path == posts && c.Removed && c.Folder {
				return
			}
		}
	}
	t.Fatal("the folder moved away was not reported")
}

func TestWatchIsNotHeldBackByOtherFiles(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.md")
	write(t, a, "x")
	w := watch(t, dir, 200*time.Millisecond)
	stop := make(chan struct{})
	go func() { // a build writing a log all the time
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
				_ = os.WriteFile(filepath.Join(dir, "build.log"), []byte(time.Now().String()), 0o644)
			}
		}
	}()
	defer close(stop)
	start := time.Now()
	write(t, a, "changed")
	b := next(t, w)
	if len(b) != 1 || b[0].Path != a {
		t.Fatalf("batch = %+v", b)
	}
	if waited := time.Since(start); waited > 3*time.Second {
		t.Errorf("the change waited %v behind unrelated writes", waited)
	}
}

func TestWatchUsesUpAStaleExpectation(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.md")
	write(t, a, "old")
	w := watch(t, dir, 50*time.Millisecond)
	w.Expect(a, []byte("mine")) // a save that then failed
	write(t, a, "theirs")
	if b := next(t, w); len(b) != 1 {
		t.Fatalf("batch = %+v", b)
	}
	write(t, a, "mine") // someone restores exactly those bytes later
	if b := next(t, w); len(b) != 1 || b[0].Path != a {
		t.Fatalf("batch = %+v, want the later change", b)
	}
}

// TestWatchSendsALoneWriteAfterABatchAtOnce: a single write that follows a
// batch closely (an agent writing the open article twice, the rest of an
// editor's save) does not wait the quiet period; a third within it is
// taken as a burst and does.
func TestWatchSendsALoneWriteAfterABatchAtOnce(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.md")
	write(t, a, "one")
	w := watch(t, dir, 10*time.Second) // bursts wait maxDelay (1 s)
	write(t, a, "two")
	next(t, w)
	start := time.Now()
	write(t, a, "three")
	if b := next(t, w); len(b) != 1 || b[0].Path != a {
		t.Fatalf("batch = %+v", b)
	}
	if d := time.Since(start); d >= maxDelay*7/10 {
		t.Fatalf("a lone write after a batch waited %v, as long as a burst", d)
	}
	write(t, a, "four") // the third in a row: a burst now
	none(t, w, maxDelay/4)
	if b := next(t, w); len(b) != 1 || b[0].Path != a {
		t.Fatalf("batch = %+v", b)
	}
}
