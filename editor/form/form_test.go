package form

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"folio/editor/document"
)

// harness is a form in a test window wired like the app: an edit is
// applied to the text the editor holds, and the new text comes back to the
// form through Update.
type harness struct {
	t     *testing.T
	f     *Form
	w     fyne.Window
	text  []byte
	edits []document.Edit
	goto_ int
	esc   int
}

func readSample(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../../assets/samples/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// folderSchema is the schema of the samples plus three articles that use
// series and a few tags, so that series is a common key.
func folderSchema(t testing.TB) *document.Schema {
	var docs [][]document.Field
	for _, n := range []string{"2024-ai-trends.md", "folio-markdown-guide.md", "go-fyne-desktop.md", "reading-time.md"} {
		d, err := document.Parse(readSample(t, n))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d.Fields())
	}
	for i := 0; i < 4; i++ {
		d, err := document.Parse([]byte(fmt.Sprintf("---\ntitle: t%d\nseries: AI 观察\ncategory: 技术实践\ntags: [大模型, AI趋势, 开源]\n---\n", i)))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d.Fields())
	}
	return document.InferSchema(docs)
}

var shanghai = func() *time.Location {
	l, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		return time.FixedZone("CST", 8*3600)
	}
	return l
}()

func testOptions() Options {
	return Options{
		Location: shanghai,
		Now:      func() time.Time { return time.Date(2025, 6, 2, 1, 30, 0, 0, time.UTC) },
	}
}

func newHarness(t *testing.T, text []byte, schema *document.Schema) *harness {
	t.Helper()
	test.NewTempApp(t)
	h := &harness{t: t, text: text}
	h.f = New(testOptions())
	// No idle commits unless a test asks (TestTypingIsWrittenAfterAPause):
	// the test driver's fyne.Do would run them on the timer's goroutine,
	// racing the test (and a later test) for the shaper.
	h.f.later = func(time.Duration, func()) func() bool { return func() bool { return false } }
	h.f.SetSchema(schema)
	h.f.OnEdit = func(e document.Edit) {
		h.edits = append(h.edits, e)
		h.text = e.Apply(h.text)
		d, _ := document.Parse(h.text)
		h.f.Update(d)
	}
	h.f.OnGotoLine = func(l int) { h.goto_ = l }
	h.f.OnEscape = func() { h.esc++ }
	d, _ := document.Parse(text)
	h.f.SetDocument("content/post.md", d)
	h.w = test.NewTempWindow(t, h.f)
	h.w.Resize(fyne.NewSize(520, 1400))
	return h
}

// step runs do and checks it made exactly one edit that changed one line
// into want (or added the line want, or removed one line when want is "").
func (h *harness) step(name string, want string, do func()) {
	h.t.Helper()
	before := string(h.text)
	n := len(h.edits)
	do()
	if len(h.edits) != n+1 {
		h.t.Fatalf("%s: %d edits, want 1", name, len(h.edits)-n)
	}
	a, b := strings.Split(before, "\n"), strings.Split(string(h.text), "\n")
	var got []string // the new lines
	switch {
	case len(a) == len(b):
		for i := range a {
			if a[i] != b[i] {
				got = append(got, b[i])
			}
		}
	case len(b) == len(a)+1, len(b) == len(a)-1:
		i := 0
		for i < len(a) && i < len(b) && a[i] == b[i] {
			i++
		}
		if len(b) > len(a) {
			got = []string{b[i]}
			if strings.Join(append(append([]string{}, b[:i]...), b[i+1:]...), "\n") != before {
				h.t.Fatalf("%s: more than one line added:\n%s", name, h.text)
			}
		} else if strings.Join(append(append([]string{}, a[:i]...), a[i+1:]...), "\n") != string(h.text) {
			h.t.Fatalf("%s: more than one line removed:\n%s", name, h.text)
		}
	default:
		h.t.Fatalf("%s: line count %d → %d:\n%s", name, len(a), len(b), h.text)
	}
	switch {
	case want == "" && len(got) == 0 && len(b) == len(a)-1:
	case len(got) != 1 || got[0] != want:
		h.t.Fatalf("%s: changed lines %q, want %q\n%s", name, got, want, h.text)
	}
	if d, err := document.Parse(h.text); err != nil {
		h.t.Fatalf("%s: the result does not parse: %v", name, err)
	} else if body, _ := document.Parse([]byte(before)); string(d.Body()) != string(body.Body()) {
		h.t.Fatalf("%s changed the body", name)
	}
}

