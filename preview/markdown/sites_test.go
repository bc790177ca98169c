package markdown

import (
	"bytes"
	"flag"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateSites = flag.Bool("update", false, "rewrite testdata/sites/*.golden")

// The constructs real documentation sites use (testdata/sites: details,
// docs-cn's MDX components and bold-label callouts, Hugo's escaped and code
// shortcodes and definition lists, a merge's conflict block), each checked
// as a block tree and as the export's HTML against a golden file.
func TestSitesGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/sites/*.md")
	if len(files) < 4 {
		t.Fatalf("fixtures missing: %v", files)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var html bytes.Buffer
			if err := RenderHTML(&html, src, HTMLOptions{}); err != nil {
				t.Fatal(err)
			}
			got := DumpDocument(NewDocument(New()).Set(bytes.Clone(src))) + "---- html\n" + html.String()
			golden := strings.TrimSuffix(f, ".md") + ".golden"
			if *updateSites {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (go test -run SitesGolden -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s:\n%s", name, golden, got)
			}
		})
	}
}

// dumpOf parses a body and dumps its tree.
func dumpOf(src string) string { return DumpDocument(NewDocument(New()).Set([]byte(src))) }

func TestDetailsIsClosedContainer(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"<details>\n<summary>更多</summary>\n\n**粗**\n\n</details>\n",
			"@1 details open=false\n  summary\n    text \"更多\"\n  paragraph\n    text[bold] \"粗\"\n"},
		{"<details open><summary>S</summary>\n\nx\n\n</details>\n",
			"@1 details open=true\n  summary\n    text \"S\"\n  paragraph\n    text \"x\"\n"},
		// no summary: the preview names it; an unclosed one holds the rest
		{"<details>\n\nbody\n\nmore\n",
			"@1 details open=false\n  summary\n  paragraph\n    text \"body\"\n  paragraph\n    text \"more\"\n"},
		// a stray closing tag stays literal, and a plain <div> is untouched
		{"</Note>\n", "@1 html \"</Note>\"\n"},
		{"<div>\n<b>x</b>\n</div>\n", "@1 paragraph\n  text[bold] \"x\"\n"},
	} {
		if got := dumpOf(tc.src); got != tc.want {
			t.Errorf("%q:\n%s\nwant\n%s", tc.src, got, tc.want)
		}
	}
}

func TestCallouts(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"<Note>\n正文 **粗**\n</Note>\n", "@1 quote alert=note\n  paragraph\n    text \"正文 \"\n    text[bold] \"粗\"\n"},
		{"<Warning>\n\nw\n\n</Warning>\n", "@1 quote alert=warning\n  paragraph\n    text \"w\"\n"},
		{"<Tip>\nt</Tip>\n", "@1 quote alert=tip\n  paragraph\n    text \"t\"\n"},
		{"> **注意：**\n>\n> 内容\n", "@1 quote alert=note title=\"注意\"\n  paragraph\n    text \"内容\"\n"},
		{"> **警告**：\n>\n> w\n", "@1 quote alert=warning title=\"警告\"\n  paragraph\n    text \"w\"\n"},
		{"> **Tip:**\n>\n> t\n", "@1 quote alert=tip title=\"Tip\"\n  paragraph\n    text \"t\"\n"},
		// bold text that is not a label, or a label with more after it
		{"> **粗体**\n", "@1 quote\n  paragraph\n    text[bold] \"粗体\"\n"},
		{"> **注意：** 内容\n", "@1 quote\n  paragraph\n    text[bold] \"注意：\"\n    text \" 内容\"\n"},
		// an unknown component is transparent (components.go); scripts stay literal
		{"<Foo>\nx\n</Foo>\n", "@1 paragraph\n  text \"x\"\n"},
		{"<Note>\n<script>alert(1)</script>\n</Note>\n", "@1 quote alert=note\n  html \"<script>alert(1)</script>\"\n"},
	} {
		if got := dumpOf(tc.src); got != tc.want {
			t.Errorf("%q:\n%s\nwant\n%s", tc.src, got, tc.want)
		}
	}
}

func TestSimpleTab(t *testing.T) {
	src := "<SimpleTab groupId=\"os\">\n<div label=\"Linux\">\n\nL\n\n</div>\n<div label=\"macOS\">\n\n<Note>\nn\n</Note>\n\n</div>\n</SimpleTab>\n\nafter\n"
	want := "@1 tabs\n  tab\n    text \"Linux\"\n    paragraph\n      text \"L\"\n  tab\n    text \"macOS\"\n    quote alert=note\n      paragraph\n        text \"n\"\n@16 paragraph\n  text \"after\"\n"
	if got := dumpOf(src); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestUnescapeHugo(t *testing.T) {
	for in, want := range map[string]string{
		`{{</* foo */>}}`:                        `{{< foo >}}`,
		`{{%/* foo */%}}`:                        `{{% foo %}}`,
		`a {{</* x y="1" */>}} b {{</* /x */>}}`: `a {{< x y="1" >}} b {{< /x >}}`,
		"{{</* figure\n  src=\"x\"\n*/>}}":       "{{< figure\n  src=\"x\"\n>}}",
		`{{</* qr text="t" /*/>}}`:               `{{< qr text="t" />}}`,
		`{{< /* spaced */ >}}`:                   `{{< /* spaced */ >}}`, // Hugo wants "/*" at once
		`{{</* unclosed`:                         `{{</* unclosed`,
		`{{</* a */%}}`:                          `{{</* a */%}}`,
		`plain {{ .Title }}`:                     `plain {{ .Title }}`,
	} {
		if got := UnescapeHugo(in); got != want {
			t.Errorf("UnescapeHugo(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHugoShortcodes(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"a {{</* x */>}} `{{</* c */>}}`\n", "@1 paragraph\n  text \"a {{< x >}} \"\n  text[code] \"{{< c >}}\"\n"},
		{"```\n{{</* x */>}}\n```\n", "@1 code lang=\"\" \"{{< x >}}\"\n"},
		// code-toggle: tabs (shortcode_toggle_test.go)
		{"{{< code-toggle >}}\nparams:\n  x: 1\n{{< /code-toggle >}}\n", "@1 tabs\n  tab\n    text \"YAML\"\n    code lang=\"yaml\" \"params:\\n  x: 1\"\n  tab\n    text \"TOML\"\n    code lang=\"toml\" \"[params]\\n  x = 1\"\n  tab\n    text \"JSON\"\n    code lang=\"json\" \"{\\n  \\\"params\\\": {\\n    \\\"x\\\": 1\\n  }\\n}\"\n"},
		{"{{< highlight go \"linenos=inline\" >}}\nfunc f() {}\n{{< /highlight >}}\n",
			"@1 code lang=\"go\" \"func f() {}\"\n"}, // no chip: shortcode_highlight_test.go
		// self-closing: still a chip
		{"{{< code-toggle config=x />}}\n", "@1 tabs\n  tab\n    paragraph\n      text[chip] \"code-toggle config=x\"\n"},
	} {
		if got := dumpOf(tc.src); got != tc.want {
			t.Errorf("%q:\n%s\nwant\n%s", tc.src, got, tc.want)
		}
	}
}

func TestDefinitionList(t *testing.T) {
	got := dumpOf("Term\n: one\n: two\n")
	want := "@1 deflist\n  term\n    text \"Term\"\n  definition\n    paragraph\n      text \"one\"\n  definition\n    paragraph\n      text \"two\"\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	var b bytes.Buffer
	if err := RenderHTML(&b, []byte("Term\n: one\n"), HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "<dl>\n<dt>Term</dt>\n<dd>one</dd>\n</dl>") {
		t.Errorf("export: %s", b.String())
	}
}

func TestBreakTrimsSpace(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"| a |\n|---|\n| x<br/> y |\n", "    cell\n      text \"x\"\n      break\n      text \"y\"\n"},
		{"p <br> q\n", "@1 paragraph\n  text \"p\"\n  break\n  text \"q\"\n"},
		{"`a ` <br> ` b`\n", "@1 paragraph\n  text[code] \"a \"\n  break\n  text[code] \" b\"\n"},
	} {
		if got := dumpOf(tc.src); !strings.HasSuffix(got, tc.want) {
			t.Errorf("%q:\n%s\nwant suffix\n%s", tc.src, got, tc.want)
		}
	}
}

func TestConflictBlock(t *testing.T) {
	src := "a\n<<<<<<< mine\n我的\n=======\n他的\n\n- x\n>>>>>>> theirs\nb\n"
	want := "@1 paragraph\n  text \"a\"\n@2 quote alert=conflict\n  paragraph\n    text[chip] \"mine\"\n  paragraph\n    text \"我的\"\n  paragraph\n    text[chip] \"theirs\"\n  paragraph\n    text \"他的\"\n  list bullet tight=true\n    item\n      paragraph\n        text \"x\"\n@9 paragraph\n  text \"b\"\n"
	if got := dumpOf(src); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// git's diff3 style: the base is not shown; an empty side is a label
	src = "<<<<<<< HEAD\nm\n||||||| base\nb\n=======\n>>>>>>> feature\n"
	want = "@1 quote alert=conflict\n  paragraph\n    text[chip] \"HEAD\"\n  paragraph\n    text \"m\"\n  paragraph\n    text[chip] \"feature\"\n"
	if got := dumpOf(src); got != want {
		t.Errorf("diff3: got\n%s\nwant\n%s", got, want)
	}
}

// Edits that open, close and move container tags, conflict markers and
// code shortcodes: the incremental parse must equal a full parse.
func TestSitesIncrementalMatchesFull(t *testing.T) {
	files, _ := filepath.Glob("testdata/sites/*.md")
	var src []byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src = append(append(src, data...), '\n')
	}
	pieces := []string{"<details>\n", "</details>\n", "<summary>s</summary>\n", "<Note>\n", "</Note>\n", "<SimpleTab>\n",
		"<div label=\"x\">\n", "</div>\n", "</SimpleTab>\n", "<<<<<<< mine\n", "=======\n", ">>>>>>> theirs\n",
		"{{< code-toggle >}}\n", "{{< /code-toggle >}}\n", ": ", "\n", "\n\n", "a", "中", "> **注意：**\n", "{{</*", "*/>}}", "| a |\n", "|---|\n", "| b | c |\n"}
	rng := rand.New(rand.NewSource(11))
	d := NewDocument(New())
	d.Set(bytes.Clone(src))
	for i := 0; i < 400; i++ {
		cur := d.Source()
		pos := rng.Intn(len(cur) + 1)
		for pos > 0 && cur[pos-1] != '\n' && rng.Intn(4) != 0 {
			pos-- // mostly at a line start, where the tags mean something
		}
		next := append([]byte(nil), cur[:pos]...)
		if rng.Intn(3) == 0 && pos < len(cur) {
			next = append(next, cur[pos+1:]...)
		} else {
			next = append(next, pieces[rng.Intn(len(pieces))]...)
			next = append(next, cur[pos:]...)
		}
		got := DumpDocument(d.Set(next))
		if want := DumpDocument(NewDocument(New()).Set(bytes.Clone(next))); got != want {
			t.Fatalf("edit %d: incremental (%v) differs from full parse\n--- incremental\n%s\n--- full\n%s", i, d.LastIncremental(), got, want)
		}
	}
}

// A closing tag on the line after a paragraph (no blank line) still
// closes its container, and a line with invalid UTF-8 before a summary's
// closing tag is cut at the right place.
func TestContainerEdges(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"<Note>\n\n文字\n</Note>\n\nafter\n", "@1 quote alert=note\n  paragraph\n    text \"文字\"\n@6 paragraph\n  text \"after\"\n"},
		{"<details>\n<summary>\xe4\xad\xe4\xad x</SUMMARY>\n\nb\n\n</details>\n", "@1 details open=false\n  summary\n    text \"\\xe4\\xad\\xe4\\xad x\"\n  paragraph\n    text \"b\"\n"},
		{"<script>\n<details>\n</script>\n", "@1 html \"<script>\\n<details>\\n</script>\"\n"},
	} {
		if got := dumpOf(tc.src); got != tc.want {
			t.Errorf("%q:\n%s\nwant\n%s", tc.src, got, tc.want)
		}
	}
}

// Edits found by the randomised test: a block's rendering must depend only
// on its own text, as the incremental parse reuses blocks by their text.
func TestContainerEditsMatchFull(t *testing.T) {
	for _, tc := range [][2]string{
		{"x\n\n<details>\n</details>\nP1\n</Note>\n<details>\n\nb\n", "x\n\nP1\n</Note>\n<details>\n\nb\n"},
		{"<script>alrt(1)</</details>\n<details>\n</details>\n\nil<details>\n=======\nr/", "<script>alrt(1)</</details>\n<details>\n</details>\n\nil<details>\n=======\nr/</div>\n"},
		{"<Note>\n\na\n\nb\n\nc\n", "<Note>\n\na\n\nb\n</Note>\nc\n"},
		{"A |x */>}}B\n--<div label=\"x\">\n|--\n\ns", "A |x */>}}B\n--<div label=\"x\">\n|--\n\n"},
		{"foo\n| a |\n|---|\n\nx\n\nbar\n| a |\n|---|\n", "foo\n| a |\n|---|\n\ny\n\nbar\n| a |\n|---|\n"},
		{"foo\n| a |\n|---|\n\nx\n\nbar\n| a |\n|---|\n", "foo\n| a |\n|---|\n\nbar\n| a |\n|---|\n"},
	} {
		d := NewDocument(New())
		DumpDocument(d.Set([]byte(tc[0])))
		got := DumpDocument(d.Set([]byte(tc[1])))
		if want := DumpDocument(NewDocument(New()).Set([]byte(tc[1]))); got != want {
			t.Errorf("%q → %q: incremental\n%s\nfull\n%s", tc[0], tc[1], got, want)
		}
	}
}

// The random edit test's failure with the docs-cn fixture, minimised: a
// line inserted above deferred paragraphs (the body is past eagerBytes)
// whose last line begins a table ("0\n|-"). The paragraph and the table
// start at one offset, and a parse run handed the paragraph the table's
// node (fixed in reparsed by taking the node of the block's kind); the
// incremental result kept a paragraph of the table's header line.
func TestDeferredTableParagraphEditMatchesFull(t *testing.T) {
	for n := 250; n <= 300; n += 5 {
		before := strings.Repeat("0\n|-\n\n0\n", n)
		for _, after := range []string{"x\n" + before, "a\n\n" + before, before[:len(before)/2] + "x\n" + before[len(before)/2:]} {
			d := NewDocument(New())
			DumpDocument(d.Set([]byte(before)))
			got := DumpDocument(d.Set([]byte(after)))
			if want := DumpDocument(NewDocument(New()).Set([]byte(after))); got != want {
				t.Errorf("n=%d, %q…: incremental\n%s\nfull\n%s", n, after[:12], got, want)
			}
		}
	}
}

// A heading's "{#id}" (docs-cn, Hugo) is its anchor, not its text.
func TestHeadingID(t *testing.T) {
	for src, want := range map[string]string{
		"## 第 3 步：配置 {#step-3}\n": "@1 heading 2 id=\"step-3\"\n  text \"第 3 步：配置\"\n",
		"# `code {#x}`\n":         "@1 heading 1\n  text[code] \"code {#x}\"\n",
		"# a {#}\n":               "@1 heading 1\n  text \"a {#}\"\n",
	} {
		if got := dumpOf(src); got != want {
			t.Errorf("%q:\n%s\nwant\n%s", src, got, want)
		}
	}
}
