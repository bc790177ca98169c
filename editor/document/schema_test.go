package document

import (
	"reflect"
	"strings"
	"testing"
)

// Helpers that build values the way the parser does.
func str(s string) Value  { return Value{Kind: String, Text: s} }
func date(s string) Value { return Value{Kind: Date, Text: s} }
func intv(s string) Value { return Value{Kind: Int, Text: s} }
func flt(s string) Value  { return Value{Kind: Float, Text: s} }
func boolv(b bool) Value {
	return Value{Kind: Bool, Text: map[bool]string{true: "true", false: "false"}[b]}
}
func null() Value            { return Value{Kind: Null} }
func mapv(fs ...Field) Value { return Value{Kind: Map, Fields: fs} }
func list(items ...string) Value {
	v := Value{Kind: List, Items: []Value{}}
	for _, it := range items {
		v.Items = append(v.Items, str(it))
	}
	return v
}
func fld(k string, v Value) Field { return Field{Key: k, Value: v} }

// seedDoc is shaped like the seed article's front matter.
func seedDoc(title, category string, featured bool, tags ...string) []Field {
	return []Field{
		fld("title", str(title)),
		fld("summary", str("英文按单词数估算阅读时间，中文没有空格分词，该按什么算？我们统计了 300 篇文章，给出一个简单可用的公式。")),
		fld("category", str(category)),
		fld("author", str("李华")),
		fld("publishDate", str("2024-01-10")),
		fld("readTime", str("12分钟")),
		fld("tags", list(tags...)),
		fld("featured", boolv(featured)),
	}
}

func TestInferSchemaSeedShaped(t *testing.T) {
	docs := [][]Field{
		seedDoc("2024年AI技术发展趋势预测", "行业洞察", true, "AI趋势", "技术预测", "行业分析"),
		seedDoc("第二篇", "技术教程", false, "AI趋势", "Go"),
		seedDoc("第三篇", "行业洞察", false, "Go"),
		append(seedDoc("第四篇", "行业洞察", false, "AI趋势"), fld("draft", boolv(true))),
	}
	s := InferSchema(docs)
	if s.Docs != 4 {
		t.Fatalf("Docs = %d, want 4", s.Docs)
	}
	var keys []string
	for _, k := range s.Keys {
		keys = append(keys, k.Key)
	}
	wantKeys := []string{"title", "summary", "category", "author", "publishDate", "readTime", "tags", "featured", "draft"}
	if !reflect.DeepEqual(keys, wantKeys) {
		t.Errorf("key order = %v, want %v", keys, wantKeys)
	}
	types := map[string]FieldType{
		"title": TypeText, "summary": TypeLongText, "category": TypeText, "author": TypeText,
		"publishDate": TypeDate, "readTime": TypeText, "tags": TypeList, "featured": TypeBool, "draft": TypeBool,
	}
	for key, want := range types {
		k, ok := s.Key(key)
		if !ok {
			t.Errorf("Key(%q) missing", key)
			continue
		}
		if k.Type != want {
			t.Errorf("%s: Type = %v, want %v", key, k.Type, want)
		}
	}

	tags, _ := s.Key("tags")
	wantTags := []ValueCount{{"AI趋势", 3}, {"Go", 2}, {"技术预测", 1}, {"行业分析", 1}}
	if !reflect.DeepEqual(tags.Values, wantTags) {
		t.Errorf("tags values = %v, want %v", tags.Values, wantTags)
	}
	cat, _ := s.Key("category")
	if want := []ValueCount{{"行业洞察", 3}, {"技术教程", 1}}; !reflect.DeepEqual(cat.Values, want) {
		t.Errorf("category values = %v, want %v", cat.Values, want)
	}
	feat, _ := s.Key("featured")
	if want := []ValueCount{{"false", 3}, {"true", 1}}; !reflect.DeepEqual(feat.Values, want) {
		t.Errorf("featured values = %v, want %v", feat.Values, want)
	}
	sum, _ := s.Key("summary")
	if sum.Values != nil {
		t.Errorf("long text keeps values: %v", sum.Values)
	}
	if sum.Types[TypeLongText] != 4 || sum.Types[TypeText] != 0 {
		t.Errorf("summary Types = %v, want 4 long text", sum.Types)
	}

	title, _ := s.Key("title")
	if title.Count != 4 || title.Share != 1 || !title.Common() {
		t.Errorf("title: Count %d Share %v Common %v, want 4, 1, true", title.Count, title.Share, title.Common())
	}
	draft, _ := s.Key("draft")
	if draft.Count != 1 || draft.Share != 0.25 || draft.Common() {
		t.Errorf("draft: Count %d Share %v Common %v, want 1, 0.25, false", draft.Count, draft.Share, draft.Common())
	}
	if _, ok := s.Key("Title"); ok {
		t.Error("Key is case-insensitive, want exact")
	}
}

