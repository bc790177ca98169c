package document

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/adrg/frontmatter"
)

func mustParse(t *testing.T, src string) *Document {
	t.Helper()
	d, err := Parse([]byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return d
}

func TestParseShapesAreLossless(t *testing.T) {
	seed, err := os.ReadFile("../../assets/samples/2024-ai-trends.md")
	if err != nil {
		t.Fatalf("seed article: %v", err)
	}
	tests := []struct {
		name     string
		src      string
		format   Format
		body     string
		bodyLine int
		keys     []string
	}{
		{"no front matter", "# Title\n\ntext\n", None, "# Title\n\ntext\n", 1, nil},
		{"empty file", "", None, "", 1, nil},
		{"yaml", "---\ntitle: A\n---\nbody\n", YAML, "body\n", 4, []string{"title"}},
		{"yaml dots close", "---\ntitle: A\n...\nbody\n", YAML, "body\n", 4, []string{"title"}},
		{"empty front matter", "---\n---\nbody\n", YAML, "body\n", 3, nil},
		{"only comments", "---\n# nothing yet\n---\nbody\n", YAML, "body\n", 4, nil},
		{"bom", "\ufeff---\ntitle: A\n---\nbody", YAML, "body", 4, []string{"title"}},
		{"crlf", "---\r\ntitle: A\r\ntags: [a]\r\n---\r\nbody\r\nmore\r\n", YAML, "body\r\nmore\r\n", 5, []string{"title", "tags"}},
		{"no final newline", "---\ntitle: A\n---\nbody", YAML, "body", 4, []string{"title"}},
		{"closing delimiter at EOF", "---\ntitle: A\n---", YAML, "", 4, []string{"title"}},
		{"body with rules and fenced yaml", "---\na: 1\n---\ntext\n\n---\n\n```yaml\n---\nb: 2\n---\n```\n", YAML,
			"text\n\n---\n\n```yaml\n---\nb: 2\n---\n```\n", 4, []string{"a"}},
		{"toml", "+++\ntitle = \"A\"\ndate = 2025-06-02\n+++\nbody\n", TOML, "body\n", 5, []string{"title", "date"}},
		{"json", "{\n  \"title\": \"A\",\n  \"n\": 1\n}\nbody\n", JSON, "body\n", 5, []string{"title", "n"}},
		{"json one line", "{\"title\": \"A\"}\n\nbody\n", JSON, "\nbody\n", 2, []string{"title"}},
		{"seed", string(seed), YAML, string(seed[bytes.Index(seed, []byte("\n---\n"))+5:]), 11,
			[]string{"title", "summary", "category", "author", "publishDate", "readTime", "tags", "featured"}},
		{"a template tag is not JSON front matter", "{{< figure src=\"a.png\" >}}\n\ntext\n", None, "{{< figure src=\"a.png\" >}}\n\ntext\n", 1, nil},
		{"a Liquid tag is not JSON front matter", "{% include note.html %}\n", None, "{% include note.html %}\n", 1, nil},
		// Hugo reads front matter after blank lines, spaces, tabs and byte
		// order marks at the top (issue 12: Folio added a second block).
		{"blank line before yaml", "\n---\na: 1\n---\nbody\n", YAML, "body\n", 5, []string{"a"}},
		{"spaces, tab, second bom before yaml", " \t\n\ufeff\n  ---\na: 1\n---\nbody\n", YAML, "body\n", 6, []string{"a"}},
		{"blank lines before toml", "\r\n\r\n+++\r\na = 1\r\n+++\r\nbody", TOML, "body", 6, []string{"a"}},
		{"blank line before json", "\n{\"a\": 1}\nbody\n", JSON, "body\n", 3, []string{"a"}},
		{"a rule after text is not front matter", "text\n---\na: 1\n---\n", None, "text\n---\na: 1\n---\n", 1, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := mustParse(t, tc.src)
			if got := string(d.Bytes()); got != tc.src {
				t.Errorf("Bytes changed the text:\n got %q\nwant %q", got, tc.src)
			}
			if d.Format() != tc.format {
				t.Errorf("Format = %v, want %v", d.Format(), tc.format)
			}
			if got := string(d.Body()); got != tc.body {
				t.Errorf("Body = %q, want %q", got, tc.body)
			}
			if d.BodyLine() != tc.bodyLine {
				t.Errorf("BodyLine = %d, want %d", d.BodyLine(), tc.bodyLine)
			}
			var keys []string
			for _, f := range d.Fields() {
				keys = append(keys, f.Key)
			}
			if strings.Join(keys, ",") != strings.Join(tc.keys, ",") {
				t.Errorf("keys = %v, want %v", keys, tc.keys)
			}
		})
	}
}

