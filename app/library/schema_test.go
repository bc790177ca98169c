package library

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"folio/editor/document"
	"folio/editor/textwidth"
)

// inferAll is the schema document.InferSchema gives for every file of dir,
// read afresh, in path order.
func inferAll(t *testing.T, dir string) *document.Schema {
	t.Helper()
	docs, err := Visit(context.Background(), dir, func(f *File) []document.Field {
		if f.Doc == nil {
			return nil
		}
		fs := slices.Clone(f.Doc.Fields())
		if fs == nil && f.Err == nil {
			fs = []document.Field{}
		}
		return fs
	})
	if err != nil {
		t.Fatal(err)
	}
	var in [][]document.Field
	for _, d := range docs {
		if d != nil {
			in = append(in, d)
		}
	}
	return document.InferSchema(in)
}

// sameSchema compares two schemas; with anyTieOrder, keys seen equally
// often may come in any order.
func sameSchema(t *testing.T, what string, got, want *document.Schema, anyTieOrder bool) {
	t.Helper()
	g, w := slices.Clone(got.Keys), slices.Clone(want.Keys)
	if anyTieOrder {
		byCountKey := func(a, b document.KeySchema) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Key, b.Key)
		}
		slices.SortFunc(g, byCountKey)
		slices.SortFunc(w, byCountKey)
	}
	if got.Docs != want.Docs || len(g) != len(w) {
		t.Fatalf("%s: %d docs %d keys, want %d docs %d keys", what, got.Docs, len(g), want.Docs, len(w))
	}
	for i := range g {
		a, b := g[i], w[i]
		if a.Key != b.Key || a.Type != b.Type || a.Count != b.Count || a.Share != b.Share ||
			!reflect.DeepEqual(a.Types, b.Types) || !reflect.DeepEqual(a.Values, b.Values) || a.Common() != b.Common() {
			t.Fatalf("%s: key %d:\n got %+v (common %v)\nwant %+v (common %v)", what, i, a, a.Common(), b, b.Common())
		}
	}
}

// schemaArticle is a random article for the schema tests: keys with
// values of every type, some long, some null, repeated keys, lists.
func schemaArticle(r *rand.Rand) string {
	vals := []string{"A", "B", "2024-01-02", "2024-01-02T10:00:00Z", "true", "3", "1.5", "[x, y]", "[x, x, 3]", "{a: 1}", "",
		"\"" + strings.Repeat("很长的摘要", 12) + "\"", "|\n  two\n  lines", "[]", "null", "\"2024-13-45\""}
	keys := []string{"title", "date", "tags", "draft", "weight", "summary", "params", "extra"}
	var b strings.Builder
	b.WriteString("---\n")
	for range r.IntN(7) {
		fmt.Fprintf(&b, "%s: %s\n", keys[r.IntN(len(keys))], vals[r.IntN(len(vals))])
	}
	b.WriteString("---\n正文\n")
	if r.IntN(15) == 0 {
		return "---\ntitle: [\n---\n" // broken
	}
	if r.IntN(15) == 0 {
		return "no front matter\n"
	}
	return b.String()
}

// TestIndexSchemaIsInferSchema checks the Index's incremental schema
// against document.InferSchema of all the files read afresh: after a load
// (exactly, key order included), and after each of many random adds,
// rewrites, removals, renames and Folio's own writes (the order of keys
// seen equally often aside).
func TestIndexSchemaIsInferSchema(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 5))
	dir := t.TempDir()
	name := func() string { return fmt.Sprintf("d%d/%02d.md", r.IntN(3), r.IntN(40)) }
	for i := range 3 {
		os.MkdirAll(filepath.Join(dir, fmt.Sprintf("d%d", i)), 0o755)
	}
	for range 60 {
		write(t, filepath.Join(dir, filepath.FromSlash(name())), schemaArticle(r))
	}
	for _, load := range []string{"Load", "LoadStream"} {
		ix := NewIndex(dir)
		var err error
		if load == "Load" {
			err = ix.Load(context.Background())
		} else {
			err = ix.LoadStream(context.Background(), 0, nil)
		}
		if err != nil {
			t.Fatal(err)
		}
		sameSchema(t, load, ix.Schema(), inferAll(t, dir), false)
	}
	ix := NewIndex(dir)
	if err := ix.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	for step := range 300 {
		p := filepath.Join(dir, filepath.FromSlash(name()))
		var what string
		switch k := r.IntN(5); k {
		case 0, 1:
			what = "write " + p
			write(t, p, schemaArticle(r))
			ix.Apply([]Change{{Path: p}})
		case 2:
			what = "remove " + p
			os.Remove(p)
			ix.Apply([]Change{{Path: p, Removed: true}})
		case 3:
			to := filepath.Join(dir, filepath.FromSlash(name()))
			what = "rename " + p + " " + to
			if _, err := os.Stat(p); err != nil || p == to {
				continue
			}
			os.Rename(p, to)
			ix.Remove(to) // a file replaced by the rename
			ix.Rename(p, to)
		case 4:
			what = "put " + p
			text := schemaArticle(r)
			write(t, p, text)
			ix.Put(p, []byte(text))
		}
		sameSchema(t, fmt.Sprintf("step %d (%s)", step, what), ix.Schema(), inferAll(t, dir), true)
	}
}

