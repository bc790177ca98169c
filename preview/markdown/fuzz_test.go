package markdown

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

// FuzzConvert: no input makes the configuration, the model, the export
// renderer or Headings panic, and Sanitize keeps length and lines. The
// seeds are the hostile reproductions.
func FuzzConvert(f *testing.F) {
	for _, s := range []string{
		strings.Repeat("a*b_c ", 300), strings.Repeat("[a](", 300), strings.Repeat("![a](", 200),
		"```" + strings.Repeat("x", 5000) + "\ncode\n```\n", strings.Repeat(">", 3000) + " x\n",
		"- a\n  - b\n    - c\n      - d\n", "> [!NOTE]\n> n\n", "{{< figure src=\"a\" >}} {{% x %}}",
		"<kbd>a</kbd><img src=x onerror=y><details><summary>s</summary>", "x[^1]\n\n[^1]: n\n", "| a |\n|---|\n| b |\n",
		"<details>\n<summary>s</summary>\n\nb\n\n</details>\n", "<SimpleTab>\n<div label=\"a\">\n\nx\n\n</div>\n</SimpleTab>\n",
		"<Note>\n- a\n</Note>\n", "<<<<<<< mine\na\n=======\nb\n>>>>>>> theirs\n", "{{< code-toggle >}}\na = 1\n{{< /code-toggle >}}\n",
		"T\n: d\n", "> **注意：**\n>\n> x\n", "`{{</* x */>}}`",
		"<table>\n<tr><td rowspan=\"2\"><ul><li><a href=x>a</a></li></ul></td><td colspan=3><script>x</script></td></tr>\n</table>\n",
		"<StickyHeaderTable>\n\n| a |\n|---|\n\n</StickyHeaderTable>\n", "<Foo>\nx\n<Bar>\n</Foo>\n</Bar>\n<Note>\n<Foo />\n</Note>\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		watch := time.AfterFunc(5*time.Second, func() { panic(fmt.Sprintf("hang on %q", src)) })
		defer watch.Stop()
		s := Sanitize(src)
		if len(s) != len(src) || bytes.Count(s, []byte{'\n'}) != bytes.Count(src, []byte{'\n'}) {
			t.Fatal("Sanitize changed length or lines")
		}
		if err := RenderHTML(io.Discard, src, HTMLOptions{AssetPrefix: "p"}); err != nil {
			t.Fatal(err)
		}
		Headings(src)
		for _, tb := range NewDocument(New()).Set(bytes.Clone(src)) {
			SplitParts(tb.Block)
			tb.Block.Fill()
		}
	})
}
