package preview

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/alecthomas/chroma/v2"

	"folio/preview/markdown"
)

// A code block's line numbers and marked lines (Hugo's highlight
// shortcode and fence attributes: linenos, linenostart, hl_lines), drawn
// as gohugo.io draws them: the numbers in a column left of the code, which
// does not scroll sideways with it and is not part of the text (selection
// and copy take the code alone), and each marked line tinted across the
// block. A block after docs-cn's {{< copyable >}} has a copy button at
// its top right, as docs.pingcap.com has.

// gutterCols is the line numbers' column count (the widest number and a
// space), 0 when lines are not numbered.
func (c *codeBlock) gutterCols() int {
	if c.opts == nil || !c.opts.Numbered {
		return 0
	}
	n := 1
	for _, ch := range c.text {
		if ch == '\n' {
			n++
		}
	}
	return len(strconv.Itoa(c.opts.LineStart+n-1)) + 1
}

// gutterWidth is the width of the line numbers' column (0 when none).
func (c *codeBlock) gutterWidth() float32 {
	g := c.gutterCols()
	if g == 0 {
		return 0
	}
	_, cell := codeCell()
	return float32(g) * cell.Width
}

// lineMarkColour is the tint of a marked line: the code style's line
// highlight, else the theme's selection colour.
func lineMarkColour(style *chroma.Style) color.Color {
	if e := style.Get(chroma.LineHighlight); e.Background.IsSet() {
		return chromaColour(e.Background, nil)
	}
	return theme.Color(theme.ColorNameSelection)
}

// markLines adds a tint behind each marked line of n to the code's
// objects (under the text, wide enough for any line: the scroller clips
// it).
func (c *codeBlock) markLines(objs []fyne.CanvasObject, n int, style *chroma.Style, cell fyne.Size) []fyne.CanvasObject {
	if c.opts == nil || len(c.opts.Marked) == 0 {
		return objs
	}
	w := float32(max(c.columns(), 200)+2) * cell.Width
	for i := range n {
		if c.opts.IsMarked(i + 1) {
			r := canvas.NewRectangle(lineMarkColour(style))
			r.Move(fyne.NewPos(-cell.Width, float32(i)*cell.Height))
			r.Resize(fyne.NewSize(w, cell.Height))
			objs = append(objs, r)
		}
	}
	return objs
}

// addGutter puts the line numbers of n lines, right-aligned, left of the
// code in the block's panel (and the marked lines' tint under them).
func (c *codeBlock) addGutter(panel *fyne.Container, n int, style *chroma.Style, size float32, cell fyne.Size) {
	g := c.gutterCols()
	if g == 0 {
		return
	}
	l := panel.Layout.(*codePanelLayout)
	l.gutter = float32(g) * cell.Width
	col := chromaColour(style.Get(chroma.LineNumbers).Colour, theme.Color(theme.ColorNamePlaceHolder))
	var objs []fyne.CanvasObject
	for i := range n {
		y := float32(i) * cell.Height
		if c.opts.IsMarked(i + 1) {
			r := canvas.NewRectangle(lineMarkColour(style))
			r.Move(fyne.NewPos(0, y))
			r.Resize(fyne.NewSize(l.pad+l.gutter, cell.Height))
			objs = append(objs, r)
		}
		t := canvas.NewText(strconv.Itoa(c.opts.LineStart+i), col)
		t.TextSize = size
		t.TextStyle = fyne.TextStyle{Monospace: true}
		t.Alignment = fyne.TextAlignTrailing
		t.Move(fyne.NewPos(l.pad, y))
		t.Resize(fyne.NewSize(float32(g-1)*cell.Width, cell.Height))
		objs = append(objs, t)
	}
	l.nums = &fyne.Container{Objects: objs}
	panel.Objects = append(panel.Objects, l.nums)
}

// addCopy puts a copy button at the top right of a block that asks for
// one (docs-cn's copyable): a click puts the code on the clipboard.
func (c *codeBlock) addCopy(panel *fyne.Container) {
	if c.opts == nil || !c.opts.Copy || c.cont&markdown.ContAbove != 0 {
		return
	}
	l := panel.Layout.(*codePanelLayout)
	bg := panel.Objects[0].(*canvas.Rectangle).FillColor
	btn := &copyButton{bg: bg, text: c.text}
	btn.ExtendBaseWidget(btn)
	l.copyBtn = btn
	panel.Objects = append(panel.Objects, btn)
}

// copyButton is a code block's copy icon: one line high, on the block's
// background (the code under it is hidden, not drawn through it).
type copyButton struct {
	widget.BaseWidget
	bg   color.Color
	text string
}

// Tapped implements fyne.Tappable: the code goes on the clipboard.
func (b *copyButton) Tapped(*fyne.PointEvent) {
	fyne.CurrentApp().Clipboard().SetContent(b.text)
}

// Cursor implements desktop.Cursorable.
func (b *copyButton) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MinSize is one code line square, with a little room.
func (b *copyButton) MinSize() fyne.Size {
	_, cell := codeCell()
	s := cell.Height + theme.Padding()
	return fyne.NewSize(s, s)
}

func (b *copyButton) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(b.bg)
	bg.CornerRadius = theme.InputRadiusSize()
	icon := canvas.NewImageFromResource(theme.NewThemedResource(theme.ContentCopyIcon()))
	icon.FillMode = canvas.ImageFillContain
	pad := theme.Padding() / 2
	return widget.NewSimpleRenderer(&fyne.Container{Layout: &insetLayout{pad: pad}, Objects: []fyne.CanvasObject{bg, icon}})
}

// insetLayout fills the size with objs[0] and puts objs[1] inside pad.
type insetLayout struct{ pad float32 }

func (l *insetLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(s)
	objs[1].Move(fyne.NewPos(l.pad, l.pad))
	objs[1].Resize(fyne.NewSize(s.Width-2*l.pad, s.Height-2*l.pad))
}

func (l *insetLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }

// layoutExtras places the line numbers and the copy button of a panel of
// size s whose code starts top from its top and ends bottom above its
// bottom.
func (l *codePanelLayout) layoutExtras(s fyne.Size, top, bottom float32) {
	if l.nums != nil {
		l.nums.Move(fyne.NewPos(0, top))
		l.nums.Resize(fyne.NewSize(l.pad+l.gutter, s.Height-top-bottom))
	}
	if l.copyBtn != nil {
		m := l.copyBtn.MinSize()
		l.copyBtn.Resize(m)
		l.copyBtn.Move(fyne.NewPos(s.Width-m.Width-l.pad/2, max(top-theme.Padding()/2, 0)))
	}
}
