package library

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"folio/editor/document"
)

// newNow is the creation time of the tests' articles.
var newNow = time.Date(2026, 3, 7, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))

// writeFiles writes files (slash paths relative to dir) with their contents.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for rel, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// mustField returns a field's plain value in an article, failing when the
// article does not parse or lacks it.
func mustField(t *testing.T, data []byte, key string) string {
	t.Helper()
	doc, err := document.Parse(data)
	if err != nil {
		t.Fatalf("new article does not parse: %v\n%s", err, data)
	}
	v, ok := doc.Get(key)
	if !ok {
		t.Fatalf("new article has no %s:\n%s", key, data)
	}
	return v.Plain()
}

func TestSlug(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"My First Post", "my-first-post"},
		{"  Hello,   World!  ", "hello-world"},
		{"2024年AI发展趋势预测", "2024年ai发展趋势预测"},
		{"深入理解 Go 的调度器：GMP 模型", "深入理解-go-的调度器-gmp-模型"},
		{"Kubernetes（K8s）实战", "kubernetes-k8s-实战"},
		{"日本語のタイトル", "日本語のタイトル"},
		{"Ünïcödé café", "ünïcödé-café"},
		{"!!!", "untitled"},
		{"🎉🎉", "untitled"},
		{"", "untitled"},
		{"CON", "con-post"},
		{"a/b\\c:d*e?f\"g<h>i|j", "a-b-c-d-e-f-g-h-i-j"},
		{strings.Repeat("长", 100), strings.Repeat("长", 60)},
	} {
		if got := Slug(c.in); got != c.want {
			t.Errorf("Slug(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"My First Post", "2024年AI发展趋势", "!!!", "a-b", "\xff\xfe", "CON"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, title string) {
		s := Slug(title)
		if s == "" || strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-") || strings.Contains(s, "--") {
			t.Fatalf("Slug(%q) = %q", title, s)
		}
		if strings.ContainsAny(s, "/\\:*?\"<>| .\x00") {
			t.Fatalf("Slug(%q) = %q has a character a file name cannot hold", title, s)
		}
		if Slug(s) != s {
			t.Fatalf("Slug is not idempotent: %q → %q → %q", title, s, Slug(s))
		}
	})
}

// hugoDefault is Hugo's own default archetype (hugo new site, v0.120+).
const hugoDefaultArchetype = "+++\ntitle = '{{ replace .File.ContentBaseName \"-\" \" \" | title }}'\ndate = {{ .Date }}\ndraft = true\n+++\n"

// hugoYAMLArchetype is the YAML variant older Hugo versions wrote.
const hugoYAMLArchetype = "---\ntitle: \"{{ replace .Name \"-\" \" \" | title }}\"\ndate: {{ .Date }}\ndraft: true\n---\n\n"

func TestNewArticleHugoDefault(t *testing.T) {
	for _, c := range []struct {
		name, archetype, title, wantName, wantHead string
	}{
		{"toml", hugoDefaultArchetype, "My First Post", "my-first-post.md",
			"+++\ntitle = 'My First Post'\ndate = 2026-03-07T09:30:00+08:00\ndraft = true\n+++\n"},
		{"toml-chinese", hugoDefaultArchetype, "2024年AI发展趋势：展望", "2024年ai发展趋势-展望.md",
			"+++\ntitle = '2024年AI发展趋势：展望'\ndate = 2026-03-07T09:30:00+08:00\ndraft = true\n+++\n"},
		{"toml-quote", hugoDefaultArchetype, "It's here", "it-s-here.md",
			"+++\ntitle = \"It's here\"\ndate = 2026-03-07T09:30:00+08:00\ndraft = true\n+++\n"},
		{"yaml", hugoYAMLArchetype, "Hello: World", "hello-world.md",
			"---\ntitle: \"Hello: World\"\ndate: 2026-03-07T09:30:00+08:00\ndraft: true\n---\n\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			site := t.TempDir()
			writeFiles(t, site, map[string]string{
				"hugo.toml":             "baseURL = 'https://example.org/'\ntitle = 'My Site'\n",
				"archetypes/default.md": c.archetype,
				"content/posts/old.md":  "---\ntitle: old\n---\n",
			})
			root := filepath.Join(site, "content")
			name, data, err := NewArticle(NewRequest{Root: root, Dir: "posts", Title: c.title, Now: newNow})
			if err != nil {
				t.Fatal(err)
			}
			if name != c.wantName {
				t.Errorf("name = %q, want %q", name, c.wantName)
			}
			if string(data) != c.wantHead {
				t.Errorf("content:\n%s\nwant:\n%s", data, c.wantHead)
			}
			if got := mustField(t, data, "title"); got != c.title {
				t.Errorf("title = %q, want %q", got, c.title)
			}
		})
	}
}

