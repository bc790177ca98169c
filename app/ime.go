package app

import (
	"fmt"
	"image"
	"math"
	"os"
	"reflect"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/go-gl/glfw/v3.4/glfw"

	"folio/editor"
)

// imePoll is how often the focused text field's caret is looked at, for
// the fields that do not report their caret (entries in the form and in
// dialogs) and for layout changes that move the editor in the window, while
// Folio's window has the input focus: an idle Folio in the background
// wakes up for nothing.
const imePoll = 250 * time.Millisecond

// spotGap is the least time between two spots set while the caret keeps
// moving (typing): each set is a synchronous round trip to the input
// method (XSetICValues), which held up every typed key while the input
// method was slow to answer. The first move after a pause is sent at
// once; the moves within the gap after it are sent as one, at its end.
const spotGap = 100 * time.Millisecond

// caretFollower tells the platform's input method where the caret of the
// focused text field is, so that its candidate window opens just under the
// caret. Today that is the XIM spot location on X11 (through Folio's
// patched GLFW, third_party/glfw); elsewhere the setter reports false and
// nothing happens.
type caretFollower struct {
	win fyne.Window
	// abs returns an object's top-left corner in canvas coordinates.
	abs func(fyne.CanvasObject) fyne.Position
	// set places the spot, in window pixels; it runs on the UI goroutine.
	set func(x, y int) bool
	// log receives a line per spot set when FOLIO_IME_DEBUG is set (the
	// input method check in .ci/ime-check reads it); nil otherwise.
	log func(string)
	// now and after are the clock: after runs fn on the UI goroutine
	// once d has passed (tests replace both).
	now   func() time.Time
	after func(d time.Duration, fn func())

	last    image.Point
	sent    bool
	setAt   time.Time // when the spot was last sent
	waiting bool      // a coalesced update is scheduled
}

// followCaret makes the input method's candidate window follow the caret
// of src and of the other text fields in w. Call it once, on the UI
// goroutine, after the window's content is set; the returned function stops
// it (the window's end stops it too, as the app then exits). It polls
// only while the app is in the foreground (it takes the app's foreground
// hooks).
func followCaret(w fyne.Window, src *editor.Source) (stop func()) {
	f := newCaretFollower(w, nativeSpotSetter(w))
	if os.Getenv("FOLIO_IME_DEBUG") != "" {
		f.log = func(s string) { fmt.Fprintln(os.Stderr, s) }
	}
	f.attach(src)
	mf := newMenuFocus(w.Canvas())
	p := newPoller(imePoll, func() {
		fyne.Do(func() {
			mf.tick()
			f.update()
		})
	})
	lc := fyne.CurrentApp().Lifecycle()
	lc.SetOnEnteredForeground(func() {
		f.update()
		p.setActive(true)
	})
	lc.SetOnExitedForeground(func() { p.setActive(false) })
	return p.stop
}

// poller calls tick every period while it is active (from the start until
// setActive(false)); inactive, it has no timer at all.
type poller struct {
	mu     sync.Mutex
	active bool
	wake   chan struct{}
	done   chan struct{}
	once   sync.Once
}

func newPoller(period time.Duration, tick func()) *poller {
	p := &poller{active: true, wake: make(chan struct{}, 1), done: make(chan struct{})}
	go func() {
		var t *time.Ticker
		defer func() {
			if t != nil {
				t.Stop()
			}
		}()
		for {
			var c <-chan time.Time
			p.mu.Lock()
			on := p.active
			p.mu.Unlock()
			switch {
			case on && t == nil:
				t = time.NewTicker(period)
			case !on && t != nil:
				t.Stop()
				t = nil
			}
			if t != nil {
				c = t.C
			}
			select {
			case <-c:
				tick()
			case <-p.wake:
			case <-p.done:
				return
			}
		}
	}()
	return p
}

