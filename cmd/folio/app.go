//go:build !folio_cli

package main

import (
	"fmt"
	"io"
	"os"

	"folio/app"
)

// quickBuild tells which build this is: the full one.
const quickBuild = false

// runApp opens the desktop app on args (folders or files; none: the last
// folder and article, or the built-in samples on the very first run). The hand-over mark of a quick build is cleared, so
// that a folio the app starts (say, in a terminal opened from it) may
// hand over again.
func runApp(args []string, stdout, stderr io.Writer) int {
	os.Unsetenv(handedEnv)
	if err := app.Run(args); err != nil {
		fmt.Fprintf(stderr, "folio: %v\n", err)
		return 1
	}
	return 0
}
