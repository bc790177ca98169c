package preview

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	foliotheme "folio/app/theme"
	"folio/preview/markdown"
)

// wideTable is a Markdown table of cols columns and rows body rows, with
// words, numbers and Chinese in its cells, between two paragraphs.
func wideTable(cols, rows int) []byte {
	var b bytes.Buffer
	b.WriteString("# Wide table\n\nBefore the table.\n\n|")
	for c := range cols {
		fmt.Fprintf(&b, " col%d 列%d |", c, c)
	}
	b.WriteString("\n|")
	for range cols {
		b.WriteString("---|")
	}
	b.WriteByte('\n')
	for r := range rows {
		b.WriteByte('|')
		for c := range cols {
			switch c % 3 {
			case 0:
				fmt.Fprintf(&b, " %d |", r*cols+c)
			case 1:
				fmt.Fprintf(&b, " value %d.%d |", r, c)
			default:
				fmt.Fprintf(&b, " 第%d行 |", r)
			}
		}
		b.WriteByte('\n')
	}
	b.WriteString("\nAfter the table.\n")
	return b.Bytes()
}

// tableBoxes are the table widgets of the shown items, built.
func tableBoxes(p *Preview) []*tableBox {
	var out []*tableBox
	for i := range p.items {
		if b := p.items[i].block; b != nil && b.Kind == KindTable {
			out = append(out, p.objectFor(i).(*tableBox))
		}
	}
	return out
}

// TestWideTableKeepsColumnsReadable (QA G16): a 300-column table keeps
// every column as wide as its cells' text (all short here), so no cell
// wraps and no word is broken; it scrolls sideways instead, and builds
// only the cells of the columns in view.
func TestWideTableKeepsColumnsReadable(t *testing.T) {
	p := showPreview(t)
	test.NewTempApp(t).Settings().SetTheme(foliotheme.New(foliotheme.Options{}))
	p.updateNow(wideTable(300, 40), Meta{}, "", 1)
	boxes := tableBoxes(p)
	if len(boxes) == 0 {
		t.Fatal("no table shown")
	}
	box := boxes[0]
	box.Resize(fyne.NewSize(p.width, box.heightFor(p.width)))
	if !box.needsScroll(p.width) {
		t.Fatalf("a 300-column table fits %v", p.width)
	}
	flows := findType[*textFlow](box)
	if cells := 300 * 31; len(flows) == 0 || len(flows) > cells/10 {
		t.Fatalf("%d cells of %d built for the first rows of a table of 300 columns in a pane %v wide", len(flows), cells, p.width)
	}
	for _, f := range flows {
		f.layout(f.Size().Width)
		if len(f.lines) > 1 || f.natural > f.Size().Width+0.5 {
			t.Errorf("cell %q is squeezed: %d lines, %v wide for %v of text", f.plainText(), len(f.lines), f.Size().Width, f.natural)
		}
	}
}

// TestWideChineseColumnsStayReadable: the columns of a table of many long
// Chinese cells are not squeezed to a character or two: each is at least
// markdown.ReadableEm characters wide (the table scrolls), and its cells
// wrap within it. An HTML table (with a rowspan, so drawn by the fitted
// layout) gets the same minimum.
func TestWideChineseColumnsStayReadable(t *testing.T) {
	p := showPreview(t)
	test.NewTempApp(t).Settings().SetTheme(foliotheme.New(foliotheme.Options{}))
	long := strings.Repeat("中文单元格的内容很长", 4)
	var md, html strings.Builder
	md.WriteString("|" + strings.Repeat(" 列 |", 8) + "\n|" + strings.Repeat("---|", 8) + "\n|" + strings.Repeat(" "+long+" |", 8) + "\n\n")
	html.WriteString("<table>\n<tr>" + strings.Repeat("<th>列</th>", 8) + "</tr>\n<tr><td rowspan=\"2\">分类</td>" + strings.Repeat("<td>"+long+"</td>", 7) + "</tr>\n<tr>" + strings.Repeat("<td>b</td>", 7) + "</tr>\n</table>\n")
	for _, src := range []string{md.String(), html.String()} {
		p.updateNow([]byte(src), Meta{}, "", 1)
		boxes := tableBoxes(p)
		if len(boxes) != 1 {
			t.Fatalf("%d tables", len(boxes))
		}
		box := boxes[0]
		box.Resize(fyne.NewSize(p.width, box.heightFor(p.width)))
		em := fyne.MeasureText("中", theme.TextSize(), fyne.TextStyle{}).Width
		if !box.needsScroll(p.width) {
			t.Errorf("8 columns of long Chinese text fit %v: squeezed", p.width)
		}
		for _, f := range findType[*textFlow](box) {
			if f.plainText() != long {
				continue
			}
			if w := f.Size().Width; w < markdown.ReadableEm*em-1 {
				t.Errorf("a column of long Chinese text is %v wide (%.1f characters)", w, w/em)
			}
			if f.layout(f.Size().Width); len(f.lines) < 2 {
				t.Errorf("a long cell does not wrap in its column")
			}
		}
	}
}

