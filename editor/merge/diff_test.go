package merge

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// join returns the texts a and b that hunks were made from.
func join(hunks []Hunk) (a, b string) {
	var sa, sb strings.Builder
	for _, h := range hunks {
		if h.Op != Insert {
			sa.WriteString(h.Text)
		}
		if h.Op != Delete {
			sb.WriteString(h.Text)
		}
	}
	return sa.String(), sb.String()
}

// lcs is the length of the longest common subsequence of two token lists,
// by dynamic programming: the number of tokens a minimal diff keeps.
func lcs(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			default:
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// checkDiff asserts that hunks rebuild both texts, are well formed and
// keep as many tokens as a minimal diff.
func checkDiff(t *testing.T, a, b string, ta, tb []string, hunks []Hunk) {
	t.Helper()
	ga, gb := join(hunks)
	if ga != a || gb != b {
		t.Fatalf("hunks do not rebuild the texts:\n a=%q got %q\n b=%q got %q", a, ga, b, gb)
	}
	kept, ai, bi := 0, 0, 0
	for k, h := range hunks {
		if h.N == 0 || h.Text == "" {
			t.Fatalf("empty hunk %d: %+v", k, h)
		}
		if h.A != ai || h.B != bi {
			t.Fatalf("hunk %d at (%d,%d), want (%d,%d)", k, h.A, h.B, ai, bi)
		}
		if k > 0 && hunks[k-1].Op == h.Op {
			t.Fatalf("hunks %d and %d have the same op", k-1, k)
		}
		if k > 0 && hunks[k-1].Op == Insert && h.Op == Delete {
			t.Fatalf("an insert before a delete at hunk %d", k)
		}
		switch h.Op {
		case Equal:
			kept += h.N
			ai += h.N
			bi += h.N
		case Delete:
			ai += h.N
		case Insert:
			bi += h.N
		}
	}
	if want := lcs(ta, tb); kept != want {
		t.Fatalf("diff keeps %d tokens, a minimal diff keeps %d\n a=%q\n b=%q", kept, want, a, b)
	}
}

func TestDiffTable(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want string // ops and texts
	}{
		{"", "", ""},
		{"a\n", "a\n", `="a\n"`},
		{"", "a\n", `+"a\n"`},
		{"a\n", "", `-"a\n"`},
		{"a\nb\nc\n", "a\nB\nc\n", `="a\n" -"b\n" +"B\n" ="c\n"`},
		{"a\nb", "a\nb\n", `="a\n" -"b" +"b\n"`},
		{"a\r\nb\r\n", "a\r\nx\r\nb\r\n", `="a\r\n" +"x\r\n" ="b\r\n"`},
		{"标题\n正文第一段\n", "标题\n正文第二段\n", `="标题\n" -"正文第一段\n" +"正文第二段\n"`},
	} {
		var parts []string
		for _, h := range Diff(tc.a, tc.b) {
			parts = append(parts, h.Op.String()+quote(h.Text))
		}
		if got := strings.Join(parts, " "); got != tc.want {
			t.Errorf("Diff(%q, %q) = %s, want %s", tc.a, tc.b, got, tc.want)
		}
	}
}

func quote(s string) string {
	return strings.NewReplacer("\r", `\r`, "\n", `\n`).Replace(`"` + s + `"`)
}

func TestDiffInlineChinese(t *testing.T) {
	a := "随着2024年的到来，人工智能技术正站在一个新的历史节点上。"
	b := "随着2025年的到来，人工智能技术正处在一个新的历史节点上。"
	hunks := DiffInline(a, b)
	checkDiff(t, a, b, splitWords(a), splitWords(b), hunks)
	var del, ins []string
	for _, h := range hunks {
		switch h.Op {
		case Delete:
			del = append(del, h.Text)
		case Insert:
			ins = append(ins, h.Text)
		}
	}
	if strings.Join(del, "|") != "2024|站" || strings.Join(ins, "|") != "2025|处" {
		t.Fatalf("inline diff deletes %q and inserts %q, want the year and 站→处", del, ins)
	}
	// Latin words are whole tokens.
	if got := splitWords("hello, wörld 中文x1"); strings.Join(got, "|") != "hello|,| |wörld| |中|文|x1" {
		t.Fatalf("splitWords = %q", got)
	}
}

// randomText makes a text of n lines from a small alphabet, so that lines
// repeat and the diff has choices to make.
func randomText(r *rand.Rand, n int, crlf bool) string {
	alphabet := []string{"a", "b", "c", "标题", "正文", ""}
	var sb strings.Builder
	for i := range n {
		sb.WriteString(alphabet[r.IntN(len(alphabet))])
		if i < n-1 || r.IntN(3) > 0 {
			if crlf && r.IntN(4) > 0 {
				sb.WriteString("\r\n")
			} else {
				sb.WriteString("\n")
			}
		}
	}
	return sb.String()
}

func TestDiffRandomIsMinimalAndRebuilds(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		a := randomText(r, r.IntN(30), r.IntN(2) == 0)
		b := randomText(r, r.IntN(30), r.IntN(2) == 0)
		checkDiff(t, a, b, SplitLines(a), SplitLines(b), Diff(a, b))
	}
}

func TestDiffLargeRewrite(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var sa, sb strings.Builder
	for i := range 5000 {
		sa.WriteString(strings.Repeat("x", r.IntN(5)) + string(rune('a'+i%26)) + "\n")
		sb.WriteString(strings.Repeat("y", r.IntN(5)) + string(rune('a'+i%26)) + "\n")
	}
	a, b := sa.String(), sb.String()
	ga, gb := join(Diff(a, b))
	if ga != a || gb != b {
		t.Fatal("a large rewrite does not rebuild")
	}
}

func FuzzDiff(f *testing.F) {
	f.Add("a\nb\nc\n", "a\nc\nd\n")
	f.Add("标题\r\n正文\r\n", "标题\r\n新的正文\r\n")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > 2000 || len(b) > 2000 {
			return
		}
		checkDiff(t, a, b, SplitLines(a), SplitLines(b), Diff(a, b))
		checkDiff(t, a, b, splitWords(a), splitWords(b), DiffInline(a, b))
	})
}
