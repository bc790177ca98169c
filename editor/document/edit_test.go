package document

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func readSample(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../../assets/samples/" + name)
	if err != nil {
		t.Fatalf("sample: %v", err)
	}
	return b
}

// changedLines returns the lines of a that differ from b when b has the
// same number of lines, or the added lines when b has one more.
func lineDiff(a, b []byte) (changed, added int) {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	if len(lb) == len(la) {
		for i := range la {
			if la[i] != lb[i] {
				changed++
			}
		}
		return changed, 0
	}
	return -1, len(lb) - len(la)
}

func TestDiffKeepsWholeCharacters(t *testing.T) {
	tests := []struct {
		old, next string
		want      Edit
	}{
		{"abc", "abc", Edit{3, 3, ""}},
		{"abc", "abXc", Edit{2, 2, "X"}},
		{"title: 新标题", "title: 新标语", Edit{13, 16, "语"}},
		{"a 你 b", "a 您 b", Edit{2, 5, "您"}},  // 你 E4 BD A0, 您 E6 82 A8: no shared byte
		{"[啊]", "[啊, 吧]", Edit{4, 4, ", 吧"}}, // appended item
		{"x: 中", "x: 丫", Edit{3, 6, "丫"}},    // 中 E4 B8 AD, 丫 E4 B8 AB share two bytes
		{"x: 丫丫", "x: 丫", Edit{6, 9, ""}},    // deletion of one character
		{"", "new", Edit{0, 0, "new"}},
	}
	for _, tt := range tests {
		got := Diff([]byte(tt.old), []byte(tt.next))
		if got != tt.want {
			t.Errorf("Diff(%q, %q) = %+v, want %+v", tt.old, tt.next, got, tt.want)
		}
		if string(got.Apply([]byte(tt.old))) != tt.next {
			t.Errorf("Diff(%q, %q) does not apply back", tt.old, tt.next)
		}
		if !utf8.ValidString(got.Text) {
			t.Errorf("Diff(%q, %q) splits a character: %q", tt.old, tt.next, got.Text)
		}
	}
}

func TestSetEditOnSamples(t *testing.T) {
	type step struct {
		op    string // set, flow, del, add
		key   string
		value Value
		flow  string
		line  string // the line expected in the result
		added bool   // the step adds a line instead of changing one
		gone  bool   // the step removes a line
	}
	samples := []struct {
		file  string
		steps []step
	}{
		{"2024-ai-trends.md", []step{
			{op: "set", key: "title", value: S("2025年AI技术发展趋势"), line: `title: "2025年AI技术发展趋势"`},
			{op: "set", key: "tags", value: Strings("AI趋势", "技术预测", "行业分析", "大模型"), line: `tags: ["AI趋势", "技术预测", "行业分析", "大模型"]`},
			{op: "flow", key: "featured", flow: "false", line: "featured: false"},
			{op: "set", key: "publishDate", value: S("2024-02-29"), line: `publishDate: "2024-02-29"`},
			{op: "add", key: "series", value: S(""), line: `series: ""`, added: true},
			{op: "set", key: "readTime", value: S("13分钟"), line: `readTime: "13分钟"`},
			{op: "del", key: "author", gone: true},
		}},
		{"folio-markdown-guide.md", []step{
			{op: "set", key: "title", value: S("写作指南"), line: `title = "写作指南"`},
			{op: "set", key: "publishDate", value: Value{Kind: Date, Text: "2024-03-05"}, line: "publishDate = 2024-03-05"},
			{op: "flow", key: "draft", flow: "true", line: "draft = true"},
			{op: "set", key: "tags", value: Strings("Markdown", "写作"), line: `tags = ["Markdown", "写作"]`},
			{op: "add", key: "weight", value: Value{Kind: Int, Text: "3"}, line: "weight = 3", added: true},
		}},
		{"go-fyne-desktop.md", []step{
			{op: "set", key: "title", value: S("用 Go 写桌面应用"), line: `  "title": "用 Go 写桌面应用",`},
			{op: "set", key: "tags", value: Strings("Go", "Fyne"), line: `  "tags": ["Go", "Fyne"],`},
			{op: "flow", key: "featured", flow: "true", line: `  "featured": true`},
			{op: "add", key: "series", value: S(""), line: `  "series": ""`, added: true},
		}},
	}
	for _, sm := range samples {
		t.Run(sm.file, func(t *testing.T) {
			d, err := Parse(readSample(t, sm.file))
			if err != nil {
				t.Fatal(err)
			}
			body := string(d.Body())
			for _, st := range sm.steps {
				old := d.Bytes()
				var e Edit
				switch st.op {
				case "set":
					e, err = d.SetEdit(st.key, st.value)
				case "flow":
					e, err = d.SetFlowEdit(st.key, st.flow)
				case "del":
					e, err = d.DeleteEdit(st.key)
				case "add":
					e, err = d.AddEdit(st.key, st.value)
				}
				if err != nil {
					t.Fatalf("%s %s: %v", st.op, st.key, err)
				}
				if got := e.Apply(old); !bytes.Equal(got, d.Bytes()) {
					t.Fatalf("%s %s: the edit does not give the document's text:\n%s", st.op, st.key, got)
				}
				changed, added := lineDiff(old, d.Bytes())
				switch {
				case st.added && added != 1, st.gone && added != -1:
					t.Errorf("%s %s: %d lines added, want one line", st.op, st.key, added)
				case !st.added && !st.gone && changed != 1:
					t.Errorf("%s %s: %d lines changed, want 1", st.op, st.key, changed)
				}
				if st.line != "" && !bytes.Contains(d.Bytes(), []byte("\n"+st.line+"\n")) {
					t.Errorf("%s %s: no line %q in\n%s", st.op, st.key, st.line, d.FrontMatter())
				}
				if string(d.Body()) != body {
					t.Fatalf("%s %s changed the body", st.op, st.key)
				}
			}
		})
	}
}