// Archetypes in the manner of popular themes and sites.
func TestNewArticleRealArchetypes(t *testing.T) {
	for _, c := range []struct {
		name, archetype string
		want            map[string]string // field → plain value
		wantBody        string
	}{
		{"papermod", `---
title: "{{ replace .File.ContentBaseName "-" " " | title }}"
date: {{ .Date }}
draft: false
# weight: 1
tags: ["first"]
author: "Me"
showToc: true
description: "Desc Text."
cover:
    image: "<image path/url>" # image path/url
    alt: "<alt text>"
editPost:
    URL: "https://github.com/<path_to_repo>/content"
    Text: "Suggest Changes"
---
`, map[string]string{"date": "2026-03-07T09:30:00+08:00", "draft": "false", "author": "Me"}, ""},
		{"docsy", `---
title: "{{ replace .Name "-" " " | title }}"
linkTitle: "{{ replace .Name "-" " " | title }}"
date: {{ .Date }}
description: >
  A short lead description about this content page.
---

Text can be **bold**, _italic_, or ~~strikethrough~~.
`, map[string]string{"linkTitle": "Kube Tips"}, "\nText can be **bold**, _italic_, or ~~strikethrough~~.\n"},
		{"funcs", `---
title: "{{ .Name | humanize }}"
slug: "{{ .Name | urlize }}"
date: {{ now.Format "2006-01-02" }}
lastmod: {{ .Date | time.Format "2006-01-02" }}
published: {{ dateFormat "Jan 2, 2006" .Date }}
year: {{ now.Year }}
section: {{ .Section }}
type: {{ .Type }}
site: {{ .Site.Title }}
author: {{ .Site.Params.author | default "Anonymous" }}
editor: {{ .Site.Params.missing | default "nobody" }}
upper: {{ upper .Name }}
lower: {{ lower "ABC" }}
now2: {{ (time.Now).Format "15:04" }}
path: {{ .File.Path }}
{{- with .Site.Params.author }}
by: {{ . }}
{{- end }}
---
`, map[string]string{"slug": "kube-tips", "date": "2026-03-07", "lastmod": "2026-03-07", "published": "Mar 7, 2026",
			"year": "2026", "section": "posts", "type": "posts", "site": "My Site", "author": "Ann", "editor": "nobody",
			"upper": "KUBE-TIPS", "lower": "abc", "now2": "09:30", "path": "posts/kube-tips.md", "by": "Ann"}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			site := t.TempDir()
			writeFiles(t, site, map[string]string{
				"config.toml":           "title = 'My Site'\n[params]\nAuthor = 'Ann'\n",
				"archetypes/default.md": c.archetype,
				"content/posts/a.md":    "---\ntitle: a\n---\n",
			})
			name, data, err := NewArticle(NewRequest{Root: filepath.Join(site, "content"), Dir: filepath.Join(site, "content", "posts"), Title: "Kube Tips!", Now: newNow})
			if err != nil {
				t.Fatalf("%v\n%s", err, data)
			}
			if name != "kube-tips.md" {
				t.Errorf("name = %q", name)
			}
			if got := mustField(t, data, "title"); got != "Kube Tips!" {
				t.Errorf("title = %q", got)
			}
			for k, want := range c.want {
				if got := mustField(t, data, k); got != want {
					t.Errorf("%s = %q, want %q\n%s", k, got, want, data)
				}
			}
			if strings.Contains(string(data), "no value") {
				t.Errorf("missing value printed:\n%s", data)
			}
			doc, _ := document.Parse(data)
			if string(doc.Body()) != c.wantBody {
				t.Errorf("body = %q, want %q", doc.Body(), c.wantBody)
			}
		})
	}
}

