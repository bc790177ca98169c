package form

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	foliotheme "folio/app/theme"
	"folio/editor/buffer"
)

// TestLongTextWrapsWithKinsoku: the summary box, not being edited, wraps
// Chinese between characters (not at the one space of a mixed sentence,
// which left half a line empty) and never starts a line with "。" (QA F4:
// "了解如何使用扩展统计信息指导优化器。" left "。" alone); while edited,
// the entry shows its own text.
func TestLongTextWrapsWithKinsoku(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(foliotheme.New(foliotheme.Options{}))
	size := float32(14)
	han := fyne.MeasureText("中", size, fyne.TextStyle{}).Width
	for _, tc := range []struct {
		text string
		cols float32
	}{
		{"了解如何使用扩展统计信息指导优化器。", 17},
		{"介绍 TiDB 中常规统计信息的收集和使用。", 12},
		{"随着人工智能技术的发展，人们的生活（工作）正在改变。", 11},
	} {
		rows := wrapRows(tc.text, tc.cols*han+0.5, size, fyne.TextStyle{})
		if strings.ReplaceAll(strings.Join(rows, ""), " ", "") != strings.ReplaceAll(tc.text, " ", "") {
			t.Errorf("%q wraps into %q: text lost", tc.text, rows)
		}
		for i, row := range rows {
			if r, _ := utf8.DecodeRuneInString(row); i > 0 && buffer.NoLineStart(r) {
				t.Errorf("%q: row %d %q starts with closing punctuation (%q)", tc.text, i, row, rows)
			}
			if w := fyne.MeasureText(row, size, fyne.TextStyle{}).Width; w > tc.cols*han+0.5 {
				t.Errorf("%q: row %q is %.0f wide, more than %.0f", tc.text, row, w, tc.cols*han)
			}
		}
		if len(rows) > 1 {
			if w := fyne.MeasureText(rows[0], size, fyne.TextStyle{}).Width; w < (tc.cols-3)*han {
				t.Errorf("%q: the first row %q is only %.0f of %.0f wide", tc.text, rows[0], w, tc.cols*han)
			}
		}
	}

	text := []byte("---\ntitle: 统计\nsummary: 了解如何使用扩展统计信息指导优化器。介绍 TiDB 中常规统计信息的收集和使用。\n---\n正文\n")
	h := newHarness(t, text, nil)
	r := h.entry("summary")
	if r.view == nil || !r.view.Visible() {
		t.Fatal("the summary is not drawn by its wrap view")
	}
	var got []string
	for _, o := range test.WidgetRenderer(r.view).Objects() {
		if tx, ok := o.(*canvas.Text); ok {
			got = append(got, tx.Text)
		}
	}
	if len(got) < 2 {
		t.Fatalf("the view draws %q", got)
	}
	for i, row := range got {
		if r, _ := utf8.DecodeRuneInString(row); i > 0 && buffer.NoLineStart(r) {
			t.Errorf("row %q starts with closing punctuation (%q)", row, got)
		}
	}
	h.w.Canvas().Focus(r.entry)
	if r.view.Visible() {
		t.Error("the view covers the entry being edited")
	}
	h.w.Canvas().Unfocus()
	if !r.view.Visible() {
		t.Error("the view is not back after editing")
	}
}
