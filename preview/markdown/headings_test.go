package markdown

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestHeadings(t *testing.T) {
	src := []byte("# 标题一\n\ntext\n\n## Hello, World! `code`\n\n> ### 引用 中的标题\n\nSetext 标题\n---\n\n## Hello, World! `code`\n\n## 自定义 {#custom-id}\n\n```\n# not a heading\n```\n")
	want := []Heading{
		{1, "标题一", 1, "标题一"},
		{2, "Hello, World! code", 5, "hello-world-code"},
		{3, "引用 中的标题", 7, "引用-中的标题"},
		{2, "Setext 标题", 9, "setext-标题"},
		{2, "Hello, World! code", 12, "hello-world-code-1"},
		{2, "自定义", 14, "custom-id"},
	}
	if got := Headings(src); !reflect.DeepEqual(got, want) {
		t.Errorf("Headings =\n%+v\nwant\n%+v", got, want)
	}
}

func TestAnchor(t *testing.T) {
	for in, want := range map[string]string{
		"2024 年 AI 趋势": "2024-年-ai-趋势",
		"What's new?":  "whats-new",
		"a_b-c":        "a_b-c",
		"  Trim  me ":  "trim--me",
		"（全角）标点，句号。":   "全角标点句号",
	} {
		if got := Anchor(in); got != want {
			t.Errorf("Anchor(%q) = %q, want %q", in, got, want)
		}
	}
}

// Hugo's docs link to definition terms (/configuration/all/#baseurl, with
// autoDefinitionTermID): their ids, as Hugo makes them.
func TestDefinitionTerms(t *testing.T) {
	src := []byte("## Settings\n\n`archetypeDir`\n: (`string`) The designated directory.\n\n`baseURL`\n: (`string`) The absolute URL.\n\n> quoted\n\n`baseURL`\n: again\n")
	want := []Heading{
		{0, "archetypeDir", 3, "archetypedir"},
		{0, "baseURL", 6, "baseurl"},
		{0, "baseURL", 11, "baseurl-1"},
	}
	if got := DefinitionTerms(src); !reflect.DeepEqual(got, want) {
		t.Errorf("DefinitionTerms =\n%+v\nwant\n%+v", got, want)
	}
	if got := DefinitionTerms([]byte("# no list\n\ntext: here\n")); got != nil {
		t.Errorf("DefinitionTerms of no list = %+v", got)
	}
}

// A trailing Hugo attribute list is not part of a heading's text or id:
// "{#id .class}" sets the id, "{.class}" none (Hugo drops both lists; the
// id was "both-id .cls" and "with-class-cls").
func TestHeadingAttributeLists(t *testing.T) {
	src := []byte("## With class {.cls}\n\n## Both {#both-id .cls key=v}\n\n## Not a list {x y}\n\n## Set {#s}\n")
	want := []Heading{
		{2, "With class", 1, "with-class"},
		{2, "Both", 3, "both-id"},
		{2, "Not a list {x y}", 5, "not-a-list-x-y"},
		{2, "Set", 7, "s"},
	}
	if got := Headings(src); !reflect.DeepEqual(got, want) {
		t.Errorf("Headings =\n%+v\nwant\n%+v", got, want)
	}
}

// HeadingTexts reads a heading's source text as the preview draws the
// heading: markup, raw HTML tags and attribute lists dropped, references
// and escapes resolved, emoji for a site that enables them.
func TestHeadingTexts(t *testing.T) {
	plain, emoji := NewHeadingTexts(nil), NewHeadingTexts(&Site{Emoji: true})
	for _, c := range []struct{ raw, want, emoji string }{
		{`tidb_gc_enable <span class="version-mark">从 v5.0 版本开始引入</span>`, "tidb_gc_enable 从 v5.0 版本开始引入", ""},
		{"Emoji :smile: here", "Emoji :smile: here", "Emoji 😄 here"},
		{`Escaped \*star\* &amp; &nbsp;nb`, "Escaped *star* & nb", ""}, // spaces (a no-break one too) collapse to one
		{"Autolink <https://example.com> and www.example.com", "Autolink https://example.com and www.example.com", ""},
		{"Both {#both-id .cls}", "Both", ""},
		{"![alt](a.png) **b** `c`", "alt b c", ""},
		{"中文\n标题", "中文标题", ""},
		{"Two\nlines", "Two lines", ""},
		{"纯文本标题", "纯文本标题", ""},
	} {
		if got := plain.Text(c.raw); got != c.want {
			t.Errorf("Text(%q) = %q, want %q", c.raw, got, c.want)
		}
		want := c.emoji
		if want == "" {
			want = c.want
		}
		if got := emoji.Text(c.raw); got != want {
			t.Errorf("with emoji: Text(%q) = %q, want %q", c.raw, got, want)
		}
		if got := plain.Text(c.raw); got != c.want {
			t.Errorf("again (remembered): Text(%q) = %q, want %q", c.raw, got, c.want)
		}
	}
}

// With terms, headings and definition terms take ids from one set, in
// document order, as Hugo gives them with autoDefinitionTermID.
func TestAnchorsShareOneSet(t *testing.T) {
	src := []byte("`OPTIONS`\n: See [options](#options-1).\n\n## Options\n\n`Options`\n: again\n")
	want := []Heading{
		{0, "OPTIONS", 1, "options"},
		{2, "Options", 4, "options-1"},
		{0, "Options", 6, "options-2"},
	}
	if got := Anchors(src, true); !reflect.DeepEqual(got, want) {
		t.Errorf("Anchors =\n%+v\nwant\n%+v", got, want)
	}
	if got := Anchors(src, false); !reflect.DeepEqual(got, []Heading{{2, "Options", 4, "options"}}) {
		t.Errorf("Anchors without terms = %+v", got)
	}
}

func TestSiteTermIDs(t *testing.T) {
	for _, c := range []struct {
		files map[string]string
		want  bool
	}{
		{map[string]string{"hugo.toml": "[markup.goldmark.parser]\nautoDefinitionTermID = true\n"}, true},
		{map[string]string{"hugo.yaml": "markup:\n  goldmark:\n    parser:\n      autodefinitiontermid: false\n"}, false},
		{map[string]string{"config/_default/markup.toml": "[goldmark.parser]\nautoDefinitionTermID = true\n", "config/_default/hugo.toml": "title = 'x'\n"}, true},
		{map[string]string{"hugo.toml": "title = 'x'\n"}, false},
		{map[string]string{}, false},
	} {
		root := t.TempDir()
		for name, text := range c.files {
			p := filepath.Join(root, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if got := SiteTermIDs(root); got != c.want {
			t.Errorf("%v: SiteTermIDs = %v, want %v", c.files, got, c.want)
		}
	}
}

// Texts reads many headings in one parse, each as Text reads it alone.
func TestHeadingTextsTogether(t *testing.T) {
	raws := []string{"`a", "<!--", "**b** c", "中文\n标题", "plain", "x <span>y</span>", "- list?", "2. item", "> q", "```", "Two\nlines {.c}", "[r]: /x", "<div>", "e :smile:"}
	together := NewHeadingTexts(&Site{Emoji: true}).Texts(raws)
	for i, raw := range raws {
		if alone := NewHeadingTexts(&Site{Emoji: true}).Text(raw); together[i] != alone {
			t.Errorf("%q: together %q, alone %q", raw, together[i], alone)
		}
	}
}
