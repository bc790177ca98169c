package markdown

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
)

// Site variables: pingcap/docs-cn keeps values such as
// {"starter": "TiDB Cloud Starter"} in variables.json at its root, and its
// articles write "{{{ .starter }}}" (spaces optional, nested objects as
// "{{{ .a.b }}}"). The published site replaces each by its value in the
// Markdown source before rendering it: in prose, headings, front matter
// titles, link text and URLs, and inside code. Folio never changes the
// source: the preview replaces them in what it shows (each filled block's
// strings, expandBlock), the export and check in the text they read.
// A name the file does not hold stays as written.

// varsFile is the file holding a site's variables, at its root.
const varsFile = "variables.json"

// maxVarsFile is the largest variables file read (docs-cn's is 500 bytes).
const maxVarsFile = 1 << 20

// loadVars reads the variables file at root: its values by name, a
// nested object's under "outer.inner". Strings are kept as written,
// numbers and booleans as JSON writes them; lists are left out. It returns
// nil when there is no file, and an error when it cannot be read.
func loadVars(root string) (map[string]string, error) {
	p := filepath.Join(root, varsFile)
	info, err := os.Stat(p)
	if err != nil || !info.Mode().IsRegular() {
		return nil, nil
	}
	if info.Size() > maxVarsFile {
		return nil, fmt.Errorf("site variables %s: larger than %d bytes", p, maxVarsFile)
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("site variables: %w", err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("site variables %s: %w", p, err)
	}
	out := map[string]string{}
	flattenVars(out, "", m, 0)
	return out, nil
}

// flattenVars adds m's values to out under prefix+name.
func flattenVars(out map[string]string, prefix string, m map[string]any, depth int) {
	if depth > 16 {
		return
	}
	for k, v := range m {
		if s, ok := scalarString(v); ok {
			out[prefix+k] = s
		} else if sub, ok := v.(map[string]any); ok {
			flattenVars(out, prefix+k+".", sub, depth+1)
		}
	}
}

// scalarString formats a string, number or boolean; ok is false for
// anything else.
func scalarString(v any) (string, bool) {
	switch t := v.(type) {
	case string:
		return t, true
	case bool:
		return strconv.FormatBool(t), true
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64), true
	case int:
		return strconv.Itoa(t), true
	case int64:
		return strconv.FormatInt(t, 10), true
	case uint64:
		return strconv.FormatUint(t, 10), true
	}
	return "", false
}

// varAt reads a variable reference at the start of s: "{{{", spaces,
// ".", a name of letters, digits, "_", "-" and "." (not starting or ending
// with "."), spaces, "}}}". It returns the name and the reference's
// length, or n 0 when s does not start with one.
func varAt(s string) (name string, n int) {
	if !strings.HasPrefix(s, "{{{") {
		return "", 0
	}
	i := 3
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if i >= len(s) || s[i] != '.' {
		return "", 0
	}
	i++
	from := i
	for i < len(s) && isVarByte(s[i]) {
		i++
	}
	name = s[from:i]
	if name == "" || name[0] == '.' || name[len(name)-1] == '.' {
		return "", 0
	}
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if !strings.HasPrefix(s[i:], "}}}") {
		return "", 0
	}
	return name, i + 3
}

func isVarByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.'
}

// expandVars replaces the references in s to names vars holds by their
// values; changed is false (and s returned) when there is none.
func expandVars(s string, vars map[string]string) (string, bool) {
	if len(vars) == 0 {
		return s, false
	}
	i := strings.Index(s, "{{{")
	if i < 0 {
		return s, false
	}
	var b strings.Builder
	last := 0
	for i >= 0 {
		name, n := varAt(s[i:])
		if v, ok := vars[name]; n > 0 && ok {
			if b.Len() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[last:i])
			b.WriteString(v)
			last = i + n
			i += n
		} else {
			i++
		}
		j := strings.Index(s[i:], "{{{")
		if j < 0 {
			break
		}
		i += j
	}
	if last == 0 {
		return s, false
	}
	b.WriteString(s[last:])
	return b.String(), true
}

// Expand returns text with the site's variable references ("{{{ .name }}}",
// variables.json at the site root) replaced by their values, as the
// published site shows it; a name the site does not define stays as
// written. A nil Site or one without variables returns text unchanged.
// It is for text shown outside the body's blocks: a front matter title, a
// heading in the outline.
func (s *Site) Expand(text string) string {
	if s == nil {
		return text
	}
	out, _ := expandVars(text, s.Vars)
	return out
}

// ExpandBytes is Expand for a body: the export and check read the text the
// published site renders. It returns body itself when nothing changes.
func (s *Site) ExpandBytes(body []byte) []byte {
	if s == nil || len(s.Vars) == 0 || !strings.Contains(string(body), "{{{") {
		return body
	}
	out, changed := expandVars(string(body), s.Vars)
	if !changed {
		return body
	}
	return []byte(out)
}