// TestIndexSample checks that a key's sample is the first article's value,
// its kind and text, and follows the articles.
func TestIndexSample(t *testing.T) {
	ix, dir := loadedIndex(t, map[string]string{
		"a.md": "---\ntitle: A\ndate: 2024-01-02T10:00:00Z\ntags: [x]\n---\n",
		"b.md": "---\ntitle: B\ndate: 2023-05-06\nweight: 3\n---\n",
	})
	if f, ok := ix.Sample("date"); !ok || f.Value.Kind != document.Date || f.Value.Text != "2024-01-02T10:00:00Z" {
		t.Fatalf("date sample %+v %v", f, ok)
	}
	if f, ok := ix.Sample("tags"); !ok || f.Value.Kind != document.List || f.Value.Items != nil {
		t.Fatalf("tags sample %+v %v", f, ok)
	}
	if _, ok := ix.Sample("nope"); ok {
		t.Fatal("a sample of a key no article has")
	}
	ix.Remove(filepath.Join(dir, "b.md"))
	if _, ok := ix.Sample("weight"); ok {
		t.Fatal("the sample of a key no article has any more")
	}
	ix.Put(filepath.Join(dir, "0.md"), []byte("---\ndate: 2020-01-01\n---\n"))
	if f, _ := ix.Sample("date"); f.Value.Text != "2020-01-01" {
		t.Fatalf("date sample %+v, want the first article's", f)
	}
}

// TestValueTypeMatchesInferSchema keeps valueType in step with the types
// document.InferSchema gives.
func TestValueTypeMatchesInferSchema(t *testing.T) {
	for _, text := range []string{"a", "2024-01-02", "2024-1-2", "2024-01-02T10", "2024-01-02 x", "2024-01-02t1", "12024-01-02",
		"2024-001-02", strings.Repeat("x", 80), strings.Repeat("x", 81), strings.Repeat("中", 40), strings.Repeat("中", 41),
		strings.Repeat("，", 41), strings.Repeat("Ａ", 41), strings.Repeat("中", 26) + strings.Repeat("a", 28), strings.Repeat("中", 26) + strings.Repeat("a", 29),
		strings.Repeat("é", 80), strings.Repeat("é", 81), strings.Repeat("🙂", 40), strings.Repeat("🙂", 41),
		strings.Repeat("e\u0301", 80), strings.Repeat("e\u0301", 81), strings.Repeat("┌─", 41), "a\nb", "a\rb", ""} {
		for _, k := range []document.Kind{document.String, document.Date, document.Bool, document.Int, document.Float, document.Null, document.List, document.Map} {
			v := document.Value{Kind: k, Text: text}
			want := document.InferSchema([][]document.Field{{{Key: "k", Value: v}}})
			if got := valueType(v); got != want.Keys[0].Type {
				t.Errorf("valueType(%v %q) = %v, InferSchema says %v", k, text, got, want.Keys[0].Type)
			}
		}
	}
}

// TestFrontMatterOfKeepsExactlyItsValues checks that a row keeps its
// front matter values in one allocation of the right size (the Index
// holds one per article), in key order.
func TestFrontMatterOfKeepsExactlyItsValues(t *testing.T) {
	doc, err := document.Parse([]byte("---\ntitle: \"标题\"\ntags: [\"a\", \"b\", \"c\"]\nmeta: {x: 1}\nempty:\ncount: 3\n---\nbody\n"))
	if err != nil {
		t.Fatal(err)
	}
	fm := frontMatterOf(doc.Fields())
	want := []string{"标题", "a", "b", "c", "3"}
	if !slices.Equal(fm.vals, want) {
		t.Fatalf("vals = %q, want %q", fm.vals, want)
	}
	// The shape (a struct and four slices) and one array of values: a
	// growing array would leave its larger backing array behind the clip.
	fields := doc.Fields()
	if n := testing.AllocsPerRun(10, func() { frontMatterOf(fields) }); n > 6 {
		t.Errorf("frontMatterOf makes %v allocations, want 6", n)
	}
	if got := frontMatterOf(nil); got.vals != nil {
		t.Errorf("no fields: vals = %q, want nil", got.vals)
	}
}

