package library

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

// TestLoadStreamFoldsCountsWhenAsked checks that a streamed load leaves
// the schema's counts to be made when first asked for (the list fills
// without them), and that the schema and samples are those of Load
// whether they are asked for after the load, or during it (the counts are
// then kept up to date with every row that comes after).
func TestLoadStreamFoldsCountsWhenAsked(t *testing.T) {
	dir := t.TempDir()
	genFolder(t, dir, 300, 5)
	full := NewIndex(dir)
	if err := full.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	want := full.Schema()
	for _, askAt := range []int{0, 1, 7, 25} { // 0: only after the load
		t.Run(fmt.Sprint("asked at progress ", askAt), func(t *testing.T) {
			ix := NewIndex(dir)
			calls, folded := 0, false
			err := ix.LoadStream(context.Background(), 0, func() {
				if calls++; calls == askAt {
					ix.Schema()
				}
				ix.mu.Lock()
				folded = ix.counts != nil
				ix.mu.Unlock()
				if askAt == 0 || calls < askAt {
					if folded {
						t.Fatalf("progress %d: the schema counts were made before anyone asked", calls)
					}
				} else if !folded {
					t.Fatalf("progress %d: the counts asked for at %d are gone", calls, askAt)
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			if askAt > calls {
				t.Fatalf("only %d progress calls", calls)
			}
			ix.mu.Lock()
			folded = ix.counts != nil
			ix.mu.Unlock()
			if folded != (askAt > 0) {
				t.Fatalf("after the load, counts made = %v", folded)
			}
			sameSchema(t, "streamed", ix.Schema(), want, false)
			if got := ix.Schema(); !reflect.DeepEqual(got, want) {
				t.Fatalf("schema differs from Load's:\n%+v\nwant\n%+v", got, want)
			}
			for _, k := range want.Keys {
				g, _ := ix.Sample(k.Key)
				w, _ := full.Sample(k.Key)
				if !reflect.DeepEqual(g, w) {
					t.Fatalf("sample of %s: %+v, want %+v", k.Key, g, w)
				}
			}
		})
	}
}

// TestLoadStreamSharesStringsAcrossWorkers checks that the rows of a
// streamed load (read by several workers, each interning in its scratch)
// share one copy of each repeated short string, quoted either way or
// plain, in the list's columns and the schema's values.
func TestLoadStreamSharesStringsAcrossWorkers(t *testing.T) {
	dir := t.TempDir()
	for i := range 60 {
		write(t, filepath.Join(dir, fmt.Sprintf("a%02d.md", i)), fmt.Sprintf(
			"---\ntitle: 'T%d'\ncategory: '行业''洞察'\nauthor: \"Ann\"\ntags: ['Go', \"开源\", x]\ndraft: false\n---\n正文\n", i))
	}
	ix := NewIndex(dir)
	if err := ix.LoadStream(context.Background(), 0, nil); err != nil {
		t.Fatal(err)
	}
	rows := ix.Summaries()
	if len(rows) != 60 || rows[0].Category != "行业'洞察" || !slices.Equal(rows[7].Tags, []string{"Go", "开源", "x"}) || rows[3].Title != "T3" {
		t.Fatalf("rows = %+v", rows[:min(len(rows), 2)])
	}
	same := func(a, b string) bool { return unsafe.StringData(a) == unsafe.StringData(b) }
	for _, r := range rows[1:] {
		if !same(r.Category, rows[0].Category) || len(r.Tags) != 3 || !same(r.Tags[0], rows[0].Tags[0]) || !same(r.Tags[1], rows[0].Tags[1]) {
			t.Fatalf("%s: its category and tags are not shared with %s's", r.Path, rows[0].Path)
		}
		if len(r.fm.vals) != len(rows[0].fm.vals) || r.fm.shape != rows[0].fm.shape {
			t.Fatalf("%s: another shape", r.Path)
		}
		for i, v := range r.fm.vals {
			if !strings.HasPrefix(v, "T") && !same(v, rows[0].fm.vals[i]) { // all but the title repeat
				t.Fatalf("%s: schema value %q not shared", r.Path, v)
			}
		}
	}
}
