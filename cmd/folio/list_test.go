package main

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// folderFixtures is a folder to list and check: the fixtures plus a binary
// file, a subfolder, and folders that are skipped.
func folderFixtures() map[string]string {
	files := maps.Clone(fixtures)
	files["binary.md"] = "\x00bin"
	files["sub/post.md"] = "---\ntitle: Sub\ndate: 2024-13-45\ntags: 5\n---\n[up](../yaml.md) [gone](../gone.md) ![i](img/x.png)\n"
	files[".hidden/h.md"] = "---\ntitle: hidden\n---\n"
	files["node_modules/pkg/readme.md"] = "# dependency\n"
	files["notes.txt"] = "not Markdown\n"
	return files
}

func TestList(t *testing.T) {
	fixtureDir(t, folderFixtures())
	out, errOut, code := runCLI("list", ".")
	want := lines(
		`PATH         TITLE                     DATE        CATEGORY  TAGS              FEATURED  DRAFT  WORDS  MINUTES  ERROR`,
		`bad.md       -                         -           -         -                 no        no     2      1        line 3: YAML: unclosed quote`,
		`binary.md    -                         -           -         -                 no        no     0      0        line 1: binary file (NUL byte), not parsed`,
		`bom.md       带 BOM                    -           -         -                 no        no     2      1        -`,
		`crlf.md      CRLF 文件                 2022-02-02  -         a, b              no        no     2      1        -`,
		`json.md      JSON <article> & co       2023-12-31  -         -                 no        no     2      1        -`,
		`noend.md     -                         -           -         -                 no        no     3      1        line 1: front matter opened with "---" is never closed`,
		`none.md      -                         -           -         -                 no        no     5      1        -`,
		`sub/post.md  Sub                       2024-13-45  -         5                 no        no     2      1        -`,
		`toml.md      TOML 文章                 2024-03-01  -         toml, go          no        yes    1      1        -`,
		`yaml.md      2024年AI技术发展趋势预测  2024-01-10  行业洞察  AI趋势, 技术预测  yes       no     4      1        -`,
	)
	if out != want || errOut != "" || code != 0 {
		t.Errorf("folio list .:\n%s\nwant\n%s\nstderr %q exit %d", out, want, errOut, code)
	}
}

func TestListJSON(t *testing.T) {
	dir := fixtureDir(t, folderFixtures())
	out, errOut, code := runCLI("list", "--json", dir)
	want := lines(
		`[`,
		`{"path":"bad.md","title":"","date":"","category":"","tags":[],"featured":false,"draft":false,"words":2,"minutes":1,"error":"YAML: unclosed quote","line":3},`,
		`{"path":"binary.md","title":"","date":"","category":"","tags":[],"featured":false,"draft":false,"words":0,"minutes":0,"error":"binary file (NUL byte), not parsed","line":1},`,
		`{"path":"bom.md","title":"带 BOM","date":"","category":"","tags":[],"featured":false,"draft":false,"words":2,"minutes":1},`,
		`{"path":"crlf.md","title":"CRLF 文件","date":"2022-02-02","category":"","tags":["a","b"],"featured":false,"draft":false,"words":2,"minutes":1},`,
		`{"path":"json.md","title":"JSON <article> & co","date":"2023-12-31","category":"","tags":[],"featured":false,"draft":false,"words":2,"minutes":1},`,
		`{"path":"noend.md","title":"","date":"","category":"","tags":[],"featured":false,"draft":false,"words":3,"minutes":1,"error":"front matter opened with \"---\" is never closed","line":1},`,
		`{"path":"none.md","title":"","date":"","category":"","tags":[],"featured":false,"draft":false,"words":5,"minutes":1},`,
		`{"path":"sub/post.md","title":"Sub","date":"2024-13-45","category":"","tags":["5"],"featured":false,"draft":false,"words":2,"minutes":1},`,
		`{"path":"toml.md","title":"TOML 文章","date":"2024-03-01","category":"","tags":["toml","go"],"featured":false,"draft":true,"words":1,"minutes":1},`,
		`{"path":"yaml.md","title":"2024年AI技术发展趋势预测","date":"2024-01-10","category":"行业洞察","tags":["AI趋势","技术预测"],"featured":true,"draft":false,"words":4,"minutes":1}`,
		`]`,
	)
	if out != want || errOut != "" || code != 0 {
		t.Errorf("folio list --json:\n%s\nwant\n%s\nstderr %q exit %d", out, want, errOut, code)
	}
	var rows []listEntry
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != 10 {
		t.Errorf("output is not a JSON array of 10 objects: %v", err)
	}
	// The flag may also follow the folder.
	if out2, _, _ := runCLI("list", dir, "--json"); out2 != out {
		t.Errorf("list DIR --json differs from list --json DIR")
	}
}