func TestInferSchemaTypes(t *testing.T) {
	tests := []struct {
		name   string
		values []Value // one article each
		want   FieldType
	}{
		{"dates", []Value{date("2024-01-10"), date("2024-02-01T08:00:00Z")}, TypeDate},
		{"quoted dates count as dates", []Value{str("2024-01-10"), date("2024-01-11")}, TypeDate},
		{"invalid date-shaped strings are dates", []Value{str("2024-13-45"), str("2024-01-10")}, TypeDate},
		{"ints and floats", []Value{intv("1"), flt("2.5"), intv("3")}, TypeNumber},
		{"bools", []Value{boolv(true), boolv(false)}, TypeBool},
		{"lists", []Value{list("a"), list()}, TypeList},
		{"maps", []Value{mapv(fld("name", str("x")))}, TypeMap},
		{"short strings", []Value{str("a"), str("b")}, TypeText},
		{"one long string makes long text", []Value{str("a"), str(strings.Repeat("x", 81))}, TypeLongText},
		{"80 columns is still text", []Value{str(strings.Repeat("x", 80))}, TypeText},
		{"40 hanzi are 80 columns", []Value{str(strings.Repeat("字", 40))}, TypeText},
		{"41 hanzi are long text", []Value{str(strings.Repeat("字", 40) + "。")}, TypeLongText},
		{"fullwidth punctuation is wide", []Value{str(strings.Repeat("字", 39) + "ＡＢ")}, TypeLongText},
		{"multi-line is long text", []Value{str("a\nb")}, TypeLongText},
		{"nulls are ignored", []Value{null(), boolv(true), null()}, TypeBool},
		{"only nulls", []Value{null(), null()}, TypeUnknown},
		{"two thirds wins", []Value{list("a"), list("b"), str("c")}, TypeList},
		{"half is mixed", []Value{list("a"), str("c")}, TypeMixed},
		{"no majority is mixed", []Value{boolv(true), intv("1"), str("x")}, TypeMixed},
		{"three of four wins", []Value{boolv(true), boolv(false), boolv(true), str("yes")}, TypeBool},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var docs [][]Field
			for _, v := range tt.values {
				docs = append(docs, []Field{fld("k", v)})
			}
			k, ok := InferSchema(docs).Key("k")
			if !ok {
				t.Fatal("key missing")
			}
			if k.Type != tt.want {
				t.Errorf("Type = %v, want %v (Types %v)", k.Type, tt.want, k.Types)
			}
			if k.Count != len(tt.values) {
				t.Errorf("Count = %d, want %d", k.Count, len(tt.values))
			}
		})
	}
}

func TestInferSchemaOrderAndCounting(t *testing.T) {
	docs := [][]Field{
		{fld("b", str("1")), fld("a", str("x")), fld("a", str("dup"))},
		{fld("c", str("1")), fld("a", str("x"))},
		{fld("c", str("2")), fld("d", str("1"))},
		{},
	}
	s := InferSchema(docs)
	var got []string
	for _, k := range s.Keys {
		got = append(got, k.Key+":"+itoa(k.Count))
	}
	// a and c appear twice (a first), then b and d once (b first).
	want := []string{"a:2", "c:2", "b:1", "d:1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("keys = %v, want %v", got, want)
	}
	a, _ := s.Key("a")
	if want := []ValueCount{{"x", 2}}; !reflect.DeepEqual(a.Values, want) {
		t.Errorf("a values = %v, want %v (a repeated key counts once)", a.Values, want)
	}
	if a.Share != 0.5 || !a.Common() {
		t.Errorf("a: Share %v Common %v, want 0.5 true", a.Share, a.Common())
	}
	if b, _ := s.Key("b"); b.Common() {
		t.Error("b (1 of 4) is Common")
	}
}

