package siteconfig

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// The same config in each syntax: mixed-case keys at the top, in a
// nested map, in a list of maps (TOML: an array of tables).
const (
	configTOML = `Title = "Site"
enableEmoji = true
[Params]
  mainColor = "red"
  [Params.Social]
    gitHub = "me"
[[Module.Mounts]]
  Source = "docs"
  target = "content"
`
	configYAML = `Title: Site
enableEmoji: true
Params:
  mainColor: red
  Social:
    gitHub: me
Module:
  Mounts:
    - Source: docs
      target: content
`
	configJSON = `{"Title": "Site", "enableEmoji": true,
 "Params": {"mainColor": "red", "Social": {"gitHub": "me"}},
 "Module": {"Mounts": [{"Source": "docs", "target": "content"}]}}`
)

func TestReadLowerKeys(t *testing.T) {
	deep := map[string]any{
		"title":       "Site",
		"enableemoji": true,
		"params":      map[string]any{"maincolor": "red", "social": map[string]any{"github": "me"}},
		"module":      map[string]any{"mounts": []any{map[string]any{"source": "docs", "target": "content"}}},
	}
	dir := t.TempDir()
	for _, c := range []struct{ name, text string }{
		{"hugo.toml", configTOML}, {"config.yaml", configYAML}, {"config.YML", configYAML}, {"hugo.json", configJSON},
	} {
		p := filepath.Join(dir, c.name)
		if err := os.WriteFile(p, []byte(c.text), 0o644); err != nil {
			t.Fatal(err)
		}
		m, err := Read(p)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if _, ok := m["Title"]; !ok {
			t.Errorf("%s: Read changed the keys: %v", c.name, m)
		}
		if got := LowerKeys(m, true); !reflect.DeepEqual(got, deep) {
			t.Errorf("%s: deep\n got %#v\nwant %#v", c.name, got, deep)
		}
		top := LowerKeys(m, false)
		if len(top) != 4 || top["title"] != "Site" || top["enableemoji"] != true {
			t.Errorf("%s: top level %#v", c.name, top)
		}
		// Only the top level: nested keys as the file spells them.
		params, _ := top["params"].(map[string]any)
		if _, ok := params["mainColor"]; !ok {
			t.Errorf("%s: top-level lowering changed nested keys: %#v", c.name, params)
		}
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ name, text string }{
		{"hugo.toml", "title = \n"}, {"config.yaml", "title: [x\n"}, {"hugo.json", `{"title": }`},
		{"list.yaml", "- a\n- b\n"}, // not a mapping
	} {
		p := filepath.Join(dir, c.name)
		if err := os.WriteFile(p, []byte(c.text), 0o644); err != nil {
			t.Fatal(err)
		}
		m, err := Read(p)
		if de, ok := errors.AsType[*DecodeError](err); !ok || de.Path != p || m != nil {
			t.Errorf("%s: Read = %v, %v; want a DecodeError", c.name, m, err)
		}
	}
	missing := filepath.Join(dir, "none.toml")
	m, err := Read(missing)
	if _, ok := errors.AsType[*DecodeError](err); ok || !errors.Is(err, fs.ErrNotExist) || m != nil {
		t.Errorf("missing file: Read = %v, %v; want a not-exist error", m, err)
	}
	// An empty file is an empty config.
	empty := filepath.Join(dir, "empty.yaml")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if m, err := Read(empty); err != nil || m == nil || len(m) != 0 {
		t.Errorf("empty file: Read = %#v, %v", m, err)
	}
}

func TestLowerKeysNil(t *testing.T) {
	for _, deep := range []bool{false, true} {
		if m := LowerKeys(nil, deep); m == nil || len(m) != 0 {
			t.Errorf("LowerKeys(nil, %v) = %#v, want an empty map", deep, m)
		}
	}
}

func TestHugoFiles(t *testing.T) {
	a := HugoFiles()
	if a[0] != "hugo.toml" || a[len(a)-1] != "config.json" || len(a) != 8 {
		t.Errorf("HugoFiles() = %q", a)
	}
	a[0] = "changed"
	if HugoFiles()[0] != "hugo.toml" {
		t.Error("HugoFiles shares its slice")
	}
}
