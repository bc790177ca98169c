package form

import (
	"strings"
)

// tomlTableText returns the lines of TOML front matter fm that write the
// table key, exactly as the file has them: its [key] and [key.sub]
// sections (and [[key]] arrays of tables) up to the next other header,
// and top-level dotted keys (key.sub = …). first is the 0-based line in
// fm of the first of them; ok is false when none is found. The form shows
// them read-only: a table is edited in the source.
func tomlTableText(fm []byte, key string) (text string, first int, ok bool) {
	lines := strings.Split(strings.ReplaceAll(string(fm), "\r\n", "\n"), "\n")
	var out []string
	in, seenHeader := false, false
	first = -1
	take := func(i int, l string) {
		if first < 0 {
			first = i
		}
		out = append(out, l)
	}
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "[") {
			seenHeader = true
			in = tomlHeaderIn(t, key)
		} else if !seenHeader {
			in = tomlDottedIn(t, key)
		}
		if in {
			take(i, l)
		}
	}
	for len(out) > 0 && strings.TrimSpace(out[len(out)-1]) == "" {
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		return "", 0, false
	}
	return strings.Join(out, "\n"), first, true
}

// tomlHeaderIn reports whether the header line t ([a.b] or [[a.b]], a
// comment after it allowed) names key or a table under it.
func tomlHeaderIn(t, key string) bool {
	if i := strings.LastIndex(t, "]"); i >= 0 {
		t = t[:i+1]
	}
	name := strings.TrimSpace(strings.Trim(t, "[]"))
	first := name
	if i := strings.Index(name, "."); i >= 0 && !strings.HasPrefix(name, `"`) && !strings.HasPrefix(name, "'") {
		first = strings.TrimSpace(name[:i])
	}
	return tomlUnquote(first) == key || tomlUnquote(name) == key
}

// tomlDottedIn reports whether the top-level line t is a dotted key under
// key (key.sub = …).
func tomlDottedIn(t, key string) bool {
	eq := strings.Index(t, "=")
	if eq < 0 {
		return false
	}
	k := strings.TrimSpace(t[:eq])
	dot := strings.Index(k, ".")
	return dot > 0 && tomlUnquote(strings.TrimSpace(k[:dot])) == key
}

// tomlUnquote removes the quotes of a quoted TOML key.
func tomlUnquote(k string) string {
	if len(k) >= 2 && (k[0] == '"' || k[0] == '\'') && k[len(k)-1] == k[0] {
		return k[1 : len(k)-1]
	}
	return k
}
