package editor

import (
	"image/color"
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

const marksText = "第一行\n第二行\n<<<<<<< mine\n我的\n=======\n他们的\n>>>>>>> theirs\n最后\n"

// bandRows returns, for each drawn mark band, the logical line at its y
// and its colour, top to bottom.
func bandRows(t *testing.T, s *Source) map[int]color.Color {
	t.Helper()
	r := test.WidgetRenderer(s).(*sourceRenderer)
	lh := s.metrics().lineH
	out := map[int]color.Color{}
	for _, rc := range r.rects {
		if !rc.Visible() || rc.Position().X != 0 || rc.Size().Width <= markStripe {
			continue
		}
		line := int((rc.Position().Y - padTop + s.scrollY + lh/2) / lh)
		out[line] = rc.FillColor
	}
	return out
}

func TestMarksAreDrawnAsTintedLines(t *testing.T) {
	s, _ := newTestSource(t, marksText)
	s.SetMarks([]Mark{{FromLine: 1, ToLine: 2, Kind: MarkMine}, {FromLine: 2, ToLine: 7, Kind: MarkConflict}, {FromLine: 7, ToLine: 8, Kind: MarkTheirs}})
	v := fyne.CurrentApp().Settings().ThemeVariant()
	want := map[int]color.Color{}
	mine, _ := MarkColors(s.Theme(), v, MarkMine)
	conflict, _ := MarkColors(s.Theme(), v, MarkConflict)
	theirs, _ := MarkColors(s.Theme(), v, MarkTheirs)
	want[1] = mine
	for i := 2; i < 7; i++ {
		want[i] = conflict
	}
	want[7] = theirs
	if got := bandRows(t, s); !reflect.DeepEqual(got, want) {
		t.Fatalf("bands %v, want %v", got, want)
	}
	if mine == conflict || mine == theirs || conflict == theirs {
		t.Fatal("the kinds share a colour")
	}
	// The selection is drawn over the band (a later object).
	s.Select(Range{Start: len("第一行\n"), End: len("第一行\n第二")})
	r := test.WidgetRenderer(s).(*sourceRenderer)
	band, sel := -1, -1
	for i, o := range r.objects {
		if rc, ok := o.(*canvas.Rectangle); ok && rc.Visible() {
			switch rc.FillColor {
			case mine:
				band = i
			case r.selCol:
				sel = i
			}
		}
	}
	if band < 0 || sel < band {
		t.Errorf("band at %d, selection at %d: the selection must be over the band", band, sel)
	}
	s.SetMarks(nil)
	if got := bandRows(t, s); len(got) != 0 {
		t.Errorf("bands after SetMarks(nil): %v", got)
	}
}

func TestMarkColoursFollowTheThemeVariant(t *testing.T) {
	s, _ := newTestSource(t, marksText)
	s.SetMarks([]Mark{{FromLine: 0, ToLine: 1, Kind: MarkConflict}})
	var seen []color.Color
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		fyne.CurrentApp().Settings().SetTheme(variantTheme{theme.DefaultTheme(), v})
		s.Refresh()
		want, _ := MarkColors(theme.DefaultTheme(), v, MarkConflict)
		if got := bandRows(t, s)[0]; got != want {
			t.Errorf("variant %d: band %v, want %v", v, got, want)
		}
		seen = append(seen, want)
	}
	if seen[0] == seen[1] {
		t.Error("light and dark bands are the same colour")
	}
}

