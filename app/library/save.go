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

	"folio/editor/document"
)

// ErrChangedOnDisk is returned by Save when the file on disk is no longer
// the one the caller loaded (another program changed, created or deleted
// it). Nothing is written.
var ErrChangedOnDisk = errors.New("file changed on disk since it was loaded")

// ErrReadOnly is returned by Save for a file without write permission:
// Folio does not replace a file its owner protected.
var ErrReadOnly = errors.New("file is read-only")

// ErrNotText is returned by Save for a file whose content on disk is not
// UTF-8 text (binary, UTF-16/32, invalid bytes: see document.CheckText):
// such a file is opened read-only and never written, in the app as on the
// command line.
var ErrNotText = errors.New("the file is not UTF-8 text; Folio does not write it")

// Sum identifies a file's content: the SHA-256 of its bytes. The zero Sum
// stands for "no file": saving with it creates a file that must not exist.
type Sum [sha256.Size]byte

// SumOf returns the Sum of data.
func SumOf(data []byte) Sum { return sha256.Sum256(data) }

// IsZero reports whether s is the zero Sum ("no file").
func (s Sum) IsZero() bool { return s == Sum{} }

// Read reads an article and returns its bytes with their Sum, to hand back
// to Save. It reads only a regular file of at most MaxSize bytes, opened
// without blocking, and never through a symbolic link into /proc, /sys or
// /dev (ErrSystemFile).
func Read(path string) ([]byte, Sum, error) {
	if err := checkLink(path); err != nil {
		return nil, Sum{}, fmt.Errorf("%s: %w", path, err)
	}
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
// Save takes a lock on the article that Folio's other writers (the app, a
// `folio set` at the same moment) wait for, writes a temporary file
// (.folio-tmp-PID-…, see IsTemp) in the same folder with the file's owner,
// group and mode (setuid, setgid and sticky bits too), syncs it, checks the
// file on disk once more and puts the temporary file in its place. On Linux
// the two are swapped atomically and the file replaced is read back: if
// another program wrote in the instant after the last check, the swap is
// undone and Save reports ErrChangedOnDisk. A crash leaves the old or the
// new content, never a mix. A file with several hard links, or whose owner
// Folio cannot give a new file, is written in place after a backup copy
// (.folio-backup-NAME, removed once the write is synced), so its other
// names and its owner stay. A symbolic link is written through to its
// target. Temporary files that a killed save left in the folder are
// removed (see cleanStale); on error no temporary file of this save is left.
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
	// afterCheck runs after the final check, just before the swap: what
	// another program writes here is seen only by reading back what the
	// swap replaced.
	afterCheck func()
}

// errNoExchange says the system cannot swap or rename without replacing
// atomically; Save then uses a plain rename.
var errNoExchange = errors.New("atomic exchange not supported")

