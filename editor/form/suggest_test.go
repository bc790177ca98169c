package form

import (
	"image/color"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"folio/assets"
	"folio/editor/contrast"
)

// inLanguage loads Folio's translations for the locale loc (as the app
// does at start) for the rest of the test, and English again after it.
func inLanguage(t *testing.T, loc string) {
	t.Helper()
	envs := []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}
	old := map[string]*string{}
	for _, k := range envs {
		if v, ok := os.LookupEnv(k); ok {
			old[k] = &v
		} else {
			old[k] = nil
		}
	}
	set := func(vals map[string]*string) {
		for _, k := range envs {
			if v := vals[k]; v != nil {
				os.Setenv(k, *v)
			} else {
				os.Unsetenv(k)
			}
		}
		if err := lang.AddTranslationsFS(assets.Translations, "i18n"); err != nil {
			t.Fatal(err)
		}
	}
	l := loc + ".UTF-8"
	set(map[string]*string{"LANGUAGE": &loc, "LC_ALL": &l})
	t.Cleanup(func() { set(old) })
}

// QA: under an empty tags field the folder's tags were drawn as chips, as
// if the article had them. They are now captioned "Suggestions:" (建议：),
// drawn outlined with dimmed text and a "+", unlike a value's filled chip,
// and a tap still adds one.
func TestEmptyTagsShowSuggestionsNotValues(t *testing.T) {
	for _, tc := range []struct{ loc, caption string }{{"en_US", "Suggestions:"}, {"zh_CN", "建议："}} {
		for _, variant := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
			name := tc.loc + "/light"
			if variant == theme.VariantDark {
				name = tc.loc + "/dark"
			}
			t.Run(name, func(t *testing.T) {
				inLanguage(t, tc.loc)
				h := newHarness(t, []byte("---\ntitle: 空\ntags: []\n---\n正文\n"), folderSchema(t))
				test.ApplyTheme(t, &variantTheme{Theme: theme.DefaultTheme(), v: variant})
				th, bg := h.f.Theme(), h.f.Theme().Color(theme.ColorNameBackground, variant)
				tags := h.list("tags")
				if len(tags.chips.Objects) != 0 {
					t.Fatalf("%d chips for an empty list", len(tags.chips.Objects))
				}
				objs := tags.suggest.Objects
				if len(objs) < 2 {
					t.Fatalf("%d objects under the empty tags, want a caption and suggestions", len(objs))
				}
				c, ok := objs[0].(*pill)
				if !ok || !c.caption {
					t.Fatalf("the first object under the tags is %T %+v, want the caption", objs[0], objs[0])
				}
				cr := test.TempWidgetRenderer(t, c).(*pillRenderer)
				if cr.txt.Text != tc.caption {
					t.Errorf("caption %q, want %q", cr.txt.Text, tc.caption)
				}
				if got := contrast.Ratio(cr.txt.Color, bg); got < contrast.MinText {
					t.Errorf("caption %v is %.2f:1 on %v", cr.txt.Color, got, bg)
				}
				if c.onTap != nil {
					t.Error("the caption acts on a tap")
				}
				for _, o := range objs[1:] {
					p := o.(*pill)
					r := test.TempWidgetRenderer(t, p).(*pillRenderer)
					if !strings.HasPrefix(r.txt.Text, "+ ") || r.txt.Text != "+ "+p.text {
						t.Errorf("suggestion %q drawn as %q, want a + before it", p.text, r.txt.Text)
					}
					if r.bg.FillColor != color.Transparent {
						t.Errorf("suggestion %q is filled (%v) like a value", p.text, r.bg.FillColor)
					}
					if r.bg.StrokeWidth <= 0 || contrast.Ratio(r.bg.StrokeColor, bg) < 3 {
						t.Errorf("suggestion %q outline %v (%.2f:1 on %v) does not show", p.text, r.bg.StrokeColor, contrast.Ratio(r.bg.StrokeColor, bg), bg)
					}
					if r.txt.Color == th.Color(theme.ColorNameForeground, variant) {
						t.Errorf("suggestion %q in the values' text colour", p.text)
					}
					if got := contrast.Ratio(r.txt.Color, bg); got < contrast.MinText {
						t.Errorf("suggestion %q: dimmed text %v is %.2f:1 on %v, want >= %.1f", p.text, r.txt.Color, got, bg, contrast.MinText)
					}
				}
				first := objs[1].(*pill).text
				h.step("a tag from a suggestion", "tags: ["+first+"]", func() { tapPill(t, tags.suggest.Objects, first) })
				if got := pillTexts(tags.chips.Objects); len(got) != 1 || got[0] != first {
					t.Fatalf("chips %q after tapping %q", got, first)
				}
				chip := tags.chips.Objects[0].(*pill)
				r := test.TempWidgetRenderer(t, chip).(*pillRenderer)
				if r.txt.Text != first || r.bg.FillColor != th.Color(theme.ColorNameInputBackground, variant) || r.txt.Color != th.Color(theme.ColorNameForeground, variant) {
					t.Errorf("the value chip is drawn %q fill %v text %v, want the plain filled chip", r.txt.Text, r.bg.FillColor, r.txt.Color)
				}
				for _, o := range tags.suggest.Objects {
					if p := o.(*pill); p.text == first {
						t.Errorf("%q is still suggested after it was added", first)
					}
				}
			})
		}
	}
}

// variantTheme forces a variant, as Folio's light and dark themes do.
type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t *variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}
