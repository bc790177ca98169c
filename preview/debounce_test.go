package preview

import (
	"strings"
	"testing"
	"time"
)

// TestPreviewWithoutDebounceParsesAtOnce: with SetDebounce(0) (the shell
// debounces typing itself) an Update is parsed on a worker at once: no
// timer is armed, and its result reaches the UI even though the default
// debounce would not have fired yet.
func TestPreviewWithoutDebounceParsesAtOnce(t *testing.T) {
	p := showPreview(t)
	if p.Debounce() != DefaultDebounce {
		t.Fatalf("a new preview debounces %v, want %v", p.Debounce(), DefaultDebounce)
	}
	p.SetDebounce(time.Hour) // positive control: this one must not be shown
	p.Update([]byte("# held back"), Meta{}, "", 1)
	p.SetDebounce(0)
	if p.Debounce() != 0 {
		t.Fatalf("Debounce() = %v after SetDebounce(0)", p.Debounce())
	}
	p.Update([]byte("# 外部重新载入"), Meta{}, "", 1)
	p.mu.Lock()
	armed := p.timer != nil
	p.mu.Unlock()
	if armed {
		t.Fatal("an Update without debounce armed a timer")
	}
	uiQueues[p].runUntil(t, func() bool { return strings.Contains(visibleText(p), "外部重新载入") })
	if strings.Contains(visibleText(p), "held back") {
		t.Error("the update replaced by a newer one was shown")
	}
}

// TestPreviewWithoutDebounceShowsTheNewest: updates that come while the
// worker is busy are not all parsed in turn; the last one is shown and a
// result older than the one shown is dropped.
func TestPreviewWithoutDebounceShowsTheNewest(t *testing.T) {
	p := showPreview(t)
	p.SetDebounce(0)
	p.work.Lock() // the worker is busy: the updates queue up behind it
	for _, s := range []string{"# one", "# two", "# three"} {
		p.Update([]byte(s), Meta{}, "", 1)
	}
	p.work.Unlock()
	q := uiQueues[p]
	q.runUntil(t, func() bool { return p.applied == 3 })
	if got := visibleText(p); !strings.Contains(got, "three") || strings.Contains(got, "one") {
		t.Fatalf("shows %q, want the last update", got)
	}
	// The workers that found nothing pending send nothing more.
	select {
	case f := <-q:
		f()
		if p.applied != 3 || !strings.Contains(visibleText(p), "three") {
			t.Fatal("a late result replaced the newest")
		}
	case <-time.After(50 * time.Millisecond):
	}
}

// TestShowNowShowsInTheSameTurn: ShowNow parses and shows a small body on
// the calling (UI) goroutine: nothing waits in the UI queue; a big body,
// or one that comes while the worker is busy, goes to the worker.
func TestShowNowShowsInTheSameTurn(t *testing.T) {
	p := showPreview(t)
	q := uiQueues[p]
	p.ShowNow([]byte("# 重新载入\n\n正文。"), Meta{Title: "外部的标题"}, "", 1)
	if got := visibleText(p); !strings.Contains(got, "重新载入") || !strings.Contains(got, "外部的标题") {
		t.Fatalf("after ShowNow the preview shows %q", got)
	}
	if len(q) != 0 {
		t.Errorf("%d functions queued for the UI: ShowNow went through the worker", len(q))
	}

	big := []byte("# 大文章\n\n" + strings.Repeat("很长的一段。\n\n", nowBytes/10))
	p.SetDebounce(0)
	p.ShowNow(big, Meta{}, "", 1)
	if strings.Contains(visibleText(p), "大文章") {
		t.Fatal("a big body was parsed on the UI goroutine")
	}
	q.runUntil(t, func() bool { return strings.Contains(visibleText(p), "大文章") })

	p.work.Lock() // the worker is busy
	p.ShowNow([]byte("# 忙的时候"), Meta{}, "", 1)
	if strings.Contains(visibleText(p), "忙的时候") {
		t.Fatal("ShowNow waited for a busy worker on the UI goroutine")
	}
	p.work.Unlock()
	q.runUntil(t, func() bool { return strings.Contains(visibleText(p), "忙的时候") })
}
