package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScriptLang: mostly Han prose is Chinese, even with English code in
// fences; English prose with a Chinese word is English.
func TestScriptLang(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"# 标题\n\n这是一篇中文文章，介绍 TiDB 的用法。\n", "zh"},
		{"中文说明。\n\n```sql\nSELECT a, b, c FROM t WHERE x = 1 AND y = 2 ORDER BY a LIMIT 10;\n```\n", "zh"},
		{"Use the highlight shortcode to show code, like 中文.\n", "en"},
		{"", "en"},
	} {
		if got := ScriptLang([]byte(c.body)); got != c.want {
			t.Errorf("ScriptLang(%q) = %q, want %q", c.body, got, c.want)
		}
	}
}

// TestAlertLabel: the alert kinds' titles in the content's language.
func TestAlertLabel(t *testing.T) {
	for _, c := range []struct{ kind, lang, want string }{
		{"note", "zh", "注意"}, {"warning", "zh-CN", "警告"}, {"tip", "zh_Hans", "提示"},
		{"note", "en", "Note"}, {"caution", "en-US", "Caution"}, {"note", "", "Note"},
	} {
		if got := AlertLabel(c.kind, c.lang); got != c.want {
			t.Errorf("AlertLabel(%q, %q) = %q, want %q", c.kind, c.lang, got, c.want)
		}
	}
}

// TestSiteLang: a single-language Hugo config names the content's
// language; a multilingual one leaves it to the article.
func TestSiteLang(t *testing.T) {
	one := t.TempDir()
	if err := os.WriteFile(filepath.Join(one, "hugo.toml"), []byte("defaultContentLanguage = \"en\"\n[languages]\n[languages.en]\nweight = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := LoadSite(one).Lang; got != "en" {
		t.Errorf("single-language site: Lang = %q, want en", got)
	}
	multi := t.TempDir()
	if err := os.WriteFile(filepath.Join(multi, "hugo.toml"), []byte("defaultContentLanguage = \"en\"\n[languages.en]\ncontentDir = \"content/en\"\n[languages.zh]\ncontentDir = \"content/zh\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := LoadSite(multi).Lang; got != "" {
		t.Errorf("multilingual site: Lang = %q, want \"\"", got)
	}
	if got := ContentLang(LoadSite(multi), []byte("中文内容。")); got != "zh" {
		t.Errorf("multilingual site, Chinese article: %q, want zh", got)
	}
}

// TestExportAlertTitleFollowsContent: the exported alert title is the
// content's (site config, else script), not always English.
func TestExportAlertTitleFollowsContent(t *testing.T) {
	render := func(body string, opts HTMLOptions) string {
		var b bytes.Buffer
		if err := RenderHTML(&b, []byte(body), opts); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	zh := "> [!NOTE]\n> 这里是中文的说明内容。\n"
	if got := render(zh, HTMLOptions{}); !strings.Contains(got, `<p class="markdown-alert-title">注意</p>`) {
		t.Errorf("Chinese article: %s", got)
	}
	en := "> [!NOTE]\n> The highlight shortcode is deprecated.\n"
	if got := render(en, HTMLOptions{}); !strings.Contains(got, `<p class="markdown-alert-title">Note</p>`) {
		t.Errorf("English article: %s", got)
	}
	// the site's config wins over the script
	if got := render(zh, HTMLOptions{Site: &Site{Lang: "en"}}); !strings.Contains(got, `<p class="markdown-alert-title">Note</p>`) {
		t.Errorf("English site: %s", got)
	}
	// an alert's own title stays as written
	own := "> **注意：**\n>\n> Text.\n"
	if got := render(own, HTMLOptions{}); !strings.Contains(got, "注意") {
		t.Errorf("own title lost: %s", got)
	}
}
