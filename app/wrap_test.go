package app

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

func TestBreakable(t *testing.T) {
	const m = string(breakMark)
	for text, want := range map[string]string{
		"Merged with 1 conflict: both versions are kept.": "Merged with 1 conflict: both versions are kept.",
		"合并有 1 处冲突。":                                      "合" + m + "并" + m + "有 1 处" + m + "冲" + m + "突。",
		"（mine 与 theirs）会保存":                              "（mine 与 theirs）" + m + "会" + m + "保" + m + "存",
		"":                                                "",
	} {
		if got := breakable(text); got != want {
			t.Errorf("breakable(%q) = %q, want %q", text, got, want)
		}
	}
}

// QA: the merged bar's Chinese message wrapped as "合并有 1" / "处冲突：…"
// with most of its first line empty. Its first line is now full.
func TestAChineseBarMessageFillsItsFirstLine(t *testing.T) {
	test.NewTempApp(t)
	msg := "合并有 1 处冲突：两个版本都保留在标记之间。请逐一解决，然后保存。"
	l := wrapLabel(msg)
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

// QA F7: a Chinese dialog message broke an English word ("their" / "s）").
// Latin words stay whole while the Chinese still fills its lines.
func TestALatinWordInAChineseMessageStaysWhole(t *testing.T) {
	test.NewTempApp(t)
	msg := "文章中还有 1 处冲突标记（<<<<<<< mine … >>>>>>> theirs）会原样保存。仍要保存吗？"
	for _, width := range []float32{180, 220, 260, 300, 340} {
		l := wrapLabel(msg)
		w := test.NewTempWindow(t, l)
		w.Resize(fyne.NewSize(width, 300))
		var rows []string
		for _, o := range test.LaidOutObjects(l) {
			if tx, ok := o.(*canvas.Text); ok && tx.Visible() && tx.Text != "" {
				rows = append(rows, tx.Text)
			}
		}
		// where each row starts in msg: a break inside a run of ASCII
		// must be at a space
		at := 0
		for i, row := range rows {
			row = strings.ReplaceAll(row, string(breakMark), "")
			for at < len(msg) && msg[at] == ' ' {
				at++
			}
			if !strings.HasPrefix(msg[at:], row) {
				t.Fatalf("width %v: row %q is not the text at %d", width, row, at)
			}
			if i > 0 {
				a, _ := utf8.DecodeLastRuneInString(msg[:at])
				b, _ := utf8.DecodeRuneInString(row)
				if isLatin(a) && isLatin(b) {
					t.Errorf("width %v: a word is broken between rows %q and %q", width, rows[i-1], rows[i])
				}
				if strings.ContainsRune("。，）！？", b) {
					t.Errorf("width %v: row %q starts with closing punctuation", width, rows[i])
				}
			}
			at += len(row)
		}
		if len(rows) < 2 || utf8.RuneCountInString(rows[0]) < 6 {
			t.Errorf("width %v: wrapped as %q", width, rows)
		}
	}
}

// isLatin reports whether r belongs to a run of ASCII that is one word
// (letters, digits, "<<<<<<<").
func isLatin(r rune) bool { return r < 0x80 && !unicode.IsSpace(r) }
