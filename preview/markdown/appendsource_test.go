package markdown

import (
	"strings"
	"testing"
	"unsafe"
)

// TestAppendSource: a text run that continues, in the converter's source
// string, the run before it (same look) extends that run without a copy;
// text from elsewhere (decoded, another look, not adjacent, equal bytes
// in another string) is appended as appendText does.
func TestAppendSource(t *testing.T) {
	c := newConverter([]byte("hello world, again"))
	c.window(0, len(c.src))
	runs := c.appendSource(nil, Inline{Text: c.str[0:5]})
	runs = c.appendSource(runs, Inline{Text: c.str[5:11]})
	if len(runs) != 1 || runs[0].Text != "hello world" || unsafe.StringData(runs[0].Text) != unsafe.StringData(c.str) {
		t.Fatalf("adjacent substrings: %+v", runs)
	}
	runs = c.appendSource(runs, Inline{Text: strings.Clone(c.str[11:12])}) // same bytes, another string: appendText merges (copy)
	if len(runs) != 1 || runs[0].Text != "hello world," {
		t.Fatalf("copied text: %+v", runs)
	}
	runs = c.appendSource(runs, Inline{Text: c.str[12:13], Style: Bold})
	runs = c.appendSource(runs, Inline{Text: c.str[13:18], Style: Bold})
	runs = c.appendSource(runs, Inline{Text: c.str[0:5], Style: Bold}) // not adjacent
	if len(runs) != 2 || runs[1].Text != " againhello" || runs[1].Style != Bold {
		t.Fatalf("styles and gaps: %+v", runs)
	}
	if _, ok := c.strAt(strings.Clone(c.str)); ok {
		t.Error("equal text in another string taken for a substring")
	}
	if at, ok := c.strAt(c.str[6:]); !ok || at != 6 {
		t.Errorf("strAt(str[6:]) = %d, %v", at, ok)
	}
}
