package library

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"folio/editor/document"
)

// articleFixtures are the file shapes Scan must read: every front matter
// syntax, none, BOM, CRLF, Chinese values, and broken files.
var articleFixtures = map[string]string{
	"yaml.md": "---\ntitle: \"2024年AI技术发展趋势预测\"\ncategory: \"行业洞察\"\npublishDate: \"2024-01-10\"\n" +
		"tags: [\"AI趋势\", \"技术预测\"]\nfeatured: true\n---\n\n# 标题\n\n随着2024年的到来，AI技术正站在新的节点上。\n",
	"block-list.md":      "---\ntitle: Block list\ndate: 2025-06-02\ntags:\n  - go\n  - 中文\ndraft: true\n---\nSome English words here.\n",
	"toml.md":            "+++\ntitle = \"TOML 文章\"\ndate = 2024-03-01\ncategories = [\"教程\", \"Go\"]\ntags = [\"toml\"]\nfeatured = false\n+++\nbody\n",
	"json.md":            "{\n  \"title\": \"JSON article\",\n  \"date\": \"2023-12-31\",\n  \"category\": \"dev\",\n  \"tags\": [\"json\"],\n  \"draft\": false\n}\nHello world\n",
	"none.md":            "# Just Markdown\n\nNo front matter at all.\n",
	"bom.md":             "\ufeff---\ntitle: 带 BOM\n---\n正文\n",
	"crlf.md":            "---\r\ntitle: CRLF\r\ndate: 2022-02-02\r\ntags: [a]\r\n---\r\nline one\r\n",
	"empty.md":           "",
	"upper.md":           "---\nTitle: Upper Keys\nDate: 2021-01-01\nFeatured: true\n---\n",
	"both-dates.md":      "---\npublishDate: 2020-01-01\ndate: 2020-02-02\n---\n",
	"scalar-tags.md":     "---\ntitle: t\ntags: solo\nfeatured: \"true\"\n---\n",
	"broken/unclosed.md": "---\ntitle: \"unclosed\ndate: 2024-01-01\n---\n正文 text\n",
	"broken/indent.md":   "---\ntitle: a\n  bad: indent\n---\n",
	"broken/no-end.md":   "---\ntitle: never closed\n",
	"binary.md":          "\x00\x01\x02",
}

func TestScan(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, articleFixtures)
	sums, err := Scan(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Title, Date, Category string
		Tags                  []string
		Featured, Draft       bool
		Words, Minutes        int
		Format                document.Format
		Line                  int
	}
	want := map[string]row{
		"yaml.md":            {"2024年AI技术发展趋势预测", "2024-01-10", "行业洞察", []string{"AI趋势", "技术预测"}, true, false, 20, 1, document.YAML, 0},
		"block-list.md":      {"Block list", "2025-06-02", "", []string{"go", "中文"}, false, true, 4, 1, document.YAML, 0},
		"toml.md":            {"TOML 文章", "2024-03-01", "教程", []string{"toml"}, false, false, 1, 1, document.TOML, 0},
		"json.md":            {"JSON article", "2023-12-31", "dev", []string{"json"}, false, false, 2, 1, document.JSON, 0},
		"none.md":            {"", "", "", nil, false, false, 7, 1, document.None, 0},
		"bom.md":             {"带 BOM", "", "", nil, false, false, 2, 1, document.YAML, 0},
		"crlf.md":            {"CRLF", "2022-02-02", "", []string{"a"}, false, false, 2, 1, document.YAML, 0},
		"empty.md":           {"", "", "", nil, false, false, 0, 0, document.None, 0},
		"upper.md":           {"Upper Keys", "2021-01-01", "", nil, true, false, 0, 0, document.YAML, 0},
		"both-dates.md":      {"", "2020-02-02", "", nil, false, false, 0, 0, document.YAML, 0},
		"scalar-tags.md":     {"t", "", "", []string{"solo"}, false, false, 0, 0, document.YAML, 0},
		"broken/unclosed.md": {"", "", "", nil, false, false, 3, 1, document.YAML, 2},
		"broken/indent.md":   {"", "", "", nil, false, false, 0, 0, document.YAML, 3},
		"broken/no-end.md":   {"", "", "", nil, false, false, 3, 1, document.None, 1},
		"binary.md":          {Line: 1},
	}
	if len(sums) != len(want) {
		t.Errorf("Scan found %d files, want %d", len(sums), len(want))
	}
	for _, s := range sums {
		w, ok := want[s.Path]
		if !ok {
			t.Errorf("unexpected %s", s.Path)
			continue
		}
		got := row{s.Title, s.Date, s.Category, s.Tags, s.Featured, s.Draft, s.Words, s.ReadingMinutes, s.Format, s.Line}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("%s:\n got %+v\nwant %+v", s.Path, got, w)
		}
		var pe *document.ParseError
		switch {
		case s.Path == "binary.md":
			if !errors.Is(s.Err, ErrBinary) {
				t.Errorf("%s: error %v, want ErrBinary", s.Path, s.Err)
			}
		case w.Line > 0:
			if !errors.As(s.Err, &pe) || pe.Line != w.Line {
				t.Errorf("%s: error %v, want a parse error on line %d", s.Path, s.Err, w.Line)
			}
		case s.Err != nil:
			t.Errorf("%s: unexpected error %v", s.Path, s.Err)
		}
	}
	// The keys are kept in file order for schema inference.
	for _, s := range sums {
		if s.Path == "yaml.md" {
			keys := s.fm.shape.keys
			if want := []string{"title", "category", "publishDate", "tags", "featured"}; !reflect.DeepEqual(keys, want) {
				t.Errorf("yaml.md fields %q, want %q", keys, want)
			}
		}
	}
}

