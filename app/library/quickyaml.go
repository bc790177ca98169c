package library

import "folio/editor/document"

// headScratch is one load worker's memory for reading front matter with
// quickFrontMatter, reused file after file (see document.Scratch): the
// fields and list items of a file's front matter are only read by
// summarize, which copies what the row keeps, and short strings that
// repeat across articles (keys, categories, authors, tags, booleans) are
// made once.
type headScratch = document.Scratch

func newHeadScratch() *headScratch { return document.NewScratch() }
