//go:build !folio_cli

package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// siteVarsFiles is a small docs-cn-like site: variables.json at its root
// (a .git marks the root), an article using the variables.
var siteVarsFiles = map[string]string{
	".git/HEAD":      "ref: refs/heads/main\n",
	"variables.json": `{"starter": "TiDB Cloud Starter", "docs": "develop", "gone": "nowhere", "url": {"console": "tidbcloud.com"}}`,
	"develop/a.md": "---\ntitle: 创建 {{{ .starter }}} 实例\n---\n## 用 {{{ .starter }}}\n\n" +
		"[控制台](https://{{{ .url.console }}}/)，[b](/{{{.docs}}}/b.md)，[c](/{{{.gone}}}/c.md)，[d](/{{{.unknown}}}/d.md)\n\n" +
		"```sh\necho {{{ .starter }}}\n```\n",
	"develop/b.md": "# B\n",
}

// TestExportShowsSiteVariables: folio export replaces the site's
// variables in the page's title, header card, headings, code and link
// URLs, as the preview and the published site do.
func TestExportShowsSiteVariables(t *testing.T) {
	fixtureDir(t, siteVarsFiles)
	out, errs, code := runCLI("export", "develop/a.md")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"<title>创建 TiDB Cloud Starter 实例</title>", "用 TiDB Cloud Starter</h2>", `</span> TiDB Cloud Starter`, `href="https://tidbcloud.com/"`, `href="/develop/b.md"`} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(out, "{{{ .starter") {
		t.Error("the page keeps a known variable")
	}
}

// TestCheckReadsSiteVariables: folio check reads a link's destination
// with the site's variables replaced: a link that leads to a file is not
// broken, one that leads nowhere is reported with its value, and a link
// holding an unknown variable is not a broken link; the unknown variable
// is a warning on its line.
func TestCheckReadsSiteVariables(t *testing.T) {
	fixtureDir(t, siteVarsFiles)
	out, _, _ := runCLI("check", ".")
	if !strings.Contains(out, "broken link: /nowhere/c.md not found") {
		t.Errorf("check does not report the link leading nowhere:\n%s", out)
	}
	if strings.Contains(out, "b.md") || strings.Contains(out, "{{{") {
		t.Errorf("check reports a good link or a link holding an unknown variable:\n%s", out)
	}
	if want := filepath.Join("develop", "a.md") + `:6: warning: unknown site variable "unknown" (not in variables.json)`; !strings.Contains(out, want) {
		t.Errorf("check lacks %q:\n%s", want, out)
	}
	if strings.Count(out, "unknown site variable") != 1 {
		t.Errorf("check reports known variables as unknown:\n%s", out)
	}
}
