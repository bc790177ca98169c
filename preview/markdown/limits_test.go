package markdown

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"
)

// hostile inputs from the adversarial review: each took seconds to
// minutes; each must now convert in time linear in its size.
var hostile = []struct {
	name string
	unit string
}{
	{"emphasis", "a*b_c "},
	{"links", "[a]("},
	{"images", "![a]("},
	{"brackets", "[[a]"},
	{"strike", "a~b~~c "},
	{"footnotes", "[^a]("},
}

// convertTime converts unit repeated to n bytes (one line) and returns the
// time taken.
func convertTime(t *testing.T, unit string, n int) time.Duration {
	src := []byte(strings.Repeat(unit, n/len(unit)))
	md := New()
	start := time.Now()
	if err := md.Convert(src, io.Discard); err != nil {
		t.Fatal(err)
	}
	return time.Since(start)
}

// TestHostileLinesAreLinear: each hostile line of 1 MB converts in well
// under the time a quadratic parse takes (65 s for emphasis and 13 s for
// 50k "[a](" before the budgets; about 0.3 s now on a busy machine).
func TestHostileLinesAreLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	for _, h := range hostile {
		t.Run(h.name, func(t *testing.T) {
			d := min(convertTime(t, h.unit, 1<<20), convertTime(t, h.unit, 1<<20))
			if d > 15*time.Second {
				t.Errorf("%s: a 1 MB line took %v", h.name, d)
			}
		})
	}
}

func TestBudgetKeepsOrdinaryParagraphs(t *testing.T) {
	var out bytes.Buffer
	src := []byte("a *b* and [l](x.md) and **c**\n\nnext [l2](y.md) _d_\n")
	if err := New().Convert(src, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<em>b</em>", `<a href="x.md">l</a>`, "<strong>c</strong>", `<a href="y.md">l2</a>`, "<em>d</em>"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("missing %s in %s", want, out.String())
		}
	}
}

func TestBudgetIsPerParagraph(t *testing.T) {
	// a paragraph past the budget does not spoil the next one
	src := strings.Repeat("[a](", MaxLinksPerBlock+10) + "\n\n[ok](x.md) *em*\n"
	var out bytes.Buffer
	if err := New().Convert([]byte(src), &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `<a href="x.md">ok</a> <em>em</em>`) {
		t.Errorf("second paragraph lost its link: %s", out.String()[max(0, out.Len()-200):])
	}
}
