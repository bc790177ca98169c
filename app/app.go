// Package app is Folio's desktop shell: the window, its panes, menus and
// dialogs. It is the only package besides cmd that starts a Fyne app.
package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"folio/assets"
)

// ID is Folio's application identifier (also in FyneApp.toml).
const ID = "io.github.folio.editor"

// Run opens the Folio window on a folder or a file (see target for
// several paths) and blocks until it is closed. With no path it reopens
// the folder and article of the last run; the very first time, the
// built-in sample articles, copied to Folio's own storage.
func Run(paths []string) error {
	startCPUProfile()
	a := newApp()
	applyLanguage(a.Preferences())
	if err := lang.AddTranslationsFS(assets.Translations, "i18n"); err != nil {
		fyne.LogError("loading translations", err)
	}
	applyTheme(a, themeOptions(a.Preferences()))

	root, file, ignored, err := target(paths, a)
	if err != nil {
		return err
	}
	for _, p := range ignored {
		fmt.Fprintf(os.Stderr, "folio: one folder at a time: not opening %s (the folder shown is %s)\n", p, root)
	}
	ws := newWorkspaceCore(a, nil, root)
	panesBuilt := sleepWhenIdle(ws) // the driver loop waits for events while idle (app/idle.go)
	// The folder is read (or its index cache) while the window is made
	// (its GL context takes a core for a few tens of milliseconds) and the
	// panes are built: a large folder's list fills that much sooner. The
	// load touches the window only through ws.do, on the UI goroutine. The
	// article to open first is known once the panes are built (unsaved
	// work from a crash first).
	ws.startFollow("")
	w := a.NewWindow("Folio")
	w.SetIcon(assets.Icon)
	ws.win = w
	ws.build()
	panesBuilt() // the preview's hand-overs wake the driver loop too
	ws.install()
	ws.restorePanes()
	followCaret(w, ws.src) // input method: candidate window at the caret (app/ime.go)
	w.Resize(windowSize(a.Preferences()))
	ws.rememberFolder()
	if len(paths) == 0 || file == "" {
		file = ws.hot.startArticle(file) // unsaved work from a crash first
	}
	ws.openFirst(file)
	w.ShowAndRun()
	if ws.watcher != nil {
		ws.watcher.Close()
	}
	return nil
}

// target decides which folder to show and which file to open first: the
// paths given, else the folder and article open when Folio last closed,
// else (the very first run) the built-in samples.
//
// Of the paths given, the first folder is shown (else the first file's
// folder) and the first file within it is opened, so `folio SITE
// SITE/post.md` opens that article in its site. Folio shows one folder at
// a time: the paths it does not open are returned in ignored.
func target(paths []string, a fyne.App) (root, file string, ignored []string, err error) {
	if len(paths) == 0 {
		if dir, file := lastPlace(a.Preferences()); dir != "" {
			return dir, file, nil, nil
		}
		dir, err := sampleFolder(a)
		return dir, "", nil, err
	}
	type given struct {
		path string
		dir  bool
	}
	all := make([]given, 0, len(paths))
	for _, arg := range paths {
		p, err := filepath.Abs(arg)
		if err != nil {
			return "", "", nil, fmt.Errorf("open %s: %w", arg, err)
		}
		info, err := os.Stat(p)
		if err != nil {
			return "", "", nil, fmt.Errorf("open %s: %w", arg, err)
		}
		all = append(all, given{p, info.IsDir()})
	}
	for _, g := range all {
		if g.dir {
			root = g.path
			break
		}
	}
	if root == "" {
		root = filepath.Dir(all[0].path)
	}
	for i, g := range all {
		switch {
		case g.path == root && g.dir:
		case file == "" && !g.dir && within(root, g.path):
			file = g.path
		default:
			ignored = append(ignored, paths[i])
		}
	}
	return root, file, ignored, nil
}

// within reports whether path is root or lies under it.
func within(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// sampleFolder copies the built-in samples (never over a file the user
// has changed) into the app's storage and returns that folder.
func sampleFolder(a fyne.App) (string, error) {
	base := ""
	if u := a.Storage().RootURI(); u != nil && u.Scheme() == "file" {
		base = u.Path()
	}
	if base == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("no folder for the sample articles: %w", err)
		}
		base = filepath.Join(dir, "Folio")
	}
	dir := filepath.Join(base, "samples")
	if _, _, err := assets.CopySamples(assets.Samples, dir); err != nil {
		return "", err
	}
	return dir, nil
}
