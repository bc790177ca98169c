//go:build unix && !darwin && !ios

package library

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// trash moves abs to the freedesktop.org trash
// (https://specifications.freedesktop.org/trash-spec/latest/).
func trash(abs string) error {
	dev, err := deviceOf(abs)
	if err != nil {
		return err
	}
	home := homeTrash()
	if home != "" {
		if hdev, err := deviceOf(existingAncestor(home)); err == nil && hdev == dev {
			return trashInto(home, abs, abs)
		}
	}
	top, err := mountPoint(abs, dev)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrNoTrash, err)
	}
	return topdirTrash(top, abs)
}

// homeTrash returns the home trash folder: $XDG_DATA_HOME/Trash, or
// ~/.local/share/Trash; "" when neither is known.
func homeTrash() string {
	if d := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "Trash")
	}
	if h, err := os.UserHomeDir(); err == nil {
		return filepath.Join(h, ".local", "share", "Trash")
	}
	return ""
}

// topdirTrash moves abs into the trash at the top of its file system:
// $topdir/.Trash/$uid when the administrator made a sticky, non-link
// .Trash, else $topdir/.Trash-$uid (made if missing). The trash info
// records the path relative to top, as the specification prefers.
func topdirTrash(top, abs string) error {
	uid := strconv.Itoa(os.Getuid())
	rel, err := filepath.Rel(top, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		rel = abs
	}
	shared := filepath.Join(top, ".Trash")
	if info, err := os.Lstat(shared); err == nil && info.IsDir() && info.Mode()&fs.ModeSticky != 0 {
		dir := filepath.Join(shared, uid)
		if err := ownDir(dir); err == nil {
			if err := trashInto(dir, abs, rel); !errors.Is(err, ErrNoTrash) {
				return err
			}
		}
	}
	dir := filepath.Join(top, ".Trash-"+uid)
	if err := ownDir(dir); err != nil {
		return fmt.Errorf("%w: %w", ErrNoTrash, err)
	}
	return trashInto(dir, abs, rel)
}

// ownDir makes dir (mode 0700) if it is missing and checks that it is a
// real folder (not a link) owned by this user.
func ownDir(dir string) error {
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	info, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return fmt.Errorf("%s is not a folder", dir)
	}
	if st, ok := info.Sys().(*syscall.Stat_t); ok && int(st.Uid) != os.Getuid() {
		return fmt.Errorf("%s belongs to another user", dir)
	}
	return nil
}

// trashInto moves abs into the trash folder dir (its files/ and info/
// subfolders are made if missing), recording infoPath as where it came
// from. The info file is written first, with O_EXCL, to claim the name.
func trashInto(dir, abs, infoPath string) error {
	files, infos := filepath.Join(dir, "files"), filepath.Join(dir, "info")
	for _, d := range []string{files, infos} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return fmt.Errorf("%w: %w", ErrNoTrash, err)
		}
	}
	base := filepath.Base(abs)
	ext := filepath.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	info := "[Trash Info]\nPath=" + (&url.URL{Path: filepath.ToSlash(infoPath)}).EscapedPath() +
		"\nDeletionDate=" + time.Now().Format("2006-01-02T15:04:05") + "\n"
	for i := 1; i < 10000; i++ {
		name := base
		if i > 1 {
			name = stem + "." + strconv.Itoa(i) + ext
		}
		infoFile := filepath.Join(infos, name+".trashinfo")
		f, err := os.OpenFile(infoFile, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("%w: %w", ErrNoTrash, err)
		}
		_, werr := f.WriteString(info)
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			os.Remove(infoFile)
			return fmt.Errorf("%w: %w", ErrNoTrash, werr)
		}
		target := filepath.Join(files, name)
		if _, err := os.Lstat(target); err == nil {
			os.Remove(infoFile) // a leftover without its info: keep it, take another name
			continue
		}
		if err := os.Rename(abs, target); err != nil {
			os.Remove(infoFile)
			if errors.Is(err, syscall.EXDEV) {
				return fmt.Errorf("%w: %w", ErrNoTrash, err)
			}
			return err
		}
		return nil
	}
	return fmt.Errorf("%w: no free name in %s", ErrNoTrash, files)
}

// deviceOf returns the device of the file system holding path (the link
// itself for a symbolic link).
func deviceOf(path string) (uint64, error) {
	info, err := os.Lstat(path)
	if err != nil {
		return 0, err
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, fmt.Errorf("%w: no device number for %s", ErrNoTrash, path)
	}
	return uint64(st.Dev), nil
}

// existingAncestor returns path or its nearest existing parent.
func existingAncestor(path string) string {
	for {
		if _, err := os.Lstat(path); err == nil {
			return path
		}
		parent := filepath.Dir(path)
		if parent == path {
			return path
		}
		path = parent
	}
}

// mountPoint returns the top folder of the file system (device dev) that
// holds abs: the highest ancestor on the same device.
func mountPoint(abs string, dev uint64) (string, error) {
	top := filepath.Dir(abs)
	for {
		parent := filepath.Dir(top)
		if parent == top {
			return top, nil
		}
		pdev, err := deviceOf(parent)
		if err != nil {
			return "", err
		}
		if pdev != dev {
			return top, nil
		}
		top = parent
	}
}
