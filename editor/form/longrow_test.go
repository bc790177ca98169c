package form

import (
	"math"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"folio/editor/buffer"
	"folio/editor/document"
)

// drawnRows returns the lines of text obj draws, top to bottom: its
// visible canvas.Text objects, walked through widgets and containers,
// joined left to right per row.
func drawnRows(obj fyne.CanvasObject) []string {
	type piece struct {
		x    float32
		text string
	}
	rows := map[float32][]piece{}
	var walk func(o fyne.CanvasObject, at fyne.Position)
	walk = func(o fyne.CanvasObject, at fyne.Position) {
		if !o.Visible() {
			return
		}
		at = at.Add(o.Position())
		switch o := o.(type) {
		case *canvas.Text:
			if o.Text != "" {
				y := float32(math.Round(float64(at.Y)))
				rows[y] = append(rows[y], piece{at.X, o.Text})
			}
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c, at)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c, at)
			}
		}
	}
	walk(obj, fyne.NewPos(-obj.Position().X, -obj.Position().Y))
	ys := make([]float32, 0, len(rows))
	for y := range rows {
		ys = append(ys, y)
	}
	sort.Slice(ys, func(i, j int) bool { return ys[i] < ys[j] })
	out := make([]string, len(ys))
	for i, y := range ys {
		ps := rows[y]
		sort.Slice(ps, func(i, j int) bool { return ps[i].x < ps[j].x })
		for _, p := range ps {
			out[i] += p.text
		}
	}
	return out
}

// badStart returns the first row after the first that starts with
// closing punctuation ("，" "。" "）"…), or "".
func badStart(rows []string) string {
	for i, row := range rows {
		if r, _ := utf8.DecodeRuneInString(row); i > 0 && buffer.NoLineStart(r) {
			return row
		}
	}
	return ""
}

// TestLongTextKeepsItsLinesWhileTyped: a summary typed into the field at
// narrow widths wraps with the Chinese rules while it has the focus (no
// line starts with "，" or "。"), and shows the very same lines after
// the focus left. Fyne's entry, which the field was while typed in,
// starts lines with that punctuation at some of these widths (checked
// here too, so the widths do exercise it).
func TestLongTextKeepsItsLinesWhileTyped(t *testing.T) {
	text := []byte("---\ntitle: 统计\nsummary: \"\"\n---\n正文\n")
	h := newHarness(t, text, nil)
	r := h.long("summary")
	const typed = "了解如何使用扩展统计信息指导优化器，介绍TiDB中常规统计信息的收集和使用。随着人工智能的发展，人们的生活（工作）正在改变。"
	h.w.Resize(fyne.NewSize(400, 900))
	h.step("summary typed", `summary: "`+typed+`"`, func() {
		h.w.Canvas().Focus(r.src)
		test.Type(r.src, typed)
		if badStart(r.src.VisualLines()) != "" {
			t.Errorf("while typing: a line starts with closing punctuation: %q", r.src.VisualLines())
		}
		h.w.Canvas().Focus(h.entry("title").entry)
	})
	entry := widget.NewMultiLineEntry()
	entry.Wrapping = fyne.TextWrapWord
	entry.SetText(typed)
	test.NewTempWindow(t, entry)
	entryBad := 0
	for width := float32(380); width <= 560; width += 6 {
		h.w.Resize(fyne.NewSize(width, 900))
		unfocused := drawnRows(r.field)
		h.w.Canvas().Focus(r.src)
		focused := drawnRows(r.field)
		want := r.src.VisualLines()
		h.w.Canvas().Focus(h.entry("title").entry)
		if len(want) < 3 {
			t.Fatalf("width %v: the summary takes %d lines, the test wants a narrow field", width, len(want))
		}
		if strings.Join(want, "") != typed {
			t.Fatalf("width %v: lines %q lose text", width, want)
		}
		if got := strings.Join(focused, "|"); got != strings.Join(want, "|") {
			t.Errorf("width %v: focused, the field draws %q, its lines are %q", width, focused, want)
		}
		if got := strings.Join(unfocused, "|"); got != strings.Join(focused, "|") {
			t.Errorf("width %v: the lines change with the focus:\n focused   %q\n unfocused %q", width, focused, unfocused)
		}
		if row := badStart(focused); row != "" {
			t.Errorf("width %v: focused, line %q starts with closing punctuation: %q", width, row, focused)
		}
		entry.Resize(r.field.Size())
		if badStart(drawnRows(entry)) != "" {
			entryBad++
		}
	}
	if entryBad == 0 {
		t.Error("Fyne's entry never starts a line with closing punctuation at these widths: the test proves nothing")
	}
	if len(h.edits) != 1 {
		t.Errorf("focusing and leaving the field made %d edits, want the one typed", len(h.edits))
	}
}

