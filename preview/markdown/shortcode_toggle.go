package markdown

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"
)

// Hugo docs' code-toggle ({{< code-toggle file=hugo fm=true >}}…{{<
// /code-toggle >}}, layouts/_shortcodes/code-toggle.html) is shown as
// gohugo.io shows it: tabs YAML | TOML | JSON, YAML first, each the body
// converted to that format (transform.Remarshal: a map, so the keys come
// out sorted, and blank lines dropped), front matter delimiters (--- and
// +++) around YAML and TOML when fm is true, and the file name (with the
// format's extension unless fm) over the code. A body that does not parse
// is one tab, as written.

// toggleLangs are code-toggle's tabs, in gohugo.io's order.
var toggleLangs = []string{"yaml", "toml", "json"}

// blockKind is the block kind a code shortcode converts to, known at
// parse time: tabs for code-toggle, a code block for highlight.
func (s *ShortcodeBlock) blockKind() Kind {
	if s.Name == "code-toggle" {
		return KindTabs
	}
	return KindCode
}

// shortcodeArg is the value of a shortcode's named argument (name=value,
// the value unquoted), and whether it is given.
func shortcodeArg(args, name string) (string, bool) {
	for rest := strings.TrimSpace(args); rest != ""; {
		key, after, ok := strings.Cut(rest, "=")
		if !ok {
			return "", false
		}
		key = strings.TrimSpace(key)
		if i := strings.LastIndexAny(key, " \t"); i >= 0 { // positional arguments before it
			key = key[i+1:]
		}
		after = strings.TrimLeft(after, " \t")
		var val string
		if after != "" && (after[0] == '"' || after[0] == '\'' || after[0] == '`') {
			q := after[0]
			end := strings.IndexByte(after[1:], q)
			if end < 0 {
				return "", false
			}
			val, rest = after[1:1+end], after[2+end:]
		} else {
			val, rest, _ = strings.Cut(after, " ")
		}
		if key == name {
			return val, true
		}
		rest = strings.TrimSpace(rest)
	}
	return "", false
}

// toggleTab is one tab of a code-toggle: code in lang, under the file's
// name (with the format's extension unless it is front matter, fm).
func toggleTab(lang, code, file string, fm bool) *Item {
	label := file
	if label != "" && !fm {
		label += "." + lang
	}
	return &Item{TaskAt: -1, Label: []Inline{{Text: strings.ToUpper(lang)}},
		Blocks: []*Block{{Kind: KindCode, Lang: lang, Label: label, Text: code}}}
}

// toggleBlock converts a code-toggle: its tabs.
func toggleBlock(sc *ShortcodeBlock, body string) *Block {
	file, _ := shortcodeArg(sc.Args, "file")
	fmv, _ := shortcodeArg(sc.Args, "fm")
	fm := fmv == "true" || fmv == "1"
	src := sc.Lang(body)
	data, ok := parseConfig(src, body)
	if !ok {
		name := src
		if name == "" {
			name = "code"
		}
		return &Block{Kind: KindTabs, Items: []*Item{toggleTab(name, body, file, fm)}}
	}
	return toggleTabs(data, file, fm, src, body)
}

// toggleTabs are code-toggle's tabs for data, read from body written in
// src ("" when it comes from the site's data: a format that cannot
// write it is left out).
func toggleTabs(data map[string]any, file string, fm bool, src, body string) *Block {
	b := &Block{Kind: KindTabs}
	for _, lang := range toggleLangs {
		code, err := remarshal(data, lang)
		if err != nil {
			if lang != src {
				continue
			}
			code = body
		}
		if fm && lang != "json" {
			delim := "---"
			if lang == "toml" {
				delim = "+++"
			}
			code = delim + "\n" + code + "\n" + delim
		}
		b.Items = append(b.Items, toggleTab(lang, code, file, fm))
	}
	return b
}

// parseConfig reads a code-toggle's body in its language (toml, yaml or
// json) into a map.
func parseConfig(lang, body string) (map[string]any, bool) {
	m := map[string]any{}
	var err error
	switch lang {
	case "toml":
		err = toml.Unmarshal([]byte(body), &m)
	case "yaml", "yml":
		err = yaml.Unmarshal([]byte(body), &m)
	case "json":
		dec := json.NewDecoder(strings.NewReader(body))
		dec.UseNumber() // 1 stays 1 in TOML and YAML, not 1.0
		if err = dec.Decode(&m); err == nil {
			jsonNumbers(m)
		}
	default:
		return nil, false
	}
	return m, err == nil && len(m) > 0
}

var blankLinesRE = regexp.MustCompile(`\n+`)

// remarshal writes data in lang as Hugo's transform.Remarshal does: keys
// sorted, two-space indents, no blank lines, no final newline.
func remarshal(data map[string]any, lang string) (string, error) {
	var b bytes.Buffer
	switch lang {
	case "yaml":
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		enc.CompactSeqIndent() // "- x" under its key, as Hugo writes lists
		if err := enc.Encode(data); err != nil {
			return "", err
		}
		if err := enc.Close(); err != nil {
			return "", err
		}
	case "toml":
		if err := toml.NewEncoder(&b).Encode(data); err != nil {
			return "", err
		}
	case "json":
		enc := json.NewEncoder(&b)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(data); err != nil {
			return "", err
		}
	}
	out := strings.Trim(blankLinesRE.ReplaceAllString(b.String(), "\n"), "\n")
	if lang == "toml" {
		out = tomlLiterals(out)
	}
	return out, nil
}

// tomlLiterals writes the TOML basic strings ("Example", "a\\.js") of an
// encoder's output whose text holds no apostrophe, line break or control
// character as literal strings ('Example', 'a\.js'), as Hugo's TOML
// encoder writes them.
func tomlLiterals(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '"' {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i + 1
		for j < len(s) && s[j] != '"' && s[j] != '\n' {
			if s[j] == '\\' {
				j++ // the escaped byte
			}
			j++
		}
		if j >= len(s) || s[j] != '"' { // not closed on its line: as it is
			b.WriteString(s[i:min(j, len(s))])
			i = j
			continue
		}
		if lit, ok := literalText(s[i : j+1]); ok {
			b.WriteString("'" + lit + "'")
		} else {
			b.WriteString(s[i : j+1])
		}
		i = j + 1
	}
	return b.String()
}

// jsonNumbers turns the json.Numbers in v (a decoded map or list) into
// int64 or float64, in place.
func jsonNumbers(v any) any {
	switch v := v.(type) {
	case json.Number:
		if i, err := v.Int64(); err == nil {
			return i
		}
		if f, err := v.Float64(); err == nil {
			return f
		}
		return v.String()
	case map[string]any:
		for k, e := range v {
			v[k] = jsonNumbers(e)
		}
	case []any:
		for i, e := range v {
			v[i] = jsonNumbers(e)
		}
	}
	return v
}

// literalText is a quoted basic string's text when a literal string can
// hold it: no apostrophe, line break or control character.
func literalText(quoted string) (string, bool) {
	text, err := strconv.Unquote(quoted)
	if err != nil || !utf8.ValidString(text) {
		return "", false
	}
	for _, r := range text {
		if r == '\'' || r < 0x20 || r == 0x7f {
			return "", false
		}
	}
	return text, true
}
