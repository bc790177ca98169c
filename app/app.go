// Package app is Folio's desktop shell: the window, its panes, menus and
// dialogs. It is the only package besides cmd that starts a Fyne app.
package app

import (
	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

// ID is Folio's application identifier (also in FyneApp.toml).
const ID = "io.github.folio.editor"

// Run opens the Folio window on the given folders or files and blocks until
// it is closed.
func Run(paths []string) error {
	// Before the app exists, so that Fyne's threading checks see fyneDo.
	fyneapp.SetMetadata(metadata(fyne.AppMetadata{}))
	a := fyneapp.NewWithID(ID)
	w := a.NewWindow("Folio")
	w.SetContent(widget.NewLabel("Folio"))
	w.Resize(fyne.NewSize(1200, 800))
	w.ShowAndRun()
	return nil
}
