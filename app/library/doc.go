// Package library is Folio's view of an article folder, without Fyne: it
// finds the Markdown articles under a folder, reads their front matter in
// parallel into Summaries, and saves articles atomically.
//
// Save is the one path through which Folio writes an article: it writes a
// temporary file in the article's folder, syncs it, renames it over the
// article and syncs the folder, and it refuses to write when the file on
// disk is no longer the one that was loaded.
package library
