package markdown

import (
	"bytes"
	"strings"
	"testing"
)

// QA: the export kept "{#id}" in heading text and gave headings no id, so
// in-page links were dead in the exported page. Ids are Headings' anchors.
func TestExportHeadingIDs(t *testing.T) {
	src := "# 标题一 {#custom-anchor}\n\n## 第三节 {#third}\n\n## Same\n\n## Same\n\n[go](#custom-anchor)\n"
	var b bytes.Buffer
	if err := RenderHTML(&b, []byte(src), HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "{#") {
		t.Errorf("{#id} left in the text:\n%s", out)
	}
	for _, h := range Headings([]byte(src)) {
		if !strings.Contains(out, `id="`+h.Anchor+`"`) {
			t.Errorf("no heading with id %q (%q):\n%s", h.Anchor, h.Text, out)
		}
	}
	if !strings.Contains(out, ">标题一</h1>") {
		t.Errorf("heading text:\n%s", out)
	}
}
