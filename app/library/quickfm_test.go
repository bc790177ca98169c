package library

import (
	"bytes"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"folio/editor/document"
)

// quickShapes are front matters of many shapes; quick says whether the
// quick reader must take it (the common shapes), or must leave it to
// document.Parse. Either way, what it reads must be what Parse reads.
var quickShapes = []struct {
	src   string
	quick bool
}{
	// TOML, the common shapes.
	{"+++\ntitle = \"关于深度学习\"\ndate = 2019-02-09\ntags = [\"React\", \"开源\"]\nfeatured = false\ndraft = true\n+++\n", true},
	{"+++\r\ntitle = \"crlf\"\r\ncount = 12\r\n+++\r\n", true},
	{"\ufeff+++\ntitle = 'literal \"quoted\"'\n+++\n", true},
	{"\n\n+++\ntitle = \"after blank lines\"\nn = -0\nm = 0\n\n+++\n", true},
	{"+++\ntags = []\nempty = \"\"\nlit = ''\n+++\n", true},
	{"+++\ntags = [ 'a' , \"b\",'c' ]\n+++\n", true},
	{"+++\n+++\n", true},
	{"+++\nkey-with_dash = 1\n123 = \"digits\"\ntrue = \"a key\"\n+++\n", true},
	{"+++\nd = 2024-02-29\n+++\n", true},
	{"+++ \ntitle = \"x\"\n+++  \n", true},
	// TOML left to Parse: escapes, comments, dotted and quoted keys,
	// tables, other scalars, multi-line values, errors.
	{"+++\ntitle = \"a\\\"b\"\n+++\n", false},
	{"+++\ntitle = \"x\" # comment\n+++\n", false},
	{"+++\n# comment\ntitle = \"x\"\n+++\n", false},
	{"+++\na.b = 1\n+++\n", false},
	{"+++\n\"quoted\" = 1\n+++\n", false},
	{"+++\n[params]\nx = 1\n+++\n", false},
	{"+++\nf = 1.5\n+++\n", false},
	{"+++\nn = +1\n+++\n", false},
	{"+++\nn = 1_000\n+++\n", false},
	{"+++\nn = 012\n+++\n", false},
	{"+++\nn = 99999999999999999999\n+++\n", false},
	{"+++\nd = 2023-02-29\n+++\n", false},
	{"+++\nd = 2024-06-02T10:00:00Z\n+++\n", false},
	{"+++\nt = \"\"\"multi\nline\"\"\"\n+++\n", false},
	{"+++\ntags = [\"a\",\n  \"b\"]\n+++\n", false},
	{"+++\ntags = [\"a\",]\n+++\n", false},
	{"+++\ntags = [1, 2]\n+++\n", false},
	{"+++\na = 1\na = 2\n+++\n", false},
	{"+++\n  indented = 1\n+++\n", false},
	{"+++\ntab\t= 1\n+++\n", false},
	{"+++\ns = \"tab\there\"\n+++\n", false},
	{"+++\nx = \n+++\n", false},
	{"+++\nx = \"unclosed\n+++\n", false},
	{"+++\nx = 'it''s'\n+++\n", false},
	{"+++\nx = true false\n+++\n", false},
	{"+++\n= 1\n+++\n", false},
	{"+++\ntitle = \"x\"\n", false},
	// JSON, the common shapes.
	{"{\n  \"title\": \"推荐系统\",\n  \"date\": \"2019-09-05\",\n  \"tags\": [\"教程\", \"开源\"],\n  \"featured\": false,\n  \"draft\": false\n}\n", true},
	{"{\"n\": 1, \"f\": -1.5e3, \"z\": 0, \"nil\": null, \"t\": true}\n", true},
	{"{\n  \"tags\": [\n    \"a\",\n    \"b\"\n  ],\n  \"after\": 1\n}\n", true},
	{"{}\n", true},
	{"{ }  \n", true},
	{"\n{\"a\": [], \"b\": [1, \"x\", null, false]}\n", true},
	{"{\r\n\"a\": \"crlf\"\r\n}\r\n", true},
	{"{\"a\": \"del \x7f char\"}\n", true},
	// JSON left to Parse.
	{"{\"a\": \"esc\\n\"}\n", false},
	{"{\"a\": {\"nested\": 1}}\n", false},
	{"{\"a\": [[1]]}\n", false},
	{"{\"a\": 1, \"a\": 2}\n", false},
	{"{\"a\": 01}\n", false},
	{"{\"a\": 1.}\n", false},
	{"{\"a\": -}\n", false},
	{"{\"a\": truex}\n", false},
	{"{\"a\": 1,}\n", false},
	{"{\"a\": 1} trailing\n", false},
	{"{\"a\": 1}", false},
	{"{\"a\" 1}\n", false},
	{"{{< figure >}}\n", false},
	{"{\n\"a\": 1\n", false},
	// YAML, the common shapes.
	{"---\ntitle: x\n---\n", true},
	{"---\ntitle: \"微服务性能优化指南\"\nsummary: \"从长远来看 transformer 为企业和开发者提供。\"\ncategory: \"开源动态\"\n" +
		"author: \"刘洋\"\npublishDate: \"2019-11-26\"\nreadTime: \"6分钟\"\ntags: [\"Rust\"]\nfeatured: false\n---\n", true},
	{"---\ntitle: 'it''s'\ndate: 2024-06-02\nupdated: 2024-06-02T10:00:00Z\nn: 12\nf: 1.5\nh: 0x1F\nb: True\nz: ~\nnothing:\n---\n", true},
	{"---\ntags:\n  - a\n  - \"b c\"\n  - 3\nnext: [x, 'y', \"z\", 2024-01-02, null, -1]\nempty: []\n---\n", true},
	{"---\ntags:\n- a\n- b\n# a comment\n\ntitle: \"x\" # trailing comment\n...\n", true},
	{"---\ntitle: x # after a plain scalar: document's fast reader leaves it to yaml.v3\n---\n", false},
	{"\ufeff---\r\ntitle: crlf\r\ntags: [a, b]\r\n---\r\n", true},
	{"\n\n---\ntitle: after blank lines\n---\n", true},
	{"---\n---\n", true},
	{"---\nkey.with-dots_and-dash: 1\n中文键: 值\n---\n", true},
	{"---\nurl: https://example.com/a#b\nratio: 1:2\n---\n", true},
	// YAML left to Parse: anchors, aliases, tags, nested maps,
	// multi-line and block scalars, escapes, tabs, odd quoting, duplicate
	// keys, errors.
	{"---\na: &x 1\nb: *x\n---\n", false},
	{"---\nd: !!str 2024-01-01\n---\n", false},
	{"---\nparams:\n  author: x\n---\n", false},
	{"---\nm: {a: 1}\n---\n", false},
	{"---\nt: |\n  block\n---\n", false},
	{"---\nt: >\n  folded\n---\n", false},
	{"---\nt: a\n  continued\n---\n", false},
	{"---\nt: \"esc\\n\"\n---\n", false},
	{"---\nt: \"multi\n  line\"\n---\n", false},
	{"---\nt:\tx\n---\n", false},
	{"---\n\tt: x\n---\n", false},
	{"---\nt: x\nt: y\n---\n", false},
	{"---\nt:x\n---\n", false},
	{"---\nl: [a, b,]\n---\n", false},
	{"---\nl: [a,\n  b]\n---\n", false},
	{"---\nl: [[a]]\n---\n", false},
	{"---\nl:\n  - a\n - b\n---\n", false},
	{"---\nl:\n  - a: 1\n---\n", false},
	{"---\n- a\n---\n", false},
	{"---\nk: 'unclosed\n---\n", false},
	{"---\nk: a: b\n---\n", false},
	{"---\nk: x\u2028y\n---\n", false},
	{"---\nk: x\u0085y\n---\n", false},
	{"---\n? complex\n: key\n---\n", false},
	{"---\nk: v\n---", false},
	// No front matter is Parse's.
	{"# no front matter\n", false},
}

