package preview

import (
	"reflect"
	"sync"

	"folio/preview/markdown"
)

// siteMarkdown is the folder whose site a preview's goldmark was made for,
// the site read for it and the article's front matter params it was made
// with.
type siteMarkdown struct {
	dir  string
	set  bool
	site *markdown.Site
	page map[string]any
}

// useSiteMarkdown makes the preview parse with the configuration of the
// site holding dir (emoji shortcodes when its config has enableEmoji,
// QA G11; its variables and params shown as their values), and the
// article's front matter params page, starting the incremental document
// afresh when that changes. It runs under p.work, with the parse.
func (p *Preview) useSiteMarkdown(dir string, page map[string]any) {
	if p.mdFor.set && p.mdFor.dir == dir && reflect.DeepEqual(p.mdFor.page, page) {
		return
	}
	site := p.mdFor.site
	if !p.mdFor.set || p.mdFor.dir != dir {
		site = textSite(dir)
	}
	was := p.mdFor
	p.mdFor = siteMarkdown{dir: dir, set: true, site: site, page: page}
	if was.set && sameSiteMarkdown(was, p.mdFor) || !was.set && !siteShows(site, page) {
		return
	}
	p.md = markdown.NewForPage(site, page)
	p.doc = markdown.NewDocument(p.md)
}

// siteShows reports whether a site and page change what the preview
// shows (New's configuration otherwise).
func siteShows(s *markdown.Site, page map[string]any) bool {
	return len(page) > 0 || s != nil && (s.Emoji || len(s.Vars) > 0 || len(s.Params) > 0)
}

// sameSiteMarkdown reports whether two sites and pages make the same
// configuration.
func sameSiteMarkdown(a, b siteMarkdown) bool {
	if !siteShows(a.site, a.page) && !siteShows(b.site, b.page) {
		return true
	}
	if a.site == nil || b.site == nil {
		return false
	}
	return a.site.Emoji == b.site.Emoji && reflect.DeepEqual(a.site.Vars, b.site.Vars) &&
		reflect.DeepEqual(a.site.Params, b.site.Params) && reflect.DeepEqual(a.page, b.page)
}

// lastSite is the site textSite read last, for one folder.
var lastSite struct {
	sync.Mutex
	dir  string
	site *markdown.Site
}

// textSite is the site whose config and variables the article text of
// folder dir is shown with, the nearest site root up from it
// (markdown.FindSiteRoot; docs-cn's .git): the body's parse and the header
// card use the same one, whatever root SetSiteRoot gave links. Nil for
// none. The last folder's is kept.
func textSite(dir string) *markdown.Site {
	if dir == "" {
		return nil
	}
	lastSite.Lock()
	defer lastSite.Unlock()
	if lastSite.dir != dir {
		lastSite.dir, lastSite.site = dir, nil
		if root := markdown.FindSiteRoot(dir, ""); root != "" {
			lastSite.site = markdown.LoadSite(root)
		}
	}
	return lastSite.site
}
