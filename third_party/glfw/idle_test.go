package glfw

// folio-idle: tests of idle.go's protocol (no display needed: the C calls
// are replaced).

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeEvents replaces the empty-event post and records what PollEvents did.
type fakeEvents struct {
	polls, posts int
	waits        []float64
}

func withFake(t *testing.T) *fakeEvents {
	f := &fakeEvents{}
	old := postEmptyEvent
	postEmptyEvent = func() { f.posts++ }
	t.Cleanup(func() { postEmptyEvent = old; SetIdleWait(nil) })
	return f
}

func (f *fakeEvents) poll()          { f.polls++ }
func (f *fakeEvents) wait(s float64) { f.waits = append(f.waits, s) }

func TestPollOrWait(t *testing.T) {
	for _, c := range []struct {
		name  string
		rule  func() time.Duration
		polls int
		waits []float64
	}{
		{"no rule: upstream", nil, 1, nil},
		{"rule says busy", func() time.Duration { return 0 }, 1, nil},
		{"rule says negative", func() time.Duration { return -time.Second }, 1, nil},
		{"rule allows a wait", func() time.Duration { return 250 * time.Millisecond }, 0, []float64{0.25}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := withFake(t)
			SetIdleWait(c.rule)
			pollOrWait(f.poll, f.wait)
			if f.polls != c.polls || len(f.waits) != len(c.waits) {
				t.Fatalf("polls %d waits %v, want %d and %v", f.polls, f.waits, c.polls, c.waits)
			}
			for i := range c.waits {
				if f.waits[i] != c.waits[i] {
					t.Fatalf("waited %v, want %v", f.waits, c.waits)
				}
			}
		})
	}
}

func TestWakeIdlePostsOnlyWhileAWaitIsPossible(t *testing.T) {
	f := withFake(t)
	WakeIdle() // no rule, nothing waits
	if f.posts != 0 {
		t.Fatalf("posted %d empty events with nothing waiting", f.posts)
	}
	SetIdleWait(func() time.Duration {
		WakeIdle() // between the flag and the wait: must post
		return time.Second
	})
	pollOrWait(f.poll, func(float64) { WakeIdle() }) // during the wait: must post
	if f.posts != 2 {
		t.Fatalf("posted %d empty events while waiting, want 2", f.posts)
	}
	WakeIdle() // the wait is over
	SetIdleWait(func() time.Duration { return 0 })
	pollOrWait(func() { WakeIdle() }, f.wait) // a plain poll: no wait to end
	if f.posts != 2 {
		t.Fatalf("posted %d empty events, want still 2", f.posts)
	}
}

// TestNoLostWake is the handover race: a goroutine marks work pending and
// calls WakeIdle while the main loop asks the rule and waits. Every time,
// the rule saw the work or the wait was woken.
func TestNoLostWake(t *testing.T) {
	var mu sync.Mutex
	posted := false
	old := postEmptyEvent
	postEmptyEvent = func() { mu.Lock(); posted = true; mu.Unlock() }
	t.Cleanup(func() { postEmptyEvent = old; SetIdleWait(nil) })

	var pending atomic.Int32
	SetIdleWait(func() time.Duration {
		if pending.Load() > 0 {
			return 0
		}
		return time.Second
	})
	for i := 0; i < 2000; i++ {
		pending.Store(0)
		mu.Lock()
		posted = false
		mu.Unlock()
		done := make(chan struct{})
		go func() {
			pending.Add(1)
			WakeIdle()
			close(done)
		}()
		waited := false
		pollOrWait(func() {}, func(float64) {
			waited = true
			<-done // the wait lasts until the handover is complete
		})
		<-done
		mu.Lock()
		lost := waited && !posted
		mu.Unlock()
		if lost {
			t.Fatalf("iteration %d: waited with work pending and no wake", i)
		}
	}
}
