package preview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// findType collects the objects of type T under o, in order.
func findType[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if t, ok := o.(T); ok {
			out = append(out, t)
		}
		switch t := o.(type) {
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
	return out
}

// TestDetailsOpensAndCloses: a <details> is closed, its body hidden and
// not counted in its height, until its summary (or ▸) is clicked.
func TestDetailsOpensAndCloses(t *testing.T) {
	p := showPreview(t)
	p.updateNow([]byte("<details>\n<summary>更多</summary>\n\n正文 **粗**\n\n- 一\n- 二\n\n</details>\n"), Meta{}, "", 1)
	var box *fyne.Container
	for i := range p.items {
		if b := p.items[i].block; b != nil && b.Kind.String() == "details" {
			box = p.objectFor(i).(*fyne.Container)
		}
	}
	if box == nil {
		t.Fatal("no details widget")
	}
	head, body := box.Objects[0], box.Objects[1]
	closed := heightOf(box, 600)
	if body.Visible() || closed != heightOf(head, 600) {
		t.Fatalf("closed details shows its body (visible %v, height %v vs summary %v)", body.Visible(), closed, heightOf(head, 600))
	}
	flows := findType[*textFlow](head)
	if len(flows) != 1 || flows[0].plainText() != "更多" {
		t.Fatalf("summary flows %v", flows)
	}
	test.Tap(flows[0])
	if !body.Visible() || heightOf(box, 600) <= closed {
		t.Fatalf("a click on the summary did not open it")
	}
	var got []string
	for _, f := range findType[*textFlow](body) {
		if !f.isMarker() {
			got = append(got, f.plainText())
		}
	}
	if strings.Join(got, "|") != "正文 粗|一|二" {
		t.Errorf("open body shows %q", got)
	}
	// an edit inside it rebuilds it: it stays open
	p.updateNow([]byte("<details>\n<summary>更多</summary>\n\n正文 **粗** 改\n\n- 一\n- 二\n\n</details>\n"), Meta{}, "", 1)
	for i := range p.items {
		if b := p.items[i].block; b != nil && b.Kind.String() == "details" {
			if again := p.objectFor(i).(*fyne.Container); again == box || !again.Objects[1].Visible() {
				t.Errorf("after an edit inside it the details is closed (rebuilt: %v)", again != box)
			}
		}
	}
	marker := findType[*disclosure](head)
	if len(marker) != 1 {
		t.Fatal("no ▸ marker")
	}
	test.Tap(marker[0])
	if body.Visible() || heightOf(box, 600) != closed {
		t.Error("a click on ▾ did not close it")
	}
}

// TestContainersBuild: tabs show every tab's label and the first tab's
// content (TestSimpleTabShowsOneTab clicks the others); a
// definition list its terms and definitions; a code shortcode its label
// above the code; a docs-cn callout its own title; a conflict its sides.
func TestContainersBuild(t *testing.T) {
	p := showPreview(t)
	body := "<SimpleTab>\n<div label=\"Linux\">\n\nL 内容\n\n</div>\n<div label=\"macOS\">\n\nM 内容\n\n</div>\n</SimpleTab>\n\n" +
		"Term\n: 定义\n\n{{< code-toggle file=hugo >}}\n[a]\nb = 1\n{{< /code-toggle >}}\n\n> **注意：**\n>\n> 内容\n\n" +
		"<<<<<<< mine\n我的\n=======\n他的\n>>>>>>> theirs\n"
	p.updateNow([]byte(body), Meta{}, "", 1)
	var all []string
	for i := range p.items {
		all = append(all, texts(p.objectFor(i))...)
	}
	got := strings.Join(all, "|")
	for _, want := range []string{"Linux", "L 内容", "macOS", "Term", "定义", "YAML", "TOML", "JSON", "hugo.yaml", "注意", "内容", "mine", "我的", "theirs", "他的"} {
		if !strings.Contains(got, want) {
			t.Errorf("built text lacks %q: %s", want, got)
		}
	}
	if strings.Contains(got, "SimpleTab") || strings.Contains(got, "<<<<<<<") || strings.Contains(got, "**") {
		t.Errorf("markup shown literally: %s", got)
	}
}

// TestCustomHeadingIDScrolls: a link to a heading's {#id} scrolls to it,
// and the id is not shown.
func TestCustomHeadingIDScrolls(t *testing.T) {
	p := showPreview(t)
	body := "[去](#step-3)\n\n" + strings.Repeat("段落。\n\n", 80) + "## 第 3 步 {#step-3}\n\n尾。\n"
	p.updateNow([]byte(body), Meta{}, "", 1)
	if !p.ScrollToAnchor("step-3") {
		t.Fatal("no heading has the anchor step-3")
	}
	if got := visibleText(p); !strings.Contains(got, "第 3 步") || strings.Contains(got, "{#") {
		t.Errorf("after the scroll the pane shows %q", got)
	}
}

// TestDetailsOpenWhileSummaryTyped: an opened <details> stays open while
// its summary is typed in (the open state is not keyed by the summary's
// text), and a second <details> with the same summary keeps its own
// state.
func TestDetailsOpenWhileSummaryTyped(t *testing.T) {
	p := showPreview(t)
	doc := func(summary string) []byte {
		return []byte("<details>\n<summary>" + summary + "</summary>\n\n正文一\n\n</details>\n\n段落。\n\n<details>\n<summary>同名</summary>\n\n正文二\n\n</details>\n")
	}
	details := func() []*fyne.Container {
		var out []*fyne.Container
		for i := range p.items {
			if b := p.items[i].block; b != nil && b.Kind.String() == "details" {
				out = append(out, p.objectFor(i).(*fyne.Container))
			}
		}
		if len(out) != 2 {
			t.Fatalf("%d details", len(out))
		}
		return out
	}
	p.updateNow(doc("同名"), Meta{}, "", 1)
	test.Tap(findType[*disclosure](details()[0].Objects[0])[0])
	for _, s := range []string{"同名x", "同名xy", "更多", ""} {
		p.updateNow(doc(s), Meta{}, "", 1)
		ds := details()
		if !ds[0].Objects[1].Visible() {
			t.Errorf("summary typed to %q: the opened details closed", s)
		}
		if ds[1].Objects[1].Visible() {
			t.Errorf("summary typed to %q: the other details opened", s)
		}
	}
}
