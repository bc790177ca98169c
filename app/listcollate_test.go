package app

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"folio/app/library"
)

// TestTitleOrderIsPinyinNumericAndCaseless: the list sorted by title puts
// Chinese titles in pinyin order, numbers by value and Latin letters
// without regard to case (QA F40: code-point order put 坏 before 大 and
// "10MB" before "1MB").
func TestTitleOrderIsPinyinNumericAndCaseless(t *testing.T) {
	var items []library.Summary
	titles := []string{"无效日期", "坏文件名", "大文件 10MB", "好的", "大文件 1MB", "banana", "Apple", "apricot", "第 2 章", "第 10 章"}
	for i, title := range titles {
		items = append(items, sum(fmt.Sprintf("p%02d.md", i), title, ""))
	}
	c := newCatalog(items)
	var got []string
	for _, i := range c.order(byTitle, false) {
		got = append(got, c.items[i].Title)
	}
	want := []string{"Apple", "apricot", "banana", "大文件 1MB", "大文件 10MB", "第 2 章", "第 10 章", "好的", "坏文件名", "无效日期"}
	if !slices.Equal(got, want) {
		t.Errorf("by title:\n got %q\nwant %q", got, want)
	}
	// Same keys (case or width apart): the path decides.
	c = newCatalog([]library.Summary{sum("a.md", "Ｇｏ", ""), sum("b.md", "go", ""), sum("c.md", "GO", "")})
	if got := paths(c, c.order(byTitle, false)); !slices.Equal(got, []string{"a.md", "b.md", "c.md"}) {
		t.Errorf("equal titles by path: %v", got)
	}
}

// titleKeys makes the keys of a large folder on several goroutines: the
// same keys as one keyer makes, in the same places.
func TestTitleKeysInParallelAreTheKeys(t *testing.T) {
	items := bigTitles(3*keyChunk + 17)
	titles := make([]string, len(items))
	for i := range items {
		titles[i] = items[i].Title
	}
	got := titleKeys(titles)
	k := newTitleKeyer()
	for i, title := range titles {
		if got[i] != k.key(title) {
			t.Fatalf("key %d of %q differs", i, title)
		}
	}
}

// bigTitles is n articles with titles like a large Chinese docs site's.
func bigTitles(n int) []library.Summary {
	words := []string{"人工智能", "大模型", "开源", "数据库", "Go", "Rust", "前端", "云原生", "安全", "编译器", "性能", "设计", "TiDB", "SQL 优化"}
	items := make([]library.Summary, n)
	for i := range items {
		w1, w2 := words[i%len(words)], words[(i/len(words))%len(words)]
		items[i] = sum(fmt.Sprintf("content/%03d/%06d.md", i%500, i), fmt.Sprintf("%s与%s的第 %d 篇笔记", w1, w2, (i*7919)%n), "")
	}
	slices.SortFunc(items, func(a, b library.Summary) int { return strings.Compare(a.Path, b.Path) })
	return items
}

// BenchmarkTitleOrder150k is the title order of 150,000 articles asked for
// the first time: one collation key per title, then a sort on the keys.
func BenchmarkTitleOrder150k(b *testing.B) {
	c := newCatalog(bigTitles(150000))
	for b.Loop() {
		c.orders, c.tkey = nil, nil
		c.order(byTitle, false)
	}
	keys := 0
	for _, k := range c.tkey {
		keys += len(k)
	}
	b.ReportMetric(float64(keys)/float64(len(c.tkey)), "keybytes/title")
}

// BenchmarkTitleOrder150kCodePoint is the peer: the old title order, a
// sort on the folded titles in code-point order.
func BenchmarkTitleOrder150kCodePoint(b *testing.B) {
	c := newCatalog(bigTitles(150000))
	for b.Loop() {
		o := make([]int, len(c.items))
		for i := range o {
			o[i] = i
		}
		slices.SortStableFunc(o, func(a, b int) int {
			if r := strings.Compare(c.title[a], c.title[b]); r != 0 {
				return r
			}
			return strings.Compare(c.items[a].Path, c.items[b].Path)
		})
	}
}

// BenchmarkTitleKeys150k is the keys alone of 150,000 titles.
func BenchmarkTitleKeys150k(b *testing.B) {
	c := newCatalog(bigTitles(150000))
	for b.Loop() {
		titleKeys(c.title)
	}
}
