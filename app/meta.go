package app

import (
	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"folio/assets"
)

// Version is Folio's version, as in FyneApp.toml.
const Version = "0.1.0"

// newApp creates Folio's Fyne app and completes its metadata. It starts
// from what the binary already carries (a.Metadata(): what `fyne package`
// compiled in, or FyneApp.toml under `go run`) and fills only what is
// missing, so a packaged build keeps its Build, Release and Custom values.
// The metadata is set before the first window: Fyne reads the fyneDo
// migration lazily, on first use. Animations are off (app/steady.go).
func newApp() fyne.App {
	a := fyneapp.NewWithID(ID)
	fyneapp.SetMetadata(metadata(a.Metadata()))
	return withoutAnimations(a)
}

// metadata completes what the build knows of the app (from `fyne package`,
// or FyneApp.toml when run with `go run` from the repository) so that a
// plain `go build` binary behaves the same: the same name, ID, icon and
// version, and Fyne's fyneDo threading rules (FyneApp.toml's
// [Migrations] fyneDo = true) always on.
func metadata(m fyne.AppMetadata) fyne.AppMetadata {
	if m.ID == "" {
		m.ID = ID
	}
	if m.Name == "" {
		m.Name = "Folio"
	}
	if m.Version == "" || m.Version == "0.0.1" {
		m.Version = Version
	}
	if m.Icon == nil {
		m.Icon = assets.Icon
	}
	migrations := make(map[string]bool, len(m.Migrations)+1)
	for k, v := range m.Migrations {
		migrations[k] = v
	}
	migrations["fyneDo"] = true
	m.Migrations = migrations
	if m.Custom == nil {
		m.Custom = map[string]string{}
	}
	return m
}
