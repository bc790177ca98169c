package preview

import (
	"path/filepath"
	"strings"
	"testing"

	"folio/preview/markdown"
)

// TestPreviewShowsSiteVariables: an article of a site with variables.json
// (pingcap/docs-cn) shows "{{{ .starter }}}" as its value in the header
// card's title and summary, headings, prose, links, code spans, code
// blocks and tables, as the published page does; the source given to the
// preview is not changed, and an unknown name is shown as written.
func TestPreviewShowsSiteVariables(t *testing.T) {
	p := showPreview(t)
	dir, err := filepath.Abs(filepath.Join("testdata", "sitevars", "develop"))
	if err != nil {
		t.Fatal(err)
	}
	body := []byte("## 创建 {{{ .starter }}} 实例\n\n由 **{{{.company}}}** 提供，见 [{{{ .starter }}} 控制台](https://{{{.console-url}}}/)。\n\n" +
		"运行 `helm --version {{{.tidb-operator-version}}}`：\n\n```shell\nhelm install --version {{{.tidb-operator-version}}}\n```\n\n" +
		"| 产品 | 公司 |\n|---|---|\n| {{{ .starter }}} | {{{ .company }}} |\n\n{{{ .nosuch }}}\n")
	orig := string(body)
	meta := Meta{Title: "创建 {{{ .starter }}} 实例", Summary: "使用 {{{ .starter }}} 构建"}
	// as the app does for an article opened alone: links' root is its
	// folder, which holds no variables.json; the text's site is found up
	// the tree
	p.SetSiteRoot(dir)
	p.updateNow(body, meta, dir, 1)
	got := visibleText(p)
	for _, want := range []string{
		"创建 TiDB Cloud Starter 实例", "使用 TiDB Cloud Starter 构建", "PingCAP", "TiDB Cloud Starter 控制台",
		"helm --version v1.6.4", "helm install --version v1.6.4", "{{{ .nosuch }}}",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the preview lacks %q:\n%s", want, got)
		}
	}
	for _, lack := range []string{"{{{ .starter", "{{{.company", "{{{.tidb-operator"} {
		if strings.Contains(got, lack) {
			t.Errorf("the preview shows %q:\n%s", lack, got)
		}
	}
	// an anchor link made from the published heading ("#创建-tidb-cloud-starter-实例")
	// finds the heading
	if anchor := markdown.NewSlugger().Slug("创建 TiDB Cloud Starter 实例"); !p.ScrollToAnchor(anchor) {
		t.Errorf("no heading for the anchor %q", anchor)
	}
	if string(body) != orig {
		t.Error("the body given to the preview changed")
	}
	var links []string
	for _, it := range p.items {
		if it.block == nil {
			continue
		}
		for _, in := range it.block.Fill().Inlines {
			if in.Link != "" {
				links = append(links, in.Link)
			}
		}
	}
	if len(links) != 1 || links[0] != "https://tidbcloud.com/" {
		t.Errorf("links %q, want the URL with its value", links)
	}
	// another site without variables: shown as written
	p.updateNow(body, meta, t.TempDir(), 1)
	if got := visibleText(p); !strings.Contains(got, "创建 {{{ .starter }}} 实例") {
		t.Errorf("without the site's variables the preview shows:\n%s", got)
	}
}
