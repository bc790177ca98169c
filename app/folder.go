package app

import (
	"os"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"folio/app/library"
)

// maxRecent is how many folders File → Open Recent remembers.
const maxRecent = 10

// withRecent puts dir first in a recent-folders list, without duplicates,
// keeping at most maxRecent.
func withRecent(list []string, dir string) []string {
	out := make([]string, 0, min(len(list)+1, maxRecent))
	out = append(out, dir)
	for _, d := range list {
		if d != dir && d != "" && len(out) < maxRecent {
			out = append(out, d)
		}
	}
	return out
}

// recentFolders is the Open Recent list, most recent first.
func recentFolders(p fyne.Preferences) []string {
	return slices.Clone(p.StringList(prefRecent))
}

// lastPlace is the folder and article open when Folio last closed, when
// they still exist; "" for what is gone.
func lastPlace(p fyne.Preferences) (dir, file string) {
	dir = p.String(prefLastFolder)
	if dir == "" {
		return "", ""
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return "", ""
	}
	file = p.String(prefLastArticle)
	if file != "" {
		if info, err := os.Stat(file); err != nil || info.IsDir() {
			file = ""
		}
	}
	return dir, file
}

// chooseFolder shows the folder dialog and opens the folder picked.
func (ws *workspace) chooseFolder() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			ws.status.problem(err.Error())
			return
		}
		if u == nil {
			return // cancelled
		}
		ws.openFolder(u.Path())
	}, ws.win)
	if u, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(ws.root))); err == nil {
		d.SetLocation(u)
	}
	d.Show()
	d.Resize(fyne.NewSize(800, 560)) // after Show: FileDialog.Resize before it panics (Fyne 2.8.1)
}

// openFolder shows another folder in the window, asking first about
// unsaved changes.
func (ws *workspace) openFolder(dir string) {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		ws.status.problem(lang.L("Could not open {{.Name}}: {{.Err}}", map[string]any{"Name": dir, "Err": lang.L("not a folder")}))
		return
	}
	ws.confirmLeave(func() { ws.switchFolder(dir, "") }, nil)
}

// switchFolder replaces the folder at once: a new Index and watcher; the
// open article is closed and first (or the first article) opened.
func (ws *workspace) switchFolder(dir, first string) {
	if ws.watcher != nil {
		ws.watcher.Close()
		ws.watcher = nil
	}
	ws.art.Expect = nil
	ws.art.Close()
	ws.root = dir
	ws.setSiteRoot()
	ws.index = library.NewIndex(dir)
	ws.list.reset() // another folder: the last one's filter would hide everything
	ws.list.setIndex(ws.index)
	ws.rememberFolder()
	ws.follow(first)
	ws.updateTitle()
}

// rememberFolder puts the open folder first in Open Recent.
func (ws *workspace) rememberFolder() {
	p := ws.app.Preferences()
	p.SetStringList(prefRecent, withRecent(p.StringList(prefRecent), ws.root))
	p.SetString(prefLastFolder, ws.root)
	if ws.menu != nil {
		ws.menu.recentChanged()
	}
}
