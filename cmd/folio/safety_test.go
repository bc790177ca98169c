//go:build unix && !folio_cli

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runCLIWithin runs the command line and fails the test if it does not
// return within limit (a FIFO used to hang get, set and export forever).
func runCLIWithin(t *testing.T, limit time.Duration, args ...string) (string, string, int) {
	t.Helper()
	type result struct {
		out, err string
		code     int
	}
	done := make(chan result, 1)
	go func() {
		o, e, c := runCLI(args...)
		done <- result{o, e, c}
	}()
	select {
	case r := <-done:
		return r.out, r.err, r.code
	case <-time.After(limit):
		t.Fatalf("folio %q did not return within %v", args, limit)
		return "", "", 0
	}
}

// TestHostileArticleFiles: get, set and export apply the folder scan's
// rules (regular file, size cap, UTF-8 text) and refuse links out of the
// article's folder or site unless --follow-links (issue 12: a FIFO hung
// them, /dev/zero or a 2 GB sparse file ate memory, a link to
// /proc/self/environ was published, a PNG was overwritten).
func TestHostileArticleFiles(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"outside/secret.md":        "---\ntitle: secret\n---\nsecret body\n",
		"blog/real.md":             "---\ntitle: real\n---\nbody\n",
		"blog/png.md":              "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
		"blog/utf16.md":            "\xff\xfe-\x00-\x00-\x00\n\x00",
		"blog/deep.md":             "---\n" + deepYAMLMap(10_000) + "---\n",
		"site/hugo.toml":           "title = 'x'\n",
		"site/data/shared.md":      "---\ntitle: shared\n---\n",
		"site/content/placeholder": "",
	})
	t.Chdir(root)
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(syscall.Mkfifo("blog/fifo.md", 0o644))
	must(os.Symlink("/dev/zero", "blog/zero.md"))
	must(os.Symlink("/proc/self/environ", "blog/env.md"))
	must(os.Symlink("../outside/secret.md", "blog/out.md"))
	must(os.Symlink("real.md", "blog/in.md"))
	must(os.Symlink("../data/shared.md", "site/content/shared.md"))
	f, err := os.Create("blog/sparse.md")
	must(err)
	must(f.Truncate(2 << 30))
	f.Close()

	type want struct {
		code int
		msg  string // in stderr
	}
	tests := []struct {
		file                string
		follow              bool
		get, set, exportOut want
	}{
		{"blog/fifo.md", false, want{1, "not a regular file"}, want{1, "not a regular file"}, want{1, "not a regular file"}},
		{"blog/zero.md", false, want{1, "system file"}, want{1, "system file"}, want{1, "system file"}},
		{"blog/zero.md", true, want{1, "system file"}, want{1, "system file"}, want{1, "system file"}},
		{"blog/env.md", true, want{1, "system file"}, want{1, "system file"}, want{1, "system file"}},
		{"blog/sparse.md", false, want{1, "larger than 16 MB"}, want{1, "larger than 16 MB"}, want{1, "larger than 16 MB"}},
		{"blog/out.md", false, want{1, "--follow-links"}, want{1, "--follow-links"}, want{1, "--follow-links"}},
		{"blog/out.md", true, want{0, ""}, want{0, ""}, want{0, ""}},
		{"blog/in.md", false, want{0, ""}, want{0, ""}, want{0, ""}},
		{"site/content/shared.md", false, want{0, ""}, want{0, ""}, want{0, ""}},
		{"blog/png.md", false, want{1, "binary"}, want{1, "binary"}, want{1, "binary"}},
		{"blog/utf16.md", false, want{1, "UTF-16LE"}, want{1, "UTF-16LE"}, want{1, "UTF-16LE"}},
		{"blog/deep.md", false, want{1, "blog/deep.md:102: YAML: values nest deeper than 100 levels"}, want{1, "deeper"}, want{1, "deeper"}},
	}
	for _, tc := range tests {
		name := tc.file
		var flag []string
		if tc.follow {
			name += " --follow-links"
			flag = []string{"--follow-links"}
		}
		t.Run(name, func(t *testing.T) {
			var before []byte // only a small regular file is read: not a FIFO, device or sparse file
			if info, err := os.Lstat(tc.file); err == nil && info.Mode().IsRegular() && info.Size() < 1<<20 {
				before, _ = os.ReadFile(tc.file)
			}
			check := func(cmd string, w want, args ...string) {
				t.Helper()
				_, errOut, code := runCLIWithin(t, 10*time.Second, append(append([]string{cmd}, flag...), args...)...)
				if code != w.code || !strings.Contains(errOut, w.msg) {
					t.Errorf("folio %s: exit %d, stderr %q; want exit %d saying %q", cmd, code, errOut, w.code, w.msg)
				}
				if w.code != 0 && strings.Contains(errOut, "secret body") {
					t.Errorf("folio %s leaked the target's text", cmd)
				}
			}
			check("get", tc.get, tc.file)
			check("export", tc.exportOut, tc.file, "-o", filepath.Join(t.TempDir(), "page.html"))
			check("set", tc.set, tc.file, "title=changed")
			if tc.set.code != 0 && before != nil {
				if after, _ := os.ReadFile(tc.file); string(after) != string(before) {
					t.Errorf("a refused set changed the file")
				}
			}
		})
	}
}

// deepYAMLMap is a block map n levels deep, one key a line.
func deepYAMLMap(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(" ", i%200) + "a:\n")
	}
	return b.String()
}

// TestExportRefusesOddOutputs: -o never replaces a symbolic link nor
// writes through it, and never opens a FIFO or device (issue 12).
func TestExportRefusesOddOutputs(t *testing.T) {
	fixtureDir(t, map[string]string{"post.md": "---\ntitle: T\n---\nbody\n", "victim.txt": "keep me\n"})
	if err := os.Symlink("victim.txt", "link.html"); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo("fifo.html", 0o644); err != nil {
		t.Fatal(err)
	}
	os.Mkdir("dir.html", 0o755)
	for _, out := range []string{"link.html", "fifo.html", "dir.html", "/dev/null"} {
		_, errOut, code := runCLIWithin(t, 10*time.Second, "export", "post.md", "-o", out)
		if code != 1 || !strings.Contains(errOut, out) {
			t.Errorf("export -o %s: exit %d, stderr %q; want a refusal naming it", out, code, errOut)
		}
	}
	if info, err := os.Lstat("link.html"); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link at OUT was replaced")
	}
	if got, _ := os.ReadFile("victim.txt"); string(got) != "keep me\n" {
		t.Errorf("export wrote through the link: %q", got)
	}
	if _, errOut, code := runCLI("export", "post.md", "-o", "new.html"); code != 0 {
		t.Errorf("export to a new file: %s", errOut)
	}
}
