package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// tappableWithText returns the first tappable object in the window whose
// subtree shows a label with text.
func tappableWithText(w fyne.Window, text string) (fyne.Tappable, *widget.Label) {
	var found fyne.Tappable
	var label *widget.Label
	var walk func(o fyne.CanvasObject, tap fyne.Tappable)
	walk = func(o fyne.CanvasObject, tap fyne.Tappable) {
		if found != nil || !o.Visible() {
			return
		}
		if t, ok := o.(fyne.Tappable); ok {
			tap = t
		}
		if l, ok := o.(*widget.Label); ok && l.Text == text && tap != nil {
			found, label = tap, l
			return
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c, tap)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c, tap)
			}
		}
	}
	walk(w.Content(), nil)
	return found, label
}

func TestOutline(t *testing.T) {
	test.NewTempApp(t)
	o := NewOutline()
	var picked []int
	o.OnSelected = func(line int) { picked = append(picked, line) }
	w := test.NewTempWindow(t, o)
	w.Resize(fyne.NewSize(300, 400))

	if !o.empty.Visible() {
		t.Error("no placeholder for an article without headings")
	}
	o.SetHeadings(Headings([]byte("## Intro\ntext\n### Detail\n\n## 总结\n"), 0))
	if o.empty.Visible() {
		t.Error("placeholder shown with headings")
	}
	tap, label := tappableWithText(w, "Detail")
	if tap == nil {
		t.Fatal("heading Detail not shown")
	}
	// Indented one step from the top level (## here), which is bold.
	row := findParentContainer(w.Content(), label)
	if row == nil {
		t.Fatal("no row container")
	}
	if pad := row.Objects[1].(*canvas.Rectangle); pad.MinSize().Width != outlineIndent {
		t.Errorf("indent %v, want %v", pad.MinSize().Width, outlineIndent)
	}
	if label.TextStyle.Bold {
		t.Error("level 3 heading drawn bold")
	}
	if _, top := tappableWithText(w, "Intro"); top == nil || !top.TextStyle.Bold {
		t.Error("top-level heading not bold")
	}

	test.Tap(tap)
	if len(picked) != 1 || picked[0] != 2 {
		t.Fatalf("tap on Detail gave %v, want [2]", picked)
	}

	// Follow highlights without calling OnSelected.
	for _, c := range []struct{ line, want int }{{0, 0}, {1, 0}, {3, 1}, {4, 2}, {100, 2}} {
		o.Follow(c.line)
		if o.Current() != c.want {
			t.Errorf("Follow(%d): current %d, want %d", c.line, o.Current(), c.want)
		}
	}
	if len(picked) != 1 {
		t.Errorf("Follow called OnSelected: %v", picked)
	}
	o.SetHeadings(Headings([]byte("text\n# A\n"), 0))
	o.Follow(0)
	if o.Current() != -1 {
		t.Errorf("above the first heading: current %d", o.Current())
	}
	o.SetHeadings(nil)
	if !o.empty.Visible() {
		t.Error("placeholder not back")
	}
}

// findParentContainer returns the container directly holding obj.
func findParentContainer(root fyne.CanvasObject, obj fyne.CanvasObject) *fyne.Container {
	switch x := root.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			if c == obj {
				return x
			}
			if p := findParentContainer(c, obj); p != nil {
				return p
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if p := findParentContainer(c, obj); p != nil {
				return p
			}
		}
	}
	return nil
}

// QA: the outline showed "标题一 {#custom-anchor}" and "`--cacert`".
func TestOutlineShowsHeadingsAsDrawn(t *testing.T) {
	src := "# 标题一 {#custom-anchor}\n\n## `--cacert` 参数\n\n## **粗** 和 [链接](http://x) ~~删~~\n\nSetext `x` {#s}\n---\n\n## a*b*c\n"
	var got []string
	for _, h := range Headings([]byte(src), 0) {
		got = append(got, h.Text)
	}
	// a*b*c: b is emphasised, as the preview draws it
	want := []string{"标题一", "--cacert 参数", "粗 和 链接 删", "Setext x", "abc"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("outline %q, want %q", got, want)
	}
}

// The outline shows what Plain makes of the headings' source texts (the
// app's reading, which knows the site), all read in one call, and a tap
// still jumps to the heading's line.
func TestOutlineShowsPlainTexts(t *testing.T) {
	test.NewTempApp(t)
	o := NewOutline()
	calls := 0
	o.Plain = func(raws []string) []string {
		calls++
		out := make([]string, len(raws))
		for i, r := range raws {
			out[i] = "«" + r + "»"
		}
		return out
	}
	var picked []int
	o.OnSelected = func(line int) { picked = append(picked, line) }
	w := test.NewTempWindow(t, o)
	w.Resize(fyne.NewSize(300, 400))
	o.SetHeadings(Headings([]byte("# A <b>x</b>\n\ntext\n\n## B\n"), 0))
	if calls != 1 {
		t.Errorf("Plain called %d times for one SetHeadings", calls)
	}
	tap, label := tappableWithText(w, "«B»")
	if tap == nil {
		t.Fatalf("no entry shows «B»: %+v", o.Headings())
	}
	if _, l := tappableWithText(w, "«A <b>x</b>»"); l == nil {
		t.Errorf("no entry shows Plain's text of the first heading")
	}
	tap.Tapped(&fyne.PointEvent{})
	if len(picked) != 1 || picked[0] != 4 {
		t.Errorf("tapping %q picked lines %v, want [4]", label.Text, picked)
	}
}
