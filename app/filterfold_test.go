package app

import (
	"strings"
	"testing"

	"folio/app/library"
)

// TestContainsFoldIsContainsOfFold checks ASCII folding at match time
// against strings.Contains on the folded text, and that plainFold turns
// away the text it cannot fold (non-ASCII capitals, invalid UTF-8).
func TestContainsFoldIsContainsOfFold(t *testing.T) {
	for _, tc := range []struct {
		h, term string
		plain   bool
	}{
		{"Hello World", "world", true}, {"Hello World", "o w", true}, {"Hello World", "worlds", true},
		{"AAAb", "aab", true}, {"aAaAB", "aab", true}, {"ab", "abc", true}, {"", "a", true},
		{"大模型 Design 2024", "design", true}, {"大模型 Design", "型 d", true}, {"中文标题", "标题", true},
		{"Café Menu", "café m", true}, {"x1-Y2", "1-y", true}, {"Tag4", "tag4", true}, {"tag", "g", true},
		{"ÀÉÎ", "àé", false}, {"Москва", "моск", false}, {"ＡＢＣ", "ａ", false}, {"bad \xff byte", "bad", false},
	} {
		if got := plainFold(tc.h); got != tc.plain {
			t.Errorf("plainFold(%q) = %v, want %v", tc.h, got, tc.plain)
		}
		if !tc.plain {
			continue
		}
		want := strings.Contains(fold(tc.h), tc.term)
		if got := containsFold(tc.h, tc.term); got != want {
			t.Errorf("containsFold(%q, %q) = %v, want %v", tc.h, tc.term, got, want)
		}
	}
	if !containsFold("Hello World", "world") || containsFold("Hello World", "worle") {
		t.Error("positive control")
	}
}

// FuzzContainsFold: for text plainFold accepts, containsFold(h, t) is
// strings.Contains(fold(h), t) for every folded term t.
func FuzzContainsFold(f *testing.F) {
	f.Add("Hello World", "LO w")
	f.Add("大模型 Design", "型 D")
	f.Add("aAaAB", "AAB")
	f.Fuzz(func(t *testing.T, h, term string) {
		if !plainFold(h) {
			return
		}
		term = fold(term)
		if got, want := containsFold(h, term), strings.Contains(fold(h), term); got != want {
			t.Fatalf("containsFold(%q, %q) = %v, want %v", h, term, got, want)
		}
	})
}

// TestCatalogKeepsNoCopyOfPlainText checks that an article whose text
// ASCII folding covers keeps no lower-cased copy, one with Cyrillic
// capitals keeps one, and both match case-insensitively in every field.
func TestCatalogKeepsNoCopyOfPlainText(t *testing.T) {
	items := []library.Summary{
		{Path: "a/Plain.md", Title: "Large Models", Tags: []string{"AI", "Go"}, Category: "Tech", Description: "A Summary 中文"},
		{Path: "b/ru.md", Title: "Москва Guide", Tags: []string{"Travel"}, Category: "Cities"},
	}
	c := newCatalog(items)
	if h := c.hays(); h[0] != "" || h[1] == "" {
		t.Fatalf("hay = %q", c.hays())
	}
	for _, tc := range []struct {
		q    string
		want []int
	}{
		{"large", []int{0}}, {"MODELS ai", []int{0}}, {"plain.md", []int{0}}, {"tech", []int{0}}, {"summary 中文", []int{0}},
		{"g", []int{0, 1}}, {"москва", []int{1}}, {"travel GUIDE", []int{1}}, {"cities", []int{1}},
		{"large москва", nil}, {"models guide", nil},
	} {
		q := listQuery{text: tc.q}
		var got []int
		for i := range c.items {
			if c.matches(i, &q, terms(tc.q), c.hays()) {
				got = append(got, i)
			}
		}
		if len(got) != len(tc.want) || (len(got) > 0 && (got[0] != tc.want[0] || got[len(got)-1] != tc.want[len(tc.want)-1])) {
			t.Errorf("%q matches %v, want %v", tc.q, got, tc.want)
		}
	}
}
