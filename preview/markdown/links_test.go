package markdown

import (
	"os"
	"path/filepath"
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
