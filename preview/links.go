package preview

import (
	"net/url"
	"path/filepath"
	"strings"
)

// linkKind is what tapping a link does.
type linkKind int

const (
	linkInert    linkKind = iota // unknown schemes and anchors: nothing
	linkBrowser                  // http, https, mailto: the system browser or mail app
	linkArticle                  // a relative link to a Markdown file: open it in Folio
	linkFootnote                 // #fn:N: scroll to the footnotes
)

// classifyLink decides what a link destination does. For linkArticle the
// target is the file path resolved against baseDir; for linkBrowser it is
// the URL.
func classifyLink(dest, baseDir string) (linkKind, string) {
	if strings.HasPrefix(dest, "#fn:") {
		return linkFootnote, dest
	}
	u, err := url.Parse(strings.TrimSpace(dest))
	if err != nil {
		return linkInert, ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return linkInert, ""
		}
		return linkBrowser, u.String()
	case "mailto":
		return linkBrowser, u.String()
	case "":
		if u.Host != "" || u.Path == "" {
			return linkInert, ""
		}
		ext := strings.ToLower(filepath.Ext(u.Path))
		if ext != ".md" && ext != ".markdown" {
			return linkInert, ""
		}
		p := filepath.FromSlash(u.Path)
		if filepath.IsAbs(p) {
			return linkArticle, filepath.Clean(p)
		}
		return linkArticle, filepath.Join(baseDir, p)
	}
	return linkInert, ""
}
