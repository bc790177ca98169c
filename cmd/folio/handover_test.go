package main

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestFindApp(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the table uses symbolic links and names without .exe")
	}
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"bin/folio":              "quick",
		"bin2/folio":             "quick, no app beside it",
		"opt/folio/folio":        "quick, linked from link/",
		"opt/folio/folio-app":    "full",
		"both/folio":             "quick",
		"both/folio-app":         "full",
		"dirapp/folio":           "quick",
		"dirapp/folio-app/x":     "a folder named folio-app is no app",
		"path/folio-app":         "full on PATH",
		"link/placeholder":       "",
		"bin/folio-app.disabled": "",
	})
	if err := os.Symlink(filepath.Join(root, "opt/folio/folio"), filepath.Join(root, "link/folio")); err != nil {
		t.Fatal(err)
	}
	in := func(p string) string { return filepath.Join(root, filepath.FromSlash(p)) }
	onPath := func(name string) (string, error) {
		if name != appName {
			t.Errorf("looked up %q on PATH, want %q", name, appName)
		}
		return in("path/folio-app"), nil
	}
	notOnPath := func(string) (string, error) { return "", errors.New("not found") }
	tests := []struct {
		name, self, env string
		lookPath        func(string) (string, error)
		want, wantErr   string
	}{
		{"FOLIO_APP wins", in("both/folio"), "/somewhere/else/folio-app", onPath, "/somewhere/else/folio-app", ""},
		{"beside the quick binary", in("both/folio"), "", onPath, in("both/folio-app"), ""},
		{"beside a linked binary's target", in("link/folio"), "", onPath, in("opt/folio/folio-app"), ""},
		{"a folder is skipped, PATH next", in("dirapp/folio"), "", onPath, in("path/folio-app"), ""},
		{"only the exact name beside, PATH next", in("bin/folio"), "", onPath, in("path/folio-app"), ""},
		{"on PATH", in("bin2/folio"), "", onPath, in("path/folio-app"), ""},
		{"unknown executable, on PATH", "", "", onPath, in("path/folio-app"), ""},
		{"nowhere", in("bin2/folio"), "", notOnPath, "", "folio-app is not in " + in("bin2") + " or on PATH (install it there with: go build -o folio-app ./cmd/folio, or set FOLIO_APP to its path)"},
		{"nowhere, unknown executable", "", "", notOnPath, "", "folio-app is not on PATH"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			getenv := func(k string) string {
				if k == appEnv {
					return tc.env
				}
				return ""
			}
			got, err := findApp(tc.self, getenv, tc.lookPath)
			if tc.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tc.wantErr) {
					t.Fatalf("findApp = %q, %v; want error %q", got, err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("findApp = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}
