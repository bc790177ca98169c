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
