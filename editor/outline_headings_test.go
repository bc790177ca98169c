package editor

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHeadings(t *testing.T) {
	for _, c := range []struct {
		name, md  string
		firstLine int
		want      string // level:line:text per heading, joined by " | "
	}{
		{"atx", "# One\n\ntext\n## Two ##\n### Three #not closing\n####### seven\n#nospace\n   #### Indented\n    # code\n", 0,
			"1:0:One | 2:3:Two | 3:4:Three #not closing | 4:7:Indented"},
		{"empty atx", "#\n## ##\n", 0, "1:0: | 2:1:"},
		{"setext", "Title\n=====\n\nSub\ntitle\n---\n\n- item\n---\n\n> quote\n---\n\n---\n", 0,
			"1:0:Title | 2:3:Sub title"},
		{"lazy list line", "- item\nlazy\n---\n", 0, ""},
		{"fences", "```go\n# not\n```\n~~~~\n# not\n~~~\n```\n# still not\n~~~~\n# yes\n", 0, "1:9:yes"},
		{"unclosed fence", "```\n# no\n", 0, ""},
		{"backtick info with backtick is no fence", "``` a`b\n# yes\n", 0, "1:1:yes"},
		{"yaml front matter", "---\ntitle: x\n# comment\n---\n\n# Body\n", 0, "1:5:Body"},
		{"toml front matter", "+++\ntitle = 'x'\n+++\nText\n===\n", 0, "1:3:Text"},
		{"json front matter", "{\n  \"title\": \"x\"\n}\n# H\n", 0, "1:3:H"},
		{"first line", "# A\n## B\n", 10, "1:10:A | 2:11:B"},
		{"crlf", "# A\r\nB\r\n---\r\n", 0, "1:0:A | 2:1:B"},
		{"chinese", "# 2024年AI发展趋势\n\n## 一、技术突破 ##\n", 0, "1:0:2024年AI发展趋势 | 2:2:一、技术突破"},
		{"thematic break is no heading", "text\n\n***\n___\n", 0, ""},
		{"setext after heading", "# A\n---\n", 0, "1:0:A"},
		// QA round 7: headings the preview shows but the outline missed,
		// and raw HTML the outline read headings in
		{"heading after a list marker", "- ## In list\n\n1. ### Numbered\n", 0, "2:0:In list | 3:2:Numbered"},
		{"heading in a quote", "> ## In quote\n>\n> > ### Deeper\n", 0, "2:0:In quote | 3:2:Deeper"},
		{"quote in a list item", "- > ## deep\n", 0, "2:0:deep"},
		{"setext in a list item", "- item\n  ---\n\n- a\n  - b\n    ===\n", 0, "2:0:item | 1:4:b"},
		{"setext in a quote", "> a\n> ---\n", 0, "2:0:a"},
		{"lazy quote line takes no underline", "> quote\nlazy\n===\n", 0, ""},
		{"heading inside a list item, four spaces in", "- a\n\n    ## x\n", 0, "2:2:x"},
		{"fence in a quote", "> ```\n> # code\n> ```\n# after\n", 0, "1:3:after"},
		{"fence in a list item", "- ```\n  # code\n  ```\n\n## after\n", 0, "2:4:after"},
		{"div block", "<div>\n## in a div\n</div>\n\n## after\n", 0, "2:4:after"},
		{"comment", "<!--\n## commented out\n-->\n## after\n", 0, "2:3:after"},
		{"one-line comment", "<!-- x -->\n## after\n", 0, "2:1:after"},
		{"script", "<script>\n# x\n</script>\n# after\n", 0, "1:3:after"},
		{"docs-cn tabs", "<SimpleTab>\n<div label=\"A\">\n## in a tab\n</div>\n<div label=\"B\">\n\n## in B\n\n</div>\n</SimpleTab>\n", 0, "2:2:in a tab | 2:6:in B"},
		{"callout", "<Note>\n## in a note\n</Note>\n", 0, "2:1:in a note"},
		{"details", "<details>\n<summary>s</summary>\n\n## in details\n\n</details>\n", 0, "2:3:in details"},
		{"one dash underlines", "Title\n-\n", 0, "2:0:Title"},
		{"setext lines", "Two\nlines\n===\n\n中文\n标题\n---\n", 0, "1:0:Two lines | 2:4:中文标题"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var parts []string
			for _, h := range Headings([]byte(c.md), c.firstLine) {
				parts = append(parts, fmt.Sprintf("%d:%d:%s", h.Level, h.Line, h.Text))
			}
			if got := strings.Join(parts, " | "); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

// The outline reads a heading as the preview draws it (QA round 7: it
// showed docs-cn's <span class="version-mark"> tags), and keeps its
// source text in Raw.
func TestHeadingTexts(t *testing.T) {
	for _, c := range []struct{ md, raw, text string }{
		{"## tidb_gc_enable <span class=\"version-mark\">从 v5.0 版本开始引入</span>\n",
			`tidb_gc_enable <span class="version-mark">从 v5.0 版本开始引入</span>`, "tidb_gc_enable 从 v5.0 版本开始引入"},
		{"## **粗** 和 [链接](http://x) ~~删~~ ![图](a.png)\n", "**粗** 和 [链接](http://x) ~~删~~ ![图](a.png)", "粗 和 链接 删 图"},
		{"## `--cacert` 参数 `<span>` `**x**`\n", "`--cacert` 参数 `<span>` `**x**`", "--cacert 参数 <span> **x**"},
		{"## Escaped \\*star\\* &amp; &lt;b&gt; &#20013;\n", `Escaped \*star\* &amp; &lt;b&gt; &#20013;`, "Escaped *star* & <b> 中"},
		{"## With id {#custom} ##\n", "With id {#custom}", "With id"},
		{"## With class {.cls}\n", "With class {.cls}", "With class"},
		{"## Both {#both-id .cls key=v}\n", "Both {#both-id .cls key=v}", "Both"},
		{"## Em *em* _em2_ __strong__ snake_case _tidb_rowid\n", "Em *em* _em2_ __strong__ snake_case _tidb_rowid", "Em em em2 strong snake_case _tidb_rowid"},
		{"## a*b*c and 2 * 3\n", "a*b*c and 2 * 3", "abc and 2 * 3"},
		{"## Autolink <https://example.com> <a name=\"x\"></a>end\n", `Autolink <https://example.com> <a name="x"></a>end`, "Autolink https://example.com end"},
	} {
		hs := Headings([]byte(c.md), 0)
		if len(hs) != 1 {
			t.Errorf("%q: %d headings", c.md, len(hs))
			continue
		}
		if hs[0].Raw != c.raw || hs[0].Text != c.text {
			t.Errorf("%q: raw %q text %q, want raw %q text %q", c.md, hs[0].Raw, hs[0].Text, c.raw, c.text)
		}
	}
}

func TestHeadingsSample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "assets", "samples", "2024-ai-trends.md"))
	if err != nil {
		t.Skip(err)
	}
	hs := Headings(data, 0)
	if len(hs) < 3 {
		t.Fatalf("%d headings in the reference article", len(hs))
	}
	lines := strings.Split(string(data), "\n")
	for _, h := range hs {
		if !strings.Contains(lines[h.Line], h.Text) {
			t.Errorf("heading %q is not on line %d: %q", h.Text, h.Line, lines[h.Line])
		}
	}
}

func FuzzHeadings(f *testing.F) {
	for _, s := range []string{"# A\n", "A\n===\n", "---\nt: 1\n---\n# x", "```\n# a\n```\n## b ##", "- a\n---", "+++\n", "{\n", "   ### x ###   \n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		hs := Headings([]byte(md), 5)
		nLines := strings.Count(md, "\n") + 1
		prev := -1
		for _, h := range hs {
			if h.Level < 1 || h.Level > 6 {
				t.Fatalf("level %d", h.Level)
			}
			if h.Line < 5 || h.Line >= 5+nLines || h.Line <= prev {
				t.Fatalf("line %d (prev %d, %d lines)", h.Line, prev, nLines)
			}
			if strings.ContainsAny(h.Text, "\n\r") {
				t.Fatalf("text %q has a line break", h.Text)
			}
			prev = h.Line
		}
	})
}
