package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"folio/app/theme"
)

// install puts the workspace into its window with menus and shortcuts.
func (ws *workspace) install() {
	ws.win.SetContent(ws.panes.content)
	ws.list.current = ws.art.Path
	save := fyne.NewMenuItem(lang.L("Save"), func() { ws.save() })
	save.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	reload := fyne.NewMenuItem(lang.L("Reload from Disk"), ws.confirmReload)
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
	ws.shortcut(bigger)
	ws.shortcut(smaller)
	ws.shortcut(save)
	ws.win.SetCloseIntercept(func() { ws.confirmLeave(ws.win.Close, nil) })
	ws.updateTitle()
}

// shortcut makes a menu item's shortcut work anywhere in the window.
func (ws *workspace) shortcut(item *fyne.MenuItem) {
	ws.win.Canvas().AddShortcut(item.Shortcut, func(fyne.Shortcut) { item.Action() })
}

// scaleText makes all text larger or smaller by factor, within the
// theme's limits, and remembers it.
func (ws *workspace) scaleText(factor float32) {
	opts := themeOptions(ws.app.Preferences())
	opts.TextScale = min(max(opts.TextScale*factor, theme.MinTextScale), theme.MaxTextScale)
	applyTheme(ws.app, opts)
}
