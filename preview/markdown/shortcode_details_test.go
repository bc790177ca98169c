package markdown

import (
	"bytes"
	"strings"
	"testing"
)

func TestDetailsShortcode(t *testing.T) {
	for _, tc := range []struct {
		src, want string
	}{
		{"{{< details summary=\"See the details\" >}}\nThis is a **bold** word.\n{{< /details >}}\n",
			`details open=false|  summary|    text "See the details"|  paragraph|    text "This is a "|    text[bold] "bold"|    text " word."`},
		{"{{< details summary=\"More\" open=true >}}\n- a\n\n```go\nx\n```\n{{< /details >}}\n\nAfter.\n",
			`details open=true|  summary|    text "More"|  list bullet tight=true|    item|      paragraph|        text "a"|  code lang="go" "x"|@9 paragraph|  text "After."`},
		{"{{% details %}}\nBody.\n{{% /details %}}\n",
			`details open=false|  summary|    text "Details"|  paragraph|    text "Body."`},
		{"Text.\n{{< details summary=\"S\" open=false >}}\nBody.\n{{< /details >}}\n",
			`paragraph|  text "Text."|@2 details open=false|  summary|    text "S"|  paragraph|    text "Body."`},
	} {
		got := strings.TrimSpace(DumpDocument(NewDocument(New()).Set([]byte(tc.src))))
		got = strings.TrimPrefix(strings.Join(strings.Split(got, "\n"), "|"), "@1 ")
		if got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}

func TestDetailsShortcodeExport(t *testing.T) {
	var out bytes.Buffer
	if err := RenderHTML(&out, []byte("{{< details summary=\"See the details\" >}}\nThis is a **bold** word.\n{{< /details >}}\n"), HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	if want := "<details>\n<summary>See the details</summary>\n<p>This is a <strong>bold</strong> word.</p>\n</details>"; !strings.Contains(out.String(), want) {
		t.Errorf("missing %q in\n%s", want, out.String())
	}
}

func TestVersionCallout(t *testing.T) {
	for _, tc := range []struct {
		src, want string
	}{
		{"{{< new-in 0.141.0 >}}\nThe `Err` method was removed.\n\nUse try.\n{{< /new-in >}}\n\nAfter.\n",
			`quote alert=tip title="New in v0.141.0"|  paragraph|    text "The "|    text[code] "Err"|    text " method was removed."|  paragraph|    text "Use try."|@7 paragraph|  text "After."`},
		{"{{< deprecated-in 0.120.0 >}}\nOld.\n{{< /deprecated-in >}}\n",
			`quote alert=warning title="Deprecated in v0.120.0"|  paragraph|    text "Old."`},
	} {
		got := strings.TrimSpace(DumpDocument(NewDocument(New()).Set([]byte(tc.src))))
		got = strings.TrimPrefix(strings.Join(strings.Split(got, "\n"), "|"), "@1 ")
		if got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}

func TestVersionCalloutExport(t *testing.T) {
	var out bytes.Buffer
	if err := RenderHTML(&out, []byte("{{< new-in 0.141.0 >}}\nText.\n{{< /new-in >}}\n"), HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "New in v0.141.0") || !strings.Contains(out.String(), "<p>Text.</p>") || strings.Contains(out.String(), "/new-in") {
		t.Errorf("export:\n%s", out.String())
	}
}
