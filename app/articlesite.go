package app

import (
	"path/filepath"

	"folio/preview/markdown"
)

// siteCache is the site of the open article's folder, as the preview reads
// it (its Hugo config, docs-cn's variables.json): the window title and the
// outline show what the published page would (`{{{ .starter }}}` → its
// value). It is read again only when the article's folder changes.
type siteCache struct {
	dir  string
	site *markdown.Site
	read bool
}

// articleSite returns the site of the open article's folder (nil for an
// article without a file or a folder outside any site's config: then
// variables stay as written).
func (ws *workspace) articleSite() *markdown.Site {
	dir := ""
	if ws.art != nil && ws.art.HasFile() {
		dir = filepath.Dir(ws.art.Path())
	}
	c := &ws.sites
	if !c.read || c.dir != dir {
		c.dir, c.read, c.site = dir, true, nil
		if dir != "" {
			c.site = markdown.LoadSite(markdown.FindSiteRoot(dir, ""))
		}
	}
	return c.site
}