// expandRuns replaces the variable references in runs' texts, link
// destinations and image sources, in place. An unknown reference in plain
// text (not code, not a link) becomes a chip of its own holding it as
// written, so it stands out and nothing is lost. It reports whether a
// run changed.
func expandRuns(runs []Inline, vars map[string]string) ([]Inline, bool) {
	changed := false
	for i := 0; i < len(runs); i++ {
		r := &runs[i]
		if r.Kind == InlineImage {
			for _, p := range []*string{&r.Dest, &r.Text, &r.Title, &r.Link} {
				if s, ok := expandVars(*p, vars); ok {
					*p, changed = s, true
				}
			}
			continue
		}
		if r.Kind != InlineText {
			continue
		}
		if s, ok := expandVars(r.Link, vars); ok {
			r.Link, changed = s, true
		}
		if s, ok := expandVars(r.Text, vars); ok {
			r.Text, changed = s, true
		}
		if r.Style&(Code|Chip) == 0 && r.Link == "" && strings.Contains(r.Text, "{{{") {
			if split := chipUnknown(*r); len(split) > 1 {
				runs = append(runs[:i], append(split, runs[i+1:]...)...)
				i += len(split) - 1
				changed = true
			}
		}
	}
	return runs, changed
}

// chipUnknown cuts a text run around the variable references it still
// holds (unknown names): each becomes a chip run.
func chipUnknown(r Inline) []Inline {
	var out []Inline
	s, from := r.Text, 0 // from: the start of the text not yet cut off
	for i := 0; ; {
		j := strings.Index(s[i:], "{{{")
		if j < 0 {
			break
		}
		i += j
		_, n := varAt(s[i:])
		if n == 0 {
			i++
			continue
		}
		if i > from {
			pre := r
			pre.Text = s[from:i]
			out = append(out, pre)
		}
		chip := r
		chip.Style |= Chip
		chip.Text = s[i : i+n]
		out = append(out, chip)
		i += n
		from = i
	}
	if len(out) == 0 {
		return []Inline{r}
	}
	if from < len(s) {
		rest := r
		rest.Text = s[from:]
		out = append(out, rest)
	}
	return out
}

// expandBlock replaces the variable references in everything block b
// shows: its runs, table cells, code or HTML text and labels, and its
// children's, in place. It reports whether b's Text changed (a code
// block's text is then no longer its source).
func expandBlock(b *Block, vars map[string]string) (textChanged bool) {
	if len(vars) == 0 || b == nil {
		return false
	}
	b.Inlines, _ = expandRuns(b.Inlines, vars)
	for i := range b.Header {
		b.Header[i], _ = expandRuns(b.Header[i], vars)
	}
	expandRows(b.Rows, vars)
	if s, ok := expandVars(b.Text, vars); ok {
		b.Text, textChanged = s, true
	}
	if b.Kind != KindHeading { // a heading's Label is its {#id}
		b.Label, _ = expandVars(b.Label, vars)
	}
	for _, c := range b.Children {
		expandBlock(c, vars)
	}
	for _, it := range b.Items {
		it.Label, _ = expandRuns(it.Label, vars)
		for _, c := range it.Blocks {
			expandBlock(c, vars)
		}
	}
	return textChanged
}

// varOpen starts a variable reference.
var varOpen = []byte("{{{")

// expand replaces the variable references in rows converted from r's
// lines (a big table's), when its lines hold any.
func (r *rowLines) expand(rows [][][]Inline) {
	if vars := siteOf(r.head.md).vars(); len(vars) > 0 && strings.Contains(r.lines, "{{{") {
		expandRows(rows, vars)
	}
}

// refsHoldVars reports whether a link reference definition of the parse
// holds a variable reference ("[x]: https://{{{.console-url}}}/"): a link
// using it shows the value though its own source has none.
func (c *converter) refsHoldVars() bool {
	if c.refVars == 0 {
		c.refVars = 1
		if c.ctx != nil {
			for _, r := range c.ctx.References() {
				if bytes.Contains(r.Destination(), varOpen) || bytes.Contains(r.Title(), varOpen) {
					c.refVars = 2
					break
				}
			}
		}
	}
	return c.refVars == 2
}

// expandRows is expandRuns for a table's body rows.
func expandRows(rows [][][]Inline, vars map[string]string) {
	if len(vars) == 0 {
		return
	}
	for _, row := range rows {
		for j := range row {
			row[j], _ = expandRuns(row[j], vars)
		}
	}
}

// siteMarkdown is NewFor's configuration for a site with emoji shortcodes,
// variables or params: what converting its nodes needs to know of the
// site and the article.
type siteMarkdown struct {
	goldmark.Markdown
	site *Site
	page map[string]any // the article's front matter params
}

// siteOf is md's site part, or nil for New's configuration.
func siteOf(md goldmark.Markdown) *siteMarkdown {
	sm, _ := md.(*siteMarkdown)
	return sm
}

// vars are the site's variables (nil for none).
func (m *siteMarkdown) vars() map[string]string {
	if m == nil || m.site == nil {
		return nil
	}
	return m.site.Vars
}

// VarRef is a variable reference found in a text: its name and its byte
// offset.
type VarRef struct {
	Name string
	At   int
}

// UnknownVars lists the variable references in text whose names the
// site's variables.json does not define (they are shown as written): for
// `folio check`. A site without variables has none.
func (s *Site) UnknownVars(text []byte) []VarRef {
	if s == nil || len(s.Vars) == 0 {
		return nil
	}
	var out []VarRef
	str := string(text)
	for i := 0; ; {
		j := strings.Index(str[i:], "{{{")
		if j < 0 {
			return out
		}
		i += j
		name, n := varAt(str[i:])
		if n == 0 {
			i++
			continue
		}
		if _, ok := s.Vars[name]; !ok {
			out = append(out, VarRef{Name: name, At: i})
		}
		i += n
	}
}