func TestAddEditRefusesAnExistingKey(t *testing.T) {
	d := mustParse(t, "---\ntitle: A\n---\n")
	if _, err := d.AddEdit("title", S("B")); err == nil {
		t.Fatal("AddEdit of an existing key succeeded")
	}
	if string(d.Bytes()) != "---\ntitle: A\n---\n" {
		t.Fatalf("text changed: %q", d.Bytes())
	}
}

func TestEditOnMalformedRefused(t *testing.T) {
	src := "---\ntitle: \"open\n---\nbody\n"
	d, _ := Parse([]byte(src))
	if _, err := d.SetEdit("title", S("x")); err == nil {
		t.Fatal("SetEdit on malformed front matter succeeded")
	}
	if _, err := d.SetRawEdit("title", "x"); err == nil {
		t.Fatal("SetRawEdit on malformed front matter succeeded")
	}
	if string(d.Bytes()) != src {
		t.Fatal("text changed")
	}
}

func TestRawValue(t *testing.T) {
	tests := []struct {
		name, src, key, raw string
		newRaw              string
		want                string // the whole text after SetRawEdit; "" means refused
	}{
		{"yaml block map", "---\ntitle: A\nauthor:\n  name: 李华 # pen name\n  url: https://x.cn\ntags: [a]\n---\nbody\n", "author",
			"name: 李华 # pen name\nurl: https://x.cn", "name: 李华 # pen name\nurl: https://y.cn\nmail: a@b.cn",
			"---\ntitle: A\nauthor:\n  name: 李华 # pen name\n  url: https://y.cn\n  mail: a@b.cn\ntags: [a]\n---\nbody\n"},
		{"yaml list of maps", "---\nmenu:\n    - name: a\n      weight: 1\nx: 1\n---\n", "menu",
			"- name: a\n  weight: 1", "- name: a\n  weight: 2",
			"---\nmenu:\n    - name: a\n      weight: 2\nx: 1\n---\n"},
		{"yaml flow map to block", "---\nauthor: {name: a}\nx: 1\n---\n", "author",
			"{name: a}", "name: b",
			"---\nauthor:\n  name: b\nx: 1\n---\n"},
		{"yaml empty value", "---\nauthor:\nx: 1\n---\n", "author", "", "{name: a}",
			"---\nauthor: {name: a}\nx: 1\n---\n"},
		{"yaml bad indentation refused", "---\nauthor:\n  name: a\nx: 1\n---\n", "author", "name: a", "name: a\n url: b", ""},
		{"yaml unclosed flow refused", "---\nauthor:\n  name: a\nx: 1\n---\n", "author", "name: a", "name: [a", ""},
		{"toml inline table", "+++\nauthor = { name = \"a\" }\nx = 1\n+++\n", "author", `{ name = "a" }`, `{ name = "李华", url = "u" }`,
			"+++\nauthor = { name = \"李华\", url = \"u\" }\nx = 1\n+++\n"},
		{"toml table refused", "+++\nx = 1\n[author]\nname = \"a\"\n+++\n", "author", "", "{}", ""},
		{"toml invalid refused", "+++\nauthor = { name = \"a\" }\n+++\n", "author", `{ name = "a" }`, `{ name = }`, ""},
		{"json object", "{\n  \"author\": {\"name\": \"a\"},\n  \"x\": 1\n}\nbody\n", "author", `{"name": "a"}`, `{"name": "a", "age": 3}`,
			"{\n  \"author\": {\"name\": \"a\", \"age\": 3},\n  \"x\": 1\n}\nbody\n"},
		{"json invalid refused", "{\n  \"author\": {\"name\": \"a\"}\n}\n", "author", `{"name": "a"}`, `{"name": }`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.src)
			raw, ok := d.RawValue(tt.key)
			if ok && raw != tt.raw {
				t.Errorf("RawValue = %q, want %q", raw, tt.raw)
			}
			e, err := d.SetRawEdit(tt.key, tt.newRaw)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("SetRawEdit succeeded: %q", d.Bytes())
				}
				if string(d.Bytes()) != tt.src {
					t.Fatal("a refused edit changed the text")
				}
				return
			}
			if err != nil {
				t.Fatalf("SetRawEdit: %v", err)
			}
			if string(d.Bytes()) != tt.want {
				t.Errorf("text =\n%s\nwant\n%s", d.Bytes(), tt.want)
			}
			if string(e.Apply([]byte(tt.src))) != tt.want {
				t.Error("the edit does not apply to the old text")
			}
		})
	}
}

