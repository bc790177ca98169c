package markdown

import (
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