// TestQuickFrontMatterIsParse checks the quick TOML and JSON reader takes
// the common shapes and reads exactly what document.Parse reads, and that
// it leaves the others to Parse.
func TestQuickFrontMatterIsParse(t *testing.T) {
	for _, c := range quickShapes {
		src := []byte(c.src)
		cut := headCut(src)
		if cut == 0 {
			cut = len(src)
		}
		_, _, _, ok := quickFrontMatter(src[:cut], nil)
		if ok != c.quick {
			t.Errorf("%q: quick %v, want %v", c.src, ok, c.quick)
		}
		sameAsParse(t, src[:cut])
	}
}

// sameAsParse fails when quickFrontMatter takes src and reads other than
// document.Parse.
func sameAsParse(t *testing.T, src []byte) {
	t.Helper()
	format, fields, body, ok := quickFrontMatter(src, nil)
	if !ok {
		return
	}
	// The same with a worker's scratch, used before.
	sc := newHeadScratch(nil)
	quickFrontMatter([]byte("---\ntitle: before\ntags: [x, y]\nl:\n- a\n---\n"), sc)
	if f2, fields2, _, ok2 := quickFrontMatter(src, sc); !ok2 || f2 != format || !reflect.DeepEqual(fields2, fields) {
		t.Fatalf("%q: with a scratch %v %v %#v, without %v %#v", src, ok2, f2, fields2, format, fields)
	}
	doc, err := document.Parse(src)
	if err != nil {
		t.Fatalf("%q: quick read %+v, Parse fails: %v", src, fields, err)
	}
	if string(src[body:]) != string(doc.Body()) {
		t.Fatalf("%q: quick body %q, Parse's %q", src, src[body:], doc.Body())
	}
	if format != doc.Format() || !reflect.DeepEqual(fields, doc.Fields()) {
		t.Fatalf("%q:\nquick %v %#v\nParse %v %#v", src, format, fields, doc.Format(), doc.Fields())
	}
}

