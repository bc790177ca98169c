package preview

import "fyne.io/fyne/v2"

// A mouse wheel notch scrolls the preview about three lines (Fyne's
// desktop driver moves a scroller 25 units a notch; QA measured ~15 px
// per notch, against ~50–60 in Typora and browsers): the page's wheel
// events are scaled by wheelFactor before the page scrolls. A table or a
// code block under the pointer hands the page its vertical wheel
// (pageScroll), scaled the same.

// wheelFactor scales a vertical wheel step over the page.
const wheelFactor = 2.4

// Scrolled implements fyne.Scrollable: the page's scroller would take
// the wheel itself; the content takes it first and scales it.
func (v *vcontent) Scrolled(ev *fyne.ScrollEvent) { v.p.wheel(ev) }

// wheel scrolls the page for a wheel event, scaled by wheelFactor.
func (p *Preview) wheel(ev *fyne.ScrollEvent) {
	if p.scroll == nil {
		return
	}
	scaled := *ev
	scaled.Scrolled.DY *= wheelFactor
	p.scroll.Scrolled(&scaled)
}
