package markdown

import (
	"bytes"
	"strings"
	"testing"
)

// Hugo's docs end a quote, a paragraph or a table with a block attribute
// line ({class="!mt-6"}, {.no-wrap-first-col}); Hugo applies it and shows
// nothing of it, so neither do the preview and the export. Lines that only
// look alike stay.
func TestBlockAttributeLinesAreNotShown(t *testing.T) {
	for _, tc := range []struct{ src, want, wantHTML, gone string }{
		{"> [!CAUTION]\n> legacy setting.\n{class=\"!mt-6\"}\n\nIf enabled\n",
			"@1 quote alert=caution\n  paragraph\n    text \"legacy setting.\"\n@5 paragraph\n  text \"If enabled\"\n", "<p>legacy setting.</p>", "mt-6"},
		{"| a | b |\n|---|---|\n| 1 | 2 |\n{.no-wrap-first-col}\n\nnext\n", "", "<td>2</td>", "no-wrap"},
		{"Text.\n\n{.foo .bar #baz}\n\nMore.\n", "@1 paragraph\n  text \"Text.\"\n@5 paragraph\n  text \"More.\"\n", "<p>More.</p>", "baz"},
		{"A line\n{cite=\"https://gohugo.io\" caption='Some caption'}\n", "@1 paragraph\n  text \"A line\"\n", "<p>A line</p>", "caption"},
	} {
		got := dumpOf(tc.src)
		if tc.want != "" && got != tc.want {
			t.Errorf("%q:\n%s\nwant\n%s", tc.src, got, tc.want)
		}
		if strings.Contains(got, tc.gone) {
			t.Errorf("%q: the attribute line is shown:\n%s", tc.src, got)
		}
		var out bytes.Buffer
		if err := RenderHTML(&out, []byte(tc.src), HTMLOptions{}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), tc.wantHTML) || strings.Contains(out.String(), tc.gone) {
			t.Errorf("%q: export\n%s\nwant %q and no %q", tc.src, out.String(), tc.wantHTML, tc.gone)
		}
		sameAsEager(t, []byte(tc.src))
	}
	// a big table (the fast path: rows parsed when shown) too
	big := "| a | b |\n|---|---|\n" + strings.Repeat("| 1 | 2 |\n", 3*partMinLines) + "{.no-wrap-first-col}\n\nnext\n"
	blocks := NewDocument(New()).Set([]byte(big))
	for _, b := range blocks {
		b.Block.Fill()
	}
	if got := DumpDocument(blocks); strings.Contains(got, "no-wrap") || !strings.Contains(got, "next") {
		t.Errorf("big table: the attribute line is shown or the paragraph after it lost")
	}
	// what is not an attribute list stays
	for _, src := range []string{"{x}\n", "{{< figure src=\"a.png\" >}}\n", "a {.b} c\n", "{.a} text\n", "{ }\n", "{\"k\": 1}\n", "    {.code}\n"} {
		if got := dumpOf(src); !strings.Contains(got, "text") && !strings.Contains(got, "code") && !strings.Contains(got, "shortcode") && !strings.Contains(got, "figure") {
			t.Errorf("%q is gone:\n%s", src, got)
		}
	}
}
