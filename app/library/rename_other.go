//go:build !linux

package library

// exchange is not available here: Save falls back to a plain rename.
func exchange(a, b string) error { return errNoExchange }

// renameNoReplace is not available here: Save falls back to a plain rename.
func renameNoReplace(a, b string) error { return errNoExchange }