func TestNewArticleSectionArchetype(t *testing.T) {
	site := t.TempDir()
	writeFiles(t, site, map[string]string{
		"hugo.yaml":               "title: S\n",
		"archetypes/default.md":   "---\ntitle: x\nkind: default\n---\n",
		"archetypes/posts.md":     "---\ntitle: x\nkind: posts\n---\n",
		"content/posts/2024/a.md": "",
		"content/notes/b.md":      "",
	})
	// The user opened the content folder's subfolder: the archetypes are
	// found above the opened folder, at the site root.
	for dir, want := range map[string]string{"content/posts/2024": "posts", "content/notes": "default", "content": "default"} {
		_, data, err := NewArticle(NewRequest{Root: filepath.Join(site, "content", "posts"), Dir: filepath.Join(site, filepath.FromSlash(dir)), Title: "t", Now: newNow})
		if err != nil {
			t.Fatal(err)
		}
		if got := mustField(t, data, "kind"); got != want {
			t.Errorf("%s: archetype %q, want %q", dir, got, want)
		}
	}
}

func TestNewArticleTemplateErrors(t *testing.T) {
	for _, c := range []struct{ name, archetype, wantMsg string }{
		{"unknown function", "---\ntitle: {{ pinyin .Name }}\ndate: {{ .Date }}\n---\n", `"pinyin" not defined`},
		{"bad syntax", "---\ntitle: {{ .Name \n---\n", "in action"},
		{"exec error", "---\ntitle: x\nd: {{ dateFormat \"2006\" \"not a date\" }}\n---\n", "not a date"},
		{"broken front matter", "---\ntitle: [unclosed\n---\n", "front matter"},
	} {
		t.Run(c.name, func(t *testing.T) {
			site := t.TempDir()
			writeFiles(t, site, map[string]string{
				"hugo.toml":             "",
				"archetypes/default.md": c.archetype,
				"content/a.md":          "---\ntitle: a\ndate: 2024-01-01\ntags: [x]\n---\n",
			})
			name, data, err := NewArticle(NewRequest{
				Root: filepath.Join(site, "content"), Dir: "", Title: "标题", Now: newNow,
				Common: []document.Field{{Key: "title", Value: document.S("a")}, {Key: "date", Value: document.Value{Kind: document.Date, Text: "2024-01-01"}}, {Key: "tags", Value: document.Strings("x")}},
			})
			var te *TemplateError
			if !errors.Is(err, ErrTemplate) || !errors.As(err, &te) {
				t.Fatalf("err = %v, want a TemplateError", err)
			}
			if !strings.Contains(err.Error(), c.wantMsg) || !strings.Contains(err.Error(), "default.md") {
				t.Errorf("message %q does not say %q and name the template", err, c.wantMsg)
			}
			if name != "标题.md" {
				t.Errorf("name = %q", name)
			}
			want := "---\ntitle: \"标题\"\ndate: \"2026-03-07\"\ntags: []\n---\n\n"
			if string(data) != want {
				t.Errorf("fallback:\n%s\nwant:\n%s", data, want)
			}
		})
	}
}

