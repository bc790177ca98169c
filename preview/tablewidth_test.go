package preview

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// brokenWords lists the words a flow breaks between two letters or
// digits at a line end.
func brokenWords(f *textFlow) []string {
	text := f.plainText()
	var out []string
	for i, l := range f.lines {
		if i == len(f.lines)-1 || l.hardBreak || l.to <= 0 || l.to >= len(text) {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(text[:l.to])
		after, _ := utf8.DecodeRuneInString(text[l.to:])
		if isWordRune(before) && isWordRune(after) {
			out = append(out, text[max(0, l.to-12):min(len(text), l.to+12)])
		}
	}
	return out
}

func isWordRune(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_')
}

// TestNarrowTableKeepsWordsWhole: a table of long English words that
// cannot fit a narrow pane scrolls, and gives each column at least its
// longest word as drawn, so no word is broken between letters; Chinese in
// such a table still wraps between characters.
func TestNarrowTableKeepsWordsWhole(t *testing.T) {
	p := showPreview(t)
	words := []string{"Internationalization", "Configuration", "Implementation", "Compatibility", "WWWWWWWWWWWWWW", "Responsibilities", "Documentation"}
	var b strings.Builder
	b.WriteString("|")
	for _, w := range words {
		b.WriteString(" " + w + " |")
	}
	b.WriteString("\n|" + strings.Repeat("---|", len(words)) + "\n|")
	for i, w := range words {
		if i == 2 {
			b.WriteString(" " + strings.Repeat("中文单元格内容很长", 4) + " |")
			continue
		}
		b.WriteString(" " + strings.ToLower(w) + " and_more_text_here |")
	}
	b.WriteString("\n")
	p.updateNow([]byte(b.String()), Meta{}, "", 1)
	box, ok := p.content.objs[0].(*tableBox)
	if !ok {
		t.Fatalf("first object is %T", p.content.objs[0])
	}
	w := box.Size().Width
	if !box.needsScroll(w) {
		t.Fatalf("a table of %d long words fits %v?", len(words), w)
	}
	box.Refresh()
	han := false
	for _, o := range box.grid.Objects {
		f := findType[*textFlow](o)[0]
		f.layout(f.Size().Width)
		if bw := brokenWords(f); len(bw) > 0 {
			t.Errorf("cell %q (width %v) breaks words: %q", f.plainText(), f.Size().Width, bw)
		}
		if strings.HasPrefix(f.plainText(), "中文") {
			han = len(f.lines) > 1
		}
	}
	if !han {
		t.Error("the Chinese cell does not wrap")
	}
}
