package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"folio/app/library"
	"folio/editor/document"
)

// The article operations of the File menu: New (Ctrl+N), Rename (F2),
// Duplicate and Move to Trash. Each goes through library (NewArticle and
// Save, Trash) or one os.Rename, and tells the Index and the article model
// first, so the watcher's echo changes nothing visible.

// targetDir is where a new article goes: the folder library.NewArticleDir
// chooses for the open article (its own, or a leaf bundle's section), never
// above the opened folder; the opened folder when nothing is open.
func (ws *workspace) targetDir() string {
	if !ws.art.HasFile() {
		return ws.root
	}
	dir := library.NewArticleDir(ws.art.Path())
	if _, inside := ws.index.Rel(dir); !inside && dir != ws.root {
		return filepath.Dir(ws.art.Path())
	}
	return dir
}

// commonFields are the folder's common front matter fields, each with a
// value of its kind (from the first article that has it), for a new
// article in a site without a template.
func (ws *workspace) commonFields() []document.Field {
	var out []document.Field
	for _, k := range ws.index.Schema().Keys {
		if f, ok := ws.index.Sample(k.Key); ok && k.Common() {
			out = append(out, f)
		}
	}
	return out
}

// askText shows a dialog with one entry (focused, text selected; Enter
// confirms) and calls ok with the entry's text. extra, when set, sits
// under the entry.
func (ws *workspace) askText(title, label, text, confirm string, extra fyne.CanvasObject, ok func(string)) (*widget.Entry, dialog.Dialog) {
	if d, shown := ws.showing[title]; shown {
		return nil, d // already asked (the shortcut pressed twice)
	}
	var d *dialog.CustomDialog
	esc := newEscEntry(func() { d.Hide() })
	entry := &esc.Entry
	entry.SetText(text)
	done := func() {
		if strings.TrimSpace(entry.Text) == "" {
			return
		}
		d.Hide()
		ok(strings.TrimSpace(entry.Text))
	}
	entry.OnSubmitted = func(string) { done() }
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.Hide() })
	confirmBtn := widget.NewButton(confirm, done)
	confirmBtn.Importance = widget.HighImportance
	body := container.NewVBox(widget.NewLabel(label), esc)
	if extra != nil {
		body.Add(extra)
	}
	body.Add(container.NewHBox(layoutSpacer(), cancel, confirmBtn))
	d = dialog.NewCustomWithoutButtons(title, body, ws.win)
	d.Resize(fyne.NewSize(dialogWidth, 1))
	ws.showOnce(title, d)
	ws.win.Canvas().Focus(esc)
	entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	return entry, d
}

// escEntry is an entry whose Escape cancels its dialog.
type escEntry struct {
	widget.Entry
	onEscape func()
}

