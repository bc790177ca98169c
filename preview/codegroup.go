package preview

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"folio/editor/textwidth"
	"folio/preview/markdown"
)

// A big code block is shown as parts of a few lines (markdown.SplitParts),
// each its own widget, but it reads as one block: its parts scroll
// sideways together, to one position, as wide as the block's longest
// line. Only the last part has a scroll bar (under the block); a sideways
// wheel or shift+wheel over any part scrolls them all. A part has no bar
// of its own, nor the room under it a bar would take.

// codeGroup is the sideways scroll the parts of one big code block share.
type codeGroup struct {
	cols   int     // the block's longest line, in columns
	offset float32 // how far the parts are scrolled
	// members are the built parts (with the item each shows), to scroll
	// them together
	members map[*codeBlock]*Block
}

// codeColumns is the width of text's longest line in monospace columns.
func codeColumns(text string) int {
	cols := 0
	for line := range strings.SplitSeq(text, "\n") {
		if len(line) <= cols {
			continue // no line is wider than its bytes
		}
		plain := true // printable ASCII: a column a byte
		for i := 0; i < len(line) && plain; i++ {
			plain = line[i] >= 0x20 && line[i] < 0x7F
		}
		n := len(line)
		if !plain {
			n = textwidth.StringColumns(line) + strings.Count(line, "\t")*(tabWidth-1)
		}
		cols = max(cols, n)
	}
	return cols
}

// codeGroupOf is the builder's codeGroupFor, or nil.
func (b builder) codeGroupOf(item *Block) *codeGroup {
	if b.codeGroup == nil {
		return nil
	}
	return b.codeGroup(item)
}

// codeGroupFor is the scroll shared by the parts of the big code block
// that part item is one of, made when its first part is built (nil for
// an item that is not a code part).
func (p *Preview) codeGroupFor(item *Block) *codeGroup {
	if item == nil || item.Kind != KindCode || item.Cont() == 0 {
		return nil
	}
	at := -1
	for i := range p.items {
		if p.items[i].block == item {
			at = i
			break
		}
	}
	if at < 0 {
		return nil
	}
	start := p.items[at].start
	if g := p.codeGroups[start]; g != nil {
		return g
	}
	g := &codeGroup{members: map[*codeBlock]*Block{}}
	// the parts are the items around it from the same block
	from, to := at, at+1
	for from > 0 && p.items[from-1].start == start && p.items[from-1].block != nil {
		from--
	}
	for to < len(p.items) && p.items[to].start == start && p.items[to].block != nil {
		to++
	}
	for _, it := range p.items[from:to] {
		if it.block.Kind == KindCode {
			g.cols = max(g.cols, codeColumns(it.block.Text))
		}
	}
	if p.codeGroups == nil {
		p.codeGroups = map[int]*codeGroup{}
	}
	p.codeGroups[start] = g
	return g
}

// pruneCodeGroups drops the groups of blocks no longer shown and the
// parts no longer built, after an update.
func (p *Preview) pruneCodeGroups() {
	if len(p.codeGroups) == 0 {
		return
	}
	starts := map[int]bool{}
	for _, it := range p.items {
		if it.block != nil && it.block.Kind == KindCode && it.block.Cont() != 0 {
			starts[it.start] = true
		}
	}
	for start, g := range p.codeGroups {
		if !starts[start] {
			delete(p.codeGroups, start)
			continue
		}
		for cb, item := range g.members {
			if st := p.states[item]; st == nil || st.obj != cb {
				delete(g.members, cb)
			}
		}
	}
}

// join adds a part being built: it is as wide as the block, scrolled to
// the group's position, and its scrolls move the others.
func (g *codeGroup) join(c *codeBlock, item *Block) {
	if w := c.columns(); w > g.cols {
		g.cols = w
		g.widen()
	}
	g.members[c] = item
	c.scroll.group = g
	if c.cont&markdown.ContBelow == 0 { // the last part: the block's bar
		c.scroll.OnScrolled = func(at fyne.Position) { g.scrollTo(at.X, c) }
	} else {
		c.scroll.Direction = container.ScrollNone
	}
	c.scroll.Offset.X = g.offset
}

// setWidth makes a part's scrolled content cols columns wide. Only the
// scroller is laid out again (its content's size, its bar): Scroll.Refresh
// would also refresh every token of the part's text, and widen runs on
// every built part each time a key makes the edited line the block's
// longest (F39: 23 ms a key in a 1 MB block).
func (c *codeBlock) setWidth(cols int) {
	if c.spacer == nil {
		return
	}
	_, cell := codeCell()
	m := c.spacer.MinSize()
	c.spacer.SetMinSize(fyne.NewSize(float32(cols)*cell.Width, m.Height))
	c.scroll.Base.Refresh()
}

// widen makes every built part as wide as the block.
func (g *codeGroup) widen() {
	for c := range g.members {
		c.setWidth(g.cols)
	}
}

// scrollBy scrolls the parts sideways by dx (a wheel's delta), within
// the block's width as shown in s.
func (g *codeGroup) scrollBy(dx float32, s *pageScroll) {
	room := s.Content.MinSize().Width - s.Size().Width
	g.scrollTo(min(max(g.offset-dx, 0), max(room, 0)), nil)
}

// scrollTo puts every built part but from at x.
func (g *codeGroup) scrollTo(x float32, from *codeBlock) {
	g.offset = x
	for c := range g.members {
		if c != from && c.scroll != nil {
			c.scroll.ScrollToOffset(fyne.NewPos(x, 0))
		}
	}
}