// builtParts are the table boxes of a wide table's parts that the preview
// has built, in order, and the scrollers they were built with.
func builtParts(t *testing.T, p *Preview, least int) []*tableBox {
	t.Helper()
	var out []*tableBox
	for _, o := range p.content.objs {
		if b, ok := o.(*tableBox); ok && b.wide != nil && b.r != nil {
			out = append(out, b)
		}
	}
	if len(out) < least {
		t.Fatalf("%d parts of a wide table shown", len(out))
	}
	return out
}

// TestWideTableScrollsSideways: over a long 300-column table (parts of 30
// rows), a sideways wheel or shift+wheel over any part scrolls every part
// to one position, so the header stays over its columns; the cells of the
// columns come into view are built; a plain wheel scrolls the page; the
// last part has room for the bar under its last row, the others none;
// an edit leaves the table scrolled where it was.
func TestWideTableScrollsSideways(t *testing.T) {
	clear(sideOffsets)
	defer clear(sideOffsets)
	p := showPreview(t)
	p.updateNow(wideTable(300, 200), Meta{}, "", 1)
	p.ScrollToSourceLine(9) // the header's part ends in view
	parts := builtParts(t, p, 2)
	head, body := parts[0], parts[1]
	if !head.wide.header || body.wide.header {
		t.Fatal("the first part shown is not the header's")
	}
	colOf := func(b *tableBox, c int) fyne.CanvasObject {
		g := b.wide
		if c < g.from || c >= g.to {
			return nil
		}
		return g.content.Objects[c-g.from]
	}
	body.r.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DX: -3000}})
	x := head.r.scroll.Offset.X
	if x == 0 || body.r.scroll.Offset.X != x {
		t.Fatalf("sideways wheel over a body part: header at %v, body at %v", x, body.r.scroll.Offset.X)
	}
	c := sort.Search(300, func(c int) bool { return head.wide.colX[c] >= x+10 })
	hc, bc := colOf(head, c), colOf(body, c)
	if hc == nil || bc == nil {
		t.Fatalf("column %d, at the view's left edge, not built (header %d–%d, body %d–%d)", c, head.wide.from, head.wide.to, body.wide.from, body.wide.to)
	}
	if hc.Position().X != bc.Position().X || hc.Size().Width != bc.Size().Width {
		t.Errorf("column %d: header at %v (%v wide), body at %v (%v wide)", c, hc.Position().X, hc.Size().Width, bc.Position().X, bc.Size().Width)
	}
	if got := strings.Join(texts(hc), ""); !strings.HasPrefix(got, fmt.Sprintf("col%d", c)) {
		t.Errorf("the header cell of column %d reads %q", c, got)
	}
	if n := len(findType[*textFlow](head)); n >= 300*9/10 {
		t.Errorf("%d header cells built: not only those in view", n)
	}

	shiftHeld = func() bool { return true }
	head.r.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -100}})
	shiftHeld = realShiftHeld
	if head.r.scroll.Offset.X <= x || body.r.scroll.Offset.X != head.r.scroll.Offset.X {
		t.Errorf("shift+wheel over the header: header at %v, body at %v (was %v)", head.r.scroll.Offset.X, body.r.scroll.Offset.X, x)
	}
	y := p.scroll.Offset.Y
	body.r.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -100}})
	if p.scroll.Offset.Y <= y {
		t.Errorf("a wheel over the table did not scroll the page (%v → %v)", y, p.scroll.Offset.Y)
	}

	for _, b := range parts {
		if b.bar {
			t.Errorf("a part that is not the last has a bar")
		}
		if h := b.heightFor(p.width); h != b.wide.height {
			t.Errorf("a middle part is %v tall for %v of rows", h, b.wide.height)
		}
	}
	p.ScrollToSourceLine(bytes.Count(wideTable(300, 200), []byte{'\n'}))
	parts = builtParts(t, p, 1)
	last := parts[len(parts)-1]
	if !last.bar {
		t.Fatal("the table's last part has no bar")
	}
	if h := last.heightFor(p.width); h < last.wide.height+theme.ScrollBarSize() {
		t.Errorf("the last part is %v tall for %v of rows: the bar covers the last row", h, last.wide.height)
	}
	if last.r.scroll.Offset.X != head.group.offset {
		t.Errorf("the last part, built after the scroll, is at %v, the table at %v", last.r.scroll.Offset.X, head.group.offset)
	}

	// a keystroke in a cell makes the table's parts anew: it stays
	// scrolled where it was
	x = head.group.offset
	body2 := bytes.Replace(wideTable(300, 200), []byte("| value 3.1 |"), []byte("| value 3.1 and a longer text |"), 1)
	p.updateNow(body2, Meta{}, "", 1)
	p.ScrollToSourceLine(9)
	parts = builtParts(t, p, 1)
	if parts[0] == head || parts[0].r.scroll.Offset.X != x {
		t.Errorf("after an edit the table is scrolled to %v, was %v (widget kept: %v)", parts[0].r.scroll.Offset.X, x, parts[0] == head)
	}
}

