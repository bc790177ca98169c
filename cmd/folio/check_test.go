//go:build !folio_cli

package main

import (
	"context"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"folio/app/library"
	"folio/preview/markdown"
)

func TestCheck(t *testing.T) {
	fixtureDir(t, folderFixtures())
	out, errOut, code := runCLI("check", ".")
	want := lines(
		`bad.md:3: error: YAML: unclosed quote`,
		`binary.md:1: warning: binary file (a NUL byte on this line), not checked`,
		`bom.md:1: warning: missing key "tags" (present in 5 of 6 articles)`,
		`bom.md:1: warning: missing key "date" (present in 4 of 6 articles)`,
		`noend.md:1: error: front matter opened with "---" is never closed`,
		`none.md:1: warning: no front matter fields; most articles have title, tags, date`,
		`sub/post.md:3: error: invalid date "2024-13-45": month out of range`,
		`sub/post.md:4: warning: expected list (as in 4 of 5 articles), found number`,
		`sub/post.md:6: error: broken link: ../gone.md not found`,
		`sub/post.md:6: error: broken image: img/x.png not found`,
		`yaml.md:1: warning: missing key "date" (present in 4 of 6 articles)`,
	)
	if out != want || code != 1 {
		t.Errorf("folio check .:\n%s\nwant\n%s\nexit %d, want 1", out, want, code)
	}
	if want := "folio check: 10 articles, 5 errors, 6 warnings\n"; errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
}

// TestCheckReportsANULByteAnywhere: a NUL byte far past the first 8 KB
// still makes the file binary, reported on the line where it is.
func TestCheckReportsANULByteAnywhere(t *testing.T) {
	text := "---\ntitle: Late\n---\n" + strings.Repeat("text line\n", 2000) + "a\x00b\n"
	fixtureDir(t, map[string]string{"late.md": text})
	out, _, code := runCLI("check", ".")
	if want := "late.md:2004: warning: binary file (a NUL byte on this line), not checked\n"; out != want || code != 0 {
		t.Errorf("stdout %q exit %d, want %q exit 0", out, code, want)
	}
}

func TestCheckNamesFilesUnderDir(t *testing.T) {
	fixtureDir(t, map[string]string{"site/content/a.md": "---\ntitle: a\n---\n[x](nope.md)\n"})
	out, errOut, code := runCLI("check", "site/content")
	if want := "site/content/a.md:4: error: broken link: nope.md not found\n"; out != want || code != 1 {
		t.Errorf("stdout %q exit %d, want %q exit 1", out, code, want)
	}
	if want := "folio check: 1 article, 1 error, 0 warnings\n"; errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
}

func TestCheckClean(t *testing.T) {
	fixtureDir(t, map[string]string{
		"a.md":              "---\ntitle: A\ndate: 2024-01-01\n---\n[b](b.md) ![p](img/p.png)\n",
		"b.md":              "---\ntitle: B\ndate: 2024-01-02\n---\n[a](./a.md#top)\n",
		"img/p.png":         "png",
		"c.md":              "+++\ntitle = \"C\"\ndate = 2024-01-03\n+++\n",
		"warn/d.md":         "---\ntitle: D\n---\n", // missing date: a warning
		"node_modules/x.md": "[broken](nothing.md)\n",
	})
	out, errOut, code := runCLI("check", ".")
	if want := "warn/d.md:1: warning: missing key \"date\" (present in 3 of 4 articles)\n"; out != want || code != 0 {
		t.Errorf("stdout %q exit %d, want %q exit 0", out, code, want)
	}
	if want := "folio check: 4 articles, 0 errors, 1 warning\n"; errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
}

func TestCheckUsage(t *testing.T) {
	fixtureDir(t, nil)
	for _, args := range [][]string{{"check"}, {"check", "a", "b"}, {"check", "--json"}} {
		if _, errOut, code := runCLI(args...); code != 2 || errOut != "usage: folio check DIR\n" {
			t.Errorf("folio %q: exit %d stderr %q", args, code, errOut)
		}
	}
	if _, errOut, code := runCLI("check", "missing"); code != 1 || errOut == "" {
		t.Errorf("folio check missing: exit %d stderr %q", code, errOut)
	}
}