// TestScanBadFileHidesNothing checks that each kind of bad file keeps its
// row and leaves its neighbours' rows intact.
func TestScanBadFileHidesNothing(t *testing.T) {
	for _, bad := range []string{"---\ntitle: \"x\n---\n", "---\n: : :\n---\n", "\x00", "---\n[\n---\n", "{\"title\": }\n"} {
		dir := t.TempDir()
		writeTree(t, dir, map[string]string{
			"a.md": "---\ntitle: A\n---\n",
			"b.md": bad,
			"c.md": "---\ntitle: C\n---\n",
		})
		sums, err := Scan(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(sums) != 3 || sums[0].Title != "A" || sums[1].Err == nil || sums[2].Title != "C" {
			t.Errorf("bad file %q: rows %+v", bad, sums)
		}
	}
}

func TestSubRun(t *testing.T) {
	vals := []string{"t", "go", "中文", "", "go", "x"}
	for _, c := range []struct {
		items []string
		at    int // -1: nil
	}{{nil, -1}, {[]string{"go"}, 1}, {[]string{"go", "中文"}, 1}, {[]string{"go", "x"}, 4}, {[]string{"中文", "go"}, -1}, {[]string{"x", "y"}, -1}, {vals, 0}} {
		got := subRun(vals, c.items)
		if c.at < 0 {
			if got != nil {
				t.Errorf("subRun(%q) = %q, want nil", c.items, got)
			}
			continue
		}
		if !slices.Equal(got, c.items) || &got[0] != &vals[c.at] || cap(got) != len(got) {
			t.Errorf("subRun(%q) = %q (cap %d), want vals[%d:] without spare room", c.items, got, cap(got), c.at)
		}
	}
}

// TestInternerSharedBytes checks that a worker's scratch gets one shared
// string per short text, copied from the bytes it gave (which it reuses),
// and that a string it shares is the one str gives.
func TestInternerSharedBytes(t *testing.T) {
	in := newInterner()
	b := []byte("后端开发")
	s := in.sharedBytes(b)
	copy(b, "xxxxxxxxxxxx")
	if s != "后端开发" {
		t.Fatalf("the shared string changed with the bytes: %q", s)
	}
	again := in.sharedBytes([]byte("后端开发"))
	in.mu.Lock()
	viaStr := in.str(strings.Clone("后端开发"))
	in.mu.Unlock()
	if unsafe.StringData(again) != unsafe.StringData(s) || unsafe.StringData(viaStr) != unsafe.StringData(s) {
		t.Fatal("equal texts are not one shared string")
	}
	long := bytes.Repeat([]byte("长"), 20) // 60 bytes: not interned
	if got := in.sharedBytes(long); got != string(long) || len(in.m) != 1 {
		t.Fatalf("long text: %q, %d strings interned", got, len(in.m))
	}
	if got := in.sharedBytes(nil); got != "" {
		t.Fatalf("no bytes: %q", got)
	}
}
