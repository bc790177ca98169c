package markdown

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// siteVarsFixture is a small site with variables.json (a nested object
// too) and a Hugo config with params.
const siteVarsFixture = "testdata/sitevars"

// shownWithSite is what a document of the fixture site shows, big blocks
// cut into parts and each part filled.
func shownWithSite(t *testing.T, site *Site, body string) string {
	t.Helper()
	d := NewDocument(NewFor(site))
	var b strings.Builder
	for _, tb := range d.Set([]byte(body)) {
		SplitParts(tb.Block)
		if parts := tb.Block.Parts(); len(parts) > 0 {
			for _, p := range parts {
				p.Fill()
				if p.Kind == KindCode {
					b.WriteString(p.Text + "\n")
					continue
				}
				Dump(&b, []*Block{p}, "")
			}
			continue
		}
		b.WriteString(DumpDocument([]*TopBlock{tb}))
	}
	return b.String()
}

// TestSiteVariablesAreShownAsTheirValues: a docs-cn article's
// "{{{ .starter }}}" (spaces or not, a nested ".release.name") shows the
// value from the site's variables.json wherever the published site
// replaces it: prose, headings, emphasis, link text and URL, code spans,
// code blocks (fenced and indented), tables, alerts, lists, raw HTML
// links, big tables and code blocks cut into parts. An unknown name stays
// as written, as a chip in prose.
func TestSiteVariablesAreShownAsTheirValues(t *testing.T) {
	site := LoadSite(siteVarsFixture)
	var bigTable, bigCode strings.Builder
	bigTable.WriteString("| 产品 | 版本 |\n|---|---|\n")
	for i := range 400 {
		fmt.Fprintf(&bigTable, "| {{{ .starter }}} %d | {{{.tidb-operator-version}}} |\n", i)
	}
	bigCode.WriteString("```yaml\n")
	for i := range 150 {
		fmt.Fprintf(&bigCode, "line: %d\n", i)
	}
	bigCode.WriteString("version: {{{.tidb-operator-version}}}\n```\n")
	for _, tc := range []struct {
		name, body string
		want, lack []string
	}{
		{"prose", "使用 {{{ .starter }}} 构建，由 {{{.company}}} 提供。\n",
			[]string{`"使用 TiDB Cloud Starter 构建，由 PingCAP 提供。"`}, []string{"{{{"}},
		{"heading", "## 创建 {{{ .starter }}} 实例\n",
			[]string{"heading 2", `"创建 TiDB Cloud Starter 实例"`}, []string{"{{{"}},
		{"emphasis and link", "**{{{ .company }}}** 的 [{{{ .starter }}} 控制台](https://{{{.console-url}}}/console)\n",
			[]string{`text[bold] "PingCAP"`, `link="https://tidbcloud.com/console" "TiDB Cloud Starter 控制台"`}, []string{"{{{"}},
		{"code span", "运行 `helm install --version {{{.tidb-operator-version}}}`\n",
			[]string{`text[code] "helm install --version v1.6.4"`}, []string{"{{{"}},
		{"fenced code", "```shell\nhelm install --version {{{.tidb-operator-version}}}\n```\n",
			[]string{"helm install --version v1.6.4"}, []string{"{{{"}},
		{"indented code", "text\n\n    echo {{{ .company }}}\n",
			[]string{"echo PingCAP"}, []string{"{{{"}},
		{"nested, number, boolean", "{{{ .release.name }}} {{{ .release.day }}} {{{ .flag }}}\n",
			[]string{`"八月版 15 true"`}, []string{"{{{"}},
		{"table", "| 产品 | 公司 |\n|---|---|\n| {{{ .starter }}} | {{{ .company }}} |\n",
			[]string{`"TiDB Cloud Starter"`, `"PingCAP"`}, []string{"{{{"}},
		{"alert and list", "> **注意：**\n>\n> {{{ .starter }}} 不支持。\n\n- {{{ .company }}}\n- [ ] {{{ .starter }}}\n",
			[]string{`"TiDB Cloud Starter 不支持。"`, `"PingCAP"`}, []string{"{{{"}},
		{"raw HTML link", "<a href=\"https://{{{.console-url}}}\">{{{ .starter }}}</a>\n",
			[]string{`link="https://tidbcloud.com"`, `"TiDB Cloud Starter"`}, []string{"{{{"}},
		{"link reference definition", "见 [控制台][c]。\n\n[c]: https://{{{.console-url}}}/ \"{{{ .company }}}\"\n",
			[]string{`link="https://tidbcloud.com/"`}, []string{"{{{"}},
		{"unknown name", "前 {{{ .nosuch }}} 后 {{{ .starter }}}\n",
			[]string{`text[chip] "{{{ .nosuch }}}"`, `" 后 TiDB Cloud Starter"`}, []string{"{{{ .starter"}},
		{"not a reference", "{{{ starter }}} {{{ .star ter }}} {{{.}}} {{ .starter }}\n",
			[]string{`"{{{ starter }}} {{{ .star ter }}} {{{.}}} {{ .starter }}"`}, nil},
		{"big table", bigTable.String(),
			[]string{`"TiDB Cloud Starter 399"`, `"v1.6.4"`}, []string{"{{{"}},
		{"big code block", bigCode.String(),
			[]string{"version: v1.6.4"}, []string{"{{{"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := shownWithSite(t, site, tc.body)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("shown lacks %s:\n%s", w, got)
				}
			}
			for _, w := range tc.lack {
				if strings.Contains(got, w) {
					t.Errorf("shown has %s:\n%s", w, got)
				}
			}
		})
	}
}

