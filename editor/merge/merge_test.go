package merge

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

// checkResult asserts a Result's invariants: regions tile the text, each
// conflict is marked in the text where it says.
func checkResult(t *testing.T, r Result) {
	t.Helper()
	pos := 0
	for _, rg := range r.Regions {
		if rg.Start != pos || rg.End < rg.Start || r.Text[rg.Start:rg.End] != rg.Text {
			t.Fatalf("region %+v does not continue at %d", rg, pos)
		}
		pos = rg.End
	}
	if pos != len(r.Text) {
		t.Fatalf("regions end at %d, text has %d bytes", pos, len(r.Text))
	}
	n := 0
	for _, rg := range r.Regions {
		if rg.Origin == Conflicted {
			n++
		}
	}
	if n != len(r.Conflicts) {
		t.Fatalf("%d conflict regions, %d conflicts", n, len(r.Conflicts))
	}
	for _, c := range r.Conflicts {
		marked := r.Text[c.Start:c.End]
		if !strings.HasPrefix(marked, MarkerMine) || !strings.Contains(marked, c.Mine) || !strings.Contains(marked, c.Theirs) {
			t.Fatalf("conflict %+v is not marked in %q", c, marked)
		}
		if got := strings.Count(r.Text[:c.Start], "\n"); got != c.Line {
			t.Fatalf("conflict at line %d, says %d", got, c.Line)
		}
	}
}

func TestMergeTable(t *testing.T) {
	for _, tc := range []struct {
		name, base, mine, theirs, want string
		conflicts                      int
	}{
		{"nothing changed", "a\nb\n", "a\nb\n", "a\nb\n", "a\nb\n", 0},
		{"only mine", "a\nb\n", "a\nB\n", "a\nb\n", "a\nB\n", 0},
		{"only theirs", "a\nb\n", "a\nb\n", "A\nb\n", "A\nb\n", 0},
		{"disjoint", "a\nb\nc\n", "A\nb\nc\n", "a\nb\nC\n", "A\nb\nC\n", 0},
		{"same change", "a\nb\n", "a\nX\n", "a\nX\n", "a\nX\n", 0},
		{"overlap", "a\nb\nc\n", "a\nmine\nc\n", "a\ntheirs\nc\n",
			"a\n<<<<<<< mine\nmine\n=======\ntheirs\n>>>>>>> theirs\nc\n", 1},
		{"adjacent lines are an overlap", "a\nb\nc\n", "A\nb\nc\n", "a\nB\nc\n",
			"<<<<<<< mine\nA\nb\n=======\na\nB\n>>>>>>> theirs\nc\n", 1},
		{"both insert at the end", "a\n", "a\nm\n", "a\nt\n",
			"a\n<<<<<<< mine\nm\n=======\nt\n>>>>>>> theirs\n", 1},
		{"delete against edit", "a\nb\nc\n", "a\nc\n", "a\nB\nc\n",
			"a\n<<<<<<< mine\n=======\nB\n>>>>>>> theirs\nc\n", 1},
		{"no final newline", "a\nb", "a\nm", "a\nt",
			"a\n<<<<<<< mine\nm\n=======\nt\n>>>>>>> theirs\n", 1},
		{"crlf", "a\r\nb\r\nc\r\n", "a\r\nm\r\nc\r\n", "a\r\nt\r\nc\r\n",
			"a\r\n<<<<<<< mine\r\nm\r\n=======\r\nt\r\n>>>>>>> theirs\r\nc\r\n", 1},
		{"crlf disjoint", "a\r\nb\r\nc\r\n", "A\r\nb\r\nc\r\n", "a\r\nb\r\nC\r\n", "A\r\nb\r\nC\r\n", 0},
		{"empty base", "", "x\n", "x\n", "x\n", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Merge(tc.base, tc.mine, tc.theirs)
			checkResult(t, r)
			if r.Text != tc.want || len(r.Conflicts) != tc.conflicts {
				t.Fatalf("merged %q with %d conflicts, want %q with %d", r.Text, len(r.Conflicts), tc.want, tc.conflicts)
			}
		})
	}
}

func TestMergeReportsOrigins(t *testing.T) {
	r := Merge("a\nb\nc\nd\ne\n", "a\nB\nc\nd\ne\n", "a\nb\nc\nD\ne\n")
	checkResult(t, r)
	var got []string
	for _, rg := range r.Regions {
		got = append(got, rg.Origin.String()+":"+strings.TrimSpace(rg.Text))
	}
	if want := "base:a|mine:B|base:c|theirs:D|base:e"; strings.Join(got, "|") != want {
		t.Fatalf("regions %s, want %s", strings.Join(got, "|"), want)
	}
}

func TestMergeChineseArticle(t *testing.T) {
	data, err := os.ReadFile("../../assets/samples/2024-ai-trends.md")
	if err != nil {
		t.Fatal(err)
	}
	base := string(data)
	mine := strings.Replace(base, `title: "2024年AI技术发展趋势预测"`, `title: "2025年AI技术发展趋势"`, 1)
	idx := strings.LastIndex(base, "。")
	theirs := base[:idx] + "，这是另一个程序加上的话。" + base[idx+len("。"):]
	if mine == base || theirs == base {
		t.Fatal("the edits did not apply to the sample")
	}
	r := Merge(base, mine, theirs)
	checkResult(t, r)
	want := strings.Replace(theirs, `title: "2024年AI技术发展趋势预测"`, `title: "2025年AI技术发展趋势"`, 1)
	if r.Text != want || len(r.Conflicts) != 0 {
		t.Fatalf("merged with %d conflicts; text equal: %v", len(r.Conflicts), r.Text == want)
	}
	// Both change the title: a conflict holding both titles.
	theirs2 := strings.Replace(base, `title: "2024年AI技术发展趋势预测"`, `title: "AI趋势"`, 1)
	r = Merge(base, mine, theirs2)
	checkResult(t, r)
	if len(r.Conflicts) != 1 || !strings.Contains(r.Conflicts[0].Mine, "2025年") || !strings.Contains(r.Conflicts[0].Theirs, "AI趋势") {
		t.Fatalf("conflicts = %+v", r.Conflicts)
	}
}