// TestLinks checks which link destinations are reported as broken, and on
// which line.
func TestLinks(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"posts/a.md":              "",
		"posts/img/p.png":         "",
		"posts/img/中文 图.png":      "",
		"posts/folder/index.md":   "",
		"posts/section/_index.md": "",
		"posts/page.md":           "",
		"posts/sub/deep.md":       "",
		"top.md":                  "",
	})
	posts := filepath.Join(dir, "posts")
	tests := []struct {
		body string
		want []string // broken destinations, as "line: message"
	}{
		{"[a](a.md) [a](./a.md) [top](../top.md) [deep](sub/deep.md)", nil},
		{"![p](img/p.png) ![p](<img/p.png> \"title\") ![p](img/p.png?v=2) [a](a.md#section)", nil},
		{"![c](img/%E4%B8%AD%E6%96%87%20%E5%9B%BE.png) ![c](<img/中文 图.png>)", nil},
		{"[w](https://example.com/x.md) [m](mailto:a@b.c) [h](http://x) [#](#anchor) [t](tel:1) ![d](data:image/png;base64,AA==)", nil},
		{"[abs](/images/x.png) [proto](//cdn.example.com/x.png) [tpl]({{< ref \"x.md\" >}})", nil},
		{"[folder](folder/) [folder](folder) [section](section/) [page](page) [html](page.html)", nil},
		{"`[code](nope.md)`\n\n```\n![code](nope.png)\n```\n\n    [indented](nope2.md)", nil},
		{"[x](nope.md)", []string{"1: broken link: nope.md not found"}},
		{"text\n\n![x](img/none.png \"t\")", []string{"3: broken image: img/none.png not found"}},
		{"[ref][r]\n\n[r]: missing/ref.md", []string{"1: broken link: missing/ref.md not found"}},
		{"line\n<img src=\"gone.png\" alt=x>\n\n<p>\n<a href='gone.html'>x</a>\n</p>", []string{
			"2: broken image: gone.png not found", "5: broken link: gone.html not found"}},
		{"a\nb [x](../nope.md#frag) c\n![y](img/p.jpg)", []string{
			"2: broken link: ../nope.md#frag not found", "3: broken image: img/p.jpg not found"}},
		{"[img as link](img/none.png)", []string{"1: broken link: img/none.png not found"}},
	}
	for _, tt := range tests {
		var got []string
		for _, l := range bodyLinks([]byte(tt.body), 1) {
			if msg := brokenLink(markdown.Resolver{Dir: posts}, l); msg != "" {
				got = append(got, strconv.Itoa(l.line)+": "+msg)
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q:\n got %q\nwant %q", tt.body, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%q:\n got %q\nwant %q", tt.body, got, tt.want)
				break
			}
		}
	}
}

// TestLinkLines checks that link lines count from the start of the file:
// after YAML, TOML and JSON front matter, with CRLF and a BOM.
func TestLinkLines(t *testing.T) {
	for name, content := range map[string]string{
		"yaml.md": "---\ntitle: a\n---\n\n[x](nope.md)\n",
		"toml.md": "+++\ntitle = \"a\"\n+++\n\n[x](nope.md)\n",
		"json.md": "{\n\"title\": \"a\"\n}\n\n[x](nope.md)\n",
		"crlf.md": "\ufeff---\r\ntitle: a\r\n---\r\n\r\n[x](nope.md)\r\n",
		"none.md": "# t\n\n\n\n[x](nope.md)\n",
	} {
		fixtureDir(t, map[string]string{name: content})
		out, _, _ := runCLI("check", ".")
		if want := name + ":5: error: broken link: nope.md not found\n"; out != want {
			t.Errorf("%s: %q, want %q", name, out, want)
		}
	}
}

// TestCheckSiteAbsolutePaths: a leading "/" resolves against the site
// root (Hugo's static/ and content/, or the checked folder), with the same
// resolver as the preview; before, such paths were never checked.
func TestCheckSiteAbsolutePaths(t *testing.T) {
	fixtureDir(t, map[string]string{
		"site/hugo.toml":          "",
		"site/static/media/x.png": "png",
		"site/content/ticdc/a.md": "---\ntitle: a\n---\nA\n",
		"site/content/posts/p.md": "---\ntitle: p\n---\n![](/media/x.png) [a](/ticdc/a.md) [page](/docs/intro/)\n\n![](/media/gone.png)\n\n[b](/ticdc/gone.md)\n",
		"docs/x/readme.md":        "# r\n\n![](/img/logo.png) ![](/img/none.png)\n",
		"docs/img/logo.png":       "png",
	})
	out, _, code := runCLI("check", "site")
	want := lines(
		`site/content/posts/p.md:6: error: broken image: /media/gone.png not found`,
		`site/content/posts/p.md:8: error: broken link: /ticdc/gone.md not found`,
	)
	if out != want || code != 1 {
		t.Errorf("folio check site:\n%s\nwant\n%s", out, want)
	}
	// no site config: the checked folder is the root
	out, _, _ = runCLI("check", "docs")
	if want := "docs/x/readme.md:3: error: broken image: /img/none.png not found\n"; out != want {
		t.Errorf("folio check docs:\n%s\nwant\n%s", out, want)
	}
}

