package document

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// interning is a Scratch's Intern that keeps its own copy of each string.
type interning map[string]string

func (m interning) intern(b []byte) string {
	if t, ok := m[string(b)]; ok {
		return t
	}
	t := string(b)
	m[t] = t
	return t
}

// checkInterned reads the inputs one after the other with one Scratch
// that interns with m, and fails unless each read is the one without a
// Scratch and every key and text of at most 40 bytes in it is m's copy.
func checkInterned(t *testing.T, inputs ...[]byte) {
	t.Helper()
	m := interning{}
	sc := &Scratch{Intern: m.intern}
	var check func(src []byte, what, s string)
	check = func(src []byte, what, s string) {
		if s == "" || len(s) > 40 {
			return
		}
		if t2, ok := m[s]; !ok || unsafe.StringData(t2) != unsafe.StringData(s) {
			t.Fatalf("%q: %s %q is not the interned copy", src, what, s)
		}
	}
	var value func(src []byte, v Value)
	value = func(src []byte, v Value) {
		check(src, "text", v.Text)
		for _, it := range v.Items {
			value(src, it)
		}
		for _, f := range v.Fields {
			check(src, "key", f.Key)
			value(src, f.Value)
		}
	}
	for _, in := range inputs {
		want, wantOK := FastYAML(in, 2, nil)
		got, ok := FastYAML(in, 2, sc)
		if ok != wantOK || !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: with an interning Scratch %v %#v, without %v %#v", in, ok, got, wantOK, want)
		}
		for _, f := range got {
			check(in, "key", f.Key)
			value(in, f.Value)
		}
	}
}

// TestFastYAMLScratchIntern checks that a Scratch with Intern returns
// Intern's copy of every short key and text, quoted in either way or
// plain, alone or in a list, the first time and later.
func TestFastYAMLScratchIntern(t *testing.T) {
	inputs := [][]byte{
		[]byte("title: 'it''s'\nauthor: 'Ann'\ncat: \"Go\"\nk: plain\nn: 3\nb: true\ntags: [a, 'b c', \"d\"]\nlist:\n  - 'x'\n  - \"y\"\n  - z\n"),
		[]byte("title: 'it''s'\nauthor: 'Ann'\ncat: \"Go\"\nk: plain\nlong: 'a single-quoted text much longer than forty bytes'\n"),
	}
	for _, s := range fastSeeds {
		inputs = append(inputs, []byte(s))
	}
	checkInterned(t, inputs...)
}

// FuzzFastYAMLScratchIntern checks an interning Scratch on two inputs
// (and the first again).
func FuzzFastYAMLScratchIntern(f *testing.F) {
	for i, s := range fastSeeds {
		f.Add([]byte(s), []byte(fastSeeds[(i+1)%len(fastSeeds)]))
	}
	f.Fuzz(func(t *testing.T, a, b []byte) {
		checkInterned(t, a, b, a)
	})
}

// TestScratchStrRecent gives a Scratch many short strings, some sharing
// the recent cache's slot, in turns: each comes back with its own text,
// and a repeated one as the same string (one copy kept).
func TestScratchStrRecent(t *testing.T) {
	sc := NewScratch()
	interned := map[string]int{}
	sc.Intern = func(b []byte) string { s := string(b); interned[s]++; return s }
	var words []string
	for i := range 1500 { // within what the Scratch keeps (scratchMaxStrs)
		words = append(words, fmt.Sprintf("w%d", i), fmt.Sprintf("%d-标签-%d", i%7, i))
	}
	words = append(words, "", "title", "date", "tags", "true", "a", "b", strings.Repeat("x", 40))
	first := map[string]string{}
	for round := range 3 {
		for i, w := range words {
			if round == 1 && i%2 == 0 {
				continue // other neighbours in the slots
			}
			got := sc.str([]byte(w))
			if got != w {
				t.Fatalf("str(%q) = %q", w, got)
			}
			if f, ok := first[w]; ok && w != "" && unsafe.StringData(f) != unsafe.StringData(got) {
				t.Fatalf("str(%q) again is another copy", w)
			} else if !ok {
				first[w] = got
			}
		}
	}
	for w, n := range interned {
		if n != 1 {
			t.Errorf("%q interned %d times, want once", w, n)
		}
	}
}
