package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestSet(t *testing.T) {
	tests := []struct {
		name, file string
		assigns    []string
		want       string // the file afterwards
	}{
		{"one YAML field keeps quoting and comments", "yaml.md", []string{"title=新标题"},
			strings.Replace(fixtures["yaml.md"], `title: "2024年AI技术发展趋势预测"`, `title: "新标题"`, 1)},
		{"several fields in one save", "yaml.md", []string{"featured=false", "tags=[a, b]", "category=教程"},
			strings.NewReplacer("featured: true", "featured: false", `tags: ["AI趋势", 技术预测]`, `tags: ["a", "b"]`,
				"category: 行业洞察", "category: 教程").Replace(fixtures["yaml.md"])},
		{"new key adds one line", "yaml.md", []string{"draft=true"},
			strings.Replace(fixtures["yaml.md"], "  links: [a, b]\n", "  links: [a, b]\ndraft: true\n", 1)},
		{"same value changes nothing", "yaml.md", []string{"featured=true", "publishDate=2024-01-10"}, fixtures["yaml.md"]},
		{"TOML in TOML", "toml.md", []string{"title=新标题", "draft=false", "tags=[x]"},
			"+++\ntitle = \"新标题\"\ndate = 2024-03-01\ntags = [\"x\"]\ndraft = false\n+++\nbody\n"},
		{"JSON in JSON", "json.md", []string{"n=4", "featured=true"},
			"{\n  \"title\": \"JSON <article> & co\",\n  \"date\": \"2023-12-31\",\n  \"tags\": [],\n  \"n\": 4,\n  \"featured\": true\n}\nHello world\n"},
		{"no front matter gains a YAML block", "none.md", []string{"title=T"},
			"---\ntitle: \"T\"\n---\n" + fixtures["none.md"]},
		{"BOM kept", "bom.md", []string{"title=新"}, "\ufeff---\ntitle: 新\n---\n正文\n"},
		{"CRLF kept", "crlf.md", []string{"date=2025-06-02"},
			"---\r\ntitle: CRLF 文件\r\ndate: 2025-06-02\r\ntags:\r\n  - a\r\n  - b\r\n---\r\nline one\r\n"},
		{"value with = sign", "toml.md", []string{"title=a=b"},
			"+++\ntitle = \"a=b\"\ndate = 2024-03-01\ntags = [\"toml\", \"go\"]\ndraft = true\n+++\nbody\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := fixtureDir(t, fixtures)
			out, errOut, code := runCLI(append([]string{"set", tt.file}, tt.assigns...)...)
			if out != "" || errOut != "" || code != 0 {
				t.Fatalf("folio set %s %q: stdout %q stderr %q exit %d", tt.file, tt.assigns, out, errOut, code)
			}
			got, _ := os.ReadFile(tt.file)
			if string(got) != tt.want {
				t.Errorf("file after set:\n%q\nwant\n%q", got, tt.want)
			}
			assertNoTemp(t, dir)
		})
	}
}