func TestValuesKeepTheirMeaning(t *testing.T) {
	d := mustParse(t, `---
date: 2025-06-02
quoted: "2024-01-10"
stamp: 2024-01-10T08:00:00+08:00
n: 12
f: 1.50
yes: yes
ok: true
nothing:
tags: [AI趋势, "技术预测"]
nested:
  a: 1
  b: [x]
alias: &x shared
again: *x
---
`)
	want := map[string]struct {
		kind Kind
		text string
		line int
	}{
		"date":    {Date, "2025-06-02", 2},
		"quoted":  {String, "2024-01-10", 3},
		"stamp":   {Date, "2024-01-10T08:00:00+08:00", 4},
		"n":       {Int, "12", 5},
		"f":       {Float, "1.50", 6},
		"yes":     {String, "yes", 7},
		"ok":      {Bool, "true", 8},
		"nothing": {Null, "", 9},
		"tags":    {List, "", 10},
		"nested":  {Map, "", 12},
		"alias":   {String, "shared", 14},
		"again":   {String, "shared", 15},
	}
	for key, w := range want {
		v, ok := d.Get(key)
		if !ok {
			t.Errorf("%s missing", key)
			continue
		}
		if v.Kind != w.kind || v.Text != w.text || v.Line != w.line {
			t.Errorf("%s = {%v %q line %d}, want {%v %q line %d}", key, v.Kind, v.Text, v.Line, w.kind, w.text, w.line)
		}
	}
	tags, _ := d.Get("tags")
	if tags.Plain() != "AI趋势\n技术预测" {
		t.Errorf("tags.Plain() = %q", tags.Plain())
	}
	js, err := FieldsJSON(d.Fields()[:6])
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(js), `{"date":"2025-06-02","quoted":"2024-01-10","stamp":"2024-01-10T08:00:00+08:00","n":12,"f":1.50,"yes":"yes"}`; got != want {
		t.Errorf("FieldsJSON = %s\nwant %s", got, want)
	}
	nested, _ := d.Get("nested")
	if nested.Plain() != `{"a":1,"b":["x"]}` {
		t.Errorf("nested.Plain() = %s", nested.Plain())
	}
}

