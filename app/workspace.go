package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"folio/app/library"
	"folio/app/theme"
	"folio/editor"
	"folio/editor/document"
	"folio/preview"
)

// workspace is one window's worth of Folio: the article list, the source
// editor and the preview of one folder.
type workspace struct {
	app  fyne.App
	win  fyne.Window
	root string

	list     *widget.List
	articles []library.Summary
	src      *editor.Source
	prev     *preview.Preview
	status   *widget.Label
	problem  *canvas.Text
	conflict *fyne.Container // the bar shown when the open file changed on disk
	editPane *fyne.Container // the conflict bar above the editor
	watcher  *library.Watcher
	content  fyne.CanvasObject

	// The open article.
	file   string      // absolute path, "" when none
	loaded library.Sum // what the file held when loaded or last saved
	dirty  bool
	title  string
	stats  document.TextStats

	debounce *time.Timer
	mu       sync.Mutex // guards debounce
	delay    time.Duration

	// do runs a function on the UI goroutine: fyne.Do, or a queue in tests
	// (Fyne's test driver runs fyne.Do's function on the calling goroutine).
	do func(func())
}

func newWorkspace(a fyne.App, w fyne.Window, root string) *workspace {
	ws := &workspace{app: a, win: w, root: root, delay: 120 * time.Millisecond, do: fyne.Do}
	ws.src = editor.NewSource()
	ws.prev = preview.New()
	ws.status = widget.NewLabel("")
	ws.status.Truncation = fyne.TextTruncateEllipsis
	ws.problem = canvas.NewText("", fynetheme.Color(fynetheme.ColorNameError))
	ws.problem.TextSize = fynetheme.CaptionTextSize()
	ws.list = widget.NewList(ws.listLen, ws.listItem, ws.listUpdate)
	ws.list.OnSelected = func(id widget.ListItemID) {
		if id < 0 || id >= len(ws.articles) {
			return
		}
		abs := filepath.Join(ws.root, filepath.FromSlash(ws.articles[id].Path))
		if abs != ws.file {
			ws.open(abs)
		}
	}
	ws.src.OnChanged = ws.edited
	ws.src.OnCursorMoved = func(line, col int) { ws.showStatus(line, col) }
	ws.src.OnScrolled = func(first int) { ws.prev.ScrollToSourceLine(first + 1) }
	ws.prev.OnOpenArticle = func(path string) { ws.open(path) }

	ws.conflict = container.NewStack()
	ws.conflict.Hide()
	ws.editPane = container.NewBorder(ws.conflict, nil, nil, nil, ws.src)
	panes := container.NewHSplit(ws.editPane, ws.prev)
	panes.Offset = 0.5
	side := container.NewBorder(widget.NewLabelWithStyle(lang.L("Articles"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, ws.list)
	main := container.NewHSplit(side, panes)
	main.Offset = 0.18
	bottom := container.NewBorder(nil, nil, nil, ws.problem, ws.status)
	ws.content = container.NewBorder(nil, bottom, nil, nil, main)
	return ws
}

// install puts the workspace into its window with menus and shortcuts.
func (ws *workspace) install() {
	ws.win.SetContent(ws.content)
	save := fyne.NewMenuItem(lang.L("Save"), func() { ws.save() })
	save.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	reload := fyne.NewMenuItem(lang.L("Reload from Disk"), func() { ws.confirmLeave(func() { ws.reload() }) })
	dark := fyne.NewMenuItem(lang.L("Dark theme"), nil)
	dark.Checked = isDark(ws.app)
	dark.Action = func() {
		opts := themeOptions(ws.app.Preferences())
		opts.Variant = theme.VariantDark
		if isDark(ws.app) {
			opts.Variant = theme.VariantLight
		}
		applyTheme(ws.app, opts)
		dark.Checked = opts.Variant == theme.VariantDark
		ws.win.MainMenu().Refresh()
	}
	bigger := fyne.NewMenuItem(lang.L("Larger Text"), func() { ws.scaleText(1.1) })
	bigger.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault}
	smaller := fyne.NewMenuItem(lang.L("Smaller Text"), func() { ws.scaleText(1 / 1.1) })
	smaller.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: fyne.KeyModifierShortcutDefault}
	remote := fyne.NewMenuItem(lang.L("Load Remote Images"), nil)
	remote.Checked = ws.app.Preferences().Bool(prefRemoteImages)
	ws.prev.SetAllowRemoteImages(remote.Checked)
	remote.Action = func() {
		remote.Checked = !remote.Checked
		ws.app.Preferences().SetBool(prefRemoteImages, remote.Checked)
		ws.prev.SetAllowRemoteImages(remote.Checked)
		ws.win.MainMenu().Refresh()
	}
	ws.win.SetMainMenu(fyne.NewMainMenu(
		fyne.NewMenu(lang.L("File"), save, reload),
		fyne.NewMenu(lang.L("View"), dark, bigger, smaller, fyne.NewMenuItemSeparator(), remote)))
	ws.win.Canvas().AddShortcut(bigger.Shortcut, func(fyne.Shortcut) { ws.scaleText(1.1) })
	ws.win.Canvas().AddShortcut(smaller.Shortcut, func(fyne.Shortcut) { ws.scaleText(1 / 1.1) })
	ws.win.Canvas().AddShortcut(save.Shortcut, func(fyne.Shortcut) { ws.save() })
	ws.win.SetCloseIntercept(func() { ws.confirmLeave(ws.win.Close) })
	ws.updateTitle()
}

