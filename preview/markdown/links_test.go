package markdown

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func site(t *testing.T) string {
	root := t.TempDir()
	for _, f := range []string{"hugo.toml", "static/media/x.png", "assets/a.svg", "content/ticdc/a.md", "content/docs/b/_index.md", "content/posts/p.md", "content/posts/local.png", "media/y.png"} {
		p := filepath.Join(root, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestResolverSiteAbsolute(t *testing.T) {
	root := site(t)
	dir := filepath.Join(root, "content", "posts")
	if got := FindSiteRoot(dir, ""); got != root {
		t.Fatalf("FindSiteRoot = %q, want %q", got, root)
	}
	r := Resolver{Dir: dir, Root: root}
	for dest, want := range map[string]string{
		"/media/x.png":    "static/media/x.png",
		"/a.svg":          "assets/a.svg",
		"/media/y.png":    "media/y.png",
		"local.png":       "content/posts/local.png",
		"/media/none.png": "static/media/none.png",
		"https://x/y.png": "",
		"data:image/png,": "",
	} {
		got := r.Image(dest)
		if want != "" {
			want = filepath.Join(root, filepath.FromSlash(want))
		}
		if got != want {
			t.Errorf("Image(%q) = %q, want %q", dest, got, want)
		}
	}
	tg := r.Link("/ticdc/a.md#节")
	if tg.Kind != LinkArticle || tg.Path != filepath.Join(root, "content", "ticdc", "a.md") || tg.Anchor != "节" {
		t.Errorf("Link(/ticdc/a.md) = %+v", tg)
	}
	if tg := r.Link("#%E6%A0%87%E9%A2%98"); tg.Kind != LinkAnchor || tg.Anchor != "标题" {
		t.Errorf("Link(#…) = %+v", tg)
	}
	if tg := (Resolver{Dir: dir}).Link("/ticdc/a.md"); tg.Kind != LinkInert {
		t.Errorf("without a root a site-absolute link resolves: %+v", tg)
	}
	for _, c := range []struct {
		dest           string
		image          bool
		checked, found bool
	}{
		{"/media/x.png", true, true, true},
		{"/media/gone.png", true, true, false},
		{"/ticdc/a.md", false, true, true},
		{"/ticdc/gone.md", false, true, false},
		{"/docs/b/", false, false, false}, // a page URL: not checked
		{"p.md", false, true, true},
		{"p", false, true, true},
		{"gone.md", false, true, false},
		{"https://example.com/", false, false, false},
	} {
		checked, found := r.Check(c.dest, c.image)
		if checked != c.checked || found != c.found {
			t.Errorf("Check(%q) = %v, %v; want %v, %v", c.dest, checked, found, c.checked, c.found)
		}
	}
}

func TestFindSiteRootStops(t *testing.T) {
	top := t.TempDir()
	dir := filepath.Join(top, "a", "b")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := FindSiteRoot(dir, filepath.Join(top, "a")); got != filepath.Join(top, "a") {
		t.Errorf("FindSiteRoot stopped at %q", got)
	}
}

// hugoSite is testdata/hugosite, a small copy of gohugoio/hugoDocs' layout:
// the content in content/en mounted at the content root by the config, a
// link render hook that looks destinations up with GetPage and reads "g"
// as a glossary keyword, and links copied from the real pages' forms.
func hugoSite(t *testing.T) (root, article string) {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("testdata", "hugosite"))
	if err != nil {
		t.Fatal(err)
	}
	return root, filepath.Join(root, "content", "en", "content-management", "urls.md")
}

// QA F36: Hugo's docs link pages by their page path; the one resolver finds
// the article the way Hugo's GetPage does (content mounts, trailing slash,
// any letter case, sections' _index.md, .html, relative forms).
func TestResolverHugoPageLinks(t *testing.T) {
	root, article := hugoSite(t)
	dir := filepath.Dir(article)
	if got := FindSiteRoot(dir, ""); got != root {
		t.Fatalf("FindSiteRoot = %q, want %q", got, root)
	}
	site := LoadSite(root)
	if !site.Hugo || !site.GetPage() || !site.HookKeyword("g") || site.HookKeyword("h") {
		t.Fatalf("LoadSite: hugo %v, GetPage %v, keyword g %v, h %v", site.Hugo, site.GetPage(), site.HookKeyword("g"), site.HookKeyword("h"))
	}
	if want := filepath.Join(root, "content", "en"); len(site.Content) == 0 || site.Content[0].Dir != want {
		t.Fatalf("content mounts %+v, want %s first", site.Content, want)
	}
	en := func(p string) string { return filepath.Join(root, "content", "en", filepath.FromSlash(p)) }
	for _, withSite := range []bool{true, false} { // LoadSite once, or read on each call
		r := Resolver{Dir: dir, Root: root}
		if withSite {
			r.Site = site
		}
		for _, tc := range []struct {
			dest, path, anchor string
		}{
			{"/configuration/ugly-urls/", "configuration/ugly-urls.md", ""},
			{"/configuration/ugly-urls", "configuration/ugly-urls.md", ""},
			{"/methods/page/date/", "methods/page/Date.md", ""}, // case as GetPage
			{"/METHODS/Page/DATE", "methods/page/Date.md", ""},  // every name
			{"/configuration/all/#baseurl", "configuration/all.md", "baseurl"},
			{"/functions/", "functions/_index.md", ""}, // a section
			{"/functions/strings/trim.html", "functions/strings/Trim.md", ""},
			{"/functions/strings/Trim.md", "functions/strings/Trim.md", ""},
			{"/functions/strings/trim.md", "functions/strings/Trim.md", ""},
			{"../configuration/ugly-urls/", "configuration/ugly-urls.md", ""},
			{"../configuration/ugly-urls.md#x", "configuration/ugly-urls.md", "x"},
			{"commands/hugo_mod_npm_pack/", "commands/hugo_mod_npm_pack.md", ""}, // GetPage from the content root
			{"/configuration/nothing/", "", ""},
			{"../gone/", "", ""},
			{"/news/", "", ""},
			{"g", "", ""},             // the hook's glossary keyword
			{"/images/x.png", "", ""}, // not a page
			{"commands/nothing/", "", ""},
		} {
			got := r.Link(tc.dest)
			if tc.path == "" {
				if got.Kind != LinkInert {
					t.Errorf("site %v: Link(%q) = %+v, want inert", withSite, tc.dest, got)
				}
				continue
			}
			if got.Kind != LinkArticle || got.Path != en(tc.path) || got.Anchor != tc.anchor {
				t.Errorf("site %v: Link(%q) = %+v, want article %s #%s", withSite, tc.dest, got, tc.path, tc.anchor)
			}
		}
	}
}

// The page rule needs the GetPage hook only for relative paths found from
// the content root; ./ and ../ stay relative to the article, as in Hugo.
func TestResolverPageLinksWithoutHook(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{"hugo.toml", "content/docs/a.md", "content/docs/sub/b.md", "content/cmd/x.md", "content/sec/_index.md"} {
		p := filepath.Join(root, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("# x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := Resolver{Dir: filepath.Join(root, "content", "docs", "sub"), Root: root}
	for dest, want := range map[string]string{
		"/docs/a/":  "content/docs/a.md",
		"/Docs/A":   "content/docs/a.md",
		"/sec/":     "content/sec/_index.md",
		"../a/":     "content/docs/a.md",
		"b/":        "content/docs/sub/b.md",
		"a/":        "", // no such page under sub/
		"./b.md":    "content/docs/sub/b.md",
		"cmd/x/":    "", // from the content root only with a GetPage hook
		"/cmd/x":    "content/cmd/x.md",
		"/nothing/": "",
	} {
		got := r.Link(dest)
		if want == "" {
			if got.Kind != LinkInert {
				t.Errorf("Link(%q) = %+v, want inert", dest, got)
			}
		} else if got.Kind != LinkArticle || got.Path != filepath.Join(root, filepath.FromSlash(want)) {
			t.Errorf("Link(%q) = %+v, want %s", dest, got, want)
		}
	}
	// without a GetPage hook a .md link is taken as written: no other
	// letter case (check and the click agree)
	if got := r.Link("/Docs/A.md"); got.Kind != LinkArticle || got.Path != filepath.Join(root, "content", "Docs", "A.md") {
		t.Errorf("Link(/Docs/A.md) = %+v, want the path as written", got)
	}
	if checked, ok := r.Check("/Docs/A.md", false); !checked || ok {
		t.Errorf("Check(/Docs/A.md) = %v, %v; want checked and broken", checked, ok)
	}
	// a page URL is not checked without a GetPage hook: the site's routing decides
	if checked, _ := r.Check("/nothing/", false); checked {
		t.Error("Check(/nothing/) checked a page URL without a GetPage hook")
	}
}

// Check shares the page rule: with the hook, site-absolute page paths are
// checked, found in any case, and a truly dead one is reported.
func TestResolverCheckHugoPages(t *testing.T) {
	root, article := hugoSite(t)
	r := Resolver{Dir: filepath.Dir(article), Root: root, Site: LoadSite(root)}
	for _, c := range []struct {
		dest           string
		image          bool
		checked, found bool
	}{
		{"/configuration/ugly-urls/", false, true, true},
		{"/methods/page/date/", false, true, true},
		{"/functions/", false, true, true},
		{"/configuration/all/#baseurl", false, true, true},
		{"commands/hugo_mod_npm_pack/", false, true, true},
		{"../configuration/ugly-urls/", false, true, true},
		{"/functions/strings/trim.md", false, true, true}, // as the preview opens it
		{"/functions/strings/gone.md", false, true, false},
		{"/configuration/nothing/", false, true, false},
		{"../gone/", false, true, false},
		{"commands/nothing/", false, true, false},
		{"g", false, false, false},           // the hook's keyword
		{"g", true, true, false},             // not for an image
		{"/images/logo", true, false, false}, // an image page URL: not checked
		{"https://gohugo.io/", false, false, false},
	} {
		checked, found := r.Check(c.dest, c.image)
		if checked != c.checked || found != c.found {
			t.Errorf("Check(%q, image %v) = %v, %v; want %v, %v", c.dest, c.image, checked, found, c.checked, c.found)
		}
	}
}

func TestLoadSiteContentDirs(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []Mount
	}{
		{"default", map[string]string{"hugo.toml": "title = 'x'\n"}, []Mount{{Dir: "content"}}},
		{"contentDir", map[string]string{"config.yaml": "ContentDir: docs\n"}, []Mount{{Dir: "docs"}, {Dir: "content"}}},
		{"languages", map[string]string{"hugo.toml": "[languages.zh]\ncontentDir = 'content/zh'\n[languages.en]\ncontentDir = 'content/en'\n"},
			[]Mount{{Dir: "content/en"}, {Dir: "content/zh"}, {Dir: "content"}}},
		{"mount at a folder", map[string]string{"hugo.json": `{"module": {"mounts": [{"source": "docs", "target": "content/docs"}]}}`},
			[]Mount{{Dir: "docs", At: "docs"}, {Dir: "content"}}},
		{"config folder", map[string]string{"config/_default/hugo.toml": "title = 'x'\n", "config/_default/module.toml": "[[mounts]]\nsource = 'content/en'\ntarget = 'content'\n"},
			[]Mount{{Dir: "content/en"}, {Dir: "content"}}},
		{"unreadable", map[string]string{"hugo.toml": "this is = = not toml\n"}, []Mount{{Dir: "content"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			for f, body := range tc.files {
				p := filepath.Join(root, filepath.FromSlash(f))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			s := LoadSite(root)
			var want []Mount
			for _, m := range tc.want {
				want = append(want, Mount{Dir: filepath.Join(root, filepath.FromSlash(m.Dir)), At: m.At})
			}
			if !s.Hugo || !slices.Equal(s.Content, want) {
				t.Errorf("LoadSite: hugo %v, content %+v, want %+v", s.Hugo, s.Content, want)
			}
		})
	}
	if LoadSite("") != nil {
		t.Error("LoadSite(\"\") is not nil")
	}
}
