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
		"&lt;script&gt;alert(1)&lt;/script&gt;", `<code class="raw-html">&lt;b&gt;</code>`,
		`<span class="kd">func</span>`, "prefers-color-scheme: dark",
		`<th style="text-align:center">a</th>`, `checked=""`, `class="footnote-ref"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, bad := range []string{"<script>", "<b>raw</b>"} {
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
