package editor

import (
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
