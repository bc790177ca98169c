package library

import (
	"errors"
	"reflect"
	"testing"

	"folio/editor/document"
)

// FuzzSummarize checks that any file content gives a Summary without
// panicking, and that the Summary is consistent with the parse.
func FuzzSummarize(f *testing.F) {
	for _, s := range articleFixtures {
		f.Add([]byte(s))
	}
	f.Add([]byte("---\ntags: [[a], {b: c}]\ncategories: [[x]]\ntitle: [1]\ndate: {a: 1}\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file := File{Path: "a.md"}
		parse(&file, data)
		s := Summarize(&file)
		if s.Path != "a.md" {
			t.Errorf("Path %q", s.Path)
		}
		counted := summarize(&file, nil, withSchema|withCounts)
		if s.Counted || s.Words != 0 || !counted.Counted {
			t.Errorf("the Index's row is counted (%v, %d words) or Scan's is not (%v)", s.Counted, s.Words, counted.Counted)
		}
		if c := counted; c.Words < 0 || c.ReadingMinutes < 0 || (c.Words == 0) != (c.ReadingMinutes == 0) {
			t.Errorf("words %d, minutes %d", c.Words, c.ReadingMinutes)
		}
		counted.Words, counted.ReadingMinutes, counted.Counted = 0, 0, false
		if !reflect.DeepEqual(counted, s) {
			t.Errorf("counting changed the row:\n%+v\n%+v", counted, s)
		}
		pe, isParse := errors.AsType[*document.ParseError](s.Err)
		switch {
		case errors.Is(s.Err, ErrBinary):
			if file.Doc != nil || s.fm.shape != nil {
				t.Error("a binary file was parsed")
			}
		case isParse:
			if s.Line != pe.Line || s.Line < 1 || s.fm.shape != nil || s.Title != "" {
				t.Errorf("parse error %v with line %d, schema part %v, title %q", pe, s.Line, s.fm.shape, s.Title)
			}
		case s.Err != nil:
			t.Errorf("unexpected error %v", s.Err)
		default:
			if s.Line != 0 || file.Doc == nil {
				t.Errorf("line %d or no document without an error", s.Line)
			}
		}
		for _, tag := range s.Tags {
			if tag == "" {
				t.Error("empty tag")
			}
		}
	})
}
