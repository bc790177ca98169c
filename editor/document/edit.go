package document

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Edit is one change to an article's text: the bytes [Start, End) of the
// old text are replaced by Text. Offsets are byte offsets that fall on
// UTF-8 character boundaries, so an editor can apply the edit as one
// replacement (one undo step) without touching anything around it.
type Edit struct {
	Start, End int
	Text       string
}

// Empty reports whether the edit changes nothing.
func (e Edit) Empty() bool { return e.Start == e.End && e.Text == "" }

// Apply returns src with the edit applied. It panics if the range is not
// inside src, like slicing would.
func (e Edit) Apply(src []byte) []byte {
	out := make([]byte, 0, len(src)-(e.End-e.Start)+len(e.Text))
	out = append(out, src[:e.Start]...)
	out = append(out, e.Text...)
	return append(out, src[e.End:]...)
}

// Diff returns the smallest single edit that turns old into next: their
// common prefix and suffix are left out, and the range is widened to
// whole UTF-8 characters.
func Diff(old, next []byte) Edit {
	n := min(len(old), len(next))
	p := 0
	for p < n && old[p] == next[p] {
		p++
	}
	s := 0
	for s < n-p && old[len(old)-1-s] == next[len(next)-1-s] {
		s++
	}
	// Keep whole characters: back the prefix off to a character start and
	// shrink the suffix until it starts on one, in both texts.
	for p > 0 && (p < len(old) && !utf8.RuneStart(old[p]) || p < len(next) && !utf8.RuneStart(next[p])) {
		p--
	}
	for s > 0 && (!utf8.RuneStart(old[len(old)-s]) || !utf8.RuneStart(next[len(next)-s])) {
		s--
	}
	return Edit{Start: p, End: len(old) - s, Text: string(next[p : len(next)-s])}
}

// SetEdit is Set that also returns the change it made as a minimal Edit of
// the text before the call: applying the Edit to the old Bytes gives the new
// Bytes exactly. Setting a field to the value it has returns an empty Edit.
// On error the document is unchanged.
func (d *Document) SetEdit(key string, v Value) (Edit, error) {
	old := d.src
	if err := d.Set(key, v); err != nil {
		return Edit{}, err
	}
	return Diff(old, d.src), nil
}

// SetFlowEdit is SetFlow returning its minimal Edit (see SetEdit).
func (d *Document) SetFlowEdit(key, flow string) (Edit, error) {
	old := d.src
	if err := d.SetFlow(key, flow); err != nil {
		return Edit{}, err
	}
	return Diff(old, d.src), nil
}

// DeleteEdit is Delete returning its minimal Edit (see SetEdit).
func (d *Document) DeleteEdit(key string) (Edit, error) {
	old := d.src
	if err := d.Delete(key); err != nil {
		return Edit{}, err
	}
	return Diff(old, d.src), nil
}

// AddEdit adds a key that is not in the front matter yet, written in the
// file's own style after the last top-level key, and returns its Edit. It
// refuses a key that is already there.
func (d *Document) AddEdit(key string, v Value) (Edit, error) {
	if _, ok := d.Get(key); ok {
		return Edit{}, fmt.Errorf("add %s: the key is already there", key)
	}
	return d.SetEdit(key, v)
}

// RawValue returns the text of key's value exactly as the file writes it, in
// the front matter's own syntax: for a YAML value written on the lines below
// its key, those lines without their common indentation. It is what a raw
// editor shows for a nested value; ok is false when the key is not a
// top-level "key: value" the document can edit (a TOML [table], say).
func (d *Document) RawValue(key string) (string, bool) {
	sp, ok := d.valueSpan(key)
	if !ok {
		return "", false
	}
	raw := string(d.src[sp.start:sp.end])
	if sp.block {
		raw = dedent(strings.TrimLeft(raw, "\r\n"))
	}
	return raw, true
}

// SetRawEdit replaces key's value with raw, text in the front matter's own
// syntax as RawValue gives it (a YAML block value is indented back under its
// key). The result is read back first: if it does not parse, or any other
// field or the body would change, nothing changes and an error says why.
func (d *Document) SetRawEdit(key, raw string) (Edit, error) {
	if d.err != nil {
		return Edit{}, ErrMalformed
	}
	sp, ok := d.valueSpan(key)
	if !ok {
		return Edit{}, fmt.Errorf("set %s: this value can only be edited in the source", key)
	}
	nl := d.lay.nl
	raw = strings.ReplaceAll(strings.ReplaceAll(raw, "\r\n", "\n"), "\n", nl)
	raw = strings.TrimRight(raw, " \t\r\n")
	if raw == "" {
		return Edit{}, fmt.Errorf("set %s: the value is empty", key)
	}
	text := raw
	if d.lay.format == YAML {
		text = yamlRawText(raw, sp, nl)
		if !sp.block && strings.HasPrefix(text, nl) {
			sp.start = sp.colon // no space left after "key:" before the block
		}
	}
	next := make([]byte, 0, len(d.src)+len(text))
	next = append(next, d.src[:sp.start]...)
	next = append(next, text...)
	next = append(next, d.src[sp.end:]...)
	nd, err := Parse(next)
	if err != nil {
		return Edit{}, fmt.Errorf("set %s: %w", key, err)
	}
	want, ok := nd.Get(key)
	if !ok {
		return Edit{}, fmt.Errorf("set %s: the text would remove the key; nothing changed", key)
	}
	old := d.src
	if err := d.adopt(next, key, &want); err != nil {
		return Edit{}, err
	}
	return Diff(old, d.src), nil
}

