package preview

import (
	"bufio"
	"bytes"
	"fmt"
	"html"
	"io"
	"strings"

	"folio/preview/markdown"
)

// ExportOptions tunes ExportHTML.
type ExportOptions struct {
	// Lang is the page's language tag (<html lang>); "" means "zh-CN".
	Lang string
	// NoHeader leaves out the header card.
	NoHeader bool
	// ExtraCSS is appended to the page's style sheet.
	ExtraCSS string
	// AssetPrefix is put before relative image paths (and the cover), for a
	// page written away from the article's folder: the path from the page's
	// folder to the article's, with forward slashes ("../posts").
	AssetPrefix string
	// Emoji turns shortcodes (":smile:") into emoji, for a site whose
	// config has enableEmoji (markdown.SiteEmoji).
	Emoji bool
	// Site is the article's site (markdown.LoadSite), nil for none: its
	// variables are shown as their values, in the body and the header, and
	// its params feed the param shortcode.
	Site *markdown.Site
}

// ExportHTML writes a standalone HTML page for an article: the header card
// from meta, then the body rendered with the same goldmark configuration as
// the preview. Code is highlighted with chroma (light and dark styles, by
// the reader's colour scheme); raw HTML keeps the preview's safe set
// (markdown.SplitHTML) with harmless attributes only, and anything else is
// shown as escaped text, never interpreted.
func ExportHTML(w io.Writer, body []byte, meta Meta, opts ExportOptions) error {
	var content bytes.Buffer
	if err := markdown.RenderHTML(&content, body, markdown.HTMLOptions{AssetPrefix: opts.AssetPrefix, Emoji: opts.Emoji, Site: opts.Site, Page: meta.Params}); err != nil {
		return err
	}
	if opts.AssetPrefix != "" {
		meta.Cover = markdown.PrefixAsset(opts.AssetPrefix, meta.Cover)
	}
	css, err := markdown.PageCSS()
	if err != nil {
		return err
	}
	lang := opts.Lang
	if lang == "" {
		lang = "zh-CN"
	}
	// The header card leaves out a title the body's first block repeats
	// as its H1, as the preview does (docs-cn: QA8 J6); <title> keeps it.
	card := withoutRepeatedTitle(meta, body, markdown.NewDocument(markdown.NewFor(opts.Site)).Set(body)).expanded(opts.Site)
	meta = meta.expanded(opts.Site)
	title := meta.Title
	if title == "" {
		title = opts.Site.Expand(firstHeading(body))
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", html.EscapeString(lang))
	bw.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(bw, "<title>%s</title>\n", html.EscapeString(title))
	if meta.Summary != "" {
		fmt.Fprintf(bw, "<meta name=\"description\" content=\"%s\">\n", html.EscapeString(meta.Summary))
	}
	fmt.Fprintf(bw, "<style>\n%s%s\n</style>\n</head>\n<body>\n<main>\n", css, opts.ExtraCSS)
	if !opts.NoHeader && !card.IsZero() {
		writeHeaderHTML(bw, card)
	}
	bw.WriteString("<article>\n")
	bw.Write(content.Bytes())
	bw.WriteString("</article>\n</main>\n</body>\n</html>\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write html: %w", err)
	}
	return nil
}

func writeHeaderHTML(w *bufio.Writer, m Meta) {
	e := html.EscapeString
	w.WriteString("<header class=\"card\">\n")
	if m.Featured || m.Draft || m.Category != "" {
		w.WriteString("<p class=\"badges\">")
		if m.Featured {
			w.WriteString("<span class=\"badge featured\">★ Featured</span>")
		}
		if m.Draft {
			w.WriteString("<span class=\"badge draft\">Draft</span>")
		}
		if m.Category != "" {
			fmt.Fprintf(w, "<span class=\"badge category\">%s</span>", e(m.Category))
		}
		w.WriteString("</p>\n")
	}
	if m.Title != "" {
		fmt.Fprintf(w, "<h1 class=\"title\">%s</h1>\n", e(m.Title))
	}
	if m.Summary != "" {
		fmt.Fprintf(w, "<p class=\"summary\">%s</p>\n", e(m.Summary))
	}
	if by := m.byline(); by != "" {
		fmt.Fprintf(w, "<p class=\"byline\">%s</p>\n", e(by))
	}
	if len(m.Tags) > 0 {
		w.WriteString("<ul class=\"tags\">")
		for _, t := range m.Tags {
			fmt.Fprintf(w, "<li>#%s</li>", e(t))
		}
		w.WriteString("</ul>\n")
	}
	if m.Cover != "" {
		fmt.Fprintf(w, "<img class=\"cover\" src=\"%s\" alt=\"\">\n", e(m.Cover))
	}
	w.WriteString("</header>\n")
}

// firstHeading is the text of the body's first heading, for <title>.
func firstHeading(body []byte) string {
	for _, line := range strings.Split(string(body), "\n") {
		if t := strings.TrimLeft(line, "#"); len(t) < len(line) && strings.HasPrefix(t, " ") {
			return strings.TrimSpace(t)
		}
	}
	return "Article"
}