// FuzzQuickFrontMatter checks the quick reader against document.Parse on
// any input it takes.
func FuzzQuickFrontMatter(f *testing.F) {
	for _, c := range quickShapes {
		f.Add([]byte(c.src))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cut := headCut(data)
		if cut == 0 {
			return
		}
		sameAsParse(t, data[:cut])
	})
}

// headFiles are whole files for fromHead, read with heads of every length.
var headFiles = []string{
	"---\ntitle: fine head\n---\nbody \x00 binary\n",
	"---\ntitle: fine head\n---\nbody caf\xe9\n",
	"---\ntitle: x\n---\n" + strings.Repeat("é", 40),
	"---\ntitle: never closed\nbody\n",
	"---\ntitle: late\nx: 1\n...\nbody\n",
	"# just Markdown\nbody\n",
	"\n\n  \n---\ntitle: after blank lines\n---\nbody\n",
	"\n\n\n\n---\ntitle: far down\n---\n",
	"{{< figure >}}\nbody\n",
	"{\n  \"title\": \"json\"\n}\nbody\n",
	"{   \"title\": \"json\"}\nbody\n",
	"\ufeff+++\r\ntitle = \"toml\"\r\n+++\r\nbody\r\n",
	"+++\ntitle = \"toml\"\n+++\nbody \x00\n",
	"---\ntitle: [unclosed\n---\nbody\n",
	"---\ntitle: [unclosed\n---\nbody\x00",
	"\xff\xfe-\x00-\x00-\x00",
	"---\ntitle: x\n--- \nbody\n---\n",
	"+++\ntitle = 1\n+++\n+++\n",
	"{\"a\": 1}\n{\"b\": 2}\n",
	"   {\"a\": 1}\n",
	"---\r\ntitle: crlf\r\n---\r\n",
}

