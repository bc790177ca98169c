package library

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestReadUnwatchedValidates: rows read before the folder was watched
// are checked by Validate once ReadUnwatched says so: a file changed,
// added or removed after the load read the folder (no event told) gets
// its row; unchanged files are not read again. Without ReadUnwatched
// Validate leaves a streamed load's rows alone.
func TestReadUnwatchedValidates(t *testing.T) {
	dir := cacheFolder(t, 30)
	start := time.Now()
	ix := freshIndex(t, dir)

	if changed, read, err := ix.Validate(context.Background()); err != nil || read != 0 || len(changed) != 0 {
		t.Fatalf("Validate of a streamed load, not marked: %v changed, %d read, %v; want nothing", changed, read, err)
	}

	writeTree(t, dir, map[string]string{
		"odd/toml.md":    "+++\ntitle = \"TOML changed meanwhile\"\n+++\n",
		"new/created.md": "---\ntitle: Created meanwhile\n---\n",
	})
	if err := os.Remove(filepath.Join(dir, "odd", "none.md")); err != nil {
		t.Fatal(err)
	}

	ix.ReadUnwatched(start)
	if !ix.Cached() {
		t.Fatal("Cached() = false after ReadUnwatched: the rows are not marked to validate")
	}
	changed, read, err := ix.Validate(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"new/created.md", "odd/none.md", "odd/toml.md"}
	if !slices.Equal(changed, want) {
		t.Errorf("changed = %v, want %v", changed, want)
	}
	if read != len(want) {
		t.Errorf("read %d files again, want %d (only those changed: the rest are older than the racy window)", read, len(want))
	}
	if s, ok := ix.Get(filepath.Join(dir, "odd", "toml.md")); !ok || s.Title != "TOML changed meanwhile" {
		t.Errorf("odd/toml.md row = %+v, want its new title", s)
	}
	if _, ok := ix.Get(filepath.Join(dir, "odd", "none.md")); ok {
		t.Error("odd/none.md still has a row after it was removed")
	}
	if ix.Cached() {
		t.Error("Cached() = true after Validate")
	}
	// The rows equal a fresh load's.
	if d := sameCachedRows(ix, freshIndex(t, dir)); d != "" {
		t.Error(d)
	}
}

// TestValidateRacyUnchangedIsNoChange: a file Validate reads again only
// because it was modified shortly before the rows were read (racy), and
// found as its row says, is not reported as changed (the list is not
// rebuilt for it); one that did change is.
func TestValidateRacyUnchangedIsNoChange(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"a.md": "---\ntitle: A\ntags: [x]\n---\nbody\n",
		"b.md": "---\ntitle: B\n---\nbody\n",
	})
	start := time.Now()
	ix := freshIndex(t, dir)
	writeTree(t, dir, map[string]string{"b.md": "---\ntitle: B changed\n---\nbody\n"})
	ix.ReadUnwatched(start)
	changed, read, err := ix.Validate(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if read != 2 {
		t.Errorf("read %d files again, want both (modified within the racy window)", read)
	}
	if want := []string{"b.md"}; !slices.Equal(changed, want) {
		t.Errorf("changed = %v, want %v (a.md was read again and found as it was)", changed, want)
	}
}
