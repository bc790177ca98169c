package app

import (
	"image"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"folio/editor"
)

// tagField is a field that extends widget.Entry, as form fields do.
type tagField struct{ widget.Entry }

type spotRecorder struct{ got []image.Point }

func (r *spotRecorder) set(x, y int) bool {
	r.got = append(r.got, image.Pt(x, y))
	return true
}

func (r *spotRecorder) last(t *testing.T) image.Point {
	t.Helper()
	if len(r.got) == 0 {
		t.Fatal("no spot set")
	}
	return r.got[len(r.got)-1]
}

func imeWindow(t *testing.T) (fyne.Window, *editor.Source, *widget.Entry, *tagField) {
	t.Helper()
	test.NewTempApp(t)
	src := editor.NewSource()
	src.SetText("ABC\n")
	entry := widget.NewEntry()
	entry.SetText("标题 title")
	tag := &tagField{}
	tag.ExtendBaseWidget(tag)
	tag.SetText("go")
	top := container.NewVBox(widget.NewLabel("form"), entry, tag)
	w := test.NewTempWindow(t, container.NewBorder(top, nil, widget.NewLabel("list"), nil, src))
	w.Resize(fyne.NewSize(900, 700))
	return w, src, entry, tag
}

func TestCaretFollowerEditor(t *testing.T) {
	w, src, _, _ := imeWindow(t)
	rec := &spotRecorder{}
	f := newCaretFollower(w, rec.set)
	chained := 0
	src.OnCaretMoved = func(fyne.Position, float32) { chained++ }
	f.attach(src)

	w.Canvas().Focus(src)
	pos, h, ok := src.CaretRect()
	if !ok {
		t.Fatal("editor shows no caret")
	}
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(src)
	want := image.Pt(int(abs.X+pos.X+0.5), int(abs.Y+pos.Y+h+0.5))
	if got := rec.last(t); got != want {
		t.Errorf("spot on focus %v, want the caret's bottom-left %v", got, want)
	}
	if chained == 0 {
		t.Error("an OnCaretMoved set before attach is no longer called")
	}

	n := len(rec.got)
	f.update() // nothing moved: the spot is not sent again
	if len(rec.got) != n {
		t.Errorf("unchanged caret sent again: %v", rec.got[n:])
	}

	src.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	src.TypedRune('中')
	f.setAt = time.Time{} // as if the gap had passed
	f.update()
	got := rec.last(t)
	if got.X <= want.X || got.Y <= want.Y {
		t.Errorf("after Down and typing, spot %v, want right of and below %v", got, want)
	}

	w.Canvas().(test.WindowlessCanvas).SetScale(2)
	f.update()
	pos, h, _ = src.CaretRect()
	abs = fyne.CurrentApp().Driver().AbsolutePositionForObject(src)
	want = image.Pt(int(2*(abs.X+pos.X)+0.5), int(2*(abs.Y+pos.Y+h)+0.5))
	if got := rec.last(t); got != want {
		t.Errorf("spot at scale 2 is %v, want %v (window pixels)", got, want)
	}
}

// TestCaretFollowerCoalescesTyping: each spot set is a synchronous round
// trip to the input method; typing a burst of keys sends one spot at once
// and one at the end of the gap for all the rest, at the final caret (QA
// F2: with an input method connected, typing lagged behind).
func TestCaretFollowerCoalescesTyping(t *testing.T) {
	w, src, _, _ := imeWindow(t)
	rec := &spotRecorder{}
	f := newCaretFollower(w, rec.set)
	clock := time.Unix(1000, 0)
	f.now = func() time.Time { return clock }
	var pending []func()
	var waits []time.Duration
	f.after = func(d time.Duration, fn func()) {
		waits = append(waits, d)
		pending = append(pending, fn)
	}
	f.attach(src)
	w.Canvas().Focus(src)
	src.SetCursorOffset(len(src.Text()))
	n := len(rec.got)

	for _, r := range "typing fast" {
		src.TypedRune(r)
		clock = clock.Add(10 * time.Millisecond)
	}
	if got := len(rec.got) - n; got > 1 {
		t.Fatalf("%d spots sent while typing 11 keys within the gap, want at most 1", got)
	}
	if len(pending) != 1 || waits[0] <= 0 || waits[0] > spotGap {
		t.Fatalf("scheduled updates %v, want one within the gap", waits)
	}
	pending[0]()
	pos, h, _ := src.CaretRect()
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(src)
	want := image.Pt(int(abs.X+pos.X+0.5), int(abs.Y+pos.Y+h+0.5))
	if got := rec.last(t); got != want {
		t.Errorf("spot after the gap %v, want the final caret %v", got, want)
	}

	clock = clock.Add(time.Second) // a pause: the next move is sent at once
	src.TypedRune('x')
	if len(pending) != 1 || rec.last(t).X <= want.X {
		t.Errorf("the first key after a pause: spot %v (before %v), %d scheduled", rec.last(t), want, len(pending))
	}
}

