package preview

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// TestItalicLatinFromItalicFace: emphasis is visible (QA H15). The Latin
// parts of *x*, _x_ and <em> are drawn from Fyne's italic face (bold
// italic for ***x***), on the line's baseline; Chinese inside the same
// run stays upright in the theme's face (Noto Sans SC has no italic);
// plain and bold text are unchanged.
func TestItalicLatinFromItalicFace(t *testing.T) {
	f := inlineFlow(t, "plain *star* _under_ <em>html</em> ***both*** *斜体x* **bold**")
	faces := map[string]fyne.Resource{}
	texts := map[string]*canvas.Text{}
	for _, txt := range codeTexts(t, f) {
		faces[txt.Text] = txt.FontSource
		texts[txt.Text] = txt
	}
	want := map[string]fyne.Resource{
		"star":  theme.DefaultTextItalicFont(),
		"under": theme.DefaultTextItalicFont(),
		"html":  theme.DefaultTextItalicFont(),
		"both":  theme.DefaultTextBoldItalicFont(),
		"斜体":    nil,
		"x":     theme.DefaultTextItalicFont(),
	}
	for s, face := range want {
		got, ok := faces[s]
		if !ok {
			t.Errorf("no text %q drawn; drawn: %v", s, keys(faces))
			continue
		}
		if got != face {
			t.Errorf("%q drawn from %v; want %v", s, name(got), name(face))
		}
	}
	for s, face := range faces {
		if face != nil && (s == "plain " || s == "bold" || s == " ") {
			t.Errorf("%q (not italic) drawn from %v", s, name(face))
		}
	}
	// The italic text sits on the same baseline as the upright text
	// around it. Fyne centres a text vertically in its box, so a text's
	// baseline is its box's top, plus half of what its face's line leaves
	// of the box, plus the face's ascent.
	drv := fyne.CurrentApp().Driver()
	size := theme.SizeForWidget(theme.SizeNameText, f)
	baseline := func(s string) float32 {
		txt := texts[s]
		line, asc := drv.RenderedTextSize("M", size, txt.TextStyle, txt.FontSource)
		return txt.Position().Y + (txt.Size().Height-line.Height)/2 + asc
	}
	if a, b := baseline("star"), baseline("斜体"); math.Abs(float64(a-b)) > 0.5 {
		t.Errorf("italic text's baseline at %.1f, the upright text's at %.1f", a, b)
	}
	// Measuring agrees with drawing: the piece's width is the sum of its
	// parts' widths.
	found := false
	for _, l := range f.lines {
		for _, p := range l.pieces {
			if p.text != "斜体x" {
				continue
			}
			found = true
			st := f.runs[p.run].style
			a, _ := drv.RenderedTextSize("斜体", size, st, nil)
			b, _ := drv.RenderedTextSize("x", size, st, theme.DefaultTextItalicFont())
			if math.Abs(float64(p.w-(a.Width+b.Width))) > 0.5 {
				t.Errorf("piece %q is %.1f wide; its parts %.1f", p.text, p.w, a.Width+b.Width)
			}
		}
	}
	if !found {
		t.Error(`no piece "斜体x" laid out`)
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func name(r fyne.Resource) string {
	if r == nil {
		return "the theme's face"
	}
	return r.Name()
}
