package markdown

import (
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
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
// content/ folder and the root itself, in that order; for articles the
// content folder and the root. With no Root, site-absolute paths resolve
// to nothing.
type Resolver struct {
	Dir  string // the article's folder
	Root string // the site root (see FindSiteRoot), or ""
}

// Target is where a link leads.
type Target struct {
	Kind   LinkKind
	URL    string // LinkBrowser: the URL
	Path   string // LinkArticle: the file (it may not exist)
	Anchor string // LinkAnchor (and LinkArticle with a fragment): the fragment, unescaped
}

var schemeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)

// Link classifies a link destination.
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
		ext := strings.ToLower(path.Ext(u.Path))
		if ext != ".md" && ext != ".markdown" {
			return Target{}
		}
		p := r.local(u.Path, false)
		if p == "" {
			return Target{}
		}
		return Target{Kind: LinkArticle, Path: p, Anchor: u.Fragment}
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
// "/" to the first existing candidate under Root (the first candidate when
// none exists).
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
	cands := r.candidates(p, asset)
	for _, c := range cands {
		if exists(c) {
			return c
		}
	}
	return cands[0]
}

func (r Resolver) candidates(p string, asset bool) []string {
	rel := filepath.FromSlash(strings.TrimPrefix(path.Clean(p), "/"))
	if asset {
		return []string{
			filepath.Join(r.Root, "static", rel),
			filepath.Join(r.Root, "assets", rel),
			filepath.Join(r.Root, "content", rel),
			filepath.Join(r.Root, rel),
		}
	}
	return []string{filepath.Join(r.Root, "content", rel), filepath.Join(r.Root, rel)}
}

// Check reports whether a link or image destination that names a local
// file leads to one. checked is false for what cannot be checked (URLs,
// anchors, template code, site-absolute page URLs without a root or an
// extension); ok then means nothing. Site generators link to articles by
// their page URL, so a link that names an article without its extension,
// as a folder, or as .html is accepted.
func (r Resolver) Check(dest string, image bool) (checked, ok bool) {
	dest = strings.TrimSpace(dest)
	if dest == "" || dest[0] == '#' || strings.HasPrefix(dest, "//") || schemeRE.MatchString(dest) || strings.Contains(dest, "{{") {
		return false, false
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
		return false, false // a page URL: the site's routing decides
	}
	var cands []string
	if abs {
		cands = r.candidates(p, true)
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