// scaleText makes all text larger or smaller by factor, within the
// theme's limits, and remembers it.
func (ws *workspace) scaleText(factor float32) {
	opts := themeOptions(ws.app.Preferences())
	opts.TextScale = min(max(opts.TextScale*factor, theme.MinTextScale), theme.MaxTextScale)
	applyTheme(ws.app, opts)
}

// scan reads the folder off the UI goroutine, then shows the list and
// opens first (or the first article).
func (ws *workspace) scan(first string) {
	go func() {
		items, err := library.Scan(context.Background(), ws.root)
		ws.do(func() {
			if err != nil {
				ws.problem.Text = err.Error()
				ws.problem.Refresh()
			}
			ws.articles = items
			ws.list.Refresh()
			if first == "" && len(items) > 0 {
				first = filepath.Join(ws.root, filepath.FromSlash(items[0].Path))
			}
			if first != "" && ws.file == "" {
				ws.open(first)
			}
			ws.selectCurrent()
		})
	}()
}

func (ws *workspace) listLen() int { return len(ws.articles) }

func (ws *workspace) listItem() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	sub := canvas.NewText("", fynetheme.Color(fynetheme.ColorNamePlaceHolder))
	sub.TextSize = fynetheme.CaptionTextSize()
	return container.NewVBox(title, container.NewPadded(sub))
}

func (ws *workspace) listUpdate(id widget.ListItemID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	title := box.Objects[0].(*widget.Label)
	sub := box.Objects[1].(*fyne.Container).Objects[0].(*canvas.Text)
	s := ws.articles[id]
	name := s.Title
	if name == "" {
		name = filepath.Base(s.Path)
	}
	if s.Featured {
		name = "★ " + name
	}
	title.SetText(name)
	sub.Text, sub.Color = summaryLine(s), fynetheme.Color(fynetheme.ColorNamePlaceHolder)
	if s.Err != nil {
		sub.Color = fynetheme.Color(fynetheme.ColorNameError)
	}
	sub.Refresh()
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
		parts = append(parts, "draft")
	}
	return strings.Join(parts, " · ")
}

func (ws *workspace) selectCurrent() {
	for i, s := range ws.articles {
		if filepath.Join(ws.root, filepath.FromSlash(s.Path)) == ws.file {
			ws.list.Select(i)
			return
		}
	}
}

// open loads an article into the editor, asking first if the open one has
// unsaved changes.
func (ws *workspace) open(abs string) {
	if abs == ws.file {
		return
	}
	ws.confirmLeave(func() { ws.load(abs) })
}

func (ws *workspace) load(abs string) {
	data, sum, err := library.Read(abs)
	if err != nil {
		ws.showProblem(lang.L("Could not open {{.Name}}: {{.Err}}", map[string]any{"Name": filepath.Base(abs), "Err": err}))
		ws.selectCurrent()
		return
	}
	ws.file, ws.loaded, ws.dirty = abs, sum, false
	ws.hideConflict() // a bar belongs to the article it was raised for
	ws.src.SetText(string(data))
	ws.refreshPreview(string(data))
	ws.showStatus(0, 0)
	ws.updateTitle()
	ws.selectCurrent()
}

// reload reads the open article again. If that fails the editor keeps
// its text and the file it belongs to, marked unsaved.
func (ws *workspace) reload() {
	if ws.file == "" {
		return
	}
	if _, _, err := library.Read(ws.file); err != nil {
		ws.dirty = true
		ws.updateTitle()
		ws.showProblem(lang.L("Could not open {{.Name}}: {{.Err}}", map[string]any{"Name": filepath.Base(ws.file), "Err": err}))
		return
	}
	ws.load(ws.file)
}

// confirmLeave runs next at once when there is nothing unsaved, else asks
// whether to save, discard or stay.
func (ws *workspace) confirmLeave(next func()) {
	if !ws.dirty {
		next()
		return
	}
	name := filepath.Base(ws.file)
	var d *dialog.CustomDialog
	saveBtn := widget.NewButton(lang.L("Save"), func() {
		d.Hide()
		if ws.save() {
			next()
		}
	})
	saveBtn.Importance = widget.HighImportance
	// Discard leaves dirty alone: the next step (a load) clears it once the
	// new text is in, and if that step fails the text is still unsaved.
	discard := widget.NewButton(lang.L("Discard"), func() { d.Hide(); next() })
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.Hide(); ws.selectCurrent() })
	msg := widget.NewLabel(lang.L("Save changes to {{.Name}} before leaving it?", map[string]any{"Name": name}))
	d = dialog.NewCustomWithoutButtons(lang.L("Unsaved changes"), container.NewVBox(msg, container.NewHBox(cancel, discard, saveBtn)), ws.win)
	d.Show()
}