func (sv saver) save(path string, data []byte, loaded Sum) error {
	wrap := func(err error) error { return fmt.Errorf("save %s: %w", path, err) }
	target := path
	if t, err := filepath.EvalSymlinks(path); err == nil {
		target = t
	}
	dir := filepath.Dir(target)
	cleanStale(dir)
	mode := fs.FileMode(0o644)
	info, err := os.Stat(target)
	switch {
	case err == nil:
		if !info.Mode().IsRegular() {
			return fmt.Errorf("save %s: not a regular file", path)
		}
		mode = info.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
		if mode&0o222 == 0 {
			return wrap(ErrReadOnly)
		}
	case !errors.Is(err, fs.ErrNotExist):
		return wrap(err)
	default:
		info = nil
	}
	unlock, err := lockArticle(target)
	if err != nil {
		return wrap(err)
	}
	defer unlock()
	if err := unchanged(target, loaded); err != nil {
		return wrap(err)
	}
	var uid, gid int
	var known bool
	if info != nil {
		var nlink uint64
		uid, gid, nlink, known = owner(info)
		if known && nlink > 1 {
			if err := writeInPlace(target, data, loaded); err != nil {
				return wrap(err)
			}
			return nil
		}
	}

	tmp, err := createTemp(dir)
	if err != nil {
		return wrap(err)
	}
	tmpName := tmp.Name()
	done, keep := false, false
	defer func() {
		tmp.Close() // also releases the temporary file's lock
		if !done && !keep {
			os.Remove(tmpName)
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return fmt.Errorf("save %s: write temporary file: %w", path, err)
	}
	if known {
		if err := tmp.Chown(uid, gid); err != nil {
			// A new file cannot have the old one's owner: keep the
			// file itself and write into it.
			if err := writeInPlace(target, data, loaded); err != nil {
				return wrap(err)
			}
			return nil
		}
	}
	if err := tmp.Chmod(mode); err != nil { // after Chown, which clears setuid and setgid
		return wrap(err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("save %s: sync temporary file: %w", path, err)
	}
	if sv.beforeRename != nil {
		sv.beforeRename()
	}
	// Check again: the write and sync take time and the file may have
	// changed meanwhile.
	if err := unchanged(target, loaded); err != nil {
		return wrap(err)
	}
	if sv.afterCheck != nil {
		sv.afterCheck()
	}
	if err := replace(tmpName, target, loaded, &keep); err != nil {
		return wrap(err)
	}
	done = true
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("save %s: sync folder: %w", path, err)
	}
	return nil
}

// replace puts the temporary file tmp at target. A new file (zero loaded)
// must not appear meanwhile; an existing one is swapped and what was
// replaced must be the content loaded, or the swap is undone. keep is set
// when tmp then holds another program's content that could not be swapped
// back (and so must not be removed).
func replace(tmp, target string, loaded Sum, keep *bool) error {
	if loaded.IsZero() {
		err := renameNoReplace(tmp, target)
		switch {
		case err == errNoExchange:
			return os.Rename(tmp, target)
		case errors.Is(err, fs.ErrExist):
			return fmt.Errorf("%w (a file was created there)", ErrChangedOnDisk)
		}
		return err
	}
	err := exchange(tmp, target)
	if err == errNoExchange {
		return os.Rename(tmp, target)
	}
	if err != nil {
		return err
	}
	// tmp now names the file that was at target.
	if old, rerr := readFile(tmp); rerr == nil && SumOf(old) == loaded {
		os.Remove(tmp)
		return nil
	}
	if err := exchange(tmp, target); err != nil {
		*keep = true
		return fmt.Errorf("%w in the instant before the save; that version is kept as %s", ErrChangedOnDisk, tmp)
	}
	return fmt.Errorf("%w (in the instant before the save)", ErrChangedOnDisk)
}

// backupPrefix starts the name of the copy writeInPlace keeps of a file
// until its new content is synced. It is not a temporary file: no cleaner
// removes it, since after a crash it may be the only whole copy.
const backupPrefix = ".folio-backup-"

// writeInPlace overwrites target's content without replacing the file, so
// its hard links, owner and mode stay. A backup of the old content is
// written and synced first and removed after; if the write fails the old
// content is put back.
func writeInPlace(target string, data []byte, loaded Sum) error {
	old, err := readFile(target)
	if err != nil {
		return err
	}
	if SumOf(old) != loaded {
		return ErrChangedOnDisk
	}
	dir := filepath.Dir(target)
	backup := filepath.Join(dir, backupPrefix+filepath.Base(target))
	if err := writeSynced(backup, old); err != nil {
		os.Remove(backup)
		return fmt.Errorf("write backup: %w", err)
	}
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("sync folder: %w", err)
	}
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		os.Remove(backup)
		return err
	}
	werr := overwrite(f, data)
	if werr != nil {
		if overwrite(f, old) != nil {
			f.Close()
			return fmt.Errorf("%w; the old content is in %s", werr, backup)
		}
	}
	if err := f.Close(); err != nil && werr == nil {
		werr = err
	}
	if werr != nil {
		os.Remove(backup)
		return werr
	}
	os.Remove(backup)
	return nil
}

// overwrite writes data at the start of f, cuts f after it and syncs.
func overwrite(f *os.File, data []byte) error {
	if _, err := f.WriteAt(data, 0); err != nil {
		return err
	}
	if err := f.Truncate(int64(len(data))); err != nil {
		return err
	}
	return f.Sync()
}

// writeSynced creates (or replaces) a file with data and syncs it.
func writeSynced(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
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
	if err := document.CheckText(data); err != nil {
		return fmt.Errorf("%w (%v)", ErrNotText, err)
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
