package preview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestFenceFileCaption: a fence's {file="…"} shows the file name over the
// code, as code-toggle's tabs show theirs; the code is the body alone.
func TestFenceFileCaption(t *testing.T) {
	p := showPreview(t)
	p.updateNow([]byte("Text.\n\n```md {file=\"content/example.md\"}\n# Title\n```\n"), Meta{}, "", 1)
	box := itemOfKind(t, p, "code")
	got := shownTexts(box)
	if !strings.HasPrefix(got, "content/example.md") || !strings.Contains(got, "# Title") || strings.Contains(got, "file=") {
		t.Errorf("the code block shows %q; want the caption content/example.md, then the code", got)
	}
	codes := findType[*codeBlock](box)
	if len(codes) != 1 {
		t.Fatalf("%d code blocks", len(codes))
	}
	box.Resize(fyne.NewSize(500, box.MinSize().Height))
	if pos := codes[0].Position(); pos.Y <= 0 {
		t.Errorf("the code is at %v: the caption is not over it", pos)
	}
}

// TestDetailsShortcodeWidget: Hugo's details shortcode is the collapsible
// block <details> gives: closed, its summary shown; a click opens it.
func TestDetailsShortcodeWidget(t *testing.T) {
	p := showPreview(t)
	p.updateNow([]byte("{{< details summary=\"See the details\" >}}\nThis is a **bold** word.\n{{< /details >}}\n"), Meta{}, "", 1)
	box, ok := itemOfKind(t, p, "details").(*fyne.Container)
	if !ok {
		t.Fatal("the details item is no container")
	}
	head, body := box.Objects[0], box.Objects[1]
	if body.Visible() || !strings.Contains(shownTexts(head), "See the details") || strings.Contains(shownTexts(box), "details summary") {
		t.Fatalf("closed details shows %q (body visible %v)", shownTexts(box), body.Visible())
	}
	test.Tap(findType[*textFlow](head)[0])
	if !body.Visible() || findType[*textFlow](body)[0].plainText() != "This is a bold word." {
		t.Errorf("after a click the details shows %q", shownTexts(box))
	}
}

// TestNewInBadge: {{< new-in 0.140.0 />}} reads "New in v0.140.0".
func TestNewInBadge(t *testing.T) {
	p := showPreview(t)
	p.updateNow([]byte("{{< new-in 0.140.0 />}}\n"), Meta{}, "", 1)
	if got := findType[*textFlow](itemOfKind(t, p, "paragraph"))[0].plainText(); got != "New in v0.140.0" {
		t.Errorf("the badge reads %q", got)
	}
}
