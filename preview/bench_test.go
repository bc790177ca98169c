package preview

import (
	"folio/preview/markdown"

	"bytes"
	"io"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/yuin/goldmark"

	foliotheme "folio/app/theme"
)

// seedOfSize is the seed article's body repeated to at least n bytes.
func seedOfSize(tb testing.TB, n int) []byte {
	_, body, _ := splitSeed(tb)
	out := make([]byte, 0, n+len(body))
	out = append(out, body...)
	for len(out) < n {
		out = append(out, body...)
		out = append(out, '\n')
	}
	return out
}

// benchApp is a test app with Folio's theme, so text is shaped with the
// bundled CJK font as in the real app (Fyne's default font has no Chinese,
// and looking for a fallback font per string is not what users pay).
func benchApp(b *testing.B) {
	test.NewTempApp(b).Settings().SetTheme(foliotheme.New(foliotheme.Options{}))
}

var sizes = []struct {
	name string
	n    int
}{{"seed", 0}, {"100KB", 100 << 10}, {"1MB", 1 << 20}}

// BenchmarkPreviewFull is a full update of a shown preview (800×600):
// parse, build the model, build and lay out the visible blocks. Nothing
// from the previous iteration is reused.
//
// code1MB is one 1 MB fenced code block, table20k a 20,000-row table: the
// time to open them (goals: ≤ 50 ms and ≤ 100 ms). para3MB is one
// paragraph of 3 MB (a big paste: lines with no blank line between them),
// line900KB one paragraph that is one 900 KB line.
func BenchmarkPreviewFull(b *testing.B) {
	type bench struct {
		name string
		body []byte
	}
	var all []bench
	for _, s := range sizes {
		all = append(all, bench{s.name, seedOfSize(b, s.n)})
	}
	all = append(all, bench{"code1MB", bigCode(1 << 20)}, bench{"table20k", bigTable(20000)}, bench{"table300cols", wideTable(300, 40)}, bench{"para3MB", bigPara(3 << 20)}, bench{"line900KB", bigLine(900 << 10)})
	for _, s := range all {
		body := s.body
		b.Run(s.name, func(b *testing.B) {
			benchApp(b)
			p := New()
			w := test.NewTempWindow(b, p)
			w.Resize(fyne.NewSize(800, 600))
			b.SetBytes(int64(len(body)))
			// once before timing: loading the fonts (the CJK face takes
			// ~70 ms to parse) is paid once per process, not per update
			p.updateNow(body, Meta{}, "", 1)
			for b.Loop() {
				p.doc = markdown.NewDocument(p.md)
				p.dropBuilt()
				p.updateNow(body, Meta{}, "", 1)
			}
		})
	}
}

// BenchmarkPreviewEdit changes one character in the middle of a 1 MB
// article and updates the shown preview incrementally.
func BenchmarkPreviewEdit(b *testing.B) {
	body := seedOfSize(b, 1<<20)
	mid := bytes.Index(body[len(body)/2:], []byte("人工智能")) + len(body)/2
	edited := bytes.Clone(body)
	copy(edited[mid:], "人工知能") // same length, one character differs
	b.Run("1MB", func(b *testing.B) {
		benchApp(b)
		p := New()
		w := test.NewTempWindow(b, p)
		w.Resize(fyne.NewSize(800, 600))
		p.updateNow(bytes.Clone(body), Meta{}, "", 1)
		versions := [][]byte{edited, body}
		i := 0
		for b.Loop() {
			res := p.updateNow(versions[i%2], Meta{}, "", 1)
			if !res.incremental {
				b.Fatal("edit was not incremental")
			}
			i++
		}
	})
}

// BenchmarkPreviewOpen is opening a big article until its first screen
// shows: the start is parsed and shown while the rest parses on the
// worker (table20k: the goal is ≤ 100 ms).
func BenchmarkPreviewOpen(b *testing.B) {
	for _, s := range []struct {
		name string
		body []byte
	}{{"code1MB", bigCode(1 << 20)}, {"table20k", bigTable(20000)}, {"seed1MB", seedOfSize(b, 1<<20)}} {
		body := s.body
		b.Run(s.name, func(b *testing.B) {
			benchApp(b)
			p := New()
			w := test.NewTempWindow(b, p)
			w.Resize(fyne.NewSize(800, 600))
			for b.Loop() {
				p.doc = markdown.NewDocument(p.md)
				p.dropBuilt()
				p.mu.Lock()
				p.gen++
				gen := p.gen
				p.mu.Unlock()
				res := p.firstScreen(&request{body: body, firstLine: 1}, gen)
				if res == nil {
					b.Fatal("no first screen")
				}
				p.apply(res)
				if len(p.content.objs) == 0 {
					b.Fatal("nothing shown")
				}
			}
		})
	}
}