func newEscEntry(onEscape func()) *escEntry {
	e := &escEntry{onEscape: onEscape}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable.
func (e *escEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(ev)
}

// newArticle asks for a title (Ctrl+N) and creates the article.
func (ws *workspace) newArticle() {
	ws.confirmLeave(func() {
		ws.askText(lang.L("New Article"), lang.L("Title"), "", lang.L("Create"), nil, ws.createArticle)
	}, nil)
}

// createArticle makes the article titled title in the target folder from
// the site's template, saves it and opens it with the caret in the body.
func (ws *workspace) createArticle(title string) {
	dir := ws.targetDir()
	name, data, err := library.NewArticle(library.NewRequest{Root: ws.root, Dir: dir, Title: title, Common: ws.commonFields()})
	if err != nil && !errors.Is(err, library.ErrTemplate) {
		ws.status.problem(lang.L("Could not create the article: {{.Err}}", map[string]any{"Err": err}))
		return
	}
	if err != nil {
		ws.status.problem(err.Error()) // made from the plain template: say why
	}
	data = withAuthor(data, ws.app.Preferences().String(prefAuthor))
	abs := filepath.Join(dir, name)
	if ws.watcher != nil {
		ws.watcher.Expect(abs, data)
	}
	if err := library.Save(abs, data, library.Sum{}); err != nil {
		ws.status.problem(lang.L("Could not create the article: {{.Err}}", map[string]any{"Err": err}))
		return
	}
	ws.index.Put(abs, data)
	ws.list.reveal(abs)
	ws.load(abs)
}

// withAuthor fills an empty author field of a new article with the
// default author (a minimal edit; nothing else changes).
func withAuthor(data []byte, author string) []byte {
	if author == "" {
		return data
	}
	doc, err := document.Parse(data)
	if err != nil {
		return data
	}
	v, ok := doc.Get("author")
	if !ok || strings.TrimSpace(v.Plain()) != "" {
		return data
	}
	e, err := doc.SetEdit("author", document.S(author))
	if err != nil {
		return data
	}
	return e.Apply(data)
}

// renameArticle asks for the open article's new file name (F2): typed, or
// made from its title.
func (ws *workspace) renameArticle() {
	if !ws.art.HasFile() {
		return
	}
	old := ws.art.Path()
	base := filepath.Base(old)
	var entry *widget.Entry
	fromTitle := widget.NewButton(lang.L("Use the title"), func() {
		if t := ws.art.Title(); t != "" {
			entry.SetText(library.Slug(t) + filepath.Ext(base))
		}
	})
	fromTitle.Disable()
	if ws.art.Title() != "" {
		fromTitle.Enable()
	}
	entry, _ = ws.askText(lang.L("Rename"), lang.L("New file name for {{.Name}}", map[string]any{"Name": base}), base,
		lang.L("Rename"), fromTitle, func(name string) {
			if err := ws.renameTo(name); err != nil {
				ws.status.problem(lang.L("Could not rename {{.Name}}: {{.Err}}", map[string]any{"Name": base, "Err": err}))
			}
		})
}

// renameTo renames the open article's file to name (in the same folder;
// a name without a Markdown extension gets the old one).
func (ws *workspace) renameTo(name string) error {
	old := ws.art.Path()
	if strings.ContainsAny(name, `/\`) || name == "." || name == ".." {
		return errors.New(lang.L("a file name cannot contain a slash"))
	}
	if !library.IsMarkdown(name) {
		name += filepath.Ext(old)
	}
	abs := filepath.Join(filepath.Dir(old), name)
	if abs == old {
		return nil
	}
	if taken, err := os.Lstat(abs); err == nil {
		// Only the same file may be there (a case-only rename on a
		// case-insensitive file system); never replace another.
		if mine, merr := os.Lstat(old); merr != nil || !os.SameFile(taken, mine) {
			return fmt.Errorf("%s: %w", name, fs.ErrExist)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	// Tell the model and the Index first: the watcher's report of the
	// old name removed is then about no open article and no row.
	ws.art.Renamed(abs)
	ws.index.Rename(old, abs)
	if err := os.Rename(old, abs); err != nil {
		ws.art.Renamed(old)
		ws.index.Rename(abs, old)
		return err
	}
	ws.list.show()
	ws.form.parsed() // the form's header names the file
	return nil
}

// duplicateArticle saves a copy of the open article (as on disk, titled
// "… (copy)") beside it and opens the copy.
func (ws *workspace) duplicateArticle() {
	if !ws.art.HasFile() {
		return
	}
	ws.confirmLeave(func() {
		src := ws.art.Path()
		data, _, err := library.Read(src)
		if err != nil {
			ws.status.problem(lang.L("Could not duplicate {{.Name}}: {{.Err}}", map[string]any{"Name": filepath.Base(src), "Err": err}))
			return
		}
		if doc, perr := document.Parse(data); perr == nil {
			if v, ok := doc.Get("title"); ok && v.Plain() != "" {
				if e, err := doc.SetEdit("title", document.S(lang.L("{{.Title}} (copy)", map[string]any{"Title": v.Plain()}))); err == nil {
					data = e.Apply(data)
				}
			}
		}
		abs := copyName(src)
		if ws.watcher != nil {
			ws.watcher.Expect(abs, data)
		}
		if err := library.Save(abs, data, library.Sum{}); err != nil {
			ws.status.problem(lang.L("Could not duplicate {{.Name}}: {{.Err}}", map[string]any{"Name": filepath.Base(src), "Err": err}))
			return
		}
		ws.index.Put(abs, data)
		ws.list.show()
		ws.load(abs)
	}, nil)
}

// copyName is a free name for a copy of abs: name-copy.md, name-copy-2.md…
func copyName(abs string) string {
	ext := filepath.Ext(abs)
	stem := strings.TrimSuffix(abs, ext)
	for i := 1; ; i++ {
		p := stem + "-copy" + ext
		if i > 1 {
			p = fmt.Sprintf("%s-copy-%d%s", stem, i, ext)
		}
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p
		}
	}
}

// deleteArticle asks, then moves the open article to the desktop's trash
// (or, where there is none and the user agrees, deletes it).
func (ws *workspace) deleteArticle() {
	if !ws.art.HasFile() {
		return
	}
	abs := ws.art.Path()
	name := filepath.Base(abs)
	msg := lang.L("Move {{.Name}} to the trash?", map[string]any{"Name": name})
	if ws.art.Dirty() {
		msg += "\n" + lang.L("Its unsaved changes will be lost.")
	}
	ws.ask(lang.L("Move to Trash"), msg,
		askButton{lang.L("Cancel"), nil},
		askButton{lang.L("Move to Trash"), func() {
			err := library.Trash(abs)
			if errors.Is(err, library.ErrNoTrash) {
				ws.ask(lang.L("Delete"), lang.L("There is no trash for {{.Name}}. Delete it permanently?", map[string]any{"Name": name}),
					askButton{lang.L("Cancel"), nil},
					askButton{lang.L("Delete Permanently"), func() {
						ws.removed(abs, os.Remove(abs), lang.L("Deleted {{.Name}}", map[string]any{"Name": name}))
					}})
				return
			}
			ws.removed(abs, err, lang.L("Moved {{.Name}} to the trash", map[string]any{"Name": name}))
		}})
}

// removed updates the window after the open article abs was trashed or
// deleted: its row goes, and the next article in the list opens.
func (ws *workspace) removed(abs string, err error, done string) {
	if err != nil {
		ws.status.problem(lang.L("Could not delete {{.Name}}: {{.Err}}", map[string]any{"Name": filepath.Base(abs), "Err": err}))
		return
	}
	next := ws.list.neighbour(abs)
	ws.index.Remove(abs)
	if ws.art.Path() == abs {
		ws.art.Close()
	}
	ws.list.show()
	if next != "" {
		ws.load(next)
	}
	ws.status.say(done)
}
