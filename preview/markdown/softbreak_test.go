package markdown

import (
	"regexp"
	"strings"
	"testing"
)

// TestSoftBreaksPreviewAndExportAgree: a soft line break is dropped only
// between two East Asian wide characters, in the preview's model and in
// the HTML export alike (QA G9: "separate 我的修改\nrepository" must keep
// the space — goldmark's "Simple" style, not "CSS3Draft", which drops a
// break with a wide character on one side only). The export writes the
// break as a newline, which a browser shows as a space.
func TestSoftBreaksPreviewAndExportAgree(t *testing.T) {
	tags := regexp.MustCompile(`<[^>]*>`)
	for _, tc := range []struct{ in, want string }{
		{"separate 我的修改\nrepository from", "separate 我的修改 repository from"},
		{"修改\nrepository", "修改 repository"},
		{"repository\n修改", "repository 修改"},
		{"中文，\n中文", "中文，中文"},
		{"我的\n修改", "我的修改"},
		{"**粗体**\n中文", "粗体中文"},
		{"我的修改\n**repository**", "我的修改 repository"},
		{"end.\nNext", "end. Next"},
		{"한국어\n한국어", "한국어 한국어"},
	} {
		bs := NewDocument(New()).Set([]byte(tc.in))
		var got strings.Builder
		for _, r := range bs[0].Block.Fill().Inlines {
			got.WriteString(r.Text)
		}
		if got.String() != tc.want {
			t.Errorf("preview: %q shows as %q, want %q", tc.in, got.String(), tc.want)
		}
		var html strings.Builder
		if err := RenderHTML(&html, []byte(tc.in), HTMLOptions{}); err != nil {
			t.Fatal(err)
		}
		text := strings.TrimSpace(tags.ReplaceAllString(html.String(), ""))
		if text = strings.ReplaceAll(text, "\n", " "); text != tc.want {
			t.Errorf("export: %q reads %q in a browser, want %q", tc.in, text, tc.want)
		}
	}
}