func TestSetIsAMinimalDiff(t *testing.T) {
	const yamlDoc = "---\n# head comment\ntitle: \"旧标题\" # trailing\ndate: 2025-06-02\nsummary: plain words\ntags: [\"a\", \"b\"]\nblock:\n  - x\n  - y\n# about extra\nextra: &anc {k: v}\nref: *anc\nsingle: 'it''s'\n---\nbody ---\n"
	tests := []struct {
		name, src, key, flow, want string
	}{
		{"double-quoted string keeps quotes and comment", yamlDoc, "title", "新标题",
			strings.Replace(yamlDoc, `title: "旧标题" # trailing`, `title: "新标题" # trailing`, 1)},
		{"date stays bare", yamlDoc, "date", "2026-01-01", strings.Replace(yamlDoc, "date: 2025-06-02", "date: 2026-01-01", 1)},
		{"plain stays plain", yamlDoc, "summary", "其他 words", strings.Replace(yamlDoc, "summary: plain words", "summary: 其他 words", 1)},
		{"plain that needs quotes gets them", yamlDoc, "summary", `"a: b"`, strings.Replace(yamlDoc, "summary: plain words", `summary: "a: b"`, 1)},
		{"flow list stays flow with item quotes", yamlDoc, "tags", "[c, d e]", strings.Replace(yamlDoc, `tags: ["a", "b"]`, `tags: ["c", "d e"]`, 1)},
		{"block list stays block", yamlDoc, "block", "[z]", strings.Replace(yamlDoc, "block:\n  - x\n  - y\n", "block:\n  - z\n", 1)},
		{"single quotes stay", yamlDoc, "single", "don't", strings.Replace(yamlDoc, "single: 'it''s'", "single: 'don''t'", 1)},
		{"new key appends one line", yamlDoc, "draft", "true", strings.Replace(yamlDoc, "single: 'it''s'\n", "single: 'it''s'\ndraft: true\n", 1)},
		{"new string key uses the dominant quoting", "---\na: \"x\"\nb: \"y\"\nc: z\n---\n", "title", "标题", "---\na: \"x\"\nb: \"y\"\nc: z\ntitle: \"标题\"\n---\n"},
		{"same value changes nothing", yamlDoc, "title", "旧标题", yamlDoc},
		{"same list changes nothing", yamlDoc, "tags", "[a, b]", yamlDoc},
		{"crlf kept", "---\r\ntitle: a\r\n---\r\nbody\r\n", "draft", "false", "---\r\ntitle: a\r\ndraft: false\r\n---\r\nbody\r\n"},
		{"bom kept", "\ufeff---\ntitle: a\n---\nb", "title", "c", "\ufeff---\ntitle: c\n---\nb"},
		{"empty front matter gains a line", "---\n---\nbody", "title", "T", "---\ntitle: \"T\"\n---\nbody"},
		{"no front matter gains a yaml block", "# Hi\n\ntext", "title", "标题", "---\ntitle: \"标题\"\n---\n# Hi\n\ntext"},
		{"no front matter crlf", "# Hi\r\n", "tags", "[a]", "---\r\ntags: [\"a\"]\r\n---\r\n# Hi\r\n"},
		{"bom no front matter", "\ufeffbody", "a", "1", "\ufeff---\na: 1\n---\nbody"},
		{"value on next line", "---\nk:\n  v\nz: 1\n---\n", "k", "w", "---\nk: w\nz: 1\n---\n"},
		{"string to block scalar keeps following keys", "---\nk: |\n  line1\n  # not a comment\nz: 1\n---\n", "k", "one", "---\nk: one\nz: 1\n---\n"},
		{"block scalar stays a block scalar", "---\ndesc: |\n  line one\n  line two\nx: 1\n---\n", "desc", `"a\nb\n"`, "---\ndesc: |\n  a\n  b\nx: 1\n---\n"},
		{"comment on a block list's key line stays", "---\ntags: # note\n  - a\n  - b\nx: 1\n---\n", "tags", "[c]", "---\ntags: # note\n  - c\nx: 1\n---\n"},
		{"block list to scalar keeps the comment", "---\ntags: # note\n  - a\nx: 1\n---\n", "tags", "solo", "---\ntags: solo # note\nx: 1\n---\n"},
		{"quoted keys", "---\n\"my key\": v\n'other': w\n---\n", "other", "z", "---\n\"my key\": v\n'other': z\n---\n"},
		{"spacing around a plain value kept", "---\ntitle:   spaced    # c\n---\n", "title", "new", "---\ntitle:   new    # c\n---\n"},
		{"new key goes before trailing comments", "---\nlast: x\n# trailing comment\n\n---\n", "added", "1", "---\nlast: x\nadded: 1\n# trailing comment\n\n---\n"},
		{"unindented block list", "---\nlist:\n- a\n- b\n---\n", "list", "[c, d]", "---\nlist:\n- c\n- d\n---\n"},
		{"json bom crlf new key", "\ufeff{\r\n  \"a\": 1\r\n}\r\nbody", "b", "[x]", "\ufeff{\r\n  \"a\": 1,\r\n  \"b\": [\"x\"]\r\n}\r\nbody"},
		{"comment after an empty value", "---\na: # note\nb: 1\n---\n", "a", "z", "---\na: z # note\nb: 1\n---\n"},
		{"block scalar header comment stays", "---\ndesc: | # note\n  x\nb: 1\n---\n", "desc", "one", "---\ndesc: one # note\nb: 1\n---\n"},
		{"block scalar header comment stays on a new block", "---\ndesc: | # note\n  x\nb: 1\n---\n", "desc", `"a\nb"`, "---\ndesc: |- # note\n  a\n  b\nb: 1\n---\n"},
		{"inline value to multi-line string keeps the comment", "---\nk: x # c\nb: 1\n---\n", "k", `"p\nq"`, "---\nk: |- # c\n  p\n  q\nb: 1\n---\n"},
		{"bool to string", "---\nfeatured: true\n---\n", "featured", "\"yes\"", "---\nfeatured: \"yes\"\n---\n"},
		{"toml string", "+++\ntitle = \"A\" # c\ndate = 2025-06-02\n[params]\nx = 1\n+++\n", "title", "新", "+++\ntitle = \"新\" # c\ndate = 2025-06-02\n[params]\nx = 1\n+++\n"},
		{"toml literal string", "+++\ntitle = 'A'\n+++\n", "title", "B", "+++\ntitle = 'B'\n+++\n"},
		{"toml date", "+++\ndate = 2025-06-02\n+++\n", "date", "2026-07-08", "+++\ndate = 2026-07-08\n+++\n"},
		{"toml new key before tables", "+++\na = 1\n\n[t]\nb = 2\n+++\n", "tags", "[x, y]", "+++\na = 1\ntags = [\"x\", \"y\"]\n\n[t]\nb = 2\n+++\n"},
		{"toml multi-line array", "+++\ntags = [\n  \"a\",\n  \"b\",\n]\nz = 1\n+++\n", "tags", "[c]", "+++\ntags = [\n  \"c\",\n]\nz = 1\n+++\n"},
		{"json string", "{\n  \"title\": \"A\",\n  \"n\": 1\n}\n", "title", "新", "{\n  \"title\": \"新\",\n  \"n\": 1\n}\n"},
		{"json list one a line", "{\n  \"tags\": [\n    \"a\",\n    \"b\"\n  ]\n}\n", "tags", "[c, d]", "{\n  \"tags\": [\n    \"c\",\n    \"d\"\n  ]\n}\n"},
		{"json new key", "{\n  \"title\": \"A\"\n}\n", "featured", "true", "{\n  \"title\": \"A\",\n  \"featured\": true\n}\n"},
		{"json one-line new key", "{\"title\": \"A\"}\nb", "n", "2", "{\"title\": \"A\", \"n\": 2}\nb"},
		{"json empty object", "{}\nb", "n", "2", "{\"n\": 2}\nb"},
		{"json date is a string", "{\"d\": \"2024-01-01\"}\n", "d", "2025-06-02", "{\"d\": \"2025-06-02\"}\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := mustParse(t, tc.src)
			body := string(d.Body())
			if err := d.SetFlow(tc.key, tc.flow); err != nil {
				t.Fatalf("SetFlow: %v", err)
			}
			if got := string(d.Bytes()); got != tc.want {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
			if string(d.Body()) != body {
				t.Errorf("body changed: %q -> %q", body, d.Body())
			}
		})
	}
}

