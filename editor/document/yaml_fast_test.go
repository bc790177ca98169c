package document

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// slowFields reads front matter content the yaml.v3 way.
func slowFields(src []byte, fmLine int) ([]Field, error) {
	y, err := parseYAMLTree(src, fmLine, "\n")
	if err != nil {
		return nil, err
	}
	return y.fields(), nil
}

var fastSeeds = []string{
	"title: \"2024年AI技术发展趋势预测\"\nsummary: \"深度分析\"\ncategory: \"行业洞察\"\nauthor: \"李华\"\npublishDate: \"2024-01-10\"\nreadTime: \"12分钟\"\ntags: [\"AI趋势\", \"技术预测\", \"行业分析\"]\nfeatured: true\n",
	"# 草稿\ntitle: 一文读懂 Go\ndate: 2024-01-10\ntags:\n  - go\n  - 中文\nfeatured: false\ndraft: true\n",
	"tags:\n- a\n- b\nempty:\nnext: 1\n",
	"a: 1\nb: 1.5\nc: 0x1F\nd: 1_000\ne: .inf\nf: -.5e3\ng: 0o17\nh: 0b101\ni: +12\nj: 2024-13-45\nk: 2024-1-2\nl: 2024-01-02T10:00:00Z\nm: 2024-01-02 10:00\nn: 007\no: -0b11\np: 1e\nq: 9999999999999999999\nr: -\ns: ~\nt: Null\nu: yes\nv: 'it''s'\nw: ''\nx: \"\"\ny: []\nz: [a, 'b c', \"d\", 1, true, null, 2024-01-01]\n",
	"key: value # comment\nk2: 'q' # c\nk3: [a] # c\nk4:   spaced   \n",
	"a: b: c\n", "a: [b\n", "a: [b, ]\n", "a: {b: 1}\n", "a: |\n  x\n", "a: &x 1\nb: *x\n", "a: !!str 1\n",
	"a: \"esc\\n\"\n", "a:\n  b: 1\n", "a: x\n  continued\n", "a: 1\na: 2\n", "- a\n", "a:\n  - x\n - y\n",
	"a:\t1\n", "\"quoted key\": 1\n", "a: b #c\n", "a: b#c\n", "a: 'x\n", "a: [\"x\", 'y''z']\n", "a: [x y, z]\n",
	"a: [:x]\n", "a: [x:y]\n", "a: -x\n", "a: ?x\n", "a: :x\n", "a: x:y\n", "a: x :y\n", "a:\n- [x]\n", "a:\n-\n",
	"a: 1\r\nb: [x]\r\n", "\n\n# only comments\n", "", "a: '\u00e9'\n", "a: \u2028\n", "a: \x85\n", "k.v-x_1: 1\n",
	"a: [a,b]\n", "a: [ a , b ]\n", "a: x,y\n", "a: x]\n", "a: 'x'y\n", "a: \"x\" y\n", "b:\n\n  - 1\n\n  - 2\n",
}

func TestFastYAMLMatchesYAMLv3(t *testing.T) {
	long := strings.Repeat("A", 1100)
	for _, s := range append(fastSeeds, long+": l\n", "a: ["+long+"]\n", "a: "+long+"\n") {
		checkFast(t, []byte(s))
	}
}

func FuzzFastYAML(f *testing.F) {
	for _, s := range fastSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) { checkFast(t, src) })
}

func checkFast(t *testing.T, src []byte) {
	t.Helper()
	fast, ok := fastYAML(src, 2)
	if !ok {
		return
	}
	slow, err := slowFields(src, 2)
	if err != nil {
		t.Fatalf("%q: fast path read %d fields, yaml.v3 fails: %v", src, len(fast), err)
	}
	if len(fast) == 0 && len(slow) == 0 {
		return
	}
	if !reflect.DeepEqual(fast, slow) {
		t.Fatalf("%q:\nfast %+v\nslow %+v", src, fast, slow)
	}
}

func BenchmarkFrontMatter(b *testing.B) {
	src := []byte(fastSeeds[0])
	b.Run("yaml.v3", func(b *testing.B) {
		for b.Loop() {
			parseYAMLTree(src, 2, "\n")
		}
	})
	b.Run("fast", func(b *testing.B) {
		for b.Loop() {
			if _, ok := fastYAML(src, 2); !ok {
				b.Fatal("not fast")
			}
		}
	})
}

