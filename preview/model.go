package preview

import (
	"fyne.io/fyne/v2"

	"folio/preview/markdown"
)

// The block model is markdown's (Fyne-free, shared with check, export and
// the outline); these names keep the widget's code short.
type (
	// Block is a block of the rendered tree (markdown.Block).
	Block = markdown.Block
	// Inline is a run of a paragraph (markdown.Inline).
	Inline = markdown.Inline
	// Item is a list item or a footnote (markdown.Item).
	Item = markdown.Item
	// Kind is a block's kind (markdown.Kind).
	Kind = markdown.Kind
	// Style is a set of inline formatting flags (markdown.Style).
	Style = markdown.Style
	// Align is a table column's alignment (markdown.Align).
	Align = markdown.Align
)

// Block kinds, styles and inline kinds (see markdown).
const (
	KindNone      = markdown.KindNone
	KindParagraph = markdown.KindParagraph
	KindHeading   = markdown.KindHeading
	KindQuote     = markdown.KindQuote
	KindList      = markdown.KindList
	KindTable     = markdown.KindTable
	KindCode      = markdown.KindCode
	KindRule      = markdown.KindRule
	KindHTML      = markdown.KindHTML
	KindFootnotes = markdown.KindFootnotes

	AlignNone   = markdown.AlignNone
	AlignLeft   = markdown.AlignLeft
	AlignCenter = markdown.AlignCenter
	AlignRight  = markdown.AlignRight

	TaskNone = markdown.TaskNone
	TaskOpen = markdown.TaskOpen
	TaskDone = markdown.TaskDone

	InlineText  = markdown.InlineText
	InlineBreak = markdown.InlineBreak
	InlineImage = markdown.InlineImage

	Bold      = markdown.Bold
	Italic    = markdown.Italic
	Strike    = markdown.Strike
	Code      = markdown.Code
	Sup       = markdown.Sup
	Underline = markdown.Underline
	Mark      = markdown.Mark
	Sub       = markdown.Sub
	Chip      = markdown.Chip
)

// uiState is a block's height in the preview and its built widget; the UI
// goroutine alone touches it. The preview keeps one per shown block.
type uiState struct {
	h      float32           // height including the gap below
	sized  bool              // h was measured, not estimated
	sizedW float32           // the width h was measured or estimated for
	obj    fyne.CanvasObject // the built widget, while cached
}
