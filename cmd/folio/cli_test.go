package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixtures are article shapes the command line must handle.
var fixtures = map[string]string{
	"yaml.md": "---\n# 头部注释\ntitle: \"2024年AI技术发展趋势预测\"\nsummary: '单引号'\ncategory: 行业洞察\n" +
		"publishDate: 2024-01-10\nreadTime: \"12分钟\"\ntags: [\"AI趋势\", 技术预测]\nfeatured: true\n" +
		"weight: 1.50\ncount: 0x1F\nempty:\nmeta:\n  author: 李华\n  links: [a, b]\n---\n\n# 标题\n\n正文。\n",
	"toml.md":  "+++\ntitle = \"TOML 文章\"\ndate = 2024-03-01\ntags = [\"toml\", \"go\"]\ndraft = true\n+++\nbody\n",
	"json.md":  "{\n  \"title\": \"JSON <article> & co\",\n  \"date\": \"2023-12-31\",\n  \"tags\": [],\n  \"n\": 3\n}\nHello world\n",
	"none.md":  "# Just Markdown\n\nNo front matter.\n",
	"bom.md":   "\ufeff---\ntitle: 带 BOM\n---\n正文\n",
	"crlf.md":  "---\r\ntitle: CRLF 文件\r\ndate: 2022-02-02\r\ntags:\r\n  - a\r\n  - b\r\n---\r\nline one\r\n",
	"bad.md":   "---\ntitle: ok\nsummary: \"unclosed\ndate: 2024-01-01\n---\n正文\n",
	"noend.md": "---\ntitle: never closed\n",
}

// writeFiles creates files (slash-separated names) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// fixtureDir writes the fixtures to a new folder and changes into it, so
// that file names in outputs are short; it returns the folder.
func fixtureDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, files)
	t.Chdir(dir)
	return dir
}

// runCLI runs the folio command line in-process.
func runCLI(args ...string) (stdout, stderr string, code int) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return out.String(), errb.String(), code
}

// lines joins lines with a final newline, for expected outputs.
func lines(ls ...string) string {
	if len(ls) == 0 {
		return ""
	}
	return strings.Join(ls, "\n") + "\n"
}
