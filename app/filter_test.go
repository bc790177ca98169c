package app

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"folio/app/library"
	"folio/editor/document"
)

func sum(path, title, date string, opts ...func(*library.Summary)) library.Summary {
	s := library.Summary{Path: path, Title: title, Date: date}
	for _, o := range opts {
		o(&s)
	}
	return s
}

func withTags(t ...string) func(*library.Summary) { return func(s *library.Summary) { s.Tags = t } }
func withSummary(text string) func(*library.Summary) {
	return func(s *library.Summary) {
		s.Description = text
	}
}
func draft(s *library.Summary)    { s.Draft = true }
func featured(s *library.Summary) { s.Featured = true }
func broken(s *library.Summary)   { s.Err = fmt.Errorf("bad") }

// fixture is sorted by path, as the Index gives it.
var fixture = []library.Summary{
	sum("about.md", "About", ""),
	sum("posts/2023/ai.md", "人工智能回顾", "2023-12-30", withTags("AI", "年度"), featured),
	sum("posts/2024/ai.md", "2024 AI Trends", "2024-01-10", withTags("AI"), withSummary("大模型与智能体")),
	sum("posts/2024/go/index.md", "", "2024-03-01", withTags("Go"), draft),
	sum("posts/2024/hello.md", "Hello", "2024-02-01", func(s *library.Summary) { s.Category = "随笔" }),
	sum("posts/bad.md", "", "", broken),
	sum("posts/hello.md", "Hello", "2022-05-05"),
}

func paths(c *catalog, idx []int) []string {
	var out []string
	for _, i := range idx {
		out = append(out, c.items[i].Path)
	}
	return out
}

func TestCatalogFilterAndSort(t *testing.T) {
	mods := map[string]time.Time{"posts/bad.md": time.Unix(300, 0), "about.md": time.Unix(200, 0)}
	items := slices.Clone(fixture)
	for i := range items {
		items[i].Modified = mods[items[i].Path]
	}
	c := newCatalog(items)
	tests := []struct {
		name string
		q    listQuery
		want []string
	}{
		{"all by date, undated last", listQuery{}, []string{"posts/2024/go/index.md", "posts/2024/hello.md", "posts/2024/ai.md", "posts/2023/ai.md", "posts/hello.md", "about.md", "posts/bad.md"}},
		{"title, case-insensitive", listQuery{text: "ai trends", sort: byPath}, []string{"posts/2024/ai.md"}},
		{"chinese title", listQuery{text: "智能", sort: byPath}, []string{"posts/2023/ai.md", "posts/2024/ai.md"}},
		{"chinese summary", listQuery{text: "大模型", sort: byPath}, []string{"posts/2024/ai.md"}},
		{"category", listQuery{text: "随笔"}, []string{"posts/2024/hello.md"}},
		{"tag", listQuery{text: "go", sort: byPath}, []string{"posts/2024/go/index.md"}},
		{"path", listQuery{text: "2023/", sort: byPath}, []string{"posts/2023/ai.md"}},
		{"every word must match", listQuery{text: "ai 年度", sort: byPath}, []string{"posts/2023/ai.md"}},
		{"draft chip", listQuery{draft: true}, []string{"posts/2024/go/index.md"}},
		{"featured chip", listQuery{featured: true}, []string{"posts/2023/ai.md"}},
		{"errors chip", listQuery{broken: true}, []string{"posts/bad.md"}},
		{"by title", listQuery{text: "hello", sort: byTitle}, []string{"posts/2024/hello.md", "posts/hello.md"}},
		{"by modified", listQuery{text: ".md", sort: byModified}, []string{"posts/bad.md", "about.md", "posts/2023/ai.md", "posts/2024/ai.md", "posts/2024/go/index.md", "posts/2024/hello.md", "posts/hello.md"}},
		{"grouped by folder, by date within", listQuery{group: true}, []string{"about.md", "posts/hello.md", "posts/bad.md", "posts/2023/ai.md", "posts/2024/hello.md", "posts/2024/ai.md", "posts/2024/go/index.md"}},
		{"nothing", listQuery{text: "zzz"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := paths(c, c.filter(tc.q, nil, nil))
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %v\nwant %v", got, tc.want)
			}
		})
	}
}

