package preview

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	foliotheme "folio/app/theme"
)

// TestInvalidUTF8WordIsBroken shows text holding bytes that are not UTF-8
// in a word wider than the pane, which is broken between characters: a
// bad byte is one byte long and breaking must not read past the word's end.
func TestInvalidUTF8WordIsBroken(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(foliotheme.New(foliotheme.Options{}))
	p := New()
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(200, 400))
	for _, body := range [][]byte{
		append(bytes.Repeat([]byte("abcdefgh"), 20), 0xff),
		bytes.Repeat([]byte("ab\xffcd\xe4\xb8"), 40),
		[]byte("```\nabc\xff\n\xfe\xff中\xe2\x94\n├─\xe2\n```\n\n`a\xff├`\n"),
		append([]byte("| a |\n|---|\n| "), append(bytes.Repeat([]byte("x\xfe"), 100), " |\n"...)...),
	} {
		p.updateNow(body, Meta{}, "", 1)
		w.Canvas().Capture() // builds and draws every shown block
	}
}