func (h *harness) noEdit(name string, do func()) {
	h.t.Helper()
	n := len(h.edits)
	do()
	if len(h.edits) != n {
		h.t.Fatalf("%s: %d edits, want none:\n%s", name, len(h.edits)-n, h.text)
	}
}

func (h *harness) entry(key string) *entryRow {
	h.t.Helper()
	r, ok := h.f.byKey[key].(*entryRow)
	if !ok {
		h.t.Fatalf("%s is not an entry row: %T", key, h.f.byKey[key])
	}
	return r
}

func (h *harness) long(key string) *longRow {
	h.t.Helper()
	r, ok := h.f.byKey[key].(*longRow)
	if !ok {
		h.t.Fatalf("%s is not a long-text row: %T", key, h.f.byKey[key])
	}
	return r
}

func (h *harness) list(key string) *listRow {
	h.t.Helper()
	r, ok := h.f.byKey[key].(*listRow)
	if !ok {
		h.t.Fatalf("%s is not a list row: %T", key, h.f.byKey[key])
	}
	return r
}

// typeAndEnter replaces an entry's text as a person would: focus, select
// all, type, Enter.
func (h *harness) typeAndEnter(e *fieldEntry, text string) {
	h.w.Canvas().Focus(e)
	e.SetText("")
	test.Type(e, text)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

func pillTexts(objs []fyne.CanvasObject) []string {
	var out []string
	for _, o := range objs {
		if p := o.(*pill); !p.caption {
			out = append(out, p.text)
		}
	}
	return out
}

func tapPill(t *testing.T, objs []fyne.CanvasObject, text string) {
	t.Helper()
	for _, o := range objs {
		if p := o.(*pill); p.text == text {
			test.Tap(p)
			return
		}
	}
	t.Fatalf("no pill %q in %q", text, pillTexts(objs))
}

func TestKinds(t *testing.T) {
	h := newHarness(t, readSample(t, "2024-ai-trends.md"), folderSchema(t))
	want := map[string]rowKind{
		"title": kText, "summary": kLong, "category": kSelect, "author": kSelect,
		"publishDate": kDate, "readTime": kReadTime, "tags": kList, "featured": kBool,
	}
	var keys []string
	for _, r := range h.f.rows {
		keys = append(keys, r.base().key)
		if k, ok := want[r.base().key]; !ok || k != r.base().kind {
			t.Errorf("%s: kind %d, want %d", r.base().key, r.base().kind, k)
		}
	}
	if got := strings.Join(keys, " "); got != "title summary category author publishDate readTime tags featured" {
		t.Errorf("rows in order %q", got)
	}
	if got := h.f.info.Text; got != "YAML · 8 fields" {
		t.Errorf("header %q", got)
	}
	if h.f.pathLabel.Text != "content/post.md" {
		t.Errorf("path %q", h.f.pathLabel.Text)
	}
	if got := pillTexts(h.f.missing.Objects); strings.Join(got, ",") != "+ series" {
		t.Errorf("missing keys %q, want + series", got)
	}
}

func TestYAMLSeedEveryField(t *testing.T) {
	seed := readSample(t, "2024-ai-trends.md")
	h := newHarness(t, seed, folderSchema(t))

	h.step("title", `title: "2025年AI技术展望"`, func() { h.typeAndEnter(h.entry("title").entry, "2025年AI技术展望") })
	h.noEdit("title unchanged", func() { h.entry("title").entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })

	sum := h.long("summary").src
	h.step("summary", `summary: "一句新的摘要，讲清楚人工智能的下一步。"`, func() {
		h.w.Canvas().Focus(sum)
		sum.TypedShortcut(&fyne.ShortcutSelectAll{})
		test.Type(sum, "一句新的摘要，讲清楚人工智能的下一步。")
		h.w.Canvas().Focus(h.entry("title").entry) // leaving the field commits it
	})

	cat := h.entry("category")
	if got := pillTexts(cat.suggest.Objects); len(got) == 0 || got[0] != "技术实践" {
		t.Fatalf("category suggestions %q, want 技术实践 first", got)
	}
	h.step("category from a suggestion", `category: "技术实践"`, func() { tapPill(t, cat.suggest.Objects, "技术实践") })
	h.step("author typed", `author: "王小明"`, func() { h.typeAndEnter(h.entry("author").entry, "王小明") })

	date := h.entry("publishDate")
	h.step("invalid date", `publishDate: "2024-13-45"`, func() { h.typeAndEnter(date.entry, "2024-13-45") })
	if !date.flag.Visible() || !strings.Contains(date.flag.Text, "YYYY-MM-DD") {
		t.Errorf("invalid date not flagged: %v %q", date.flag.Visible(), date.flag.Text)
	}
	h.step("date now", `publishDate: "2025-06-02"`, func() { test.Tap(date.action) })
	if date.flag.Visible() {
		t.Error("a valid date is still flagged")
	}

	d, _ := document.Parse(h.text)
	mins := document.CountText(d.Body()).ReadingMinutes()
	rt := h.entry("readTime")
	h.step("read time", fmt.Sprintf(`readTime: "%d分钟"`, mins), func() {
		test.Tap(rt.action)
	})
	if mins == 12 {
		t.Log("the computed reading time equals the old one")
	}

	tags := h.list("tags")
	h.w.Canvas().Focus(tags.entry)
	test.Type(tags.entry, "大")
	if got := pillTexts(tags.suggest.Objects); strings.Join(got, ",") != "大模型" {
		t.Fatalf("suggestions for 大: %q", got)
	}
	h.step("tag from autocomplete", `tags: ["AI趋势", "技术预测", "行业分析", "大模型"]`, func() { tapPill(t, tags.suggest.Objects, "大模型") })
	if tags.entry.Text != "" {
		t.Errorf("entry keeps %q after adding", tags.entry.Text)
	}
	h.step("tag typed with a fullwidth comma", `tags: ["AI趋势", "技术预测", "行业分析", "大模型", "新标签"]`, func() {
		h.w.Canvas().Focus(tags.entry)
		test.Type(tags.entry, "新标签，")
	})
	h.step("tag typed with Enter", `tags: ["AI趋势", "技术预测", "行业分析", "大模型", "新标签", "Go"]`, func() { h.typeAndEnter(tags.entry, "Go") })
	h.noEdit("tag already there", func() { h.typeAndEnter(tags.entry, "Go") })
	h.step("remove a chip", `tags: ["技术预测", "行业分析", "大模型", "新标签", "Go"]`, func() {
		chip := tags.chips.Objects[0].(*pill)
		chip.onRemove()
	})

	h.step("featured", "featured: false", func() { test.Tap(h.f.byKey["featured"].(*boolRow).check) })

	h.step("add a missing key", `series: ""`, func() { tapPill(t, h.f.missing.Objects, "+ series") })
	if h.f.info.Text != "YAML · 9 fields" {
		t.Errorf("header after adding: %q", h.f.info.Text)
	}
	h.step("series from its suggestion", `series: "AI 观察"`, func() {
		tapPill(t, h.entry("series").suggest.Objects, "AI 观察")
	})
	h.step("add a key by name", `weight: ""`, func() { h.typeAndEnter(h.f.addEntry, "weight") })
	h.step("remove a field", "", func() { test.Tap(h.f.byKey["author"].base().remove) })
	if _, ok := h.f.byKey["author"]; ok {
		t.Error("the removed field still has a row")
	}

	// Everything else stays byte for byte: the body and the untouched lines.
	if !strings.HasSuffix(string(h.text), string(seed[strings.Index(string(seed), "\n---\n"):])) {
		t.Error("the body changed")
	}
}

func TestTOMLSample(t *testing.T) {
	h := newHarness(t, readSample(t, "folio-markdown-guide.md"), folderSchema(t))
	if h.f.info.Text != "TOML · 9 fields" {
		t.Errorf("header %q", h.f.info.Text)
	}
	h.step("title", `title = "写作指南"`, func() { h.typeAndEnter(h.entry("title").entry, "写作指南") })
	date := h.entry("publishDate")
	h.step("bare date keeps its style", "publishDate = 2024-03-05", func() { h.typeAndEnter(date.entry, "2024-03-05") })
	h.step("draft", "draft = true", func() { test.Tap(h.f.byKey["draft"].(*boolRow).check) })
	tags := h.list("tags")
	h.step("tag", `tags = ["Markdown", "写作", "入门", "大模型"]`, func() { tapPill(t, tags.suggest.Objects, "大模型") })
	h.step("add", `series = ""`, func() { tapPill(t, h.f.missing.Objects, "+ series") })
}

func TestJSONSample(t *testing.T) {
	h := newHarness(t, readSample(t, "go-fyne-desktop.md"), folderSchema(t))
	if h.f.info.Text != "JSON · 8 fields" {
		t.Errorf("header %q", h.f.info.Text)
	}
	h.step("title", `  "title": "Go 桌面应用",`, func() { h.typeAndEnter(h.entry("title").entry, "Go 桌面应用") })
	h.step("featured", `  "featured": true`, func() { test.Tap(h.f.byKey["featured"].(*boolRow).check) })
	tags := h.list("tags")
	h.step("remove a tag", `  "tags": ["Go", "Fyne", "GUI"],`, func() { tags.chips.Objects[2].(*pill).onRemove() })
	h.step("date now", `  "publishDate": "2025-06-02",`, func() { h.entry("publishDate").setNow() })
	// JSON needs a comma after the last member: one line gains it, one is added.
	before := string(h.text)
	tapPill(t, h.f.missing.Objects, "+ series")
	want := strings.Replace(before, "\"featured\": true\n}", "\"featured\": true,\n  \"series\": \"\"\n}", 1)
	if string(h.text) != want {
		t.Errorf("add in JSON:\n%s", h.text)
	}
}

func TestNumberKeepsIntOrFloat(t *testing.T) {
	src := "---\ntitle: A\nweight: 3\nscore: 4.5\n---\nbody\n"
	h := newHarness(t, []byte(src), nil)
	w, s := h.entry("weight"), h.entry("score")
	if w.kind != kNumber || s.kind != kNumber {
		t.Fatalf("kinds %d %d", w.kind, s.kind)
	}
	h.step("int", "weight: 10", func() { h.typeAndEnter(w.entry, "10") })
	h.step("float", "score: 5.0", func() { h.typeAndEnter(s.entry, "5") })
	h.noEdit("not a number", func() { h.typeAndEnter(w.entry, "ten") })
	if !w.flag.Visible() {
		t.Error("not flagged")
	}
}

func TestRawValueBox(t *testing.T) {
	src := "---\ntitle: A\nauthor:\n  name: 李华 # pen name\n  url: https://x.cn\nmenu:\n  - name: main\n    weight: 1\n---\nbody\n"
	h := newHarness(t, []byte(src), nil)
	r, ok := h.f.byKey["author"].(*rawRow)
	if !ok {
		t.Fatalf("author row is %T", h.f.byKey["author"])
	}
	if _, ok := h.f.byKey["menu"].(*rawRow); !ok {
		t.Fatalf("menu row is %T", h.f.byKey["menu"])
	}
	if r.entry.Text != "name: 李华 # pen name\nurl: https://x.cn" {
		t.Fatalf("raw text %q", r.entry.Text)
	}
	h.step("raw edit", "  url: https://y.cn", func() {
		r.entry.SetText("name: 李华 # pen name\nurl: https://y.cn")
		test.Tap(r.apply)
	})
	h.noEdit("invalid raw text", func() {
		r.entry.SetText("name: [李华\nurl: x")
		test.Tap(r.apply)
	})
	if !r.errMsg.Visible() {
		t.Error("the error of an invalid raw value is not shown")
	}
}

func TestBrokenFrontMatter(t *testing.T) {
	seed := readSample(t, "2024-ai-trends.md")
	h := newHarness(t, seed, nil)
	broken := strings.Replace(string(seed), `author: "李华"`, `author: "李华`, 1)
	d, err := document.Parse([]byte(broken))
	if err == nil {
		t.Fatal("expected a parse error")
	}
	h.f.Update(d)
	if !h.f.errBox.Visible() || !strings.Contains(h.f.errLabel.Text, "line") {
		t.Fatalf("error not shown: %q", h.f.errLabel.Text)
	}
	test.Tap(h.f.gotoBtn)
	if h.goto_ < 2 || h.goto_ > 6 {
		t.Errorf("goto line %d", h.goto_)
	}
	title := h.entry("title")
	if !title.entry.Disabled() || !h.f.addEntry.Disabled() {
		t.Error("fields are not read-only")
	}
	h.noEdit("no edits while broken", func() {
		test.Tap(h.f.byKey["featured"].(*boolRow).check)
		h.f.byKey["tags"].(*listRow).add("x")
		title.setText("y")
	})
	d, _ = document.Parse(seed)
	h.f.Update(d)
	if h.f.errBox.Visible() || title.entry.Disabled() {
		t.Error("fixed text leaves the form broken")
	}
	if title.entry.Text != "2024年AI技术发展趋势预测" {
		t.Errorf("title %q", title.entry.Text)
	}
}

func TestUpdateKeepsTheFocusedField(t *testing.T) {
	seed := readSample(t, "2024-ai-trends.md")
	h := newHarness(t, seed, nil)
	title := h.entry("title").entry
	h.w.Canvas().Focus(title)
	title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	test.Type(title, "！")
	col := title.CursorColumn
	// The editor changes another field and the title itself.
	next := strings.Replace(string(seed), "李华", "李明", 1)
	next = strings.Replace(next, "2024年AI技术发展趋势预测\"", "2024年AI技术\"", 1)
	d, _ := document.Parse([]byte(next))
	rowsBefore := h.f.rows[0]
	h.f.Update(d)
	if h.f.rows[0] != rowsBefore {
		t.Error("the rows were rebuilt for a value change")
	}
	if h.w.Canvas().Focused() != title || title.Text != "2024年AI技术发展趋势预测！" || title.CursorColumn != col {
		t.Errorf("focused field lost its state: focus %v text %q col %d/%d", h.w.Canvas().Focused() == title, title.Text, title.CursorColumn, col)
	}
	if got := h.entry("author").entry.Text; got != "李明" {
		t.Errorf("author %q", got)
	}
	// A new key rebuilds the list but keeps the focused row.
	next = strings.Replace(next, "featured: true\n", "featured: true\ndraft: false\n", 1)
	d, _ = document.Parse([]byte(next))
	h.f.Update(d)
	if h.w.Canvas().Focused() != title || h.f.info.Text != "YAML · 9 fields" {
		t.Errorf("after a new key: focus %v, header %q", h.w.Canvas().Focused() == title, h.f.info.Text)
	}
}

func TestKeyboard(t *testing.T) {
	h := newHarness(t, readSample(t, "2024-ai-trends.md"), nil)
	h.f.FocusFirst()
	if h.w.Canvas().Focused() != h.entry("title").entry {
		t.Fatalf("FocusFirst focused %T", h.w.Canvas().Focused())
	}
	h.w.Canvas().FocusNext()
	if h.w.Canvas().Focused() != h.long("summary").src {
		t.Errorf("Tab went to %T", h.w.Canvas().Focused())
	}
	h.w.Canvas().FocusNext()
	h.w.Canvas().FocusPrevious()
	if h.w.Canvas().Focused() != h.long("summary").src {
		t.Errorf("Shift+Tab went to %T", h.w.Canvas().Focused())
	}
	h.long("summary").src.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if h.esc != 1 {
		t.Errorf("Escape called OnEscape %d times", h.esc)
	}
}

func TestTaxonomiesFromOptions(t *testing.T) {
	src := "---\ntitle: A\nseries: 观察\ntopics:\n---\n"
	test.NewTempApp(t)
	f := New(Options{Taxonomies: []string{"topics", "series"}})
	d, _ := document.Parse([]byte(src))
	f.SetDocument("a.md", d)
	if f.byKey["topics"].base().kind != kList {
		t.Errorf("an empty taxonomy is not a list")
	}
	if f.byKey["series"].base().kind != kSelect {
		t.Errorf("a taxonomy with one string value is not a select")
	}
}

func TestAFieldOfTheLastArticleWritesNothing(t *testing.T) {
	h := newHarness(t, readSample(t, "2024-ai-trends.md"), nil)
	title := h.entry("title").entry
	h.w.Canvas().Focus(title)
	test.Type(title, "typed for the old article")
	other, _ := document.Parse(readSample(t, "reading-time.md"))
	h.f.SetDocument("reading-time.md", other)
	h.noEdit("focus lost after the switch", func() { h.w.Canvas().Focus(h.entry("title").entry) })
	if got := h.entry("title").entry.Text; got != "中文文章的阅读时长该怎么算？" {
		t.Errorf("new title field %q", got)
	}
}

func TestCommitWritesTheFocusedField(t *testing.T) {
	h := newHarness(t, readSample(t, "2024-ai-trends.md"), nil)
	author := h.entry("author").entry
	h.w.Canvas().Focus(author)
	author.SetText("王五")
	h.step("commit before saving", `author: "王五"`, h.f.Commit)
	if h.w.Canvas().Focused() != author {
		t.Error("Commit moved the focus")
	}
}

func TestArticleWithoutFrontMatter(t *testing.T) {
	h := newHarness(t, []byte("# 标题\n\n正文。\n"), folderSchema(t))
	if got := h.f.info.Text; got != "No front matter · 0 fields" {
		t.Errorf("header %q", got)
	}
	tapPill(t, h.f.missing.Objects, "+ title")
	if got := string(h.text); got != "---\ntitle: \"\"\n---\n# 标题\n\n正文。\n" {
		t.Fatalf("text %q", got)
	}
	h.step("then the title", `title: "新文章"`, func() { h.typeAndEnter(h.entry("title").entry, "新文章") })
}

func TestSwitchingArticles(t *testing.T) {
	h := newHarness(t, readSample(t, "2024-ai-trends.md"), nil)
	tags := h.list("tags")
	test.Type(tags.entry, "半截")
	title := h.entry("title")
	other, _ := document.Parse(readSample(t, "go-fyne-desktop.md"))
	h.f.SetDocument("go-fyne-desktop.md", other)
	if h.entry("title") != title {
		t.Error("a row of the same key and widget was not reused")
	}
	if got := title.entry.Text; got != "用 Go + Fyne 写一个跨平台桌面应用" {
		t.Errorf("title %q", got)
	}
	if tags.entry.Text != "" || len(tags.chips.Objects) != 4 {
		t.Errorf("tags: typed %q, %d chips", tags.entry.Text, len(tags.chips.Objects))
	}
	broken, _ := document.Parse([]byte("---\ntitle: \"open\n---\n"))
	h.f.SetDocument("broken.md", broken)
	if len(h.f.rows) != 0 || !h.f.errBox.Visible() {
		t.Errorf("a broken article shows %d rows of the last one", len(h.f.rows))
	}
}

func TestHeaderCountsFieldsInTheSingularAndPlural(t *testing.T) {
	test.NewTempApp(t)
	f := New(Options{})
	for _, c := range []struct {
		text, want string
	}{
		{"---\ntitle: a\n---\n", "YAML · 1 field"},
		{"---\ntitle: a\ndraft: true\n---\n", "YAML · 2 fields"},
		{"+++\n+++\n", "TOML · 0 fields"},
	} {
		d, err := document.Parse([]byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		f.SetDocument("x", d)
		if got := f.info.Text; got != c.want {
			t.Errorf("%q: header %q, want %q", c.text, got, c.want)
		}
	}
}

func TestNoFolderSuggestionsForAPagesOwnKeys(t *testing.T) {
	test.NewTempApp(t)
	var docs [][]document.Field
	for i := 0; i < 3; i++ {
		d, err := document.Parse([]byte(fmt.Sprintf("---\ntitle: t%d\naliases: [/old/%d/]\ntags: [go]\nslug: s%d\n---\n", i, i, i)))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d.Fields())
	}
	f := New(Options{})
	f.SetSchema(document.InferSchema(docs))
	d, _ := document.Parse([]byte("---\ntitle: x\naliases: []\ntags: []\nslug: \"\"\n---\n"))
	f.OnEdit = func(document.Edit) {}
	f.SetDocument("x.md", d)
	if n := len(f.byKey["aliases"].(*listRow).suggest.Objects); n != 0 {
		t.Errorf("aliases suggests %d other pages' aliases", n)
	}
	if n := len(f.byKey["tags"].(*listRow).suggest.Objects); n == 0 {
		t.Error("tags suggests nothing (the test is broken)")
	}
	if r, ok := f.byKey["slug"].(*entryRow); ok && r.suggest != nil && len(r.suggest.Objects) != 0 {
		t.Errorf("slug suggests %d other pages' slugs", len(r.suggest.Objects))
	}
}

// TestANewSchemaKeepsTheChips: a schema that changed elsewhere (another
// article's title) rebuilds the rows, but a list whose items stayed keeps
// its chips: new chips are new icons, drawn again in the next frame.
func TestANewSchemaKeepsTheChips(t *testing.T) {
	test.NewTempApp(t)
	f := New(Options{})
	f.OnEdit = func(document.Edit) {}
	schema := func(title string) *document.Schema {
		d, err := document.Parse([]byte("---\ntitle: " + title + "\ntags: [go, fyne]\n---\n"))
		if err != nil {
			t.Fatal(err)
		}
		return document.InferSchema([][]document.Field{d.Fields()})
	}
	f.SetSchema(schema("一"))
	d, _ := document.Parse([]byte("---\ntitle: 一\ntags: [go, fyne]\n---\n"))
	f.SetDocument("a.md", d)
	chips := f.byKey["tags"].(*listRow).chips
	before := append([]fyne.CanvasObject(nil), chips.Objects...)
	f.SetSchema(schema("二"))
	if len(chips.Objects) != 2 || chips.Objects[0] != before[0] || chips.Objects[1] != before[1] {
		t.Error("the tags' chips were made again for the same tags")
	}
	d, _ = document.Parse([]byte("---\ntitle: 一\ntags: [go, rust]\n---\n"))
	f.Update(d)
	if len(chips.Objects) != 2 || chips.Objects[1] == before[1] || chips.Objects[1].(*pill).text != "rust" {
		t.Error("a changed tag is not shown")
	}
}

// TestAChipsRemoveIconIsLaidOutWithIt: the remove icon is laid out when
// the chip is, not first when it is drawn (which would draw a second
// frame).
func TestAChipsRemoveIconIsLaidOutWithIt(t *testing.T) {
	test.NewTempApp(t)
	p := newPill("go", nil, func() {}, false)
	p.Resize(p.MinSize())
	var icon *removeIcon
	for _, o := range test.WidgetRenderer(p).Objects()[0].(*fyne.Container).Objects[1].(*fyne.Container).Objects {
		if ri, ok := o.(*removeIcon); ok {
			icon = ri
		}
	}
	if icon == nil {
		t.Fatal("no remove icon")
	}
	inner := test.WidgetRenderer(icon).Objects()[0]
	if inner.Size() != icon.Size() || icon.Size().IsZero() {
		t.Errorf("the remove icon is %v, what it draws %v", icon.Size(), inner.Size())
	}
}

// TestASchemaChangedInTitlesOnlyRebuildsNothing: another article
// retitled changes the folder's schema (the title's values) but nothing
// the form shows: its rows and the missing keys stay as they are; a change
// of suggested values (tags) shows the new suggestions; a change of a
// key's type rebuilds.
func TestASchemaChangedInTitlesOnlyRebuildsNothing(t *testing.T) {
	test.NewTempApp(t)
	schema := func(title, tag string, seriesCount int) *document.Schema {
		var docs [][]document.Field
		for i := 0; i < 4; i++ {
			text := fmt.Sprintf("---\ntitle: %s%d\ntags: [%s]\n", title, i, tag)
			if i < seriesCount {
				text += "series: s\n"
			}
			d, err := document.Parse([]byte(text + "---\n"))
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, d.Fields())
		}
		return document.InferSchema(docs)
	}
	f := New(Options{})
	f.OnEdit = func(document.Edit) {}
	f.SetSchema(schema("一", "go", 4))
	d, _ := document.Parse([]byte("---\ntitle: 一0\ntags: [rust]\n---\n"))
	f.SetDocument("a.md", d)
	missing := append([]fyne.CanvasObject(nil), f.missing.Objects...)
	if len(missing) != 1 {
		t.Fatalf("%d missing keys shown, want 1 (series)", len(missing))
	}
	suggested := func() string {
		var s []string
		s = pillTexts(f.byKey["tags"].(*listRow).suggest.Objects)
		return strings.Join(s, ",")
	}
	if got := suggested(); got != "go" {
		t.Fatalf("tags suggest %q, want go", got)
	}

	f.SetSchema(schema("二", "go", 4))
	if len(f.missing.Objects) != 1 || f.missing.Objects[0] != missing[0] {
		t.Error("a schema changed in the titles only made the missing keys again")
	}
	f.SetSchema(schema("二", "fyne", 4))
	if got := suggested(); got != "fyne" {
		t.Errorf("tags suggest %q after the folder's tags changed, want fyne", got)
	}
	f.SetSchema(schema("二", "fyne", 1)) // series is no longer common
	if len(f.missing.Objects) != 0 {
		t.Error("a key no longer common is still offered")
	}
}

