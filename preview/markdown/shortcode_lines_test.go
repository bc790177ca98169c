package markdown

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// includeDump parses src as an article in testdata/includesite's
// content/en/shortcodes folder.
func includeDump(t *testing.T, src string) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "includesite", "content", "en", "shortcodes"))
	if err != nil {
		t.Fatal(err)
	}
	d := NewDocument(New())
	d.SetArticleDir(dir)
	return DumpDocument(d.Set([]byte(src)))
}

func TestLineShortcodes(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		// docs-cn: the copy button's marker shows nothing, no chip
		{"copyable", "a\n\n{{< copyable \"shell-regular\" >}}\n\n```shell\nls\n```\n",
			"@1 paragraph\n  text \"a\"\n@5 code lang=\"shell\" \"ls\"\n"},
		{"copyable in a list", "- x\n\n    {{< copyable \"sql\" >}}\n\n    ```sql\n    select 1;\n    ```\n",
			"@1 list bullet tight=false\n  item\n    paragraph\n      text \"x\"\n    code lang=\"sql\" \"select 1;\"\n"},
		// the included page's body, its front matter left out, through the
		// same pipeline (a definition list, a nested include)
		{"include", "## Options\n\n{{% include \"_common/options.md\" %}}\n",
			"@1 heading 2\n  text \"Options\"\n@3 tabs\n  tab\n    deflist\n      term\n        text[code] \"anchorLineNos\"\n      definition\n        paragraph\n          text \"(\"\n          text[code] \"bool\"\n          text \") Whether to render each line number as an anchor. See \"\n          text link=\"#options\" \"options\"\n          text \".\"\n    tabs\n      tab\n        paragraph\n          text \"Nested \"\n          text[bold] \"text\"\n          text \".\"\n"},
		// relative to the page first, then the content root
		{"include local", "{{% include \"_common/local.md\" %}}\n",
			"@1 tabs\n  tab\n    paragraph\n      text \"Local to the section.\"\n"},
		{"include missing", "{{% include \"_common/none.md\" %}}\n",
			"@1 tabs\n  tab\n    paragraph\n      text[chip] \"include \\\"_common/none.md\\\": not found\"\n"},
		{"include cycle", "{{% include \"/_common/loop.md\" %}}\n",
			"@1 tabs\n  tab\n    paragraph\n      text \"Loop.\"\n    tabs\n      tab\n        paragraph\n          text[chip] \"include \\\"/_common/loop.md\\\": includes itself\"\n"},
		// an include inside an included page: relative to that page
		{"nested relative", "{{% include \"/_common/rel.md\" %}}\n",
			"@1 tabs\n  tab\n    paragraph\n      text \"Relative: \"\n      text[chip] \"include \\\"sub.md\\\"\"\n      text \" is not alone.\"\n    tabs\n      tab\n        paragraph\n          text \"Sub of _common.\"\n"},
		// the glossary page's text
		{"glossary-term", "{{% glossary-term \"media type\" %}}\n\nMore.\n",
			"@1 tabs\n  tab\n    paragraph\n      text \"A \"\n      text[italic] \"media type\"\n      text \" is a two-part identifier.\"\n@3 paragraph\n  text \"More.\"\n"},
		// other shortcodes stay chips
		{"other", "{{< figure src=\"x.png\" >}}\n", "@1 paragraph\n  text[chip] \"figure src=\\\"x.png\\\"\"\n"},
	} {
		if got := includeDump(t, tc.src); got != tc.want {
			t.Errorf("%s:\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
}

// An include with no article folder known (a document without
// SetArticleDir) is the call's chip, as before.
func TestIncludeWithoutFolder(t *testing.T) {
	got := dumpOf("{{% include \"_common/options.md\" %}}\n")
	if want := "@1 tabs\n  tab\n    paragraph\n      text[chip] \"include \\\"_common/options.md\\\"\"\n"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A changed included file shows on the next parse of the whole body: the
// block holding the include is not reused.
func TestIncludeReadAgain(t *testing.T) {
	root := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(root, "hugo.toml"), nil, 0o644))
	dir := filepath.Join(root, "content", "post")
	must(os.MkdirAll(filepath.Join(root, "content", "_common"), 0o755))
	must(os.MkdirAll(dir, 0o755))
	inc := filepath.Join(root, "content", "_common", "x.md")
	must(os.WriteFile(inc, []byte("one\n"), 0o644))
	d := NewDocument(New())
	d.SetArticleDir(dir)
	src := "{{% include \"_common/x.md\" %}}\n"
	if got := DumpDocument(d.Set([]byte(src))); !strings.Contains(got, `"one"`) {
		t.Fatalf("first: %s", got)
	}
	must(os.WriteFile(inc, []byte("two, longer\n"), 0o644))
	if got := DumpDocument(d.Set([]byte(src))); !strings.Contains(got, `"two, longer"`) {
		t.Errorf("after the file changed, the same article: %s", got)
	}
	must(os.WriteFile(inc, []byte("three, longest\n"), 0o644))
	if got := DumpDocument(d.Set([]byte(src + "\nmore\n"))); !strings.Contains(got, `"three, longest"`) {
		t.Errorf("after the file changed, an edit elsewhere: %s", got)
	}
	// another folder: the same text resolves from there
	other := filepath.Join(root, "content", "other")
	must(os.MkdirAll(filepath.Join(other, "_common"), 0o755))
	must(os.WriteFile(filepath.Join(other, "_common", "x.md"), []byte("other\n"), 0o644))
	d.SetArticleDir(other)
	if got := DumpDocument(d.Set([]byte(src + "\nmore\n"))); !strings.Contains(got, `"other"`) {
		t.Errorf("in another folder: %s", got)
	}
}

func TestIncludeTooBig(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "hugo.toml"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "big.md"), []byte(strings.Repeat("x", MaxIncludeBytes+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	d := NewDocument(New())
	d.SetArticleDir(root)
	if got := DumpDocument(d.Set([]byte("{{% include \"big.md\" %}}\n"))); !strings.Contains(got, "too big") {
		t.Errorf("got %s", got)
	}
}

func TestStripFrontMatter(t *testing.T) {
	for in, want := range map[string]string{
		"---\na: 1\n---\nbody\n":  "body\n",
		"+++\na = 1\n+++\n\nbody": "\nbody",
		"{\n\"a\": 1\n}\nbody\n":  "body\n",
		"no front matter\n---\n":  "no front matter\n---\n",
		"---\nunclosed\n":         "---\nunclosed\n",
		"\xef\xbb\xbf---\n---\nb": "b",
	} {
		if got := string(stripFrontMatter([]byte(in))); got != want {
			t.Errorf("stripFrontMatter(%q) = %q, want %q", in, got, want)
		}
	}
}

// The export shows nothing for copyable (it had a chip) and keeps an
// include's chip.
func TestLineShortcodesExport(t *testing.T) {
	var b strings.Builder
	src := "{{< copyable \"sql\" >}}\n\n```sql\nselect 1;\n```\n\n{{% include \"x.md\" %}}\n"
	if err := RenderHTML(&b, []byte(src), HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	if strings.Contains(got, "copyable") {
		t.Errorf("the export shows copyable: %s", got)
	}
	if !strings.Contains(got, `<span class="shortcode">include &#34;x.md&#34;</span>`) || !strings.Contains(got, "select") {
		t.Errorf("the export lacks the include's chip or the code: %s", got)
	}
}
