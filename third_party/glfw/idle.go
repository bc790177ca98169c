package glfw

// folio-idle: this file is Folio's addition (not upstream go-gl/glfw). It
// lets PollEvents wait for an event, instead of returning at once, while the
// application says it is idle, so that a toolkit which polls 60 times a
// second (Fyne's driver loop) sleeps when there is nothing to do. Off until
// SetIdleWait installs a rule: then PollEvents is exactly upstream's.

import (
	"sync"
	"sync/atomic"
	"time"
)

var (
	idleRule atomic.Pointer[func() time.Duration]

	// idleMu guards idleWaiting, which is true from before the rule is
	// asked until the wait it allowed has ended: WakeIdle posts an empty
	// event only then, when GLFW is surely initialised.
	idleMu      sync.Mutex
	idleWaiting bool

	idleFrames    atomic.Uint64 // SwapBuffers calls
	idleCallbacks atomic.Uint64 // window callbacks (input, resize, expose, focus, ...)
)

// SetIdleWait installs rule, which PollEvents asks (on the main thread,
// before it looks for events) how long it may wait for one: a duration
// above zero makes it call WaitEventsTimeout with it instead of returning
// at once. nil (the default) restores upstream's PollEvents. Whoever hands
// work to the main thread while the rule may allow a wait must call
// WakeIdle after handing it over, and the rule must see that work as
// pending (else the work waits until an event or the timeout).
func SetIdleWait(rule func() time.Duration) {
	if rule == nil {
		idleRule.Store(nil)
		return
	}
	idleRule.Store(&rule)
}

// WakeIdle ends the wait PollEvents is in, or is about to start, at once
// (it posts an empty event). It may be called from any goroutine, at any
// time: before Init, after Terminate and when nothing waits it does
// nothing.
func WakeIdle() {
	idleMu.Lock()
	defer idleMu.Unlock()
	if idleWaiting {
		postEmptyEvent()
	}
}

// IdleCounters reports how many frames were presented (SwapBuffers) and how
// many window callbacks (input, focus, resize, expose, close, ...) have
// run since the program started: an idle rule treats a change of either as
// activity.
func IdleCounters() (frames, callbacks uint64) {
	return idleFrames.Load(), idleCallbacks.Load()
}

// pollOrWait is PollEvents' body: poll, or wait as the idle rule allows.
func pollOrWait(poll func(), wait func(seconds float64)) {
	p := idleRule.Load()
	if p == nil {
		poll()
		return
	}
	setIdleWaiting(true) // before the rule looks at pending work: see WakeIdle
	d := (*p)()
	if d <= 0 {
		setIdleWaiting(false)
		poll()
		return
	}
	wait(d.Seconds())
	setIdleWaiting(false)
}

func setIdleWaiting(on bool) {
	idleMu.Lock()
	idleWaiting = on
	idleMu.Unlock()
}