// TestSetFails checks the error message and exit code of failed sets and
// that the file is byte-identical afterwards.
func TestSetFails(t *testing.T) {
	tests := []struct {
		file    string
		assigns []string
		err     string
		code    int
	}{
		// The second assignment fails: the first must not be written either.
		{"yaml.md", []string{"title=ok", "tags:=[a"},
			"folio set: tags: \"[a\" is not a JSON value: invalid character 'a' looking for beginning of value\n", 2},
		{"yaml.md", []string{"new={a: 1}", "title:=x"},
			"folio set: title: \"x\" is not a JSON value: invalid character 'x' looking for beginning of value\n", 2},
		{"bad.md", []string{"title=x"}, "bad.md:3: YAML: unclosed quote\n", 1},
		{"noend.md", []string{"title=x"}, "noend.md:1: front matter opened with \"---\" is never closed\n", 1},
		{"missing.md", []string{"title=x"}, "missing.md: no such file or directory\n", 1},
		{"yaml.md", []string{"title"}, "folio set: \"title\" is not KEY=VALUE or KEY:=JSON\n", 2},
		{"yaml.md", []string{"=x"}, "folio set: \"=x\" is not KEY=VALUE or KEY:=JSON\n", 2},
		{"yaml.md", nil, setUsage, 2},
	}
	for _, tt := range tests {
		dir := fixtureDir(t, fixtures)
		out, errOut, code := runCLI(append([]string{"set", tt.file}, tt.assigns...)...)
		if out != "" || errOut != tt.err || code != tt.code {
			t.Errorf("folio set %s %q:\nstdout %q\nstderr %q\n  want %q\nexit %d, want %d", tt.file, tt.assigns, out, errOut, tt.err, tt.code, tt.code)
		}
		for name, content := range fixtures {
			if got, _ := os.ReadFile(filepath.Join(dir, name)); string(got) != content {
				t.Errorf("folio set %s %q changed %s:\n%q", tt.file, tt.assigns, name, got)
			}
		}
		assertNoTemp(t, dir)
	}
}

func TestSetKeepsMode(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permission bits")
	}
	fixtureDir(t, fixtures)
	os.Chmod("yaml.md", 0o600)
	if _, errOut, code := runCLI("set", "yaml.md", "title=x"); code != 0 {
		t.Fatal(errOut)
	}
	if info, _ := os.Stat("yaml.md"); info.Mode().Perm() != 0o600 {
		t.Errorf("mode after set = %v, want 0600", info.Mode().Perm())
	}
}

// assertNoTemp fails if a save left a temporary file in dir.
func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".folio-") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// TestSetValueSyntax: a typed value that is not exactly one YAML flow value
// is stored as the string typed (issue 12: "Top 10 #tips" stored "Top 10");
// KEY:=JSON gives a type explicitly.
func TestSetValueSyntax(t *testing.T) {
	tests := []struct {
		assign string
		want   string // the title line afterwards, or the error's start
		code   int
	}{
		{"title=Top 10 #tips", `title: "Top 10 #tips"`, 0},
		{"title=&anchor text", `title: "&anchor text"`, 0},
		{"title=!important notice", `title: "!important notice"`, 0},
		{"title=[a, b] extra", `title: "[a, b] extra"`, 0},
		{"title=|", `title: "|"`, 0},
		{"title=[a, b", `title: "[a, b"`, 0},
		{"title=[a, b]", `title: [a, b]`, 0},
		{"title=12", `title: 12`, 0},
		{`title:="12"`, `title: "12"`, 0},
		{`title:=["x", 2]`, `title: [x, 2]`, 0},
		{`title:=[1`, "folio set: title:", 2},
		{`:=1`, "folio set:", 2},
	}
	for _, tc := range tests {
		t.Run(tc.assign, func(t *testing.T) {
			fixtureDir(t, map[string]string{"a.md": "---\ntitle: old\n---\nbody\n"})
			_, errOut, code := runCLI("set", "a.md", tc.assign)
			got, _ := os.ReadFile("a.md")
			if code != tc.code {
				t.Fatalf("exit %d (stderr %q), want %d", code, errOut, tc.code)
			}
			if tc.code != 0 {
				if !strings.HasPrefix(errOut, tc.want) || string(got) != "---\ntitle: old\n---\nbody\n" {
					t.Errorf("stderr %q, file %q; want an error starting %q and the file unchanged", errOut, got, tc.want)
				}
				return
			}
			if want := "---\n" + tc.want + "\n---\nbody\n"; string(got) != want {
				t.Errorf("file %q, want %q", got, want)
			}
		})
	}
}

func TestSetHelpNamesTheValueSyntax(t *testing.T) {
	out, _, code := runCLI("set", "--help")
	if code != 0 || !strings.Contains(out, "KEY:=JSON") || !strings.Contains(out, "plain string") {
		t.Errorf("folio set --help = %q (exit %d); want the KEY=VALUE and KEY:=JSON rules", out, code)
	}
}
