package app

import (
	"path/filepath"
	"reflect"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"folio/app/library"
	"folio/editor"
	"folio/editor/document"
	"folio/editor/form"
)

// Preference keys of the panes shown.
const (
	prefShowList    = "pane.list.visible"    // bool
	prefShowForm    = "pane.form.visible"    // bool
	prefShowPreview = "pane.preview.visible" // bool
)

// formPane places the front matter form beside the editor and wires it
// to the one text: a form change is one ReplaceRange of the editor (one
// undo step), and each parse of the editor's text updates the form.
type formPane struct {
	ws   *workspace
	f    *form.Form
	path string // the article the form shows
	site *library.Site
	root string // the folder site was looked up for
	ver  uint64 // the index version the schema came from

	shownSchema *document.Schema // the schema the form shows

	list, formItem, preview *fyne.MenuItem

	winWidth   float32 // the window's width at the last layout
	listAuto   bool    // the list is hidden because the window is narrow
	listByUser bool    // the user toggled the list: no automatic collapse
}

// narrowWindow is the window width below which the article list
// collapses by itself (until the user toggles it).
const narrowWindow = 1000

func newFormPane(ws *workspace) *formPane {
	p := &formPane{ws: ws, f: form.New(form.Options{})}
	p.f.OnEdit = p.edit
	p.f.BeforeEdit = func() { ws.art.Parse() } // a pending parse first: edits match the editor's text
	p.f.OnGotoLine = p.gotoLine
	p.f.OnEscape = func() { p.focusEditor() }
	p.f.OnUndo = p.undo
	p.f.SetUIRunner(func(fn func()) { ws.do(fn) }) // ws.do as it is then (tests replace it)
	ws.panes.SetForm(p.f)
	// The window's content is watched for its width (the list's
	// automatic collapse); it is laid out exactly as before.
	ws.panes.content = container.New(&windowWidth{p: p}, ws.panes.content)
	return p
}

// windowWidth lays out the window's content at the window's size and tells
// the form pane the width.
type windowWidth struct{ p *formPane }

func (l *windowWidth) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (l *windowWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.p.windowResized(size.Width)
	objs[0].Move(fyne.Position{})
	objs[0].Resize(size)
}

// windowResized collapses the article list when the window becomes
// narrower than narrowWindow and brings it back when it is wide again,
// unless the user toggled the list. It acts on crossing the width only,
// so a list the user (or a tab) shows stays.
func (p *formPane) windowResized(w float32) {
	was := p.winWidth
	p.winWidth = w
	if p.listByUser || p.list == nil {
		return
	}
	side := p.ws.panes.side
	switch {
	case w < narrowWindow && (was == 0 || was >= narrowWindow) && side.Visible():
		side.Hide()
		p.listAuto = true
	case w >= narrowWindow && was < narrowWindow && p.listAuto:
		side.Show()
		p.listAuto = false
	default:
		return
	}
	p.list.Checked = side.Visible()
	p.ws.panes.outer.Refresh()
	if p.ws.menu != nil {
		p.ws.menu.refresh()
	}
}

// edit applies one form edit to the editor as one undoable replacement.
func (p *formPane) edit(e document.Edit) {
	src := p.ws.src
	if src.ReadOnly() || e.End > src.Len() {
		// Not applied: the form goes back to the editor's text.
		p.f.SetDocument(p.f.Path(), p.ws.art.Doc())
		return
	}
	src.ReplaceRange(editor.Range{Start: e.Start, End: e.End}, e.Text)
	p.ws.edited() // ReplaceRange does not call OnChanged
}

// undo takes the editor's last step back (or redoes it) for Ctrl+Z in a
// form field, and shows the new text in the form at once.
func (p *formPane) undo(redo bool) {
	src := p.ws.src
	if src.ReadOnly() {
		return
	}
	before := src.Text()
	if redo {
		src.Redo()
	} else {
		src.Undo()
	}
	if src.Text() == before {
		return
	}
	p.ws.edited()
	p.ws.art.Parse()
}

// parsed shows the article's newest parse in the form.
func (p *formPane) parsed() {
	ws := p.ws
	p.siteFor(ws.root)
	p.schema()
	if !ws.art.HasFile() {
		p.path = ""
		p.f.SetDocument("", nil)
		return
	}
	if path := ws.art.Path(); path != p.path {
		p.path = path
		p.f.SetDocument(p.rel(path), ws.art.Doc())
		return
	}
	p.f.Update(ws.art.Doc())
}

// rel is the header's name of an article: its path in the opened folder.
func (p *formPane) rel(path string) string {
	if rel, ok := p.ws.index.Rel(path); ok {
		return rel
	}
	return filepath.Base(path)
}

// stateChanged follows a rename or move of the open article: the header
// shows its new path; the fields are the same text's.
func (p *formPane) stateChanged() {
	ws := p.ws
	if !ws.art.HasFile() || p.path == "" {
		return
	}
	if path := ws.art.Path(); path != p.path {
		p.path = path
		p.f.SetPath(p.rel(path))
	}
}

