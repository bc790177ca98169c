package app

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"folio/app/theme"
)

// rowLines binds row i of the list and returns its two lines and the
// second line's colour name.
func rowLines(ws *workspace, i int) (title, second string, colour fyne.ThemeColorName) {
	o := ws.list.create()
	ws.list.update(i, o)
	box := o.(*fyne.Container)
	seg := box.Objects[1].(*widget.RichText).Segments[0].(*widget.TextSegment)
	return box.Objects[0].(*widget.Label).Text, seg.Text, seg.Style.ColorName
}

// QA F38: the rows' second line was drawn in Fyne's disabled grey (1.5:1
// in the dark theme), and rows with nothing to say kept it empty. It is
// drawn in the theme's secondary text colour (4.5:1, see
// theme.ColorNameSecondaryText), an error in the error colour, and says
// the folder or the file name when the article has no date or tags.
func TestListSecondLineIsReadableAndNotEmpty(t *testing.T) {
	ws, dir := listWorkspace(t)
	applyTheme(fyne.CurrentApp(), theme.Options{Variant: theme.VariantDark}) // Folio's theme knows the colour
	write(t, filepath.Join(dir, "top.md"), "---\ntitle: 顶层无日期\n---\n正文\n")
	write(t, filepath.Join(dir, "notes", "plain.md"), "---\ntitle: 没有日期\n---\n正文\n")
	ws.scan("")
	queues[ws].runUntil(t, func() bool { return len(ws.list.articles()) == 8 })
	ws.list.setSort(byPath)
	want := map[string]struct {
		second string
		colour fyne.ThemeColorName
	}{
		"b.md":    {"No front matter", theme.ColorNameSecondaryText},
		"顶层无日期":   {"top.md", theme.ColorNameSecondaryText},
		"没有日期":    {"notes", theme.ColorNameSecondaryText},
		"★ Go 笔记": {"2023-01-01", theme.ColorNameSecondaryText},
		"bad.md":  {"", fynetheme.ColorNameError},
	}
	ws.list.list.cursor = -1
	seen := 0
	for i := range ws.list.rows {
		title, second, colour := rowLines(ws, i)
		w, ok := want[title]
		if !ok {
			if second == "" {
				t.Errorf("%q has an empty second line", title)
			}
			continue
		}
		seen++
		if w.second != "" && second != w.second {
			t.Errorf("%q: second line %q, want %q", title, second, w.second)
		}
		if colour != w.colour {
			t.Errorf("%q: second line in %q, want %q", title, colour, w.colour)
		}
	}
	if seen != len(want) {
		t.Errorf("saw %d of the %d rows", seen, len(want))
	}
	// Grouped, a dateless article's folder is its heading: the file name.
	ws.list.setGroup(true)
	for i, r := range ws.list.rows {
		if r.header || r.s.Title != "没有日期" {
			continue
		}
		if _, second, _ := rowLines(ws, i); second != "plain.md" {
			t.Errorf("grouped: second line %q, want the file name", second)
		}
	}
}

// listHeap is the live heap after a list of n rows made by create and
// update was scrolled through in a window of the Folio theme.
func listHeap(t *testing.T, n int, create func() fyne.CanvasObject, update func(int, fyne.CanvasObject)) uint64 {
	t.Helper()
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	l := newKeyList(func() int { return n }, create, func(id widget.ListItemID, o fyne.CanvasObject) { update(id, o) },
		func(*fyne.KeyEvent, bool) bool { return false })
	w := test.NewTempWindow(t, container.NewStack(l))
	w.Resize(fyne.NewSize(320, 1000))
	for id := 0; id < n; id += 100 {
		l.ScrollTo(id)
	}
	l.ScrollToBottom()
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(l)
	if after.HeapAlloc < before.HeapAlloc {
		return 0
	}
	return after.HeapAlloc - before.HeapAlloc
}

