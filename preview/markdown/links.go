package markdown

import (
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// LinkKind is what following a link does.
type LinkKind int

// The kinds of link.
const (
	LinkInert    LinkKind = iota // unknown schemes, template code, files that are not articles: nothing
	LinkBrowser                  // http, https, mailto: the system browser or mail app
	LinkArticle                  // a Markdown file (relative or site-absolute): open it in Folio
	LinkFootnote                 // #fn:N: the footnotes
	LinkAnchor                   // #id: a heading of this article
)

// Resolver resolves the link and image destinations of one article: one
// set of rules for the preview, `folio check` and `folio export`.
//
// A relative destination resolves against Dir, the article's folder. A
// site-absolute one ("/media/x.png", "/ticdc/a.md") resolves against Root,
// the site: for images and files Hugo's static/ and assets/ folders, the
// content folders, and the root itself, in that order; for articles the
// content folders and the root. With no Root, site-absolute paths resolve
// to nothing.
//
// A page link names an article by its page path rather than its file:
// "/configuration/ugly-urls/" is content/configuration/ugly-urls.md (or
// …/ugly-urls/index.md, or the section's …/_index.md), "x.html" is x.md.
// As Hugo's GetPage does, a site-absolute page path is looked up in each
// content folder in any letter case ("/methods/page/date/" finds
// methods/page/Date.md). When the site's link render hook uses GetPage, a
// relative page path not found from Dir is also looked up from each folder
// above it up to the site root (Hugo's docs write "commands/hugo_mod/").
type Resolver struct {
	Dir  string // the article's folder
	Root string // the site root (see FindSiteRoot), or ""
	// Site is what the site's config and link render hook say (LoadSite);
	// when nil, it is read from Root on each call.
	Site *Site
}

// Target is where a link leads.
type Target struct {
	Kind   LinkKind
	URL    string // LinkBrowser: the URL
	Path   string // LinkArticle: the file (it may not exist)
	Anchor string // LinkAnchor (and LinkArticle with a fragment): the fragment, unescaped
	// LinkInert only: Hook is set for a keyword the site's link render
	// hook gives its meaning ([term](g)), Missing for a page path that no
	// article of the site answers (/configuration/nothing/).
	Hook, Missing bool
}

var schemeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)

// site is r.Site, or the site at Root read now.
func (r Resolver) site() *Site {
	if r.Site != nil {
		return r.Site
	}
	return LoadSite(r.Root)
}

// Link classifies a link destination. A link to a Markdown file leads to
// it even when it does not exist (opening it says so); a page link leads
// to an article only when one is found.
func (r Resolver) Link(dest string) Target {
	dest = strings.TrimSpace(dest)
	if strings.HasPrefix(dest, "#fn:") {
		return Target{Kind: LinkFootnote, Anchor: dest[1:]}
	}
	if strings.HasPrefix(dest, "#") {
		a, err := url.PathUnescape(dest[1:])
		if err != nil {
			a = dest[1:]
		}
		return Target{Kind: LinkAnchor, Anchor: a}
	}
	u, err := url.Parse(dest)
	if err != nil {
		return Target{}
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return Target{}
		}
		return Target{Kind: LinkBrowser, URL: u.String()}
	case "mailto":
		return Target{Kind: LinkBrowser, URL: u.String()}
	case "":
		if u.Host != "" || u.Path == "" || strings.Contains(dest, "{{") {
			return Target{}
		}
		site := r.site()
		if site.HookKeyword(dest) {
			return Target{Hook: true} // the render hook's, not a path
		}
		switch strings.ToLower(path.Ext(u.Path)) {
		case ".md", ".markdown":
			p := r.local(u.Path, false)
			if p == "" {
				return Target{}
			}
			if !exists(p) && site.GetPage() {
				// as the site's render hook finds it: any letter case,
				// from the content root
				if f := r.page(u.Path, site); f != "" {
					p = f
				}
			}
			return Target{Kind: LinkArticle, Path: p, Anchor: u.Fragment}
		}
		if f := r.page(u.Path, site); f != "" {
			return Target{Kind: LinkArticle, Path: f, Anchor: u.Fragment}
		}
		switch strings.ToLower(path.Ext(strings.TrimSuffix(u.Path, "/"))) {
		case "", ".html", ".htm":
			if !strings.HasPrefix(u.Path, "/") || r.Root != "" {
				return Target{Missing: true}
			}
		}
	}
	return Target{}
}

// Image is the local file an image destination names, "" for remote,
// data: and unresolvable ones. The file may not exist.
func (r Resolver) Image(dest string) string {
	dest = strings.TrimSpace(dest)
	if dest == "" || strings.HasPrefix(dest, "//") || schemeRE.MatchString(dest) || strings.Contains(dest, "{{") {
		return ""
	}
	p := dest
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	return r.local(p, true)
}

