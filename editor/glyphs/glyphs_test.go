package glyphs

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

func TestHas(t *testing.T) {
	mono, italic := theme.DefaultTextMonospaceFont(), theme.DefaultTextItalicFont()
	tests := []struct {
		res  fyne.Resource
		r    rune
		want bool
	}{
		{mono, 'a', true},
		{mono, '→', true},  // DejaVu Sans Mono has arrows
		{mono, '中', false}, // and no CJK
		{italic, 'é', true},
		{italic, '中', false},
		{nil, 'a', false},
		{fyne.NewStaticResource("not-a-font.txt", []byte("hello")), 'a', false},
	}
	for _, tt := range tests {
		name := "nil"
		if tt.res != nil {
			name = tt.res.Name()
		}
		// Twice: the second answer comes from the cached face.
		for i := 0; i < 2; i++ {
			if got := Has(tt.res, tt.r); got != tt.want {
				t.Errorf("Has(%s, %q) = %v, want %v", name, tt.r, got, tt.want)
			}
		}
	}
}

func TestItalicSegments(t *testing.T) {
	it, bit := theme.DefaultTextItalicFont(), theme.DefaultTextBoldItalicFont()
	type seg struct {
		s    string
		face fyne.Resource
	}
	tests := []struct {
		s     string
		style fyne.TextStyle
		want  []seg
	}{
		{"plain", fyne.TextStyle{}, []seg{{"plain", nil}}},
		{"code", fyne.TextStyle{Italic: true, Monospace: true}, []seg{{"code", nil}}},
		{"star", fyne.TextStyle{Italic: true}, []seg{{"star", it}}},
		{"both", fyne.TextStyle{Italic: true, Bold: true}, []seg{{"both", bit}}},
		{"斜体x", fyne.TextStyle{Italic: true}, []seg{{"斜体", nil}, {"x", it}}},
		{"a中b", fyne.TextStyle{Italic: true}, []seg{{"a", it}, {"中", nil}, {"b", it}}},
		{"café", fyne.TextStyle{Italic: true}, []seg{{"café", it}}},
		{"", fyne.TextStyle{Italic: true}, nil},
	}
	for _, tt := range tests {
		var got []seg
		ItalicSegments(tt.s, tt.style, func(s string, f fyne.Resource) { got = append(got, seg{s, f}) })
		if len(got) != len(tt.want) {
			t.Errorf("%q: %d segments %v, want %v", tt.s, len(got), got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%q: segment %d = %q from %v, want %q from %v", tt.s, i, got[i].s, got[i].face, tt.want[i].s, tt.want[i].face)
			}
		}
	}
}
