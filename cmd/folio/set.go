package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"folio/app/library"
)

// runSet implements `folio set FILE KEY=VALUE...`: each VALUE is read as a
// YAML flow value and written in the file's own front matter syntax with a
// minimal diff. All assignments are applied in memory, then the file is
// saved once, atomically; on any error nothing is written.
func runSet(args []string, stdout, stderr io.Writer) int {
	if len(args) < 2 {
		fmt.Fprintln(stderr, "usage: folio set FILE KEY=VALUE...")
		return 2
	}
	file := args[0]
	type assignment struct{ key, flow string }
	var todo []assignment
	for _, a := range args[1:] {
		key, flow, ok := strings.Cut(a, "=")
		if !ok || strings.TrimSpace(key) == "" {
			fmt.Fprintf(stderr, "folio set: %q is not KEY=VALUE\n", a)
			return 2
		}
		todo = append(todo, assignment{key, flow})
	}

	doc, ok := loadArticle(file, stderr)
	if !ok {
		return 1
	}
	data := doc.Bytes() // edits build new bytes; these stay as loaded
	for _, a := range todo {
		if err := doc.SetFlow(a.key, a.flow); err != nil {
			// The field's line, or where a new field would go.
			line := doc.FrontMatterLine()
			if v, ok := doc.Get(a.key); ok && v.Line > 0 {
				line = v.Line
			}
			reportErr(stderr, file, line, err) // "set KEY: ..."
			return 1
		}
	}
	out := doc.Bytes()
	if bytes.Equal(out, data) {
		return 0 // every field already had its value: nothing to write
	}
	if err := library.Save(file, out, library.SumOf(data)); err != nil {
		// Save names the file; say it once, in the FILE: message form.
		msg := strings.TrimPrefix(err.Error(), "save "+file+": ")
		fmt.Fprintf(stderr, "%s: %s (not saved)\n", file, msg)
		return 1
	}
	return 0
}