func TestSetThenGetReadsBack(t *testing.T) {
	for _, src := range []string{"---\na: 1\n---\n", "+++\na = 1\n+++\n", "{\"a\": 1}\n", "plain\n"} {
		d := mustParse(t, src)
		for _, flow := range []string{"新标题", "false", "12", "2025-06-02", "[x, 中文]", `"quoted \"inner\""`} {
			if err := d.SetFlow("k", flow); err != nil {
				t.Fatalf("%q: SetFlow(%s): %v", src, flow, err)
			}
			want, _ := ParseFlow(flow)
			again := mustParse(t, string(d.Bytes()))
			got, ok := again.Get("k")
			if !ok || !equalValue(got, want) {
				t.Errorf("%q: k = %+v after SetFlow(%s), want %+v", src, got, flow, want)
			}
		}
	}
}

func TestDelete(t *testing.T) {
	tests := []struct{ src, key, want string }{
		{"---\na: 1\n# keep\nb:\n  - x\nc: 3\n---\n", "b", "---\na: 1\n# keep\nc: 3\n---\n"},
		{"+++\na = 1\nb = 2\n+++\n", "a", "+++\nb = 2\n+++\n"},
		{"{\n  \"a\": 1,\n  \"b\": 2\n}\n", "b", "{\n  \"a\": 1\n}\n"},
		{"{\n  \"a\": 1,\n  \"b\": 2\n}\n", "a", "{\n  \"b\": 2\n}\n"},
		{"---\na: 1\n---\n", "missing", "---\na: 1\n---\n"},
	}
	for _, tc := range tests {
		d := mustParse(t, tc.src)
		if err := d.Delete(tc.key); err != nil {
			t.Errorf("%q: Delete(%s): %v", tc.src, tc.key, err)
			continue
		}
		if got := string(d.Bytes()); got != tc.want {
			t.Errorf("Delete(%s):\n got %q\nwant %q", tc.key, got, tc.want)
		}
	}
}

