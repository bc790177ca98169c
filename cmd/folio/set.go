package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"folio/app/library"
	"folio/editor/document"
)

// setUsage is `folio set`'s help: how a typed value is read.
const setUsage = `usage: folio set [--follow-links] FILE KEY=VALUE... | KEY:=JSON...

  KEY=VALUE   VALUE is read as one YAML flow value when it is exactly one:
              false, 12, 1.5, 2025-06-02, null, [a, b], {a: 1}, "quoted".
              Anything else is stored as the plain string you typed, with
              nothing dropped (Top 10 #tips, &text, !note, [a, b] extra).
  KEY:=JSON   VALUE is one JSON value, to give a type explicitly:
              tags:='["a","b"]'  title:='"true"'  weight:=3
  --follow-links  also write through a symbolic link that leads out of
              the article's folder or site (refused otherwise)
`

// runSet implements folio set FILE KEY=VALUE... | KEY:=JSON...: each
// value is read as described in setUsage and written in the file's own
// front matter syntax with a minimal diff. All assignments are applied in
// memory, then the file is saved once, atomically; on any error nothing is
// written.
func runSet(args []string, stdout, stderr io.Writer) int {
	args, follow := cutFollowLinks(args)
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
		fmt.Fprint(stdout, setUsage)
		return 0
	}
	if len(args) < 2 {
		fmt.Fprint(stderr, setUsage)
		return 2
	}
	file := args[0]
	var todo []assignment
	for _, a := range args[1:] {
		key, text, ok := strings.Cut(a, "=")
		if !ok || strings.TrimSpace(strings.TrimSuffix(key, ":")) == "" {
			fmt.Fprintf(stderr, "folio set: %q is not KEY=VALUE or KEY:=JSON\n", a)
			return 2
		}
		var v document.Value
		var err error
		if k, isJSON := strings.CutSuffix(key, ":"); isJSON {
			key = k
			v, err = document.ParseJSONValue(text)
		} else {
			v, err = document.ParseFlow(text)
		}
		if err != nil {
			fmt.Fprintf(stderr, "folio set: %s: %v\n", key, err)
			return 2
		}
		todo = append(todo, assignment{key, v})
	}

	// Another writer may save the file between our read and our save:
	// Save then refuses, and the assignments are applied again to what is
	// on disk now (a set means "these fields get these values").
	for attempt := 1; ; attempt++ {
		code, changed := setOnce(file, follow, todo, attempt == setAttempts, stderr)
		if !changed {
			return code
		}
	}
}

// setAttempts is how often set reads, edits and saves a file that other
// writers keep changing before it gives up.
const setAttempts = 5

// assignment is one KEY=VALUE of folio set.
type assignment struct {
	key string
	val document.Value
}

// setOnce reads file, applies todo and saves once. changed reports that
// the file changed on disk meanwhile and nothing was written (and the
// error was not reported, unless last).
func setOnce(file string, follow bool, todo []assignment, last bool, stderr io.Writer) (code int, changed bool) {
	doc, ok := loadArticle(file, follow, stderr)
	if !ok {
		return 1, false
	}
	data := doc.Bytes() // edits build new bytes; these stay as loaded
	for _, a := range todo {
		if err := doc.Set(a.key, a.val); err != nil {
			// The field's line, or where a new field would go.
			line := doc.FrontMatterLine()
			if v, ok := doc.Get(a.key); ok && v.Line > 0 {
				line = v.Line
			}
			reportErr(stderr, file, line, err) // "set KEY: ..."
			return 1, false
		}
	}
	out := doc.Bytes()
	if bytes.Equal(out, data) {
		return 0, false // every field already had its value: nothing to write
	}
	if err := library.Save(file, out, library.SumOf(data)); err != nil {
		if errors.Is(err, library.ErrChangedOnDisk) && !last {
			return 1, true
		}
		// Save names the file; say it once, in the FILE: message form.
		msg := strings.TrimPrefix(err.Error(), "save "+file+": ")
		fmt.Fprintf(stderr, "%s: %s (not saved)\n", escapeControl(file), escapeControl(msg))
		return 1, false
	}
	return 0, false
}
