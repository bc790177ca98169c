package preview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// flowsUnder lists the text flows in a built widget tree.
func flowsUnder(o fyne.CanvasObject) []*textFlow {
	return findType[*textFlow](o)
}

// TestFlowPoolReusesDroppedFlows: the flows of dropped widgets are made
// into the next blocks' flows, and each shows its new text, laid out
// again even where it has the size it had before (Fyne skips laying out
// a widget resized to its own size).
func TestFlowPoolReusesDroppedFlows(t *testing.T) {
	p := showPreview(t)
	// one flow, the same size with other text
	p.updateNow([]byte("alpha alpha\n"), Meta{}, "", 1)
	p.dropBuilt()
	p.updateNow([]byte("bravo bravo\n"), Meta{}, "", 1)
	if got := visibleText(p); got != "bravo bravo\n" {
		t.Errorf("a reused flow of the same size shows %q, want %q", got, "bravo bravo\n")
	}
	p.dropBuilt()
	// same shape, other letters
	a := "# Alpha\n\nalpha alpha alpha\n\n- one alpha\n- two alpha\n\n1. three\n2. four\n"
	b := strings.NewReplacer("Alpha", "Bravo", "alpha", "bravo", "one", "six", "two", "ten", "three", "eight", "four", "nine").Replace(a)
	p.updateNow([]byte(a), Meta{}, "", 1)
	var before []*textFlow
	for _, o := range p.content.objs {
		before = append(before, flowsUnder(o)...)
	}
	if len(before) < 6 {
		t.Fatalf("%d flows shown, want the heading's, the paragraph's and the lists'", len(before))
	}
	p.dropBuilt()
	if got := len(p.flows.free); got != len(before) {
		t.Fatalf("%d flows pooled after dropping the widgets, want %d", got, len(before))
	}
	p.updateNow([]byte(b), Meta{}, "", 1)
	if n := len(p.flows.free); n != 0 {
		t.Errorf("%d pooled flows left: the new blocks made flows of their own", n)
	}
	got := visibleText(p)
	for _, w := range []string{"Bravo", "bravo bravo bravo", "six bravo", "ten bravo", "eight", "nine", "1.", "2."} {
		if !strings.Contains(got, w) {
			t.Errorf("shown text lacks %q:\n%s", w, got)
		}
	}
	if strings.Contains(strings.ToLower(got), "alpha") {
		t.Errorf("a reused flow still shows the old text:\n%s", got)
	}
	for _, o := range p.content.objs {
		for _, f := range flowsUnder(o) {
			if f.mc == nil {
				t.Errorf("flow %q has no measure cache", f.plainText())
			}
			if f.Size().Width <= 0 {
				t.Errorf("flow %q was not laid out: size %v", f.plainText(), f.Size())
			}
		}
	}
}

// TestFlowPoolDroppedWithTheTheme: flows made under another theme are not
// reused.
func TestFlowPoolDroppedWithTheTheme(t *testing.T) {
	p := showPreview(t)
	p.updateNow([]byte("# Title\n\ntext\n"), Meta{}, "", 1)
	p.dropBuilt()
	pooled := append([]*textFlow(nil), p.flows.free...)
	if len(pooled) == 0 {
		t.Fatal("nothing pooled")
	}
	p.themeKey = "another"
	p.Refresh()
	if len(p.content.objs) == 0 {
		t.Fatal("nothing shown")
	}
	for _, o := range p.content.objs {
		for _, f := range flowsUnder(o) {
			for _, old := range pooled {
				if f == old {
					t.Fatal("a flow of the old theme is shown again")
				}
			}
		}
	}
}
