package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// The quick command line (built with -tags folio_cli) leaves out the
// desktop toolkit and the Markdown engine; it hands what needs them (the
// desktop app, check and export) over to Folio's full build.
const (
	// appName is the name the full build is installed under beside the
	// quick command line (folio-app.exe on Windows).
	appName = "folio-app"
	// appEnv, when set, is the path of the full build to hand over to.
	appEnv = "FOLIO_APP"
	// handedEnv marks a process started by a hand-over. A quick build that
	// is started with it refuses to hand over again (the "full build" it
	// found was another quick build), and the full build clears it.
	handedEnv = "FOLIO_HANDED_OVER"
)

// handOver runs the full build with args in place of this process (on
// Windows: as a child whose exit code it returns; the desktop app is
// started without waiting). what names the task for error messages.
func handOver(what string, args []string, stdout, stderr io.Writer) int {
	if os.Getenv(handedEnv) != "" {
		fmt.Fprintf(stderr, "folio: %s needs the full Folio build, but %s is the quick command line (built with -tags folio_cli)\n", what, os.Args[0])
		return 1
	}
	self, err := os.Executable()
	if err != nil {
		self = ""
	}
	app, err := findApp(self, os.Getenv, exec.LookPath)
	if err != nil {
		fmt.Fprintf(stderr, "folio: %s needs the full Folio build: %v\n", what, err)
		return 1
	}
	return execApp(app, args, what == appTask, stdout, stderr)
}

// appTask is what handOver is asked for when the desktop app is opened.
const appTask = "the desktop app"

// findApp returns the full build to hand over to: $FOLIO_APP when set;
// else folio-app in the folder of self (this executable; "" when unknown)
// or of the file self is a symbolic link to; else folio-app on PATH.
func findApp(self string, getenv func(string) string, lookPath func(string) (string, error)) (string, error) {
	if p := getenv(appEnv); p != "" {
		return p, nil
	}
	name := appName
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	var dirs []string
	if self != "" {
		dirs = append(dirs, filepath.Dir(self))
		if real, err := filepath.EvalSymlinks(self); err == nil && filepath.Dir(real) != dirs[0] {
			dirs = append(dirs, filepath.Dir(real))
		}
	}
	for _, d := range dirs {
		p := filepath.Join(d, name)
		if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
			return p, nil
		}
	}
	if p, err := lookPath(appName); err == nil {
		return p, nil
	}
	where := "on PATH"
	if len(dirs) > 0 {
		where = "in " + dirs[0] + " or on PATH"
	}
	return "", fmt.Errorf("%s is not %s (install it there with: go build -o %s ./cmd/folio, or set %s to its path)", name, where, name, appEnv)
}
