package main

import (
	"fmt"
	"io"
)

func notYet(name string, stderr io.Writer) int {
	fmt.Fprintf(stderr, "folio %s: not implemented yet\n", name)
	return 2
}

func runGet(args []string, stdout, stderr io.Writer) int    { return notYet("get", stderr) }
func runSet(args []string, stdout, stderr io.Writer) int    { return notYet("set", stderr) }
func runList(args []string, stdout, stderr io.Writer) int   { return notYet("list", stderr) }
func runCheck(args []string, stdout, stderr io.Writer) int  { return notYet("check", stderr) }
func runExport(args []string, stdout, stderr io.Writer) int { return notYet("export", stderr) }