// TestLongTextRoundTrip: what is typed, pasted (Chinese with CRLF line
// endings), broken with Enter and undone in the summary is written as
// exactly the expected YAML value and nothing else in the file changes;
// Tab inserts nothing; Ctrl+Z with nothing typed undoes the article's
// last step.
func TestLongTextRoundTrip(t *testing.T) {
	seed := readSample(t, "2024-ai-trends.md")
	h := newHarness(t, seed, nil)
	r := h.long("summary")
	src := r.src
	title := h.entry("title").entry
	h.noEdit("focus and leave", func() {
		h.w.Canvas().Focus(src)
		h.w.Canvas().Focus(title)
	})
	const oldLine = `summary: "深度分析人工智能在各行业的应用前景，探讨未来一年AI技术的发展方向和机遇。"`
	const newLine = `summary: "第一行，写给“读者”。\n第二行：Go 与 Fyne，\n第三行。\n"`
	h.step("summary retyped", newLine, func() {
		h.w.Canvas().Focus(src)
		src.TypedShortcut(&fyne.ShortcutSelectAll{})
		test.Type(src, "第一行，写给“读者”。")
		src.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		cb := fyne.CurrentApp().Clipboard()
		cb.SetContent("第二行：Go 与 Fyne，\r\n第三行。\r\n")
		src.TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
		src.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		test.Type(src, "多余")
		src.TypedShortcut(&fyne.ShortcutUndo{}) // the typing not yet written
		if got := src.Text(); got != "第一行，写给“读者”。\n第二行：Go 与 Fyne，\n第三行。\n" {
			t.Fatalf("the field holds %q", got)
		}
		if len(h.edits) != 0 {
			t.Fatalf("%d edits while typing, want none before the field is left", len(h.edits))
		}
		h.w.Canvas().Focus(title)
	})
	if want := strings.Replace(string(seed), oldLine, newLine, 1); string(h.text) != want {
		t.Fatalf("file:\n%s\nwant:\n%s", h.text, want)
	}
	// Ctrl+Z in the field with nothing typed undoes the article's last
	// step (the app's undo), and the field shows the value it brought.
	undone := 0
	h.f.OnUndo = func(redo bool) {
		undone++
		h.text = seed
		d, _ := document.Parse(h.text)
		h.f.Update(d)
	}
	h.w.Canvas().Focus(src)
	src.TypedShortcut(&fyne.ShortcutUndo{})
	if undone != 1 || src.Text() != "深度分析人工智能在各行业的应用前景，探讨未来一年AI技术的发展方向和机遇。" {
		t.Errorf("undo with nothing typed: %d article undos, the field holds %q", undone, src.Text())
	}
	h.noEdit("leave after the undo", func() { h.w.Canvas().Focus(title) })
	if string(h.text) != string(seed) {
		t.Error("the text is not the seed after the undo")
	}
}

// TestLongTextBlockScalarInCRLF: a block scalar in a CRLF file keeps its
// style and the file's line endings when a line is added to it by typing
// and pasting; the rest of the file is byte for byte the same.
func TestLongTextBlockScalarInCRLF(t *testing.T) {
	seed := "---\r\ntitle: t\r\nsummary: |\r\n  第一行\r\n  第二行\r\ntags: [a]\r\n---\r\n正文\r\n"
	h := newHarness(t, []byte(seed), nil)
	src := h.long("summary").src
	if got := src.Text(); got != "第一行\n第二行\n" {
		t.Fatalf("the field shows %q", got)
	}
	h.w.Canvas().Focus(src)
	src.SetCursorOffset(len("第一行"))
	test.Type(src, "，补充")
	src.SetCursorOffset(src.Len())
	cb := fyne.CurrentApp().Clipboard()
	cb.SetContent("第三行\r\n")
	src.TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	h.w.Canvas().Focus(h.entry("title").entry)
	want := "---\r\ntitle: t\r\nsummary: |\r\n  第一行，补充\r\n  第二行\r\n  第三行\r\ntags: [a]\r\n---\r\n正文\r\n"
	if string(h.text) != want || len(h.edits) != 1 {
		t.Errorf("%d edits, file %q\nwant %q", len(h.edits), h.text, want)
	}
}

