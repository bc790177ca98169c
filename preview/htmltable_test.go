package preview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// An HTML <table> (docs-cn's release notes) is drawn as a table: its
// cells in their columns (a rowspan cell once, nothing drawn below it in
// its column), a list item with its bullet, a link that opens; the
// unknown component around a Markdown table shows nothing of itself.
func TestHTMLTableShowsItsCells(t *testing.T) {
	p := showPreview(t)
	var opened string
	p.OnOpenArticle = func(target string) { opened = target }
	src := "<EmailSubscriptionWrapper />\n\n<table>\n<thead><tr><th>分类</th><th>功能</th><th>描述</th></tr></thead>\n<tbody>\n" +
		"<tr><td rowspan=\"2\">性能</td><td><a href=\"other.md\">缓存表</a></td><td>包括：<ul><li><code>Projection</code> 下推</li></ul></td></tr>\n" +
		"<tr><td>B</td><td>b</td></tr>\n</tbody>\n</table>\n\n<StickyHeaderTable>\n\n| a |\n|---|\n| 1 |\n\n</StickyHeaderTable>\n"
	p.updateNow([]byte(src), Meta{}, "", 1)
	var tables []*tableBox
	for i := range p.items {
		if b := p.items[i].block; b != nil && b.Kind == KindTable {
			tables = append(tables, p.objectFor(i).(*tableBox))
		}
	}
	if len(tables) != 2 {
		t.Fatalf("%d tables; shown: %q", len(tables), visibleText(p))
	}
	var cells []string
	for _, f := range findType[*textFlow](tables[0]) {
		cells = append(cells, f.plainText())
	}
	// the place under the rowspan cell holds no cell of its own (QA G1)
	if got := strings.Join(cells, "|"); got != "分类|功能|描述|性能|缓存表|包括：\n• Projection 下推|B|b" {
		t.Errorf("cells %q", got)
	}
	if got := visibleText(p); strings.Contains(got, "Sticky") || strings.Contains(got, "Email") || strings.Contains(got, "<") {
		t.Errorf("component tags or HTML shown: %q", got)
	}
	for _, f := range findType[*textFlow](tables[0]) {
		for _, l := range f.lines {
			for _, pc := range l.pieces {
				if f.runs[pc.run].link != "" {
					test.TapAt(f, fyne.NewPos(pc.x+pc.w/2, l.y+l.h/2))
				}
			}
		}
	}
	if !strings.HasSuffix(opened, "other.md") {
		t.Errorf("the link in a cell opened %q", opened)
	}
}

// QA G1: a cell with rowspan is one cell as tall as the rows it spans,
// drawn over the grid lines between them (they crossed it: the category
// looked like it belonged to its first row only); the places under it
// draw nothing.
func TestHTMLTableRowspanCellSpansItsRows(t *testing.T) {
	p := showPreview(t)
	src := "<table>\n<tr><th>分类</th><th>功能</th></tr>\n" +
		"<tr><td rowspan=\"3\">可扩展性与性能</td><td>一</td></tr>\n<tr><td>二</td></tr>\n<tr><td>三<br>第二行<br>第三行</td></tr>\n" +
		"<tr><td>稳定性</td><td>四</td></tr>\n</table>\n"
	p.updateNow([]byte(src), Meta{}, "", 1)
	box := p.objectFor(0).(*tableBox)
	box.Resize(fyne.NewSize(500, heightOf(box, 500)))
	grid := box.grid
	grid.Layout.Layout(grid.Objects, grid.Size())
	objs := grid.Objects
	if len(objs) != 10 {
		t.Fatalf("%d cells, want 5 rows of 2", len(objs))
	}
	span, first, last, after := objs[2], objs[3], objs[7], objs[8]
	if span.Position().Y != first.Position().Y {
		t.Errorf("the spanning cell starts at %v, its first row at %v", span.Position().Y, first.Position().Y)
	}
	if got, want := span.Position().Y+span.Size().Height, last.Position().Y+last.Size().Height; got != want {
		t.Errorf("the spanning cell ends at %v, its last row at %v", got, want)
	}
	if span.Position().Y+span.Size().Height >= after.Position().Y {
		t.Errorf("the spanning cell reaches into the row after it (%v ≥ %v)", span.Position().Y+span.Size().Height, after.Position().Y)
	}
	for _, i := range []int{4, 6} {
		if len(findType[*textFlow](objs[i])) != 0 {
			t.Errorf("the place %d under the spanning cell draws a cell", i)
		}
	}
}