// TestCheckAgreesWithTheErrorsChip: the articles `folio check` reports an
// error in (links aside) are exactly those the list's "Has errors" chip
// shows (library.Summary.HasErrors with the index's schema): invalid
// dates, a date key holding no date (by name, or by the folder's schema;
// lastmod, in one article only, is typed text by it and not checked),
// nested dates, parse errors.
func TestCheckAgreesWithTheErrorsChip(t *testing.T) {
	dir := fixtureDir(t, map[string]string{
		"ok.md":        "---\ntitle: 好\ndate: 2024-01-10\ndue: 2024-02-01\n---\n正文\n",
		"ok2.md":       "---\ntitle: 也好\ndate: 2024-01-11\ndue: 2024-03-01\n---\n正文\n",
		"ok3.md":       "---\ntitle: 还好\ndate: 2024-01-12\ndue: 2024-04-01\n---\n正文\n",
		"baddate.md":   "---\ntitle: 坏日期\ndate: 2024-02-30\ndue: 2024-02-01\n---\n正文\n",
		"notadate.md":  "---\ntitle: 不是日期\ndate: 昨天\ndue: 2024-02-01\n---\n正文\n",
		"byschema.md":  "---\ntitle: 按模式\ndate: 2024-01-10\ndue: 下周\n---\n正文\n",
		"lastmod.md":   "---\ntitle: 改过\ndate: 2024-01-10\nlastmod: yesterday\n---\n正文\n",
		"nested.md":    "---\ntitle: 嵌套\ndate: 2024-01-10\nevents:\n  - when: 2024-13-01\n---\n正文\n",
		"unclosed.md":  "---\ntitle: \"unclosed\n---\n正文\n",
		"blankdate.md": "---\ntitle: 空\ndate: \"\"\n---\n正文\n",
	})
	out, _, _ := runCLI("check", ".")
	fromCheck := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.Contains(l, ": error: ") && !strings.Contains(l, "broken ") {
			fromCheck[strings.SplitN(l, ":", 2)[0]] = true
		}
	}
	ix := library.NewIndex(dir)
	if err := ix.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	schema := ix.Schema()
	fromChip := map[string]bool{}
	for _, s := range ix.Summaries() {
		if s.HasErrors(schema) {
			fromChip[s.Path] = true
		}
	}
	want := []string{"baddate.md", "byschema.md", "nested.md", "notadate.md", "unclosed.md"}
	if got := slices.Sorted(maps.Keys(fromCheck)); !slices.Equal(got, want) {
		t.Fatalf("folio check finds errors in %q, want %q\n%s", got, want, out)
	}
	if got := slices.Sorted(maps.Keys(fromChip)); !slices.Equal(got, want) {
		t.Errorf("the chip shows %q, folio check %q", got, want)
	}
}

