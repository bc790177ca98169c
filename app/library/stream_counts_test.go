package library

import (
	"context"
	"fmt"
	"reflect"
	"testing"
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