// BenchmarkScratchFrontMatter reads 4,096 front matters shaped as a
// Chinese blog's (the seed article's keys; 1,500 dates, 300 tags, 12
// categories, 40 authors) with one interning Scratch, as a load's worker
// does, with the Scratch's cache of recent strings and, the peer, with its
// map alone.
func BenchmarkScratchFrontMatter(b *testing.B) {
	var srcs [][]byte
	for i := range 4096 {
		srcs = append(srcs, fmt.Appendf(nil, "title: \"第%d篇：微服务性能优化指南\"\nsummary: \"深度分析第%d个案例\"\n"+
			"category: \"分类%d\"\nauthor: \"作者%d\"\npublishDate: \"%s\"\nreadTime: \"%d分钟\"\n"+
			"tags: [\"标签%d\", \"标签%d\", \"Go\"]\nfeatured: %v\ndraft: false\n",
			i, i, i%12, i%40, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i*7%1500).Format("2006-01-02"),
			i%20+1, i%300, (i*7)%300, i%5 == 0))
	}
	for _, peer := range []bool{false, true} {
		name := "recent"
		if peer {
			name = "map-only"
		}
		b.Run(name, func(b *testing.B) {
			shared := map[string]string{}
			sc := NewScratch()
			sc.noRecent = peer
			sc.Intern = func(b []byte) string {
				if t, ok := shared[string(b)]; ok {
					return t
				}
				s := string(b)
				shared[s] = s
				return s
			}
			i := 0
			for b.Loop() {
				if _, ok := FastYAML(srcs[i%len(srcs)], 2, sc); !ok {
					b.Fatal("not read")
				}
				i++
			}
		})
	}
}

// cloneFields copies fields deeply, as a caller keeps what a Scratch lent
// it (summarize keeps the strings; the slices are the Scratch's).
func cloneFields(fs []Field) []Field {
	if fs == nil {
		return nil
	}
	out := make([]Field, len(fs))
	for i, f := range fs {
		out[i] = Field{Key: f.Key, Value: cloneValue(f.Value)}
	}
	return out
}

func cloneValue(v Value) Value {
	if v.Items != nil {
		items := make([]Value, len(v.Items))
		for i, it := range v.Items {
			items[i] = cloneValue(it)
		}
		v.Items = items
	}
	v.Fields = cloneFields(v.Fields)
	return v
}

// checkScratch reads the inputs one after the other with one Scratch and
// fails unless each read is the one without a Scratch, both when it is
// returned and after the later inputs were read (of what the caller
// copied, and with the source bytes overwritten, as a load worker reuses
// its read buffer).
func checkScratch(t *testing.T, sc *Scratch, inputs ...[]byte) {
	t.Helper()
	type read struct {
		src    string
		fields []Field
		ok     bool
	}
	var kept []read
	for _, in := range inputs {
		src := append([]byte(nil), in...)
		want, wantOK := FastYAML(src, 2, nil)
		got, ok := FastYAML(src, 2, sc)
		if ok != wantOK || !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: with a Scratch %v %#v, without %v %#v", in, ok, got, wantOK, want)
		}
		kept = append(kept, read{string(in), cloneFields(got), ok})
		for i := range src {
			src[i] = 'x'
		}
	}
	for _, k := range kept {
		want, wantOK := FastYAML([]byte(k.src), 2, nil)
		if k.ok != wantOK || !reflect.DeepEqual(k.fields, want) {
			t.Fatalf("%q: copied from the Scratch %#v, later %#v", k.src, want, k.fields)
		}
	}
}

// TestFastYAMLScratch reads every seed after every other with one
// Scratch, a new one and the zero Scratch.
func TestFastYAMLScratch(t *testing.T) {
	var inputs [][]byte
	for _, s := range fastSeeds {
		inputs = append(inputs, []byte(s))
	}
	// Many keys (the duplicate check's map) and long lists (the items
	// slice grows while earlier lists point into it).
	var many, long strings.Builder
	long.WriteString("tags:\n")
	for i := range 40 {
		fmt.Fprintf(&many, "k%d: v%d\n", i, i%7)
		fmt.Fprintf(&long, "  - t%d\n", i)
	}
	long.WriteString("more: [a, b, c]\nlast:\n- z\n")
	inputs = append(inputs, []byte(many.String()), []byte(many.String()+"k3: again\n"), []byte(long.String()))
	checkScratch(t, NewScratch(), inputs...)
	checkScratch(t, &Scratch{}, inputs...)
	checkScratch(t, &Scratch{}, []byte("y: []\n"), []byte("y: [a]\n"))
	slices.Reverse(inputs)
	checkScratch(t, NewScratch(), inputs...)
}

// FuzzFastYAMLScratch checks that a Scratch used for a first input reads
// a second (and the first again) as FastYAML without one does.
func FuzzFastYAMLScratch(f *testing.F) {
	for i, s := range fastSeeds {
		f.Add([]byte(s), []byte(fastSeeds[(i+1)%len(fastSeeds)]))
	}
	f.Fuzz(func(t *testing.T, a, b []byte) {
		checkScratch(t, NewScratch(), a, b, a)
	})
}
