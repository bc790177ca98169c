package app

import (
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestWrapFor(t *testing.T) {
	for text, want := range map[string]fyne.TextWrap{
		"Merged with 1 conflict: both versions are kept.": fyne.TextWrapWord,
		"合并有 1 处冲突：两个版本都保留在标记之间。":                         fyne.TextWrapBreak,
		"": fyne.TextWrapWord,
	} {
		if got := wrapFor(text); got != want {
			t.Errorf("wrapFor(%q) = %v, want %v", text, got, want)
		}
	}
}

// QA: the merged bar's Chinese message wrapped as "合并有 1" / "处冲突：…"
// with most of its first line empty. Its first line is now full.
func TestAChineseBarMessageFillsItsFirstLine(t *testing.T) {
	test.NewTempApp(t)
	msg := "合并有 1 处冲突：两个版本都保留在标记之间。请逐一解决，然后保存。"
	l := widget.NewLabel(msg)
	l.Wrapping = wrapFor(msg)
	w := test.NewTempWindow(t, l)
	w.Resize(fyne.NewSize(300, 200))
	var rows []string
	for _, o := range test.LaidOutObjects(l) {
		if tx, ok := o.(*canvas.Text); ok && tx.Visible() && tx.Text != "" {
			rows = append(rows, tx.Text)
		}
	}
	if len(rows) < 2 || utf8.RuneCountInString(rows[0]) < 10 {
		t.Errorf("wrapped as %q: the first line is not filled", rows)
	}
}
