package app

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"folio/app/theme"
)

// menus is the window's main menu and the shortcuts that go with it.
type menus struct {
	ws     *workspace
	main   *fyne.MainMenu
	recent *fyne.MenuItem // File → Open Recent
	dark   *fyne.MenuItem
	remote *fyne.MenuItem
}

// ctrl is the platform's shortcut modifier (Ctrl, or ⌘ on macOS) with key.
func ctrl(key fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

// item makes a menu item with an optional shortcut.
func item(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, action)
	it.Shortcut = sc
	return it
}

// install puts the workspace into its window with menus and shortcuts.
func (ws *workspace) install() {
	ws.win.SetContent(ws.panes.content)
	ws.list.current = ws.art.Path
	m := &menus{ws: ws}
	ws.menu = m

	openFolder := item(lang.L("Open Folder…"), ctrl(fyne.KeyO), ws.chooseFolder)
	m.recent = fyne.NewMenuItem(lang.L("Open Recent"), nil)
	m.recentChanged()
	save := item(lang.L("Save"), ctrl(fyne.KeyS), func() { ws.save() })
	reload := fyne.NewMenuItem(lang.L("Reload from Disk"), ws.confirmReload)
	revert := fyne.NewMenuItem(lang.L("Revert to Saved"), ws.confirmReload)
	closeWin := item(lang.L("Close Window"), ctrl(fyne.KeyW), ws.closeWindow)
	quit := item(lang.L("Quit"), ctrl(fyne.KeyQ), ws.quit)
	quit.IsQuit = true

	m.dark = fyne.NewMenuItem(lang.L("Dark theme"), nil)
	m.dark.Checked = isDark(ws.app)
	m.dark.Action = func() {
		opts := themeOptions(ws.app.Preferences())
		opts.Variant = theme.VariantDark
		if isDark(ws.app) {
			opts.Variant = theme.VariantLight
		}
		applyTheme(ws.app, opts)
		m.dark.Checked = opts.Variant == theme.VariantDark
		m.refresh()
	}
	bigger := item(lang.L("Larger Text"), ctrl(fyne.KeyEqual), func() { ws.scaleText(1.1) })
	smaller := item(lang.L("Smaller Text"), ctrl(fyne.KeyMinus), func() { ws.scaleText(1 / 1.1) })
	m.remote = fyne.NewMenuItem(lang.L("Load Remote Images"), nil)
	m.remote.Checked = ws.app.Preferences().Bool(prefRemoteImages)
	ws.prev.SetAllowRemoteImages(m.remote.Checked)
	m.remote.Action = func() { ws.setRemoteImages(!m.remote.Checked) }

	m.main = fyne.NewMainMenu(
		fyne.NewMenu(lang.L("File"), openFolder, m.recent, fyne.NewMenuItemSeparator(),
			save, reload, ws.autosaveItem(), fyne.NewMenuItemSeparator(), closeWin, quit),
		fyne.NewMenu(lang.L("View"), m.dark, bigger, smaller, fyne.NewMenuItemSeparator(), m.remote),
		fyne.NewMenu(lang.L("Edit"), revert))
	ws.win.SetMainMenu(m.main)
	for _, it := range []*fyne.MenuItem{openFolder, save, closeWin, quit, bigger, smaller} {
		ws.shortcut(it)
	}
	ws.win.SetCloseIntercept(ws.closeWindow)
	ws.updateTitle()
}

// shortcut makes a menu item's shortcut work anywhere in the window.
func (ws *workspace) shortcut(it *fyne.MenuItem) {
	ws.win.Canvas().AddShortcut(it.Shortcut, func(fyne.Shortcut) { it.Action() })
}

// refresh redraws the menu after an item changed.
func (m *menus) refresh() {
	if mm := m.ws.win.MainMenu(); mm != nil {
		mm.Refresh()
	}
}

// recentChanged rebuilds File → Open Recent from the preferences.
func (m *menus) recentChanged() {
	var items []*fyne.MenuItem
	for _, dir := range recentFolders(m.ws.app.Preferences()) {
		items = append(items, fyne.NewMenuItem(recentLabel(dir), func() { m.ws.openFolder(dir) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem(lang.L("No recent folders"), nil)
		none.Disabled = true
		items = append(items, none)
	}
	m.recent.ChildMenu = fyne.NewMenu("", items...)
	m.refresh()
}

// recentLabel names a folder in Open Recent: its name, then where it is.
func recentLabel(dir string) string {
	return filepath.Base(dir) + " — " + filepath.Dir(dir)
}

// setRemoteImages turns loading remote images in the preview on or off
// and remembers it.
func (ws *workspace) setRemoteImages(on bool) {
	ws.app.Preferences().SetBool(prefRemoteImages, on)
	ws.prev.SetAllowRemoteImages(on)
	if ws.menu != nil {
		ws.menu.remote.Checked = on
		ws.menu.refresh()
	}
}

// scaleText makes all text larger or smaller by factor, within the
// theme's limits, and remembers it.
func (ws *workspace) scaleText(factor float32) {
	opts := themeOptions(ws.app.Preferences())
	opts.TextScale = min(max(opts.TextScale*factor, theme.MinTextScale), theme.MaxTextScale)
	applyTheme(ws.app, opts)
}

// closeWindow asks about unsaved changes, remembers the window's state and
// closes it (the last window: Folio ends).
func (ws *workspace) closeWindow() {
	ws.confirmLeave(func() {
		ws.remember()
		ws.leave(false)
	}, nil)
}

// quit asks about unsaved changes, remembers the window's state and ends
// Folio.
func (ws *workspace) quit() {
	ws.confirmLeave(func() {
		ws.remember()
		ws.leave(true)
	}, nil)
}
