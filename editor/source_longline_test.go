package editor

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"folio/editor/buffer"
)

// The lazy paths for long lines (a rope in the buffer, checkpointed
// highlighting, wrapping only the rows asked for) are checked here against
// a full recomputation: the caches against fresh highlighting and a fresh
// wrap of the whole line, and the widget against a twin that wraps and
// highlights every line whole.

// lazyKnobs are the sizes that decide when a line is treated as long.
type lazyKnobs struct{ lazy, rope, step, win, chunk int }

// eager treats no line as long: every line is highlighted and wrapped
// whole and stored as one string.
var eager = lazyKnobs{math.MaxInt, math.MaxInt, 4 << 10, 2 << 10, 2 << 10}

// tiny treats every line of a few dozen bytes as long, so short test text
// drives ropes (with chunks of a few bytes), checkpoints and wrap windows.
var tiny = lazyKnobs{24, 16, 16, 48, 8}

func (k lazyKnobs) set() {
	lazyMin, buffer.RopeMin, lexStep, wrapWindow, maxWrapWindow, buffer.ChunkSize = k.lazy, k.rope, k.step, k.win, 4*k.win, k.chunk
}

func currentKnobs() lazyKnobs {
	return lazyKnobs{lazyMin, buffer.RopeMin, lexStep, wrapWindow, buffer.ChunkSize}
}

// withKnobs sets k for the rest of the test.
func withKnobs(t testing.TB, k lazyKnobs) {
	old := currentKnobs()
	k.set()
	t.Cleanup(old.set)
}

// under runs f with the knobs k and restores the ones before.
func under(k lazyKnobs, f func()) {
	old := currentKnobs()
	k.set()
	defer old.set()
	f()
}

// checkLazyCaches checks every cached layout of s against a full
// recomputation: spans equal a fresh highlight of the whole line and every
// checkpoint resumes to the same spans; exact breaks are a prefix of a
// fresh wrap of the whole line (all of it, with the exact count, when
// done).
func checkLazyCaches(t *testing.T, s *Source, step string) {
	t.Helper()
	l := &s.lay
	n := s.buf.LineCount()
	if len(l.lines) != n || l.counts.Len() != n || len(l.states) != n {
		t.Fatalf("%s: cache lengths %d/%d/%d for %d lines", step, len(l.lines), l.counts.Len(), len(l.states), n)
	}
	st := lexStart
	for i := range n {
		line := s.buf.Line(i)
		if s.buf.LineLen(i) != len(line) {
			t.Fatalf("%s: line %d LineLen %d, len %d", step, i, s.buf.LineLen(i), len(line))
		}
		if i < l.statesOK && l.states[i] != st {
			t.Fatalf("%s: line %d state %#x, fresh %#x", step, i, l.states[i], st)
		}
		ll := l.lines[i]
		if ll != nil && ll.lexOK && i < l.statesOK && ll.st == st {
			fresh, _ := lexLine(line, st, nil)
			if !slices.Equal(fresh, ll.spans) {
				t.Fatalf("%s: line %d %q: cached spans %v, fresh %v", step, i, line, ll.spans, fresh)
			}
			for _, cp := range ll.cps {
				src := strSrc(line)
				out := slices.Clone(fresh[:cp.nspans])
				if len(out) > 0 {
					if out[len(out)-1].end < cp.pos {
						t.Fatalf("%s: line %d checkpoint %+v past its spans", step, i, cp)
					}
					out[len(out)-1].end = cp.pos
				}
				lx := inlineLex{t: &src, out: out}
				lx.run(cp.pos, nil, nil)
				if !slices.Equal(lx.out, fresh) {
					t.Fatalf("%s: line %d %q: resuming at checkpoint %+v gives %v, fresh %v", step, i, line, cp, lx.out, fresh)
				}
			}
			if ll.wrapOK {
				want := refHangWrap(l, line, st, fresh)
				k := len(ll.br.At)
				if k > len(want.At) || !slices.Equal(ll.br.At, want.At[:k]) || !slices.Equal(ll.br.Decided, want.Decided[:k]) {
					t.Fatalf("%s: line %d %q: cached breaks %v (done %v), fresh %v", step, i, line, ll.br.At, ll.done, want.At)
				}
				if ll.done && (k != len(want.At) || l.counts.Get(i) != k+1) {
					t.Fatalf("%s: line %d done with %d breaks, count %d; fresh %d breaks", step, i, k, l.counts.Get(i), len(want.At))
				}
			}
		}
		st = nextState(line, st)
	}
}

// twinSources returns two editors on text in narrow windows of the same
// size: lazy treats lines as long with the tiny knobs, full with none.
func twinSources(t *testing.T, text string, cols int) (lazy, full *Source) {
	t.Helper()
	test.NewTempApp(t)
	return twinSourcesInApp(t, text, cols)
}