// setActive starts or stops the ticks; it never blocks.
func (p *poller) setActive(on bool) {
	p.mu.Lock()
	p.active = on
	p.mu.Unlock()
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// stop ends the poller.
func (p *poller) stop() { p.once.Do(func() { close(p.done) }) }

// newCaretFollower returns a follower for w that hands spots to set (nil:
// nothing to hand them to).
func newCaretFollower(w fyne.Window, set func(x, y int) bool) *caretFollower {
	return &caretFollower{
		win: w,
		abs: fyne.CurrentApp().Driver().AbsolutePositionForObject,
		set: set,
		now: time.Now,
		after: func(d time.Duration, fn func()) {
			time.AfterFunc(d, func() { fyne.Do(fn) })
		},
	}
}

// attach updates the spot whenever the editor's caret moves (at most
// once per spotGap while it keeps moving), keeping an OnCaretMoved set
// before.
func (f *caretFollower) attach(src *editor.Source) {
	prev := src.OnCaretMoved
	src.OnCaretMoved = func(pos fyne.Position, height float32) {
		if prev != nil {
			prev(pos, height)
		}
		f.moved()
	}
}

// moved updates the spot now if none was sent within spotGap, else once
// at the end of the gap (one update for all the moves in it).
func (f *caretFollower) moved() {
	if f.log != nil {
		f.log("ime: caret moved")
	}
	if f.set == nil || f.waiting {
		return
	}
	if wait := spotGap - f.now().Sub(f.setAt); f.sent && wait > 0 {
		f.waiting = true
		f.after(wait, func() {
			f.waiting = false
			f.update()
		})
		return
	}
	f.update()
}

// update sets the spot if the caret of the focused field moved.
func (f *caretFollower) update() {
	if f.set == nil {
		return
	}
	p, ok := f.spot()
	if !ok || (f.sent && p == f.last) {
		return
	}
	start := f.now()
	took := f.set(p.X, p.Y)
	f.last, f.sent, f.setAt = p, true, f.now()
	if f.log != nil {
		f.log(fmt.Sprintf("ime: spot %d %d took=%v in %v", p.X, p.Y, took, f.setAt.Sub(start).Round(time.Microsecond)))
	}
}

// spot returns where the candidate window should open, in window pixels:
// the bottom-left corner of the focused field's caret.
func (f *caretFollower) spot() (image.Point, bool) {
	c := f.win.Canvas()
	if c == nil {
		return image.Point{}, false
	}
	var at fyne.Position
	switch o := c.Focused().(type) {
	case *editor.Source:
		pos, h, ok := o.CaretRect()
		if !ok {
			return image.Point{}, false
		}
		at = f.abs(o).Add(pos).AddXY(0, h)
	case nil:
		return image.Point{}, false
	default:
		obj, ok := o.(fyne.CanvasObject)
		e := embeddedEntry(obj)
		if !ok || e == nil {
			return image.Point{}, false
		}
		at = f.abs(obj).Add(entryCaret(e))
	}
	s := c.Scale()
	return image.Pt(int(math.Round(float64(at.X*s))), int(math.Round(float64(at.Y*s)))), true
}

// embeddedEntry returns o as a *widget.Entry, or the widget.Entry that o
// embeds (Folio's own fields extend Entry), or nil.
func embeddedEntry(o any) *widget.Entry {
	if e, ok := o.(*widget.Entry); ok {
		return e
	}
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	v = v.Elem()
	entry := reflect.TypeOf(widget.Entry{})
	for i := 0; i < v.NumField(); i++ {
		fl := v.Type().Field(i)
		if fl.Anonymous && fl.Type == entry && v.Field(i).CanAddr() {
			return v.Field(i).Addr().Interface().(*widget.Entry)
		}
	}
	return nil
}

// entryCaret approximates the bottom-left corner of an entry's cursor
// relative to the entry: Fyne does not tell where it draws it, so this
// measures the text before the cursor and ignores the entry's own
// scrolling (clamped to the entry's box).
func entryCaret(e *widget.Entry) fyne.Position {
	th := e.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	size := th.Size(theme.SizeNameText)
	lines := strings.Split(e.Text, "\n")
	row := min(max(e.CursorRow, 0), len(lines)-1)
	line := []rune(lines[row])
	col := min(max(e.CursorColumn, 0), len(line))
	text := string(line[:col])
	if e.Password {
		text = strings.Repeat("•", col)
	}
	style := e.TextStyle
	w := fyne.MeasureText(text, size, style).Width
	h := fyne.MeasureText("M", size, style).Height
	box := e.Size()
	x := min(pad+w, max(box.Width-pad, 0))
	y := box.Height
	if e.MultiLine {
		y = min(pad+float32(row+1)*h, box.Height)
	}
	return fyne.NewPos(x, y)
}

// nativeSpotSetter returns the function that hands the spot to the
// window's input method, or nil when the window has no native side (tests).
func nativeSpotSetter(w fyne.Window) func(x, y int) bool {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return nil
	}
	return func(x, y int) bool {
		took := false
		nw.RunNative(func(ctx any) {
			if x11, ok := ctx.(driver.X11WindowContext); ok && x11.WindowHandle != 0 {
				took = glfw.SetX11PreeditSpotByHandle(x11.WindowHandle, x, y)
			}
		})
		return took
	}
}