func TestMalformedFrontMatter(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		msg       string
	}{
		{"unclosed quote", "---\ntitle: \"unclosed\ndate: 2024-01-01\n---\nbody\n", 2, "unclosed quote"},
		{"bad indentation", "---\ntitle: a\n  bad: indent\n---\nbody\n", 3, "mapping values"},
		{"missing closing delimiter", "---\ntitle: a\n\nbody text\n", 1, "never closed"},
		{"not a mapping", "---\n- a\n- b\n---\n", 2, "mapping"},
		{"toml", "+++\ntitle = \n+++\n", 2, "TOML"},
		{"json", "{\n  \"a\": 1,\n  \"b\": \n}\nbody", 4, "JSON"},
		{"json unclosed", "{\n  \"a\": 1,\n", 3, "never closed"},
		{"alias that contains itself", "---\ntitle: x\nrefs: &r [*r]\n---\n", 3, "refers to itself"},
		{"alias bomb", "---\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n---\n", 0, "too many"},
		{"duplicate key", "---\ntitle: First\ndate: 2024-01-01\ntitle: Second\n---\n", 4, "duplicate key \"title\" (first on line 2)"},
		{"duplicate nested key", "---\nm:\n  a: 1\n  a: 2\n---\n", 4, "duplicate key"},
		{"json duplicate key", "{\n  \"a\": 1,\n  \"a\": 2\n}\n", 3, "duplicate key \"a\" (first on line 2)"},
		{"unknown alias names its line", "---\na: 1\nb: 2\nc: *nope\n---\n", 4, "unknown anchor"},
		{"control character names its line", "---\na: 1\nb: x\x01y\n---\n", 3, "control"},
		{"crlf keeps line", "\ufeff---\r\na: 1\r\nb: [\r\n---\r\n", 3, "YAML"},
		// QA F4: the parser's errors were reported a line early.
		{"unclosed flow list", "---\ntitle: 坏的 YAML\ntags: [a, b\nauthor: 张三\n---\n\n正文\n", 3, "did not find expected ',' or ']'"},
		{"unclosed flow map", "---\ntitle: x\nm: {a: 1\nb: 2\n---\n", 3, "did not find expected ',' or '}'"},
		{"sequence item indented less", "---\ntitle: x\ndate: 1\ncategories:\n  - a\n - b\n---\n", 6, "did not find expected key"},
		{"key indented less", "---\na:\n  b: 1\n c: 2\n---\n", 4, "did not find expected key"},
		{"key after a list", "---\n- a\nb: 1\n---\n", 3, "did not find expected '-' indicator"},
		{"tab indent", "---\na: 1\n\tb: 2\n---\n", 3, "tab character"},
		{"unclosed list at the end", "---\na: |\n x\nb: [\n---\n", 4, "YAML"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse([]byte(tc.src))
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want *ParseError", err)
			}
			if (tc.line != 0 && pe.Line != tc.line) || !strings.Contains(pe.Msg, tc.msg) {
				t.Errorf("error = line %d %q, want line %d containing %q", pe.Line, pe.Msg, tc.line, tc.msg)
			}
			if d == nil || string(d.Bytes()) != tc.src {
				t.Fatalf("text not kept")
			}
			if len(d.Body()) == 0 && len(tc.src) > 0 && d.Format() == None {
				t.Errorf("body of a malformed article should still be readable")
			}
			if err := d.SetFlow("title", "x"); !errors.Is(err, ErrMalformed) {
				t.Errorf("SetFlow on malformed = %v, want ErrMalformed", err)
			}
			if string(d.Bytes()) != tc.src {
				t.Errorf("a refused edit changed the text")
			}
		})
	}
}