func TestListEdgeCases(t *testing.T) {
	dir := fixtureDir(t, nil)
	tests := []struct {
		args     []string
		out, err string
		code     int
	}{
		{[]string{"list", "."}, lines(`PATH  TITLE  DATE  CATEGORY  TAGS  FEATURED  DRAFT  WORDS  MINUTES  ERROR`), "", 0},
		{[]string{"list", "--json", "."}, "[\n]\n", "", 0},
		{[]string{"list"}, "", "usage: folio list [--json] DIR\n", 2},
		{[]string{"list", "a", "b"}, "", "usage: folio list [--json] DIR\n", 2},
		{[]string{"list", "--yaml", "."}, "", "folio list: unknown flag --yaml\nusage: folio list [--json] DIR\n", 2},
		{[]string{"list", "missing"}, "", "folio list: scan missing: lstat missing: no such file or directory\n", 1},
	}
	for _, tt := range tests {
		out, errOut, code := runCLI(tt.args...)
		if out != tt.out || errOut != tt.err || code != tt.code {
			t.Errorf("folio %q:\nstdout %q\n  want %q\nstderr %q\n  want %q\nexit %d, want %d", tt.args, out, tt.out, errOut, tt.err, code, tt.code)
		}
	}
	// Cells stay on one line.
	os.WriteFile(filepath.Join(dir, "multi.md"), []byte("---\ntitle: |\n  two\n  lines\n---\n"), 0o644)
	out, _, _ := runCLI("list", ".")
	if want := lines(
		`PATH      TITLE      DATE  CATEGORY  TAGS  FEATURED  DRAFT  WORDS  MINUTES  ERROR`,
		`multi.md  two lines  -     -         -     no        no     0      0        -`,
	); out != want {
		t.Errorf("multi-line title:\n%s\nwant\n%s", out, want)
	}
}

func TestDisplayWidth(t *testing.T) {
	for s, want := range map[string]int{
		"": 0, "abc": 3, "中文": 4, "AI趋势": 6, "ｆｕｌｌ": 8, "é": 1, "e\u0301": 1, "한국": 4, "かな": 4, "🎉": 2,
	} {
		if got := displayWidth(s); got != want {
			t.Errorf("displayWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestListEscapesControlCharacters: titles, tags, categories and paths are
// printed with control characters escaped (issue 12: a title holding OSC 52
// and "clear screen" reached the terminal raw).
func TestListEscapesControlCharacters(t *testing.T) {
	tests := []struct{ name, title, want string }{
		{"osc 52 and clear", "\x1b]52;c;ZXZpbA==\a\x1b[2J", `\x1b]52;c;ZXZpbA==\x07\x1b[2J`},
		{"c1 csi", "a\u009b31mb", `a\u009b31mb`},
		{"bidi override", "abc\u202edcba", `abc\u202edcba`},
		{"del and nul-free controls", "x\x7fy\x01", `x\x7fy\x01`},
		{"chinese stays", "中文标题 ok", "中文标题 ok"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fixtureDir(t, map[string]string{
				"a.md":        "---\ntitle: \"" + strings.NewReplacer("\x1b", `\e`, "\a", `\a`, "\x7f", `\x7f`, "\x01", `\x01`, "\u009b", `\u009b`).Replace(tc.title) + "\"\ntags: [\"t\\e[5m\"]\ncategory: \"c\\u202e\"\n---\n",
				"b\x1b[2J.md": "---\ntitle: x\n---\n",
			})
			out, errOut, code := runCLI("list", ".")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			for _, bad := range []string{"\x1b", "\a", "\x7f", "\x01", "\u009b", "\u202e"} {
				if strings.Contains(out, bad) {
					t.Errorf("output holds %q raw:\n%q", bad, out)
				}
			}
			for _, want := range []string{tc.want, `t\x1b[5m`, `c\u202e`, `b\x1b[2J.md`} {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %q:\n%s", want, out)
				}
			}
		})
	}
}