// TestFromHeadIsParse reads each of headFiles from heads of every length
// and checks fromHead against parsing the whole file.
func TestFromHeadIsParse(t *testing.T) {
	for _, file := range headFiles {
		for n := 0; n <= len(file); n++ {
			checkFromHead(t, []byte(file), n)
		}
	}
}

// checkFromHead checks fromHead with the first n bytes of data: when it
// takes them, the row is the whole file's when the file is text, and the
// rest it leaves unchecked is what makes the file not text otherwise.
func checkFromHead(t *testing.T, data []byte, n int) {
	t.Helper()
	whole := n == len(data)
	var f File
	if !fromHead(&f, data[:n], whole) {
		return
	}
	var full File
	parse(&full, data)
	parts := withSchema
	if whole {
		parts |= withCounts // the body is known: its counts must be the file's
	}
	want := summarize(&full, nil, parts)
	got := summarize(&f, nil, parts)
	textErr := document.CheckText(data)
	if !whole && textErr != nil {
		if f.rest <= 0 || document.CheckText(data[f.rest:]) == nil {
			t.Fatalf("%q from %d bytes: the file is not text (%v), but not its rest from %d", data, n, textErr, f.rest)
		}
		return
	}
	if whole && f.rest != 0 {
		t.Fatalf("%q: whole file read, rest %d left to check", data, f.rest)
	}
	if (got.Err == nil) != (want.Err == nil) || got.Err != nil && got.Err.Error() != want.Err.Error() ||
		errors.Is(got.Err, ErrBinary) != errors.Is(want.Err, ErrBinary) {
		t.Fatalf("%q from %d bytes: error %v, want %v", data, n, got.Err, want.Err)
	}
	got.Err, want.Err = nil, nil
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q from %d bytes:\n got %+v\nwant %+v", data, n, got, want)
	}
}

// FuzzFromHead checks fromHead against parsing the whole file, for any
// file and head length.
func FuzzFromHead(f *testing.F) {
	for _, s := range headFiles {
		f.Add([]byte(s), uint16(len(s)/2))
	}
	for _, c := range quickShapes {
		f.Add([]byte(c.src+"body\n"), uint16(len(c.src)))
	}
	f.Fuzz(func(t *testing.T, data []byte, n uint16) {
		checkFromHead(t, data, min(int(n), len(data)))
	})
}

// headCutByLines is headCut written plainly, over the whole lines of head
// each trimmed (FuzzHeadCut's reference).
func headCutByLines(head []byte) int {
	open := skipLeadBlank(head)
	var lines []string // whole lines, each with its "\n"
	for _, l := range strings.SplitAfter(string(head[open:]), "\n") {
		if strings.HasSuffix(l, "\n") {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return 0
	}
	trim := func(l string) string { return strings.TrimRight(l, " \t\r\n") }
	pos := open + len(lines[0])
	var closers []string
	switch first := trim(lines[0]); {
	case first == "---":
		closers = []string{"---", "..."}
	case first == "+++":
		closers = []string{"+++"}
	case strings.HasPrefix(first, "{"):
		return bytes.LastIndexByte(head, '\n') + 1
	default:
		return pos
	}
	for _, l := range lines[1:] {
		pos += len(l)
		if slices.Contains(closers, trim(l)) {
			return pos
		}
	}
	return bytes.LastIndexByte(head, '\n') + 1
}

// FuzzHeadCut checks headCut, which trims only the lines that start as a
// delimiter, against headCutByLines.
func FuzzHeadCut(f *testing.F) {
	for _, c := range quickShapes {
		f.Add([]byte(c.src))
	}
	for _, s := range headFiles {
		f.Add([]byte(s))
	}
	f.Add([]byte("---\na: 1\n--- \t\r\nb\n"))
	f.Add([]byte("---\na: 1\n.. .\n...\n"))
	f.Fuzz(func(t *testing.T, head []byte) {
		if got, want := headCut(head), headCutByLines(head); got != want {
			t.Fatalf("headCut(%q) = %d, want %d", head, got, want)
		}
	})
}
