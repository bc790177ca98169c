package preview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// An HTML <table> (docs-cn's release notes) is drawn as a table: its
// cells in their columns (a rowspan cell once, the rows below it empty in
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
	if got := strings.Join(cells, "|"); got != "分类|功能|描述|性能|缓存表|包括：\n• Projection 下推||B|b" {
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
