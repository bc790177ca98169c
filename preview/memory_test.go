package preview

import (
	"folio/preview/markdown"

	"bytes"
	"fmt"
	"runtime"
	"testing"
)

// footnotedArticle is the seed article repeated to n bytes, each copy with
// a footnote reference and its definition.
func footnotedArticle(tb testing.TB, n int) []byte {
	_, body, _ := splitSeed(tb)
	var b bytes.Buffer
	for i := 0; b.Len() < n; i++ {
		b.Write(body)
		fmt.Fprintf(&b, "\n\n脚注引用[^n%d]在这里。\n\n[^n%d]: 第%d个脚注的内容。\n\n", i, i, i)
	}
	return b.Bytes()
}

func heapInUse() uint64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// TestEditsDoNotPinOldBodies: 30 edits of a 1.2 MB Chinese article with
// footnotes (each one a full parse, since footnote numbering can change)
// keep the retained heap near that of one parse. Before, every reused
// block pinned the whole body (and tree) of the parse that made it: 12.9
// MB grew to 132.5 MB.
func TestEditsDoNotPinOldBodies(t *testing.T) {
	const edits = 30
	if testing.Short() {
		t.Skip("memory test")
	}
	body := footnotedArticle(t, 1200<<10)
	d := markdown.NewDocument(newMarkdown())
	show := func(blocks []*markdown.TopBlock) { // the preview converts what it shows
		for i, tb := range blocks {
			if i%7 == 0 {
				tb.Block.Fill()
			}
		}
	}
	show(d.Set(bytes.Clone(body)))
	base := heapInUse()
	// Edit the paragraph before a footnote reference, a different one each
	// time, as a writer going through the article does: the edited block is
	// new, and later parses reuse it.
	for i := range edits {
		at := bytes.Index(body, []byte(fmt.Sprintf("\n\n脚注引用[^n%d]", i)))
		body = append(body[:at:at], append([]byte("改"), body[at:]...)...)
		show(d.Set(bytes.Clone(body)))
		if d.LastIncremental() {
			t.Fatal("an edit beside a footnote was incremental")
		}
	}
	grown := int64(heapInUse()) - int64(base)
	runtime.KeepAlive(d)
	t.Logf("retained heap grew by %.1f MB over %d edits (one parse: %.1f MB)", float64(grown)/(1<<20), edits, float64(base)/(1<<20))
	if grown > 30<<20 {
		t.Errorf("retained heap grew by %.1f MB over %d edits", float64(grown)/(1<<20), edits)
	}
}
