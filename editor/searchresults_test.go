package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"folio/app/library"
)

// SearchHit must stay convertible from library.Hit (same fields, same
// order): this fails to compile otherwise.
var _ = SearchHit(library.Hit{})

// richTextWith returns the tappable row showing a RichText whose text is s.
func richRow(w fyne.Window, s string) (fyne.Tappable, *widget.RichText) {
	var found fyne.Tappable
	var rt *widget.RichText
	var walk func(o fyne.CanvasObject, tap fyne.Tappable)
	walk = func(o fyne.CanvasObject, tap fyne.Tappable) {
		if found != nil || !o.Visible() {
			return
		}
		if t, ok := o.(fyne.Tappable); ok {
			tap = t
		}
		if x, ok := o.(*widget.RichText); ok && x.String() == s && tap != nil {
			found, rt = tap, x
			return
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c, tap)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c, tap)
			}
		}
	}
	walk(w.Content(), nil)
	return found, rt
}

func TestSearchResults(t *testing.T) {
	test.NewTempApp(t)
	r := NewSearchResults()
	var opened []string
	r.OnOpen = func(path string, line int) { opened = append(opened, path+":"+string(rune('0'+line))) }
	w := test.NewTempWindow(t, r)
	w.Resize(fyne.NewSize(600, 500))

	r.Add(SearchHit{Path: "a.md", Line: 3, Col: 4, Len: 2, Context: "the Go way", ContextCol: 4})
	r.Add(SearchHit{Path: "sub/b.md", Line: 1, Len: 6, Context: "边缘计算 Go", ContextCol: 0},
		SearchHit{Path: "a.md", Line: 7, Len: 2, Context: "Go", ContextCol: 0})
	if h, f := r.Count(); h != 3 || f != 2 {
		t.Fatalf("count %d hits %d files", h, f)
	}
	if r.summary.Text != "3 matches in 2 files" {
		t.Errorf("summary %q", r.summary.Text)
	}
	// Rows: a.md header, its two hits, b.md header, its hit.
	if n := r.list.Length(); n != 5 {
		t.Fatalf("%d rows, want 5", n)
	}
	tap, rt := richRow(w, "the Go way")
	if tap == nil {
		t.Fatal("hit row not shown")
	}
	if seg := rt.Segments[1].(*widget.TextSegment); seg.Text != "Go" || !seg.Style.TextStyle.Bold {
		t.Errorf("match segment %+v", seg)
	}
	test.Tap(tap)
	if len(opened) != 1 || opened[0] != "a.md:3" {
		t.Errorf("opened %v", opened)
	}
	// OnOpenHit gets the whole hit.
	var got SearchHit
	r.OnOpenHit = func(h SearchHit) { got = h }
	if tap, _ := richRow(w, "边缘计算 Go"); tap != nil {
		test.Tap(tap)
	}
	if got.Path != "sub/b.md" || got.Len != 6 {
		t.Errorf("OnOpenHit got %+v", got)
	}
	// Tapping a header folds its file.
	head, _ := richRow(w, "a.md  2")
	if head == nil {
		t.Fatal("header not shown")
	}
	test.Tap(head)
	if n := r.list.Length(); n != 3 {
		t.Errorf("%d rows after folding, want 3", n)
	}
	head, _ = richRow(w, "a.md  2")
	test.Tap(head)
	if n := r.list.Length(); n != 5 {
		t.Errorf("%d rows after unfolding, want 5", n)
	}
	r.Done(true)
	if r.summary.Text != "Search stopped at 3 matches in 2 files" {
		t.Errorf("limited summary %q", r.summary.Text)
	}
	r.Clear()
	if r.list.Length() != 0 || r.summary.Text != "" {
		t.Error("Clear left rows")
	}
	r.Done(false)
	if r.summary.Text != "No results" {
		t.Errorf("empty summary %q", r.summary.Text)
	}
}

