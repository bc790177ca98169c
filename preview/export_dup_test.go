package preview

import (
	"bytes"
	"strings"
	"testing"
)

// QA8 J6: the export printed a docs-cn article's title twice, the header
// card's <h1> and the body's own "# title". The card leaves the title out
// when the body opens with it, as the preview's card does; the page's
// <title> keeps it; a body opening with another heading keeps the card's.
func TestExportDoesNotRepeatTheTitle(t *testing.T) {
	for _, tt := range []struct {
		name, body string
		cardTitle  bool
	}{
		{"same H1", "# TiDB 功能概览\n\n正文。\n", false},
		{"same H1, closing hashes", "# TiDB 功能概览 #\n\n正文。\n", false},
		{"another H1", "# 别的标题\n\n正文。\n", true},
		{"no H1", "## Overview\n\nText.\n", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			meta := Meta{Title: "TiDB 功能概览", Summary: "了解 TiDB 的功能概览。"}
			if err := ExportHTML(&out, []byte(tt.body), meta, ExportOptions{}); err != nil {
				t.Fatal(err)
			}
			page := out.String()
			if got := strings.Contains(page, `<h1 class="title">`); got != tt.cardTitle {
				t.Errorf("card title shown %v, want %v", got, tt.cardTitle)
			}
			if !strings.Contains(page, "<title>TiDB 功能概览</title>") || !strings.Contains(page, `<p class="summary">了解 TiDB 的功能概览。</p>`) {
				t.Errorf("page lost its <title> or the card's summary:\n%s", page[:min(len(page), 2000)])
			}
		})
	}
}
