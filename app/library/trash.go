package library

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrNoTrash is returned by Trash when the file cannot be moved to a trash
// on this system (no trash for its file system, or no trash support on
// this platform). Nothing was changed; the caller may offer to delete the
// file permanently instead.
var ErrNoTrash = errors.New("no trash available for this file")

// Trash moves a file or folder to the desktop's trash, from where the user
// can restore it: on Linux and the BSDs the freedesktop.org trash (the home
// trash in $XDG_DATA_HOME/Trash for files on the home's file system, else
// $topdir/.Trash/$uid or $topdir/.Trash-$uid at the top of the file's file
// system), on macOS ~/.Trash. Elsewhere, and when no trash can take the
// file, it returns an error wrapping ErrNoTrash and changes nothing.
//
// A symbolic link is trashed itself, not its target. Other programs see an
// ordinary rename.
func Trash(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("trash %s: %w", path, err)
	}
	if _, err := os.Lstat(abs); err != nil {
		return fmt.Errorf("trash: %w", err)
	}
	if err := trash(abs); err != nil {
		return fmt.Errorf("trash %s: %w", path, err)
	}
	return nil
}