// TestSiteVariablesNeedTheSite: without variables.json nothing is
// replaced or marked: the text is shown as written.
func TestSiteVariablesNeedTheSite(t *testing.T) {
	body := "使用 {{{ .starter }}} 构建\n"
	for _, site := range []*Site{nil, {Root: t.TempDir()}} {
		got := shownWithSite(t, site, body)
		if !strings.Contains(got, `text "使用 {{{ .starter }}} 构建"`) {
			t.Errorf("site %v: shown\n%s", site, got)
		}
	}
}

// TestSiteVariablesKeepSourceOffsets: what maps the preview back to the
// source is the source's, not the shown text's: a task box's offset after
// a replaced reference, and a block's start and line.
func TestSiteVariablesKeepSourceOffsets(t *testing.T) {
	body := "# {{{ .starter }}}\n\n- [ ] {{{ .starter }}} 一\n- [x] {{{.company}}} 二\n\n末尾 {{{ .company }}}\n"
	blocks := NewDocument(NewFor(LoadSite(siteVarsFixture))).Set([]byte(body))
	if len(blocks) != 3 {
		t.Fatalf("%d blocks", len(blocks))
	}
	list := blocks[1]
	items := list.Block.Fill().Items
	for i, want := range []string{"- [ ] ", "- [x] "} {
		at := list.Start + items[i].TaskAt
		if items[i].TaskAt < 0 || !strings.HasPrefix(body[at-2:], want) {
			t.Errorf("item %d: task box at %d, not its source's", i, items[i].TaskAt)
		}
	}
	if last := blocks[2]; last.Line != 6 || body[last.Start:last.End] != "末尾 {{{ .company }}}\n" {
		t.Errorf("last block: line %d, source %q", last.Line, body[last.Start:last.End])
	}
}

// TestSiteVariableTypedIntoBigCodeBlock: typing a reference into a big
// code block (an edit applied without a parse when nothing needs one)
// shows its value, as a full parse does; the block whose text was
// replaced is not edited as source.
func TestSiteVariableTypedIntoBigCodeBlock(t *testing.T) {
	site := LoadSite(siteVarsFixture)
	base := bigCodeDoc(300, "go")
	d := NewDocument(NewFor(site))
	for _, tb := range d.Set(bytes.Clone(base)) {
		SplitParts(tb.Block)
	}
	steps := []string{
		strings.Replace(string(base), "// line 150\n", "// line 150 {{{ .company }}}\n", 1),
		strings.Replace(string(base), "// line 150\n", "// line 150 {{{ .company }}} x\n", 1),
		strings.Replace(string(base), "// line 150\n", "// line 15 {{{ .company }}} x\n", 1),
	}
	for i, src := range steps {
		got := d.Set([]byte(src))
		want := NewDocument(NewFor(site)).Set([]byte(src))
		if g, w := shown(t, got), shown(t, want); g != w {
			t.Fatalf("step %d: incremental and full differ:\n%s", i, firstDiff(g, w))
		}
		if g := shown(t, got); !strings.Contains(g, "PingCAP") || strings.Contains(g, "{{{") {
			t.Fatalf("step %d: the code block does not show the value", i)
		}
	}
}

