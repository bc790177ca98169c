package main

import "io"

func runGet(args []string, stdout, stderr io.Writer) int   { return notYet("get", stderr) }
func runSet(args []string, stdout, stderr io.Writer) int   { return notYet("set", stderr) }
func runList(args []string, stdout, stderr io.Writer) int  { return notYet("list", stderr) }
func runCheck(args []string, stdout, stderr io.Writer) int { return notYet("check", stderr) }