// TestLongTextFieldSize: the field is as high as its text, from two
// lines to eight, and scrolls beyond; the form makes room when it grows.
func TestLongTextFieldSize(t *testing.T) {
	h := newHarness(t, []byte("---\ntitle: t\nsummary: \"\"\ndraft: false\n---\n"), nil)
	r := h.long("summary")
	empty := r.field.Size().Height
	h.w.Canvas().Focus(r.src)
	test.Type(r.src, "一\n二\n三\n四")
	if got := r.field.Size().Height; got <= empty {
		t.Errorf("four lines are %v high, as high as none (%v)", got, empty)
	}
	four := r.field.Size().Height
	draft := h.f.byKey["draft"].base().box
	if y := r.base().box.Position().Y + r.base().box.Size().Height; draft.Position().Y < y-1 {
		t.Errorf("the next row at %v overlaps the grown field ending at %v", draft.Position().Y, y)
	}
	test.Type(r.src, strings.Repeat("\n行", 10))
	if got := r.field.Size().Height; got <= four || got != r.field.MinSize().Height {
		t.Errorf("fourteen lines: %v high, four %v, min %v", got, four, r.field.MinSize().Height)
	}
	eight := r.field.Size().Height
	test.Type(r.src, "\n再一行")
	if got := r.field.Size().Height; got != eight {
		t.Errorf("past eight lines the field grew from %v to %v", eight, got)
	}
	if (eight-empty)/(four-empty) != 3 {
		t.Errorf("heights empty %v, four lines %v, eight %v: not 2, 4 and 8 lines", empty, four, eight)
	}
}

// TestLongTextIsWrittenAfterAPause: text typed in the summary reaches the
// article after a short pause while the caret stays in it, as an entry's
// does (Form.typed); the field keeps its focus, text and caret.
func TestLongTextIsWrittenAfterAPause(t *testing.T) {
	h := newHarness(t, readSample(t, "2024-ai-trends.md"), nil)
	var pending []func()
	h.f.later = func(d time.Duration, fn func()) func() bool {
		i := len(pending)
		pending = append(pending, fn)
		return func() bool {
			ok := pending[i] != nil
			pending[i] = nil
			return ok
		}
	}
	fire := func() {
		for i, fn := range pending {
			if fn != nil {
				pending[i] = nil
				fn()
			}
		}
	}
	src := h.long("summary").src
	h.w.Canvas().Focus(src)
	src.SetCursorOffset(src.Len())
	h.noEdit("typing", func() { test.Type(src, "真的") })
	if len(pending) != 2 {
		t.Fatalf("%d idle commits asked for two keystrokes", len(pending))
	}
	at := src.CursorOffset()
	h.step("pause", `summary: "深度分析人工智能在各行业的应用前景，探讨未来一年AI技术的发展方向和机遇。真的"`, fire)
	if h.w.Canvas().Focused() != src || src.CursorOffset() != at {
		t.Errorf("after the pause: focus %v, caret %d (was %d)", h.w.Canvas().Focused() == src, src.CursorOffset(), at)
	}
	h.noEdit("a pause with nothing new", fire)
	h.noEdit("set from the document", func() {
		h.w.Canvas().Focus(h.entry("title").entry)
		h.long("summary").show(document.S("别的"))
		fire()
	})
}

// TestLongTextReadOnlyWhileBroken: while the front matter cannot be read
// the summary is read-only (typing changes nothing, nothing is written)
// and drawn dimmed with a dimmed border; it is editable again after.
func TestLongTextReadOnlyWhileBroken(t *testing.T) {
	seed := readSample(t, "2024-ai-trends.md")
	h := newHarness(t, seed, nil)
	r := h.long("summary")
	broken, _ := document.Parse([]byte(strings.Replace(string(seed), `author: "李华"`, `author: "李华`, 1)))
	h.f.Update(broken)
	if !r.src.ReadOnly() {
		t.Fatal("the summary is editable while the front matter is broken")
	}
	border := test.WidgetRenderer(r.field).(*longFieldRenderer).border.StrokeColor
	h.noEdit("typing while broken", func() {
		h.w.Canvas().Focus(r.src)
		test.Type(r.src, "不该写入")
		r.commit()
		h.w.Canvas().Focus(h.entry("title").entry)
	})
	if strings.Contains(r.src.Text(), "不该写入") {
		t.Errorf("a read-only summary took typing: %q", r.src.Text())
	}
	d, _ := document.Parse(seed)
	h.f.Update(d)
	if r.src.ReadOnly() || test.WidgetRenderer(r.field).(*longFieldRenderer).border.StrokeColor == border {
		t.Error("the summary is not editable (or still looks disabled) after the fix")
	}
}