// TestListRowsHeapAt10k scrolls a list of 10,000 rows through with the
// second line as it is (a RichText in a theme colour), as it was on main
// (a dimmed Label), and as the reverted F38 fix had it (a Label in a
// per-row theme override, a font cache per row), in one run: the colour
// costs no more memory than the dimmed Label.
func TestListRowsHeapAt10k(t *testing.T) {
	if os.Getenv("FOLIO_HEAP") != "1" {
		t.Skip("a measurement of a minute: FOLIO_HEAP=1 runs it")
	}
	a := test.NewTempApp(t)
	applyTheme(a, theme.Options{Variant: theme.VariantDark})
	const n = 10000
	text := func(id int) (string, string) {
		return fmt.Sprintf("第 %d 篇：用 EXPLAIN 查看 JOIN 查询的执行计划", id), fmt.Sprintf("2024-%02d-%02d · 数据库 · TiDB SQL", 1+id%12, 1+id%28)
	}
	title := func() *widget.Label {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	oldLabel := func() *widget.Label {
		sub := widget.NewLabel("")
		sub.Truncation = fyne.TextTruncateEllipsis
		sub.SizeName = fynetheme.SizeNameCaptionText
		sub.Importance = widget.LowImportance
		return sub
	}
	l := &articleList{}
	coloured := func() fyne.CanvasObject { return container.NewVBox(title(), newSecondLine()) }
	// The fonts are loaded once, by the first list: a list before all.
	listHeap(t, n, coloured, func(id int, o fyne.CanvasObject) {})
	now := listHeap(t, n, coloured,
		func(id int, o fyne.CanvasObject) {
			a, b := text(id)
			o.(*fyne.Container).Objects[0].(*widget.Label).SetText(a)
			l.setSecondLine(o.(*fyne.Container).Objects[1].(*widget.RichText), b, lineSecondary)
		})
	main := listHeap(t, n, func() fyne.CanvasObject { return container.NewVBox(title(), oldLabel()) },
		func(id int, o fyne.CanvasObject) {
			a, b := text(id)
			o.(*fyne.Container).Objects[0].(*widget.Label).SetText(a)
			o.(*fyne.Container).Objects[1].(*widget.Label).SetText(b)
		})
	override := listHeap(t, n, func() fyne.CanvasObject {
		return container.NewVBox(title(), container.NewThemeOverride(oldLabel(), fyne.CurrentApp().Settings().Theme()))
	}, func(id int, o fyne.CanvasObject) {
		a, b := text(id)
		o.(*fyne.Container).Objects[0].(*widget.Label).SetText(a)
		o.(*fyne.Container).Objects[1].(*container.ThemeOverride).Content.(*widget.Label).SetText(b)
	})
	t.Logf("live heap after scrolling 10,000 rows: colour line %.1f MB, main's dimmed label %.1f MB, per-row theme override %.1f MB",
		float64(now)/1e6, float64(main)/1e6, float64(override)/1e6)
	if now > main+4<<20 {
		t.Errorf("the coloured second line costs %.1f MB more than main's label", float64(now-main)/1e6)
	}
}

// The second line sits in the title's bottom padding: a row is shorter
// than the two labels stacked in a VBox, and the texts do not overlap.
func TestListRowIsCompact(t *testing.T) {
	ws, _ := listWorkspace(t)
	row := ws.list.create().(*fyne.Container)
	ws.list.update(0, row)
	title, sub := row.Objects[0], row.Objects[1]
	vbox := container.NewVBox(widget.NewLabel("x"), newSecondLine()).MinSize().Height
	pad := fynetheme.InnerPadding()
	if got := row.MinSize().Height; got >= vbox || got != title.MinSize().Height+sub.MinSize().Height-pad {
		t.Errorf("row %.1f high, a VBox of the lines %.1f", got, vbox)
	}
	row.Resize(row.MinSize())
	if textBottom, subTop := title.Position().Y+title.Size().Height-pad, sub.Position().Y+pad; subTop < textBottom {
		t.Errorf("the second line's text starts at %.1f, above the title's end %.1f", subTop, textBottom)
	}
}
