package preview

import (
	"strings"
	"testing"

	foliodoc "folio/editor/document"
)

// TestFrontMatterConflictShowsInTheHeader: a merge's conflict inside the
// front matter makes the header card say so, with the conflict's line;
// before, the preview showed no header and no sign of it while body
// conflicts got a Conflict callout (QA G17). Another unreadable front
// matter says it cannot be read, with the reader's line and message.
func TestFrontMatterConflictShowsInTheHeader(t *testing.T) {
	p := showPreview(t)
	src := "---\ntitle: Overview\n<<<<<<< mine\ndescription: mine\n=======\ndescription: theirs\n>>>>>>> theirs\n---\n\nBody text.\n"
	doc, _ := foliodoc.Parse([]byte(src))
	if doc.Err() == nil {
		t.Fatal("the conflicted front matter parsed")
	}
	m := MetaFromDocument(doc)
	if m.Problem == nil || !m.Problem.Conflict || m.Problem.Line != 3 {
		t.Fatalf("problem %+v; want a conflict on line 3", m.Problem)
	}
	p.updateNow(doc.Body(), m, "", doc.BodyLine())
	if len(p.items) == 0 || p.items[0].block != nil {
		t.Fatal("no header card")
	}
	got := visibleText(p)
	for _, want := range []string{"Conflict in the front matter", "Line 3:", "Body text."} {
		if !strings.Contains(got, want) {
			t.Errorf("visible text lacks %q:\n%s", want, got)
		}
	}

	doc, _ = foliodoc.Parse([]byte("---\ntitle: [unclosed\n---\nBody.\n"))
	m = MetaFromDocument(doc)
	if m.Problem == nil || m.Problem.Conflict || m.Problem.Line == 0 {
		t.Fatalf("problem %+v; want a plain error with its line", m.Problem)
	}
	p.updateNow(doc.Body(), m, "", doc.BodyLine())
	if got := visibleText(p); !strings.Contains(got, "The front matter cannot be read") || strings.Contains(got, "Conflict in the front matter") {
		t.Errorf("visible text:\n%s", got)
	}

	doc, _ = foliodoc.Parse([]byte("---\ntitle: Fine\n---\nBody.\n"))
	if m := MetaFromDocument(doc); m.Problem != nil || m.Title != "Fine" {
		t.Errorf("a readable front matter: %+v", m)
	}
}
