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
