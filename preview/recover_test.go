package preview

import (
	"strings"
	"testing"
	"time"
)

// TestPreviewRecoversFromAPanic: a defect while parsing one article is
// reported through OnError instead of killing the app (the worker runs on
// its own goroutine, where a panic ends the process); the next update is
// shown normally (issue 12).
func TestPreviewRecoversFromAPanic(t *testing.T) {
	p := showPreview(t)
	p.debounce = time.Millisecond
	var got error
	p.OnError = func(err error) { got = err }
	p.doc = nil // the next parse panics (nil pointer)
	p.Update([]byte("# one"), Meta{}, "", 1)
	q := uiQueues[p]
	q.runUntil(t, func() bool { return got != nil })
	if !strings.Contains(got.Error(), "internal error") || p.doc == nil {
		t.Fatalf("OnError got %v; doc reset: %v", got, p.doc != nil)
	}
	p.Update([]byte("# two"), Meta{}, "", 1)
	q.runUntil(t, func() bool { return strings.Contains(visibleText(p), "two") }) // fails the test on time-out
}
