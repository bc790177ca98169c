package preview

import (
	"testing"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// TestLinkUnderlineBelowUnderscores: a link's text (inline code in a link
// too) is underlined by a line under its line's descenders, not by the
// font's underline, which crossed the underscores of `tidb_slow_log`.
func TestLinkUnderlineBelowUnderscores(t *testing.T) {
	f := inlineFlow(t, "见 [`tidb_slow_log`](a.md) 和 [plain_name](b.md)。\n")
	bottom := float32(0)
	for _, l := range f.lines {
		bottom = max(bottom, l.y+l.h)
	}
	lines := 0
	for _, o := range test.WidgetRenderer(f).Objects() {
		switch v := o.(type) {
		case *canvas.Text:
			if v.TextStyle.Underline {
				t.Errorf("%q is drawn with the font's underline", v.Text)
			}
		case *canvas.Rectangle:
			if v.Size().Height <= 2 && v.Size().Width > 20 {
				lines++
				if v.Position().Y < bottom {
					t.Errorf("an underline at %.1f, above the line's bottom %.1f", v.Position().Y, bottom)
				}
			}
		}
	}
	if lines != 2 {
		t.Errorf("%d underlines; want one under each link", lines)
	}
}
