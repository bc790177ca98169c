// Command folio is the Folio desktop app and its command line.
//
// With no subcommand it opens the desktop window (on the folders or files
// named; with none, on the last folder and article, or on the built-in
// sample articles the very first time). The subcommands serve scripts and a
// site's CI:
//
//	folio get FILE [KEY]          print a front matter value (or all as JSON)
//	folio set FILE KEY=VALUE...   change front matter with a minimal diff
//	folio list [--json] DIR       list the articles under DIR
//	folio check DIR               lint the articles under DIR
//	folio export FILE [-o OUT]    render an article to a standalone HTML page
//
// Built with -tags folio_cli it is the quick command line instead: a
// binary without the desktop toolkit or the Markdown engine, so that get,
// set and list start in a few milliseconds (any binary that links Fyne
// spends over 10 ms of CPU initialising packages before main runs). It
// hands check, export and the desktop app over to the full build,
// installed as folio-app beside it or on PATH (see handover.go):
//
//	go build -o folio-app ./cmd/folio              # the app and every subcommand
//	go build -tags folio_cli -o folio ./cmd/folio  # the quick command line
package main

import (
	"fmt"
	"io"
	"os"
)

// command is one subcommand: it gets its arguments and the process's
// streams and returns the exit code.
type command func(args []string, stdout, stderr io.Writer) int

var commands = map[string]command{
	"get":    runGet,
	"set":    runSet,
	"list":   runList,
	"check":  runCheck,
	"export": runExport,
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		if cmd, ok := commands[args[0]]; ok {
			return cmd(args[1:], stdout, stderr)
		}
		switch args[0] {
		case "-h", "--help", "help":
			fmt.Fprint(stdout, usage)
			return 0
		}
	}
	return runApp(args, stdout, stderr)
}

const usage = `Usage:
  folio [FOLDER] [FILE]         open the desktop app on FOLDER (else FILE's folder) and FILE in it
                                (no argument: the last folder and article, or the built-in samples
                                on the very first run)
  folio get FILE [KEY]          print one front matter value, or all fields as JSON
  folio set FILE KEY=VALUE...   set front matter fields: VALUE is one YAML flow value
                                (false, 12, [a, b], "x") or else the plain string typed;
                                KEY:=JSON gives a type explicitly (folio set --help)
  folio list [--json] DIR       list every Markdown article under DIR
  folio check DIR               lint every article under DIR (exit 1 on errors)
  folio export FILE [-o OUT]    write the article as a standalone HTML page

get, set and export read only regular files of at most 16 MB, and refuse a
FILE that is a symbolic link out of its folder or site unless given
--follow-links. Files that are binary or not UTF-8 are never written.
`
