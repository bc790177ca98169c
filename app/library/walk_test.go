package library

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"folio/editor/document"
)

// writeTree creates files under dir: a name ending in "/" is a folder,
// anything else a file with the given content.
func writeTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// visitPaths returns the paths Visit finds under dir and each one's error.
func visitPaths(t *testing.T, dir string) ([]string, map[string]error) {
	t.Helper()
	type pe struct {
		path string
		err  error
	}
	got, err := Visit(context.Background(), dir, func(f *File) pe { return pe{f.Path, f.Err} })
	if err != nil {
		t.Fatalf("Visit: %v", err)
	}
	var paths []string
	errs := map[string]error{}
	for _, g := range got {
		paths = append(paths, g.path)
		errs[g.path] = g.err
	}
	return paths, errs
}

func TestVisitFindsMarkdown(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"a.md":                       "a",
		"b.markdown":                 "b",
		"C.MD":                       "c",
		"notes.txt":                  "not markdown",
		"md":                         "no extension",
		"posts/2024/深度学习.md":         "中文",
		"posts/2024/x.md":            "x",
		"posts/a.md":                 "pa",
		"empty/":                     "",
		".git/HEAD.md":               "hidden folder",
		".obsidian/cache.md":         "hidden folder",
		"posts/.drafts/secret.md":    "hidden folder below",
		".hidden.md":                 "hidden file",
		"node_modules/pkg/README.md": "dependency",
		"posts/node_modules/x.md":    "dependency below",
	})
	// A folder with a Markdown name is walked, not read.
	os.MkdirAll(filepath.Join(dir, "folder.md"), 0o755)
	os.WriteFile(filepath.Join(dir, "folder.md", "in.md"), []byte("in"), 0o644)

	paths, _ := visitPaths(t, dir)
	want := []string{"C.MD", "a.md", "b.markdown", "folder.md/in.md", "posts/2024/x.md", "posts/2024/深度学习.md", "posts/a.md"}
	if !slices.Equal(paths, want) {
		t.Errorf("paths = %q\nwant    %q", paths, want)
	}
}

func TestVisitSortedAndStable(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for _, n := range []string{"a", "a.b", "a-b", "a/b", "a/b/c", "b", "ab", "a b", "Z", "中", "a/中"} {
		files[n+"/x.md"] = n
		files[n+".md"] = n
	}
	writeTree(t, dir, files)
	first, _ := visitPaths(t, dir)
	if !slices.IsSorted(first) {
		t.Errorf("paths not sorted: %q", first)
	}
	if len(first) != len(files) {
		t.Errorf("found %d files, want %d", len(first), len(files))
	}
	for range 5 {
		again, _ := visitPaths(t, dir)
		if !slices.Equal(first, again) {
			t.Fatalf("order changed between scans:\n%q\n%q", first, again)
		}
	}
}

func TestVisitSymlinks(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"posts/a.md":  "a",
		"outside.md":  "o",
		"shared/s.md": "s",
	})
	links := map[string]string{
		"posts/loop":        "..",            // back to the root: a loop
		"posts/self":        ".",             // to its own folder: a loop
		"posts/shared":      "../shared",     // a folder elsewhere: followed
		"posts/o.md":        "../outside.md", // a file: followed
		"posts/dangling.md": "nothing.md",    // broken: reported
		"posts/dangling":    "nothing",       // broken, not Markdown: ignored
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	paths, errs := visitPaths(t, dir)
	want := []string{"outside.md", "posts/a.md", "posts/dangling.md", "posts/o.md", "posts/shared/s.md", "shared/s.md"}
	if !slices.Equal(paths, want) {
		t.Errorf("paths = %q\nwant    %q", paths, want)
	}
	if !errors.Is(errs["posts/dangling.md"], ErrNotRegular) {
		t.Errorf("dangling link error = %v, want ErrNotRegular", errs["posts/dangling.md"])
	}
}

func TestVisitBadFiles(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"binary.md":   "---\ntitle: x\n---\n\x00\x01\x02",
		"late-nul.md": "---\ntitle: late\n---\n" + strings.Repeat("x", 8<<10) + "\x00",
		"utf16.md":    "\xff\xfe-\x00-\x00-\x00\n\x00",
		"latin1.md":   "---\ntitle: x\n---\ncaf\xe9\n",
		"good.md":     "---\ntitle: good\n---\nbody\n",
		"empty.md":    "",
	})
	huge := filepath.Join(dir, "huge.md")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(MaxSize + 1) // sparse: costs no disk
	f.Close()
	atLimit := filepath.Join(dir, "at-limit.md")
	f, _ = os.Create(atLimit)
	f.Truncate(MaxSize)
	f.Close()
	if err := mkfifo(filepath.Join(dir, "fifo.md")); err != nil {
		t.Logf("no FIFO: %v", err)
	}

	paths, errs := visitPaths(t, dir)
	checks := map[string]error{
		"binary.md":   ErrBinary,
		"at-limit.md": ErrBinary, // sixteen megabytes of NUL bytes: read, then seen as binary
		"huge.md":     ErrTooLarge,
		"late-nul.md": ErrBinary, // one rule with the command line and the app: any NUL byte
		"utf16.md":    document.ErrNotUTF8,
		"latin1.md":   document.ErrNotUTF8,
		"good.md":     nil,
		"empty.md":    nil,
	}
	if _, err := os.Lstat(filepath.Join(dir, "fifo.md")); err == nil {
		checks["fifo.md"] = ErrNotRegular // and Visit does not hang opening it
	}
	for name, want := range checks {
		if !slices.Contains(paths, name) {
			t.Errorf("%s not visited", name)
			continue
		}
		got := errs[name]
		if want == nil && got != nil || want != nil && !errors.Is(got, want) {
			t.Errorf("%s: error %v, want %v", name, got, want)
		}
	}
	if len(paths) != len(checks) {
		t.Errorf("visited %q, want %d files", paths, len(checks))
	}
}

func TestVisitRootErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.md")
	os.WriteFile(file, []byte("x"), 0o644)
	for _, root := range []string{filepath.Join(dir, "missing"), file} {
		if _, err := Scan(context.Background(), root); err == nil {
			t.Errorf("Scan(%s) succeeded", root)
		} else if !strings.Contains(err.Error(), root) {
			t.Errorf("Scan(%s) error %q does not name the folder", root, err)
		}
	}
}

func TestVisitCancel(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 200 {
		files[filepath.Join("d", string(rune('a'+i%26)), strings.Repeat("x", i%7+1)+string(rune('a'+i/26))+".md")] = "x"
	}
	writeTree(t, dir, files)
	ctx, cancel := context.WithCancel(context.Background())
	_, err := Visit(ctx, dir, func(f *File) int {
		cancel()
		return 0
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Visit after cancel: %v, want context.Canceled", err)
	}
}

func TestIsMarkdown(t *testing.T) {
	for name, want := range map[string]bool{
		"a.md": true, "a.MD": true, "a.Markdown": true, "a.markdown": true, "dir/a.md": true,
		"a.mdx": false, "a.txt": false, "md": false, "a.md.bak": false, ".md": true,
	} {
		if got := IsMarkdown(name); got != want {
			t.Errorf("IsMarkdown(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestVisitUnreadable(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs Unix permissions and a user they apply to")
	}
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.md": "a", "secret.md": "s", "locked/b.md": "b", "z.md": "z"})
	os.Chmod(filepath.Join(dir, "secret.md"), 0)
	os.Chmod(filepath.Join(dir, "locked"), 0)
	defer os.Chmod(filepath.Join(dir, "locked"), 0o755)
	paths, errs := visitPaths(t, dir)
	if want := []string{"a.md", "locked/", "secret.md", "z.md"}; !slices.Equal(paths, want) {
		t.Errorf("paths = %q, want %q", paths, want)
	}
	for _, p := range []string{"locked/", "secret.md"} {
		if !errors.Is(errs[p], os.ErrPermission) {
			t.Errorf("%s: error %v, want a permission error", p, errs[p])
		}
	}
}

// TestJoinName: the walk's join is filepath.Join for every clean folder
// and entry name, the root and relative folders included.
func TestJoinName(t *testing.T) {
	for _, dir := range []string{"/", "/a", "/a/b", "a", "a/b", ".", "..", "../x", "/tmp/文章", "", "/a b"} {
		for _, name := range []string{"x.md", "文章.md", "a b", "...", ".hidden", "x"} {
			dir := filepath.FromSlash(dir)
			if got, want := joinName(dir, name), filepath.Join(dir, name); got != want {
				t.Errorf("joinName(%q, %q) = %q, want %q", dir, name, got, want)
			}
		}
	}
}

// FuzzJoinName holds joinName to filepath.Join for clean folders and
// names a folder listing gives.
func FuzzJoinName(f *testing.F) {
	f.Add("/a/b", "c.md")
	f.Add("/", "x")
	f.Add(".", "y")
	f.Fuzz(func(t *testing.T, dir, name string) {
		dir = filepath.Clean(dir)
		if name == "" || name == "." || name == ".." || strings.ContainsRune(name, '/') || strings.ContainsRune(name, filepath.Separator) {
			return
		}
		if got, want := joinName(dir, name), filepath.Join(dir, name); got != want {
			t.Errorf("joinName(%q, %q) = %q, want %q", dir, name, got, want)
		}
	})
}

// TestWalkPathsAgree: every path the walk emits is the root joined with
// the relative path (which is cut from the end of the joined one), from a
// root given as an absolute path, one ending in a separator, ".", and a
// relative path, through a linked folder too.
func TestWalkPathsAgree(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"a.md": "a", "posts/b.md": "b", "posts/2024/c.md": "c", "posts/2024/深/d.md": "d", "shared/s.md": "s",
	})
	if err := os.Symlink("../shared", filepath.Join(dir, "posts", "linked")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Dir(dir))
	for _, root := range []string{dir, dir + string(filepath.Separator), ".", filepath.Base(dir)} {
		if root == "." {
			t.Chdir(dir)
		} else {
			t.Chdir(filepath.Dir(dir))
		}
		real, err := filepath.EvalSymlinks(root)
		if err != nil {
			t.Fatal(err)
		}
		var rels []string
		w := walker{ctx: context.Background(), stack: []string{real}}
		clean := filepath.Clean(root)
		w.emit = func(rel, abs string, err error) {
			if err != nil {
				t.Errorf("%s: %v", rel, err)
			}
			if want := filepath.Join(clean, filepath.FromSlash(rel)); abs != want {
				t.Errorf("root %q: %q emitted as %q, want %q", root, rel, abs, want)
			}
			rels = append(rels, rel)
		}
		if err := w.walk(clean, ""); err != nil {
			t.Fatal(err)
		}
		want := []string{"a.md", "posts/2024/c.md", "posts/2024/深/d.md", "posts/b.md", "posts/linked/s.md", "shared/s.md"}
		if !slices.Equal(rels, want) {
			t.Errorf("root %q: %q, want %q", root, rels, want)
		}
	}
}
