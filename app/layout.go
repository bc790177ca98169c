package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
)

// panes is the window's layout, left to right:
//
//	list | form | editor | preview
//
// where the left pane (side) holds tabs: the article list, the outline of
// the open article and the folder search; with the bars above the editor
// (the conflict bar, then the find bar) and the status bar under
// everything. The form pane is an empty, hidden
// container until the front matter form is placed in it (SetForm); a
// hidden pane takes no room and its divider is not drawn.
type panes struct {
	side      *fyne.Container // the left pane: tabs
	tabs      *container.AppTabs
	form      *fyne.Container // the front matter form's place
	bars      *fyne.Container // above the editor: conflict bar, find bar...
	editor    *fyne.Container // bars + the source editor
	outer     *container.Split
	formSplit *container.Split
	work      *container.Split
	content   fyne.CanvasObject
}

// Default pane widths (Split offsets); remembered in preferences later.
const (
	defaultListOffset = 0.18
	defaultFormOffset = 0.3
	defaultWorkOffset = 0.5
)

func newPanes(ws *workspace) *panes {
	p := &panes{form: container.NewStack()}
	p.form.Hide()
	p.bars = container.NewVBox(ws.conflict.box, ws.find)
	p.editor = container.NewBorder(p.bars, nil, nil, nil, ws.src)
	p.work = container.NewHSplit(container.New(&steadyMin{}, p.editor), ws.prev)
	p.work.Offset = defaultWorkOffset
	p.formSplit = container.NewHSplit(p.form, p.work)
	p.formSplit.Offset = defaultFormOffset
	p.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Articles"), ws.list.box),
		container.NewTabItem(lang.L("Outline"), ws.outline),
		container.NewTabItem(lang.L("Search"), ws.search.box))
	p.side = container.NewStack(p.tabs)
	p.outer = container.NewHSplit(p.side, p.formSplit)
	p.outer.Offset = defaultListOffset
	p.content = container.New(&fitPanes{p: p}, container.NewBorder(nil, ws.status.box, nil, nil, p.outer))
	return p
}

// workMin is the width the editor and the preview keep together before
// the form pane gives way.
const workMin = 520

// fitPanes lays out the window's content at the window's size, hiding the
// form pane while the window is too narrow for the list, the form and a
// usable editor and preview (QA F14: at 800 px with the list shown the
// list and form kept their widths and the editor and preview were 120 px
// each; QA G19: with the list hidden at 800 px the form kept 370 px and
// the preview 130 px); the form comes back when there is room again.
type fitPanes struct {
	p        *panes
	formAuto bool // the form pane is hidden for want of room
}

func (l *fitPanes) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (l *fitPanes) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.fit(size.Width)
	objs[0].Move(fyne.Position{})
	objs[0].Resize(size)
}

// fit hides or shows the form pane for a window w wide.
func (l *fitPanes) fit(w float32) {
	p := l.p
	need := float32(workMin)
	if p.side.Visible() {
		need += p.side.MinSize().Width
	}
	if len(p.form.Objects) > 0 {
		need += p.form.MinSize().Width
	}
	switch {
	case p.form.Visible() && !l.formAuto && w < need:
		p.form.Hide()
		l.formAuto = true
	case l.formAuto && w >= need:
		l.formAuto = false
		if len(p.form.Objects) > 0 {
			p.form.Show()
		}
	default:
		return
	}
	p.formSplit.Refresh()
}

// barsChanged lays the editor and its bars out at once, on the UI
// goroutine, after a bar was shown or hidden (the "Reloaded" notice of an
// outside write): else Fyne lays them out while it draws the next frame,
// and the editor's refreshes then draw another frame right after it.
func (p *panes) barsChanged() {
	p.editor.Layout.Layout(p.editor.Objects, p.editor.Size())
	p.bars.Layout.Layout(p.bars.Objects, p.bars.Size())
}

// steadyMin lays out one object at the whole size, with a minimum size
// that grows with the object's but never shrinks: a bar shown or hidden
// above the editor then does not lay out the panes around it again while
// a frame is drawn (each Split refreshes its divider when laid out: a
// second frame).
type steadyMin struct{ min fyne.Size }

// MinSize is the largest minimum size the object had.
func (l *steadyMin) MinSize(objs []fyne.CanvasObject) fyne.Size {
	l.min = l.min.Max(objs[0].MinSize())
	return l.min
}

// Layout gives the object the whole size.
func (l *steadyMin) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.Position{})
	objs[0].Resize(size)
}

// SetForm puts o in the form pane and shows it; nil hides the pane.
func (p *panes) SetForm(o fyne.CanvasObject) {
	if o == nil {
		p.form.Objects = nil
		p.form.Hide()
	} else {
		p.form.Objects = []fyne.CanvasObject{o}
		p.form.Show()
	}
	p.formSplit.Refresh()
}

// Tabs of the left pane.
const (
	tabArticles = iota
	tabOutline
	tabSearch
)

// showTab brings a tab of the left pane to the front (showing the pane).
func (p *panes) showTab(i int) {
	if !p.side.Visible() {
		p.side.Show()
		p.outer.Refresh()
	}
	p.tabs.SelectIndex(i)
}

// AddBar adds a bar above the editor, under the conflict bar (the find
// bar goes here). A bar hides itself when not in use.
func (p *panes) AddBar(o fyne.CanvasObject) {
	p.bars.Add(o)
}