// editLines applies edits to lines: each edit replaces the line at its
// index with its lines (none deletes it); an index equal to len(lines)
// appends.
func editLines(lines []string, edits map[int][]string) string {
	var sb strings.Builder
	for i := 0; i <= len(lines); i++ {
		if e, ok := edits[i]; ok {
			for _, l := range e {
				sb.WriteString(l)
			}
			continue
		}
		if i < len(lines) {
			sb.WriteString(lines[i])
		}
	}
	return sb.String()
}

// disjointCase makes a base of unique lines and two sets of edits at lines
// at least one untouched line apart, and the text with all edits applied.
func disjointCase(r *rand.Rand) (base, mine, theirs, both string) {
	n := r.IntN(40)
	eol := "\n"
	if r.IntN(2) == 0 {
		eol = "\r\n"
	}
	lines := make([]string, n)
	for i := range lines {
		lines[i] = fmt.Sprintf("第%d行 line %d%s", i, i, eol)
	}
	em, et := map[int][]string{}, map[int][]string{}
	for i := 0; i <= n; i++ {
		if r.IntN(4) != 0 {
			continue
		}
		var e []string
		if i < n && r.IntN(3) == 0 {
			e = append(e, lines[i]) // keep the line, insert after it
		}
		for k := range r.IntN(3) {
			e = append(e, fmt.Sprintf("新 %d.%d %d%s", i, k, r.Int(), eol))
		}
		if i == n && len(e) == 0 {
			continue
		}
		if r.IntN(2) == 0 {
			em[i] = e
		} else {
			et[i] = e
		}
		i++ // leave the next line untouched
	}
	all := map[int][]string{}
	for k, v := range em {
		all[k] = v
	}
	for k, v := range et {
		all[k] = v
	}
	return strings.Join(lines, ""), editLines(lines, em), editLines(lines, et), editLines(lines, all)
}

func TestMergeProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 2000 {
		base := randomText(r, r.IntN(25), r.IntN(2) == 0)
		side := randomText(r, r.IntN(25), r.IntN(2) == 0)
		for _, tc := range []struct{ mine, theirs string }{{base, side}, {side, base}, {side, side}} {
			res := Merge(base, tc.mine, tc.theirs)
			checkResult(t, res)
			if res.Text != side || len(res.Conflicts) != 0 {
				t.Fatalf("Merge(%q, %q, %q) = %q (%d conflicts), want %q", base, tc.mine, tc.theirs, res.Text, len(res.Conflicts), side)
			}
		}
		b, m, th, want := disjointCase(r)
		res := Merge(b, m, th)
		checkResult(t, res)
		if res.Text != want || len(res.Conflicts) != 0 {
			t.Fatalf("disjoint edits:\nbase %q\nmine %q\ntheirs %q\ngot %q (%d conflicts)\nwant %q", b, m, th, res.Text, len(res.Conflicts), want)
		}
	}
}

// TestMergeNeverDropsASide checks, on random texts, that whatever a merge
// does, each side's changed lines are in the result: a conflict keeps both
// versions, a clean merge applies them.
func TestMergeNeverDropsASide(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 2000 {
		base := randomText(r, r.IntN(20), false)
		mine := randomText(r, r.IntN(20), false)
		theirs := randomText(r, r.IntN(20), false)
		res := Merge(base, mine, theirs)
		checkResult(t, res)
		for _, side := range []string{mine, theirs} {
			for _, h := range Diff(base, side) {
				if h.Op != Insert {
					continue
				}
				for _, l := range SplitLines(h.Text) {
					if !strings.Contains(res.Text, l) {
						t.Fatalf("inserted %q lost: base %q mine %q theirs %q → %q", l, base, mine, theirs, res.Text)
					}
				}
			}
		}
	}
}

func FuzzMerge(f *testing.F) {
	f.Add("a\nb\nc\n", "a\nB\nc\n", "a\nb\nC\n")
	f.Add("标题\r\n正文\r\n", "标题\r\n我的正文\r\n", "新标题\r\n正文\r\n")
	f.Add("", "x", "y")
	f.Fuzz(func(t *testing.T, base, mine, theirs string) {
		if len(base)+len(mine)+len(theirs) > 3000 {
			return
		}
		res := Merge(base, mine, theirs)
		checkResult(t, res)
		if got := Merge(base, base, theirs); got.Text != theirs || len(got.Conflicts) > 0 {
			t.Fatalf("unchanged mine: %q, want theirs %q", got.Text, theirs)
		}
		if got := Merge(base, mine, base); got.Text != mine || len(got.Conflicts) > 0 {
			t.Fatalf("unchanged theirs: %q, want mine %q", got.Text, mine)
		}
		if mine == theirs && (res.Text != mine || len(res.Conflicts) > 0) {
			t.Fatalf("same change on both sides: %q, want %q", res.Text, mine)
		}
	})
}
