package library

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrSystemFile marks a symbolic link to a file of /proc, /sys or /dev
// (see IsSystemPath): it is never read, so that a link such as
// post.md -> /proc/self/environ cannot show, search or publish Folio's
// environment.
var ErrSystemFile = errors.New("a link to a system file (/proc, /sys, /dev), not read")

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

// checkLink returns an error wrapping ErrSystemFile when path is a
// symbolic link that leads into /proc, /sys or /dev, and nil otherwise
// (also when the link cannot be resolved: reading it then fails itself).
// It costs one Lstat, and resolves only links.
func checkLink(path string) error {
	info, err := os.Lstat(path)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	return checkLinkTarget(path)
}

// checkLinkTarget is checkLink for a path known to be a symbolic link.
func checkLinkTarget(path string) error {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return nil
	}
	if real, err = filepath.Abs(real); err == nil && IsSystemPath(real) {
		return fmt.Errorf("%w: %s", ErrSystemFile, real)
	}
	return nil
}