func TestParseFlow(t *testing.T) {
	tests := []struct {
		in   string
		kind Kind
		text string
		n    int
	}{
		{"false", Bool, "false", 0},
		{"12", Int, "12", 0},
		{"1.5", Float, "1.5", 0},
		{"2025-06-02", Date, "2025-06-02", 0},
		{"新标题", String, "新标题", 0},
		{"[a, b]", List, "", 2},
		{"[]", List, "", 0},
		{"#标签", String, "#标签", 0},
		{"Go: 入门", String, "Go: 入门", 0},
		{"", String, "", 0},
		{"null", Null, "null", 0},
		{"- a", String, "- a", 0},
		{`"true"`, String, "true", 0},
		{"{a: 1}", Map, "", 0},
		{"~", Null, "~", 0},
		// Issue 12: text that is not exactly one flow value is kept as typed.
		{"Top 10 #tips", String, "Top 10 #tips", 0},
		{"&anchor text", String, "&anchor text", 0},
		{"!important notice", String, "!important notice", 0},
		{"!!str 12", String, "!!str 12", 0},
		{"[a, b] extra", String, "[a, b] extra", 0},
		{"[a, b", String, "[a, b", 0},
		{"[a, &x b]", String, "[a, &x b]", 0},
		{"[a, *x]", String, "[a, *x]", 0},
		{"[a #c\n]", String, "[a #c\n]", 0},
		{"|", String, "|", 0},
		{">-", String, ">-", 0},
		{"x #c", String, "x #c", 0},
		{`"q" x`, String, `"q" x`, 0},
		{"'q' x", String, "'q' x", 0},
		{"{a: 1} x", String, "{a: 1} x", 0},
		{"a\nb", String, "a\nb", 0},
		{"\"a\n b\"", String, "\"a\n b\"", 0},
		{" padded ", String, " padded ", 0},
		{" 12 ", Int, "12", 0},
		{"%x", String, "%x", 0},
		{"@x", String, "@x", 0},
		{"`x", String, "`x", 0},
		{"? x", String, "? x", 0},
		{", x", String, ", x", 0},
		{"a: b", String, "a: b", 0},
		{"---", String, "---", 0},
		{"...", String, "...", 0},
	}
	for _, tc := range tests {
		v, err := ParseFlow(tc.in)
		if err != nil {
			t.Errorf("ParseFlow(%q): %v", tc.in, err)
			continue
		}
		if v.Kind != tc.kind || v.Text != tc.text || len(v.Items) != tc.n {
			t.Errorf("ParseFlow(%q) = %v %q %d items", tc.in, v.Kind, v.Text, len(v.Items))
		}
	}
}

func TestParseJSONValue(t *testing.T) {
	tests := []struct {
		in   string
		kind Kind
		text string
		ok   bool
	}{
		{`"Top 10 #tips"`, String, "Top 10 #tips", true},
		{`12`, Int, "12", true},
		{`1.5`, Float, "1.5", true},
		{`true`, Bool, "true", true},
		{`null`, Null, "null", true},
		{`["a", "b"]`, List, "", true},
		{`{"a": [1]}`, Map, "", true},
		{`"2025-06-02"`, String, "2025-06-02", true},
		{`[1] 2`, 0, "", false},
		{`[1`, 0, "", false},
		{`tips`, 0, "", false},
		{``, 0, "", false},
		{strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1), 0, "", false},
	}
	for _, tc := range tests {
		v, err := ParseJSONValue(tc.in)
		if (err == nil) != tc.ok {
			t.Errorf("ParseJSONValue(%.40q): err %v, want ok=%v", tc.in, err, tc.ok)
			continue
		}
		if tc.ok && (v.Kind != tc.kind || v.Text != tc.text) {
			t.Errorf("ParseJSONValue(%q) = %v %q, want %v %q", tc.in, v.Kind, v.Text, tc.kind, tc.text)
		}
	}
}

