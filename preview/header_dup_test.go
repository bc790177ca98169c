package preview

import (
	"strings"
	"testing"
)

// TestHeaderTitleNotRepeated: when the body opens with an H1 saying the
// front matter title (docs-cn: every article), the header card keeps its
// summary and byline but not the title, so the title shows once; a body
// without that H1 (hugoDocs) or with another one keeps it (QA7 H9).
func TestHeaderTitleNotRepeated(t *testing.T) {
	for _, tc := range []struct {
		name, title, body string
		cardTitle         bool
	}{
		{"docs-cn", "TiDB 功能概览", "# TiDB 功能概览\n\n正文。\n", false},
		{"spaces and closing #s", " TiDB  功能概览 ", "#   TiDB 功能概览 ##\n\n正文。\n", false},
		{"site variable as written", "创建 {{{ .starter }}} 实例", "# 创建 {{{ .starter }}} 实例\n\n正文。\n", false},
		{"after a link definition", "Title", "[x]: /x\n\n# Title\n\ntext\n", false},
		{"emphasis rendered", "Use Folio", "# Use *Folio*\n\ntext\n", false},
		{"hugoDocs: no H1", "transform.CanHighlight", "Reports whether…\n\n## Usage\n", true},
		{"another H1", "TiDB 功能概览", "# 概览\n\n正文。\n", true},
		{"H2 first", "TiDB 功能概览", "## TiDB 功能概览\n\n正文。\n", true},
		{"H1 not first", "Title", "text\n\n# Title\n", true},
	} {
		p := showPreview(t)
		p.updateNow([]byte(tc.body), Meta{Title: tc.title, Summary: "了解 TiDB 的功能概览。", Date: "2024-01-02"}, "", 1)
		if len(p.items) == 0 || p.items[0].block != nil {
			t.Errorf("%s: no header card", tc.name)
			continue
		}
		card := strings.Join(texts(p.objectFor(0)), "|")
		if !strings.Contains(card, "了解 TiDB 的功能概览。") || !strings.Contains(card, "2024-01-02") {
			t.Errorf("%s: the card lost its summary or date: %q", tc.name, card)
		}
		want := strings.Join(strings.Fields(tc.title), " ")
		if got := strings.Contains(strings.Join(strings.Fields(strings.ReplaceAll(card, "|", " ")), " "), want); got != tc.cardTitle {
			t.Errorf("%s: title %q in the card = %v, want %v (card %q)", tc.name, want, got, tc.cardTitle, card)
		}
	}
}
