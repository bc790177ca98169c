package preview

import (
	"fmt"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// TestBigCodeBlockScrollsAsOne: the parts of a big code block with long
// lines read as one block: no part but the last has a scroll bar or the
// room for one, every part is as wide as the block's longest line, and a
// sideways wheel over any part scrolls all of them to one position.
func TestBigCodeBlockScrollsAsOne(t *testing.T) {
	p := showPreview(t)
	var b strings.Builder
	b.WriteString("```go\n")
	for i := range 400 {
		if i == 350 {
			b.WriteString("// the longest line, far down: " + strings.Repeat("x", 300) + "\n")
			continue
		}
		fmt.Fprintf(&b, "fmt.Println(%d, \"%s\")\n", i, strings.Repeat("长行", 30))
	}
	b.WriteString("```\n")
	p.updateNow([]byte(b.String()), Meta{}, "", 1)
	var parts []*codeBlock
	for _, o := range p.content.objs {
		if cb, ok := o.(*codeBlock); ok {
			parts = append(parts, cb)
		}
	}
	if len(parts) < 3 {
		t.Fatalf("%d code parts shown; want a block in parts", len(parts))
	}
	_, cell := codeCell()
	w := parts[0].Size().Width
	lines := func(c *codeBlock) float32 { return float32(strings.Count(c.text, "\n")+1) * cell.Height }
	for i, c := range parts {
		if c.group == nil || c.group != parts[0].group {
			t.Fatalf("part %d does not share the block's scroll", i)
		}
		if c.cont&2 != 0 { // markdown.ContBelow: not the last part
			if c.scroll.Direction != container.ScrollNone {
				t.Errorf("part %d has a scroll bar", i)
			}
			pad := float32(0)
			if c.cont&1 == 0 {
				pad = 2 * 2 * 2 // the block's top padding
			}
			if h := c.heightFor(w); h > lines(c)+pad+0.5 {
				t.Errorf("part %d is %.1f tall for %.1f of lines: room for a bar", i, h, lines(c))
			}
		}
		if got, want := c.scroll.Content.MinSize().Width, float32(331)*cell.Width; got < want-0.5 {
			t.Errorf("part %d scrolls %.1f wide; want the longest line's %.1f", i, got, want)
		}
	}
	parts[1].scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DX: -120}})
	at := parts[1].scroll.Offset.X
	if at == 0 {
		t.Fatal("a sideways wheel did not scroll the part")
	}
	for i, c := range parts {
		if c.scroll.Offset.X != at {
			t.Errorf("part %d is scrolled to %.1f, part 1 to %.1f", i, c.scroll.Offset.X, at)
		}
	}
}

// refreshCounter is a canvas object that counts its refreshes.
type refreshCounter struct {
	*canvas.Rectangle
	n int
}

func (r *refreshCounter) Refresh() { r.n++ }

// TestWidenRefreshesNoText: when the block grows wider (a key makes the
// edited line its longest), every built part is widened; that lays out
// each part's scroller but refreshes none of its text (QA F39: the
// refreshes of every token of every part cost ~23 ms a key in a 1 MB
// block). The part's content still becomes as wide as the block.
func TestWidenRefreshesNoText(t *testing.T) {
	p := showPreview(t)
	var b strings.Builder
	b.WriteString("```go\n")
	for i := range 200 {
		fmt.Fprintf(&b, "fmt.Println(%d)\n", i)
	}
	b.WriteString("```\n")
	p.updateNow([]byte(b.String()), Meta{}, "", 1)
	var parts []*codeBlock
	for _, o := range p.content.objs {
		if cb, ok := o.(*codeBlock); ok {
			parts = append(parts, cb)
		}
	}
	if len(parts) < 2 || parts[0].group == nil {
		t.Fatalf("%d code parts shown; want a block in parts", len(parts))
	}
	body := parts[0].scroll.Content.(*fyne.Container).Objects[1].(*fyne.Container)
	counter := &refreshCounter{Rectangle: canvas.NewRectangle(color.Transparent)}
	body.Objects = append(body.Objects, counter)

	g := parts[0].group
	g.cols += 40
	g.widen()
	if counter.n != 0 {
		t.Errorf("widening refreshed the part's text %d times; want none", counter.n)
	}
	_, cell := codeCell()
	want := float32(g.cols) * cell.Width
	for i, c := range parts {
		if got := c.scroll.Content.MinSize().Width; got < want-0.5 {
			t.Errorf("part %d: content min width %.1f; want %.1f", i, got, want)
		}
		if got := c.scroll.Content.Size().Width; got < want-0.5 {
			t.Errorf("part %d: content laid out %.1f wide; want %.1f", i, got, want)
		}
	}
}
