package app

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// previewScroll finds the preview's scroll container.
func previewScroll(t *testing.T, ws *workspace) *container.Scroll {
	t.Helper()
	for _, o := range test.LaidOutObjects(ws.prev) {
		if s, ok := o.(*container.Scroll); ok {
			return s
		}
	}
	t.Fatal("the preview has no scroll container")
	return nil
}

// runFor runs queued UI functions for d.
func (q uiQueue) runFor(d time.Duration) {
	end := time.After(d)
	for {
		select {
		case f := <-q:
			f()
		case <-end:
			return
		}
	}
}

func longArticle(title string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\n---\n", title)
	for i := range n {
		fmt.Fprintf(&b, "## 第 %d 节\n\n这是第 %d 段，有一些文字。\n\n", i, i)
	}
	return b.String()
}

func TestANewlyOpenedArticlesPreviewStartsAtTheTop(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	q := queues[ws]
	a, b := filepath.Join(dir, "long-a.md"), filepath.Join(dir, "long-b.md")
	write(t, a, longArticle("甲", 250))
	write(t, b, longArticle("乙", 300))
	ws.load(a)
	q.runFor(300 * time.Millisecond) // the preview shows a
	sc := previewScroll(t, ws)
	sc.Content.Resize(sc.Content.MinSize()) // no render loop lays it out in a test
	ws.prev.ScrollToSourceLine(300)
	if sc.Offset.Y < 100 {
		t.Fatalf("could not scroll a's preview down: offset %v", sc.Offset.Y)
	}
	ws.load(b)
	q.runFor(300 * time.Millisecond) // the preview shows b
	if got := sc.Offset.Y; got != 0 {
		t.Errorf("b's preview opened at offset %v, want its top", got)
	}
}
