package app

import (
	"flag"
	"os"
	"sort"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/go-gl/glfw/v3.4/glfw"
)

// The real-window idle test runs only when asked (it needs an X display
// and measures time):
//
//	FOLIO_IDLE_WINDOW=1 DISPLAY=:N go test -count=1 -run TestIdleRealWindow ./app
//
// TestMain then runs Fyne's real driver on the main thread, with Folio's
// idle rule installed in the patched GLFW, and only that test.
var idleWin struct {
	loop  *idleLoop
	win   fyne.Window
	entry *widget.Entry
	label *widget.Label

	mu        sync.Mutex
	decisions []time.Duration // what the rule answered, in order
}

func TestMain(m *testing.M) {
	if os.Getenv("FOLIO_IDLE_WINDOW") == "" {
		os.Exit(m.Run())
	}
	flag.Parse()
	_ = flag.Set("test.run", "^TestIdleRealWindow$")
	a := fyneapp.NewWithID("io.github.folio.idletest")
	w := a.NewWindow("Folio idle test")
	idleWin.win = w
	idleWin.entry = widget.NewEntry()
	idleWin.label = widget.NewLabel("idle")
	w.SetContent(container.NewVBox(idleWin.label, idleWin.entry))
	w.Resize(fyne.NewSize(400, 200))
	l := newIdleLoop()
	idleWin.loop = l
	glfw.SetIdleWait(func() time.Duration {
		d := l.wait()
		idleWin.mu.Lock()
		idleWin.decisions = append(idleWin.decisions, d)
		idleWin.mu.Unlock()
		return d
	})
	code := 0
	go func() {
		time.Sleep(time.Second) // the window is up
		code = m.Run()
		fyne.Do(a.Quit)
	}()
	w.ShowAndRun()
	glfw.SetIdleWait(nil)
	os.Exit(code)
}

// decisionsDuring returns the rule's answers over the next d.
func decisionsDuring(d time.Duration) []time.Duration {
	idleWin.mu.Lock()
	n := len(idleWin.decisions)
	idleWin.mu.Unlock()
	time.Sleep(d)
	idleWin.mu.Lock()
	defer idleWin.mu.Unlock()
	return append([]time.Duration(nil), idleWin.decisions[n:]...)
}

func countWaits(ds []time.Duration) int {
	n := 0
	for _, d := range ds {
		if d > 0 {
			n++
		}
	}
	return n
}

func TestIdleRealWindow(t *testing.T) {
	if idleWin.loop == nil {
		t.Skip("set FOLIO_IDLE_WINDOW=1 (and DISPLAY) to run the real-window idle test")
	}
	l := idleWin.loop

	t.Run("idle: the loop waits instead of polling 60 times a second", func(t *testing.T) {
		time.Sleep(idleGrace + 500*time.Millisecond)
		ds := decisionsDuring(3 * time.Second)
		// 3 s at 60 Hz is 180 polls; waiting, one wait and idleSettle polls per idleWaitMax.
		if len(ds) > 60 || countWaits(ds) < int(3*time.Second/idleWaitMax)/2 {
			t.Fatalf("over 3 s idle: %d polls, %d of them waits", len(ds), countWaits(ds))
		}
		t.Logf("over 3 s idle: %d polls, %d waits", len(ds), countWaits(ds))
	})

	t.Run("a hand-over through do runs at once while the loop waits", func(t *testing.T) {
		var lat []time.Duration
		for i := 0; i < 10; i++ {
			time.Sleep(idleGrace + 100*time.Millisecond) // in a wait: unwoken, ~400 ms to its end
			start := time.Now()
			ran := make(chan time.Duration, 1)
			l.do(func() { idleWin.label.SetText("woken"); ran <- time.Since(start) })
			lat = append(lat, <-ran)
		}
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		t.Logf("do while waiting: median %v, max %v", lat[len(lat)/2], lat[len(lat)-1])
		if lat[len(lat)-1] >= 100*time.Millisecond {
			t.Fatalf("a woken hand-over took %v (max; all %v): the wake did not end the wait", lat[len(lat)-1], lat)
		}
	})

	t.Run("a plain fyne.Do (no wake) still runs within the wait bound", func(t *testing.T) {
		var worst time.Duration
		for i := 0; i < 5; i++ {
			time.Sleep(idleGrace + 300*time.Millisecond)
			start := time.Now()
			ran := make(chan time.Duration, 1)
			fyne.Do(func() { ran <- time.Since(start) })
			worst = max(worst, <-ran)
		}
		t.Logf("fyne.Do while waiting: worst %v", worst)
		if worst > idleWaitMax+250*time.Millisecond {
			t.Fatalf("an unwoken hand-over took %v, more than the wait bound %v plus slack", worst, idleWaitMax)
		}
	})

	t.Run("a blinking entry caret keeps the loop awake", func(t *testing.T) {
		fyne.DoAndWait(func() { idleWin.win.Canvas().Focus(idleWin.entry) })
		time.Sleep(500 * time.Millisecond)
		ds := decisionsDuring(3 * time.Second)
		fyne.DoAndWait(func() { idleWin.win.Canvas().Unfocus() })
		if w := countWaits(ds); w != 0 || len(ds) < 60 {
			t.Fatalf("with the caret blinking: %d polls over 3 s, %d waits (want about 180 and none)", len(ds), w)
		}
		// positive control: unfocused, it waits again
		time.Sleep(idleGrace + 500*time.Millisecond)
		if w := countWaits(decisionsDuring(2 * time.Second)); w == 0 {
			t.Fatal("no wait after the entry lost focus")
		}
	})
}
