package preview

import (
	"fmt"
	"strings"
	"testing"
)

// TestTheScrolledHeightStaysForASmallChange: an edit that moves the end
// of a long article a little (its title wraps onto a second line, a
// paragraph grows by a line) leaves the scrolled content's minimum size
// as it was, so Fyne does not lay the Scroll out again while it draws the
// frame (its refresh then would draw a second frame: issue 9); the end
// stays reachable, a big change follows, and an article that fits the
// pane has no slack to scroll into.
func TestTheScrolledHeightStaysForASmallChange(t *testing.T) {
	p := showPreview(t)
	var b strings.Builder
	for i := range 40 {
		fmt.Fprintf(&b, "## Part %d\n\nSome text for part %d.\n\n", i, i)
	}
	long := b.String()
	p.updateNow([]byte(long), Meta{Title: "Short"}, "", 1)
	before := p.content.MinSize()
	if before.Height < p.total() {
		t.Fatalf("the content (%v) is shorter than the article (%v)", before.Height, p.total())
	}
	p.updateNow([]byte(long), Meta{Title: "A title long enough to wrap onto a second line in this pane, and then some more words"}, "", 1)
	if got := p.content.MinSize(); got != before || got.Height < p.total() {
		t.Errorf("a small change moved the content's height %v → %v (article %v)", before.Height, got.Height, p.total())
	}
	if p.content.Size().Height < p.total() {
		t.Errorf("the end (%v) is out of reach (content %v)", p.total(), p.content.Size().Height)
	}
	p.updateNow([]byte(long+long), Meta{Title: "Short"}, "", 1)
	if got := p.content.MinSize().Height; got < p.total() || got > p.total()+extentSlack {
		t.Errorf("after doubling the article the content is %v high, the article %v", got, p.total())
	}
	p.updateNow([]byte("# Short\n"), Meta{}, "", 1)
	if got, view := p.content.Size().Height, p.scroll.Size().Height; got != view {
		t.Errorf("an article that fits: content %v high, pane %v", got, view)
	}
}
