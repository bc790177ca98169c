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