func TestMarksFollowEdits(t *testing.T) {
	conflict := []Mark{{FromLine: 2, ToLine: 7, Kind: MarkConflict}}
	tests := []struct {
		name string
		edit func(s *Source)
		want []Mark
	}{
		{"typing above", func(s *Source) { s.SetCursorOffset(3); test.Type(s, "字") }, conflict},
		{"a line added above", func(s *Source) { s.SetCursorOffset(len("第一行")); key(s, fyne.KeyReturn) },
			[]Mark{{FromLine: 3, ToLine: 8, Kind: MarkConflict}}},
		{"Enter at the mark's first column", func(s *Source) { s.SetCursorOffset(len("第一行\n第二行\n")); key(s, fyne.KeyReturn) },
			[]Mark{{FromLine: 3, ToLine: 8, Kind: MarkConflict}}},
		{"a line deleted above", func(s *Source) {
			s.Select(Range{Start: 0, End: len("第一行\n")})
			key(s, fyne.KeyDelete)
		}, []Mark{{FromLine: 1, ToLine: 6, Kind: MarkConflict}}},
		{"typing below", func(s *Source) { s.SetCursorOffset(len(marksText)); test.Type(s, "尾") }, conflict},
		{"typing inside", func(s *Source) {
			s.SetCursorOffset(len("第一行\n第二行\n<<<<<<< mine\n我"))
			test.Type(s, "们")
		}, nil},
		{"typing at its first column", func(s *Source) { s.SetCursorOffset(len("第一行\n第二行\n")); test.Type(s, "x") }, nil},
		{"joining the line above onto it", func(s *Source) { s.SetCursorOffset(len("第一行\n第二行\n")); key(s, fyne.KeyBackspace) }, nil},
		{"joining the line below onto it", func(s *Source) {
			s.SetCursorOffset(len("第一行\n第二行\n<<<<<<< mine\n我的\n=======\n他们的\n>>>>>>> theirs\n"))
			key(s, fyne.KeyBackspace)
		}, nil},
		{"undo of a line added above", func(s *Source) {
			s.SetCursorOffset(len("第一行"))
			key(s, fyne.KeyReturn)
			s.Undo()
		}, conflict},
		{"a reload", func(s *Source) { s.SetText(marksText) }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestSource(t, marksText)
			s.SetMarks(conflict)
			tt.edit(s)
			if got := s.Marks(); !reflect.DeepEqual(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
				t.Fatalf("marks %v, want %v (text %q)", got, tt.want, s.Text())
			}
			// What is drawn agrees with Marks.
			rows := bandRows(t, s)
			n := 0
			for _, m := range tt.want {
				n += m.ToLine - m.FromLine
			}
			if len(rows) != n {
				t.Errorf("%d bands drawn, want %d", len(rows), n)
			}
		})
	}
}

func TestSetMarksCleansUpAndNextMarkWraps(t *testing.T) {
	s, _ := newTestSource(t, marksText)
	s.SetMarks([]Mark{
		{FromLine: 6, ToLine: 100, Kind: MarkConflict}, // clamped to the text
		{FromLine: 1, ToLine: 3, Kind: MarkConflict},
		{FromLine: 2, ToLine: 4, Kind: MarkMine}, // overlaps: starts after the first
		{FromLine: 5, ToLine: 5, Kind: MarkMine}, // empty
		{FromLine: 0, ToLine: 1, Kind: 0},        // no kind
	})
	want := []Mark{{1, 3, MarkConflict}, {3, 4, MarkMine}, {6, 9, MarkConflict}}
	if got := s.Marks(); !reflect.DeepEqual(got, want) {
		t.Fatalf("marks %v, want %v", got, want)
	}
	if m, ok := s.NextMark(MarkConflict, 1); !ok || m.FromLine != 6 {
		t.Errorf("next conflict after line 1: %v %v", m, ok)
	}
	if m, ok := s.NextMark(MarkConflict, 6); !ok || m.FromLine != 1 {
		t.Errorf("next conflict after line 6 should wrap to line 1: %v %v", m, ok)
	}
	if _, ok := s.NextMark(MarkTheirs, 0); ok {
		t.Error("a mark of a kind never set")
	}
	s.SetCursorOffset(0)
	if !s.GoToNextMark(MarkConflict) || s.CursorLine() != 1 {
		t.Fatalf("GoToNextMark: cursor on line %d", s.CursorLine())
	}
	if !s.GoToNextMark(MarkConflict) || s.CursorLine() != 6 {
		t.Fatalf("GoToNextMark again: cursor on line %d", s.CursorLine())
	}
}

// BenchmarkMarks scrolls a 1 MB document and types into it, with no marks
// and with every other line marked (far more marks than a merge makes):
// the cost of drawing and moving marks, against the same work without.
func BenchmarkMarks(b *testing.B) {
	for _, marked := range []bool{false, true} {
		name := "none"
		if marked {
			name = "everyOtherLine"
		}
		s, _ := newTestSource(b, repeatTo(seedText(b), 1<<20))
		setMarks := func() {
			if !marked {
				return
			}
			var ms []Mark
			for i := 0; i < s.LineCount(); i += 2 {
				ms = append(ms, Mark{FromLine: i, ToLine: i + 1, Kind: MarkKind(1 + i%3)})
			}
			s.SetMarks(ms)
		}
		setMarks()
		b.Run("scroll/"+name, func(b *testing.B) {
			for i := range b.N {
				dy := float32(-60)
				if (i/500)%2 == 1 {
					dy = 60
				}
				s.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: dy}})
			}
		})
		b.Run("enterAtTop/"+name, func(b *testing.B) {
			s.SetCursorOffset(0)
			for range b.N {
				s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			}
			b.StopTimer()
			if marked && len(s.Marks()) == 0 {
				b.Fatal("the marks went")
			}
		})
	}
}
