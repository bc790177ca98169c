package library

import "testing"

func TestIsSystemPath(t *testing.T) {
	for _, tc := range []struct {
		path string
		want bool
	}{
		{"/proc", true},
		{"/proc/self/environ", true},
		{"/sys/kernel/notes", true},
		{"/dev/zero", true},
		{"/devices/a.md", false},
		{"/process.md", false},
		{"/home/u/site/dev/a.md", false},
		{"/home/u/a.md", false},
	} {
		if got := IsSystemPath(tc.path); got != tc.want {
			t.Errorf("IsSystemPath(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
}

func TestWithin(t *testing.T) {
	for _, tc := range []struct {
		path, root string
		want       bool
	}{
		{"/site", "/site", true},
		{"/site/a.md", "/site", true},
		{"/site/posts/a.md", "/site", true},
		{"/site2/a.md", "/site", false},
		{"/a.md", "/site", false},
		{"/site/..a.md", "/site", true},
		{"/etc/passwd", "/site", false},
	} {
		if got := Within(tc.path, tc.root); got != tc.want {
			t.Errorf("Within(%q, %q) = %v, want %v", tc.path, tc.root, got, tc.want)
		}
	}
}