func TestCaretFollowerEntries(t *testing.T) {
	w, _, entry, tag := imeWindow(t)
	rec := &spotRecorder{}
	f := newCaretFollower(w, rec.set)

	f.update()
	if len(rec.got) != 0 {
		t.Fatalf("spot set with nothing focused: %v", rec.got)
	}

	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(entry)
	w.Canvas().Focus(entry)
	entry.CursorColumn = 0
	f.update()
	home := rec.last(t)
	entry.CursorColumn = 5
	f.update()
	end := rec.last(t)
	bottom := int(abs.Y + entry.Size().Height + 0.5)
	if home.Y != bottom || end.Y != bottom {
		t.Errorf("entry spots %v %v, want y at the entry's bottom %d", home, end, bottom)
	}
	if home.X < int(abs.X) || end.X <= home.X || end.X > int(abs.X+entry.Size().Width) {
		t.Errorf("entry spots x %d then %d, want increasing inside [%v, %v]", home.X, end.X, abs.X, abs.X+entry.Size().Width)
	}

	w.Canvas().Focus(tag)
	f.update()
	tabs := fyne.CurrentApp().Driver().AbsolutePositionForObject(tag)
	if got := rec.last(t); got.Y != int(tabs.Y+tag.Size().Height+0.5) {
		t.Errorf("field extending Entry: spot %v, want under it at y %v", got, tabs.Y+tag.Size().Height)
	}
}

func TestCaretFollowerWithoutNativeWindow(t *testing.T) {
	w, src, _, _ := imeWindow(t)
	if nativeSpotSetter(w) != nil {
		t.Skip("the test window has a native side")
	}
	f := newCaretFollower(w, nil)
	f.attach(src)
	w.Canvas().Focus(src) // must not panic without a setter
	src.TypedRune('x')
	if f.sent {
		t.Error("a spot was recorded as sent without a setter")
	}
}

func TestCaretFollowerDialogEntry(t *testing.T) {
	w, _, _, _ := imeWindow(t)
	rec := &spotRecorder{}
	f := newCaretFollower(w, rec.set)
	name := widget.NewEntry()
	d := dialog.NewForm("Rename", "OK", "Cancel", []*widget.FormItem{widget.NewFormItem("Name", name)}, func(bool) {}, w)
	d.Show()
	w.Canvas().Focus(name)
	f.update()
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(name)
	if abs == (fyne.Position{}) {
		t.Fatal("the dialog's entry has no position in the window")
	}
	want := int(abs.Y + name.Size().Height + 0.5)
	if got := rec.last(t); got.Y != want || got.X < int(abs.X) {
		t.Errorf("dialog entry spot %v, want under the entry at y %d, x from %v", got, want, abs.X)
	}
}

// TestPollerStopsInTheBackground: the caret poll ticks while the app is in
// the foreground and not at all once it left it (no wake-ups of an idle
// Folio behind another window); it starts again when the app comes back.
func TestPollerStopsInTheBackground(t *testing.T) {
	ticks := make(chan struct{}, 1000)
	p := newPoller(2*time.Millisecond, func() { ticks <- struct{}{} })
	defer p.stop()
	waitTick := func(what string) {
		t.Helper()
		select {
		case <-ticks:
		case <-time.After(5 * time.Second):
			t.Fatalf("no tick %s", what)
		}
	}
	waitTick("at the start")
	p.setActive(false)
	time.Sleep(20 * time.Millisecond) // a tick under way may still come
	for len(ticks) > 0 {
		<-ticks
	}
	time.Sleep(100 * time.Millisecond)
	if n := len(ticks); n > 0 {
		t.Fatalf("%d ticks while inactive", n)
	}
	p.setActive(true)
	waitTick("after coming back")
}

// TestFollowCaretPollsOnlyInTheForeground: followCaret hooks the app's
// foreground events: leaving the foreground stops the poll, coming back
// sets the spot at once.
func TestFollowCaretPollsOnlyInTheForeground(t *testing.T) {
	w, src, _, _ := imeWindow(t)
	stop := followCaret(w, src)
	defer stop()
	lc, ok := fyne.CurrentApp().Lifecycle().(interface {
		OnEnteredForeground() func()
		OnExitedForeground() func()
	})
	if !ok {
		t.Skip("the test app's lifecycle does not expose its hooks")
	}
	if lc.OnEnteredForeground() == nil || lc.OnExitedForeground() == nil {
		t.Fatal("followCaret did not hook the app's foreground events")
	}
	lc.OnExitedForeground()()
	lc.OnEnteredForeground()() // must not block or panic without a native window
}
