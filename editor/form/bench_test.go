package form

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"folio/editor/document"
)

// benchForm is the seed article in a form in a test window, with two texts
// that differ by one keystroke in the title (or in the body).
func benchForm(b *testing.B, inBody bool) (*Form, [2][]byte) {
	b.Helper()
	test.NewTempApp(b)
	seed := readSample(b, "2024-ai-trends.md")
	next := strings.Replace(string(seed), "发展趋势预测\"", "发展趋势预测！\"", 1)
	if inBody {
		next = strings.Replace(string(seed), "本文将深度分析", "本文将深入分析", 1)
	}
	if next == string(seed) {
		b.Fatal("the keystroke did not apply")
	}
	f := New(Options{})
	f.SetSchema(folderSchema(b))
	d, _ := document.Parse(seed)
	f.SetDocument("2024-ai-trends.md", d)
	w := test.NewTempWindow(b, f)
	w.Resize(fyne.NewSize(520, 1000))
	return f, [2][]byte{seed, []byte(next)}
}

func parsed(b *testing.B, texts [2][]byte) [2]*document.Document {
	var out [2]*document.Document
	for i, t := range texts {
		d, err := document.Parse(t)
		if err != nil {
			b.Fatal(err)
		}
		out[i] = d
	}
	return out
}

// BenchmarkUpdateFrontMatterKeystroke is the form's share of a keystroke
// typed in the front matter: the model has parsed the text, the form
// updates one row in place.
func BenchmarkUpdateFrontMatterKeystroke(b *testing.B) {
	f, texts := benchForm(b, false)
	docs := parsed(b, texts)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f.Update(docs[i%2])
	}
}

// BenchmarkParseAndUpdateFrontMatterKeystroke adds the parse of the
// whole article the model does once per change.
func BenchmarkParseAndUpdateFrontMatterKeystroke(b *testing.B) {
	f, texts := benchForm(b, false)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, _ := document.Parse(texts[i%2])
		f.Update(d)
	}
}

// BenchmarkUpdateBodyKeystroke is a keystroke in the body: the form
// compares the front matter and does nothing else.
func BenchmarkUpdateBodyKeystroke(b *testing.B) {
	f, texts := benchForm(b, true)
	docs := parsed(b, texts)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f.Update(docs[i%2])
	}
}

// BenchmarkRebuild is the peer: building every row anew for the same
// keystroke, as a form without in-place updates would.
func BenchmarkRebuild(b *testing.B) {
	f, texts := benchForm(b, false)
	docs := parsed(b, texts)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f.byKey = map[string]row{} // no row to reuse
		f.SetDocument("2024-ai-trends.md", docs[i%2])
	}
}

// BenchmarkSwitchArticle opens another article of the same folder (the
// seed and reading-time.md share their keys): rows are reused.
func BenchmarkSwitchArticle(b *testing.B) {
	f, _ := benchForm(b, false)
	var docs [2]*document.Document
	for i, n := range []string{"2024-ai-trends.md", "reading-time.md"} {
		d, err := document.Parse(readSample(b, n))
		if err != nil {
			b.Fatal(err)
		}
		docs[i] = d
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f.SetDocument("a.md", docs[i%2])
	}
}
