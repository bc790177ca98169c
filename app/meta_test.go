package app

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

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
