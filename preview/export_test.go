package preview

import (
	"bytes"
	"strings"
	"testing"
)

func TestExportHTML(t *testing.T) {
	body := []byte("# 标题\n\n中文**粗体**中文\n中文\n\n<script>alert(1)</script>\n\nInline <b>raw</b>.\n\n```go\nfunc main() {}\n```\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n- [x] done\n\nNote[^1].\n\n[^1]: n\n")
	meta := Meta{Title: "Title <&>", Summary: "Sum", Author: "李华", Date: "2024-01-10", ReadTime: "12分钟", Category: "行业洞察", Tags: []string{"AI", "x<y"}, Featured: true}
	var out bytes.Buffer
	if err := ExportHTML(&out, body, meta, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	page := out.String()
	for _, want := range []string{
		"<!DOCTYPE html>", `<html lang="zh-CN">`, "<title>Title &lt;&amp;&gt;</title>",
		`<h1 class="title">Title &lt;&amp;&gt;</h1>`, "李华 · 2024-01-10 · 12分钟", "<li>#x&lt;y</li>", "★ Featured", "行业洞察",
		"中文<strong>粗体</strong>中文中文", // no space where a soft break joins Chinese
		"&lt;script&gt;alert(1)&lt;/script&gt;", `Inline <b>raw</b>.`,
		`<span class="kd">func</span>`, "prefers-color-scheme: dark",
		`<th style="text-align:center">a</th>`, `checked=""`, `class="footnote-ref"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, bad := range []string{"<script>"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains live raw HTML %q", bad)
		}
	}
}

func TestExportHTMLNoMeta(t *testing.T) {
	var out bytes.Buffer
	if err := ExportHTML(&out, []byte("## Only body\n"), Meta{}, ExportOptions{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	page := out.String()
	if strings.Contains(page, `class="card"`) {
		t.Error("empty meta still produced a header card")
	}
	if !strings.Contains(page, "<title>Only body</title>") || !strings.Contains(page, `lang="en"`) {
		t.Errorf("title or lang wrong:\n%s", page[:300])
	}
}

func TestExportHTMLAssetPrefix(t *testing.T) {
	body := []byte("![a](img/a.png) ![b](https://x.example/b.png) ![c](/abs/c.png)\n")
	var out bytes.Buffer
	if err := ExportHTML(&out, body, Meta{Title: "t", Cover: "cover.png"}, ExportOptions{AssetPrefix: "../posts"}); err != nil {
		t.Fatal(err)
	}
	page := out.String()
	for _, want := range []string{`src="../posts/img/a.png"`, `src="https://x.example/b.png"`, `src="/abs/c.png"`, `src="../posts/cover.png"`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

// TestExportHTMLSafeSet: the tags people use render as themselves with
// harmless attributes only; scripts, frames and event handlers stay
// literal and inert; media become a placeholder; alerts and shortcodes
// get their markup.
func TestExportHTMLSafeSet(t *testing.T) {
	body := []byte("Press <kbd>Ctrl</kbd>+<kbd>S</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <mark>hi</mark> <u>u</u> <del>d</del> <span style=\"color:red\">s</span><br>next\n\n" +
		"<img src=\"a.png\" alt=\"图\" width=\"100\" style=\"x\">\n\n" +
		"<details>\n<summary>更多</summary>\n\n正文\n\n</details>\n\n" +
		"<img src=x onerror=\"alert(1)\">\n\n<iframe src=\"https://evil\"></iframe>\n\n<a href=\"javascript:alert(1)\">j</a> <b onclick=\"x()\">b</b>\n\n" +
		"<video src=\"v.mp4\" controls></video>\n\n<!-- hidden -->\n\n> [!TIP]\n> 提示内容\n\n{{< figure src=\"f.png\" >}}\n")
	var out bytes.Buffer
	if err := ExportHTML(&out, body, Meta{}, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	page := out.String()
	for _, want := range []string{
		"<kbd>Ctrl</kbd>+<kbd>S</kbd>", "H<sub>2</sub>O", "x<sup>2</sup>", "<mark>hi</mark>", "<u>u</u>", "<del>d</del>",
		"<span>s</span><br>next", `<img src="a.png" alt="图" width="100">`, "<details>", "<summary>更多</summary>", "</details>",
		"&lt;img src=x onerror=&#34;alert(1)&#34;&gt;", "&lt;iframe", "&lt;a href=&#34;javascript:alert(1)&#34;&gt;", "&lt;b onclick=",
		`<span class="media">▶ v.mp4</span>`, `<div class="markdown-alert markdown-alert-tip">`, `<p class="markdown-alert-title">Tip</p>`,
		"<p>提示内容</p>", `<span class="shortcode">figure src=&#34;f.png&#34;</span>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, bad := range []string{"onerror=\"", "<iframe", "javascript:alert(1)\"", "onclick=\"", "<video", "hidden", "[!TIP]", "style=\""} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
}
