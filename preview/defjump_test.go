package preview

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// textTop is the top of the first canvas.Text reading s under o, in o's
// coordinates, and whether there is one.
func textTop(o fyne.CanvasObject, s string) (float32, bool) {
	var walk func(o fyne.CanvasObject, y float32) (float32, bool)
	walk = func(o fyne.CanvasObject, y float32) (float32, bool) {
		if !o.Visible() {
			return 0, false
		}
		y += o.Position().Y
		switch t := o.(type) {
		case *canvas.Text:
			return y, t.Text == s
		case *fyne.Container:
			for _, c := range t.Objects {
				if at, ok := walk(c, y); ok {
					return at, true
				}
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(t).Objects() {
				if at, ok := walk(c, y); ok {
					return at, true
				}
			}
		}
		return 0, false
	}
	return walk(o, -o.Position().Y)
}

// QA round 7: a jump to a definition list's term (Hugo's docs link to
// /configuration/all/#baseurl) scrolled the preview to the fraction of
// the list's source lines the term is at, which left the term a line or
// more above the view, its definition at the top. The term's line lands
// on the term.
func TestScrollToSourceLineLandsOnADefinitionTerm(t *testing.T) {
	p := showPreview(t)
	var b strings.Builder
	b.WriteString("## Settings\n\n")
	for k := range 40 {
		fmt.Fprintf(&b, "`term%02d`\n: (`string`) %s\n\n", k, strings.Repeat("A definition that wraps over several lines of the pane. ", 1+k%4*3))
	}
	b.WriteString("## After\n\nThe end.\n")
	body := []byte(b.String())
	const first = 9 // the body's first line in the file
	p.updateNow(body, Meta{}, "", first)
	for _, k := range []int{7, 23, 38} {
		term := fmt.Sprintf("term%02d", k)
		line := first + strings.Count(string(body[:strings.Index(string(body), "`"+term+"`")]), "\n")
		p.ScrollToSourceLine(line)
		y, ok := textTop(p.scroll.Content, term)
		if !ok {
			t.Fatalf("%s is not drawn after the jump to its line %d", term, line)
		}
		top, view := p.scroll.Offset.Y, p.scroll.Size().Height
		atEnd := top >= p.scroll.Content.Size().Height-view-0.5 // the view cannot go further down
		if y < top || y > top+view/8 && !(atEnd && y < top+view) {
			t.Errorf("%s drawn at %v, the view starts at %v (height %v): want it at the top", term, y, top, view)
		}
	}
}
