package app

import (
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
)

// TestFilterShowsTheFirstMatchAtTheTop: with the list scrolled down (the
// open article near its end), typing a filter shows the first match at
// the top, not the end of the matches (QA F3).
func TestFilterShowsTheFirstMatchAtTheTop(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.win.Resize(fyne.NewSize(1200, 600))
	for i := range 80 {
		sub := "keep"
		if i%3 == 0 {
			sub = "bad"
		}
		p := filepath.Join(dir, sub, fmt.Sprintf("p%02d.md", i))
		if err := mkdirFor(p); err != nil {
			t.Fatal(err)
		}
		write(t, p, fmt.Sprintf("---\ntitle: 文章 %02d\ndate: 2024-01-%02d\n---\n", i, 1+i%28))
	}
	ws.scan("")
	queues[ws].runUntil(t, func() bool { return len(ws.list.articles()) >= 80 })
	ws.list.list.ScrollToBottom()
	if ws.list.list.GetScrollOffset() <= 0 {
		t.Fatal("the list did not scroll down")
	}
	ws.list.filter.SetText("bad/")
	if n := len(ws.list.articles()); n < 20 {
		t.Fatalf("%d matches", n)
	}
	if off := ws.list.list.GetScrollOffset(); off != 0 {
		t.Errorf("after filtering the list is scrolled to %v, want 0 (the first match at the top)", off)
	}
}