// TestWideTableOpensWithinBudget: opening a 300-column table (a full
// update of a shown preview: parse, model, the visible cells built and
// laid out) costs at most a few times goldmark's conversion of the same
// text to HTML, timed in turns on the same machine (QA G16: 9.4 times,
// ~4 s in the app).
func TestWideTableOpensWithinBudget(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(foliotheme.New(foliotheme.Options{}))
	p := New()
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(800, 600))
	body := wideTable(300, 40)
	md := newMarkdown()
	p.updateNow(body, Meta{}, "", 1) // fonts load once per process
	var ratios []float64
	for range 5 {
		preview, peer := updateBesidePeer(t, p, md, body)
		ratios = append(ratios, float64(preview)/float64(peer))
	}
	slices.Sort(ratios)
	t.Logf("open / goldmark HTML: %.2f (ratios %.2f)", ratios[len(ratios)/2], ratios)
	if r := ratios[len(ratios)/2]; r > 4 {
		t.Errorf("opening a 300-column table takes %.1f times goldmark's HTML (budget 4; ratios %.1f)", r, ratios)
	}
}

// BenchmarkWideTable opens wide tables as the app does and reports, per
// open, the whole update (preview-ns), goldmark's HTML of the same text
// (goldmark-ns, timed in turns) and their ratio, and the longest piece
// of work on the UI goroutine (ui-max-cpu-ns, in the thread's CPU time,
// which a busy machine does not inflate): showing the parsed result
// (apply; the first screen's too for a big article), a sideways scroll by
// a screen, a jump to the table's middle, and a keystroke in a cell in
// view (ui-key).
func BenchmarkWideTable(b *testing.B) {
	for _, s := range []struct {
		name       string
		cols, rows int
	}{{"300cols", 300, 40}, {"1000cols", 1000, 40}, {"300x5000", 300, 5000}} {
		body := wideTable(s.cols, s.rows)
		at := bytes.Index(body, []byte("value 20.")) + 3
		edited := slices.Concat(body[:at], []byte("X"), body[at:])
		b.Run(s.name, func(b *testing.B) {
			benchApp(b)
			p := New()
			w := test.NewTempWindow(b, p)
			w.Resize(fyne.NewSize(800, 600))
			md := newMarkdown()
			p.updateNow(body, Meta{}, "", 1) // fonts load once per process
			var preview, peer, uiMax time.Duration
			pieces := make([]time.Duration, 5) // first screen, result, sideways, jump, keystroke
			// the pieces are timed in the thread's CPU time: on a busy
			// machine the wall time is mostly waiting for a core
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			ui := func(k int, f func()) {
				t0 := threadCPU()
				f()
				d := threadCPU() - t0
				uiMax = max(uiMax, d)
				pieces[k] = max(pieces[k], d)
			}
			for b.Loop() {
				t0 := time.Now()
				if err := md.Convert(body, io.Discard); err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				p.doc = markdown.NewDocument(p.md)
				p.dropBuilt()
				p.mu.Lock()
				p.gen++
				gen := p.gen
				p.mu.Unlock()
				req := &request{body: body, firstLine: 1}
				if first := p.firstScreen(req, gen); first != nil {
					ui(0, func() { p.apply(first) })
				}
				res := p.parse(req, gen)
				ui(1, func() { p.apply(res) })
				preview += time.Since(t1)
				peer += t1.Sub(t0)
				ui(2, func() {
					for _, o := range p.content.objs {
						if t, ok := o.(*tableBox); ok && t.r != nil {
							t.r.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DX: -800}})
							break
						}
					}
				})
				ui(3, func() { p.ScrollToSourceLine(s.rows / 2) })
				// a keystroke in a cell in view: parsed off the UI
				// goroutine, shown on it
				for _, ed := range [][]byte{edited, body} {
					p.mu.Lock()
					p.gen++
					gen := p.gen
					p.mu.Unlock()
					res := p.parse(&request{body: ed, firstLine: 1}, gen)
					ui(4, func() { p.apply(res) })
				}
				p.ScrollToSourceLine(1)
			}
			b.ReportMetric(float64(preview.Nanoseconds())/float64(b.N), "preview-ns/op")
			b.ReportMetric(float64(peer.Nanoseconds())/float64(b.N), "goldmark-ns/op")
			b.ReportMetric(float64(preview)/float64(peer), "ratio")
			b.ReportMetric(float64(uiMax.Nanoseconds()), "ui-max-cpu-ns")
			for k, name := range []string{"ui-first", "ui-apply", "ui-sideways", "ui-jump", "ui-key"} {
				b.ReportMetric(float64(pieces[k].Nanoseconds()), name+"-cpu-ns")
			}
		})
	}
}

// threadCPU is the CPU time the calling OS thread has used (Linux).
func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
