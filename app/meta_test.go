package app

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"folio/assets"
)

func TestMetadataFillsWhatABareBuildLacks(t *testing.T) {
	m := metadata(fyne.AppMetadata{Version: "0.0.1"})
	if m.ID != ID || m.Name != "Folio" || m.Version != Version || m.Icon != assets.Icon {
		t.Errorf("metadata = %+v", m)
	}
	if !m.Migrations["fyneDo"] {
		t.Error("fyneDo migration must be on")
	}
}

func TestMetadataKeepsWhatPackagingSet(t *testing.T) {
	in := fyne.AppMetadata{ID: "x.y", Name: "Packaged", Version: "9.9.9", Build: 7,
		Migrations: map[string]bool{"other": true}}
	m := metadata(in)
	if m.ID != "x.y" || m.Name != "Packaged" || m.Version != "9.9.9" || m.Build != 7 {
		t.Errorf("metadata overrode packaged values: %+v", m)
	}
	if !m.Migrations["other"] || !m.Migrations["fyneDo"] {
		t.Errorf("migrations = %v", m.Migrations)
	}
	if _, ok := in.Migrations["fyneDo"]; ok {
		t.Error("metadata modified its input's map")
	}
}

// TestFyneAppTOMLAgrees keeps FyneApp.toml and the code in step.
func TestFyneAppTOMLAgrees(t *testing.T) {
	b, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`ID = "` + ID + `"`, `Version = "` + Version + `"`, `Name = "Folio"`,
		`Icon = "assets/icon/folio.png"`, "[Migrations]\nfyneDo = true"} {
		if !strings.Contains(s, want) {
			t.Errorf("FyneApp.toml lacks %q", want)
		}
	}
	if _, err := os.Stat("../assets/icon/folio.png"); err != nil {
		t.Errorf("icon named in FyneApp.toml: %v", err)
	}
}

// TestNewAppKeepsPackagedMetadata takes the packaged path: `fyne package`
// compiles an init function (fyne_metadata_init.go) that calls
// app.SetMetadata before main; newApp must keep what it set.
func TestNewAppKeepsPackagedMetadata(t *testing.T) {
	realAppHome(t)
	packaged := fyne.AppMetadata{ID: ID, Name: "Folio", Version: "0.1.0", Build: 17, Release: true,
		Custom:     map[string]string{"channel": "beta"},
		Migrations: map[string]bool{"fyneDo": true}}
	fyneapp.SetMetadata(packaged) // what the generated init does

	m := newApp().Metadata()
	if m.Build != 17 || !m.Release || m.Custom["channel"] != "beta" || m.Version != "0.1.0" {
		t.Errorf("packaged metadata overwritten: build %d release %v custom %v version %q",
			m.Build, m.Release, m.Custom, m.Version)
	}
	if m.Icon == nil || !m.Migrations["fyneDo"] {
		t.Errorf("missing values not filled: icon %v migrations %v", m.Icon, m.Migrations)
	}
}

// TestNewAppFillsABareBuild takes the plain `go build` path: nothing was
// compiled in, so the app gets Folio's own values.
func TestNewAppFillsABareBuild(t *testing.T) {
	realAppHome(t)
	fyneapp.SetMetadata(fyne.AppMetadata{ID: ID, Version: "0.0.1", Build: 1}) // Fyne's default, with an ID so FyneApp.toml is not read

	m := newApp().Metadata()
	if m.Name != "Folio" || m.Version != Version || m.Icon == nil || !m.Migrations["fyneDo"] || m.Release {
		t.Errorf("bare build metadata = %+v", m)
	}
}

// realAppHome gives a real Fyne app (which writes its preferences in the
// background) a home of its own, and resets Fyne's metadata and current app
// after the test.
func realAppHome(t *testing.T) {
	t.Helper()
	home, err := os.MkdirTemp("", "folio-meta")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"} {
		t.Setenv(v, home)
	}
	prev := fyne.CurrentApp()
	t.Cleanup(func() {
		fyneapp.SetMetadata(fyne.AppMetadata{Version: "0.0.1", Build: 1}) // Fyne's default
		fyne.SetCurrentApp(prev)
		_ = os.RemoveAll(home) // best effort: the app may still be writing
	})
}
