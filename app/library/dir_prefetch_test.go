package library

import (
	"context"
	"io/fs"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"
)

func TestColdFolder(t *testing.T) {
	tests := []struct {
		seen, refused int
		cold          bool
	}{
		{0, 0, false},
		{255, 255, false}, // too few files to tell
		{256, 26, true},
		{256, 25, false}, // one in ten or fewer: a few files dropped from a cached folder
		{150000, 750, false},
		{150000, 150000, true},
	}
	for _, tc := range tests {
		var c coldFolder
		for i := range tc.seen {
			c.count(i < tc.refused)
		}
		if got := c.cold(); got != tc.cold {
			t.Errorf("%d files, %d refused: cold = %v, want %v", tc.seen, tc.refused, got, tc.cold)
		}
	}
}

// subfolders lists every folder under root but root, in path order.
func subfolders(t *testing.T, root string) []string {
	t.Helper()
	var dirs []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && p != root {
			dirs = append(dirs, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}

// walkAll walks root with w and returns the files it emitted.
func walkAll(t *testing.T, w *walker, root string) []string {
	t.Helper()
	var rels []string
	w.emit = func(rel, abs string, err error) {
		if err != nil {
			t.Errorf("%s: %v", rel, err)
		}
		rels = append(rels, rel)
	}
	if err := w.walk(root, ""); err != nil {
		t.Fatal(err)
	}
	return rels
}

// TestWalkListsFoldersAheadOnlyWhenCold walks a tree of page bundles
// three times: warm (no folder handed to the prefetch), cold from the
// start (folders of the tree handed at most once each, at least half of
// them) and found cold halfway (the listers start); the first two emit
// the same files.
func TestWalkListsFoldersAheadOnlyWhenCold(t *testing.T) {
	root := t.TempDir()
	genHugoFolder(t, root, 600, 3)
	dirs := subfolders(t, root)
	if len(dirs) < 100 {
		t.Fatalf("only %d folders", len(dirs))
	}
	ctx := context.Background()
	warm := walker{ctx: ctx, stack: []string{root}, cold: new(coldFolder)}
	want := walkAll(t, &warm, root)
	if warm.prefetch != nil {
		t.Fatal("a warm walk started listing folders ahead")
	}

	// A prefetch with no listers: what the walk hands it stays in paths.
	handed := func(w *walker) []string {
		close(w.prefetch.paths)
		var got []string
		for p := range w.prefetch.paths {
			got = append(got, p)
		}
		return got
	}
	cold := new(coldFolder)
	for range 256 {
		cold.count(true)
	}
	w := walker{ctx: ctx, stack: []string{root}, cold: cold,
		prefetch: &dirPrefetch{paths: make(chan string, 2*len(dirs))}}
	if got := walkAll(t, &w, root); !slices.Equal(got, want) {
		t.Fatalf("the cold walk emitted %d files, the warm one %d", len(got), len(want))
	}
	got := handed(&w)
	seen := map[string]bool{}
	for _, p := range got {
		if seen[p] {
			t.Errorf("%s handed twice", p)
		}
		seen[p] = true
		if !slices.Contains(dirs, p) {
			t.Errorf("%s handed, not a folder of the tree", p)
		}
	}
	// Each folder's subfolders but its first are handed before the walk
	// goes into the first: the walk itself lists the one it enters.
	if len(got) < len(dirs)/2 {
		t.Errorf("%d of %d folders handed ahead", len(got), len(dirs))
	}

	// Found cold halfway: folders are handed from then on only.
	half := new(coldFolder)
	files := 0
	w = walker{ctx: ctx, stack: []string{root}, cold: half}
	w.emit = func(rel, abs string, err error) {
		files++
		half.count(files > len(want)/2)
	}
	if err := w.walk(root, ""); err != nil {
		t.Fatal(err)
	}
	if w.prefetch == nil {
		t.Fatal("the walk did not start listing ahead once the folder was found cold")
	}
	w.closePrefetch()
}

// TestDirPrefetchLists hands real folders to a prefetch's listers: each is
// listed, and close returns once they stop.
func TestDirPrefetchLists(t *testing.T) {
	root := t.TempDir()
	genHugoFolder(t, root, 60, 1)
	dirs := subfolders(t, root)
	p := newDirPrefetch()
	for _, d := range dirs[:min(len(dirs), prefetchAhead)] {
		p.submit(d)
	}
	p.submit(filepath.Join(root, "missing")) // an error is no harm
	want := int64(min(len(dirs), prefetchAhead) + 1)
	for deadline := time.Now().Add(10 * time.Second); p.listed.Load() < want; {
		if time.Now().After(deadline) {
			t.Fatalf("listed %d of %d folders", p.listed.Load(), want)
		}
		time.Sleep(time.Millisecond)
	}
	p.close()
}

// TestStreamOfAColdFolder loads a tree of page bundles whose every file
// "must come from the disk": the folders are listed ahead, and the Index
// is the one a load of the cached folder makes.
func TestStreamOfAColdFolder(t *testing.T) {
	dir := t.TempDir()
	genHugoFolder(t, dir, 1500, 7)
	want := NewIndex(dir)
	if err := want.LoadStream(context.Background(), 0, nil); err != nil {
		t.Fatal(err)
	}
	var aheads []bool
	coldWalkTest = func(ahead bool) { aheads = append(aheads, ahead) }
	t.Cleanup(func() { coldWalkTest = nil })
	warm := NewIndex(dir)
	if err := warm.LoadStream(context.Background(), 0, nil); err != nil {
		t.Fatal(err)
	}
	blockFiles(t, dir, func(int) bool { return true })
	got := NewIndex(dir)
	if err := got.LoadStream(context.Background(), 0, nil); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Summaries(), want.Summaries()) {
		t.Error("the cold load's rows differ from the cached load's")
	}
	if !slices.Equal(aheads, []bool{false, true}) {
		t.Errorf("listed folders ahead (cached load, cold load): %v, want [false true]", aheads)
	}
}

// TestSearchOfAColdFolder searches a tree of page bundles whose every
// file "must come from the disk": the walk lists folders ahead, and the
// hits are those of a search of the cached folder.
func TestSearchOfAColdFolder(t *testing.T) {
	dir := t.TempDir()
	genHugoFolder(t, dir, 1500, 9)
	opts := SearchOptions{MaxHits: 1 << 30}
	want, err := searchAll(t, dir, "边缘计算", opts)
	if err != nil || len(want) == 0 {
		t.Fatalf("%d hits, err %v", len(want), err)
	}
	var aheads []bool
	coldWalkTest = func(ahead bool) { aheads = append(aheads, ahead) }
	t.Cleanup(func() { coldWalkTest = nil })
	if _, err := searchAll(t, dir, "边缘计算", opts); err != nil {
		t.Fatal(err)
	}
	blockFiles(t, dir, func(int) bool { return true })
	got, err := searchAll(t, dir, "边缘计算", opts)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%d hits in the cold folder, %d in the cached one", len(got), len(want))
	}
	if !slices.Equal(aheads, []bool{false, true}) {
		t.Errorf("listed folders ahead (cached search, cold search): %v, want [false true]", aheads)
	}
}
