package app

import "path/filepath"

// windowTitle is "● <article title> — <folder> — Folio": the dot while
// there are unsaved changes, the title (or file name) of the open article
// and the folder's name.
func windowTitle(dirty bool, title, file, root string) string {
	s := "Folio"
	if root != "" {
		s = filepath.Base(root) + " — " + s
	}
	name := title
	if name == "" && file != "" {
		name = filepath.Base(file)
	}
	if name != "" {
		s = name + " — " + s
	}
	if dirty {
		s = "● " + s
	}
	return s
}
