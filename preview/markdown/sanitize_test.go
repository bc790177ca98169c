package markdown

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"
)

// TestDeepNestingIsBounded: 200,000 nested quotes and a list nested 3,000
// deep took 97 s and almost 5 minutes; with Sanitize they convert at once
// (well under a second on a quiet machine; the bound leaves room for a
// loaded one and still catches the old blow-up).
func TestDeepNestingIsBounded(t *testing.T) {
	var list strings.Builder
	for i := range 3000 {
		list.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	for name, src := range map[string]string{
		"quotes": strings.Repeat(">", 200000) + " x\n",
		"spaced": strings.Repeat("> ", 100000) + "x\n",
		"list":   list.String(),
	} {
		in := []byte(src)
		s := Sanitize(in)
		if len(s) != len(in) || bytes.Count(s, []byte{'\n'}) != bytes.Count(in, []byte{'\n'}) {
			t.Fatalf("%s: Sanitize changed the length or the lines", name)
		}
		start := time.Now()
		if err := New().Convert(s, io.Discard); err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > 30*time.Second {
			t.Errorf("%s: %v", name, d)
		}
	}
	ok := []byte("> a\n> > b\n\n- x\n  - y\n\n        code\n")
	if got := Sanitize(ok); &got[0] != &ok[0] {
		t.Error("Sanitize copied a document that needs nothing")
	}
}
