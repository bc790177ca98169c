package library

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
)

// ErrChangedOnDisk is returned by Save when the file on disk is no longer
// the one the caller loaded (another program changed, created or deleted
// it). Nothing is written.
var ErrChangedOnDisk = errors.New("file changed on disk since it was loaded")

// ErrReadOnly is returned by Save for a file without write permission:
// Folio does not replace a file its owner protected.
var ErrReadOnly = errors.New("file is read-only")

// Sum identifies a file's content: the SHA-256 of its bytes. The zero Sum
// stands for "no file": saving with it creates a file that must not exist.
type Sum [sha256.Size]byte

// SumOf returns the Sum of data.
func SumOf(data []byte) Sum { return sha256.Sum256(data) }

// IsZero reports whether s is the zero Sum ("no file").
func (s Sum) IsZero() bool { return s == Sum{} }

// Read reads an article and returns its bytes with their Sum, to hand back
// to Save.
func Read(path string) ([]byte, Sum, error) {
	data, err := readFile(path)
	if err != nil {
		if _, ok := errors.AsType[*fs.PathError](err); !ok {
			err = fmt.Errorf("%s: %w", path, err) // name the file once
		}
		return nil, Sum{}, err
	}
	return data, SumOf(data), nil
}

// Save writes data to path atomically, but only if the file on disk still
// has the content identified by loaded (the Sum of the bytes the caller read;
// the zero Sum when the file is new and must not exist yet). Otherwise it
// returns an error wrapping ErrChangedOnDisk and writes nothing.
//
// Save writes a temporary file in the same folder, syncs it, checks the file
// on disk once more, renames the temporary file over path and syncs the
// folder, so a crash leaves either the old or the new content, never a mix.
// The file keeps its permission bits; a symbolic link is written through to
// its target. On error no temporary file is left behind.
//
// Save is the one path through which Folio writes articles.
func Save(path string, data []byte, loaded Sum) error {
	return saver{}.save(path, data, loaded)
}

// saver holds test hooks for Save.
type saver struct {
	// beforeRename runs after the temporary file is written and synced,
	// just before the final check and rename.
	beforeRename func()
}

func (sv saver) save(path string, data []byte, loaded Sum) error {
	target := path
	if t, err := filepath.EvalSymlinks(path); err == nil {
		target = t
	}
	mode := fs.FileMode(0o644)
	info, err := os.Stat(target)
	switch {
	case err == nil:
		if !info.Mode().IsRegular() {
			return fmt.Errorf("save %s: not a regular file", path)
		}
		mode = info.Mode().Perm()
		if mode&0o222 == 0 {
			return fmt.Errorf("save %s: %w", path, ErrReadOnly)
		}
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err := unchanged(target, loaded); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}

	dir := filepath.Dir(target)
	// A short name: the article's own name may already be near the
	// file system's limit (255 bytes, 85 Chinese characters).
	tmp, err := os.CreateTemp(dir, ".folio-*.tmp")
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	tmpName := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return fmt.Errorf("save %s: write temporary file: %w", path, err)
	}
	if err := tmp.Chmod(mode); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("save %s: sync temporary file: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("save %s: close temporary file: %w", path, err)
	}
	if sv.beforeRename != nil {
		sv.beforeRename()
	}
	// Check again: the write and sync take time and the file may have
	// changed meanwhile. A change in the instant between this check and
	// the rename cannot be detected without locks editors do not take.
	if err := unchanged(target, loaded); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err := os.Rename(tmpName, target); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	ok = true
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("save %s: sync folder: %w", path, err)
	}
	return nil
}

// unchanged checks that the file at path has the content identified by
// loaded (or, for the zero Sum, that there is no file).
func unchanged(path string, loaded Sum) error {
	data, err := readFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if loaded.IsZero() {
			return nil
		}
		return fmt.Errorf("%w (it was deleted)", ErrChangedOnDisk)
	case err != nil:
		return err
	case loaded.IsZero():
		return fmt.Errorf("%w (a file was created there)", ErrChangedOnDisk)
	case SumOf(data) != loaded:
		return ErrChangedOnDisk
	}
	return nil
}

// syncDir flushes a folder's entries (the rename) to disk. Systems that
// cannot sync a folder (Windows) report an error that is ignored.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	err = d.Sync()
	if err != nil && (runtime.GOOS == "windows" || errors.Is(err, syscall.EINVAL) || errors.Is(err, errors.ErrUnsupported)) {
		err = nil // the folder cannot be synced on this system
	}
	return err
}
