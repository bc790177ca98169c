// Package siteconfig reads a static site's config file (Hugo's hugo.toml,
// config.yaml, …, Hexo's _config.yml) into a map, for the parts of Folio
// that take something from it: the library (taxonomies, time zone,
// content folder) and the preview (content mounts, params, emoji). It
// imports no UI nor Markdown package, so the library's quick command line
// stays small.
package siteconfig

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"
)

// HugoFiles returns the names of the config files Hugo reads, in its
// order of precedence, at a site's root and under config/_default/ (a new
// slice each call: the caller may keep or change it).
func HugoFiles() []string {
	return []string{
		"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
		"config.toml", "config.yaml", "config.yml", "config.json",
	}
}

// DecodeError is Read's error for a file that was read but is not a
// TOML, JSON or YAML mapping.
type DecodeError struct {
	Path string // the file
	Err  error  // the decoder's error
}

func (e *DecodeError) Error() string { return "site config " + e.Path + ": " + e.Err.Error() }

// Unwrap returns the decoder's error.
func (e *DecodeError) Unwrap() error { return e.Err }

// Read reads the config file at path into a map, its keys as the file
// spells them: TOML for a .toml extension, JSON for .json, YAML for any
// other (in any case). An empty file gives an empty map. A file that
// cannot be read gives the read's error (wrapped); one that cannot be
// decoded, a *DecodeError.
func Read(path string) (map[string]any, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read site config: %w", err)
	}
	m := map[string]any{}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".toml":
		err = toml.Unmarshal(b, &m)
	case ".json":
		err = json.Unmarshal(b, &m)
	default:
		err = yaml.Unmarshal(b, &m)
	}
	if err != nil {
		return nil, &DecodeError{Path: path, Err: err}
	}
	return m, nil
}

// LowerKeys returns a copy of m with its keys lower-cased, as Hugo reads
// them (its keys are case-insensitive): only m's own keys, or, when deep,
// those of every map within m too (in maps, in lists and in TOML's arrays
// of tables, which become lists). Two keys that differ only in case keep
// one of their values. The result is never nil.
func LowerKeys(m map[string]any, deep bool) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if deep {
			v = lowerAll(v)
		}
		out[strings.ToLower(k)] = v
	}
	return out
}

// lowerAll is LowerKeys(…, true) for any value.
func lowerAll(v any) any {
	switch v := v.(type) {
	case map[string]any:
		return LowerKeys(v, true)
	case []map[string]any: // TOML's arrays of tables
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = LowerKeys(e, true)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = lowerAll(e)
		}
		return out
	}
	return v
}