// twinSourcesInApp is twinSources in the current app.
func twinSourcesInApp(t *testing.T, text string, cols int) (lazy, full *Source) {
	t.Helper()
	mk := func() *Source {
		s := NewSource()
		s.SetText(text)
		w := test.NewTempWindow(t, s)
		m := s.metrics()
		width := float32(cols)*m.han[faceRegular] + 0.5 + 2*s.padLeft() + barSize
		w.Resize(fyne.NewSize(width, 300))
		s.Resize(fyne.NewSize(width, 300))
		w.Canvas().Focus(s)
		return s
	}
	under(tiny, func() { lazy = mk() })
	under(eager, func() { full = mk() })
	return lazy, full
}

// twinOp is one user action on an editor, from a script byte and a
// parameter byte.
func twinOp(s *Source, op, arg byte) {
	runes := []rune("中文，。（）ab \tx`*_[]()<>!한アé\u0301😀、—")
	switch op % 16 {
	case 0, 1, 2:
		s.TypedRune(runes[int(arg)%len(runes)])
	case 3:
		key(s, fyne.KeyBackspace)
	case 4:
		key(s, fyne.KeyDelete)
	case 5:
		s.SetCursorOffset(int(arg) * s.Len() / 256)
	case 6:
		a := int(arg) * s.Len() / 256
		s.Select(Range{a, min(s.Len(), a+int(arg)%40)})
		s.TypedRune('长')
	case 7:
		if arg%2 == 0 {
			key(s, fyne.KeyUp)
		} else {
			key(s, fyne.KeyDown)
		}
	case 8:
		if arg%2 == 0 {
			key(s, fyne.KeyHome)
		} else {
			key(s, fyne.KeyEnd)
		}
	case 9:
		if arg%2 == 0 {
			ctrl(s, fyne.KeyEnd)
		} else {
			ctrl(s, fyne.KeyHome)
		}
	case 10:
		if arg%2 == 0 {
			s.Undo()
		} else {
			s.Redo()
		}
	case 11:
		fyne.CurrentApp().Clipboard().SetContent([]string{"粘贴\n- item", "``", "长长长长长长长长长长长长长长长长长长长长", "**粗**"}[arg%4])
		s.TypedShortcut(&fyne.ShortcutPaste{})
	case 12:
		key(s, fyne.KeyReturn)
	case 13:
		if arg%2 == 0 {
			key(s, fyne.KeyPageDown)
		} else {
			key(s, fyne.KeyPageUp)
		}
	case 14:
		if arg%2 == 0 {
			ctrl(s, fyne.KeyLeft)
		} else {
			shiftKey(s, fyne.KeyRight)
		}
	case 15:
		switch arg % 4 {
		case 0:
			s.SetMatches(s.Find([]string{"中文", "code", "，"}[int(arg/4)%3], FindOptions{}))
		case 1:
			if _, err := s.ReplaceAll("段落", "段", FindOptions{}); err != nil {
				panic(err)
			}
		default:
			s.ScrollToLine(s.CursorLine())
		}
	}
}

// compareTwins checks the lazy editor behaves as the full one.
func compareTwins(t *testing.T, lazy, full *Source, step string) {
	t.Helper()
	if lazy.Text() != full.Text() {
		t.Fatalf("%s: texts differ", step)
	}
	if lazy.Selection() != full.Selection() || lazy.rowEnd != full.rowEnd {
		t.Fatalf("%s: selection %v (rowEnd %v), full %v (%v)", step, lazy.Selection(), lazy.rowEnd, full.Selection(), full.rowEnd)
	}
	var ll, ls, fl, fs int
	var lx, fx float32
	under(tiny, func() { ll, ls, lx = lazy.cursorVisual() })
	under(eager, func() { fl, fs, fx = full.cursorVisual() })
	if ll != fl || ls != fs || lx != fx {
		t.Fatalf("%s: cursor at line %d row %d x %v, full %d %d %v", step, ll, ls, lx, fl, fs, fx)
	}
	lp, lh, lok := lazy.CaretRect()
	fp, fh, fok := full.CaretRect()
	if lok != fok || lh != fh || (lok && lp.X != fp.X) {
		t.Fatalf("%s: caret %v %v %v, full %v %v %v", step, lp, lh, lok, fp, fh, fok)
	}
	if lazy.CursorColumn() != full.CursorColumn() {
		t.Fatalf("%s: column %d, full %d", step, lazy.CursorColumn(), full.CursorColumn())
	}
	// the same line at the top shows the same rows, unless the bottom
	// clamps one of them (their estimates of lines below differ)
	top := lazy.CursorLine()
	var lt, ft []string
	lTop, fTop := false, false
	under(tiny, func() {
		lazy.ScrollToLine(top)
		lTop = lazy.FirstVisibleLine() == top && lazy.scrollY == float32(lazy.lay.visualIndex(top, 0))*lazy.metrics().lineH+padTop
		lt = append(visibleTexts(lazy), visibleRects(lazy)...)
	})
	under(eager, func() {
		full.ScrollToLine(top)
		fTop = full.FirstVisibleLine() == top && full.scrollY == float32(full.lay.visualIndex(top, 0))*full.metrics().lineH+padTop
		ft = append(visibleTexts(full), visibleRects(full)...)
	})
	if lTop && fTop && !slices.Equal(lt, ft) {
		t.Fatalf("%s: rows from line %d\n%q\nfull\n%q", step, top, lt, ft)
	}
	under(tiny, func() { checkLazyCaches(t, lazy, step) })
}