func TestCatalogRefinesThePreviousResult(t *testing.T) {
	c := newCatalog(fixture)
	q1 := listQuery{text: "h", sort: byPath}
	r1 := c.filter(q1, nil, nil)
	q2 := listQuery{text: "he", sort: byPath}
	if got, want := c.filter(q2, &q1, r1), c.filter(q2, nil, nil); !slices.Equal(got, want) {
		t.Errorf("refined %v, full %v", got, want)
	}
	// Deleting a character must not search only the narrower result.
	q3 := listQuery{text: "", sort: byPath}
	if got := c.filter(q3, &q2, c.filter(q2, nil, nil)); len(got) != len(fixture) {
		t.Errorf("after clearing the box: %d rows", len(got))
	}
	// A chip turned off widens too.
	q4 := listQuery{draft: true, sort: byPath}
	if got := c.filter(q3, &q4, c.filter(q4, nil, nil)); len(got) != len(fixture) {
		t.Errorf("after the chip went off: %d rows", len(got))
	}
}

func TestCatalogRowsGroupAndTellSameTitlesApart(t *testing.T) {
	c := newCatalog(fixture)
	q := listQuery{group: true, sort: byPath}
	rows := c.rows(q, c.filter(q, nil, nil))
	var got []string
	for _, r := range rows {
		switch {
		case r.header:
			got = append(got, fmt.Sprintf("[%s %d]", r.folder, r.count))
		case r.same:
			got = append(got, displayTitle(r.s)+"*")
		default:
			got = append(got, displayTitle(r.s))
		}
	}
	want := "[ 1] About [posts 2] bad.md Hello* [posts/2023 1] 人工智能回顾 [posts/2024 2] 2024 AI Trends Hello* [posts/2024/go 1] go/index.md"
	if strings.Join(got, " ") != want {
		t.Errorf("rows:\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
}

// bigCatalog is 10,000 generated articles, Chinese and English.
func bigCatalog() []library.Summary {
	words := []string{"人工智能", "大模型", "开源", "数据库", "Go", "Rust", "前端", "云原生", "安全", "编译器", "性能", "设计"}
	items := make([]library.Summary, 10000)
	for i := range items {
		w1, w2 := words[i%len(words)], words[(i/len(words))%len(words)]
		items[i] = sum(fmt.Sprintf("content/posts/%04d/%05d-post.md", 2000+i%25, i),
			fmt.Sprintf("%s与%s的第 %d 篇笔记", w1, w2, i), fmt.Sprintf("20%02d-%02d-%02d", i%25, 1+i%12, 1+i%28),
			withTags(w1, w2, "tag"+fmt.Sprint(i%100)), withSummary("这是一篇关于"+w1+"和"+w2+"的文章，讨论实践中的取舍。"))
		items[i].Category = words[(i/7)%len(words)]
	}
	slices.SortFunc(items, func(a, b library.Summary) int { return strings.Compare(a.Path, b.Path) })
	return items
}

// keystrokes is a query typed one character at a time.
func keystrokes(q string) []string {
	var out []string
	rs := []rune(q)
	for i := 1; i <= len(rs); i++ {
		out = append(out, string(rs[:i]))
	}
	return out
}

var typed = keystrokes("大模型 设计 tag4")

// BenchmarkFilterKeystroke is one keystroke in the filter box on 10,000
// articles: the list's filter (ns/op is per keystroke).
func BenchmarkFilterKeystroke(b *testing.B) {
	c := newCatalog(bigCatalog())
	c.order(byDate, false)
	b.ResetTimer()
	n := 0
	for b.Loop() {
		var prevQ *listQuery
		var prev []int
		for _, text := range typed {
			q := listQuery{text: text}
			r := c.filter(q, prevQ, prev)
			_ = c.rows(q, r)
			prevQ, prev = &q, r
			n++
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/keystroke")
}

// BenchmarkFilterKeystrokeNaive is the peer: strings.Contains over the
// lower-cased fields of every article at each keystroke, then a sort.
func BenchmarkFilterKeystrokeNaive(b *testing.B) {
	items := bigCatalog()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, text := range typed {
			var out []*library.Summary
			ts := strings.Fields(strings.ToLower(text))
			for i := range items {
				s := &items[i]
				fields := []string{strings.ToLower(s.Title), strings.ToLower(s.Path), strings.ToLower(strings.Join(s.Tags, " ")),
					strings.ToLower(s.Category), strings.ToLower(s.Description)}
				ok := true
				for _, t := range ts {
					found := false
					for _, f := range fields {
						if strings.Contains(f, t) {
							found = true
							break
						}
					}
					if !found {
						ok = false
						break
					}
				}
				if ok {
					out = append(out, s)
				}
			}
			slices.SortFunc(out, func(a, b *library.Summary) int { return -strings.Compare(a.Date, b.Date) })
			n++
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/keystroke")
}

// TestFilterKeystrokeBudget keeps a keystroke on 10,000 articles within a
// frame (16 ms) when FOLIO_LATENCY=1 asks for the timing goal; otherwise,
// on a shared and loaded machine, it only catches a tenfold regression.
func TestFilterKeystrokeBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	c := newCatalog(bigCatalog())
	c.order(byDate, false)
	// Each keystroke's best of 5 runs (the machine is shared), the worst
	// keystroke of the query.
	worst := time.Duration(0)
	var prevQ *listQuery
	var prev []int
	for _, text := range typed {
		q := listQuery{text: text}
		best := time.Hour
		var r []int
		for range 5 {
			start := time.Now()
			r = c.filter(q, prevQ, prev)
			c.rows(q, r)
			best = min(best, time.Since(start))
		}
		worst = max(worst, best)
		prevQ, prev = &q, r
	}
	budget := 160 * time.Millisecond
	if os.Getenv("FOLIO_LATENCY") == "1" {
		budget = 16 * time.Millisecond
	}
	t.Logf("slowest keystroke %v", worst)
	if worst > budget {
		t.Errorf("slowest keystroke %v, budget %v", worst, budget)
	}
}

// BenchmarkNewCatalog is preparing 10,000 articles for filtering, once per
// change of the folder.
func BenchmarkNewCatalog(b *testing.B) {
	items := bigCatalog()
	for b.Loop() {
		c := newCatalog(items)
		c.order(byDate, false)
	}
}

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""}, {"abc 中文", "abc 中文"}, {"Hello 世界", "hello 世界"}, {"ÀÉÎ Straße", "àéî straße"},
		{"ΑΒΓ Москва", "αβγ москва"}, {"ＡＢＣ全角", "ａｂｃ全角"}, {"bad \xff byte", "bad \uFFFD byte"},
	} {
		if got := fold(tc.in); got != tc.want && !(tc.in == "bad \xff byte" && got == tc.in) {
			t.Errorf("fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if tc.in == "abc 中文" && fold(tc.in) != tc.in {
			t.Error("copy")
		}
	}
	for _, s := range []string{"Hello 世界", "ÀÉÎ", "ΑΒΓ Москва", "ＡＢＣ", "ⰀⰁ Ⲁ Ꙁ Ꭰ 𐐀 𞤀 Ⴀ Ա"} {
		if fold(s) != strings.ToLower(s) {
			t.Errorf("fold(%q) = %q, strings.ToLower = %q", s, fold(s), strings.ToLower(s))
		}
	}
}

// TestCatalogExtendMatchesAFreshCatalog grows a catalog in steps, as a
// streamed load does, with orders asked for on the way, and checks that
// every step shows what a catalog built afresh shows, and that extending
// leaves the earlier catalog as it was.
//
// Cases: dates mostly distinct (new rows sorted), dates a few (new rows
// ordered by date buckets, some undated), and steps large enough for the
// new rows to be folded on several goroutines.
func TestCatalogExtendMatchesAFreshCatalog(t *testing.T) {
	for _, tc := range []struct {
		name  string
		steps []int
		date  func(i int, d string) string
	}{
		{"distinct dates", []int{1, 2, 50, 51, 700, 2000, 3000, 3000}, nil},
		{"few dates", []int{1, 2, 50, 51, 700, 2000, 3000, 3000}, func(i int, _ string) string {
			if i%11 == 0 {
				return ""
			}
			return fmt.Sprintf("2026-01-%02d", 1+i*7%5)
		}},
		{"large steps", []int{10, 4000, 13000, 30000}, func(i int, d string) string {
			if i%3 == 0 {
				return d[:8] + "01" // fewer dates
			}
			return d
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			testCatalogExtend(t, tc.steps, tc.date)
		})
	}
}

// testCatalogExtend is TestCatalogExtendMatchesAFreshCatalog growing to
// steps' last number of items in those steps, date(i, date) giving item
// i's date (nil: bigCatalog's).
func testCatalogExtend(t *testing.T, steps []int, date func(i int, d string) string) {
	total := steps[len(steps)-1]
	var items []library.Summary
	for k := 0; len(items) < total; k++ {
		for _, s := range bigCatalog() {
			s.Path = fmt.Sprintf("%02d/%s", k, s.Path)
			items = append(items, s)
		}
	}
	items = items[:total]
	items[total-1].Title = items[5].Title // a same title across steps
	for i := range items {
		items[i].Modified = time.Unix(int64(len(items[i].Path)*7%13+i%3), 0)
		if date != nil {
			items[i].Date = date(i, items[i].Date)
		}
	}
	c := (&catalog{}).extend(nil)
	for _, n := range steps {
		before := slices.Clone(c.order(byDate, false))
		prevSame := slices.Clone(c.same)
		x := c.extend(items[:n])
		if !slices.Equal(c.order(byDate, false), before) || !slices.Equal(c.same, prevSame) {
			t.Fatalf("extending to %d changed the earlier catalog", n)
		}
		c = x
		c.order(byTitle, true) // asked for on the way: merged from now on
		fresh := newCatalog(items[:n])
		if !slices.Equal(c.hays(), fresh.hays()) || !slices.Equal(c.same, fresh.same) || !slices.Equal(c.title, fresh.title) {
			t.Fatalf("%d items: per-item data differs from a fresh catalog", n)
		}
		for _, k := range []sortKey{byDate, byTitle, byModified, byPath} {
			for _, g := range []bool{false, true} {
				if got, want := c.order(k, g), fresh.order(k, g); !slices.Equal(got, want) {
					t.Fatalf("%d items, order %d group %v: %v…, want %v…", n, k, g, got[:min(5, len(got))], want[:min(5, len(want))])
				}
			}
		}
	}
	if !c.same[5] || !c.same[total-1] {
		t.Fatal("a title seen again in a later step is not marked same")
	}
	// Not an extension (other rows): built afresh, still right.
	other := bigCatalog()[3000:3100]
	if x := c.extend(other); !slices.Equal(paths(x, x.order(byPath, false)), paths(newCatalog(other), newCatalog(other).order(byPath, false))) {
		t.Fatal("a catalog of other rows is wrong")
	}
}

// TestCatalogUpdateMatchesAFreshCatalog changes, adds and removes random
// rows, as outside writes and a checkout do, and checks that the updated
// catalog shows what a catalog built afresh shows, and leaves the one it
// updated as it was.
func TestCatalogUpdateMatchesAFreshCatalog(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	items := bigCatalog()[:2000]
	c := newCatalog(items)
	c.order(byDate, false)
	c.order(byTitle, true)
	for step := range 30 {
		next := slices.Clone(items)
		for range 1 + r.IntN(3)*r.IntN(60) {
			i := r.IntN(len(next))
			switch r.IntN(5) {
			case 0:
				next[i].Title = next[r.IntN(len(next))].Title // a same title, maybe
			case 1:
				next[i].Date = fmt.Sprintf("20%02d-01-01", r.IntN(30))
			case 2:
				next[i].Modified = time.Unix(int64(r.IntN(1000)), 0)
			case 3:
				next = slices.Delete(next, i, i+1)
			case 4:
				s := next[i]
				s.Path = strings.TrimSuffix(s.Path, ".md") + "-new.md"
				s.Tags = []string{"新"}
				next = append(next, s)
			}
		}
		slices.SortFunc(next, func(a, b library.Summary) int { return strings.Compare(a.Path, b.Path) })
		next = slices.CompactFunc(next, func(a, b library.Summary) bool { return a.Path == b.Path })
		before := slices.Clone(c.order(byDate, false))
		x := c.update(next)
		if !slices.Equal(c.order(byDate, false), before) {
			t.Fatalf("step %d: updating changed the earlier catalog", step)
		}
		fresh := newCatalog(next)
		if !slices.Equal(x.hays(), fresh.hays()) || !slices.Equal(x.same, fresh.same) || !slices.Equal(x.title, fresh.title) {
			t.Fatalf("step %d: per-item data differs from a fresh catalog", step)
		}
		for _, k := range []sortKey{byDate, byTitle, byModified, byPath} {
			for _, g := range []bool{false, true} {
				if got, want := x.order(k, g), fresh.order(k, g); !slices.Equal(got, want) {
					t.Fatalf("step %d, order %d group %v differs", step, k, g)
				}
			}
		}
		c, items = x, next
	}
}

// TestErrorsChipShowsAnInvalidDate: the "Has errors" chip shows an
// article whose date `folio check` reports as invalid (document.Validate
// with the folder's schema), not only those that do not parse.
func TestErrorsChipShowsAnInvalidDate(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	write(t, filepath.Join(dir, "c.md"), "---\ntitle: 坏日期\ndate: 2024-02-30\n---\n正文\n")
	write(t, filepath.Join(dir, "d.md"), "---\ntitle: 不是日期\ndate: 昨天\n---\n正文\n")
	write(t, filepath.Join(dir, "e.md"), "---\ntitle: 好日期\ndate: 2024-02-03\n---\n正文\n")
	if err := ws.index.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	ws.list.show()
	ws.list.toggleChip(2)
	var got, want []string
	for _, s := range ws.list.articles() {
		got = append(got, s.Path)
	}
	schema := ws.index.Schema()
	for _, s := range ws.index.Summaries() {
		src, _ := os.ReadFile(filepath.Join(dir, s.Path))
		doc, err := document.Parse(src)
		bad := err != nil
		if doc != nil {
			for _, p := range document.Validate(doc.Fields(), schema) {
				bad = bad || p.Severity == document.Error
			}
		}
		if bad {
			want = append(want, s.Path)
		}
	}
	if !slices.Contains(want, "c.md") || !slices.Contains(want, "d.md") {
		t.Fatalf("the fixture's errors are %q", want)
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Fatalf("the errors chip shows %q, Validate finds errors in %q", got, want)
	}
}

// BenchmarkCatalogExtendTail is the last extension of a streamed load of
// 150,000 rows: the list shows the first half ordered by date, and the
// catalog of all of them is built while the list waits. "parallel" folds
// the new rows on GOMAXPROCS goroutines and orders them by date buckets
// (as Folio does), "serial" folds them on one, and "before" (the peer)
// also sorts them with a stable sort, as extend did before.
func BenchmarkCatalogExtendTail(b *testing.B) {
	base := bigCatalog()
	items := make([]library.Summary, 0, 150000)
	for k := 0; len(items) < cap(items); k++ {
		for _, s := range base {
			s.Path = fmt.Sprintf("%02d/%s", k, s.Path)
			items = append(items, s)
		}
	}
	items = items[:150000]
	half := (&catalog{}).extend(items[:75000])
	half.order(byDate, false)
	for _, mode := range []string{"parallel", "serial", "before"} {
		b.Run(mode, func(b *testing.B) {
			if mode != "parallel" {
				defer func(w func(int) int) { foldRowsWorkers = w }(foldRowsWorkers)
				foldRowsWorkers = func(int) int { return 1 }
			}
			if mode == "before" {
				defer func() { extendSortsStably = false }()
				extendSortsStably = true
			}
			for b.Loop() {
				half.extend(items)
			}
		})
	}
}

// TestCatalogMakesHayWhenFirstFiltered checks that a streamed load's
// catalogs make no filter text until a filter text needs it, then all of
// it, as a fresh catalog has it, and that an update carries it over only
// from a catalog that has it all.
func TestCatalogMakesHayWhenFirstFiltered(t *testing.T) {
	items := bigCatalog()[:3000]
	fresh := newCatalog(items)
	want := fresh.hays()
	c := (&catalog{}).extend(items[:1000])
	x := c.extend(items)
	if c.hayN != 0 || x.hayN != 0 {
		t.Fatalf("streamed catalogs made %d and %d hays, want none", c.hayN, x.hayN)
	}
	if got := x.filter(listQuery{sort: byDate}, nil, nil); len(got) != len(items) || x.hayN != 0 {
		t.Fatalf("no filter text: %d rows shown, %d hays made; want %d and none", len(got), x.hayN, len(items))
	}
	q := listQuery{text: "GO 开源", sort: byDate}
	got, wantRows := x.filter(q, nil, nil), fresh.filter(q, nil, nil)
	if len(wantRows) == 0 || len(wantRows) == len(items) || !slices.Equal(got, wantRows) {
		t.Fatalf("filter %q: %d rows, a fresh catalog shows %d of %d", q.text, len(got), len(wantRows), len(items))
	}
	if x.hayN != len(items) || !slices.Equal(x.hay, want) {
		t.Fatalf("after filtering: %d hays made, equal to a fresh catalog's: %v", x.hayN, slices.Equal(x.hay, want))
	}
	// Made for the first rows: an extension keeps them and makes the rest.
	c.hays()
	y := c.extend(items)
	if y.hayN != 1000 || !slices.Equal(y.hays(), want) {
		t.Fatalf("extended from a catalog with its hays: %d carried, equal after making: %v", y.hayN, slices.Equal(y.hays(), want))
	}
	next := slices.Clone(items)
	next[7].Title, next[2000].Description = "Москва", "ГИД"
	wantNext := newCatalog(next).hays()
	lazy := c.extend(items) // none made
	if u := lazy.update(next); u.hayN != 0 || !slices.Equal(u.hays(), wantNext) {
		t.Fatalf("updated from a catalog without hays: %d made, equal after making: %v", u.hayN, slices.Equal(u.hays(), wantNext))
	}
	if u := x.update(next); u.hayN != len(next) || !slices.Equal(u.hay, wantNext) {
		t.Fatalf("updated from a catalog with all hays: %d made, equal: %v", u.hayN, slices.Equal(u.hay, wantNext))
	}
}
