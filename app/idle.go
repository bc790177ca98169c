package app

import (
	"os"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.4/glfw"
)

// Folio idles without waking: Fyne's driver loop polls for window events 60
// times a second even when nothing happens. Folio's patched GLFW
// (third_party/glfw, idle.go there) lets that poll wait for an event
// instead, as long as the rule below allows; input, expose, resize, focus
// and close events end the wait at once, and so does every hand-over of
// work to the UI goroutine that goes through Folio's do (idleLoop.do).
//
// The rule: wait (at most idleWaitMax) only when, for idleGrace, no frame
// was drawn, no window callback ran and no hand-over was pending or run.
// A running animation draws frames, so it keeps the loop at 60 Hz; Folio
// turns Fyne's animations off (app/steady.go), so no caret fades: neither
// the editor's nor a focused form field's, filter's or dialog's.
// After each wait the loop polls idleSettle more times without waiting, so
// work queued by goroutines that do not wake it (below) runs and is drawn.
//
// Who can still wait up to idleWaitMax (+ idleSettle ticks): hand-overs that call
// fyne.Do directly, not Folio's do, while the loop waits: the input
// method's caret poll (app/ime.go, 4 Hz while focused), and Fyne's own: the
// settings file watcher (a theme change made in another program), the
// preferences file's re-arm 100 ms after a save, the system tray's menu.
// Not delayed, as they come within idleGrace of the input that started
// them: the scroll bar hiding 500 ms after a scroll, a click's single-tap
// delivery 300 ms later (Fyne waits for a double tap). app.Quit from a
// goroutine ends the loop after the wait.
// FOLIO_IDLE=0 in the environment keeps upstream's 60 Hz polling.
//
// Why 500 ms: each wake costs the Go runtime a round of thread wake-ups
// (its sysmon spins up again), so idle CPU goes with the number of wakes:
// over 30 s unfocused, 0.14 s with 250 ms waits, 0.08 s with 500 ms, 0.45 s
// polling at 60 Hz; and none of the unwoken hand-overs above is one a user
// waits for (input restarts the grace, so a scroll's or a click's own timers
// run at 60 Hz).
const (
	idleGrace   = time.Second
	idleWaitMax = 500 * time.Millisecond
	idleSettle  = 2
)

// idleSignals is what the rule sees before each poll: the time and the
// activity since the previous poll.
type idleSignals struct {
	now               time.Time
	frames, callbacks uint64 // GLFW's counters (glfw.IdleCounters)
	pending           int64  // hand-overs queued and not yet run
	ran               bool   // a hand-over ran since the previous poll
}

// idleRule decides how long the next poll may wait for an event (0: do not
// wait). It is Fyne-free; its state is the last activity seen.
type idleRule struct {
	grace, max time.Duration
	settle     int // polls without waiting after each wait

	seen              bool // any signals seen yet
	busyAt            time.Time
	frames, callbacks uint64
	settling          int
}

func (r *idleRule) wait(s idleSignals) time.Duration {
	busy := !r.seen || s.frames != r.frames || s.callbacks != r.callbacks || s.pending > 0 || s.ran
	r.seen, r.frames, r.callbacks = true, s.frames, s.callbacks
	if busy {
		r.busyAt, r.settling = s.now, 0
		return 0
	}
	if s.now.Sub(r.busyAt) < r.grace {
		return 0
	}
	if r.settling > 0 {
		r.settling--
		return 0
	}
	r.settling = r.settle
	return r.max
}

// idleLoop joins the rule to the running app: do hands work to the UI
// goroutine and wakes the loop; wait is the rule GLFW asks.
type idleLoop struct {
	rule     idleRule
	pending  atomic.Int64
	ran      atomic.Bool
	post     func(func()) // fyne.Do
	wake     func()       // glfw.WakeIdle
	counters func() (frames, callbacks uint64)
	now      func() time.Time
}

func newIdleLoop() *idleLoop {
	return &idleLoop{
		rule:     idleRule{grace: idleGrace, max: idleWaitMax, settle: idleSettle},
		post:     fyne.Do,
		wake:     glfw.WakeIdle,
		counters: glfw.IdleCounters,
		now:      time.Now,
	}
}

// do runs f on the UI goroutine (fyne.Do) and ends the loop's wait, from
// any goroutine. The hand-over counts as pending until f runs, so the
// loop does not wait meanwhile.
func (l *idleLoop) do(f func()) {
	l.pending.Add(1)
	l.post(func() {
		l.pending.Add(-1)
		l.ran.Store(true)
		f()
	})
	l.wake()
}

// wait is the rule installed in GLFW; it runs on the UI goroutine.
func (l *idleLoop) wait() time.Duration {
	frames, callbacks := l.counters()
	return l.rule.wait(idleSignals{
		now: l.now(), frames: frames, callbacks: callbacks,
		pending: l.pending.Load(), ran: l.ran.Swap(false),
	})
}

// sleepWhenIdle lets the driver loop wait while Folio is idle and routes
// the workspace's hand-overs through the waking do. Call it once, before
// any goroutine hands work over (startFollow) and before the window runs;
// call the function it returns once the panes are built (it routes the
// preview's hand-overs too). FOLIO_IDLE=0 leaves upstream's polling.
func sleepWhenIdle(ws *workspace) (panesBuilt func()) {
	if os.Getenv("FOLIO_IDLE") == "0" {
		return func() {}
	}
	l := newIdleLoop()
	ws.do = l.do
	glfw.SetIdleWait(l.wait)
	return func() { ws.prev.SetUIRunner(l.do) }
}