// longText builds a few long paragraphs of Chinese, English, tabs and
// markup from a seed.
func longText(seed uint64, lines, size int) string {
	rng := rand.New(rand.NewPCG(seed, 7))
	units := []string{"中文段落很长没有换行", "ＡＢＣ，。", "English words ", "\t", "`code`", "**粗体**", "*斜*", "[链接](http://x.y)",
		"한국어", "カタカナ", "——", "……", "（括号）", "“引号”", "_a_", "`", "*", "<https://a.b>", "é\u0301", "😀", "[`c`][]", "[引用][标签]", "[", "]"}
	var sb strings.Builder
	for l := range lines {
		if l > 0 {
			sb.WriteByte('\n')
		}
		switch rng.IntN(6) {
		case 0:
			sb.WriteString("- ")
		case 1:
			sb.WriteString("> ")
		}
		for n := rng.IntN(size) + size/4; n > 0; {
			u := units[rng.IntN(len(units))]
			sb.WriteString(u)
			n -= len(u)
		}
	}
	for range 12 {
		sb.WriteString("\n短行")
	}
	return sb.String()
}

// TestLongLineTwinScripts drives a lazy and a full editor with seeded
// random scripts over long mixed lines and compares them after every step.
func TestLongLineTwinScripts(t *testing.T) {
	for seed := range uint64(6) {
		text := longText(seed, 3+int(seed%3), 200+int(seed)*150)
		lazy, full := twinSources(t, text, 7+int(seed))
		rng := rand.New(rand.NewPCG(seed, 99))
		for step := range 150 {
			op, arg := byte(rng.IntN(256)), byte(rng.IntN(256))
			under(tiny, func() { twinOp(lazy, op, arg) })
			under(eager, func() { twinOp(full, op, arg) })
			compareTwins(t, lazy, full, "seed "+string(rune('0'+seed))+" step "+itoa(step)+" op "+itoa(int(op%16)))
			if t.Failed() {
				return
			}
		}
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// FuzzLongLineEdits is TestLongLineTwinScripts with the text and the
// script from the fuzzer.
func FuzzLongLineEdits(f *testing.F) {
	f.Add(uint64(1), []byte{0, 1, 5, 128, 0, 9, 7, 1, 3, 0, 9, 0, 0, 200})
	f.Add(uint64(2), []byte{5, 60, 0, 6, 0, 30, 15, 0, 7, 0, 7, 0, 10, 0, 10, 1})
	f.Add(uint64(3), []byte{9, 0, 0, 3, 0, 3, 3, 0, 12, 0, 13, 0, 13, 1, 6, 90})
	// one app for all inputs: a fuzz worker runs many in one process
	test.NewTempApp(f)
	f.Fuzz(func(t *testing.T, seed uint64, script []byte) {
		if len(script) > 120 {
			script = script[:120]
		}
		text := longText(seed, 2+int(seed%3), 100+int(seed%400))
		lazy, full := twinSourcesInApp(t, text, 5+int(seed%9))
		for i := 0; i+1 < len(script); i += 2 {
			op, arg := script[i], script[i+1]
			under(tiny, func() { twinOp(lazy, op, arg) })
			under(eager, func() { twinOp(full, op, arg) })
			compareTwins(t, lazy, full, "step "+itoa(i/2)+" op "+itoa(int(op%16)))
		}
	})
}

// TestLongLineTable edits a long line at chosen places and checks the
// caches after each edit against a full recomputation.
func TestLongLineTable(t *testing.T) {
	base := strings.Repeat("中文段落很长没有换行ＡＢＣ，。", 40)
	tests := []struct {
		name string
		text string
		at   func(string) int
		ins  string
	}{
		{"typing in the middle", base, func(s string) int { return len(s) / 2 / 3 * 3 }, "字"},
		{"typing at the start", base, func(string) int { return 0 }, "字"},
		{"typing at the end", base, func(s string) int { return len(s) }, "字"},
		{"opening a code span", base, func(s string) int { return 30 }, "`"},
		{"closing it far on", "`" + base, func(s string) int { return len(s) - 30 }, "`"},
		{"unmatched star before", "a * b " + base, func(s string) int { return len(s) / 2 / 3 * 3 }, "*"},
		{"a tab", "x\t" + base, func(s string) int { return len(s) / 3 }, "\t"},
		{"a list marker", base, func(string) int { return 0 }, "- "},
		{"a heading", base, func(string) int { return 0 }, "# "},
		{"kinsoku", base, func(s string) int { return len(s) / 4 / 3 * 3 }, "。"},
		{"a link", base, func(s string) int { return len(s) / 2 / 3 * 3 }, "[a](b)"},
		{"CRLF", base + "\r\nnext", func(s string) int { return 12 }, "字"},
	}
	withKnobs(t, tiny)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newNarrowSource(t, tt.text, 9)
			at := tt.at(tt.text)
			s.SetCursorOffset(at)
			for i := range 5 {
				s.SetCursorOffset(at + i*len(tt.ins))
				for _, r := range tt.ins {
					s.TypedRune(r)
					checkLazyCaches(t, s, tt.name+" typed")
				}
			}
			key(s, fyne.KeyBackspace)
			checkLazyCaches(t, s, tt.name+" backspace")
			ctrl(s, fyne.KeyEnd)
			checkLazyCaches(t, s, tt.name+" ctrl+end")
			line := s.CursorLine()
			if ll := s.lay.lines[line]; ll == nil || !ll.done {
				t.Fatalf("Ctrl+End left the last line's wrap unfinished")
			}
		})
	}
}

