package buffer

import "testing"

// A tagged step reports its tag when it is undone and redone; untagged
// steps report none.
func TestAppliedTag(t *testing.T) {
	b := New("ab")
	b.Replace(0, 1, "x", EditOther, Selection{})
	b.TagLast("took")
	b.Replace(2, 2, "c", EditOther, Selection{}) // not merged: EditOther
	if _, _, ok := b.Undo(); !ok || b.AppliedTag() != nil {
		t.Fatalf("untagged step reports %v", b.AppliedTag())
	}
	if _, _, ok := b.Undo(); !ok || b.AppliedTag() != "took" || b.Text() != "ab" {
		t.Fatalf("undo of the tagged step: tag %v text %q", b.AppliedTag(), b.Text())
	}
	if _, _, ok := b.Redo(); !ok || b.AppliedTag() != "took" || b.Text() != "xb" {
		t.Fatalf("redo of the tagged step: tag %v text %q", b.AppliedTag(), b.Text())
	}
	if _, _, ok := b.Redo(); !ok || b.AppliedTag() != nil {
		t.Fatalf("redo of the untagged step reports %v", b.AppliedTag())
	}
	b.SetText("new")
	b.TagLast("nothing to tag") // no step: no effect, no panic
	if b.CanUndo() {
		t.Fatal("SetText kept the history")
	}
}
