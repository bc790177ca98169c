package form

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

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