// TestLongLineKeystrokeIsLocal types into the middle of a 900 KB line and
// checks a keystroke wraps and highlights only near the edit: the exact
// rows stop shortly after the cursor and the highlighter resumed at a
// checkpoint close before it.
func TestLongLineKeystrokeIsLocal(t *testing.T) {
	text := longLine(900 << 10)
	s, _ := newTestSource(t, text)
	at := len(text) / 2 / 3 * 3
	s.SetCursorOffset(at)
	for range 19 {
		s.TypedRune('字')
	}
	ll := s.lay.lines[0]
	if ll.done {
		t.Fatal("the whole line was wrapped after typing in its middle")
	}
	before := s.lay.wrapped
	s.TypedRune('字')
	if n := s.lay.wrapped - before; n > 64<<10 {
		t.Errorf("a keystroke rewrapped %d bytes", n)
	}
	if last := ll.br.At[len(ll.br.At)-1]; last > at+64<<10 {
		t.Errorf("rows wrapped to byte %d after typing at %d", last, at)
	}
	if len(ll.cps) < 100 {
		t.Errorf("only %d highlighter checkpoints on a 900 KB line", len(ll.cps))
	}
	if s.buf.Line(0) != text[:at]+strings.Repeat("字", 20)+text[at:len(text)-1] {
		t.Fatal("text after typing differs")
	}
	if got, want := s.CursorColumn(), utf8.RuneCountInString(text[:at])+20; got != want {
		t.Errorf("cursor column %d, want %d", got, want)
	}
	ctrl(s, fyne.KeyEnd)
	if !s.lay.lines[0].done && s.CursorLine() == 0 {
		t.Error("Ctrl+End did not finish the wrap")
	}
}

// TestLongCodeLineKeystrokeIsLocal types into the middle of a long line
// inside a fenced code block and of a long heading: their spans cover the
// whole line, and a keystroke must still keep the rows before it.
func TestLongCodeLineKeystrokeIsLocal(t *testing.T) {
	body := strings.Repeat("代码很长的一行 code line ", 20000)
	for _, text := range []string{"```\n" + body + "\n```\n", "# " + body + "\n"} {
		s, _ := newTestSource(t, text)
		line := strings.Count(text[:len(text)/2], "\n")
		at := s.buf.LineStart(line) + s.buf.LineLen(line)/2
		s.SetCursorOffset(at)
		s.SetCursorOffset(s.CursorOffset())
		ll := s.lay.lines[line]
		before := s.lay.wrapped
		s.TypedRune('字')
		if n := s.lay.wrapped - before; n > 64<<10 {
			t.Errorf("%.10q: a keystroke rewrapped %d bytes", text, n)
		}
		if ll.done {
			t.Errorf("%.10q: the whole line was wrapped after a keystroke in its middle", text)
		}
		withKnobs(t, currentKnobs())
		checkLazyCaches(t, s, "code line")
	}
}

// visibleRects describes the drawn selection and match rectangles.
func visibleRects(s *Source) []string {
	r := test.WidgetRenderer(s).(*sourceRenderer)
	var out []string
	for _, rc := range r.rects {
		if rc.Visible() {
			p, z := rc.Position(), rc.Size()
			out = append(out, fmt.Sprintf("rect %.1f,%.1f %.1fx%.1f", p.X, p.Y, z.Width, z.Height))
		}
	}
	return out
}