func TestTOMLAndJSONFields(t *testing.T) {
	d := mustParse(t, "+++\ntitle = \"T\"\nn = 1_000\nwhen = 2025-06-02T08:00:00Z\ntags = [\"a\", \"b\"]\n[params]\nz = 1\ny = 2\n+++\n")
	got := []string{}
	for _, f := range d.Fields() {
		got = append(got, f.Key+"="+f.Value.Plain())
	}
	want := []string{"title=T", "n=1_000", "when=2025-06-02T08:00:00Z", "tags=a\nb", `params={"z":1,"y":2}`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("TOML fields = %q, want %q", got, want)
	}
	if p, _ := d.Get("params"); p.Line != 6 {
		t.Errorf("params line = %d, want 6", p.Line)
	}
	j := mustParse(t, "{\n  \"b\": {\"y\": 1, \"x\": [true, null]},\n  \"a\": 2.0e3\n}\n")
	js, _ := FieldsJSON(j.Fields())
	if string(js) != `{"b":{"y":1,"x":[true,null]},"a":2.0e3}` {
		t.Errorf("JSON fields = %s", js)
	}
	if err := j.SetFlow("b", "1"); err != nil {
		t.Fatal(err)
	}
	if string(j.Bytes()) != "{\n  \"b\": 1,\n  \"a\": 2.0e3\n}\n" {
		t.Errorf("JSON after set = %q", j.Bytes())
	}
	if err := d.SetFlow("params", "1"); err == nil {
		t.Error("setting a TOML table should be refused")
	}
	if err := d.SetFlow("nothing", "null"); err == nil {
		t.Error("TOML has no null: setting one should be refused")
	}
}

// TestAgreesWithAdrgFrontmatter checks that where adrg/frontmatter finds
// YAML or TOML front matter, the body after it is the same as ours.
func TestAgreesWithAdrgFrontmatter(t *testing.T) {
	seed, err := os.ReadFile("../../assets/samples/2024-ai-trends.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range []string{string(seed), "---\na: 1\n---\nbody\n", "+++\na = 1\n+++\nbody\n", "---\n---\nx"} {
		var m map[string]any
		rest, err := frontmatter.Parse(strings.NewReader(src), &m)
		if err != nil {
			t.Fatalf("adrg: %v", err)
		}
		d := mustParse(t, src)
		if !bytes.Equal(bytes.TrimLeft(rest, "\n"), bytes.TrimLeft(d.Body(), "\n")) {
			t.Errorf("bodies differ for %.20q:\nadrg %.40q\nours %.40q", src, rest, d.Body())
		}
		if len(m) != len(d.Fields()) {
			t.Errorf("adrg read %d fields, we read %d", len(m), len(d.Fields()))
		}
	}
}

func FuzzParse(f *testing.F) {
	seed, _ := os.ReadFile("../../assets/samples/2024-ai-trends.md")
	for _, s := range []string{string(seed), "---\na: 1\n---\nb", "+++\na = 1\n+++\n", "{\"a\":1}\nx", "\ufeff---\r\na: [1\r\n---\r\n", "---\n",
		"---\nr: &r [*r]\n---\n", "---\na: &a [x,x]\nb: &b [*a,*a]\nc: [*b,*b]\n---\n",
		// Issue 12's reproductions.
		"\n---\ntitle: Secret draft\ndraft: true\n---\nbody\n", "\ufeff \n\ufeff---\na: 1\n---\n", "---\ntags:\n-\n---\n",
		"+++\na = " + strings.Repeat("[", 2000) + strings.Repeat("]", 2000) + "\n+++\n",
		"+++\nt = " + strings.Repeat("{b = ", 500) + "1" + strings.Repeat("}", 500) + "\n+++\n",
		"---\np: &p \"" + strings.Repeat("x", 1000) + "\"\nb: &b [*p, *p, *p, *p]\nc: &c [*b, *b, *b, *b]\nd: [*c, *c, *c, *c]\n---\n",
		"\x89PNG\r\n\x1a\n\x00\x00", "\xff\xfe-\x00-\x00-\x00", "---\ntitle: caf\xe9\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		orig := append([]byte(nil), src...)
		d, _ := Parse(src)
		if !bytes.Equal(d.Bytes(), orig) {
			t.Fatalf("Bytes() != input")
		}
		if !bytes.HasSuffix(orig, d.Body()) {
			t.Fatalf("Body() is not the end of the input")
		}
		for _, fl := range d.Fields() {
			_ = fl.Value.Plain()
			_, _ = FieldsJSON([]Field{fl})
		}
	})
}

