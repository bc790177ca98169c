package merge

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

// F22: the other program turned CRLF into LF and changed one line, the
// user added one: a clean merge of the two real changes, written with
// theirs' LF, not the whole file as one conflict.
func TestMergeLineEndingsAreNotContent(t *testing.T) {
	raw, err := os.ReadFile("../../assets/samples/2024-ai-trends.md")
	if err != nil {
		t.Fatal(err)
	}
	lf := strings.ReplaceAll(string(raw), "\r\n", "\n")
	lines := strings.SplitAfter(lf, "\n")
	if len(lines) < 10 {
		t.Fatal("sample too short")
	}
	crlf := strings.ReplaceAll(lf, "\n", "\r\n")
	mineLF := lf + "我的新行\n"
	theirsLF := strings.Replace(lf, lines[5], "他们改的第六行\n", 1)
	want := strings.Replace(mineLF, lines[5], "他们改的第六行\n", 1)
	for _, tc := range []struct {
		name               string
		base, mine, theirs string
		want               string
	}{
		{"theirs CRLF→LF", crlf, mineLF + "", theirsLF, want},
		{"theirs CRLF→LF, mine CRLF", crlf, strings.ReplaceAll(mineLF, "\n", "\r\n"), theirsLF, want},
		{"theirs LF→CRLF", lf, mineLF, strings.ReplaceAll(theirsLF, "\n", "\r\n"), strings.ReplaceAll(want, "\n", "\r\n")},
		{"theirs keeps CRLF, mine LF", crlf, mineLF, strings.ReplaceAll(theirsLF, "\n", "\r\n"), want},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Merge(tc.base, tc.mine, tc.theirs)
			checkResult(t, r)
			if len(r.Conflicts) != 0 {
				t.Fatalf("%d conflicts, first %+v", len(r.Conflicts), r.Conflicts[0])
			}
			if r.Text != tc.want {
				t.Fatalf("merged text differs from want (len %d vs %d)", len(r.Text), len(tc.want))
			}
		})
	}
}

// Property: whatever the line endings of the three texts, a merge of
// disjoint edits is clean and equals the edits applied, in one style.
func TestMergeNormalisesLineEndingsProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	conv := func(s string, crlf bool) string {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		if crlf {
			return strings.ReplaceAll(s, "\n", "\r\n")
		}
		return s
	}
	for range 1000 {
		b, m, th, want := disjointCase(r)
		cb, cm, ct := r.IntN(2) == 0, r.IntN(2) == 0, r.IntN(2) == 0
		b, m, th = conv(b, cb), conv(m, cm), conv(th, ct)
		res := Merge(b, m, th)
		checkResult(t, res)
		if len(res.Conflicts) != 0 {
			t.Fatalf("conflicts merging disjoint edits\nbase %q\nmine %q\ntheirs %q\n→ %q", b, m, th, res.Text)
		}
		if conv(res.Text, false) != conv(want, false) {
			t.Fatalf("merge %q, want %q (endings aside)", res.Text, want)
		}
		if s := eolStyle(res.Text); s == eolMixed {
			t.Fatalf("mixed line endings in %q", res.Text)
		}
	}
}

func TestEOLStyle(t *testing.T) {
	for in, want := range map[string]string{"": eolNone, "a": eolNone, "a\n": eolLF, "a\r\nb\r\n": eolCRLF, "a\r\nb\n": eolMixed, "a\rb": eolNone} {
		if got := eolStyle(in); got != want {
			t.Errorf("eolStyle(%q) = %q, want %q", in, got, want)
		}
	}
}
