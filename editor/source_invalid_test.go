package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	foliotheme "folio/app/theme"
)

// TestInvalidUTF8InCodeIsDrawn opens text holding bytes that are not
// UTF-8 (a binary file, a GBK article) inside a code block, where symbols
// are drawn one column wide: a bad byte is one byte long, and laying it out
// must not read past the end of the line (QA: the app crashed with a slice
// bounds panic on `abc\xff` at the end of a code line).
func TestInvalidUTF8InCodeIsDrawn(t *testing.T) {
	for _, text := range []string{
		"```\nabc\xff\n```\n",
		"```\n\xff\n```\n",
		"```\n├─\xe2\x94\n```\n", // a box-drawing rune cut short
		"```\n" + strings.Repeat("\xfe\xff中", 40) + "\n```\n",
		"plain \xff line\n",
	} {
		test.NewTempApp(t).Settings().SetTheme(foliotheme.New(foliotheme.Options{}))
		s := NewSource()
		s.SetText(text)
		w := test.NewTempWindow(t, s)
		w.Resize(fyne.NewSize(800, 600))
		if got := s.Text(); got != text {
			t.Errorf("Text = %q, want %q", got, text)
		}
		s.Refresh()
	}
}