// FuzzSet edits random documents; every accepted edit must keep the body
// and every other field, read back as asked, and be idempotent.
func FuzzSet(f *testing.F) {
	f.Add([]byte("---\ntitle: \"a\" # c\ntags: [x]\n---\nbody"), "title", "新")
	f.Add([]byte("+++\na = 1\n[t]\nb = 2\n+++\n"), "c", "[1, 2]")
	f.Add([]byte("{\n \"a\": [1,\n 2]\n}\n"), "a", "x")
	f.Add([]byte("text"), "k", "2025-06-02")
	f.Fuzz(func(t *testing.T, src []byte, key, flow string) {
		d, err := Parse(src)
		if err != nil || key == "" {
			return
		}
		before := append([]byte(nil), d.Body()...)
		fields := d.Fields()
		if err := d.SetFlow(key, flow); err != nil {
			if !bytes.Equal(d.Bytes(), src) {
				t.Fatalf("a failed set changed the text")
			}
			return
		}
		again, err := Parse(d.Bytes())
		if err != nil {
			t.Fatalf("result does not parse: %v\n%q", err, d.Bytes())
		}
		if !bytes.Equal(again.Body(), before) {
			t.Fatalf("body changed")
		}
		others := func(fs []Field) []Field {
			var out []Field
			for _, fl := range fs {
				if fl.Key != key {
					out = append(out, fl)
				}
			}
			return out
		}
		a, b := others(fields), others(again.Fields())
		if len(a) != len(b) {
			t.Fatalf("other fields went from %d to %d", len(a), len(b))
		}
		for i := range a {
			if a[i].Key != b[i].Key || !equalValue(a[i].Value, b[i].Value) {
				t.Fatalf("field %s changed", a[i].Key)
			}
		}
		out := append([]byte(nil), d.Bytes()...)
		if err := d.SetFlow(key, flow); err != nil || !bytes.Equal(d.Bytes(), out) {
			t.Fatalf("setting the same value again changed the text (err %v)", err)
		}
	})
}

// TestSetNeverAddsASecondBlock: an edit to a file whose front matter
// follows blank lines or a second byte order mark changes that block, and
// an unclosed block is refused rather than covered by a new one.
func TestSetNeverAddsASecondBlock(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"blank line", "\n---\ntitle: Secret draft\ndraft: true\n---\nbody\n",
			"\n---\ntitle: Public\ndraft: true\n---\nbody\n"},
		{"whitespace and second bom", "\ufeff \n\ufeff---\ntitle: A\n---\nbody\n",
			"\ufeff \n\ufeff---\ntitle: Public\n---\nbody\n"},
		{"toml after blank lines", "\n\n+++\ntitle = \"A\"\n+++\n", "\n\n+++\ntitle = \"Public\"\n+++\n"},
		{"unclosed after blank line", "\n---\ntitle: A\n", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, _ := Parse([]byte(tc.src))
			err := d.Set("title", S("Public"))
			if tc.want == "" {
				if err == nil || string(d.Bytes()) != tc.src {
					t.Fatalf("Set on an unclosed block: err %v, text %q; want a refusal and the text unchanged", err, d.Bytes())
				}
				return
			}
			if err != nil {
				t.Fatalf("Set: %v", err)
			}
			if got := string(d.Bytes()); got != tc.want {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestNotUTF8KeepsTheFrontMatterOutOfTheBody: a GBK article's valid front
// matter is not part of its body (the preview drew it as a rule and a
// heading, QA F9); the file stays read-only.
func TestNotUTF8KeepsTheFrontMatterOutOfTheBody(t *testing.T) {
	src := "---\ntitle: gbk\n---\n\n\xd6\xd0\xce\xc4\n"
	d, err := Parse([]byte(src))
	if !errors.Is(err, ErrNotUTF8) {
		t.Fatalf("err %v, want ErrNotUTF8", err)
	}
	if got := string(d.Body()); got != "\n\xd6\xd0\xce\xc4\n" {
		t.Errorf("body %q, want the text after the front matter", got)
	}
	if string(d.Bytes()) != src {
		t.Error("text not kept")
	}
	if err := d.SetFlow("title", "x"); err == nil {
		t.Error("SetFlow edited a read-only file")
	}
}
