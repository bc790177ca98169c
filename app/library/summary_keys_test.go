package library

import (
	"strings"
	"testing"
)

// TestListKey checks listKey's lookup against listKeyFold's EqualFold
// comparisons and against the fields each key is meant for.
func TestListKey(t *testing.T) {
	for _, c := range []struct {
		k    string
		want summaryKey
	}{
		{"title", keyTitle}, {"Title", keyTitle}, {"TITLE", keyTitle}, {"date", keyDate}, {"publishDate", keyAltDate},
		{"PUBDATE", keyAltDate}, {"published", keyAltDate}, {"category", keyCategory}, {"Categories", keyCategories},
		{"tags", keyTags}, {"tagſ", keyTags}, {"featured", keyFeatured}, {"draft", keyDraft}, {"summary", keyDescription},
		{"Description", keyDescription}, {"deſcription", keyDescription}, {"ſummary", keyDescription},
		{"", keyOther}, {"titles", keyOther}, {"titl", keyOther}, {"author", keyOther}, {"标题", keyOther},
		{"description1", keyOther}, {"title\x00", keyOther}, {"tit\u200ble", keyOther}, {"readTime", keyOther},
	} {
		if got := listKey(c.k); got != c.want {
			t.Errorf("listKey(%q) = %d, want %d", c.k, got, c.want)
		}
		if got := listKeyFold(c.k); got != c.want {
			t.Errorf("listKeyFold(%q) = %d, want %d", c.k, got, c.want)
		}
	}
}

// FuzzListKey checks listKey against listKeyFold on any key.
func FuzzListKey(f *testing.F) {
	for _, k := range []string{"title", "PublishDate", "tagſ", "\u212a", "description", strings.Repeat("a", 12)} {
		f.Add(k)
	}
	f.Fuzz(func(t *testing.T, k string) {
		if got, want := listKey(k), listKeyFold(k); got != want {
			t.Fatalf("listKey(%q) = %d, listKeyFold says %d", k, got, want)
		}
	})
}
