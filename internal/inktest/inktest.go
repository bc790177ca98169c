// Package inktest measures where text objects put ink: tests draw copies
// of a widget's canvas.Texts, enlarged, black on white with Fyne's software
// painter and find the bounding box of the dark pixels in a column band.
package inktest

import (
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// Box is an ink bounding box in pixels of the enlarged drawing.
type Box struct{ X0, Y0, X1, Y1 int }

// Empty reports whether no ink was found.
func (b Box) Empty() bool { return b.X1 <= b.X0 || b.Y1 <= b.Y0 }

// W is the box's width.
func (b Box) W() float32 { return float32(b.X1 - b.X0) }

// H is the box's height.
func (b Box) H() float32 { return float32(b.Y1 - b.Y0) }

// CY is the box's vertical centre.
func (b Box) CY() float32 { return float32(b.Y0+b.Y1) / 2 }

// Draw draws copies of texts (positions relative to one origin) k times
// larger, black on white, and returns the image. It needs a running test
// app whose theme the texts are drawn with.
func Draw(texts []*canvas.Text, k float32) image.Image {
	bg := canvas.NewRectangle(color.White)
	objs := []fyne.CanvasObject{bg}
	var w, h float32
	for _, t := range texts {
		c := canvas.NewText(t.Text, color.Black)
		c.TextSize, c.TextStyle, c.FontSource, c.Alignment = t.TextSize*k, t.TextStyle, t.FontSource, t.Alignment
		c.Move(fyne.NewPos(t.Position().X*k, t.Position().Y*k))
		c.Resize(fyne.NewSize(t.Size().Width*k, t.Size().Height*k))
		objs = append(objs, c)
		w = max(w, (t.Position().X+t.Size().Width)*k)
		h = max(h, (t.Position().Y+t.Size().Height)*k)
	}
	size := fyne.NewSize(w+20, h+20)
	bg.Resize(size)
	win := test.NewWindow(container.NewWithoutLayout(objs...))
	defer win.Close()
	win.SetPadded(false)
	win.Resize(size)
	return win.Canvas().Capture()
}

// Ink is the bounding box of the pixels darker than mid-grey in the
// column band [x0, x1) of img.
func Ink(img image.Image, x0, x1 int) Box {
	b := img.Bounds()
	box := Box{X0: 1 << 30, Y0: 1 << 30, X1: -1, Y1: -1}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := max(x0, b.Min.X); x < min(x1, b.Max.X); x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r+g+bl < 3*0x8000 {
				box.X0, box.Y0 = min(box.X0, x), min(box.Y0, y)
				box.X1, box.Y1 = max(box.X1, x+1), max(box.Y1, y+1)
			}
		}
	}
	if box.X1 < 0 {
		return Box{}
	}
	return box
}
