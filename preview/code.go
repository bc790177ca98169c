package preview

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/alecthomas/chroma/v2"

	"folio/preview/markdown"
)

// codeStyle is the chroma style for the theme (markdown.CodeStyle).
func codeStyle(dark bool) *chroma.Style { return markdown.CodeStyle(dark) }

// codeToken is one highlighted piece of one line.
type codeToken struct {
	text        string
	colour      color.Color
	bold, italy bool
}

// highlight splits code into lines of coloured tokens. An unknown language
// is plain text.
func highlight(lang, code string, style *chroma.Style) [][]codeToken {
	fg := chromaColour(style.Get(chroma.Text).Colour, nil)
	it := markdown.Tokens(lang, code)
	lines := [][]codeToken{nil}
	add := func(text string, e chroma.StyleEntry) {
		for i, part := range strings.Split(text, "\n") {
			if i > 0 {
				lines = append(lines, nil)
			}
			if part != "" {
				part = strings.ReplaceAll(part, "\t", "    ")
				lines[len(lines)-1] = append(lines[len(lines)-1], codeToken{
					text: part, colour: chromaColour(e.Colour, fg), bold: e.Bold == chroma.Yes, italy: e.Italic == chroma.Yes,
				})
			}
		}
	}
	for tok := it(); tok != chroma.EOF; tok = it() {
		add(tok.Value, style.Get(tok.Type))
	}
	if n := len(lines); n > 1 && len(lines[n-1]) == 0 {
		lines = lines[:n-1]
	}
	return lines
}

func chromaColour(c chroma.Colour, fallback color.Color) color.Color {
	if !c.IsSet() {
		return fallback
	}
	return color.NRGBA{R: c.Red(), G: c.Green(), B: c.Blue(), A: 0xff}
}

// codeBlock is a highlighted code block on a panel in the code style's
// background, scrolling sideways when a line is too long.
type codeBlock struct {
	widget.BaseWidget
	lang, text string
	dark       bool
}

func newCodeBlock(lang, text string, dark bool) *codeBlock {
	c := &codeBlock{lang: lang, text: text, dark: dark}
	c.ExtendBaseWidget(c)
	return c
}

func (c *codeBlock) lines() [][]codeToken { return highlight(c.lang, c.text, codeStyle(c.dark)) }

func (c *codeBlock) CreateRenderer() fyne.WidgetRenderer {
	style := codeStyle(c.dark)
	bg := canvas.NewRectangle(chromaColour(style.Get(chroma.Background).Background, theme.Color(theme.ColorNameInputBackground)))
	bg.CornerRadius = theme.InputRadiusSize()
	bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	bg.StrokeWidth = 1
	size := theme.TextSize() * 0.92
	mono := fyne.TextStyle{Monospace: true}
	cell := fyne.MeasureText("M", size, mono)
	var objs []fyne.CanvasObject
	width := float32(0)
	for i, line := range highlight(c.lang, c.text, style) {
		x := float32(0)
		for _, tok := range line {
			st := mono // no bold/italic: themes rarely have those monospace faces
			t := canvas.NewText(tok.text, tok.colour)
			t.TextSize = size
			t.TextStyle = st
			w := cell.Width * float32(len([]rune(tok.text)))
			if hasWide(tok.text) {
				w = fyne.MeasureText(tok.text, size, st).Width
			}
			t.Move(fyne.NewPos(x, float32(i)*cell.Height))
			t.Resize(fyne.NewSize(w, cell.Height))
			objs = append(objs, t)
			x += w
		}
		width = max(width, x)
	}
	n := max(strings.Count(c.text, "\n")+1, 1)
	body := &fyne.Container{Objects: objs}
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(width, float32(n)*cell.Height))
	content := &fyne.Container{Layout: &fixedLayout{}, Objects: []fyne.CanvasObject{spacer, body}}
	scroll := container.NewHScroll(content)
	pad := theme.Padding() * 2
	panel := &fyne.Container{Layout: &panelLayout{pad: pad}, Objects: []fyne.CanvasObject{bg, scroll}}
	return widget.NewSimpleRenderer(panel)
}

// heightFor is the panel's height: lines plus padding (less than the
// scroller's own minimum for one-line blocks).
func (c *codeBlock) heightFor(float32) float32 {
	n := max(strings.Count(c.text, "\n")+1, 1)
	cell := fyne.MeasureText("M", theme.TextSize()*0.92, fyne.TextStyle{Monospace: true})
	return float32(n)*cell.Height + 2*theme.Padding()*2
}

func hasWide(s string) bool {
	for _, r := range s {
		if r >= 0x1100 {
			return true
		}
	}
	return false
}

// fixedLayout gives every object its MinSize from the spacer (objs[0]) and
// leaves children where they were placed.
type fixedLayout struct{}

func (fixedLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }
func (fixedLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	objs[0].Resize(s)
	objs[1].Resize(s)
}
