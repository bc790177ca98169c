//go:build !folio_cli

package main

import (
	"folio/preview/markdown"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportToStdout(t *testing.T) {
	fixtureDir(t, map[string]string{
		"post.md": "\ufeff---\ntitle: \"带 BOM 的文章\"\ntags: [AI趋势]\nfeatured: true\n---\n# 标题\n\n中文**粗体**中文 <script>x</script>\n\n![图](img/a.png)\n",
	})
	out, errs, code := runCLI("export", "post.md")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"<!DOCTYPE html>", "带 BOM 的文章", "AI趋势", "中文<strong>粗体</strong>中文", "&lt;script&gt;", `src="img/a.png"`} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(out, "<script>") {
		t.Error("raw HTML from the article must be escaped")
	}
	if strings.Contains(out, "title: ") {
		t.Error("the front matter leaked into the page body")
	}
}

func TestExportToFileRewritesImagePaths(t *testing.T) {
	dir := fixtureDir(t, map[string]string{"blog/post.md": "---\ntitle: T\n---\n![x](img/a.png)\n"})
	out := filepath.Join(dir, "site", "post.html")
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := runCLI("export", "blog/post.md", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `src="../blog/img/a.png"`) {
		t.Errorf("image path not rewritten for the page's folder:\n%s", page)
	}
}

func TestExportRefusesBadInputAndOverwritingTheArticle(t *testing.T) {
	fixtureDir(t, map[string]string{
		"bad.md":  "---\ntitle: \"unclosed\n---\nbody\n",
		"good.md": "---\ntitle: ok\n---\nbody\n",
	})
	_, errs, code := runCLI("export", "bad.md")
	if code != 1 || !strings.Contains(errs, "bad.md:2: YAML: unclosed quote") {
		t.Errorf("malformed: exit %d, stderr %q", code, errs)
	}
	before, _ := os.ReadFile("good.md")
	_, errs, code = runCLI("export", "good.md", "-o", "good.md")
	if code != 1 || !strings.Contains(errs, "refusing to overwrite") {
		t.Errorf("overwrite: exit %d, stderr %q", code, errs)
	}
	if after, _ := os.ReadFile("good.md"); string(after) != string(before) {
		t.Error("the article was changed")
	}
	if err := os.Symlink(".", "link"); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := runCLI("export", "good.md", "-o", "link/good.md"); code != 1 || !strings.Contains(errs, "refusing to overwrite") {
		t.Errorf("overwrite through a link: exit %d, stderr %q", code, errs)
	}
	if after, _ := os.ReadFile("good.md"); string(after) != string(before) {
		t.Error("the article was changed through a link")
	}
	if _, _, code := runCLI("export"); code != 2 {
		t.Errorf("no file: exit %d, want 2", code)
	}
}

// TestExportResolvesSiteRootImages: "/media/x.png" in a Hugo site is found
// as the preview finds it (static/, assets/, the content folder, the
// root) and linked from the page's folder like a relative image, in the
// body and as the cover; a path that names no file is left alone.
// QA: a copy of a docs repository (no .git, no site config: a zip or a
// git archive) left /media/x.png unresolved; the nearest folder up from
// the article that holds the file is the site root then.
func TestExportResolvesSiteRootImagesWithoutASiteMarker(t *testing.T) {
	dir := fixtureDir(t, map[string]string{
		"docs/media/one.png": "png",
		"docs/zh/a.md":       "# A\n\n![x](/media/one.png) ![y](/media/none.png)\n",
	})
	if markdown.FindSiteRoot(filepath.Join(dir, "docs", "zh"), "") != "" {
		t.Fatal("a folder above the test's temporary folder holds a site marker: the case cannot be set up")
	}
	stdout, errs, code := runCLI("export", "docs/zh/a.md")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, w := range []string{`src="../media/one.png" alt="x"`, `src="/media/none.png"`} {
		if !strings.Contains(stdout, w) {
			t.Errorf("page lacks %s:\n%s", w, stdout)
		}
	}
}

func TestExportResolvesSiteRootImages(t *testing.T) {
	dir := fixtureDir(t, map[string]string{
		"site/hugo.toml":             "title = 'x'\n",
		"site/static/media/图 1.png":  "png",
		"site/assets/logo.png":       "png",
		"site/content/posts/a.md":    "---\ntitle: T\ncover: /media/图 1.png\n---\n![x](/media/图%201.png) ![y](/logo.png) ![z](/missing.png) ![w](rel.png)\n<img src=\"/logo.png\" alt=\"raw\">\n",
		"site/content/posts/rel.png": "png",
		"out/.keep":                  "",
	})
	for _, tc := range []struct {
		name, out string
		want      []string
	}{
		{"to a file elsewhere", filepath.Join(dir, "out", "a.html"), []string{
			`src="../site/static/media/%E5%9B%BE%201.png" alt="x"`, `src="../site/assets/logo.png" alt="y"`,
			`src="/missing.png"`, `src="../site/content/posts/rel.png"`, `class="cover" src="../site/static/media/%E5%9B%BE%201.png"`,
			`<img src="../site/assets/logo.png" alt="raw">`}},
		{"to stdout", "", []string{
			`src="../../static/media/%E5%9B%BE%201.png" alt="x"`, `src="../../assets/logo.png" alt="y"`, `src="/missing.png"`, `src="rel.png"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"export", "site/content/posts/a.md"}
			if tc.out != "" {
				args = append(args, "-o", tc.out)
			}
			stdout, errs, code := runCLI(args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			page := stdout
			if tc.out != "" {
				b, err := os.ReadFile(tc.out)
				if err != nil {
					t.Fatal(err)
				}
				page = string(b)
			}
			for _, w := range tc.want {
				if !strings.Contains(page, w) {
					t.Errorf("page lacks %s", w)
				}
			}
			if t.Failed() {
				for _, l := range strings.Split(page, "\n") {
					if strings.Contains(l, "<img") {
						t.Log(l)
					}
				}
			}
		})
	}
}

// QA: -o into a folder that does not exist named Folio's temporary file.
func TestExportIntoAMissingFolderNamesIt(t *testing.T) {
	dir := fixtureDir(t, map[string]string{"a.md": "# A\n"})
	out := filepath.Join(dir, "nope", "a.html")
	_, errs, code := runCLI("export", "a.md", "-o", out)
	if code == 0 || !strings.Contains(errs, "the folder "+filepath.Join(dir, "nope")+" does not exist") || strings.Contains(errs, ".folio-tmp") {
		t.Errorf("exit %d, %q", code, errs)
	}
}
