package form

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestTypingIsWrittenAfterAPause: text typed in a field reaches the
// article after a short pause while the caret stays in the field (QA: a
// title typed without Enter was neither marked unsaved nor journalled, so
// kill -9 lost it). The field keeps its focus, text and caret.
func TestTypingIsWrittenAfterAPause(t *testing.T) {
	h := newHarness(t, readSample(t, "2024-ai-trends.md"), nil)
	var pending []func()
	var delays []time.Duration
	stopped := 0
	h.f.later = func(d time.Duration, fn func()) func() bool {
		delays = append(delays, d)
		i := len(pending)
		pending = append(pending, fn)
		return func() bool {
			if pending[i] != nil {
				pending[i] = nil
				stopped++
				return true
			}
			return false
		}
	}
	fire := func() {
		for i, fn := range pending {
			if fn != nil {
				pending[i] = nil
				fn()
			}
		}
	}
	title := h.entry("title").entry
	h.w.Canvas().Focus(title)
	title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	h.noEdit("typing", func() { test.Type(title, "！？") })
	if len(delays) != 2 || stopped != 1 || delays[0] > time.Second {
		t.Fatalf("idle commits asked %v, stopped %d: want one per keystroke, each stopping the last, ≤ 1 s", delays, stopped)
	}
	col := title.CursorColumn
	h.step("pause", `title: "2024年AI技术发展趋势预测！？"`, fire)
	if h.w.Canvas().Focused() != title || title.Text != "2024年AI技术发展趋势预测！？" || title.CursorColumn != col {
		t.Errorf("after the pause: focus %v, text %q, caret %d (was %d)", h.w.Canvas().Focused() == title, title.Text, title.CursorColumn, col)
	}
	h.noEdit("a pause with nothing new", fire)
	h.step("more typing, another pause", `title: "2024年AI技术发展趋势预测！？好"`, func() {
		test.Type(title, "好")
		fire()
	})
	// Text the document puts in a field that is not focused writes nothing.
	author := h.entry("author").entry
	h.noEdit("set from the document", func() {
		author.SetText("别人")
		fire()
	})
}

// TestNonStopTypingIsWrittenWithinASecond: keys typed without a pause
// long enough for idleCommit still reach the article at most maxCommitWait
// after the first of them (QA G13: the pause restarted at every key, so a
// crash after two seconds of non-stop typing in a field lost it all).
func TestNonStopTypingIsWrittenWithinASecond(t *testing.T) {
	h := newHarness(t, readSample(t, "2024-ai-trends.md"), nil)
	clock := time.Date(2026, 12, 2, 15, 0, 0, 0, time.UTC)
	h.f.opts.Now = func() time.Time { return clock }
	type timer struct {
		due time.Time
		fn  func()
	}
	var pending *timer
	h.f.later = func(d time.Duration, fn func()) func() bool {
		tm := &timer{clock.Add(d), fn}
		pending = tm
		return func() bool {
			if pending == tm {
				pending = nil
				return true
			}
			return false
		}
	}
	title := h.entry("title").entry
	h.w.Canvas().Focus(title)
	start := clock
	var written []time.Duration // when the field's text reached the article
	n := len(h.edits)
	for range 12 { // a key every 200 ms: never a 300 ms pause
		test.Type(title, "好")
		clock = clock.Add(200 * time.Millisecond)
		if pending != nil && !pending.due.After(clock) {
			tm := pending
			pending = nil
			tm.fn()
			if len(h.edits) > n {
				written = append(written, tm.due.Sub(start))
				n = len(h.edits)
			}
		}
	}
	if len(written) == 0 || written[0] > maxCommitWait {
		t.Fatalf("2.4 s of non-stop typing wrote the field at %v after the first key, want the first write ≤ %v", written, maxCommitWait)
	}
	if len(written) < 2 {
		t.Errorf("2.4 s of non-stop typing wrote the field %d times (%v), want at least 2", len(written), written)
	}
}
