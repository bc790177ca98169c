//go:build !folio_cli

package main

import (
	"bytes"
	"encoding/json"
	"testing"

	"folio/editor/document"

	"folio/preview/markdown"
)

// FuzzBodyLinks checks that link extraction never panics and puts every
// link on a line of the body.
func FuzzBodyLinks(f *testing.F) {
	for _, s := range []string{
		"[a](b.md) ![c](d.png)", "<img src=x>\n<a href='y'>", "[r]\n\n[r]: z", "`[a](b)`", "\n\n[](x)",
		"<div>\n<img\nsrc=\"multi\">\n</div>", "[a](<b c.md>)", "![a](b \"t\")\r\n[c](d)",
	} {
		f.Add([]byte(s), 3)
	}
	f.Fuzz(func(t *testing.T, body []byte, first int) {
		first = 1 + first&0xFFFF
		last := first + bytes.Count(body, []byte("\n"))
		for _, l := range bodyLinks(body, first) {
			if l.line < first || l.line > last {
				t.Errorf("link %q on line %d, body spans %d-%d", l.dest, l.line, first, last)
			}
			brokenLink(markdown.Resolver{Dir: t.TempDir()}, l) // must not panic
		}
	})
}

// FuzzFieldsJSON checks that `folio get FILE` prints valid JSON with the
// file's keys in order, whatever the front matter holds.
func FuzzFieldsJSON(f *testing.F) {
	for _, s := range fixtures {
		f.Add([]byte(s))
	}
	f.Add([]byte("---\na: .inf\nb: 1_000\nc: -.nan\nd: 0o17\ne: \"\\u0000<&>\"\nf: !!binary aGk=\n---\n"))
	f.Add([]byte("+++\na = 1979-05-27T07:32:00Z\nb = inf\nc = [[1], [\"x\"]]\n[t]\nk = 1\n+++\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := document.Parse(data)
		if err != nil {
			return
		}
		out, err := fieldsJSON(doc.Fields())
		if err != nil {
			t.Fatalf("fieldsJSON: %v", err)
		}
		if !json.Valid(out) {
			t.Fatalf("invalid JSON:\n%s", out)
		}
		dec := json.NewDecoder(bytes.NewReader(out))
		dec.Token() // {
		for i, fd := range doc.Fields() {
			tok, err := dec.Token()
			if err != nil || tok != fd.Key {
				t.Fatalf("key %d = %v (%v), want %q", i, tok, err, fd.Key)
			}
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				t.Fatal(err)
			}
		}
	})
}
