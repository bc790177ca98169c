package library

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// siteTree writes files (path → content) under a new temporary folder.
func siteTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	writeTree(t, root, files)
	return root
}

func TestFindSite(t *testing.T) {
	tests := []struct {
		name       string
		files      map[string]string
		from       string // folder FindSite starts in, under the root
		config     string // expected config file, under the root; "" for no site
		kind       SiteKind
		title      string
		zone       string // "" for none
		taxonomies []string
		content    string
		static     []string
		warn       string
	}{
		{
			name: "hugo toml above the content folder",
			files: map[string]string{
				"hugo.toml": `baseURL = "https://example.org/"
languageCode = "zh-cn"
title = "我的博客"
timeZone = "Asia/Shanghai"
[taxonomies]
  tag = "tags"
  category = "categories"
  series = "series"
[params]
  description = "x"
`,
				"content/posts/a.md": "---\ntitle: a\n---\n",
			},
			from: "content/posts", config: "hugo.toml", kind: Hugo, title: "我的博客", zone: "Asia/Shanghai",
			taxonomies: []string{"tags", "categories", "series"}, content: "content", static: []string{"static"},
		},
		{
			name: "hugo yaml with custom dirs and no taxonomies set",
			files: map[string]string{
				"config.yaml": "title: Notes\ncontentDir: posts\nstaticDir: [static, assets/img]\n",
				"posts/x.md":  "",
			},
			from: "posts", config: "config.yaml", kind: Hugo, title: "Notes",
			taxonomies: []string{"tags", "categories"}, content: "posts", static: []string{"static", "assets/img"},
		},
		{
			name: "hugo json, keys in any case, empty taxonomies",
			files: map[string]string{
				"hugo.json": `{"Title": "J", "TimeZone": "Europe/Berlin", "taxonomies": {}, "staticDir": "files"}`,
			},
			from: "", config: "hugo.json", kind: Hugo, title: "J", zone: "Europe/Berlin",
			taxonomies: []string{}, content: "content", static: []string{"files"},
		},
		{
			name: "hugo config directory with its own taxonomies file",
			files: map[string]string{
				"config/_default/hugo.toml":       "title = \"D\"\n",
				"config/_default/taxonomies.yaml": "tag: tags\nauthor: authors\n",
				"content/a.md":                    "",
			},
			from: "content", config: "config/_default/hugo.toml", kind: Hugo, title: "D",
			taxonomies: []string{"tags", "authors"}, content: "content", static: []string{"static"},
		},
		{
			name: "hugo.toml wins over config.toml",
			files: map[string]string{
				"hugo.toml":   "title = \"new\"\n",
				"config.toml": "title = \"old\"\n",
			},
			config: "hugo.toml", kind: Hugo, title: "new",
			taxonomies: []string{"tags", "categories"}, content: "content", static: []string{"static"},
		},
		{
			name: "unknown time zone is a warning",
			files: map[string]string{
				"hugo.toml": "timeZone = \"Mars/Olympus\"\n",
			},
			config: "hugo.toml", kind: Hugo,
			taxonomies: []string{"tags", "categories"}, content: "content", static: []string{"static"},
			warn: "Mars/Olympus",
		},
		{
			name: "hexo",
			files: map[string]string{
				"_config.yml":          "title: 小站\ntimezone: Asia/Taipei\nsource_dir: src\n",
				"src/_posts/hello.md":  "",
				"src/images/cover.png": "",
			},
			from: "src/_posts", config: "_config.yml", kind: Hexo, title: "小站", zone: "Asia/Taipei",
			taxonomies: []string{"tags", "categories"}, content: "src/_posts", static: []string{"src"},
		},
		{
			name:  "no config",
			files: map[string]string{"notes/a.md": ""},
			from:  "notes",
		},
		{
			name:  "a config above stop is not found",
			files: map[string]string{"hugo.toml": "title = \"x\"\n", "blog/content/a.md": ""},
			from:  "blog/content",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := siteTree(t, tt.files)
			stop := root
			if strings.HasPrefix(tt.name, "a config above stop") {
				stop = filepath.Join(root, "blog")
			}
			s, err := FindSite(filepath.Join(root, filepath.FromSlash(tt.from)), stop)
			if err != nil {
				t.Fatalf("FindSite: %v", err)
			}
			if tt.config == "" {
				if s != nil {
					t.Fatalf("found a site at %s", s.Config)
				}
				if s.Location() == nil {
					t.Fatal("a nil Site has no location")
				}
				return
			}
			if s == nil {
				t.Fatal("no site found")
			}
			abs := func(p string) string { return filepath.Join(root, filepath.FromSlash(p)) }
			if s.Root != root || s.Config != abs(tt.config) || s.Kind != tt.kind || s.Title != tt.title {
				t.Errorf("site = %s %s %v %q, want %s %s %v %q", s.Root, s.Config, s.Kind, s.Title, root, abs(tt.config), tt.kind, tt.title)
			}
			switch {
			case tt.zone == "" && s.TimeZone != nil:
				t.Errorf("time zone %v, want none", s.TimeZone)
			case tt.zone != "" && (s.TimeZone == nil || s.TimeZone.String() != tt.zone):
				t.Errorf("time zone %v, want %s", s.TimeZone, tt.zone)
			}
			if tt.zone != "" && s.Location().String() != tt.zone {
				t.Errorf("Location() = %v", s.Location())
			}
			if !reflect.DeepEqual(s.Taxonomies, tt.taxonomies) && !(len(s.Taxonomies) == 0 && len(tt.taxonomies) == 0) {
				t.Errorf("taxonomies = %q, want %q", s.Taxonomies, tt.taxonomies)
			}
			if s.ContentDir != abs(tt.content) {
				t.Errorf("content = %s, want %s", s.ContentDir, abs(tt.content))
			}
			var static []string
			for _, d := range tt.static {
				static = append(static, abs(d))
			}
			if !reflect.DeepEqual(s.StaticDirs, static) {
				t.Errorf("static = %q, want %q", s.StaticDirs, static)
			}
			if got := strings.Join(s.Warnings, "\n"); (tt.warn == "") != (got == "") || !strings.Contains(got, tt.warn) {
				t.Errorf("warnings = %q, want one naming %q", got, tt.warn)
			}
		})
	}
}

func TestFindSiteMalformedConfig(t *testing.T) {
	for name, text := range map[string]string{
		"hugo.toml":   "title = \"open\n",
		"config.yaml": "title: [a\n",
		"hugo.json":   "{\"title\": }",
		"_config.yml": "title: \"x\n",
	} {
		root := siteTree(t, map[string]string{name: text})
		s, err := FindSite(root, root)
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: FindSite = %v, %v; want an error naming the file", name, s, err)
		}
	}
}
