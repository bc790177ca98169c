package preview

import (
	"time"

	"folio/preview/markdown"
)

// The parts of a big code block are highlighted on the parsing goroutine
// (markdown.HighlightParts), in order, so a string or comment that runs
// over a part boundary is coloured right. A parse highlights for at most
// highlightBudget (after an edit: the changed parts); the rest is done
// after the result is shown, on the same worker, and handed to the UI
// as it goes. Until a part's tokens are there, the UI highlights it on
// its own.

// highlightBudget is how long a parse highlights before its result is
// handed over.
const highlightBudget = 8 * time.Millisecond

// highlightStep is how often the rest's progress is handed to the UI.
const highlightStep = 100 * time.Millisecond

// within is a HighlightParts stop function: true after d.
func within(d time.Duration) func() bool {
	deadline := time.Now().Add(d)
	return func() bool { return time.Now().After(deadline) }
}

// highlightRest highlights what the parse of generation gen left, until
// done or until a newer update comes (under p.work).
func (p *Preview) highlightRest(blocks []*markdown.TopBlock, gen uint64) {
	defer p.recoverInto(func(err error) { p.do(func() { p.failed(err) }) })
	newer := func() bool {
		p.mu.Lock()
		defer p.mu.Unlock()
		return p.gen != gen
	}
	for !newer() {
		late := within(highlightStep)
		changed, done := markdown.HighlightParts(blocks, false, func() bool { return late() || newer() })
		if changed {
			p.do(func() {
				defer p.recoverInto(p.failed)
				p.restyleCode()
			})
		}
		if done {
			return
		}
	}
}

// restyleCode rebuilds the built code parts whose highlighting changed
// since they were built (UI goroutine).
func (p *Preview) restyleCode() {
	kept := p.built[:0]
	dropped := false
	for _, b := range p.built {
		if st := p.states[b]; st != nil && b.Kind == KindCode {
			if cb, ok := st.obj.(*codeBlock); ok && !sameTokens(cb.tokens, b.CodeHighlight()) {
				st.obj = nil
				dropped = true
				continue
			}
		}
		kept = append(kept, b)
	}
	clear(p.built[len(kept):])
	p.built = kept
	if dropped {
		p.refreshVisible()
	}
}