// genFrontMatter writes a random front matter in one format with keys k0..kn.
func genFrontMatter(r *rand.Rand, f Format) string {
	n := 1 + r.Intn(6)
	var b strings.Builder
	words := []string{"a", "hello world", "中文标题", "x: y", "引号\"", "它's", "#tag", "12", "true", ""}
	val := func() (yml, tml, jsn string) {
		w := words[r.Intn(len(words))]
		switch r.Intn(6) {
		case 0:
			i := fmt.Sprint(r.Intn(100))
			return i, i, i
		case 1:
			return "true", "true", "true"
		case 2:
			return `["` + "AI" + `", "技术"]`, `["AI", "技术"]`, `["AI", "技术"]`
		case 3:
			return "2024-01-10", "2024-01-10", `"2024-01-10"`
		case 4:
			return quoteEscaped(w), quoteEscaped(w), quoteEscaped(w)
		}
		if plainSafe(w) && !strings.ContainsAny(w, ",[]{}'") && w != "" && w != "12" && w != "true" {
			return w, "'" + w + "'", quoteEscaped(w)
		}
		return quoteEscaped(w), quoteEscaped(w), quoteEscaped(w)
	}
	switch f {
	case YAML:
		b.WriteString("---\n# head comment\n")
		for i := 0; i < n; i++ {
			y, _, _ := val()
			fmt.Fprintf(&b, "k%d: %s", i, y)
			if r.Intn(3) == 0 {
				b.WriteString(" # note")
			}
			b.WriteString("\n")
			if r.Intn(4) == 0 {
				b.WriteString("# between\n")
			}
		}
		if r.Intn(2) == 0 {
			b.WriteString("nested:\n  a: 1\n  b: [x]\n")
		}
		b.WriteString("---\n")
	case TOML:
		b.WriteString("+++\n# head comment\n")
		for i := 0; i < n; i++ {
			_, tm, _ := val()
			fmt.Fprintf(&b, "k%d = %s", i, tm)
			if r.Intn(3) == 0 {
				b.WriteString(" # note")
			}
			b.WriteString("\n")
		}
		if r.Intn(2) == 0 {
			b.WriteString("[params]\nx = 1\n")
		}
		b.WriteString("+++\n")
	case JSON:
		b.WriteString("{\n")
		for i := 0; i < n; i++ {
			_, _, j := val()
			if i > 0 {
				b.WriteString(",\n")
			}
			fmt.Fprintf(&b, "  \"k%d\": %s", i, j)
		}
		b.WriteString("\n}\n")
	}
	b.WriteString("\n# 正文\n\nbody text with k0: not a field\n")
	return b.String()
}

