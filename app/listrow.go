package app

import (
	"path"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"folio/app/theme"
	"folio/editor/document"
)

// newSecondLine returns a list row's second line (date · category · tags,
// the folder, or an error): caption size, one line cut with an ellipsis,
// in the theme's secondary text colour (theme.ColorNameSecondaryText,
// 4.5:1 on the background in both variants; QA F38). It is a plain
// RichText coloured by a theme colour name: no per-row theme override,
// which would give every row its own font cache.
func newSecondLine() *widget.RichText {
	rt := widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyle{
		ColorName: secondaryName(),
		SizeName:  fynetheme.SizeNameCaptionText,
		Inline:    true,
	}})
	rt.Truncation = fyne.TextTruncateEllipsis
	return rt
}

// rowLayout stacks a list row's title over its second line, the line
// moved up into the title's bottom padding: the texts keep one inner
// padding between them instead of two and the container's padding, so
// more rows fit (QA F38 counted about 8 in 1000 px).
type rowLayout struct{}

// overlap is how far the second line is moved up into the title's box.
func (rowLayout) overlap() float32 { return fynetheme.InnerPadding() }

// MinSize is the title's and the line's heights less the overlap.
func (l rowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	t, s := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(t.Width, s.Width), t.Height+s.Height-l.overlap())
}

// Layout puts the title at the top and the line under it.
func (l rowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	t, s := objs[0].MinSize(), objs[1].MinSize()
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, t.Height))
	objs[1].Move(fyne.NewPos(0, t.Height-l.overlap()))
	objs[1].Resize(fyne.NewSize(size.Width, s.Height))
}

// The colours of a row's second line.
const (
	lineSecondary = theme.ColorNameSecondaryText
	lineCursor    = fynetheme.ColorNameForeground // on the selection's colour
	lineError     = fynetheme.ColorNameError
)

// secondaryName is lineSecondary, or Fyne's placeholder colour under a
// theme that is not Folio's (a test's), which does not know the name.
func secondaryName() fyne.ThemeColorName {
	if a := fyne.CurrentApp(); a != nil && !theme.Knows(a.Settings().Theme()) {
		return fynetheme.ColorNamePlaceHolder
	}
	return lineSecondary
}

// setSecondLine shows text in colour on a row's second line, and leaves a
// line that shows them already alone (see setLabel).
func (l *articleList) setSecondLine(rt *widget.RichText, text string, colour fyne.ThemeColorName) {
	seg := rt.Segments[0].(*widget.TextSegment)
	if seg.Text == text && seg.Style.ColorName == colour {
		return
	}
	l.relabels++
	seg.Text, seg.Style.ColorName = text, colour
	rt.Refresh()
}

// secondLineText is the text of an article row's second line: date ·
// category · tags or the error; else, ungrouped, its folder; else "No
// front matter", or its file name when the title is not the file name;
// rarely nothing (a top-level article with front matter but no title, date
// or tags: its title is its file name already).
func secondLineText(r listRow, grouped bool) string {
	line := summaryLine(*r.s)
	if line == "" && !grouped {
		// Nothing to say but where it is: the folder tells apart pages
		// of a documentation site that have no date or tags.
		line = folderOf(r.s.Path)
	}
	switch {
	case line != "":
	case r.s.Format == document.None:
		line = lang.L("No front matter")
	case r.s.Title != "":
		line = path.Base(r.s.Path)
	}
	return line
}