func TestCommonNeedsThreeDocs(t *testing.T) {
	two := InferSchema([][]Field{{fld("k", str("a"))}, {fld("k", str("b"))}})
	if k, _ := two.Key("k"); k.Common() {
		t.Error("a key in 2 of 2 articles is Common, want at least 3 articles seen")
	}
	three := InferSchema([][]Field{{fld("k", str("a"))}, {fld("k", str("b"))}, {}})
	if k, _ := three.Key("k"); !k.Common() {
		t.Error("a key in 2 of 3 articles is not Common")
	}
	four := InferSchema([][]Field{{fld("k", str("a"))}, {}, {}, {}})
	if k, _ := four.Key("k"); k.Common() {
		t.Error("a key in 1 of 4 articles is Common")
	}
}

func TestInferSchemaEmpty(t *testing.T) {
	s := InferSchema(nil)
	if s.Docs != 0 || len(s.Keys) != 0 {
		t.Errorf("InferSchema(nil) = %+v", s)
	}
	var nilSchema *Schema
	if _, ok := nilSchema.Key("x"); ok {
		t.Error("nil schema has a key")
	}
}

func TestListValuesSkipNonScalars(t *testing.T) {
	v := Value{Kind: List, Items: []Value{str("a"), mapv(fld("x", str("y"))), null(), intv("3"), {Kind: List, Items: []Value{str("z")}}}}
	k, _ := InferSchema([][]Field{{fld("k", v)}}).Key("k")
	if want := []ValueCount{{"3", 1}, {"a", 1}}; !reflect.DeepEqual(k.Values, want) {
		t.Errorf("values = %v, want %v", k.Values, want)
	}
}

func TestFieldTypeString(t *testing.T) {
	if got := TypeLongText.String(); got != "long text" {
		t.Errorf("LongText.String() = %q", got)
	}
	if got := FieldType(42).String(); got != "FieldType(42)" {
		t.Errorf("FieldType(42).String() = %q", got)
	}
}

func FuzzInferSchema(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7}, "2024-01-10")
	f.Add([]byte{9, 9, 1, 1, 200, 3}, "x\ny")
	f.Fuzz(func(t *testing.T, plan []byte, text string) {
		// plan drives the articles: each byte picks a key and a kind.
		var docs [][]Field
		var cur []Field
		for _, b := range plan {
			if b%11 == 10 {
				docs = append(docs, cur)
				cur = nil
				continue
			}
			key := string(rune('a' + b%4))
			var v Value
			switch (b / 4) % 8 {
			case 0:
				v = str(text)
			case 1:
				v = date(text)
			case 2:
				v = boolv(b%2 == 0)
			case 3:
				v = intv(text)
			case 4:
				v = list(text, text[:len(text)/2])
			case 5:
				v = mapv(fld(text, str(text)))
			case 6:
				v = null()
			default:
				v = flt(text)
			}
			cur = append(cur, fld(key, v))
		}
		docs = append(docs, cur)
		s := InferSchema(docs)
		if s.Docs != len(docs) {
			t.Fatalf("Docs = %d, want %d", s.Docs, len(docs))
		}
		for i, k := range s.Keys {
			if k.Count < 1 || k.Count > s.Docs {
				t.Fatalf("%s: Count %d out of 1..%d", k.Key, k.Count, s.Docs)
			}
			if i > 0 && s.Keys[i-1].Count < k.Count {
				t.Fatalf("keys not by frequency: %s %d before %s %d", s.Keys[i-1].Key, s.Keys[i-1].Count, k.Key, k.Count)
			}
			n := 0
			for _, c := range k.Types {
				n += c
			}
			if n > k.Count {
				t.Fatalf("%s: Types %v sum over Count %d", k.Key, k.Types, k.Count)
			}
			for j := 1; j < len(k.Values); j++ {
				if k.Values[j-1].Count < k.Values[j].Count {
					t.Fatalf("%s: values not by frequency: %v", k.Key, k.Values)
				}
			}
		}
		// Validate never panics on any article against any schema.
		for _, d := range docs {
			for _, p := range Validate(d, s) {
				if p.Line < 1 || p.Code == "" || p.Msg == "" {
					t.Fatalf("bad problem %+v", p)
				}
			}
		}
	})
}

// TestTextWidthIsFoliosOneRule: a value's display width (long text or
// not) is counted by textwidth like everything else: emoji two columns,
// combining marks none, box drawing one.
func TestTextWidthIsFoliosOneRule(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"abc", 3}, {"中文", 4}, {"，。", 4}, {"🙂", 2}, {"e\u0301", 1}, {"┌──┐", 4}, {"ＡＢ", 4}, {"𠀀", 2},
	} {
		if got := textWidth(tc.s); got != tc.want {
			t.Errorf("textWidth(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}
