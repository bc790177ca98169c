package markdown

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

func TestAlerts(t *testing.T) {
	src := []byte("> [!WARNING]\n> 小心**这里**。\n\n> [!note]\n\n> [!UNKNOWN]\n> x\n\n> plain\n")
	doc := New().Parser().Parse(text.NewReader(src))
	var kinds []string
	var firstText []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if q, ok := n.(*ast.Blockquote); ok && entering {
			kinds = append(kinds, AlertOf(q))
			firstText = append(firstText, PlainText(q, src))
		}
		return ast.WalkContinue, nil
	})
	if strings.Join(kinds, ",") != "warning,note,," {
		t.Errorf("alert kinds %q", kinds)
	}
	if firstText[0] != "小心这里。" || firstText[1] != "" || !strings.HasPrefix(firstText[2], "[!UNKNOWN]") {
		t.Errorf("alert text %q", firstText)
	}
}

func TestShortcodes(t *testing.T) {
	src := []byte("前 {{< figure src=\"a.png\" title=\"图\" >}} 后 {{% notice tip %}}内容{{% /notice %}} and {{<ref \"x.md\">}} {{< new-in 0.140.0 />}}\n\n`{{< code >}}` stays code\n")
	var out bytes.Buffer
	if err := New().Convert(src, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`前 <span class="shortcode">figure src=&#34;a.png&#34; title=&#34;图&#34;</span> 后`,
		`<span class="shortcode">notice tip</span>内容<span class="shortcode">/notice</span>`,
		`<span class="shortcode">ref &#34;x.md&#34;</span> <span class="shortcode badge"><a href="https://github.com/gohugoio/hugo/releases/tag/v0.140.0">New in v0.140.0</a></span>`,
		`<code>{{&lt; code &gt;}}</code>`,
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("missing %s in\n%s", want, out.String())
		}
	}
}