func TestNewArticleHexo(t *testing.T) {
	for _, c := range []struct {
		name, config, scaffold, existing string
		wantName, want                   string
	}{
		{"default", "title: Blog\n", "---\ntitle: {{ title }}\ndate: {{ date }}\ntags:\n---\n", "",
			"hello-hexo.md", "---\ntitle: Hello Hexo\ndate: 2026-03-07 09:30:00\ntags:\n---\n"},
		{"new_post_name", "new_post_name: :year-:month-:day-:title.md\n", "---\ntitle: {{ title }}\ndate: {{ date }}\n---\n", "",
			"2026-03-07-hello-hexo.md", "---\ntitle: Hello Hexo\ndate: 2026-03-07 09:30:00\n---\n"},
		{"formats", "date_format: YYYY/MM/DD\ntime_format: HH:mm\nnew_post_name: ':title.md'\n", "---\ntitle: {{ title }}\ndate: {{ date }}\nlayout: {{ layout }}\n---\n", "hello-hexo.md",
			"hello-hexo-2.md", "---\ntitle: Hello Hexo\ndate: 2026/03/07 09:30\nlayout: post\n---\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			site := t.TempDir()
			files := map[string]string{
				"_config.yml":         c.config,
				"scaffolds/post.md":   c.scaffold,
				"source/_posts/.keep": "",
			}
			if c.existing != "" {
				files["source/_posts/"+c.existing] = "x"
			}
			writeFiles(t, site, files)
			name, data, err := NewArticle(NewRequest{Root: site, Dir: "source/_posts", Title: "Hello Hexo", Now: newNow})
			if err != nil {
				t.Fatal(err)
			}
			if name != c.wantName || string(data) != c.want {
				t.Errorf("got %q:\n%s\nwant %q:\n%s", name, data, c.wantName, c.want)
			}
		})
	}
}

func TestNewArticlePlain(t *testing.T) {
	common := []document.Field{
		{Key: "title", Value: document.S("x")},
		{Key: "summary", Value: document.S("long text")},
		{Key: "category", Value: document.S("行业洞察")},
		{Key: "publishDate", Value: document.S("2024-01-10")},
		{Key: "tags", Value: document.Strings("a", "b")},
		{Key: "featured", Value: document.Value{Kind: document.Bool, Text: "true"}},
		{Key: "weight", Value: document.Value{Kind: document.Int, Text: "3"}},
		{Key: "extra", Value: document.Value{Kind: document.Map}},
	}
	t.Run("yaml", func(t *testing.T) {
		dir := t.TempDir()
		writeFiles(t, dir, map[string]string{"a.md": "---\ntitle: a\n---\n"})
		name, data, err := NewArticle(NewRequest{Root: dir, Dir: dir, Title: "2024年AI发展趋势", Now: newNow, Common: common})
		if err != nil {
			t.Fatal(err)
		}
		want := "---\ntitle: \"2024年AI发展趋势\"\nsummary: \"\"\ncategory: \"\"\npublishDate: \"2026-03-07\"\ntags: []\nfeatured: false\nweight: 0\n---\n\n"
		if name != "2024年ai发展趋势.md" || string(data) != want {
			t.Errorf("got %q:\n%s\nwant:\n%s", name, data, want)
		}
	})
	t.Run("toml folder", func(t *testing.T) {
		dir := t.TempDir()
		writeFiles(t, dir, map[string]string{"a.md": "+++\ntitle = 'a'\n+++\n", "b.md": "+++\ntitle = 'b'\n+++\n", "c.md": "---\ntitle: c\n---\n"})
		_, data, err := NewArticle(NewRequest{Root: dir, Dir: dir, Title: "T", Now: newNow})
		if err != nil {
			t.Fatal(err)
		}
		want := "+++\ntitle = \"T\"\ndate = 2026-03-07\n+++\n\n"
		if string(data) != want {
			t.Errorf("got:\n%s\nwant:\n%s", data, want)
		}
	})
}

