package preview

import (
	"reflect"
	"testing"
	"time"
)

func TestMetaFromMap(t *testing.T) {
	date := time.Date(2024, 1, 10, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		in   map[string]any
		want Meta
	}{
		{"seed", map[string]any{
			"title": "T", "summary": "S", "category": "行业洞察", "author": "李华", "publishDate": "2024-01-10",
			"readTime": "12分钟", "tags": []any{"AI趋势", "技术预测"}, "featured": true,
		}, Meta{Title: "T", Summary: "S", Category: "行业洞察", Author: "李华", Date: "2024-01-10", ReadTime: "12分钟", Tags: []string{"AI趋势", "技术预测"}, Featured: true}},
		{"yaml types", map[string]any{
			"Title": "T", "date": date, "reading_time": 7, "categories": []any{"a", "b"}, "authors": []any{"x", map[any]any{"name": "y"}},
			"keywords": "k1, k2", "draft": "yes", "cover": "img/c.png", "description": "D",
		}, Meta{Title: "T", Summary: "D", Author: "x, y", Date: "2024-01-10", ReadTime: "7 min", Category: "a / b", Tags: []string{"k1", "k2"}, Draft: true, Cover: "img/c.png"}},
		{"time with clock", map[string]any{"date": time.Date(2024, 1, 10, 9, 30, 0, 0, time.UTC)}, Meta{Date: "2024-01-10 09:30"}},
		{"empty", map[string]any{}, Meta{}},
		{"nil values", map[string]any{"title": nil, "tags": nil}, Meta{}},
	} {
		if got := MetaFromMap(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

func TestEstimateReadTime(t *testing.T) {
	cjk := make([]rune, 900)
	for i := range cjk {
		cjk[i] = '中'
	}
	if got := estimateReadTime([]byte(string(cjk))); got != "3 min" {
		t.Errorf("900 Chinese characters: %s, want 3 min", got)
	}
	if got := estimateReadTime([]byte("two words")); got != "1 min" {
		t.Errorf("two words: %s", got)
	}
}

// TestEmptyBodyHasNoReadTime: an empty new article shows no reading time
// (the card said "1 min" while the status bar said 0; found by QA).
func TestEmptyBodyHasNoReadTime(t *testing.T) {
	if got := estimateReadTime([]byte("\n\n")); got != "" {
		t.Errorf("empty body: %q", got)
	}
	if got := estimateReadTime([]byte("一些文字")); got == "" {
		t.Error("a body with text has no reading time")
	}
}
