package assets

import (
	"bytes"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/font"
)

func parseFont(t *testing.T, r fyne.Resource) *font.Face {
	t.Helper()
	face, err := font.ParseTTF(bytes.NewReader(r.Content()))
	if err != nil {
		t.Fatalf("%s: parse: %v", r.Name(), err)
	}
	return face
}

func TestEmbeddedResourcesNonEmpty(t *testing.T) {
	for _, tc := range []struct {
		res     fyne.Resource
		name    string
		minSize int
	}{
		{FontRegular, "NotoSansSC-Regular.otf", 1 << 20},
		{FontBold, "NotoSansSC-Bold.otf", 1 << 20},
		{FontMonospace, "NotoSansMonoSC-Regular.otf", 1 << 20},
		{FontLicense, "OFL.txt", 4000},
		{Icon, "folio.png", 1000},
	} {
		if tc.res.Name() != tc.name {
			t.Errorf("name = %q, want %q", tc.res.Name(), tc.name)
		}
		if n := len(tc.res.Content()); n < tc.minSize {
			t.Errorf("%s: %d bytes, want at least %d", tc.name, n, tc.minSize)
		}
	}
	if !bytes.Contains(FontLicense.Content(), []byte("SIL OPEN FONT LICENSE Version 1.1")) {
		t.Error("OFL.txt does not contain the SIL Open Font License text")
	}
}

// mustCover lists runes every bundled font must have: ASCII, Latin-1,
// Chinese punctuation, fullwidth forms and hanzi from both GB 2312 levels
// and from outside GB 2312 (names and technical terms use those).
const mustCover = "Folio 2.0 — “中文标题”，《书名》、【注】：标点；！？…（）·～" +
	"ＡＢＣ１２３＠＃" + "éüñ©°±×÷" +
	"的一是在不了有和人这" + // GB 2312 level 1
	"亍丌兀丐廿卅丕亘丞鬲" + // GB 2312 level 2
	"喆堃赟昇镕珺啰蹚垚犇" + // not in GB 2312
	"䶮㛃𬌗𫐐𬸚𬍛𠳐𥻗𡎚𠮷" // outside U+4E00-9FFF (Extensions A-E, names)

func TestFontsParseAndCover(t *testing.T) {
	for _, r := range []fyne.Resource{FontRegular, FontBold, FontMonospace} {
		t.Run(r.Name(), func(t *testing.T) {
			face := parseFont(t, r)
			var missing []string
			for _, c := range mustCover + printableASCII() {
				if _, ok := face.NominalGlyph(c); !ok {
					missing = append(missing, string(c))
				}
			}
			if len(missing) > 0 {
				t.Errorf("missing glyphs: %s", strings.Join(missing, " "))
			}
			uro := 0
			for c := rune(0x4E00); c <= 0x9FFF; c++ {
				if _, ok := face.NominalGlyph(c); ok {
					uro++
				}
			}
			// Noto Sans CJK SC 2.004 has 20976 of the block's 20992 code points.
			if uro < 20970 {
				t.Errorf("CJK Unified Ideographs covered: %d, want ≥ 20970", uro)
			}
			// A glyph the subset deliberately leaves out: CJK Extension A.
			if _, ok := face.NominalGlyph(0x3400); ok {
				t.Error("U+3400 present: the font is not the expected subset")
			}
		})
	}
}

// TestFontsCoverHanziExtra checks every code point subset.sh took from
// fonts/hanzi-extra.txt is in each font.
func TestFontsCoverHanziExtra(t *testing.T) {
	list, err := os.ReadFile("fonts/hanzi-extra.txt")
	if err != nil {
		t.Fatal(err)
	}
	var cps []rune
	for _, line := range strings.Split(string(list), "\n") {
		if !strings.HasPrefix(line, "U+") {
			continue
		}
		f := strings.Fields(line)
		cp, err := strconv.ParseUint(f[0][2:], 16, 32)
		if err != nil || len(f) < 2 || f[1] != string(rune(cp)) {
			t.Fatalf("bad line %q", line)
		}
		cps = append(cps, rune(cp))
	}
	if len(cps) != 274 {
		t.Fatalf("%d code points in hanzi-extra.txt, want 274", len(cps))
	}
	for _, r := range []fyne.Resource{FontRegular, FontBold, FontMonospace} {
		face := parseFont(t, r)
		for _, c := range cps {
			g, ok := face.NominalGlyph(c)
			if !ok {
				t.Errorf("%s: no glyph for %U %c", r.Name(), c, c)
				continue
			}
			if adv := face.HorizontalAdvance(g); adv != float32(face.Upem()) {
				t.Errorf("%s: %U is %v wide, want a full em", r.Name(), c, adv)
			}
		}
	}
}

func TestFontsAdvances(t *testing.T) {
	adv := func(f *font.Face, r rune) float32 {
		g, ok := f.NominalGlyph(r)
		if !ok {
			t.Fatalf("no glyph for %q", r)
		}
		return f.HorizontalAdvance(g)
	}
	for _, r := range []fyne.Resource{FontRegular, FontBold, FontMonospace} {
		face := parseFont(t, r)
		em := float32(face.Upem())
		for _, c := range "中文，。“”（）" {
			if got := adv(face, c); got != em {
				t.Errorf("%s: advance of %q = %v, want full width %v", r.Name(), c, got, em)
			}
		}
	}
	mono := parseFont(t, FontMonospace)
	em := float32(mono.Upem())
	for _, c := range "aWi0{" {
		if got := adv(mono, c); got != em/2 {
			t.Errorf("mono: advance of %q = %v, want half width %v", c, got, em/2)
		}
	}
	regular := parseFont(t, FontRegular)
	if adv(regular, 'i') >= adv(regular, 'W') {
		t.Error("regular font: 'i' is not narrower than 'W'; is it monospaced?")
	}
	bold := parseFont(t, FontBold)
	if adv(bold, 'a') <= adv(regular, 'a') {
		t.Error("bold font: 'a' is not wider than in regular; is it the bold weight?")
	}
}

// TestSamplesUseOnlyCoveredRunes guards against a sample showing tofu:
// every letter, digit, punctuation mark or symbol in the samples must be in
// the regular font.
func TestSamplesUseOnlyCoveredRunes(t *testing.T) {
	face := parseFont(t, FontRegular)
	err := fs.WalkDir(Samples, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := fs.ReadFile(Samples, p)
		if err != nil {
			return err
		}
		seen := map[rune]bool{}
		for _, c := range string(b) {
			if unicode.IsSpace(c) || seen[c] {
				continue
			}
			seen[c] = true
			if _, ok := face.NominalGlyph(c); !ok {
				t.Errorf("%s: %q (U+%04X) is not in the bundled font", p, c, c)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func printableASCII() string {
	var b strings.Builder
	for c := ' '; c <= '~'; c++ {
		b.WriteRune(c)
	}
	return b.String()
}
