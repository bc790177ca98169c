package assets

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2"
	fynetheme "fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// Fyne parses each theme font once, on first use, so parse time is start-up
// latency. Peers: BenchmarkParseFont/NotoSansSC-Regular vs
// BenchmarkParseFont/fyne-default (Fyne's Latin-only NotoSans-Regular.ttf).
func BenchmarkParseFont(b *testing.B) {
	for _, r := range []fyne.Resource{FontRegular, FontBold, FontMonospace, fynetheme.DefaultTextFont()} {
		name := r.Name()
		if r == fynetheme.DefaultTextFont() {
			name = "fyne-default"
		}
		b.Run(name, func(b *testing.B) {
			data := r.Content()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := font.ParseTTF(bytes.NewReader(data)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Shaping cost per line of Latin text, bundled CFF font vs Fyne's TrueType
// default: peers BenchmarkShapeLatin/bundled and BenchmarkShapeLatin/fyne-default.
// BenchmarkShapeHan/bundled shapes a Chinese line of the same length.
func BenchmarkShapeLatin(b *testing.B) {
	const line = "The quick brown fox jumps over the lazy dog, then writes Markdown."
	b.Run("bundled", func(b *testing.B) { benchShape(b, FontRegular, line, language.Latin) })
	b.Run("fyne-default", func(b *testing.B) { benchShape(b, fynetheme.DefaultTextFont(), line, language.Latin) })
}

func BenchmarkShapeHan(b *testing.B) {
	const line = "随着二〇二四年的到来，人工智能技术正站在一个新的历史节点上。经过多年的快速发展，技术已经从实验室走向了应用。"
	b.Run("bundled", func(b *testing.B) { benchShape(b, FontRegular, line, language.Han) })
}

func benchShape(b *testing.B, r fyne.Resource, s string, script language.Script) {
	face, err := font.ParseTTF(bytes.NewReader(r.Content()))
	if err != nil {
		b.Fatal(err)
	}
	text := []rune(s)
	in := shaping.Input{Text: text, RunEnd: len(text), Direction: di.DirectionLTR, Face: face,
		Size: fixed.I(14), Script: script, Language: language.NewLanguage("zh-Hans")}
	var sh shaping.HarfbuzzShaper
	for b.Loop() {
		if out := sh.Shape(in); out.Advance <= 0 {
			b.Fatal("empty shaping output")
		}
	}
}
