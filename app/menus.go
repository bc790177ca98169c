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

	newArt := item(lang.L("New Article…"), ctrl(fyne.KeyN), ws.newArticle)
	// F2 has no modifier, so it never reaches the menu: otherKey handles
	// it; the shortcut here only shows it.
	rename := item(lang.L("Rename…"), &desktop.CustomShortcut{KeyName: fyne.KeyF2}, ws.renameArticle)
	duplicate := fyne.NewMenuItem(lang.L("Duplicate"), ws.duplicateArticle)
	trash := fyne.NewMenuItem(lang.L("Move to Trash…"), ws.deleteArticle)
	openFolder := item(lang.L("Open Folder…"), ctrl(fyne.KeyO), ws.chooseFolder)
	m.recent = fyne.NewMenuItem(lang.L("Open Recent"), nil)
	m.recentChanged()
	save := item(lang.L("Save"), ctrl(fyne.KeyS), func() { ws.saveChecked(nil) })
	// one item for one action (QA F26: File had "Reload from Disk" and
	// Edit "Revert to Saved", both confirmReload)
	revert := fyne.NewMenuItem(lang.L("Revert to Saved"), ws.confirmReload)
	prefs := item(lang.L("Preferences…"), ctrl(fyne.KeyComma), ws.showPreferences)
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

	filter := item(lang.L("Filter Articles"), ctrl(fyne.KeyP), func() {
		ws.panes.showTab(tabArticles)
		ws.list.focusFilter(ws.win.Canvas())
	})
	goList := item(lang.L("Go to Article List"), ctrl(fyne.KeyL), func() {
		ws.panes.showTab(tabArticles)
		ws.list.focusList(ws.win.Canvas())
	})
	group := fyne.NewMenuItem(lang.L("Group by Folder"), nil)
	group.Checked = ws.list.q.group
	group.Action = func() {
		ws.list.setGroup(!ws.list.q.group)
		group.Checked = ws.list.q.group
		m.refresh()
	}
	var sorts []*fyne.MenuItem
	for i, name := range sortNames() {
		sorts = append(sorts, fyne.NewMenuItem(name, func() { ws.list.setSort(sortKey(i)) }))
	}
	sortBy := fyne.NewMenuItem(lang.L("Sort Articles"), nil)
	sortBy.ChildMenu = fyne.NewMenu("", sorts...)

	shift := func(key fyne.KeyName) fyne.Shortcut {
		return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	}
	undo := item(lang.L("Undo"), &fyne.ShortcutUndo{}, func() { ws.undo(false) })
	redo := item(lang.L("Redo"), &fyne.ShortcutRedo{}, func() { ws.undo(true) })
	find := item(lang.L("Find…"), ctrl(fyne.KeyF), ws.find.ShowFind)
	replace := item(lang.L("Replace…"), ctrl(fyne.KeyH), ws.find.ShowReplace)
	findFolder := item(lang.L("Find in Folder…"), shift(fyne.KeyF), func() {
		ws.panes.showTab(tabSearch)
		ws.search.focus()
	})
	outline := item(lang.L("Outline"), shift(fyne.KeyO), ws.toggleOutline)

	m.main = fyne.NewMainMenu(
		fyne.NewMenu(lang.L("File"), newArt, openFolder, m.recent, fyne.NewMenuItemSeparator(),
			rename, duplicate, trash, fyne.NewMenuItemSeparator(),
			save, revert, fyne.NewMenuItemSeparator(), prefs, fyne.NewMenuItemSeparator(), closeWin, quit),
		fyne.NewMenu(lang.L("Edit"), undo, redo, fyne.NewMenuItemSeparator(), find, replace, fyne.NewMenuItemSeparator(), findFolder),
		fyne.NewMenu(lang.L("View"), filter, goList, group, sortBy, outline, fyne.NewMenuItemSeparator(),
			m.dark, bigger, smaller, fyne.NewMenuItemSeparator(), m.remote),
		fyne.NewMenu(lang.L("Help"), fyne.NewMenuItem(lang.L("Keyboard Shortcuts"), ws.showShortcuts),
			fyne.NewMenuItem(lang.L("About Folio"), ws.showAbout)))
	ws.form.installMenu(m.main)
	ws.win.SetMainMenu(m.main)
	for _, it := range []*fyne.MenuItem{openFolder, save, closeWin, quit, bigger, smaller, filter, goList, prefs, newArt,
		find, replace, findFolder, outline, undo, redo} {
		ws.shortcut(it)
	}
	// Ctrl+Shift+Z, the other Redo, reaches the window from the preview.
	ws.win.Canvas().AddShortcut(shift(fyne.KeyZ), func(fyne.Shortcut) { ws.undo(true) })
	// Keys without a modifier reach the focused widget, not the menu:
	// the editor, the list and the filter box pass on those they do not
	// use.
	ws.src.OnOtherKey = ws.otherKey
	ws.list.otherKey = ws.otherKey
	ws.win.Canvas().SetOnTypedKey(ws.otherKey)
	ws.win.SetOnDropped(ws.dropped)
	ws.win.SetCloseIntercept(ws.closeWindow)
	ws.applyEditorTextSize()
	ws.updateTitle()
}

// otherKey handles the window's keys without a modifier: F2 renames.
func (ws *workspace) otherKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && ws.escape != nil {
		ws.escape() // a question is asked: Escape cancels it
		return
	}
	if ev.Name == fyne.KeyF2 {
		ws.renameArticle()
	}
}

// toggleOutline shows the outline tab, or the article list when the
// outline is already in front.
func (ws *workspace) toggleOutline() {
	if ws.panes.side.Visible() && ws.panes.tabs.SelectedIndex() == tabOutline {
		ws.panes.showTab(tabArticles)
		return
	}
	ws.panes.showTab(tabOutline)
}

// shortcut makes a menu item's shortcut work anywhere in the window.
func (ws *workspace) shortcut(it *fyne.MenuItem) {
	ws.win.Canvas().AddShortcut(it.Shortcut, func(fyne.Shortcut) { it.Action() })
}

// undo runs Edit → Undo (or Redo): in the focused text field or editor,
// else (the preview has the keyboard, say after a task box was ticked
// there) in the editor, the article's text.
func (ws *workspace) undo(redo bool) {
	type undoer interface {
		Undo()
		Redo()
	}
	var u undoer = ws.src
	if f, ok := ws.win.Canvas().Focused().(undoer); ok {
		u = f
	}
	if redo {
		u.Redo()
	} else {
		u.Undo()
	}
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
		ws.hot.confirmOthers(func() { // the other restored articles (F37)
			ws.remember()
			ws.leave(false)
		})
	}, nil)
}

// quit asks about unsaved changes, remembers the window's state and ends
// Folio.
func (ws *workspace) quit() {
	ws.confirmLeave(func() {
		ws.hot.confirmOthers(func() { // the other restored articles (F37)
			ws.remember()
			ws.leave(true)
		})
	}, nil)
}