func randomValue(r *rand.Rand) Value {
	switch r.Intn(6) {
	case 0:
		return Value{Kind: Int, Text: fmt.Sprint(r.Intn(1000))}
	case 1:
		return Value{Kind: Bool, Text: []string{"true", "false"}[r.Intn(2)]}
	case 2:
		return Strings("AI", "大模型", fmt.Sprint("t", r.Intn(9)))
	case 3:
		return Value{Kind: Date, Text: fmt.Sprintf("2024-0%d-1%d", 1+r.Intn(9), r.Intn(10))}
	case 4:
		return Strings([]string{"Go", "中文", "a b", "x,y"}[:1+r.Intn(4)]...)
	}
	return S([]string{"新标题", "plain", "with: colon", "quote\"d", "", "# not a comment", "多行\n文本"}[r.Intn(7)])
}

// checkEditSequence runs random edits on src and checks each one: the Edit
// applied to the old text gives what Set gives, the body never changes,
// the other fields keep their values and the bytes outside the edit stay,
// and doing the same edit again changes nothing.
func checkEditSequence(t *testing.T, r *rand.Rand, src string) {
	t.Helper()
	d, err := Parse([]byte(src))
	if err != nil {
		t.Fatalf("generated front matter does not parse: %v\n%s", err, src)
	}
	body := string(d.Body())
	for step := 0; step < 8; step++ {
		fields := d.Fields()
		old := append([]byte(nil), d.Bytes()...)
		key := fmt.Sprintf("k%d", r.Intn(8))
		op := r.Intn(4)
		var v Value
		var e Edit
		ref, _ := Parse(old)
		var refErr error
		switch op {
		case 0, 1:
			v = randomValue(r)
			e, err = d.SetEdit(key, v)
			refErr = ref.Set(key, v)
		case 2:
			e, err = d.DeleteEdit(key)
			refErr = ref.Delete(key)
		case 3:
			raw, ok := d.RawValue(key)
			if !ok {
				continue
			}
			e, err = d.SetRawEdit(key, raw)
			if err == nil && !e.Empty() {
				t.Fatalf("writing back the raw value %q of %s changed the text: %+v\n%s", raw, key, e, old)
			}
			ref = d
		}
		if (err == nil) != (refErr == nil) {
			t.Fatalf("op %d on %s: edit err %v, reference err %v\n%s", op, key, err, refErr, old)
		}
		if err != nil {
			if !bytes.Equal(d.Bytes(), old) {
				t.Fatalf("a refused edit changed the text")
			}
			continue
		}
		if got := e.Apply(old); !bytes.Equal(got, d.Bytes()) || !bytes.Equal(got, ref.Bytes()) {
			t.Fatalf("op %d on %s: the edit gives\n%s\nthe document has\n%s", op, key, got, d.Bytes())
		}
		if string(d.Body()) != body {
			t.Fatalf("op %d on %s changed the body", op, key)
		}
		if !e.Empty() && (e.Start < d.lay.fmStart || e.End > len(old)-len(body)) {
			t.Fatalf("op %d on %s: edit %+v outside the front matter", op, key, e)
		}
		for _, f := range fields {
			if f.Key == key {
				continue
			}
			if got, ok := d.Get(f.Key); !ok || !equalValue(got, f.Value) {
				t.Fatalf("op %d on %s changed %s", op, key, f.Key)
			}
		}
		// Idempotent: the same edit again changes nothing.
		var again Edit
		if op <= 1 {
			again, err = d.SetEdit(key, v)
		} else if op == 2 {
			again, err = d.DeleteEdit(key)
		}
		if err != nil || !again.Empty() {
			t.Fatalf("op %d on %s again: %+v, %v", op, key, again, err)
		}
	}
}

func TestEditSequencesProperty(t *testing.T) {
	r := rand.New(rand.NewSource(8))
	for i := 0; i < 600; i++ {
		f := []Format{YAML, TOML, JSON}[i%3]
		src := genFrontMatter(r, f)
		checkEditSequence(t, r, src)
	}
}

func FuzzEditSequences(f *testing.F) {
	f.Add(int64(1), uint8(0))
	f.Add(int64(2), uint8(1))
	f.Add(int64(3), uint8(2))
	f.Fuzz(func(t *testing.T, seed int64, format uint8) {
		r := rand.New(rand.NewSource(seed))
		checkEditSequence(t, r, genFrontMatter(r, []Format{YAML, TOML, JSON}[format%3]))
	})
}
