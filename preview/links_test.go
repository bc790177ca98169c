package preview

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"folio/preview/markdown"
)

// tapLink taps the first piece of text that links to dest in the blocks on
// screen; it fails the test when there is none.
func tapLink(t *testing.T, p *Preview, dest string) {
	t.Helper()
	for _, o := range p.content.objs {
		for _, f := range findType[*textFlow](o) {
			f.layout(f.Size().Width)
			for _, l := range f.lines {
				for _, pc := range l.pieces {
					if f.runs[pc.run].link == dest {
						test.TapAt(f, fyne.NewPos(pc.x+pc.w/2, l.y+l.h/2))
						return
					}
				}
			}
		}
	}
	t.Fatalf("no link to %q on screen", dest)
}

// QA F36: in a Hugo site (testdata/hugosite, a small copy of hugoDocs'
// layout) a tapped page link opens the article Hugo's GetPage finds, with
// its fragment; one that leads nowhere says so through OnInertLink.
func TestTapHugoPageLinkOpensArticle(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("markdown", "testdata", "hugosite"))
	if err != nil {
		t.Fatal(err)
	}
	article := filepath.Join(root, "content", "en", "content-management", "urls.md")
	src, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	en := func(p string) string { return filepath.Join(root, "content", "en", filepath.FromSlash(p)) }
	for _, setRoot := range []bool{false, true} { // found from the article's folder, or set by the app
		p := showPreview(t)
		if setRoot {
			p.SetSiteRoot(root)
		}
		var opened, anchor, inert string
		var why InertReason
		p.OnOpenArticleAt = func(path, a string) { opened, anchor = path, a }
		p.OnInertLink = func(dest string, w InertReason) { inert, why = dest, w }
		body := src[len("---\ntitle: URL management\ndescription: Control the structure and appearance of URLs.\n---\n"):]
		p.updateNow(body, Meta{}, filepath.Dir(article), 5)
		for _, tc := range []struct {
			dest, path, anchor string
			why                InertReason
		}{
			{"/configuration/ugly-urls/", "configuration/ugly-urls.md", "", 0},
			{"/methods/page/date/", "methods/page/Date.md", "", 0}, // a reference definition, another letter case
			{"/configuration/all/#baseurl", "configuration/all.md", "baseurl", 0},
			{"/functions/", "functions/_index.md", "", 0},
			{"../configuration/ugly-urls/", "configuration/ugly-urls.md", "", 0},
			{"commands/hugo_mod_npm_pack/", "commands/hugo_mod_npm_pack.md", "", 0},
			{"/configuration/nothing/", "", "", InertMissing},
			{"../gone/", "", "", InertMissing},
			{"g", "", "", InertHook},
		} {
			opened, anchor, inert, why = "", "", "", -1
			tapLink(t, p, tc.dest)
			if tc.path == "" {
				if opened != "" || inert != tc.dest || why != tc.why {
					t.Errorf("root set %v: tap %q opened %q, said %q (%v); want it said to be inert (%v)", setRoot, tc.dest, opened, inert, why, tc.why)
				}
				continue
			}
			if opened != en(tc.path) || anchor != tc.anchor || inert != "" {
				t.Errorf("root set %v: tap %q opened %q #%q (inert %q), want %s #%s", setRoot, tc.dest, opened, anchor, inert, tc.path, tc.anchor)
			}
		}
	}
}

// The preview's click and `folio check` read the same site: a page path
// the resolver finds is what the preview opens.
func TestClassifyLinkUsesTheSiteResolver(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("markdown", "testdata", "hugosite"))
	if err != nil {
		t.Fatal(err)
	}
	r := markdown.Resolver{Dir: filepath.Join(root, "content", "en", "content-management"), Root: root}
	kind, target := classifyLink("/methods/page/date/", r)
	if want := filepath.Join(root, "content", "en", "methods", "page", "Date.md"); kind != linkArticle || target != want {
		t.Errorf("classifyLink = %v %q, want article %q", kind, target, want)
	}
}

// A #fragment with no heading in the article is handed to the app
// (InertNoHeading) instead of doing nothing.
func TestTapAnchorWithoutHeadingTellsTheApp(t *testing.T) {
	p := showPreview(t)
	var inert string
	var why InertReason = -1
	p.OnInertLink = func(dest string, w InertReason) { inert, why = dest, w }
	p.updateNow([]byte("[to a](#a) [to nothing](#nothing)\n\n## A\n"), Meta{}, "", 1)
	tapLink(t, p, "#a")
	if inert != "" {
		t.Errorf("a link to an existing heading was called inert: %q", inert)
	}
	tapLink(t, p, "#nothing")
	if inert != "#nothing" || why != InertNoHeading {
		t.Errorf("OnInertLink(%q, %v), want #nothing, InertNoHeading", inert, why)
	}
}
