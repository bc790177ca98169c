package editor

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"folio/editor/glyphs"
)

// The editor's monospace face (Noto Sans Mono CJK) draws arrows, curly
// quotes, × and the like a full em wide, two columns, though they take
// one. The preview draws those from Fyne's Latin monospace face at full
// size, centred on their column (preview/codeglyph.go); the editor does
// the same, so "→" is an arrow as large as a letter in both panes (it was
// the CJK glyph shrunk to half its size and sunk to the baseline, QA7 H2).
// A character that face lacks (①) is still the CJK glyph shrunk.

// latinMono is Fyne's Latin monospace face.
func latinMono() fyne.Resource { return theme.DefaultTextMonospaceFont() }

// latinMonoHas reports whether the Latin monospace face has r.
func latinMonoHas(r rune) bool { return glyphs.Has(latinMono(), r) }

// latinGlyph is how a character drawn from the Latin monospace face at
// size is placed in a box as high as the editor's line: its advance and
// how far its text moves down so that its baseline meets the monospace
// face's. Fyne centres a text vertically in its box, so the baselines are
// compared from the middle of each face's line.
func latinGlyph(s string, size float32) (adv, dy float32) {
	app := fyne.CurrentApp()
	if app == nil {
		return fyne.MeasureText(s, size, faceStyle[faceMono]).Width, 0
	}
	drv := app.Driver()
	style := faceStyle[faceMono]
	bs, base := drv.RenderedTextSize("M", size, style, nil)
	ls, latin := drv.RenderedTextSize("M", size, style, latinMono())
	gs, _ := drv.RenderedTextSize(s, size, style, latinMono())
	return gs.Width, (base - bs.Height/2) - (latin - ls.Height/2)
}
