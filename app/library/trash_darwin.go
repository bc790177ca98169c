//go:build darwin || ios

package library

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// trash moves abs into ~/.Trash under a free name. A file on another
// volume cannot be renamed there: ErrNoTrash.
func trash(abs string) error {
	home, err := os.UserHomeDir()
	if err != nil {
		return fmt.Errorf("%w: %w", ErrNoTrash, err)
	}
	dir := filepath.Join(home, ".Trash")
	base := filepath.Base(abs)
	ext := filepath.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	for i := 1; i < 10000; i++ {
		name := base
		if i > 1 {
			name = stem + " " + strconv.Itoa(i) + ext
		}
		target := filepath.Join(dir, name)
		if _, err := os.Lstat(target); !errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err := os.Rename(abs, target); err != nil {
			if errors.Is(err, syscall.EXDEV) || errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
				return fmt.Errorf("%w: %w", ErrNoTrash, err)
			}
			return err
		}
		return nil
	}
	return fmt.Errorf("%w: no free name in %s", ErrNoTrash, dir)
}