// indexChanged gives the form the folder's new schema, inferred off the
// UI goroutine.
func (p *formPane) indexChanged() {
	ix := p.ws.index
	go func() {
		s := ix.Schema()
		p.ws.do(func() { p.showSchema(ix, s) })
	}()
}

// showSchema gives the form the schema s inferred from ix, unless another
// folder was opened meanwhile; the same schema again rebuilds nothing (no
// frame drawn for it: issue 9).
func (p *formPane) showSchema(ix *library.Index, s *document.Schema) {
	if ix != p.ws.index {
		return
	}
	p.ver = ix.Version()
	if !reflect.DeepEqual(s, p.shownSchema) {
		p.shownSchema = s
		p.f.SetSchema(s)
	}
}

// schema notices a folder whose index changed without indexChanged (a
// save puts the article into the index).
func (p *formPane) schema() {
	if v := p.ws.index.Version(); v != p.ver {
		p.ver = v
		p.indexChanged()
	}
}

// siteFor reads the site config around root once per folder: its
// taxonomies and time zone drive the form.
func (p *formPane) siteFor(root string) {
	if root == p.root {
		return
	}
	p.root = root
	site, err := library.FindSite(root, "")
	if err != nil {
		p.ws.status.problem(err.Error())
	}
	if site != nil {
		for _, w := range site.Warnings {
			p.ws.status.problem(w)
		}
	}
	p.site = site
	opts := form.Options{Location: site.Location()}
	if site != nil {
		opts.Taxonomies = site.Taxonomies
	}
	p.f.SetOptions(opts)
}

// gotoLine puts the editor's caret at the start of a 1-based line.
func (p *formPane) gotoLine(line int) {
	text := p.ws.src.Text()
	off := 0
	for i := 1; i < line; i++ {
		j := strings.IndexByte(text[off:], '\n')
		if j < 0 {
			break
		}
		off += j + 1
	}
	p.ws.src.SetCursorOffset(off)
	p.focusEditor()
}

func (p *formPane) focusEditor() {
	if c := p.ws.win.Canvas(); c != nil {
		c.Focus(p.ws.src)
	}
}

// focusForm shows the form pane and puts the focus in its first field.
func (p *formPane) focusForm() {
	if !p.ws.panes.form.Visible() {
		p.setShown(p.formItem, p.ws.panes.form, prefShowForm, true)
	}
	p.f.FocusFirst()
}

// installMenu adds the pane toggles and the form's shortcut to the View
// menu, and shows the panes the preferences remember.
func (p *formPane) installMenu(main *fyne.MainMenu) {
	ws := p.ws
	prefs := ws.app.Preferences()
	p.list = fyne.NewMenuItem(lang.L("Article List"), nil)
	p.list.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	p.list.Action = func() {
		p.listByUser, p.listAuto = true, false
		p.setShown(p.list, ws.panes.side, prefShowList, !ws.panes.side.Visible())
	}
	p.formItem = fyne.NewMenuItem(lang.L("Front Matter Form"), nil)
	p.formItem.Action = func() { p.setShown(p.formItem, ws.panes.form, prefShowForm, !ws.panes.form.Visible()) }
	p.preview = fyne.NewMenuItem(lang.L("Preview"), nil)
	p.preview.Action = func() { p.setShown(p.preview, ws.prev, prefShowPreview, !ws.prev.Visible()) }
	focus := fyne.NewMenuItem(lang.L("Edit Front Matter"), p.focusForm)
	focus.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}

	p.setShown(p.list, ws.panes.side, prefShowList, prefs.BoolWithFallback(prefShowList, true))
	p.setShown(p.formItem, ws.panes.form, prefShowForm, prefs.BoolWithFallback(prefShowForm, true))
	p.setShown(p.preview, ws.prev, prefShowPreview, prefs.BoolWithFallback(prefShowPreview, true))

	// Saving writes the form field being typed in first.
	for _, m := range main.Items {
		for _, it := range m.Items {
			if it.Label == lang.L("Save") && it.Action != nil {
				save := it.Action
				it.Action = func() {
					p.f.Commit()
					save()
				}
			}
		}
	}
	// The pane items go before the View menu's last group (the preview's
	// options), which stays last.
	for _, m := range main.Items {
		if m.Label != lang.L("View") {
			continue
		}
		at := len(m.Items)
		for i := len(m.Items) - 1; i > 0; i-- {
			if m.Items[i].IsSeparator {
				at = i
				break
			}
		}
		add := []*fyne.MenuItem{fyne.NewMenuItemSeparator(), p.list, p.formItem, p.preview, focus}
		m.Items = append(m.Items[:at], append(add, m.Items[at:]...)...)
	}
	ws.shortcut(p.list)
	ws.shortcut(focus)
}

// setShown shows or hides a pane, ticks its menu item and remembers it.
func (p *formPane) setShown(it *fyne.MenuItem, o fyne.CanvasObject, pref string, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
	it.Checked = on
	p.ws.app.Preferences().SetBool(pref, on)
	p.ws.panes.work.Refresh()
	p.ws.panes.formSplit.Refresh()
	p.ws.panes.outer.Refresh()
	if p.ws.menu != nil {
		p.ws.menu.refresh()
	}
}
