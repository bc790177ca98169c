package editor

import (
	"os"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// seedPath is the reference article (a copy of shared/samples/seed-article.md), relative to this package's directory.
const seedPath = "../assets/samples/2024-ai-trends.md"

func seedText(tb testing.TB) string {
	tb.Helper()
	data, err := os.ReadFile(seedPath)
	if err != nil {
		tb.Fatalf("read seed article: %v", err)
	}
	return string(data)
}

// repeatTo repeats seed until the text is at least n bytes (n <= 0: once).
func repeatTo(seed string, n int) string {
	if n <= len(seed) {
		return seed
	}
	return strings.Repeat(seed, (n+len(seed)-1)/len(seed))
}

var benchSizes = []struct {
	name string
	size int
}{{"seed", 0}, {"100KB", 100 << 10}, {"1MB", 1 << 20}}

// middleOffset returns the start of a body paragraph near the middle.
func middleOffset(text string) int {
	i := strings.Index(text[len(text)/2:], "\n随着")
	if i < 0 {
		return len(text) / 2
	}
	return len(text)/2 + i + 1
}

// resetEvery is how many runes the typing benchmarks type into one
// paragraph before the text is reloaded (untimed), so every op types into
// a paragraph of realistic length whatever b.N is.
const resetEvery = 512

// BenchmarkTypeRune types one CJK rune per op into Folio's Source in an
// 800x600 test window, at the start of a body paragraph in the middle of
// the document.
//
// line900KB types into the middle of one 900 KB paragraph on a single
// line (goal: ≤ 1 ms a keystroke).
func BenchmarkTypeRune(b *testing.B) {
	seed := seedText(b)
	type bench struct {
		name string
		text string
		at   func(string) int
	}
	var all []bench
	for _, bs := range benchSizes {
		all = append(all, bench{bs.name, repeatTo(seed, bs.size), middleOffset})
	}
	all = append(all, bench{"line900KB", longLine(900 << 10), func(t string) int { return len(t) / 2 / 3 * 3 }})
	for _, bs := range all {
		b.Run(bs.name, func(b *testing.B) {
			text := bs.text
			middleOffset := bs.at
			s, _ := newTestSource(b, text)
			s.SetCursorOffset(middleOffset(text))
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				if i > 0 && i%resetEvery == 0 {
					b.StopTimer()
					s.SetText(text)
					s.SetCursorOffset(middleOffset(text))
					b.StartTimer()
				}
				s.TypedRune('字')
			}
		})
	}
}

// longLine is one paragraph line of about n bytes of Chinese and English
// (every character three bytes, so any multiple of 3 is a rune boundary).
func longLine(n int) string {
	unit := "中文段落很长没有换行ＡＢＣ，。"
	return strings.Repeat(unit, n/len(unit)) + "\n"
}

// BenchmarkFyneEntryTypeRune is the same for Fyne's multi-line Entry with
// word wrap, the widget Source replaces.
func BenchmarkFyneEntryTypeRune(b *testing.B) {
	seed := seedText(b)
	for _, bs := range benchSizes[:2] {
		b.Run(bs.name, func(b *testing.B) {
			test.NewTempApp(b)
			e := widget.NewMultiLineEntry()
			e.Wrapping = fyne.TextWrapWord
			text := repeatTo(seed, bs.size)
			e.SetText(text)
			w := test.NewTempWindow(b, e)
			w.Resize(fyne.NewSize(800, 600))
			w.Canvas().Focus(e)
			row := strings.Count(text[:middleOffset(text)], "\n")
			e.CursorRow, e.CursorColumn = row, 0
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				if i > 0 && i%resetEvery == 0 {
					b.StopTimer()
					e.SetText(text)
					e.CursorRow, e.CursorColumn = row, 0
					b.StartTimer()
				}
				e.TypedRune('字')
			}
		})
	}
}

// BenchmarkSetText loads 1 MB into a shown Source and reports the heap the
// editor holds for it (text included) as MB-held.
func BenchmarkSetText(b *testing.B) {
	text := repeatTo(seedText(b), 1<<20)
	b.Run("1MB", func(b *testing.B) {
		s, _ := newTestSource(b, "")
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			s.SetText(text)
		}
		b.StopTimer()
		b.ReportMetric(heapHeldMB(b, seedText(b)), "MB-held")
	})
}

// heapHeldMB measures the live heap a shown Source holds for a 1 MB
// document built from seed, counting the text itself. The source first
// shows the seed so Fyne's font caches are warm and not counted.
func heapHeldMB(tb testing.TB, seed string) float64 {
	s, _ := newTestSource(tb, seed)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	s.SetText(repeatTo(seed, 1<<20))
	s.ScrollToLine(s.LineCount() / 2)
	s.SetCursorOffset(middleOffset(s.Text()))
	s.TypedRune('字')
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(s)
	return float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / (1 << 20)
}

func TestHeapFor1MB(t *testing.T) {
	if mb := heapHeldMB(t, seedText(t)); mb > 20 {
		t.Errorf("a 1 MB document holds %.1f MB of heap, goal <= 20 MB", mb)
	} else {
		t.Logf("a 1 MB document holds %.1f MB of heap", mb)
	}
}

// BenchmarkEnter splits a line per op (the line count changes, the costly
// case for the per-line indexes).
func BenchmarkEnter(b *testing.B) {
	s, _ := newTestSource(b, repeatTo(seedText(b), 1<<20))
	s.SetCursorOffset(middleOffset(s.Text()))
	b.Run("1MB", func(b *testing.B) {
		for range b.N {
			s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		}
	})
}

// BenchmarkScroll scrolls a 1 MB document by one wheel step per op.
func BenchmarkScroll(b *testing.B) {
	s, _ := newTestSource(b, repeatTo(seedText(b), 1<<20))
	b.Run("1MB", func(b *testing.B) {
		for i := range b.N {
			dy := float32(-60)
			if (i/500)%2 == 1 {
				dy = 60
			}
			s.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: dy}})
		}
	})
}

// TestLargeDocumentBuildsOnlyVisibleObjects loads 1 MB, scrolls through it
// and checks the renderer's pools stay at one screen's worth and the heap
// stays bounded.
func TestLargeDocumentBuildsOnlyVisibleObjects(t *testing.T) {
	// Warm Fyne's font caches with the seed first: they are not the
	// editor's to count.
	s, _ := newTestSource(t, seedText(t))
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	s.SetText(repeatTo(seedText(t), 1<<20))
	r := test.WidgetRenderer(s).(*sourceRenderer)
	n := s.LineCount()
	for l := 0; l < n; l += 97 {
		s.ScrollToLine(l)
	}
	s.ScrollToLine(n - 1)
	rows := len(visibleTexts(s))
	if rows == 0 || len(r.texts) > 200 || len(r.rects) > 50 {
		t.Errorf("pools: %d texts, %d rects for %d visible rows", len(r.texts), len(r.rects), rows)
	}
	if len(r.objects) != 1+len(r.rects)+len(r.texts)+2 {
		t.Errorf("objects list out of sync: %d", len(r.objects))
	}
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	held := float64(int64(ms.HeapAlloc)-int64(before.HeapAlloc)) / (1 << 20)
	t.Logf("after scrolling through %d lines: %d text objects, heap held %.1f MB", n, len(r.texts), held)
	if held > 20 {
		t.Errorf("scrolled-through 1 MB document holds %.1f MB", held)
	}
	runtime.KeepAlive(s)
}
