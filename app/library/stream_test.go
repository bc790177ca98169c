package library

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unsafe"
)

// TestStreamDeliversInPathOrder checks that files are delivered one by
// one in the order of their slash-separated paths, including names that
// sort around a folder's "/" ("a.md" < "a/b.md" < "a0.md"), Chinese names
// and a symbolic link to a folder.
func TestStreamDeliversInPathOrder(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	write(t, filepath.Join(outside, "x.md"), "x")
	for _, rel := range []string{"a.md", "a/b.md", "a/c/d.md", "a-b.md", "a0.md", "a!.md", "文章/一.md", "文章.md", "z.md", "m/n.md"} {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		write(t, p, "---\ntitle: "+rel+"\n---\n")
	}
	if err := os.Symlink(outside, filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	var got []string
	err := Stream(context.Background(), dir, func(f *File) string { return f.Path }, func(p string) { got = append(got, p) })
	if err != nil {
		t.Fatal(err)
	}
	if !slices.IsSorted(got) || len(got) != 11 {
		t.Fatalf("delivered %q, want 11 paths in order", got)
	}
	if !slices.Contains(got, "link/x.md") {
		t.Fatalf("the linked folder's file is missing: %q", got)
	}
}

// TestStreamManyFilesKeepsOrder streams a generated folder larger than the
// delivery window and compares with Visit and with a sort.
func TestStreamManyFilesKeepsOrder(t *testing.T) {
	dir := t.TempDir()
	genFolder(t, dir, 1500, 5)
	var got []string
	if err := Stream(context.Background(), dir, func(f *File) string { return f.Path }, func(p string) { got = append(got, p) }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1500 || !slices.IsSorted(got) {
		t.Fatalf("%d paths, sorted %v", len(got), slices.IsSorted(got))
	}
	sums, err := Scan(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range sums {
		if s.Path != got[i] {
			t.Fatalf("Scan and Stream differ at %d: %s vs %s", i, s.Path, got[i])
		}
	}
}

func TestStreamStopsWhenCancelled(t *testing.T) {
	dir := t.TempDir()
	genFolder(t, dir, 300, 6)
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	err := Stream(ctx, dir, func(f *File) string { return f.Path }, func(string) {
		n++
		if n == 10 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || n != 10 {
		t.Fatalf("err = %v after %d deliveries, want cancelled after 10", err, n)
	}
	if err := Stream(context.Background(), filepath.Join(dir, "nope"), func(f *File) int { return 0 }, func(int) {}); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Fatalf("a missing folder: %v", err)
	}
}

// TestScanSharesRepeatedStrings checks that a scan keeps one copy of the
// field names and short values that repeat across articles, and that the
// summaries still read right.
func TestScanSharesRepeatedStrings(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.md", "b.md"} {
		write(t, filepath.Join(dir, name), "---\ntitle: "+name+"\ncategory: 行业洞察\ntags: [Go, 开源]\n---\n正文\n")
	}
	var got []Summary
	if err := StreamSummaries(context.Background(), dir, func(s Summary) { got = append(got, s) }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Category != "行业洞察" || !slices.Equal(got[1].Tags, []string{"Go", "开源"}) || got[1].Title != "b.md" {
		t.Fatalf("summaries = %+v", got)
	}
	same := func(a, b string) bool { return unsafe.StringData(a) == unsafe.StringData(b) }
	if got[0].fm.shape != got[1].fm.shape || !same(got[0].Category, got[1].Category) || !same(got[0].Tags[1], got[1].Tags[1]) {
		t.Fatal("repeated names, shapes and values are not shared")
	}
	if vals := got[0].fm.vals; cap(vals) != len(vals) {
		t.Fatalf("the schema's values keep spare room: len %d cap %d", len(vals), cap(vals))
	}
}

// TestEditSortedMatchesAFullSort checks both ways of editing the sorted
// rows (one by one, and merged for a large batch) against a full sort, and
// that the slice edited is left as it was.
func TestEditSortedMatchesAFullSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 5, maxPatch, maxPatch + 1, 300} {
		for range 20 {
			all := map[string]Summary{}
			var rows []Summary
			for range 200 {
				p := fmt.Sprintf("%c/%d.md", 'a'+r.IntN(5), r.IntN(100))
				all[p] = Summary{Path: p}
			}
			for _, s := range all {
				rows = append(rows, s)
			}
			slices.SortFunc(rows, func(a, b Summary) int { return strings.Compare(a.Path, b.Path) })
			before := slices.Clone(rows)
			edits := map[string]*Summary{}
			for range n {
				p := fmt.Sprintf("%c/%d.md", 'a'+r.IntN(6), r.IntN(120))
				if r.IntN(3) == 0 {
					edits[p] = nil
					delete(all, p)
				} else {
					s := Summary{Path: p, Title: "changed"}
					edits[p] = &s
					all[p] = s
				}
			}
			got := editSorted(rows, edits)
			var want []Summary
			for _, s := range all {
				want = append(want, s)
			}
			slices.SortFunc(want, func(a, b Summary) int { return strings.Compare(a.Path, b.Path) })
			if !reflect.DeepEqual(slices.Clip(got), slices.Clip(want)) && !(len(got) == 0 && len(want) == 0) {
				t.Fatalf("%d edits: got %d rows, want %d", n, len(got), len(want))
			}
			if !reflect.DeepEqual(rows, before) {
				t.Fatal("the shared rows were modified")
			}
		}
	}
}

func TestScanBriefHasNoSchemaPart(t *testing.T) {
	dir := t.TempDir()
	genFolder(t, dir, 30, 8)
	full, err := Scan(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	brief, err := ScanBrief(context.Background(), dir)
	if err != nil || len(brief) != len(full) {
		t.Fatalf("%d rows, %v", len(brief), err)
	}
	for i := range full {
		f := full[i]
		f.fm, f.Description = frontMatter{}, ""
		if brief[i].fm.shape != nil || full[i].fm.shape == nil || full[i].Description == "" || !reflect.DeepEqual(brief[i], f) {
			t.Fatalf("row %d differs:\n%+v\n%+v", i, brief[i], f)
		}
	}
}

func TestIndexLoadStreamShowsRowsAsTheyCome(t *testing.T) {
	dir := t.TempDir()
	genFolder(t, dir, 400, 9)
	ix := NewIndex(dir)
	var seen []int
	err := ix.LoadStream(context.Background(), 0, func() {
		rows := ix.Summaries()
		if !slices.IsSortedFunc(rows, func(a, b Summary) int { return strings.Compare(a.Path, b.Path) }) || ix.Len() != len(rows) {
			t.Fatalf("a partial index is not sorted or not consistent: %d rows, Len %d", len(rows), ix.Len())
		}
		seen = append(seen, len(rows))
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) < 2 || seen[0] >= 400 || ix.Len() != 400 || len(ix.Summaries()) != 400 {
		t.Fatalf("progress saw %v rows, index has %d", seen[:min(len(seen), 5)], ix.Len())
	}
	full := NewIndex(dir)
	if err := full.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	for i, s := range full.Summaries() {
		if ix.Summaries()[i].Path != s.Path || ix.Summaries()[i].Title != s.Title {
			t.Fatalf("row %d differs from Load", i)
		}
	}
	// Changes after the load are applied as usual.
	p := filepath.Join(dir, "new.md")
	write(t, p, "---\ntitle: 新\n---\n")
	ix.Apply([]Change{{Path: p}})
	if got, ok := ix.Get(p); !ok || got.Title != "新" || ix.Len() != 401 {
		t.Fatalf("after Apply: %+v %v", got, ok)
	}
}

// TestIndexKeepsOwnChangesDuringALoad saves, creates, renames and removes
// articles while a streamed load runs: the rows and the schema end as if
// the changes came after the load, and the load never brings back what
// Folio removed or replaced.
func TestIndexKeepsOwnChangesDuringALoad(t *testing.T) {
	dir := t.TempDir()
	genFolder(t, dir, 300, 11)
	paths, _ := visitPaths(t, dir)
	ix := NewIndex(dir)
	early, late := paths[5], paths[len(paths)-3] // read before and after the changes
	gone, moved := paths[len(paths)-2], paths[len(paths)-1]
	calls := 0
	err := ix.LoadStream(context.Background(), 0, func() {
		if calls++; calls != 20 {
			return
		}
		for _, p := range []string{early, late} {
			abs := ix.Abs(p)
			write(t, abs, "---\ntitle: 改了\nweight: 1\n---\n")
			ix.Put(abs, []byte("---\ntitle: 改了\nweight: 1\n---\n"))
		}
		os.Remove(ix.Abs(gone))
		ix.Remove(ix.Abs(gone))
		os.Rename(ix.Abs(moved), ix.Abs("zz-moved.md"))
		ix.Rename(ix.Abs(moved), ix.Abs("zz-moved.md"))
	})
	if err != nil {
		t.Fatal(err)
	}
	fresh := NewIndex(dir)
	if err := fresh.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	got, want := ix.Summaries(), fresh.Summaries()
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Path != want[i].Path || got[i].Title != want[i].Title {
			t.Fatalf("row %d: %s %q, want %s %q", i, got[i].Path, got[i].Title, want[i].Path, want[i].Title)
		}
	}
	sameSchema(t, "after a load with changes", ix.Schema(), fresh.Schema(), true)
}

// TestStreamSizesAroundTheWindow streams folders of sizes around the
// delivery window (none, one, a few, the window and one more…), with some
// files slow to read so that workers finish out of order: each file comes
// once, in path order, as a walk apart from the stream lists them.
func TestStreamSizesAroundTheWindow(t *testing.T) {
	for _, n := range []int{0, 1, 31, 33, streamWindow - 1, streamWindow + 1, streamWindow + 101} {
		dir := t.TempDir()
		genFolder(t, dir, n, uint64(n)+11)
		var want []string // listed apart from the stream
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && IsMarkdown(p) {
				rel, _ := filepath.Rel(dir, p)
				want = append(want, filepath.ToSlash(rel))
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		slow := func(f *File) string {
			if len(f.Path)%7 == 0 {
				time.Sleep(200 * time.Microsecond)
			}
			return f.Path
		}
		if err := Stream(context.Background(), dir, slow, func(p string) { got = append(got, p) }); err != nil {
			t.Fatal(err)
		}
		slices.Sort(want)
		if len(want) != n || !slices.Equal(got, want) {
			t.Fatalf("%d files: streamed %d, listed %d; equal %v", n, len(got), len(want), slices.Equal(got, want))
		}
	}
}
