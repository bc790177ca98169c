package preview

import "folio/preview/markdown"

// dumpDocument is the golden-test view of a parsed body
// (markdown.DumpDocument).
func dumpDocument(blocks []*markdown.TopBlock) string { return markdown.DumpDocument(blocks) }
