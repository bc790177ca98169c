package preview

// What the reader chose in the preview's containers — which <details> are
// open, which <SimpleTab> tab is shown — is kept apart from the widgets,
// which an edit rebuilds. A container is known by the shown item it is in
// and its place among the containers of that item's widget (in build
// order), not by its text: typing in a <details> summary or in a tab's
// content keeps the choice. An edit that replaces an item (the
// incremental parser makes a new block for the changed source) hands the
// old item's choices to the new one at the same place among the changed
// items of its kind (remap).

// containerStates is the reader's choices in containers (UI goroutine
// only). The zero value is ready to use.
type containerStates struct {
	// by holds, per shown item, each container's choice by its place
	// among the item's containers: 0/1 for a <details> (closed/open), the
	// tab's index for a <SimpleTab>
	by map[*Block]map[int]int
	// items are the items shown when by was last remapped (only while
	// by holds something)
	items []*Block
	// shown lists the items shown now (for the first choice made)
	shown func() []*Block
	// chose is told of a choice (the item's selectable text changed)
	chose func(item *Block)
}

// get is the choice for container n of item, if the reader made one.
func (s *containerStates) get(item *Block, n int) (int, bool) {
	if s == nil || item == nil {
		return 0, false
	}
	v, ok := s.by[item][n]
	return v, ok
}

// set records the choice v for container n of item.
func (s *containerStates) set(item *Block, n, v int) {
	if s == nil || item == nil {
		return
	}
	if len(s.by) == 0 && s.shown != nil {
		s.items = s.shown()
	}
	if s.by == nil {
		s.by = map[*Block]map[int]int{}
	}
	if s.by[item] == nil {
		s.by[item] = map[int]int{}
	}
	s.by[item][n] = v
	if s.chose != nil {
		s.chose(item)
	}
}

// remap follows an update: items are the items now shown, kept tells
// whether a block is one of them. The choices of an item that is still
// shown stay; those of an item the update replaced go to the item that
// took its place: items before and after the change are the same blocks,
// and the k-th changed item of a kind takes the choices of the k-th item
// of that kind it replaced. Choices of items gone otherwise are dropped.
func (s *containerStates) remap(items []vitem, kept func(*Block) bool) {
	if len(s.by) == 0 {
		s.items = nil
		return
	}
	old := s.items
	a := 0
	for a < len(old) && a < len(items) && old[a] == items[a].block {
		a++
	}
	e := 0
	for e < len(old)-a && e < len(items)-a && old[len(old)-1-e] == items[len(items)-1-e].block {
		e++
	}
	was, now := old[a:len(old)-e], items[a:len(items)-e]
	// the k-th changed item of a kind takes the choices of the k-th
	// replaced item of that kind
	moved := map[*Block]map[int]int{}
	seen := map[Kind]int{}
	for _, ob := range was {
		if ob == nil {
			continue
		}
		k := seen[ob.Kind]
		seen[ob.Kind]++
		v, ok := s.by[ob]
		if !ok || kept(ob) {
			continue
		}
		for _, it := range now {
			if nb := it.block; nb != nil && nb.Kind == ob.Kind {
				if k == 0 {
					moved[nb] = v
					break
				}
				k--
			}
		}
	}
	for b := range s.by {
		if b == nil || !kept(b) {
			delete(s.by, b)
		}
	}
	for b, v := range moved {
		if s.by[b] == nil {
			s.by[b] = v
		}
	}
	s.items = s.items[:0]
	if len(s.by) > 0 {
		for _, it := range items {
			s.items = append(s.items, it.block)
		}
	}
}

// boxStates is the preview's containerStates, wired to its items.
func (p *Preview) boxStates() *containerStates {
	s := &p.sel.boxes
	if s.shown == nil {
		s.shown = func() []*Block {
			out := make([]*Block, len(p.items))
			for i, it := range p.items {
				out[i] = it.block
			}
			return out
		}
		s.chose = func(item *Block) {
			// the item shows other text: its segments and their objects
			// are listed again, and a selection in it goes
			delete(p.sel.targets, item)
			delete(p.sel.segs, item)
			sel := &p.sel
			if sel.on && (sel.anchor.block == item || sel.focus.block == item || sel.unitLo.block == item || sel.unitHi.block == item) {
				sel.on, sel.pressed = false, false
				p.paintSelection()
			}
		}
	}
	return s
}

// containerKey is the place of the next container built in the builder's
// item (counted from 0 in build order, a container before what it holds;
// the selection's segWalk counts alike).
func (b builder) containerKey() int {
	if b.seq == nil {
		return 0
	}
	n := *b.seq
	*b.seq++
	return n
}