// yamlRawText places a raw YAML value after its key's colon. A value that
// starts as a block (a "- item" or "key: value" line) goes on the lines
// below the key, indented; anything else starts on the key's line. A value
// that already started there (RawValue gave it as written) is put back as
// written; one that was a block had its indentation removed, so its later
// lines get it back.
func yamlRawText(raw string, sp span, nl string) string {
	first, _, _ := strings.Cut(raw, nl)
	indent := sp.indent
	if indent == "" {
		indent = "  "
	}
	indentAll := func(lines []string) string {
		for i, l := range lines {
			if l != "" {
				lines[i] = indent + l
			}
		}
		return strings.Join(lines, nl)
	}
	lines := strings.Split(raw, nl)
	switch {
	case strings.HasPrefix(first, "- ") || first == "-" || looksLikeMapLine(first):
		return nl + indentAll(lines)
	case !sp.block:
		return raw
	case len(lines) == 1:
		return " " + raw
	}
	return " " + first + nl + indentAll(lines[1:])
}

// looksLikeMapLine reports whether a line reads as "key: value" in YAML
// block style rather than a plain scalar or flow value.
func looksLikeMapLine(l string) bool {
	if l == "" || strings.ContainsAny(l[:1], "[{\"'") {
		return false
	}
	i := strings.Index(l, ":")
	return i > 0 && (i == len(l)-1 || l[i+1] == ' ')
}

// span is where a top-level value lies in the document's bytes.
type span struct {
	start, end int
	block      bool   // YAML: the value starts on a line below its key
	indent     string // YAML block: the indentation of its first line
	colon      int    // YAML: just after the key's colon
}

// valueSpan finds the text of key's value in the whole document.
func (d *Document) valueSpan(key string) (span, bool) {
	base := d.lay.fmStart
	switch fm := d.fm.(type) {
	case *yamlFM:
		if fm.tree() != nil {
			return span{}, false
		}
		i := fm.index(key)
		if i < 0 {
			return span{}, false
		}
		e, err := fm.locate(i)
		if err != nil {
			return span{}, false
		}
		keyLineEnd := lineEnd(fm.src, e.afterColon)
		if e.valStart < keyLineEnd && !isYAMLComment(fm.src[e.valStart:keyLineEnd]) {
			return span{start: base + e.valStart, end: base + e.valEnd, colon: base + e.afterColon}, true
		}
		if e.valEnd <= keyLineEnd {
			// An empty value: "key:" alone on its line.
			return span{start: base + e.afterColon, end: base + e.afterColon, block: true, colon: base + e.afterColon}, true
		}
		first := lineEndAfter(fm.src, keyLineEnd)
		l, _ := lineAt(fm.src, first)
		ind := len(l) - len(bytes.TrimLeft(l, " \t"))
		return span{start: base + keyLineEnd, end: base + e.valEnd, block: true, indent: string(l[:ind]), colon: base + e.afterColon}, true
	case *tomlFM:
		e, ok := fm.find(key)
		if !ok {
			return span{}, false
		}
		return span{start: base + e.valStart, end: base + e.valEnd}, true
	case *jsonFM:
		i := fm.index(key)
		if i < 0 {
			return span{}, false
		}
		m := fm.members[i]
		return span{start: base + m.valStart, end: base + m.valEnd}, true
	}
	return span{}, false
}

func isYAMLComment(rest []byte) bool {
	t := bytes.TrimSpace(rest)
	return len(t) == 0 || t[0] == '#'
}

// dedent removes the indentation every non-blank line shares.
func dedent(s string) string {
	lines := strings.Split(s, "\n")
	common := -1
	for _, l := range lines {
		t := strings.TrimLeft(l, " \t")
		if strings.TrimSpace(t) == "" {
			continue
		}
		if n := len(l) - len(t); common < 0 || n < common {
			common = n
		}
	}
	if common <= 0 {
		return s
	}
	for i, l := range lines {
		if len(l) >= common {
			lines[i] = l[common:]
		} else {
			lines[i] = strings.TrimLeft(l, " \t")
		}
	}
	return strings.Join(lines, "\n")
}
