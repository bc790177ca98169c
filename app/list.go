package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"folio/app/library"
)

// articleList is the left pane: the folder's articles from the Index, one
// row each (title, then date · category · tags or the file's error). It
// highlights the open article and opens the one the user picks.
type articleList struct {
	index   *library.Index
	onOpen  func(abs string)
	current func() string // the open article's path

	items []library.Summary // the rows shown, in order
	list  *widget.List
	box   *fyne.Container
	// selecting is set while the list's selection follows the open
	// article, so that OnSelected does not open it again.
	selecting bool
}

func newArticleList(ix *library.Index, onOpen func(abs string)) *articleList {
	l := &articleList{index: ix, onOpen: onOpen, current: func() string { return "" }}
	l.list = widget.NewList(l.length, l.create, l.update)
	l.list.OnSelected = func(id widget.ListItemID) {
		if l.selecting || id < 0 || id >= len(l.items) {
			return
		}
		l.onOpen(l.index.Abs(l.items[id].Path))
	}
	header := widget.NewLabelWithStyle(lang.L("Articles"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.box = container.NewBorder(header, nil, nil, nil, l.list)
	return l
}

// setIndex shows another folder's Index (empty until shown again).
func (l *articleList) setIndex(ix *library.Index) {
	l.index = ix
	l.show()
}

// show renders the index's rows now.
func (l *articleList) show() {
	l.items = l.index.Summaries()
	l.list.Refresh()
	l.selectCurrent()
}

func (l *articleList) length() int { return len(l.items) }

func (l *articleList) create() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	sub := widget.NewLabel("")
	sub.Truncation = fyne.TextTruncateEllipsis
	sub.SizeName = fynetheme.SizeNameCaptionText
	sub.Importance = widget.LowImportance
	return container.NewVBox(title, sub)
}

func (l *articleList) update(id widget.ListItemID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	title := box.Objects[0].(*widget.Label)
	sub := box.Objects[1].(*widget.Label)
	s := l.items[id]
	name := s.Title
	if name == "" {
		name = filepath.Base(s.Path)
	}
	if s.Featured {
		name = "★ " + name
	}
	title.SetText(name)
	sub.Importance = widget.LowImportance
	if s.Err != nil {
		sub.Importance = widget.DangerImportance
	}
	sub.SetText(summaryLine(s))
}

// summaryLine is the list's second line: date · category · tags, or the
// article's error.
func summaryLine(s library.Summary) string {
	if s.Err != nil {
		if s.Line > 0 {
			return fmt.Sprintf("⚠ %s:%d: %v", s.Path, s.Line, s.Err)
		}
		return fmt.Sprintf("⚠ %s: %v", s.Path, s.Err)
	}
	var parts []string
	for _, p := range []string{s.Date, s.Category, strings.Join(s.Tags, " ")} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if s.Draft {
		parts = append(parts, lang.L("draft"))
	}
	return strings.Join(parts, " · ")
}

// selectCurrent highlights the open article's row, or nothing when it has
// none (deleted, or nothing open).
func (l *articleList) selectCurrent() {
	l.selecting = true
	defer func() { l.selecting = false }()
	cur := l.current()
	if rel, ok := l.index.Rel(cur); ok {
		for i, s := range l.items {
			if s.Path == rel {
				l.list.Select(i)
				return
			}
		}
	}
	l.list.UnselectAll()
}
