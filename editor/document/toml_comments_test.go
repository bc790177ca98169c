package document

import (
	"testing"
)

// TestTOMLSetKeepsCommentsOfArrayItemsThatStay: replacing a multi-line
// TOML array keeps the lines of the items that survive, with their
// comments; removed items go with their own comment lines; new items follow
// the array's style; a one-line array stays one line (issue 12: comments
// inside a replaced multi-line TOML array were lost).
func TestTOMLSetKeepsCommentsOfArrayItemsThatStay(t *testing.T) {
	const issue = "+++\ntags = [\n  \"a\", # first\n  # about b\n  \"b\",\n  \"c\",\n]\ntitle = \"t\" # keep\n+++\nbody\n"
	tests := []struct {
		name, src string
		items     []string
		want      string
	}{
		{"issue example", issue, []string{"a", "c", "d"},
			"+++\ntags = [\n  \"a\", # first\n  \"c\",\n  \"d\",\n]\ntitle = \"t\" # keep\n+++\nbody\n"},
		{"add to the end", issue, []string{"a", "b", "c", "d"},
			"+++\ntags = [\n  \"a\", # first\n  # about b\n  \"b\",\n  \"c\",\n  \"d\",\n]\ntitle = \"t\" # keep\n+++\nbody\n"},
		{"reorder", issue, []string{"c", "b", "a"},
			"+++\ntags = [\n  \"c\",\n  # about b\n  \"b\",\n  \"a\", # first\n]\ntitle = \"t\" # keep\n+++\nbody\n"},
		{"no trailing comma", "+++\ntags = [ # list\n    'x', # X\n    'y' # Y\n  ]\n+++\n", []string{"y", "x", "z"},
			"+++\ntags = [ # list\n    'y', # Y\n    'x', # X\n    'z'\n  ]\n+++\n"},
		{"last item removed, comment before bracket stays", "+++\ntags = [\n\t\"a\",\n\t\"b\", # B\n\t# end\n]\n+++\n", []string{"a"},
			"+++\ntags = [\n\t\"a\",\n\t# end\n]\n+++\n"},
		{"chinese", "+++\ntags = [\n  \"人工智能\", # 主题\n  # 旧的\n  \"机器学习\",\n]\n+++\n正文\n", []string{"人工智能", "大模型"},
			"+++\ntags = [\n  \"人工智能\", # 主题\n  \"大模型\",\n]\n+++\n正文\n"},
		{"crlf", "+++\r\ntags = [\r\n  \"a\", # first\r\n  # about b\r\n  \"b\",\r\n  \"c\",\r\n]\r\n+++\r\nbody\r\n", []string{"a", "c", "d"},
			"+++\r\ntags = [\r\n  \"a\", # first\r\n  \"c\",\r\n  \"d\",\r\n]\r\n+++\r\nbody\r\n"},
		{"blank lines go with the item below", "+++\ntags = [\n  \"a\",\n\n  # B\n  \"b\",\n  \n  \"c\",\n\n]\n+++\n", []string{"c", "b", "x"},
			"+++\ntags = [\n  \n  \"c\",\n\n  # B\n  \"b\",\n  \"x\",\n\n]\n+++\n"},
		{"duplicates: each old line is used once", "+++\ntags = [\n  \"a\", # 1\n  \"a\", # 2\n]\n+++\n", []string{"b", "a"},
			"+++\ntags = [\n  \"b\",\n  \"a\", # 1\n]\n+++\n"},
		{"two items on a line: written anew", "+++\ntags = [\n  \"a\", \"b\", # ab\n]\n+++\n", []string{"a"},
			"+++\ntags = [\"a\"]\n+++\n"},
		{"bracket after the last item: written anew", "+++\ntags = [\n  \"a\", # A\n  \"b\"]\n+++\n", []string{"a"},
			"+++\ntags = [\"a\"]\n+++\n"},
		{"one-line array stays one line", "+++\ntags = [\"a\", \"b\"] # c\n+++\n", []string{"a", "c", "d"},
			"+++\ntags = [\"a\", \"c\", \"d\"] # c\n+++\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := mustParse(t, tc.src)
			if err := d.Set("tags", Strings(tc.items...)); err != nil {
				t.Fatal(err)
			}
			if got := string(d.Bytes()); got != tc.want {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

// TestTOMLSetKeepsArrayItemsOfOtherKinds: numbers keep their spelling and
// a nested array or multi-line string element keeps its lines.
func TestTOMLSetKeepsArrayItemsOfOtherKinds(t *testing.T) {
	tests := []struct{ name, src, flow, want string }{
		{"numbers", "+++\nn = [\n  1_000, # big\n  2,\n]\n+++\n", "[2, 1000, 3]",
			"+++\nn = [\n  2,\n  1_000, # big\n  3,\n]\n+++\n"},
		{"date with a space", "+++\nn = [\n  1979-05-27 07:32:00Z, # d\n  2 # two\n]\n+++\n", "[3, 2]",
			"+++\nn = [\n  3,\n  2 # two\n]\n+++\n"},
		{"nested", "+++\nn = [\n  [1, 2], # pair\n  [3],\n]\n+++\n", "[[3], [1, 2]]",
			"+++\nn = [\n  [3],\n  [1, 2], # pair\n]\n+++\n"},
		{"multi-line string", "+++\nn = [\n  \"\"\"x\ny\"\"\", # xy\n  \"z\",\n]\n+++\n", `[z, "x\ny", w]`,
			"+++\nn = [\n  \"z\",\n  \"\"\"x\ny\"\"\", # xy\n  \"w\",\n]\n+++\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := mustParse(t, tc.src)
			if err := d.SetFlow("n", tc.flow); err != nil {
				t.Fatal(err)
			}
			if got := string(d.Bytes()); got != tc.want {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

// FuzzTOMLArrayKeeping sets a fuzzed value on each list field of TOML
// front matter (seeded with multi-line arrays with comments): every accepted
// edit reads back as asked and keeps the body; a refused one changes nothing.
func FuzzTOMLArrayKeeping(f *testing.F) {
	f.Add("+++\ntags = [\n  \"a\", # first\n  # about b\n  \"b\",\n  \"c\",\n]\nt = 1\n+++\nbody\n", "[a, c, d]")
	f.Add("+++\r\nn = [ # x\r\n  1_000,\r\n  [2, 3] # y\r\n  ]\r\n+++\r\n", "[[2, 3], 5]")
	f.Add("+++\ntags = [\n  '''x''', # x\n  \"\"\"a\nb\"\"\",\n]\n+++\n", "[x, '中文']")
	f.Fuzz(func(t *testing.T, src, flow string) {
		d, err := Parse([]byte(src))
		if err != nil || d.Format() != TOML {
			return
		}
		fields := d.Fields()
		for _, fl := range fields {
			if fl.Value.Kind != List {
				continue
			}
			e := mustParse(t, src)
			if err := e.SetFlow(fl.Key, flow); err != nil {
				if string(e.Bytes()) != src {
					t.Fatalf("a failed set changed the text")
				}
				continue
			}
			again, err := Parse(e.Bytes())
			if err != nil {
				t.Fatalf("result does not parse: %v\n%q", err, e.Bytes())
			}
			want, _ := ParseFlow(flow)
			if got, ok := again.Get(fl.Key); !ok || !equalValue(got, want) {
				t.Fatalf("read back %+v, want %+v\n%q", got, want, e.Bytes())
			}
			if string(again.Body()) != string(d.Body()) {
				t.Fatalf("body changed")
			}
		}
	})
}
