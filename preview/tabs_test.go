package preview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// shownTexts collects the strings of the visible canvas.Texts under o.
func shownTexts(o fyne.CanvasObject) string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch t := o.(type) {
		case *canvas.Text:
			out = append(out, t.Text)
		case *fyne.Container:
			for _, c := range t.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(t).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return strings.Join(out, "")
}

// itemOfKind builds and returns the first item of a kind ("tabs", …).
func itemOfKind(t *testing.T, p *Preview, kind string) fyne.CanvasObject {
	t.Helper()
	for i := range p.items {
		if b := p.items[i].block; b != nil && b.Kind.String() == kind {
			return p.objectFor(i)
		}
	}
	t.Fatalf("no %s item", kind)
	return nil
}

// tabLabel is the label flow of a <SimpleTab> widget reading text.
func tabLabel(t *testing.T, o fyne.CanvasObject, text string) *textFlow {
	t.Helper()
	for _, f := range findType[*textFlow](o) {
		if f.onTap != nil && f.plainText() == text {
			return f
		}
	}
	t.Fatalf("no tab label %q", text)
	return nil
}

const simpleTabDoc = "前言。\n\n<SimpleTab>\n<div label=\"Linux\">\n\nL 内容\n\n</div>\n<div label=\"macOS\">\n\nM 内容\n\n```shell\nbrew install x\n```\n\n</div>\n</SimpleTab>\n\n后记。\n"

// TestSimpleTabShowsOneTab: a <SimpleTab> is a row of tab labels over
// the first tab's content; a click on a label shows that tab alone (the
// height follows), and the choice stays when the block is rebuilt by
// typing inside it or is rebuilt after typing elsewhere.
func TestSimpleTabShowsOneTab(t *testing.T) {
	p := showPreview(t)
	p.updateNow([]byte(simpleTabDoc), Meta{}, "", 1)
	box := itemOfKind(t, p, "tabs")
	got := shownTexts(box)
	if !strings.Contains(got, "Linux") || !strings.Contains(got, "macOS") || !strings.Contains(got, "L 内容") || strings.Contains(got, "M 内容") {
		t.Fatalf("at first the tabs show %q; want both labels and the first tab alone", got)
	}
	before := heightOf(box, 600)
	test.Tap(tabLabel(t, box, "macOS"))
	got = shownTexts(box)
	if !strings.Contains(got, "M 内容") || !strings.Contains(got, "brew install x") || strings.Contains(got, "L 内容") {
		t.Fatalf("after a click on macOS the tabs show %q", got)
	}
	if heightOf(box, 600) <= before {
		t.Errorf("the taller tab did not make the block taller (%v → %v)", before, heightOf(box, 600))
	}
	// typing inside the first tab rebuilds the block: macOS stays chosen
	p.updateNow([]byte(strings.Replace(simpleTabDoc, "L 内容", "L 内容改", 1)), Meta{}, "", 1)
	again := itemOfKind(t, p, "tabs")
	if again == box {
		t.Fatal("the edit did not rebuild the block")
	}
	if got := shownTexts(again); !strings.Contains(got, "M 内容") || strings.Contains(got, "L 内容") {
		t.Errorf("after typing inside the block it shows %q; want macOS still", got)
	}
	// typing before it (a new paragraph: items move), then a rebuild
	p.updateNow([]byte("新段。\n\n"+strings.Replace(simpleTabDoc, "前言", "前言改", 1)), Meta{}, "", 1)
	p.dropBuilt()
	p.refreshVisible()
	if got := shownTexts(itemOfKind(t, p, "tabs")); !strings.Contains(got, "M 内容") || strings.Contains(got, "L 内容") {
		t.Errorf("after typing elsewhere it shows %q; want macOS still", got)
	}
	test.Tap(tabLabel(t, itemOfKind(t, p, "tabs"), "Linux"))
	if got := shownTexts(itemOfKind(t, p, "tabs")); !strings.Contains(got, "L 内容") || strings.Contains(got, "M 内容") {
		t.Errorf("after a click on Linux it shows %q", got)
	}
}

// TestCopyTakesWhatTabsAndDetailsShow: Select All copies the tab shown
// and an opened <details>'s body, not a hidden tab or a closed body; a
// <details> inside the hidden tab keeps its own state.
func TestCopyTakesWhatTabsAndDetailsShow(t *testing.T) {
	p := showPreview(t)
	doc := "<details>\n<summary>摘要</summary>\n\n细节正文\n\n</details>\n\n" +
		"<SimpleTab>\n<div label=\"Linux\">\n\nL 内容\n\n<details>\n<summary>L 摘要</summary>\n\nL 细节\n\n</details>\n\n</div>\n" +
		"<div label=\"macOS\">\n\nM 内容\n\n<details>\n<summary>M 摘要</summary>\n\nM 细节\n\n</details>\n\n</div>\n</SimpleTab>\n"
	p.updateNow([]byte(doc), Meta{}, "", 1)
	copyAll := func() string {
		p.SelectAll()
		return p.SelectedText()
	}
	if got, want := copyAll(), "摘要\n\nL 内容\nL 摘要"; !strings.Contains(got, want) || strings.Contains(got, "细节") || strings.Contains(got, "M ") {
		t.Errorf("at first Select All copies %q; want the summaries and the first tab (%q)", got, want)
	}
	box := itemOfKind(t, p, "tabs")
	test.Tap(findType[*disclosure](box)[0]) // L 摘要 opens
	test.Tap(tabLabel(t, box, "macOS"))
	test.Tap(findType[*disclosure](box)[1]) // M 摘要 opens
	if got := copyAll(); !strings.Contains(got, "M 内容\nM 摘要\n\nM 细节") || strings.Contains(got, "L ") || strings.Contains(got, "细节正文") {
		t.Errorf("after choosing macOS and opening its details Select All copies %q", got)
	}
	test.Tap(tabLabel(t, box, "Linux"))
	if got := copyAll(); !strings.Contains(got, "L 内容\nL 摘要\n\nL 细节") || strings.Contains(got, "M ") {
		t.Errorf("back on Linux Select All copies %q", got)
	}
	details := itemOfKind(t, p, "details")
	test.Tap(findType[*disclosure](details)[0])
	if got := copyAll(); !strings.HasPrefix(got, "摘要\n\n细节正文\n\nL 内容") {
		t.Errorf("with the first details open Select All copies %q", got)
	}
}
