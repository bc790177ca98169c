package library

import "folio/editor/document"

// headScratch is one load worker's memory for reading front matter with
// quickFrontMatter, reused file after file (see document.Scratch): the
// fields and list items of a file's front matter are only read by
// summarize, which copies what the row keeps, and short strings that
// repeat across articles (keys, categories, authors, tags, booleans) are
// made once.
type headScratch = document.Scratch

// newHeadScratch returns a worker's scratch, whose short strings are in's
// (when not nil) as soon as it reads them: summarize need not intern them
// again (see File.interned).
func newHeadScratch(in *interner) *headScratch {
	sc := document.NewScratch()
	if in != nil {
		sc.Intern = in.sharedBytes
	}
	return sc
}
