package preview

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// TestJumpLandsOnTheHeadingAfterImagesLoad: a jump to a heading (the
// outline, an anchor link) puts it at the top of the view, and keeps it
// there while the images above it load and grow (QA: the preview stayed a
// screen and a half short of "Other resources" in Hugo's GitHub Pages
// page, whose screenshots are just above it). A scroll by the user ends
// that.
func TestJumpLandsOnTheHeadingAfterImagesLoad(t *testing.T) {
	dir := t.TempDir()
	img := image.NewNRGBA(image.Rect(0, 0, 300, 900))
	for y := range 900 {
		for x := range 300 {
			img.Set(x, y, color.NRGBA{R: uint8(x), G: uint8(y), B: 90, A: 255})
		}
	}
	f, err := os.Create(filepath.Join(dir, "shot.png"))
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, tail := range []int{40, 3} {
		t.Run(fmt.Sprintf("%d lines after it", tail), func(t *testing.T) { checkJump(t, dir, tail) })
	}
}

func checkJump(t *testing.T, dir string, tail int) {
	var b strings.Builder
	for i := range 20 {
		fmt.Fprintf(&b, "第 %d 段，有一些文字。\n\n", i)
	}
	for i := range 5 {
		fmt.Fprintf(&b, "Step %d\n\n![screen capture](shot.png)\n\n", i)
	}
	b.WriteString("## Other resources\n\n")
	for i := range tail {
		fmt.Fprintf(&b, "- 资源 %d\n", i)
	}
	body := []byte(b.String())
	p := showPreview(t)
	p.updateNow(body, Meta{}, dir, 1)
	line := 1 + strings.Count(b.String()[:strings.Index(b.String(), "## Other")], "\n")
	// As the outline does: the editor scrolls a few lines above the
	// heading first (its top line is synced), then the preview jumps.
	p.ScrollToSourceLine(line - 4)
	p.ScrollToSourceLine(line)
	i := p.itemForLine(line)
	if k := p.items[i].block.Kind; k != KindHeading {
		t.Fatalf("line %d is a %v", line, k)
	}
	q := uiQueues[p]
	end := time.After(time.Second)
	for done := false; !done; {
		select {
		case f := <-q:
			f()
		case <-end:
			done = true
		}
	}
	y, want := p.scroll.Offset.Y, p.offsets[i]
	if end := p.total() - p.scroll.Size().Height; want > end {
		// Too near the end to be at the top: in view, the page at its end.
		if y < end-1 || want > y+p.scroll.Size().Height-40 {
			t.Fatalf("the heading is at %.0f, the view at %.0f (%.0f high, the end at %.0f)", want, y, p.scroll.Size().Height, end)
		}
	} else if y < want-1 || y > want+1 {
		t.Fatalf("the heading is at %.0f, the view at %.0f", want, y)
	}
	// The user scrolls up: the heading is not pulled back to the top by a
	// later resize.
	p.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: 400}})
	at := p.scroll.Offset.Y
	if at > y-300 {
		t.Fatalf("the wheel did not scroll up: %.0f → %.0f", y, at)
	}
	p.objectResized()
	if got := p.scroll.Offset.Y; got > at+200 {
		t.Errorf("after the user scrolled to %.0f, a resize moved the view back down to %.0f", at, got)
	}
}

// A landing asked for text already shown happens at once and only once:
// the next article given to Update opens at its top, not at the line the
// last one landed on (seen in a real window: all.md#baseurl, then another
// article from the list opened scrolled down to line 18).
func TestLandingDoesNotCarryOverToTheNextArticle(t *testing.T) {
	p := showPreview(t)
	long := func(name string) []byte {
		var b strings.Builder
		for i := range 200 {
			fmt.Fprintf(&b, "%s paragraph %d\n\n", name, i)
		}
		return []byte(b.String())
	}
	p.updateNow(long("all"), Meta{}, "", 1)
	p.ScrollToSourceLineOnShow(300)
	if p.scroll.Offset.Y < 100 {
		t.Fatalf("not scrolled to line 300: %v", p.scroll.Offset.Y)
	}
	p.ScrollToSourceLine(0) // the app: another article starts at its top
	p.updateNow(long("front-matter"), Meta{}, "", 1)
	if y := p.scroll.Offset.Y; y != 0 {
		t.Errorf("the next article opened scrolled to %v, want its top", y)
	}
}
