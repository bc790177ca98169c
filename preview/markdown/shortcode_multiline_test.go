package markdown

import (
	"bytes"
	"strings"
	"testing"
)

func TestShortcodeCallOverLines(t *testing.T) {
	for _, tc := range []struct {
		src, want string
	}{
		{"{{< datatable\n  \"config\"\n  \"outputFormats\"\n>}}\n\n## Default\n",
			`paragraph|  text[chip] "datatable \"config\" \"outputFormats\""|@6 heading 2|  text "Default"`},
		{"Text.\n{{< img\n  src=\"a.jpg\"\n  example=true\n>}}\n",
			`paragraph|  text "Text."|@2 paragraph|  text[chip] "img src=\"a.jpg\" example=true"`},
		{"{{% render-table\n  a=b\n%}}{class=\"!mt-0\"}\n", `paragraph|  text[chip] "render-table a=b"`},
		{"{{<figure\n  src=\"x\"\n/>}}\n", `paragraph|  text[chip] "figure src=\"x\""`},
		{"{{< new-in\n  0.150.0\n/>}}\n", `paragraph|  text[chip] "New in v0.150.0"`},
		// not closed before a blank line: text, as before
		{"{{< img\n  src=\"a.jpg\"\n\n>}}\n", `paragraph|  text "{{< img src=\"a.jpg\""|@4 quote|  paragraph|    text "}}"`},
	} {
		got := strings.TrimSpace(DumpDocument(NewDocument(New()).Set([]byte(tc.src))))
		got = strings.TrimPrefix(strings.Join(strings.Split(got, "\n"), "|"), "@1 ")
		if got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}

func TestShortcodeCallOverLinesExport(t *testing.T) {
	var out bytes.Buffer
	if err := RenderHTML(&out, []byte("{{< img\n  src=\"a.jpg\"\n>}}\n"), HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	if want := `<p><span class="shortcode">img src=&#34;a.jpg&#34;</span></p>`; !strings.Contains(out.String(), want) || strings.Contains(out.String(), "blockquote") {
		t.Errorf("want %s in\n%s", want, out.String())
	}
}
