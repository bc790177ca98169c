package markdown

import (
	"strings"
	"testing"
)

// TestHeadingsPastEagerStartAreDeferred: the document's parse leaves an
// ATX heading past the eager start without inlines (lazyHeadings), and
// Fill gives it the text, the {#id} and the level an eager parse gives.
func TestHeadingsPastEagerStartAreDeferred(t *testing.T) {
	filler := strings.Repeat("filler paragraph with *some* words\n\n", 100)
	src := "# First\n\n" + filler + "## Second *part* {#two}\n\n" + filler + "### Third `code`\n"
	doc := NewDocument(New())
	blocks := doc.Set([]byte(src))
	eager := NewDocument(New())
	eager.eagerInlines = true
	want := eager.Set([]byte(src))
	var heads []*TopBlock
	for _, tb := range blocks {
		if tb.Block.Kind == KindHeading {
			heads = append(heads, tb)
		}
	}
	if len(heads) != 3 {
		t.Fatalf("%d headings, want 3", len(heads))
	}
	if heads[0].Block.lazy.reparse {
		t.Error("the first heading (inside the eager start) is parsed again")
	}
	for _, h := range heads[1:] {
		if !h.Block.lazy.reparse {
			t.Errorf("the heading at line %d kept its inlines in the document's parse", h.Line)
		}
		if n := h.Block.lazy.node; n != nil && n.FirstChild() != nil {
			t.Errorf("the heading at line %d has inline nodes before it is shown", h.Line)
		}
	}
	if got, w := DumpDocument(blocks), DumpDocument(want); got != w {
		t.Errorf("deferred headings convert differently:\n%s\nwant\n%s", got, w)
	}
}
