package markdown

import (
	"strings"
	"testing"
)

func TestVersionBadge(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want string // the dump's lines, joined by "|"
	}{
		{"{{< new-in 0.140.0 />}}\n", `paragraph|  text[chip] "New in v0.140.0"`},
		{"{{< new-in v0.141.0 >}}\n", `paragraph|  text[chip] "New in v0.141.0"`},
		{"{{< new-in \"0.100.0\" />}} Text.\n", `paragraph|  text[chip] "New in v0.100.0"|  text " Text."`},
		{"{{< deprecated-in 0.120.0 />}}\n", `paragraph|  text[chip] "Deprecated in v0.120.0"`},
		{"Text {{< new-in 0.141.0 >}}some text{{< /new-in >}}.\n", `paragraph|  text "Text "|  text[chip] "New in v0.141.0"|  text "some text."`},
		{"{{< new-in />}}\n", `paragraph|  text[chip] "new-in"`},
		{"{{< news 1 />}}\n", `paragraph|  text[chip] "news 1"`},
	} {
		got := strings.TrimSpace(DumpDocument(NewDocument(New()).Set([]byte(tc.src))))
		got = strings.Join(strings.Split(got, "\n"), "|")
		got = strings.TrimPrefix(got, "@1 ")
		if got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}
