package preview

import (
	"github.com/yuin/goldmark"

	"folio/preview/markdown"
)

// newMarkdown is the one goldmark configuration (markdown.New). Raw HTML
// is never passed through: the export registers renderers for it, and the
// native renderer shows the safe tags as what they mean and the rest
// literally.
func newMarkdown() goldmark.Markdown { return markdown.New() }

// softBreakIsSpace: see markdown.SoftBreakIsSpace.
func softBreakIsSpace(before, after rune) bool { return markdown.SoftBreakIsSpace(before, after) }