// local resolves a slash-separated path: relative to Dir, or with a leading
// "/" to the first existing candidate under Root; when none exists, the
// first one whose folder exists (docs-cn has no content/ folder: its
// "/gone.md" is looked for at the root), else the first.
func (r Resolver) local(p string, asset bool) string {
	if p == "" {
		return ""
	}
	if !strings.HasPrefix(p, "/") {
		if filepath.IsAbs(filepath.FromSlash(p)) { // C:/… on Windows
			return filepath.Clean(filepath.FromSlash(p))
		}
		return filepath.Join(r.Dir, filepath.FromSlash(p))
	}
	if r.Root == "" {
		return ""
	}
	cands := r.candidates(p, asset, r.site())
	for _, c := range cands {
		if exists(c) {
			return c
		}
	}
	for _, c := range cands {
		if exists(filepath.Dir(c)) {
			return c
		}
	}
	return cands[0]
}

// candidates are the files a site-absolute path may name, in the order
// they are tried: for assets static/ and assets/ first, then the content
// folders (the one holding the article first), then the root.
func (r Resolver) candidates(p string, asset bool, site *Site) []string {
	rel := strings.TrimPrefix(path.Clean(p), "/")
	var out []string
	if asset {
		out = append(out,
			filepath.Join(r.Root, "static", filepath.FromSlash(rel)),
			filepath.Join(r.Root, "assets", filepath.FromSlash(rel)))
	}
	for _, m := range r.mounts(site) {
		if sub, ok := under(rel, m.At); ok {
			out = append(out, filepath.Join(m.Dir, filepath.FromSlash(sub)))
		}
	}
	return append(out, filepath.Join(r.Root, filepath.FromSlash(rel)))
}

// mounts are the site's content folders, the one holding the article
// first (a multilingual site's own language), then Root/content.
func (r Resolver) mounts(site *Site) []Mount {
	var ms []Mount
	if site != nil {
		ms = slices.Clone(site.Content)
	}
	if r.Root != "" {
		if c := (Mount{Dir: filepath.Join(r.Root, "content")}); !slices.Contains(ms, c) {
			ms = append(ms, c)
		}
	}
	slices.SortStableFunc(ms, func(a, b Mount) int {
		ia, ib := within(r.Dir, a.Dir), within(r.Dir, b.Dir)
		switch {
		case ia && !ib:
			return -1
		case ib && !ia:
			return 1
		}
		return 0
	})
	return ms
}

// under is rel (a slash path without a leading "/") inside the mount point
// at, and whether it is inside it.
func under(rel, at string) (string, bool) {
	if at == "" {
		return rel, true
	}
	if strings.EqualFold(rel, at) {
		return "", true
	}
	if len(rel) > len(at) && rel[len(at)] == '/' && strings.EqualFold(rel[:len(at)], at) {
		return rel[len(at)+1:], true
	}
	return "", false
}

