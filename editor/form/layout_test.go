package form

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"folio/editor/document"
)

// TestRowsFitTheScrolledContent checks that rows do not overlap and the
// last one (the "add a field" entry) lies inside the scrolled content, at
// several widths and after chips are added: wrapped chips and suggestions
// must be measured at the width they are laid out in.
func TestRowsFitTheScrolledContent(t *testing.T) {
	test.NewTempApp(t)
	f := New(Options{})
	f.SetSchema(folderSchema(t))
	d, _ := document.Parse(readSample(t, "2024-ai-trends.md"))
	f.OnEdit = func(e document.Edit) {}
	f.SetDocument("x", d)
	w := test.NewTempWindow(t, f)
	check := func(name string) {
		t.Helper()
		c := f.scroll.Content
		if got, want := f.addEntry.Position().Y+f.addEntry.Size().Height, c.Size().Height; got > want+1 {
			t.Errorf("%s: the last entry ends at %v, below the content's %v", name, got, want)
		}
		end := float32(0)
		for _, r := range f.rows {
			b := r.base().box
			if b.Position().Y < end-1 {
				t.Errorf("%s: row %s at %v overlaps the one above (ends %v)", name, r.base().key, b.Position().Y, end)
			}
			end = b.Position().Y + b.Size().Height
			var flows []*fyne.Container
			switch r := r.(type) {
			case *listRow:
				flows = append(flows, r.chips, r.suggest)
			case *entryRow:
				if r.suggest != nil {
					flows = append(flows, r.suggest)
				}
			}
			for _, fc := range flows {
				fl := fc.Layout.(*flowLayout)
				if need, _ := fl.lines(fc.Objects, fc.Size().Width); need > fc.Size().Height+1 {
					t.Errorf("%s: %s's chips need %v high at width %v, have %v", name, r.base().key, need, fc.Size().Width, fc.Size().Height)
				}
			}
		}
	}
	for _, width := range []float32{240, 360, 600} {
		w.Resize(fyne.NewSize(width, 700))
		check("width")
	}
	tags := f.byKey["tags"].(*listRow)
	for _, s := range []string{"一个很长的标签名字", "another long tag", "第三个标签", "four"} {
		tags.add(s)
	}
	check("after adding chips")
}

// TestRowsFitThePaneWidth checks that a long list chip (hugoDocs'
// aliases), a date-time and every other row stay inside the pane at
// narrow widths: the content is no wider than the scroll's viewport and
// every row's remove icon is visible.
func TestRowsFitThePaneWidth(t *testing.T) {
	test.NewTempApp(t)
	f := New(Options{})
	f.SetSchema(folderSchema(t))
	text := "---\ntitle: Performance\ndate: 2017-03-12T16:53:49-05:00\n" +
		"aliases: [/troubleshooting/build-performance/and-a-much-longer-tail/]\n" +
		"tags: [short, a-forty-plus-character-long-tag-value-here-ok]\nreadTime: 5 min read\n" +
		"summary: A long summary\ndraft: false\nweight: 3\nseries: AI 观察\n---\nbody\n"
	d, err := document.Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	f.OnEdit = func(e document.Edit) {}
	f.SetDocument("x", d)
	w := test.NewTempWindow(t, f)
	for _, width := range []float32{220, 260, 320, 480} {
		w.Resize(fyne.NewSize(width+2*theme.Padding(), 700))
		view := f.scroll.Size().Width
		if cw := f.scroll.Content.Size().Width; cw > view+1 {
			t.Errorf("width %v: content is %v wide, the pane %v", width, cw, view)
		}
		for _, r := range f.rows {
			b := r.base()
			if right := b.box.Position().X + b.box.Size().Width; right > view+1 {
				t.Errorf("width %v: row %s is %v wide, the pane %v", width, b.key, right, view)
			}
		}
		lr := f.byKey["aliases"].(*listRow)
		if lr.chips.MinSize().Width > f.width+1 {
			t.Errorf("width %v: the aliases chip wants %v, the field has %v", width, lr.chips.MinSize().Width, f.width)
		}
		chip := test.WidgetRenderer(lr.chips.Objects[0].(*pill)).(*pillRenderer)
		if !strings.HasSuffix(chip.txt.Text, "…") || !strings.HasPrefix(chip.txt.Text, "/trouble") {
			t.Errorf("width %v: the long chip shows %q, want its start cut with …", width, chip.txt.Text)
		}
	}
}

// TestWheelOverAFieldScrollsTheForm checks that the mouse wheel over a
// one-line field (the title, a list's entry) scrolls the form, instead of
// being swallowed by the entry's own scroller.
func TestWheelOverAFieldScrollsTheForm(t *testing.T) {
	test.NewTempApp(t)
	f := New(Options{})
	d, _ := document.Parse(readSample(t, "2024-ai-trends.md"))
	f.OnEdit = func(e document.Edit) {}
	f.SetDocument("x", d)
	w := test.NewTempWindow(t, f)
	w.Resize(fyne.NewSize(360, 260))
	for _, key := range []string{"title", "tags"} {
		f.scroll.ScrollToTop()
		var e fyne.CanvasObject = f.byKey[key].focusTarget().(fyne.CanvasObject)
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e).Add(fyne.NewPos(10, 10))
		test.Scroll(w.Canvas(), pos, 0, -60)
		if f.scroll.Offset.Y <= 0 {
			t.Errorf("the wheel over %s's entry did not scroll the form", key)
		}
	}
}
