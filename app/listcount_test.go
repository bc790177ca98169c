package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	foliotheme "folio/app/theme"
)

// The count beside the sort menu is drawn in the secondary text colour
// (4.5:1, app/theme/secondary.go), not as a dimmed LowImportance label
// (about 1.5:1 in the dark theme), in caption size.
func TestListCountIsSecondaryText(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(foliotheme.New(foliotheme.Options{}))
	rt := newCount()
	setCount(rt, "3 / 80")
	seg := rt.Segments[0].(*widget.TextSegment)
	if countText(rt) != "3 / 80" {
		t.Errorf("count shows %q", countText(rt))
	}
	if seg.Style.ColorName != foliotheme.ColorNameSecondaryText || seg.Style.SizeName != fynetheme.SizeNameCaptionText {
		t.Errorf("count drawn in %q at %q; want the secondary text colour in caption size", seg.Style.ColorName, seg.Style.SizeName)
	}
}
