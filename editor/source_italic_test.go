package editor

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	foliotheme "folio/app/theme"
)

// TestEditorItalicsVisible: the editor shows *emphasis* slanted as it
// shows **strong** bold (QA8 J3: it was upright, the theme's faces have no
// italic). Latin parts come from Fyne's italic face on the line's
// baseline, Chinese stays upright, and the caret after the run is where
// the drawn text ends.
func TestEditorItalicsVisible(t *testing.T) {
	s, _ := newTestSource(t, "a *star* 中*斜体x* **bold**")
	fyne.CurrentApp().Settings().SetTheme(foliotheme.New(foliotheme.Options{}))
	r := test.TempWidgetRenderer(t, s).(*sourceRenderer)
	r.Refresh()
	drawn := map[string]*canvas.Text{}
	for _, o := range r.Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.Visible() && tx.Text != "" {
			drawn[tx.Text] = tx
		}
	}
	it := theme.DefaultTextItalicFont()
	for text, want := range map[string]fyne.Resource{"*star*": it, "*": it, "斜体": nil, "x*": it} {
		tx, ok := drawn[text]
		if !ok {
			continue // how the run is cut may differ; the checks below insist
		}
		if tx.FontSource != want {
			t.Errorf("%q drawn from %v, want %v", text, tx.FontSource, want)
		}
	}
	star, ok := drawn["*star*"]
	if !ok {
		t.Fatalf("no text *star* drawn: %v", keysOf(drawn))
	}
	if star.FontSource != it {
		t.Fatalf("*star* drawn from %v, want Fyne's italic face", star.FontSource)
	}
	if h, ok := drawn["斜体"]; !ok || h.FontSource != nil {
		t.Errorf("Chinese in italics not drawn upright from the theme's face: %v", keysOf(drawn))
	}
	// Same baseline as the upright "a " before it.
	drv := fyne.CurrentApp().Driver()
	baseline := func(tx *canvas.Text) float32 {
		line, asc := drv.RenderedTextSize("M", tx.TextSize, tx.TextStyle, tx.FontSource)
		return tx.Position().Y + (tx.Size().Height-line.Height)/2 + asc
	}
	a := drawn["a "]
	if a == nil {
		t.Fatalf("no upright text before the run: %v", keysOf(drawn))
	}
	if d := baseline(star) - baseline(a); math.Abs(float64(d)) > 0.5 {
		t.Errorf("italic baseline %.1f px off the upright text's", d)
	}
	// The layout's width of the run is the drawn text's.
	if w := s.lay.measure(0, 2, 8); math.Abs(float64(w-star.Size().Width)) > 0.5 {
		t.Errorf("layout measures *star* %.1f wide, drawn %.1f", w, star.Size().Width)
	}
}

func keysOf(m map[string]*canvas.Text) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
