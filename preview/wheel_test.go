package preview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// TestWheelNotchScrollsThreeLines: a wheel notch (Fyne's desktop driver
// sends 25 units) over the page, or over a code block that hands the page
// its vertical wheel, scrolls the preview about three lines (60 units),
// not 25 (QA F17: ~15 px a notch); the content takes the wheel before the
// page's scroller.
func TestWheelNotchScrollsThreeLines(t *testing.T) {
	p := showPreview(t)
	p.updateNow([]byte(strings.Repeat("段落。\n\n", 200)+"```\ncode\n```\n"), Meta{}, "", 1)
	var _ fyne.Scrollable = p.content // the driver gives the wheel to the deepest Scrollable
	notch := &fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -25}}
	p.content.Scrolled(notch)
	if got := p.scroll.Offset.Y; got < 55 || got > 65 {
		t.Errorf("a notch over the page scrolled %.0f; want about 60", got)
	}
	before := p.scroll.Offset.Y
	p.scrollPage(notch) // what a code block or table does with a vertical wheel
	if got := p.scroll.Offset.Y - before; got < 55 || got > 65 {
		t.Errorf("a notch over a code block scrolled the page %.0f; want about 60", got)
	}
}