func TestNewArticleNames(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"hello.md":        "x",
		"hello-2.md":      "x",
		"bundle/index.md": "x",
		"中文标题.md":         "x",
	})
	taken := map[string]bool{"hello-3.md": true}
	exists := func(n string) bool { return taken[n] }
	for title, want := range map[string]string{
		"Hello":  "hello-4.md",
		"Bundle": "bundle-2.md",
		"中文标题":   "中文标题-2.md",
		"？？":     "untitled.md",
		"New":    "new.md",
	} {
		name, _, err := NewArticle(NewRequest{Root: dir, Dir: dir, Title: title, Now: newNow, Exists: exists})
		if err != nil {
			t.Fatal(err)
		}
		if name != want {
			t.Errorf("%q → %q, want %q", title, name, want)
		}
	}
	if _, _, err := NewArticle(NewRequest{Root: dir, Dir: dir, Title: "  "}); err == nil {
		t.Error("an empty title was accepted")
	}
	if _, _, err := NewArticle(NewRequest{Root: dir, Dir: "missing", Title: "x"}); err == nil {
		t.Error("a missing folder was accepted")
	}
}

func TestNewArticleDatedFolder(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"2024-01-02-a.md": "x", "2024-02-03-b.md": "x", "2025-03-04_c.md": "x", "about.md": "x",
	})
	name, _, err := NewArticle(NewRequest{Root: dir, Dir: dir, Title: "Go 1.26", Now: newNow})
	if err != nil {
		t.Fatal(err)
	}
	if name != "2026-03-07-go-1-26.md" {
		t.Errorf("name = %q", name)
	}
	// One dated name among others is no convention.
	dir2 := t.TempDir()
	writeFiles(t, dir2, map[string]string{"2024-01-02-a.md": "x", "b.md": "x", "c.md": "x"})
	if name, _, _ := NewArticle(NewRequest{Root: dir2, Dir: dir2, Title: "Go", Now: newNow}); name != "go.md" {
		t.Errorf("name = %q", name)
	}
}

func TestNewArticleSamples(t *testing.T) {
	// The reference Chinese article's folder: no template, YAML front matter.
	root := filepath.Join("..", "..", "assets", "samples")
	if _, err := os.Stat(filepath.Join(root, "2024-ai-trends.md")); err != nil {
		t.Skip("samples missing:", err)
	}
	name, data, err := NewArticle(NewRequest{Root: root, Dir: root, Title: "边缘计算：下一个十年", Now: newNow})
	if err != nil {
		t.Fatal(err)
	}
	if name != "边缘计算-下一个十年.md" {
		t.Errorf("name = %q", name)
	}
	if got := mustField(t, data, "title"); got != "边缘计算：下一个十年" {
		t.Errorf("title = %q", got)
	}
}

func TestNewArticleSiteTimeZone(t *testing.T) {
	if _, err := time.LoadLocation("Asia/Shanghai"); err != nil {
		t.Skip("no time zone data:", err)
	}
	site := t.TempDir()
	writeFiles(t, site, map[string]string{
		"hugo.toml":             "timeZone = 'Asia/Shanghai'\n",
		"archetypes/default.md": hugoYAMLArchetype,
		"content/a.md":          "",
	})
	now := time.Date(2026, 3, 6, 20, 0, 0, 0, time.UTC)
	_, data, err := NewArticle(NewRequest{Root: filepath.Join(site, "content"), Dir: "", Title: "T", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if got := mustField(t, data, "date"); got != "2026-03-07T04:00:00+08:00" {
		t.Errorf("date %q, want the site's time zone", got)
	}
}

func TestNewArticleDir(t *testing.T) {
	for in, want := range map[string]string{
		"/site/content/posts/a.md":                  "/site/content/posts",
		"/site/content/posts/bundle/index.md":       "/site/content/posts",
		"/site/content/posts/bundle/INDEX.markdown": "/site/content/posts",
		"/site/content/posts/_index.md":             "/site/content/posts",
		"/site/content/posts/indexes.md":            "/site/content/posts",
	} {
		in, want = filepath.FromSlash(in), filepath.FromSlash(want)
		if got := NewArticleDir(in); got != want {
			t.Errorf("NewArticleDir(%s) = %s, want %s", in, got, want)
		}
	}
}