// TestWiderFastPathsMatchColumns checks wider's shortcuts (Latin, the
// common ideographs) against textwidth.Columns, for every rune.
func TestWiderFastPathsMatchColumns(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		full := textwidth.Columns(r) == 2
		s := strings.Repeat(string(r), document.LongTextWidth/2+1) // 82 columns when r is wide, 41 when not
		if wider(s, document.LongTextWidth) != full {
			t.Fatalf("wider(%U × %d) = %v, want %v", r, document.LongTextWidth/2+1, !full, full)
		}
	}
}

// TestWiderMatchesStringColumns checks wider against the width the
// schema's rule gives (textwidth.StringColumns), around the limit, for
// text mixing ASCII, ideographs, the symbols that share their lead byte
// (U+4DC0 counts one column), cut and broken sequences and controls.
func TestWiderMatchesStringColumns(t *testing.T) {
	parts := []string{"a", "中", "䷀", "䶵", "龥", "鿿", "\xe4\xb8", "\xe4", "\xe4\x41\x80", "\xed\xa0\x80", "\t", "é", "🙂", "，", "\u0301", "\x7f"}
	for i, p := range parts {
		for j, q := range parts {
			for n := 30; n <= 90; n += 7 {
				s := strings.Repeat(p, n/len(p)+1) + q + strings.Repeat(parts[(i+j)%len(parts)], 3)
				for _, limit := range []int{0, 10, 40, 79, 80, 81, 200} {
					if got, want := wider(s, limit), textwidth.StringColumns(s) > limit; got != want {
						t.Fatalf("wider(%q, %d) = %v, want %v (%d columns)", s, limit, got, want, textwidth.StringColumns(s))
					}
				}
			}
		}
	}
}

// FuzzWider checks wider against textwidth.StringColumns on any bytes.
func FuzzWider(f *testing.F) {
	for _, s := range []string{"", "中文标题", strings.Repeat("中", 41), strings.Repeat("a中", 30) + "\xe4\xb8", "䷀䷁" + strings.Repeat("x", 79)} {
		f.Add(s, 80)
	}
	f.Fuzz(func(t *testing.T, s string, limit int) {
		if limit < 0 || limit > 1<<20 {
			return
		}
		if got, want := wider(s, limit), textwidth.StringColumns(s) > limit; got != want {
			t.Fatalf("wider(%q, %d) = %v, want %v", s, limit, got, want)
		}
	})
}

// TestInternerFrontMatterIsFrontMatterOf checks that the interner's
// frontMatter, which builds a shape only when it has no equal one, gives
// what frontMatterOf gives, with the shape shared.
func TestInternerFrontMatterIsFrontMatterOf(t *testing.T) {
	var srcs []string
	for _, s := range articleFixtures {
		srcs = append(srcs, s)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 300 {
		srcs = append(srcs, string(genArticle(r, i)))
	}
	var many strings.Builder
	many.WriteString("---\n")
	for i := range 40 {
		fmt.Fprintf(&many, "k%d: v%d\n", i%35, i)
	}
	many.WriteString("---\n")
	srcs = append(srcs, many.String(), "---\ntags: [a, b]\nTags: []\nx: ~\nm: {a: 1}\nl: [[1], {a: 2}, ~, 3]\n---\n")
	in := newInterner()
	for _, src := range srcs {
		doc, err := document.Parse([]byte(src))
		if err != nil {
			continue
		}
		fields := doc.Fields()
		want := frontMatterOf(fields)
		for range 2 { // building the shape, then finding it
			got := in.frontMatter(fields)
			if !reflect.DeepEqual(got.vals, want.vals) || !reflect.DeepEqual(*got.shape, *want.shape) {
				t.Fatalf("%q:\n got %+v %+v\nwant %+v %+v", src, got.vals, *got.shape, want.vals, *want.shape)
			}
			if got.shape != in.shape(want.shape) {
				t.Fatalf("%q: the shape is not the shared one", src)
			}
		}
		if n := testing.AllocsPerRun(5, func() { in.frontMatter(fields) }); n > 1 {
			t.Fatalf("%q: %v allocations for a known shape, want at most 1 (the values)", src, n)
		}
	}
	if len(in.shapes) < 3 {
		t.Fatalf("%d shapes", len(in.shapes))
	}
}