// QA: "date: yesterday" and "date: 2024/05/06" are errors for folio check
// and the list's errors chip, but the form showed them as plain text
// without a warning. They are date rows, flagged.
func TestAValueThatIsNotADateIsFlagged(t *testing.T) {
	for _, v := range []string{"yesterday", "2024/05/06"} {
		h := newHarness(t, []byte("---\ntitle: t\ndate: "+v+"\n---\nbody\n"), nil)
		date := h.entry("date")
		if date.kind != kDate || !date.flag.Visible() || !strings.Contains(date.flag.Text, "YYYY-MM-DD") {
			t.Errorf("date: %s is a %v row, flagged %v %q", v, date.kind, date.flag.Visible(), date.flag.Text)
		}
		if !document.NotADate(v) {
			t.Errorf("folio check's rule does not call %q not a date", v)
		}
	}
	h := newHarness(t, []byte("---\ntitle: yesterday\n---\n"), nil)
	if r := h.entry("title"); r.kind == kDate {
		t.Error("a title is not a date row")
	}
}

// TestNotUTF8SaysReadOnly: a file in another encoding says it is opened
// read-only, without the parser's English reason and without "fix it in
// the editor" (QA F9).
func TestNotUTF8SaysReadOnly(t *testing.T) {
	seed := readSample(t, "2024-ai-trends.md")
	h := newHarness(t, seed, nil)
	d, err := document.Parse([]byte("---\ntitle: gbk\n---\n\n\xd6\xd0\xce\xc4\n"))
	if err == nil {
		t.Fatal("expected an encoding error")
	}
	h.f.Update(d)
	msg := h.f.errLabel.Text
	if !h.f.errBox.Visible() || !strings.Contains(msg, "read-only") || !strings.Contains(msg, "line 5") {
		t.Errorf("message %q, want read-only and the line", msg)
	}
	if strings.Contains(msg, "Fix it in the editor") || strings.Contains(msg, "an invalid byte") {
		t.Errorf("message %q contradicts read-only or holds the parser's text", msg)
	}
}