// within reports whether dir is folder or inside it.
func within(dir, folder string) bool {
	if d, err := filepath.Abs(dir); err == nil {
		dir = d
	}
	if f, err := filepath.Abs(folder); err == nil {
		folder = f
	}
	rel, err := filepath.Rel(folder, dir)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// page is the article a page path names (slash-separated, unescaped, no
// query or fragment), "" when none is found: see Resolver. A path naming
// a file of another kind (.png, .pdf) is no page.
func (r Resolver) page(p string, site *Site) string {
	ext := strings.ToLower(path.Ext(p))
	if strings.HasSuffix(p, "/") {
		ext = ""
	}
	switch ext {
	case "", ".md", ".markdown", ".html", ".htm":
	default:
		return ""
	}
	if strings.HasPrefix(p, "/") {
		if r.Root == "" {
			return ""
		}
		rel := strings.TrimPrefix(path.Clean(p), "/")
		for _, m := range r.mounts(site) {
			if sub, ok := under(rel, m.At); ok {
				if f := pageFile(m.Dir, sub, true); f != "" {
					return f
				}
			}
		}
		return ""
	}
	if filepath.IsAbs(filepath.FromSlash(p)) {
		return ""
	}
	if f := pageFile(r.Dir, p, false); f != "" {
		return f
	}
	if !site.GetPage() || strings.HasPrefix(p, ".") {
		return "" // ./ and ../ are relative to the page only, in Hugo too
	}
	// Hugo's GetPage falls back to the content root: tried from each
	// folder above the article's up to the site root.
	root, dir := site.Root, r.Dir
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	for d := filepath.Dir(dir); within(d, root); d = filepath.Dir(d) {
		if f := pageFile(d, p, true); f != "" {
			return f
		}
		if d == root || filepath.Dir(d) == d {
			break
		}
	}
	return ""
}

// pageFile is the article the page path p names under dir: the file
// itself, or for a path without an extension (or ending in "/") p.md,
// p/index.md or p/_index.md, or for x.html x.md; "" when none exists.
// With fold, names match in any letter case.
func pageFile(dir, p string, fold bool) string {
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	ext := strings.ToLower(path.Ext(p))
	if strings.HasSuffix(p, "/") {
		ext = ""
	}
	rel := strings.TrimPrefix(path.Clean(p), "/")
	if rel == "." {
		rel = ""
	}
	var names []string // slash paths under dir, in order
	switch ext {
	case "":
		if rel == "" {
			names = []string{"_index.md", "index.md"}
		} else {
			names = []string{rel + ".md", rel + "/index.md", rel + "/_index.md"}
		}
	case ".html", ".htm":
		names = []string{rel, strings.TrimSuffix(rel, path.Ext(rel)) + ".md"}
	default:
		names = []string{rel}
	}
	for _, n := range names {
		f := filepath.Join(dir, filepath.FromSlash(n))
		if !fold {
			if isFile(f) {
				return f
			}
			continue
		}
		if f := foldPath(dir, n); f != "" {
			return f
		}
	}
	return ""
}

// foldPath is the file the slash path p names under dir, each name
// matched as spelt when it exists and else in any letter case (as Hugo's
// GetPage matches: methods/page/date.md is methods/page/Date.md); "" when
// there is none.
func foldPath(dir, p string) string {
	if f := filepath.Join(dir, filepath.FromSlash(p)); isFile(f) {
		return f
	}
	parts := strings.Split(p, "/")
	for i, name := range parts {
		next := filepath.Join(dir, name)
		if _, err := os.Stat(next); err != nil {
			entries, err := os.ReadDir(dir)
			if err != nil {
				return ""
			}
			next = ""
			for _, e := range entries {
				if strings.EqualFold(e.Name(), name) && (i == len(parts)-1) != e.IsDir() {
					next = filepath.Join(dir, e.Name())
					break
				}
			}
			if next == "" {
				return ""
			}
		}
		dir = next
	}
	if !isFile(dir) {
		return ""
	}
	return dir
}

func isFile(name string) bool {
	info, err := os.Stat(name)
	return err == nil && info.Mode().IsRegular()
}

// Check reports whether a link or image destination that names a local
// file leads to one. checked is false for what cannot be checked (URLs,
// anchors, template code, a keyword of the site's link render hook, and
// site-absolute page URLs without a root or an extension unless the
// site's render hook looks them up with GetPage); ok then means nothing.
// Site generators link to articles by their page URL, so a link that
// names an article without its extension, as a folder, or as .html is
// accepted (the page rule of Resolver).
func (r Resolver) Check(dest string, image bool) (checked, ok bool) {
	dest = strings.TrimSpace(dest)
	if dest == "" || dest[0] == '#' || strings.HasPrefix(dest, "//") || schemeRE.MatchString(dest) || strings.Contains(dest, "{{") {
		return false, false
	}
	site := r.site()
	if !image && site.HookKeyword(dest) {
		return false, false // the render hook gives it its meaning ([term](g))
	}
	p := dest
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	if p == "" {
		return false, false
	}
	abs := strings.HasPrefix(p, "/")
	if abs && (r.Root == "" || path.Ext(p) == "" || path.Ext(p) == ".html" || path.Ext(p) == ".htm") {
		if image || r.Root == "" || !site.GetPage() {
			return false, false // a page URL: the site's routing decides
		}
		return true, r.page(p, site) != ""
	}
	var cands []string
	if abs {
		cands = r.candidates(p, true, site)
	} else {
		cands = []string{filepath.Join(r.Dir, filepath.FromSlash(p))}
	}
	for _, target := range cands {
		if exists(target) {
			return true, true
		}
		if image {
			continue
		}
		base := strings.TrimSuffix(target, string(filepath.Separator))
		switch ext := path.Ext(p); ext {
		case "", "/":
			if exists(base+".md") || exists(filepath.Join(base, "index.md")) || exists(filepath.Join(base, "_index.md")) {
				return true, true
			}
		case ".html", ".htm":
			if exists(strings.TrimSuffix(base, ext) + ".md") {
				return true, true
			}
		}
	}
	if !image && (!abs || site.GetPage()) && r.page(p, site) != "" {
		return true, true // found the way Hugo's GetPage finds it
	}
	return true, false
}

// siteMarkers are the files and folders whose presence makes a folder a
// site root.
var siteMarkers = []string{
	"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
	"config.toml", "config.yaml", "config.yml", "config.json",
	"_config.yml", "mkdocs.yml", "docusaurus.config.js", ".git",
}

// FindSiteRoot is the site root for an article's folder dir: the nearest
// folder up the tree holding a site configuration or a .git, not going
// above stop (the opened folder), which is the answer when nothing is
// found before it. With stop "" the walk goes to the file system's root
// and returns "" when nothing is found.
func FindSiteRoot(dir, stop string) string {
	dir = filepath.Clean(dir)
	if stop != "" {
		stop = filepath.Clean(stop)
	}
	for {
		for _, m := range siteMarkers {
			if _, err := os.Lstat(filepath.Join(dir, m)); err == nil {
				return dir
			}
		}
		if dir == stop {
			return stop
		}
		// content/ of a Hugo site: its parent is the root
		parent := filepath.Dir(dir)
		if parent == dir {
			return stop
		}
		dir = parent
	}
}

func exists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}