// TestCheckFollowsHugosLinkRenderHook: Hugo's docs link glossary terms as
// [term](g), which their link render hook turns into a glossary link; such
// a keyword is not a broken link where the site's hook names it, and is
// where it does not (the rule stays narrow: other words, paths, images).
func TestCheckFollowsHugosLinkRenderHook(t *testing.T) {
	hook := "{{- $u := urls.Parse .Destination }}\n{{- if eq $u.String \"g\" }}\n  {{- /* a glossary term */}}\n{{- end }}\n"
	article := "---\ntitle: 术语\n---\nA [page resource](g) and a [section](h) and [a file](g.md) and ![pic](g).\n"
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"with the hook", map[string]string{
			"hugo.toml": "title = 'docs'\n", "layouts/_markup/render-link.html": hook, "content/a.md": article,
		}, "content/a.md:4: error: broken link: h not found|content/a.md:4: error: broken link: g.md not found|content/a.md:4: error: broken image: g not found"},
		{"with the older hook folder", map[string]string{
			"hugo.toml": "title = 'docs'\n", "layouts/_default/_markup/render-link.html": hook, "content/a.md": article,
		}, "content/a.md:4: error: broken link: h not found|content/a.md:4: error: broken link: g.md not found|content/a.md:4: error: broken image: g not found"},
		{"without it", map[string]string{"hugo.toml": "title = 'docs'\n", "content/a.md": article},
			"content/a.md:4: error: broken link: g not found|content/a.md:4: error: broken link: h not found|content/a.md:4: error: broken link: g.md not found|content/a.md:4: error: broken image: g not found"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fixtureDir(t, tc.files)
			out, _, _ := runCLI("check", ".")
			var got []string
			for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
				if strings.Contains(l, "broken") {
					got = append(got, filepath.ToSlash(l))
				}
			}
			if g := strings.Join(got, "|"); g != tc.want {
				t.Errorf("folio check:\n%s\nwant\n%s", strings.ReplaceAll(g, "|", "\n"), strings.ReplaceAll(tc.want, "|", "\n"))
			}
		})
	}
}

// QA: Hugo's docs link pages by their path from the content root
// ([hugo mod npm pack](commands/hugo_mod_npm_pack/)); the site's link render
// hook finds them with GetPage. With such a hook they are not broken;
// without it, or when no folder up to the site root holds them, they are.
func TestCheckFollowsAGetPageRenderHook(t *testing.T) {
	hook := "{{- with $p := or ($.PageInner.GetPage .) ($.PageInner.GetPage (strings.TrimRight \"/\" .)) }}{{ end }}\n"
	article := "---\ntitle: t\n---\n[cmd](commands/npm_pack/) and [gone](commands/nothing/) and ![pic](commands/npm_pack.png)\n\n[date](methods/page/date/#x)\n"
	files := map[string]string{
		"hugo.toml": "title = 'docs'\n", "content/en/commands/npm_pack.md": "# x\n", "content/en/guide/deep/a.md": article,
		"content/en/methods/page/Date.md": "# Date\n",
	}
	for _, tc := range []struct {
		name string
		hook bool
		want string
	}{
		{"with a GetPage hook", true, "broken link: commands/nothing/ not found|broken image: commands/npm_pack.png not found"},
		{"without it", false, "broken link: commands/npm_pack/ not found|broken link: commands/nothing/ not found|broken image: commands/npm_pack.png not found|broken link: methods/page/date/#x not found"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := maps.Clone(files)
			if tc.hook {
				fs["layouts/_markup/render-link.html"] = hook
			}
			fixtureDir(t, fs)
			out, _, _ := runCLI("check", ".")
			var got []string
			for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
				if i := strings.Index(l, "broken"); i >= 0 {
					got = append(got, l[i:])
				}
			}
			if g := strings.Join(got, "|"); g != tc.want {
				t.Errorf("folio check:\n%s\nwant\n%s", strings.ReplaceAll(g, "|", "\n"), strings.ReplaceAll(tc.want, "|", "\n"))
			}
		})
	}
}

// QA F36: `folio check` resolves Hugo page links with the preview's
// resolver (markdown.Resolver). On a small copy of hugoDocs' layout
// (preview/markdown/testdata/hugosite: content in content/en mounted at the
// content root, a GetPage link render hook) the page paths that Hugo finds
// are not reported, in any letter case, and the dead ones are, site-absolute
// ones included (the hook's GetPage would not find them either).
func TestCheckHugoPageLinks(t *testing.T) {
	site, err := filepath.Abs(filepath.Join("..", "..", "preview", "markdown", "testdata", "hugosite"))
	if err != nil {
		t.Fatal(err)
	}
	for _, arg := range []string{site, filepath.Join(site, "content")} { // also when only content/ is checked
		out, _, code := runCLI("check", arg)
		var got []string
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			if i := strings.Index(l, "broken"); i >= 0 {
				got = append(got, filepath.Base(strings.SplitN(l, ":", 2)[0])+": "+l[i:])
			}
		}
		want := "urls.md: broken link: /configuration/nothing/ not found|urls.md: broken link: ../gone/ not found|urls.md: broken link: /news/ not found"
		if g := strings.Join(got, "|"); g != want || code != 1 {
			t.Errorf("folio check %s (exit %d):\n%s\nwant\n%s", arg, code, strings.ReplaceAll(g, "|", "\n"), strings.ReplaceAll(want, "|", "\n"))
		}
	}
}
