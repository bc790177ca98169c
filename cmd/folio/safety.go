package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"folio/app/library"
)

// followLinksFlag is the flag that lets get, set and export read an article
// through a symbolic link that leads out of its folder or site.
const followLinksFlag = "--follow-links"

// cutFollowLinks removes --follow-links (or -follow-links) from args and
// reports whether it was there.
func cutFollowLinks(args []string) ([]string, bool) {
	out := args[:0:0]
	found := false
	for _, a := range args {
		if a == followLinksFlag || a == followLinksFlag[1:] {
			found = true
			continue
		}
		out = append(out, a)
	}
	return out, found
}

// errLeavesFolder marks an article path that is a symbolic link to a file
// outside the article's folder or site.
var errLeavesFolder = errors.New("a symbolic link out of the article's folder or site")

// readArticle reads an article for get, set and export with the rules the
// folder scan applies: a regular file (not a FIFO, device or folder) of at
// most library.MaxSize bytes, opened without blocking; never a file of the
// system's pseudo file systems (/proc, /sys, /dev); and, unless follow is
// set, not through a symbolic link to a file outside the article's folder
// or its site (the nearest folder above with a Hugo config or .git).
func readArticle(file string, follow bool) ([]byte, library.Sum, error) {
	if err := checkArticlePath(file, follow); err != nil {
		return nil, library.Sum{}, err
	}
	data, sum, err := library.Read(file)
	if err != nil {
		return nil, library.Sum{}, err
	}
	return data, sum, nil
}

// checkArticlePath applies readArticle's rules about where file leads.
func checkArticlePath(file string, follow bool) error {
	info, err := os.Lstat(file)
	if err != nil {
		return err // the *fs.PathError names the file
	}
	real := file
	if info.Mode()&fs.ModeSymlink != 0 {
		if real, err = filepath.EvalSymlinks(file); err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
	}
	if abs, err := filepath.Abs(real); err == nil {
		real = abs
	}
	if library.IsSystemPath(real) {
		return fmt.Errorf("%s: leads to %s, a system file; not read", file, real)
	}
	if info.Mode()&fs.ModeSymlink == 0 || follow {
		return nil
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(file))
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	if dir, err = filepath.Abs(dir); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	if library.Within(real, dir) || library.Within(real, siteRoot(dir)) {
		return nil
	}
	return fmt.Errorf("%s: %w (to %s); not read: add %s to read it anyway", file, errLeavesFolder, real, followLinksFlag)
}

// siteRoot returns the nearest folder at or above dir that holds a Hugo
// configuration or a .git folder, or dir itself when there is none.
func siteRoot(dir string) string {
	markers := []string{"hugo.toml", "hugo.yaml", "hugo.json", "config.toml", "config.yaml", "config.json", ".git"}
	for d := dir; ; {
		for _, m := range markers {
			if _, err := os.Lstat(filepath.Join(d, m)); err == nil {
				return d
			}
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// checkOutput refuses an export destination that is a symbolic link (it
// would be replaced, or written through to wherever it points) or not a
// regular file (a FIFO would block, a device or folder is no page).
func checkOutput(out string) error {
	info, err := os.Lstat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("write page: %w", err)
	case info.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("write page: %s is a symbolic link; not replaced or written through", out)
	case !info.Mode().IsRegular():
		return fmt.Errorf("write page: %s is not a regular file (%s); not written", out, info.Mode().Type())
	}
	return nil
}