// BenchmarkPreviewEditBig is one keystroke near the end of a big block,
// updating the shown preview (goal: ≤ 5 ms for code1MB).
func BenchmarkPreviewEditBig(b *testing.B) {
	for _, s := range []struct {
		name string
		body []byte
	}{{"code1MB", bigCode(1 << 20)}, {"table20k", bigTable(20000)}} {
		body := s.body
		at := bytes.LastIndex(body[:len(body)-30], []byte("\n")) - 5
		edited := append(append(append([]byte(nil), body[:at]...), 'X'), body[at:]...)
		b.Run(s.name, func(b *testing.B) {
			benchApp(b)
			p := New()
			w := test.NewTempWindow(b, p)
			w.Resize(fyne.NewSize(800, 600))
			p.updateNow(bytes.Clone(body), Meta{}, "", 1)
			// as after the worker's pass that follows opening
			markdown.HighlightParts(p.doc.Blocks(), false, func() bool { return false })
			p.ScrollToSourceLine(bytes.Count(body, []byte{'\n'}) - 4)
			versions := [][]byte{edited, body}
			i := 0
			for b.Loop() {
				if res := p.updateNow(versions[i%2], Meta{}, "", 1); !res.incremental {
					b.Fatal("edit was not incremental")
				}
				i++
			}
		})
	}
}

// BenchmarkFyneMarkdown is the peer: Fyne's own Markdown rich text, built
// and refreshed in a test window.
func BenchmarkFyneMarkdown(b *testing.B) {
	for _, s := range sizes {
		body := string(seedOfSize(b, s.n))
		b.Run(s.name, func(b *testing.B) {
			benchApp(b)
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				rt := widget.NewRichTextFromMarkdown(body)
				rt.Wrapping = fyne.TextWrapWord
				w := test.NewTempWindow(b, rt)
				w.Resize(fyne.NewSize(800, 600))
				rt.Refresh()
			}
		})
	}
}

// BenchmarkGoldmarkHTML is the peer: the same goldmark configuration
// rendering HTML.
func BenchmarkGoldmarkHTML(b *testing.B) {
	md := newMarkdown()
	type bench struct {
		name string
		body []byte
	}
	var all []bench
	for _, s := range sizes {
		all = append(all, bench{s.name, seedOfSize(b, s.n)})
	}
	all = append(all, bench{"code1MB", bigCode(1 << 20)}, bench{"table20k", bigTable(20000)}, bench{"table300cols", wideTable(300, 40)}, bench{"para3MB", bigPara(3 << 20)}, bench{"line900KB", bigLine(900 << 10)})
	for _, s := range all {
		body := s.body
		b.Run(s.name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				if err := md.Convert(body, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPreviewModel is the part of a full update that runs off the UI
// goroutine: parse, split into top-level blocks, hash, build the model.
func BenchmarkPreviewModel(b *testing.B) {
	md := newMarkdown()
	for _, s := range sizes {
		body := seedOfSize(b, s.n)
		b.Run(s.name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				markdown.NewDocument(md).Set(body)
			}
		})
	}
}

// BenchmarkPreviewRatio runs a full update (as BenchmarkPreviewFull) and
// the goldmark→HTML peer (as BenchmarkGoldmarkHTML) in turns in each
// iteration and reports each one's time and their ratio: on a shared,
// busy machine the two see the same load, which separate benchmarks run
// seconds apart do not.
// updateBesidePeer times, in turns, goldmark's conversion of body to
// HTML (the peer) and a full update of the shown preview p with it (a
// new model, nothing built kept).
func updateBesidePeer(tb testing.TB, p *Preview, md goldmark.Markdown, body []byte) (preview, peer time.Duration) {
	t0 := time.Now()
	if err := md.Convert(body, io.Discard); err != nil {
		tb.Fatal(err)
	}
	t1 := time.Now()
	p.doc = markdown.NewDocument(p.md)
	p.dropBuilt()
	p.updateNow(body, Meta{}, "", 1)
	return time.Since(t1), t1.Sub(t0)
}

func BenchmarkPreviewRatio(b *testing.B) {
	md := newMarkdown()
	type bench struct {
		name string
		body []byte
	}
	var all []bench
	for _, s := range sizes {
		all = append(all, bench{s.name, seedOfSize(b, s.n)})
	}
	all = append(all, bench{"code1MB", bigCode(1 << 20)}, bench{"table20k", bigTable(20000)}, bench{"table300cols", wideTable(300, 40)}, bench{"para3MB", bigPara(3 << 20)}, bench{"line900KB", bigLine(900 << 10)})
	for _, s := range all {
		body := s.body
		b.Run(s.name, func(b *testing.B) {
			benchApp(b)
			p := New()
			w := test.NewTempWindow(b, p)
			w.Resize(fyne.NewSize(800, 600))
			p.updateNow(body, Meta{}, "", 1) // fonts load once per process
			var preview, peer time.Duration
			for b.Loop() {
				pv, pr := updateBesidePeer(b, p, md, body)
				preview += pv
				peer += pr
			}
			b.ReportMetric(float64(preview.Nanoseconds())/float64(b.N), "preview-ns/op")
			b.ReportMetric(float64(peer.Nanoseconds())/float64(b.N), "goldmark-ns/op")
			b.ReportMetric(float64(preview)/float64(peer), "ratio")
		})
	}
}
