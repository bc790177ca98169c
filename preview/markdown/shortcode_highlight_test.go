package markdown

import (
	"reflect"
	"testing"
)

func TestHighlightShortcode(t *testing.T) {
	src := "{{< highlight go \"linenos=inline, hl_Lines=3 6-8, noClasses=true\" >}}\na\nb\nc\n{{< /highlight >}}\n"
	blocks := NewDocument(New()).Set([]byte(src))
	if len(blocks) != 1 {
		t.Fatalf("%d blocks", len(blocks))
	}
	b := blocks[0].Block.Fill()
	if b.Kind != KindCode || b.Lang != "go" || b.Text != "a\nb\nc" || b.Label != "" {
		t.Errorf("got %s lang=%q label=%q %q; want go code, no chip", b.Kind, b.Lang, b.Label, b.Text)
	}
	want := &CodeOpts{Numbered: true, LineStart: 1, Marked: [][2]int{{3, 3}, {6, 8}}}
	if !reflect.DeepEqual(b.Opts, want) {
		t.Errorf("opts %+v, want %+v", b.Opts, want)
	}
	for i, marked := range []bool{false, false, true, false, false, true, true, true, false} {
		if b.Opts.IsMarked(i+1) != marked {
			t.Errorf("line %d marked=%v", i+1, !marked)
		}
	}
}

func TestHighlightOpts(t *testing.T) {
	for _, tc := range []struct {
		args string
		want *CodeOpts
	}{
		{`go`, nil},
		{`go "style=emacs"`, nil},
		{`go "linenos=table,linenostart=199"`, &CodeOpts{Numbered: true, LineStart: 199}},
		{`go "linenos=false, hl_lines=2"`, &CodeOpts{LineStart: 1, Marked: [][2]int{{2, 2}}}},
		{`go "hl_lines=x 4-2 5"`, &CodeOpts{LineStart: 1, Marked: [][2]int{{5, 5}}}},
	} {
		if got := highlightOpts(tc.args); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("highlightOpts(%q) = %+v, want %+v", tc.args, got, tc.want)
		}
	}
}

func TestInlineHighlight(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"This is some {{< highlight go \"hl_inline=true, noClasses=true\" >}}fmt.Println(\"inline\"){{< /highlight >}} code.\n",
			"@1 paragraph\n  text \"This is some \"\n  text[code] \"fmt.Println(\\\"inline\\\")\"\n  text \" code.\"\n"},
		// without hl_inline: chips as before
		{"a {{< highlight go >}}x{{< /highlight >}}\n",
			"@1 paragraph\n  text \"a \"\n  text[chip] \"highlight go\"\n  text \"x\"\n  text[chip] \"/highlight\"\n"},
	} {
		if got := dumpOf(tc.src); got != tc.want {
			t.Errorf("%q:\n%s\nwant\n%s", tc.src, got, tc.want)
		}
	}
}

func TestFenceOpts(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want *CodeOpts
	}{
		{"```go {linenos=inline hl_lines=[3,\"6-8\"] style=emacs}\nx\n```\n", &CodeOpts{Numbered: true, LineStart: 1, Marked: [][2]int{{3, 3}, {6, 8}}}},
		{"```go {linenos=table, hl_lines=[3, \"6-8\"], linenostart=199}\nx\n```\n", &CodeOpts{Numbered: true, LineStart: 199, Marked: [][2]int{{3, 3}, {6, 8}}}},
		{"```sh {class=foo linenos=inline}\nx\n```\n", &CodeOpts{Numbered: true, LineStart: 1}},
		{"```go {hl_lines=\"2 4-5\"}\nx\n```\n", &CodeOpts{LineStart: 1, Marked: [][2]int{{2, 2}, {4, 5}}}},
		{"```go\nx\n```\n", nil},
		{"```go {class=x}\nx\n```\n", nil},
		// docs-cn: a copy button
		{"{{< copyable \"sql\" >}}\n\n```sql\nx\n```\n", &CodeOpts{LineStart: 1, Copy: true}},
		{"- a\n\n    {{< copyable \"sql\" >}}\n\n    ```sql\n    x\n    ```\n", &CodeOpts{LineStart: 1, Copy: true}},
	} {
		var got *CodeOpts
		for _, tb := range NewDocument(New()).Set([]byte(tc.src)) {
			b := tb.Block.Fill()
			if b.Kind == KindList {
				b = b.Items[0].Blocks[1]
			}
			if b.Kind == KindCode {
				got = b.Opts
			}
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: opts %+v, want %+v", tc.src, got, tc.want)
		}
	}
}
