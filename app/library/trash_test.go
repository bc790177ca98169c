//go:build unix && !darwin && !ios

package library

import (
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// readTrashInfo returns the .trashinfo of name in a trash folder.
func readTrashInfo(t *testing.T, trash, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(trash, "info", name+".trashinfo"))
	if err != nil {
		t.Fatalf("no trash info: %v", err)
	}
	return string(data)
}

var trashInfoRE = regexp.MustCompile(`^\[Trash Info\]\nPath=(.*)\nDeletionDate=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\n$`)

func TestTrashHome(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	home := filepath.Join(data, "Trash")
	dir := filepath.Join(t.TempDir(), "我的 文章")
	writeFiles(t, dir, map[string]string{"a b.md": "one", "sub/a b.md": "two", "bundle/index.md": "x"})

	if err := Trash(filepath.Join(dir, "a b.md")); err != nil {
		t.Fatal(err)
	}
	if err := Trash(filepath.Join(dir, "sub", "a b.md")); err != nil {
		t.Fatal(err)
	}
	if err := Trash(filepath.Join(dir, "bundle")); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, content, from string }{
		{"a b.md", "one", filepath.Join(dir, "a b.md")},
		{"a b.2.md", "two", filepath.Join(dir, "sub", "a b.md")},
		{"bundle/index.md", "x", ""},
	} {
		got, err := os.ReadFile(filepath.Join(home, "files", c.name))
		if err != nil || string(got) != c.content {
			t.Errorf("%s in trash: %q, %v", c.name, got, err)
		}
		if _, err := os.Lstat(c.from); c.from != "" && !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s still there: %v", c.from, err)
		}
		if c.from == "" {
			continue
		}
		m := trashInfoRE.FindStringSubmatch(readTrashInfo(t, home, c.name))
		if m == nil {
			t.Fatalf("malformed trash info: %q", readTrashInfo(t, home, c.name))
		}
		if regexp.MustCompile(`[^A-Za-z0-9%/._~-]`).MatchString(m[1]) {
			t.Errorf("Path=%s is not URL-escaped", m[1])
		}
		if got, err := url.PathUnescape(m[1]); err != nil || got != filepath.ToSlash(c.from) {
			t.Errorf("Path=%s reads as %q, want %q", m[1], got, c.from)
		}
	}
	if _, err := os.Stat(filepath.Join(home, "info", "bundle.trashinfo")); err != nil {
		t.Error("no trash info for the folder:", err)
	}
	if err := Trash(filepath.Join(dir, "missing.md")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

func TestTrashLeftoverName(t *testing.T) {
	// A file in files/ without its info keeps its place.
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	writeFiles(t, filepath.Join(data, "Trash", "files"), map[string]string{"a.md": "old"})
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.md": "new"})
	if err := Trash(filepath.Join(dir, "a.md")); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"a.md": "old", "a.2.md": "new"} {
		if got, _ := os.ReadFile(filepath.Join(data, "Trash", "files", name)); string(got) != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if _, err := os.Stat(filepath.Join(data, "Trash", "info", "a.md.trashinfo")); err == nil {
		t.Error("an info file was left for the leftover")
	}
}

func TestTrashSymlink(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"target.md": "t"})
	if err := os.Symlink("target.md", filepath.Join(dir, "link.md")); err != nil {
		t.Skip(err)
	}
	if err := Trash(filepath.Join(dir, "link.md")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "target.md")); string(got) != "t" {
		t.Error("the link's target was trashed")
	}
	if l, err := os.Readlink(filepath.Join(data, "Trash", "files", "link.md")); err != nil || l != "target.md" {
		t.Errorf("link in trash: %q, %v", l, err)
	}
}

func TestTopdirTrash(t *testing.T) {
	uid := strconv.Itoa(os.Getuid())
	t.Run(".Trash-uid", func(t *testing.T) {
		top := t.TempDir()
		writeFiles(t, top, map[string]string{"docs/a.md": "a"})
		if err := topdirTrash(top, filepath.Join(top, "docs", "a.md")); err != nil {
			t.Fatal(err)
		}
		trash := filepath.Join(top, ".Trash-"+uid)
		if got, _ := os.ReadFile(filepath.Join(trash, "files", "a.md")); string(got) != "a" {
			t.Error("not in .Trash-uid")
		}
		if m := trashInfoRE.FindStringSubmatch(readTrashInfo(t, trash, "a.md")); m == nil || m[1] != "docs/a.md" {
			t.Errorf("info %q, want the path relative to the top", readTrashInfo(t, trash, "a.md"))
		}
		if info, _ := os.Stat(trash); info.Mode().Perm() != 0o700 {
			t.Errorf("mode %v, want 0700", info.Mode().Perm())
		}
	})
	t.Run("sticky .Trash", func(t *testing.T) {
		top := t.TempDir()
		writeFiles(t, top, map[string]string{"a.md": "a"})
		if err := os.Mkdir(filepath.Join(top, ".Trash"), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(filepath.Join(top, ".Trash"), 0o777|fs.ModeSticky); err != nil {
			t.Fatal(err)
		}
		if err := topdirTrash(top, filepath.Join(top, "a.md")); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(top, ".Trash", uid, "files", "a.md")); err != nil {
			t.Error("not in .Trash/uid:", err)
		}
	})
	t.Run(".Trash without sticky bit is not used", func(t *testing.T) {
		top := t.TempDir()
		writeFiles(t, top, map[string]string{"a.md": "a", ".Trash/keep": ""})
		if err := topdirTrash(top, filepath.Join(top, "a.md")); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(top, ".Trash-"+uid, "files", "a.md")); err != nil {
			t.Error("not in .Trash-uid:", err)
		}
	})
	t.Run(".Trash-uid as a link is refused", func(t *testing.T) {
		top := t.TempDir()
		writeFiles(t, top, map[string]string{"a.md": "a"})
		if err := os.Symlink(t.TempDir(), filepath.Join(top, ".Trash-"+uid)); err != nil {
			t.Skip(err)
		}
		err := topdirTrash(top, filepath.Join(top, "a.md"))
		if !errors.Is(err, ErrNoTrash) {
			t.Fatalf("err = %v, want ErrNoTrash", err)
		}
		if _, err := os.Stat(filepath.Join(top, "a.md")); err != nil {
			t.Error("the file moved although the trash was refused")
		}
	})
}

func TestMountPoint(t *testing.T) {
	dir := t.TempDir()
	dev, err := deviceOf(dir)
	if err != nil {
		t.Fatal(err)
	}
	top, err := mountPoint(filepath.Join(dir, "x"), dev)
	if err != nil {
		t.Fatal(err)
	}
	if rel, err := filepath.Rel(top, dir); err != nil || rel == ".." || len(rel) >= 2 && rel[:2] == ".." {
		t.Errorf("mount point %s is not above %s", top, dir)
	}
	if tdev, _ := deviceOf(top); tdev != dev {
		t.Errorf("mount point %s on another device", top)
	}
}
