package preview

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// A link is underlined below its line's descenders, not where the font
// puts an underline: that crossed underscores, so the link
// `tidb_slow_log_threshold` (inline code in a link, every system variable
// in docs-cn) read "tidb slow log threshold".

// linkUnderline is the underline of a piece of link text x..x+w on a line
// whose bottom is at bottom (size: the text's size).
func linkUnderline(c color.Color, x, bottom, w, size float32) fyne.CanvasObject {
	line := canvas.NewRectangle(c)
	thick := max(1, size/16)
	line.Move(fyne.NewPos(x, bottom+thick))
	line.Resize(fyne.NewSize(w, thick))
	return line
}
