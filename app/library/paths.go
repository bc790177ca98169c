package library

import (
	"path/filepath"
	"strings"
)

// systemRoots are the pseudo file systems whose files are never articles:
// reading them leaks the process's environment or blocks (/proc/self/environ,
// /dev/zero).
var systemRoots = []string{"/proc", "/sys", "/dev"}

// IsSystemPath reports whether path (absolute, clean, with its symbolic
// links resolved) is a file of the system's pseudo file systems (/proc,
// /sys, /dev), which Folio never reads as an article.
func IsSystemPath(path string) bool {
	path = filepath.ToSlash(path)
	for _, sys := range systemRoots {
		if path == sys || strings.HasPrefix(path, sys+"/") {
			return true
		}
	}
	return false
}

// Within reports whether path is root or inside it (both absolute and
// clean).
func Within(path, root string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
