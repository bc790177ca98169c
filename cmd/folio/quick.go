//go:build folio_cli

package main

import "io"

// This build is the quick command line: get, set and list run here; check,
// export and the desktop app are handed over to the full build (see
// handover.go), which links the Markdown engine and the desktop toolkit
// this one leaves out.

// quickBuild tells which build this is: the quick command line.
const quickBuild = true

// runCheck hands `folio check` over to the full build.
func runCheck(args []string, stdout, stderr io.Writer) int {
	return handOver("folio check", append([]string{"check"}, args...), stdout, stderr)
}

// runExport hands `folio export` over to the full build.
func runExport(args []string, stdout, stderr io.Writer) int {
	return handOver("folio export", append([]string{"export"}, args...), stdout, stderr)
}

// runApp hands the desktop app over to the full build.
func runApp(args []string, stdout, stderr io.Writer) int {
	return handOver(appTask, args, stdout, stderr)
}
