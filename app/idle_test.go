package app

import (
	"testing"
	"time"
)

// TestIdleRule walks the rule through sequences of polls (one step a
// 1/60 s tick unless the step says otherwise) and checks each answer.
func TestIdleRule(t *testing.T) {
	const tick = time.Second / 60
	type step struct {
		after             time.Duration // since the previous step
		frames, callbacks uint64
		pending           int64
		ran               bool
		want              time.Duration
	}
	quiet := func(after time.Duration, want time.Duration) step { return step{after: after, want: want} }
	for _, c := range []struct {
		name  string
		steps []step
	}{
		{"first poll is busy", []step{quiet(0, 0)}},
		{"quiet for less than the grace: no wait", []step{quiet(0, 0), quiet(time.Second-tick, 0)}},
		{"quiet for the grace: wait, then settle two polls, then wait again", []step{
			quiet(0, 0), quiet(time.Second, 250*time.Millisecond),
			quiet(250*time.Millisecond, 0), quiet(tick, 0), quiet(tick, 250*time.Millisecond),
			quiet(250*time.Millisecond, 0), quiet(tick, 0), quiet(tick, 250*time.Millisecond),
		}},
		{"a frame drawn restarts the grace", []step{
			quiet(0, 0), {after: 900 * time.Millisecond, frames: 1},
			{after: 900 * time.Millisecond, frames: 1}, {after: 100 * time.Millisecond, frames: 1, want: 250 * time.Millisecond},
		}},
		{"an animation drawing every 400 ms never lets it wait", []step{
			quiet(0, 0), {after: 400 * time.Millisecond, frames: 1}, {after: 400 * time.Millisecond, frames: 2},
			{after: 400 * time.Millisecond, frames: 3}, {after: 400 * time.Millisecond, frames: 4},
			{after: 400 * time.Millisecond, frames: 4},
		}},
		{"a callback (input, expose, focus) restarts the grace", []step{
			quiet(0, 0), quiet(time.Second, 250*time.Millisecond),
			{after: 100 * time.Millisecond, callbacks: 1},
			{after: 900 * time.Millisecond, callbacks: 1},
			{after: 100 * time.Millisecond, callbacks: 1, want: 250 * time.Millisecond},
		}},
		{"a pending hand-over forbids the wait however long quiet", []step{
			quiet(0, 0), {after: 5 * time.Second, pending: 1}, {after: 5 * time.Second, pending: 1},
			{after: time.Second / 2, ran: true}, // it ran: busy from here
			quiet(time.Second-tick, 0), quiet(tick, 250*time.Millisecond),
		}},
		{"a hand-over that ran is drawn before any wait", []step{
			quiet(0, 0), quiet(time.Second, 250*time.Millisecond),
			{after: 10 * time.Millisecond, ran: true},
			quiet(999*time.Millisecond, 0), quiet(time.Millisecond, 250*time.Millisecond),
		}},
		{"activity during settling starts over", []step{
			quiet(0, 0), quiet(time.Second, 250*time.Millisecond),
			quiet(250*time.Millisecond, 0), {after: tick, frames: 1},
			{after: time.Second, frames: 1, want: 250 * time.Millisecond},
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := idleRule{grace: time.Second, max: 250 * time.Millisecond, settle: 2}
			now := time.Unix(1e9, 0)
			for i, s := range c.steps {
				now = now.Add(s.after)
				got := r.wait(idleSignals{now: now, frames: s.frames, callbacks: s.callbacks, pending: s.pending, ran: s.ran})
				if got != s.want {
					t.Fatalf("step %d (%+v): wait %v, want %v", i, s, got, s.want)
				}
			}
		})
	}
}

// TestIdleLoopDo checks the hand-over: pending until it runs, ran once
// after, the loop woken after the work is queued, and the rule sees it.
func TestIdleLoopDo(t *testing.T) {
	var queue []func()
	var events []string
	now := time.Unix(1e9, 0)
	l := &idleLoop{
		rule:     idleRule{grace: time.Second, max: 250 * time.Millisecond, settle: 2},
		post:     func(f func()) { events = append(events, "post"); queue = append(queue, f) },
		wake:     func() { events = append(events, "wake") },
		counters: func() (uint64, uint64) { return 7, 9 },
		now:      func() time.Time { return now },
	}
	if d := l.wait(); d != 0 {
		t.Fatalf("first poll waits %v", d)
	}
	now = now.Add(2 * time.Second)
	if d := l.wait(); d != 250*time.Millisecond {
		t.Fatalf("quiet poll waits %v, want 250ms", d)
	}
	ran := false
	l.do(func() { ran = true })
	if len(events) != 2 || events[0] != "post" || events[1] != "wake" {
		t.Fatalf("do: %v, want post then wake", events)
	}
	now = now.Add(time.Hour)
	if d := l.wait(); d != 0 || ran {
		t.Fatalf("with a hand-over pending: wait %v, ran %v", d, ran)
	}
	queue[0]()
	if !ran || l.pending.Load() != 0 {
		t.Fatalf("after it ran: ran %v, pending %d", ran, l.pending.Load())
	}
	now = now.Add(time.Hour)
	if d := l.wait(); d != 0 {
		t.Fatalf("the poll after a hand-over ran waits %v (its frame is not drawn yet)", d)
	}
	now = now.Add(time.Second)
	if d := l.wait(); d != 250*time.Millisecond {
		t.Fatalf("quiet again: wait %v, want 250ms", d)
	}
}
