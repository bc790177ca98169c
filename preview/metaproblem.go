package preview

import (
	"bytes"
	"errors"

	foliodoc "folio/editor/document"
	"folio/preview/markdown"
)

// FrontMatterProblem is why an article's front matter could not be read.
// The header card shows it in place of the fields (a conflict in the front
// matter left the preview without any sign of it, QA G17).
type FrontMatterProblem struct {
	Line     int    // 1-based line of the file: the conflict's "<<<<<<<" line, or the error's; 0 when unknown
	Conflict bool   // the front matter holds a merge's conflict block
	Msg      string // the reader's message, for a problem that is not a conflict
}

// MetaFromDocument is MetaFromFields for a parsed document, with the
// reason its front matter could not be read, if it could not.
func MetaFromDocument(doc *foliodoc.Document) Meta {
	m := MetaFromFields(doc.Fields())
	if err := doc.Err(); err != nil {
		m.Problem = frontMatterProblem(doc, err)
	}
	return m
}

func frontMatterProblem(doc *foliodoc.Document, err error) *FrontMatterProblem {
	if doc.Format() != foliodoc.None {
		fm := doc.FrontMatter()
		for i, n := 0, 0; len(fm) > 0; i++ {
			line := fm
			if n = bytes.IndexByte(fm, '\n'); n >= 0 {
				line, fm = fm[:n], fm[n+1:]
			} else {
				fm = nil
			}
			if markdown.IsConflictStart(line) {
				return &FrontMatterProblem{Line: doc.FrontMatterLine() + i, Conflict: true}
			}
		}
	}
	p := &FrontMatterProblem{Msg: err.Error()}
	if pe, ok := errors.AsType[*foliodoc.ParseError](err); ok {
		p.Line, p.Msg = pe.Line, pe.Msg
	}
	return p
}
