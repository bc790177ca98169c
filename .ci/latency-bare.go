//go:build ignore

// latency-bare is the peer of .ci/latency's idle CPU figure: a bare Fyne
// window (one label) on the same Fyne version, whose driver loop wakes 60
// times a second like Folio's.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("io.github.folio.latency-bare")
	w := a.NewWindow("bare Fyne window")
	w.SetContent(widget.NewLabel("A bare Fyne window: the idle peer of Folio."))
	w.Resize(fyne.NewSize(1400, 880)) // the size of a new Folio window
	w.ShowAndRun()
}
