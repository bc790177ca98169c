package preview

import (
	"strings"

	"folio/preview/markdown"
)

// Most documentation sites open each article's body with its title as an
// H1 (every docs-cn article starts with "# <title>"). The published page
// shows it once; the preview's header card would repeat it right above the
// body's own heading (QA7 H9). So when the body's first block is an H1
// whose text is the front matter title, the card leaves its title line
// out and keeps the rest (summary, byline, tags, cover). A body without
// such an H1 (Hugo's docs) keeps the card's title.

// withoutRepeatedTitle is m without its title when the body's first shown
// block (blocks, parsed from body) is an H1 saying the same: compared as
// rendered, or as written (a title holding a site variable such as
// {{{ .starter }}} is written the same in both places), spaces trimmed and
// runs of spaces counted as one.
func withoutRepeatedTitle(m Meta, body []byte, blocks []*markdown.TopBlock) Meta {
	title := collapseSpaces(m.Title)
	if title == "" {
		return m
	}
	for _, tb := range blocks {
		b := tb.Block
		if b.Kind == KindNone {
			continue // a link reference definition shows nothing
		}
		if b.Kind != KindHeading || b.Level != 1 {
			return m
		}
		if collapseSpaces(inlineText(b.Fill().Inlines)) == title || writtenH1(body, tb) == title {
			m.Title = ""
		}
		return m
	}
	return m
}

// writtenH1 is the text of an ATX H1 as written ("# Title #" gives
// "Title"), or "" if the block is not one.
func writtenH1(body []byte, tb *markdown.TopBlock) string {
	if tb.Start < 0 || tb.End > len(body) || tb.Start >= tb.End {
		return ""
	}
	line, _, _ := strings.Cut(string(body[tb.Start:tb.End]), "\n")
	line = strings.TrimSpace(line)
	rest, ok := strings.CutPrefix(line, "#")
	if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return ""
	}
	rest = strings.TrimSpace(rest)
	if t := strings.TrimRight(rest, "#"); t != rest && (t == "" || strings.HasSuffix(t, " ") || strings.HasSuffix(t, "\t")) {
		rest = strings.TrimSpace(t) // a closing sequence
	}
	return collapseSpaces(rest)
}

// collapseSpaces trims s and turns each run of white space into one space.
func collapseSpaces(s string) string { return strings.Join(strings.Fields(s), " ") }
