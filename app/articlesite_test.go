package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// docs-cn keeps site variables in variables.json: the preview shows
// `{{{ .starter }}}` as its value, and so do the window title and the
// outline (they showed the braces). An article outside that site keeps
// them as written.
func TestWindowTitleAndOutlineShowSiteVariables(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	site := filepath.Join(dir, "docs")
	if err := os.MkdirAll(filepath.Join(site, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(site, "variables.json"), `{"starter": "TiDB Cloud Starter"}`)
	text := "---\ntitle: 创建 {{{ .starter }}} 实例\n---\n\n## 第 1 步：创建 {{{ .starter }}} 实例\n"
	a := filepath.Join(site, "a.md")
	write(t, a, text)
	other := filepath.Join(dir, "b.md")
	write(t, other, text)

	ws.load(a)
	if got := ws.win.Title(); !strings.HasPrefix(got, "创建 TiDB Cloud Starter 实例 — ") {
		t.Errorf("window title %q", got)
	}
	if hs := ws.outline.Headings(); len(hs) != 1 || hs[0].Text != "第 1 步：创建 TiDB Cloud Starter 实例" {
		t.Errorf("outline %+v", hs)
	}
	ws.load(other)
	if got := ws.win.Title(); !strings.HasPrefix(got, "创建 {{{ .starter }}} 实例 — ") {
		t.Errorf("outside the site: window title %q", got)
	}
	if hs := ws.outline.Headings(); len(hs) != 1 || hs[0].Text != "第 1 步：创建 {{{ .starter }}} 实例" {
		t.Errorf("outside the site: outline %+v", hs)
	}
}
