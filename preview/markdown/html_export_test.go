package markdown

import (
	"bytes"
	"strings"
	"testing"
)

func TestRenderHTML(t *testing.T) {
	body := []byte("![a](img/a.png) ![b](/abs/b.png) <kbd>K</kbd> <script>x</script>\n\n> [!NOTE]\n> 注意\n\n```sql\nSELECT 中文列 FROM 表;\n```\n")
	var out bytes.Buffer
	if err := RenderHTML(&out, body, HTMLOptions{AssetPrefix: "../posts"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`src="../posts/img/a.png"`, `src="/abs/b.png"`, "<kbd>K</kbd>", "&lt;script&gt;",
		`<div class="markdown-alert markdown-alert-note">`, `<p class="markdown-alert-title">Note</p>`, "中文列"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("missing %s in\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), `class="err"`) {
		t.Error("Chinese in SQL is marked as an error token")
	}
	css, err := PageCSS()
	if err != nil || !strings.Contains(css, "prefers-color-scheme: dark") {
		t.Errorf("PageCSS: %v", err)
	}
}
