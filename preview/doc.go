// Package preview renders a Markdown article natively in Fyne: goldmark's AST
// is turned into a small block model (model.go), which is split into
// top-level blocks that are rebuilt incrementally (document.go) and shown by a
// virtualised widget that only builds the blocks on screen (preview.go). The
// same goldmark configuration (markdown.go) drives the standalone HTML export
// (export.go).
package preview
