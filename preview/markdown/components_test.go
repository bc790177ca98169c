package markdown

import (
	"bytes"
	"strings"
	"testing"
)

// An unknown capitalised component (docs-cn's <StickyHeaderTable>,
// <EmailSubscriptionWrapper />) is a transparent wrapper: its tags are
// not shown, the Markdown between them renders. Known containers and
// lower-case unknown tags keep their behaviour.
func TestUnknownComponentsAreTransparent(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"<StickyHeaderTable>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n</StickyHeaderTable>\n",
			"@3 table align=none,none\n  header\n    cell\n      text \"a\"\n    cell\n      text \"b\"\n  row\n    cell\n      text \"1\"\n    cell\n      text \"2\"\n"},
		{"<EmailSubscriptionWrapper />\n\n# 标题\n", "@3 heading 1\n  text \"标题\"\n"},
		{"<DocHomeCard href=\"/zh/x\" label=\"简介\" icon=\"i\">\n\n简介正文\n\n</DocHomeCard>\n", "@3 paragraph\n  text \"简介正文\"\n"},
		{"<RelatedResources>\n  <ResourceCard title=\"实验\" link=\"https://l\" />\n</RelatedResources>\n\nx\n", "@5 paragraph\n  text \"x\"\n"},
		{"<CustomContent platform=\"tidb\">\n<!-- c -->\n</CustomContent>\n", ""},
		// opened and closed in one block, around Markdown: what it holds
		// (one block as itself, several in a plain box)
		{"<Foo>\nx\n</Foo>\n", "@1 paragraph\n  text \"x\"\n"},
		{"<CustomContent platform=\"tidb\">\n**粗** 文\n</CustomContent>\n", "@1 paragraph\n  text[bold] \"粗\"\n  text \" 文\"\n"},
		{"<Foo>\n段落\n- 项\n</Foo>\n", "@1 tabs\n  tab\n    paragraph\n      text \"段落\"\n    list bullet tight=true\n      item\n        paragraph\n          text \"项\"\n"},
		{"<Note>\n<Foo>\nx\n</Foo>\n</Note>\n", "@1 quote alert=note\n  paragraph\n    text \"x\"\n"},
		// lower-case unknown tags, and an unknown component left open with
		// text in its block, stay literal
		{"<foo>\n\nx\n", "@1 html \"<foo>\"\n@3 paragraph\n  text \"x\"\n"},
		{"<Foo>\nx\n", "@1 html \"<Foo>\\nx\"\n"},
		{"<Foo>\n<script>\n", "@1 html \"<Foo>\\n<script>\"\n"},
		// in a paragraph a component's tag stays literal (prose writes placeholders so)
		{"用 <Table Name> 替换\n", "@1 paragraph\n  text \"用 \"\n  text[code] \"<Table Name>\"\n  text \" 替换\"\n"},
		// a known container's stray closing tag stays literal
		{"</Note>\n", "@1 html \"</Note>\"\n"},
	} {
		if got := dumpOf(tc.src); got != tc.want {
			t.Errorf("%q:\n%s\nwant\n%s", tc.src, got, tc.want)
		}
	}
	var out bytes.Buffer
	if err := RenderHTML(&out, []byte("<StickyHeaderTable>\n\n| a |\n|---|\n| 1 |\n\n</StickyHeaderTable>\n\n<EmailSubscriptionWrapper />\n\n<Foo>\n内容\n</Foo>\n"), HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); strings.Contains(got, "Sticky") || strings.Contains(got, "Email") || strings.Contains(got, "Foo") || strings.Contains(got, "foo") ||
		!strings.Contains(got, "<td>1</td>") || !strings.Contains(got, "<p>内容</p>") {
		t.Errorf("export:\n%s", got)
	}
}
