package preview

import "folio/preview/markdown"

// siteMarkdown is the folder whose site a preview's goldmark was made for
// and the site options it was made with.
type siteMarkdown struct {
	dir   string
	set   bool
	emoji bool
}

// useSiteMarkdown makes the preview parse with the configuration of the
// site holding dir (emoji shortcodes when its config has enableEmoji,
// QA G11), starting the incremental document afresh when that changes.
// It runs under p.work, with the parse.
func (p *Preview) useSiteMarkdown(dir string) {
	if p.mdFor.set && p.mdFor.dir == dir {
		return
	}
	emoji := markdown.SiteEmoji(dir)
	changed := p.mdFor.set && p.mdFor.emoji != emoji || !p.mdFor.set && emoji
	p.mdFor = siteMarkdown{dir: dir, set: true, emoji: emoji}
	if changed {
		p.md = markdown.NewFor(&markdown.Site{Emoji: emoji})
		p.doc = markdown.NewDocument(p.md)
	}
}
