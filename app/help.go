package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"folio/assets"
)

// shortcutRows are the keyboard shortcuts Help lists: keys, then what
// they do (translated when shown).
func shortcutRows() [][2]string {
	return [][2]string{
		{"Ctrl+N", lang.L("New Article…")},
		{"Ctrl+O", lang.L("Open Folder…")},
		{"F2", lang.L("Rename…")},
		{"Ctrl+S", lang.L("Save")},
		{"Ctrl+W", lang.L("Close Window")},
		{"Ctrl+Q", lang.L("Quit")},
		{"Ctrl+,", lang.L("Preferences")},
		{"Ctrl+P / Ctrl+L", lang.L("Filter Articles")},
		{"↑ ↓ PgUp PgDn Home End", lang.L("Move in the article list")},
		{"Ctrl+F / Ctrl+H", lang.L("Find… / Replace…")},
		{"Ctrl+Shift+F", lang.L("Find in Folder…")},
		{"Ctrl+Shift+O", lang.L("Outline")},
		{"Enter", lang.L("Open the article")},
		{"Ctrl+Z / Ctrl+Shift+Z", lang.L("Undo / Redo")},
		{"Ctrl+B / Ctrl+I / Ctrl+`", lang.L("Bold / Italic / Code")},
		{"Ctrl+K", lang.L("Insert a link")},
		{"Ctrl+= / Ctrl+-", lang.L("Larger / Smaller Text")},
	}
}

// showShortcuts opens Help → Keyboard Shortcuts.
func (ws *workspace) showShortcuts() {
	grid := container.NewGridWithColumns(2)
	for _, r := range shortcutRows() {
		k := widget.NewLabelWithStyle(r[0], fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		grid.Add(k)
		grid.Add(widget.NewLabel(r[1]))
	}
	d := dialog.NewCustom(lang.L("Keyboard Shortcuts"), lang.L("Close"), container.NewVScroll(grid), ws.win)
	d.Resize(fyne.NewSize(620, min(grid.MinSize().Height+140, 640)))
	ws.showOnce("shortcuts", d)
}

// showAbout opens Help → About Folio.
func (ws *workspace) showAbout() {
	icon := canvas.NewImageFromResource(assets.Icon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(72))
	name := widget.NewLabelWithStyle("Folio "+Version, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	text := widget.NewLabel(lang.L("A Markdown and front matter editor for article folders, Chinese first."))
	text.Wrapping = fyne.TextWrapWord
	text.Alignment = fyne.TextAlignCenter
	fonts := widget.NewLabel(lang.L("Bundles Noto Sans SC (SIL Open Font License). Built with Fyne."))
	fonts.Wrapping = fyne.TextWrapWord
	fonts.Alignment = fyne.TextAlignCenter
	fonts.Importance = widget.LowImportance
	d := dialog.NewCustom(lang.L("About Folio"), lang.L("Close"), container.NewVBox(icon, name, text, fonts), ws.win)
	d.Resize(fyne.NewSize(440, 1))
	ws.showOnce("about", d)
}