// edited runs on every user edit: mark dirty and refresh the preview after
// a short pause in typing.
func (ws *workspace) edited() {
	if !ws.dirty {
		ws.dirty = true
		ws.updateTitle()
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if ws.debounce != nil {
		ws.debounce.Stop()
	}
	ws.debounce = time.AfterFunc(ws.delay, func() {
		ws.do(func() { ws.refreshPreview(ws.src.Text()) })
	})
}

// refreshPreview parses the front matter (cheap) and hands the body to the
// preview, which renders off the UI goroutine.
func (ws *workspace) refreshPreview(text string) {
	doc, err := document.Parse([]byte(text))
	ws.title = ""
	if v, ok := doc.Get("title"); ok {
		ws.title = v.Plain()
	}
	var pe *document.ParseError
	switch {
	case errors.As(err, &pe):
		ws.showProblem(fmt.Sprintf("%s:%d: %s", filepath.Base(ws.file), pe.Line, pe.Msg))
	case err != nil:
		ws.showProblem(fmt.Sprintf("%s: %v", filepath.Base(ws.file), err))
	default:
		ws.showProblem("")
	}
	ws.prev.Update(doc.Body(), preview.MetaFromFields(doc.Fields()), filepath.Dir(ws.file), doc.BodyLine())
	ws.stats = document.CountText(doc.Body())
	ws.showStatus(ws.src.CursorLine(), ws.src.CursorColumn())
	ws.updateTitle()
}

func (ws *workspace) showProblem(msg string) {
	ws.problem.Text = msg
	ws.problem.Color = fynetheme.Color(fynetheme.ColorNameError)
	ws.problem.Refresh()
}

func (ws *workspace) showStatus(line, col int) {
	words := lang.L("{{.Words}} words · {{.Minutes}} min", map[string]any{"Words": ws.stats.Total, "Minutes": ws.stats.ReadingMinutes()})
	pos := lang.L("Ln {{.Line}}, Col {{.Col}}", map[string]any{"Line": line + 1, "Col": col + 1})
	ws.status.SetText(words + "    " + pos)
}

func (ws *workspace) updateTitle() {
	ws.win.SetTitle(windowTitle(ws.dirty, ws.title, ws.file, ws.root))
}

// save writes the editor's text through library.Save, which refuses when
// the file changed on disk since it was loaded; then the user chooses.
// It reports whether the text is now on disk.
func (ws *workspace) save() bool {
	if ws.file == "" {
		ws.showProblem(lang.L("No article is open"))
		return false
	}
	data := []byte(ws.src.Text())
	if ws.watcher != nil {
		ws.watcher.Expect(ws.file, data)
	}
	err := library.Save(ws.file, data, ws.loaded)
	name := filepath.Base(ws.file)
	switch {
	case errors.Is(err, library.ErrChangedOnDisk):
		d := dialog.NewConfirm(lang.L("Changed on disk"),
			lang.L("{{.Name}} was changed by another program since you opened it. Overwrite it with your version?", map[string]any{"Name": name}),
			func(ok bool) {
				if !ok {
					return
				}
				_, disk, rerr := library.Read(ws.file)
				switch {
				case rerr == nil:
					ws.loaded = disk
				case errors.Is(rerr, fs.ErrNotExist):
					ws.loaded = library.Sum{} // deleted meanwhile: create it again
				default:
					ws.showProblem(lang.L("Could not save {{.Name}}: {{.Err}}", map[string]any{"Name": name, "Err": rerr}))
					return
				}
				ws.save()
			}, ws.win)
		d.SetConfirmText(lang.L("Overwrite"))
		d.SetDismissText(lang.L("Cancel"))
		d.Show()
		return false
	case err != nil:
		ws.showProblem(lang.L("Could not save {{.Name}}: {{.Err}}", map[string]any{"Name": name, "Err": err}))
		return false
	}
	ws.loaded = library.SumOf(data)
	ws.dirty = false
	ws.hideConflict()
	ws.updateTitle()
	ws.status.SetText(lang.L("Saved {{.Name}}", map[string]any{"Name": name}))
	ws.rescanOne(data)
	return true
}

// rescanOne refreshes the list row of the open article from the bytes
// just saved.
func (ws *workspace) rescanOne(data []byte) {
	for i, s := range ws.articles {
		abs := filepath.Join(ws.root, filepath.FromSlash(s.Path))
		if abs != ws.file {
			continue
		}
		doc, perr := document.Parse(data)
		f := &library.File{Path: s.Path, Abs: abs, Data: data, Doc: doc, Err: perr}
		ws.articles[i] = library.Summarize(f)
		ws.list.RefreshItem(i)
		return
	}
}
