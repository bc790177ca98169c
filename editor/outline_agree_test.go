package editor

import (
	"fmt"
	"strings"
	"testing"

	"folio/preview/markdown"
)

// outlineCases are articles whose outline the line scanner must read as
// the preview's parser does: headings in quotes and list items, setext
// headings in them, raw HTML blocks and docs-cn's containers, and heading
// texts with every kind of inline markup.
var outlineCases = []string{
	"- ## In list\n\n> ## In quote\n",
	"- item\n  ---\n",
	"- item\n---\n",
	"- item\nlazy\n---\n",
	"- item\n\n  sub\n  ---\n",
	"> a\n> ---\n",
	"> quote\n---\n",
	"> quote\nlazy\n===\n",
	"- > ## deep\n",
	"1. a\n   ## x\n",
	"- a\n  - b\n    ---\n",
	"- a\n\n      code\n\n    ## four in\n",
	"> ```\n> # code in a quote\n> ```\n",
	"- ```\n  # code in a list\n  ```\n\n## after\n",
	"<div>\n## in a div\n</div>\n\n## after\n",
	"<!--\n## commented out\n-->\n## after the comment\n",
	"<!-- one line -->\n## after\n",
	"<details>\n<summary>s</summary>\n\n## in details\n\n</details>\n",
	"<SimpleTab>\n<div label=\"A\">\n## in a tab\n</div>\n<div label=\"B\">\n\n## in tab B\n\n</div>\n</SimpleTab>\n",
	"<Note>\n## in a note\n</Note>\n",
	"<table>\n\n## between table tags\n\n</table>\n",
	"<script>\n## script\n</script>\n## after\n",
	"<span class=\"x\">\n## no\n\n## yes\n",
	"para\n<span>x</span>\n---\n",
	"Title\n-\n",
	"{{< tab >}}\n## in a shortcode\n{{< /tab >}}\n",
	"| a |\n|---|\n| b |\n## x\n",
	"    code\n## x\n",
	"Two\nlines\n===\n",
	"中文\n标题\n---\n",
	"## tidb_gc_enable <span class=\"version-mark\">从 v5.0 版本开始引入</span>\n",
	"## Bold **strong** and `code` and [link](http://x.y) and ![img alt](a.png)\n",
	"## Escaped \\*star\\* and &amp; and &lt;tag&gt;\n",
	"## With id {#custom}\n\n## Em *em* _em2_ ~~del~~ snake_case_name\n",
	"## Autolink <https://example.com> end\n\n## A <b>bold</b> tag\n\n## <a name=\"x\"></a>Anchor first\n",
	"## code `<span>` and `**x**` and `` a`b ``\n",
	"## a*b*c and 2 * 3\n",
	"## [link with `code`](x) and [nested [b]](y)\n",
	"## 中文 **粗体** 与 `代码`（全角）\n",
}

// previewHeadings lists the texts of the heading blocks the preview draws
// for src, nested ones included.
func previewHeadings(src string) []string {
	var out []string
	var walk func(bs []*markdown.Block)
	walk = func(bs []*markdown.Block) {
		for _, b := range bs {
			b = b.Fill()
			if b.Kind == markdown.KindHeading {
				var sb strings.Builder
				for _, in := range b.Inlines {
					sb.WriteString(in.Text)
				}
				out = append(out, strings.Join(strings.Fields(sb.String()), " "))
			}
			walk(b.Children)
			for _, it := range b.Items {
				walk(it.Blocks)
			}
		}
	}
	var top []*markdown.Block
	for _, tb := range markdown.NewDocument(markdown.New()).Set([]byte(src)) {
		top = append(top, tb.Block)
	}
	walk(top)
	return out
}

// The outline lists the headings the preview's parser finds, on their
// lines, and reads each as the preview draws it: with the preview's own
// reading (what the app gives Outline.Plain) and with PlainHeading's.
func TestHeadingsAgreeWithThePreview(t *testing.T) {
	texts := markdown.NewHeadingTexts(nil)
	for _, src := range outlineCases {
		var got, want []string
		hs := Headings([]byte(src), 0)
		for _, h := range hs {
			got = append(got, fmt.Sprintf("%d:%d", h.Level, h.Line))
		}
		for _, h := range markdown.Headings([]byte(src)) {
			want = append(want, fmt.Sprintf("%d:%d", h.Level, h.Line-1))
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%q: outline %v, the parser's headings %v", src, got, want)
			continue
		}
		drawn := previewHeadings(src)
		if len(drawn) != len(hs) {
			t.Errorf("%q: %d headings, the preview draws %d", src, len(hs), len(drawn))
			continue
		}
		for i, h := range hs {
			if got := texts.Text(h.Raw); got != drawn[i] {
				t.Errorf("%q: HeadingTexts %q, the preview draws %q", h.Raw, got, drawn[i])
			}
			if got := PlainHeading(h.Raw); got != drawn[i] {
				t.Errorf("%q: PlainHeading %q, the preview draws %q", h.Raw, got, drawn[i])
			}
		}
	}
}