// TestExpand: Site.Expand, for text outside the blocks (a front matter
// title, an outline heading).
func TestExpand(t *testing.T) {
	site := LoadSite(siteVarsFixture)
	for _, tc := range []struct{ in, want string }{
		{"创建 {{{ .starter }}} 实例", "创建 TiDB Cloud Starter 实例"},
		{"{{{.company}}}{{{.company}}}", "PingCAPPingCAP"},
		{"{{{  .company\t}}}", "PingCAP"},
		{"{{{{{{ .company }}}}}}", "{{{PingCAP}}}"},
		{"{{{ .release.name }}}", "八月版"},
		{"{{{ .release }}}", "{{{ .release }}}"},
		{"{{{ .nosuch }}} {{{ .company }}}", "{{{ .nosuch }}} PingCAP"},
		{"{{{ .company }}", "{{{ .company }}"},
		{"{{{ .company. }}}", "{{{ .company. }}}"},
		{"no reference", "no reference"},
		{"", ""},
	} {
		if got := site.Expand(tc.in); got != tc.want {
			t.Errorf("Expand(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := (*Site)(nil).Expand("{{{ .company }}}"); got != "{{{ .company }}}" {
		t.Errorf("nil site: %q", got)
	}
}

// TestLoadSiteVariables: variables.json's values, nested ones under dotted
// names; no file is none; a file that is not JSON is an error, and none.
func TestLoadSiteVariables(t *testing.T) {
	s := LoadSite(siteVarsFixture)
	if s.VarsErr != nil || s.Vars["starter"] != "TiDB Cloud Starter" || s.Vars["release.day"] != "15" || len(s.Vars) != 7 {
		t.Errorf("vars %v, err %v", s.Vars, s.VarsErr)
	}
	none := LoadSite(t.TempDir())
	if none.Vars != nil || none.VarsErr != nil {
		t.Errorf("no file: vars %v, err %v", none.Vars, none.VarsErr)
	}
	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, "variables.json"), []byte("{\"a\": "), 0o644); err != nil {
		t.Fatal(err)
	}
	if s := LoadSite(bad); s.Vars != nil || s.VarsErr == nil || !strings.Contains(s.VarsErr.Error(), "variables.json") {
		t.Errorf("bad file: vars %v, err %v", s.Vars, s.VarsErr)
	}
}

// TestRenderHTMLWithSiteVariables: the export replaces the references as
// the published site does (heading and its id, prose, code, link URL) and
// shows known params.
func TestRenderHTMLWithSiteVariables(t *testing.T) {
	body := "## 创建 {{{ .starter }}} 实例\n\n访问 [控制台](https://{{{.console-url}}}/)，{{{ .nosuch }}}。\n\n```sh\nhelm --version {{{.tidb-operator-version}}}\n```\n\nHugo {{% param \"minVersion\" %}}\n"
	var out bytes.Buffer
	if err := RenderHTML(&out, []byte(body), HTMLOptions{Site: LoadSite(siteVarsFixture)}); err != nil {
		t.Fatal(err)
	}
	html := out.String()
	for _, w := range []string{"创建 TiDB Cloud Starter 实例</h2>", `href="https://tidbcloud.com/"`, "v1.6.4", "{{{ .nosuch }}}", "Hugo v0.140.0"} {
		if !strings.Contains(html, w) {
			t.Errorf("HTML lacks %q:\n%s", w, html)
		}
	}
	if strings.Contains(html, "{{{ .starter") || strings.Contains(html, "console-url") {
		t.Errorf("HTML keeps a known reference:\n%s", html)
	}
}

// FuzzSiteVars: the scanner never panics, an empty table changes nothing,
// a reference it reads is "{{{", its name and "}}}", and marking unknown
// names as chips loses no text.
func FuzzSiteVars(f *testing.F) {
	for _, s := range []string{"{{{ .a }}}", "x{{{.a.b}}}y{{{ .c }}}", "{{{{{{.a}}}}}}", "{{{ .", "{{{ .a }}", "中{{{ .文 }}}", ""} {
		f.Add(s)
	}
	vars := map[string]string{"a": "A", "a.b": "{{{ .a }}}", "c": ""}
	f.Fuzz(func(t *testing.T, s string) {
		if out, changed := expandVars(s, nil); changed || out != s {
			t.Fatalf("no vars changed %q", s)
		}
		for i := range len(s) {
			name, n := varAt(s[i:])
			if n == 0 {
				continue
			}
			ref := s[i : i+n]
			if !strings.HasPrefix(ref, "{{{") || !strings.HasSuffix(ref, "}}}") || !strings.Contains(ref, "."+name) {
				t.Fatalf("varAt(%q) = %q, %d", s[i:], name, n)
			}
		}
		if out, changed := expandVars(s, vars); !changed && out != s {
			t.Fatalf("unchanged, yet %q → %q", s, out)
		}
		runs := chipUnknown(Inline{Text: s})
		var joined strings.Builder
		for _, r := range runs {
			joined.WriteString(r.Text)
		}
		if joined.String() != s {
			t.Fatalf("chipUnknown lost text: %q → %q", s, joined.String())
		}
	})
}

// TestUnknownVars: the references whose names variables.json lacks, with
// their offsets, for folio check; none for a site without variables.
func TestUnknownVars(t *testing.T) {
	site := LoadSite(siteVarsFixture)
	for _, tc := range []struct {
		in   string
		want []VarRef
	}{
		{"{{{ .starter }}} {{{ .nosuch }}}", []VarRef{{"nosuch", 17}}},
		{"`{{{.a.b}}}` {{{ .release.name }}} {{{ .release }}}", []VarRef{{"a.b", 1}, {"release", 35}}},
		{"{{{ nosuch }}} {{ .nosuch }}", nil},
	} {
		if got := site.UnknownVars([]byte(tc.in)); fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("UnknownVars(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
	if got := (&Site{}).UnknownVars([]byte("{{{ .x }}}")); got != nil {
		t.Errorf("a site without variables: %v", got)
	}
}