func TestHitFeed(t *testing.T) {
	test.NewTempApp(t)
	r := NewSearchResults()
	var queue []func()
	do := func(fn func()) { queue = append(queue, fn) }
	run := func() {
		for len(queue) > 0 {
			fn := queue[0]
			queue = queue[1:]
			fn()
		}
	}
	feed := r.Feed(do)
	for i := range 100 {
		feed.Add(SearchHit{Path: "a.md", Line: i + 1, Context: "x", Len: 1})
	}
	if len(queue) != 1 {
		t.Fatalf("%d hand-overs queued for 100 hits, want 1", len(queue))
	}
	run()
	if h, _ := r.Count(); h != 100 {
		t.Fatalf("%d hits shown", h)
	}
	feed.Add(SearchHit{Path: "b.md", Line: 1})
	feed.Done(false)
	run()
	if h, f := r.Count(); h != 101 || f != 2 || r.summary.Text != "101 matches in 2 files" {
		t.Errorf("after Done: %d hits, %d files, %q", h, f, r.summary.Text)
	}
	// A new search drops what the old one still sends.
	feed.Add(SearchHit{Path: "old.md"})
	r.Clear()
	feed2 := r.Feed(do)
	feed2.Add(SearchHit{Path: "new.md"})
	feed.Done(true)
	run()
	if h, f := r.Count(); h != 1 || f != 1 || r.summary.Text != "1 match in 1 file" {
		t.Errorf("stale hits shown: %d hits, %d files, %q", h, f, r.summary.Text)
	}
}

func TestHitFeedConcurrent(t *testing.T) {
	test.NewTempApp(t)
	r := NewSearchResults()
	ui := make(chan func(), 1024)
	feed := r.Feed(func(fn func()) { ui <- fn })
	const senders, each = 4, 1000
	done := make(chan struct{})
	for s := range senders {
		go func() {
			for i := range each {
				feed.Add(SearchHit{Path: string(rune('a' + s)), Line: i + 1})
			}
			done <- struct{}{}
		}()
	}
	finished := 0
	for finished < senders || len(ui) > 0 {
		select {
		case fn := <-ui:
			fn()
		case <-done:
			finished++
		}
	}
	feed.Done(false)
	(<-ui)()
	if h, f := r.Count(); h != senders*each || f != senders {
		t.Errorf("%d hits in %d files, want %d in %d", h, f, senders*each, senders)
	}
}

func TestSearchSummaryPlurals(t *testing.T) {
	test.NewTempApp(t)
	r := NewSearchResults()
	for _, c := range []struct {
		hits    []SearchHit
		limited bool
		want    string
	}{
		{nil, false, "No results"},
		{[]SearchHit{{Path: "a"}}, false, "1 match in 1 file"},
		{[]SearchHit{{Path: "a"}, {Path: "a"}}, false, "2 matches in 1 file"},
		{[]SearchHit{{Path: "a"}, {Path: "b"}}, false, "2 matches in 2 files"},
		{[]SearchHit{{Path: "a"}, {Path: "a"}}, true, "Search stopped at 2 matches in 1 file"},
		{[]SearchHit{{Path: "a"}, {Path: "b"}}, true, "Search stopped at 2 matches in 2 files"},
	} {
		r.Clear()
		r.Add(c.hits...)
		r.Done(c.limited)
		if r.summary.Text != c.want {
			t.Errorf("%d hits, limited %v: %q, want %q", len(c.hits), c.limited, r.summary.Text, c.want)
		}
	}
}

func TestHitParts(t *testing.T) {
	long := strings.Repeat("前", 40)
	for _, c := range []struct {
		h                    SearchHit
		before, match, after string
	}{
		{SearchHit{Context: "the Go way", ContextCol: 4, Len: 2}, "the ", "Go", " way"},
		{SearchHit{Context: "…" + long + "NEEDLE tail", ContextCol: len("…" + long), Len: 6}, "…" + strings.Repeat("前", hitLead), "NEEDLE", " tail"},
		{SearchHit{Context: "x" + strings.Repeat("后", 200), ContextCol: 0, Len: 1}, "", "x", strings.Repeat("后", hitTail) + "…"},
		{SearchHit{Context: "short", ContextCol: 99, Len: 5}, "short", "", ""},
	} {
		b, m, a := hitParts(c.h)
		if b != c.before || m != c.match || a != c.after {
			t.Errorf("hitParts(%q) = %q %q %q", c.h.Context, b, m, a)
		}
	}
}
