package markdown

import (
	"bytes"
	"errors"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"folio/editor/siteconfig"
)

// Site is what the resolver knows of a site beyond its folders: where a
// Hugo site mounts its content (hugoDocs keeps it in content/en and mounts
// that at the content root) and what its link render hook does. LoadSite
// reads it; a Resolver without one reads it on each call.
type Site struct {
	Root    string  // the folder holding the config
	Hugo    bool    // a Hugo config was found
	Content []Mount // the content folders, in the config's order
	Hook    []byte  // the text of the link render hooks, nil when none
	Emoji   bool    // the config's enableEmoji: ":smile:" is shown as 😄
	// Vars are the site's variables (variables.json at the root, as
	// pingcap/docs-cn keeps them): "{{{ .name }}}" shows Vars["name"], a
	// nested object's value is under "outer.inner" (sitevars.go). Nil
	// when the site has none.
	Vars map[string]string
	// VarsErr is why variables.json could not be read, or nil.
	VarsErr error
	// Params are the Hugo config's params, keys lower-cased, for the param
	// shortcode ({{% param "name" %}}); nil when none.
	Params map[string]any
	// Lang is the language of the site's content, from its config
	// (languageCode, else defaultContentLanguage) when it has one language;
	// "" when the config does not tell (ContentLang then reads the script).
	Lang string
}

// Mount is a content folder: Dir (absolute) holds the pages whose path
// starts with At ("" for the content root, "docs" for /docs/…).
type Mount struct {
	Dir string
	At  string
}

// hugoConfigs are the config files Hugo reads, in its order of
// precedence, at the root and under config/_default/.
var hugoConfigs = siteconfig.HugoFiles()

// linkHooks are where a Hugo site keeps its link render hook (the second
// is the older folder).
var linkHooks = []string{"layouts/_markup/render-link.html", "layouts/_default/_markup/render-link.html"}

// LoadSite reads what the resolver needs of the site at root: its Hugo
// config's content folders (contentDir, each language's contentDir and
// module mounts whose target is content) and its link render hooks; and
// what the preview shows of it: enableEmoji, the config's params and the
// site's variables (variables.json). A
// config that cannot be read counts as none: the default content/ folder.
// It returns nil for root "".
func LoadSite(root string) *Site {
	if root == "" {
		return nil
	}
	s := &Site{Root: root}
	for _, rel := range linkHooks {
		if b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel))); err == nil {
			s.Hook = append(s.Hook, b...)
		}
	}
	var cfg map[string]any
	for _, sub := range []string{"", filepath.Join("config", "_default")} {
		for _, name := range hugoConfigs {
			p := filepath.Join(root, sub, name)
			if info, err := os.Stat(p); err != nil || !info.Mode().IsRegular() {
				continue
			}
			s.Hugo = true
			cfg = readSiteConfig(p)
			if sub != "" { // a config folder may split module and languages out
				for _, part := range []string{"module", "languages"} {
					if _, ok := cfg[part]; ok {
						continue
					}
					for _, ext := range []string{".toml", ".yaml", ".yml", ".json"} {
						if m := readSiteConfig(filepath.Join(root, sub, part+ext)); m != nil {
							cfg[part] = m
							break
						}
					}
				}
			}
			break
		}
		if s.Hugo {
			break
		}
	}
	s.Content = contentMounts(root, cfg)
	s.Emoji, _ = cfg["enableemoji"].(bool)
	s.Params, _ = cfg["params"].(map[string]any)
	s.Vars, s.VarsErr = loadVars(root)
	s.Lang = configLang(cfg)
	return s
}

// configLang is the content language a Hugo config names: languageCode,
// else defaultContentLanguage; "" for a site with several languages (an
// article's language then depends on its folder) or none named.
func configLang(cfg map[string]any) string {
	if langs, ok := cfg["languages"].(map[string]any); ok && len(langs) > 1 {
		return ""
	}
	for _, k := range []string{"languagecode", "defaultcontentlanguage"} {
		if v, ok := cfg[k].(string); ok && strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// readSiteConfig reads a TOML, YAML or JSON file into a map with its keys
// lower-cased at every level (Hugo's keys are case-insensitive); nil when
// it cannot be read, an empty map when it cannot be decoded.
func readSiteConfig(p string) map[string]any {
	m, err := siteconfig.Read(p)
	if _, bad := errors.AsType[*siteconfig.DecodeError](err); bad {
		return map[string]any{}
	}
	if err != nil {
		return nil
	}
	return siteconfig.LowerKeys(m, true)
}

// contentMounts are the content folders a Hugo config names: module
// mounts whose target is content (or a folder of it), else contentDir and
// each language's contentDir; content/ when it names none.
func contentMounts(root string, cfg map[string]any) []Mount {
	var out []Mount
	add := func(dir, at string) {
		dir = strings.TrimSpace(dir)
		if dir == "" {
			return
		}
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(root, filepath.FromSlash(dir))
		}
		m := Mount{Dir: filepath.Clean(dir), At: strings.Trim(path.Clean("/"+at), "/")}
		if !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	if mod, ok := cfg["module"].(map[string]any); ok {
		mounts, _ := mod["mounts"].([]any)
		for _, e := range mounts {
			m, _ := e.(map[string]any)
			src, _ := m["source"].(string)
			target, _ := m["target"].(string)
			target = strings.Trim(path.Clean("/"+strings.TrimSpace(target)), "/")
			if target == "content" || strings.HasPrefix(target, "content/") {
				add(src, strings.TrimPrefix(target, "content"))
			}
		}
	}
	if len(out) == 0 {
		dir, _ := cfg["contentdir"].(string)
		add(dir, "")
		if langs, ok := cfg["languages"].(map[string]any); ok {
			for _, l := range sortedKeys(langs) {
				if m, ok := langs[l].(map[string]any); ok {
					dir, _ := m["contentdir"].(string)
					add(dir, "")
				}
			}
		}
	}
	add("content", "")
	return out
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// GetPage reports whether the site's link render hook looks destinations
// up with GetPage, as Hugo's docs' does: a page path then resolves from
// the content root too, in any letter case.
func (s *Site) GetPage() bool {
	return s != nil && bytes.Contains(s.Hook, []byte("GetPage"))
}

// hookKeyword is what a render hook may read as a keyword rather than a
// path: one bare word, no slash, dot, fragment or query ("g").
var hookKeyword = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]{0,15}$`)

// HookKeyword reports whether dest is a keyword the site's link render
// hook compares the destination with, as Hugo's docs do for glossary
// terms: {{ if eq $u.String "g" }} makes [term](g) a link to the glossary.
// Such a link is not a path. The rule is narrow: a bare word, and a hook
// that names it in an eq.
func (s *Site) HookKeyword(dest string) bool {
	dest = strings.TrimSpace(dest)
	if s == nil || len(s.Hook) == 0 || !hookKeyword.MatchString(dest) {
		return false
	}
	eq := regexp.MustCompile(`\beq\s+[$.\w]+\s+"` + regexp.QuoteMeta(dest) + `"`)
	return eq.Match(s.Hook)
}
