package editor

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// outlineIndent is the indent per heading level below the top one.
const outlineIndent = 14

// Outline lists an article's headings, indented by level. Tapping one calls
// OnSelected with its line; Follow highlights the heading the caret is
// under without calling it. Use it from the Fyne UI goroutine only.
type Outline struct {
	widget.BaseWidget

	// OnSelected is called with the heading's Line when the user picks it.
	OnSelected func(line int)
	// Plain, when set, turns the headings' source texts (Heading.Raw)
	// into the texts shown, one for each, in place of PlainHeading's
	// reading: the app gives the preview's own, which knows the article's
	// site. SetHeadings calls it, on the UI goroutine, with all the
	// headings at once (a parse of them all costs less than one each).
	Plain func(raws []string) []string

	headings []Heading
	minLevel int
	current  int  // the highlighted heading, or -1
	quiet    bool // a Select made by Follow: do not call OnSelected
	list     *widget.List
	empty    *widget.Label
}

// NewOutline returns an empty outline.
func NewOutline() *Outline {
	o := &Outline{current: -1, minLevel: 1}
	o.list = widget.NewList(
		func() int { return len(o.headings) },
		func() fyne.CanvasObject {
			pad := canvas.NewRectangle(color.Transparent)
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, pad, nil, l)
		},
		func(id widget.ListItemID, obj fyne.CanvasObject) {
			if id >= len(o.headings) {
				return
			}
			h := o.headings[id]
			c := obj.(*fyne.Container)
			l := c.Objects[0].(*widget.Label)
			pad := c.Objects[1].(*canvas.Rectangle)
			pad.SetMinSize(fyne.NewSize(float32(h.Level-o.minLevel)*outlineIndent, 1))
			l.TextStyle.Bold = h.Level == o.minLevel
			l.SetText(h.Text)
			c.Refresh()
		},
	)
	o.list.OnSelected = func(id widget.ListItemID) {
		o.current = id
		if o.quiet || id >= len(o.headings) {
			return
		}
		if o.OnSelected != nil {
			o.OnSelected(o.headings[id].Line)
		}
	}
	o.empty = widget.NewLabel(lang.L("No headings"))
	o.empty.Importance = widget.LowImportance
	o.empty.Alignment = fyne.TextAlignCenter
	o.ExtendBaseWidget(o)
	return o
}

// CreateRenderer implements fyne.Widget.
func (o *Outline) CreateRenderer() fyne.WidgetRenderer {
	o.syncEmpty()
	return widget.NewSimpleRenderer(container.NewStack(o.list, container.NewVBox(o.empty)))
}

// SetHeadings shows headings (from Headings) and keeps the highlight on
// the heading at the same position when there is one.
func (o *Outline) SetHeadings(hs []Heading) {
	if o.Plain != nil && len(hs) > 0 {
		raws := make([]string, len(hs))
		for i, h := range hs {
			raws[i] = h.Raw
		}
		if texts := o.Plain(raws); len(texts) == len(hs) {
			hs = append([]Heading(nil), hs...)
			for i := range hs {
				hs[i].Text = texts[i]
			}
		}
	}
	o.headings = hs
	o.minLevel = 6
	for _, h := range hs {
		o.minLevel = min(o.minLevel, h.Level)
	}
	if o.current >= len(hs) {
		o.current = -1
		o.list.UnselectAll()
	}
	o.syncEmpty()
	o.list.Refresh()
}

// Headings returns the headings shown.
func (o *Outline) Headings() []Heading { return o.headings }

// Current returns the index of the highlighted heading, or -1.
func (o *Outline) Current() int { return o.current }

// Follow highlights the heading whose section holds line (the last heading
// starting on or before it) and scrolls it into view, without calling
// OnSelected. Above the first heading nothing is highlighted.
func (o *Outline) Follow(line int) {
	i := -1
	for k, h := range o.headings {
		if h.Line > line {
			break
		}
		i = k
	}
	if i == o.current {
		return
	}
	o.quiet = true
	defer func() { o.quiet = false }()
	if i < 0 {
		o.current = -1
		o.list.UnselectAll()
		return
	}
	o.list.Select(i)
	o.list.ScrollTo(i)
}

func (o *Outline) syncEmpty() {
	if len(o.headings) == 0 {
		o.empty.Show()
		o.list.Hide()
	} else {
		o.empty.Hide()
		o.list.Show()
	}
}

// MinSize implements fyne.Widget: narrow enough for a side pane.
func (o *Outline) MinSize() fyne.Size {
	o.ExtendBaseWidget(o)
	m := o.BaseWidget.MinSize()
	return fyne.NewSize(max(m.Width, 120), max(m.Height, theme.Size(theme.SizeNameText)*3))
}
