package library

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"folio/editor/siteconfig"
)

// SiteKind is the static site generator a site config belongs to.
type SiteKind int

// The site generators Folio reads the config of.
const (
	Hugo SiteKind = iota + 1
	Hexo
)

// String returns the generator's name.
func (k SiteKind) String() string {
	switch k {
	case Hugo:
		return "Hugo"
	case Hexo:
		return "Hexo"
	}
	return "unknown"
}

// Site is what Folio takes from a static site's config: the front matter
// keys that are taxonomies (lists with autocomplete) and the time zone of
// dates, plus where content and static files live.
type Site struct {
	Root   string   // the folder holding the config
	Config string   // the config file read
	Kind   SiteKind // Hugo or Hexo
	Title  string   // the site's title, if set
	// TimeZone is the site's time zone (Hugo timeZone, Hexo timezone), or
	// nil when the config sets none: then dates use the system's zone.
	TimeZone *time.Location
	// Taxonomies are the front matter keys that hold taxonomy terms, in
	// the config's order (Hugo's plural names); tags and categories when
	// the config does not set any.
	Taxonomies []string
	ContentDir string   // absolute path of the content folder
	StaticDirs []string // absolute paths of the static folders
	// Warnings are problems that did not stop the config from being read,
	// such as an unknown time zone.
	Warnings []string
}

// Location returns the site's time zone, or the system's when it has none.
// It works on a nil Site.
func (s *Site) Location() *time.Location {
	if s == nil || s.TimeZone == nil {
		return time.Local
	}
	return s.TimeZone
}

// hugoConfigNames are the config files Hugo reads, in its order of precedence.
var hugoConfigNames = siteconfig.HugoFiles()

// FindSite finds the site config nearest to dir: in dir or a folder above
// it, going no higher than stop (no limit when stop is ""). It reads Hugo's
// hugo.toml|yaml|json and config.toml|yaml|json (also under
// config/_default/) and Hexo's _config.yml. It returns nil and no error when
// there is none, and an error naming the file when a config cannot be read.
func FindSite(dir, stop string) (*Site, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("find site config: %w", err)
	}
	if stop != "" {
		if stop, err = filepath.Abs(stop); err != nil {
			return nil, fmt.Errorf("find site config: %w", err)
		}
	}
	for {
		if s, err := siteAt(dir); s != nil || err != nil {
			return s, err
		}
		parent := filepath.Dir(dir)
		if dir == stop || parent == dir {
			return nil, nil
		}
		dir = parent
	}
}

// siteAt reads the site config in dir, if there is one.
func siteAt(dir string) (*Site, error) {
	for _, sub := range []string{"", filepath.Join("config", "_default")} {
		for _, name := range hugoConfigNames {
			p := filepath.Join(dir, sub, name)
			if isFile(p) {
				return readHugo(dir, p)
			}
		}
	}
	if p := filepath.Join(dir, "_config.yml"); isFile(p) {
		return readHexo(dir, p)
	}
	return nil, nil
}

func isFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

// readConfig reads a TOML, YAML or JSON config file into a map whose
// top-level keys are lower-cased (Hugo's keys are case-insensitive).
func readConfig(path string) (map[string]any, error) {
	m, err := siteconfig.Read(path)
	if err != nil {
		return nil, err
	}
	return siteconfig.LowerKeys(m, false), nil
}

func readHugo(root, path string) (*Site, error) {
	m, err := readConfig(path)
	if err != nil {
		return nil, err
	}
	s := &Site{Root: root, Config: path, Kind: Hugo}
	taxPath := path
	// A config directory may put the taxonomies in a file of their own.
	if _, ok := m["taxonomies"]; !ok && filepath.Base(filepath.Dir(path)) == "_default" {
		for _, ext := range []string{".toml", ".yaml", ".yml", ".json"} {
			p := filepath.Join(filepath.Dir(path), "taxonomies"+ext)
			if !isFile(p) {
				continue
			}
			t, err := readConfig(p)
			if err != nil {
				return nil, err
			}
			m["taxonomies"], taxPath = t, p
			break
		}
	}
	s.Title, _ = m["title"].(string)
	s.setZone(m["timezone"])
	s.Taxonomies = []string{"tags", "categories"}
	if t, ok := m["taxonomies"]; ok {
		s.Taxonomies = taxonomyNames(t, taxPath)
	}
	s.ContentDir = filepath.Join(root, stringOr(m["contentdir"], "content"))
	s.StaticDirs = staticDirs(root, m["staticdir"])
	return s, nil
}

func readHexo(root, path string) (*Site, error) {
	m, err := readConfig(path)
	if err != nil {
		return nil, err
	}
	s := &Site{Root: root, Config: path, Kind: Hexo, Taxonomies: []string{"tags", "categories"}}
	s.Title, _ = m["title"].(string)
	s.setZone(m["timezone"])
	source := stringOr(m["source_dir"], "source")
	s.ContentDir = filepath.Join(root, source, "_posts")
	s.StaticDirs = []string{filepath.Join(root, source)}
	return s, nil
}

// setZone loads the named time zone; an empty name leaves the system's.
func (s *Site) setZone(v any) {
	name, _ := v.(string)
	if name = strings.TrimSpace(name); name == "" {
		return
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		s.Warnings = append(s.Warnings, fmt.Sprintf("%s: time zone %q: %v", filepath.Base(s.Config), name, errors.Unwrap(err)))
		return
	}
	s.TimeZone = loc
}

// taxonomyNames returns the plural names of Hugo's taxonomies map
// (singular = "plural"), in the file's order when it can be read, else
// sorted. An empty map means the site has no taxonomies.
func taxonomyNames(v any, path string) []string {
	m, ok := v.(map[string]any)
	if !ok {
		return []string{"tags", "categories"}
	}
	names := make([]string, 0, len(m))
	for _, p := range m {
		if s, ok := p.(string); ok && s != "" {
			names = append(names, s)
		}
	}
	order := fileOrder(path)
	sort.SliceStable(names, func(i, j int) bool {
		oi, iok := order[names[i]]
		oj, jok := order[names[j]]
		if iok != jok {
			return iok
		}
		if oi != oj {
			return oi < oj
		}
		return names[i] < names[j]
	})
	return names
}

// fileOrder returns where each quoted or bare word first appears in the
// file, to keep the taxonomies in the order the config writes them (Go
// maps have none).
func fileOrder(path string) map[string]int {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	order := map[string]int{}
	words := strings.FieldsFunc(string(b), func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '"' || r == '\'' || r == '=' || r == ':' || r == ',' || r == '{' || r == '}'
	})
	for i, w := range words {
		if _, ok := order[w]; !ok {
			order[w] = i
		}
	}
	return order
}

func stringOr(v any, def string) string {
	if s, ok := v.(string); ok && strings.TrimSpace(s) != "" {
		return filepath.FromSlash(strings.TrimSpace(s))
	}
	return def
}

// staticDirs reads Hugo's staticDir, a string or a list, default "static".
func staticDirs(root string, v any) []string {
	var dirs []string
	switch x := v.(type) {
	case string:
		dirs = []string{x}
	case []any:
		for _, it := range x {
			if s, ok := it.(string); ok {
				dirs = append(dirs, s)
			}
		}
	}
	if len(dirs) == 0 {
		dirs = []string{"static"}
	}
	out := make([]string, len(dirs))
	for i, d := range dirs {
		d = filepath.FromSlash(d)
		if !filepath.IsAbs(d) {
			d = filepath.Join(root, d)
		}
		out[i] = d
	}
	return out
}
