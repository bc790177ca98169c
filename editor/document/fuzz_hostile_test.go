package document

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// FuzzParseFlow checks the command line's value syntax: ParseFlow never
// fails, a string keeps every character typed (unless the text was one
// quoted scalar), and whatever it returns is written and read back the same
// in YAML, TOML and JSON front matter.
func FuzzParseFlow(f *testing.F) {
	for _, s := range []string{
		"Top 10 #tips", "&anchor text", "!important notice", "[a, b] extra", "|", ">", "[a, b", "x #c",
		`"q" x`, "'q' x", "{a: 1} x", "a\nb", `"a` + "\n" + ` b"`, " padded ", "false", "12", "2025-06-02",
		"[a, [b, {c: d}]]", "{a: [1, 2]}", `"esc\t\u00e9"`, "'it''s'", "~", "null", "- a", "a: b", "? x", "*x",
		"[a, *x]", "[&x a]", "!!str 1", "%YAML 1.2", "---", "...", "新标题", "\ufeffx", "[]", "{}", "1_000", "0x1F",
		".inf", "-.nan", "2024-01-10T10:00:00+08:00", "@x", "`x", "[a #c\n]", strings.Repeat("[", 200) + strings.Repeat("]", 200),
	} {
		f.Add(s)
	}
	docs := []string{"---\ntitle: x\n---\nbody\n", "+++\ntitle = \"x\"\n+++\nbody\n", "{\n  \"title\": \"x\"\n}\nbody\n"}
	f.Fuzz(func(t *testing.T, flow string) {
		v, err := ParseFlow(flow)
		if err != nil {
			t.Fatalf("ParseFlow(%q): %v", flow, err)
		}
		trimmed := strings.TrimSpace(flow)
		if v.Kind == String && v.Text != flow && !(len(trimmed) > 1 && (trimmed[0] == '"' || trimmed[0] == '\'')) {
			t.Fatalf("ParseFlow(%q) = string %q: characters dropped", flow, v.Text)
		}
		_, _ = ParseJSONValue(flow) // must not panic
		for _, src := range docs {
			d, err := Parse([]byte(src))
			if err != nil {
				t.Fatal(err)
			}
			if err := d.Set("title", v); err != nil {
				continue // e.g. TOML has no null; refused, never mangled
			}
			again, err := Parse(d.Bytes())
			if err != nil {
				t.Fatalf("%q in %q: result does not parse: %v\n%q", flow, src[:3], err, d.Bytes())
			}
			if got, ok := again.Get("title"); !ok || !equalValue(got, v) {
				t.Fatalf("%q in %q: read back %+v, want %+v", flow, src[:3], got, v)
			}
		}
	})
}

// FuzzNestingDepth wraps fuzzed text in n levels of nesting in one of the
// three syntaxes: Parse never panics, overflows the stack or hangs, an error
// names a line of the file, nesting past MaxDepth is always refused, and no
// value it returns nests deeper than MaxDepth.
func FuzzNestingDepth(f *testing.F) {
	f.Add(uint8(0), uint16(1_000), "1", uint8(0))
	f.Add(uint8(1), uint16(60_000), "", uint8(1))
	f.Add(uint8(2), uint16(MaxDepth), "1", uint8(2))
	f.Add(uint8(0), uint16(MaxDepth+1), "x", uint8(3))
	f.Add(uint8(1), uint16(10_000), "b = 1", uint8(4))
	f.Add(uint8(0), uint16(300), "&a [*a]", uint8(5))
	f.Fuzz(func(t *testing.T, format uint8, n uint16, inner string, style uint8) {
		depth := int(n % 20_000)
		var open, close, head, tail string
		switch format % 3 {
		case 0: // YAML: flow or block
			head, tail = "---\nk: ", "\n---\nbody\n"
			switch style % 3 {
			case 0:
				open, close = "[", "]"
			case 1:
				open, close = "{a: ", "}"
			default:
				var b strings.Builder
				for i := range min(depth, 3000) {
					b.WriteString("\n" + strings.Repeat(" ", i+1) + "a:")
				}
				head, depth = "---\nk:"+b.String()+" ", min(depth, 3000)+1
			}
		case 1: // TOML: arrays, inline tables or dotted keys
			head, tail = "+++\nk = ", "\n+++\nbody\n"
			switch style % 3 {
			case 0:
				open, close = "[", "]"
			case 1:
				open, close = "{b = ", "}"
			default:
				head, depth = "+++\n"+strings.Repeat("a.", depth)+"k = ", depth+1
			}
		default: // JSON
			head, tail = "{\"k\": ", "}\nbody\n"
			if style%2 == 0 {
				open, close = "[", "]"
			} else {
				open, close = "{\"b\": ", "}"
			}
		}
		text := head
		if open != "" {
			text += strings.Repeat(open, depth) + inner + strings.Repeat(close, depth)
		} else {
			text += inner
		}
		text += tail
		d, err := Parse([]byte(text))
		lines := strings.Count(text, "\n") + 1
		if err != nil {
			pe, ok := errors.AsType[*ParseError](err)
			if !ok || pe.Line < 1 || pe.Line > lines {
				t.Fatalf("error %v: want a *ParseError on one of the %d lines", err, lines)
			}
			return
		}
		plain := !strings.ContainsAny(inner, "[]{}\"'#\n\r\\:,=&*|>-.")
		if depth > MaxDepth+1 && plain {
			t.Fatalf("nesting %d accepted (limit %d)", depth, MaxDepth)
		}
		for _, fl := range d.Fields() {
			if got := valueDepth(fl.Value); got > MaxDepth+1 {
				t.Fatalf("a value nests %d deep", got)
			}
		}
		if !bytes.Equal(d.Bytes(), []byte(text)) {
			t.Fatal("Bytes changed")
		}
	})
}

// valueDepth is how deeply v nests (1 for a scalar).
func valueDepth(v Value) int {
	d := 0
	for _, it := range v.Items {
		d = max(d, valueDepth(it))
	}
	for _, f := range v.Fields {
		d = max(d, valueDepth(f.Value))
	}
	return d + 1
}
