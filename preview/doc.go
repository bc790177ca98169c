// Package preview renders a Markdown article natively in Fyne. The engine
// is package markdown (Fyne-free: the goldmark configuration, the block
// model, incremental parsing, link resolution); this package is the widget:
// a virtualised list that builds canvas objects only for the blocks (and
// parts of big blocks) on screen, in its renderer (preview.go, build.go,
// textflow.go, code.go), and the standalone HTML page of the export
// (export.go).
package preview
