package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"folio/editor/document"
)

// runGet implements `folio get FILE [KEY]`: with KEY it prints that field's
// value as plain text (a string without quoting, a date or number as the
// file spells it, a list one item a line); without KEY it prints all fields
// as one JSON object in the file's key order.
func runGet(args []string, stdout, stderr io.Writer) int {
	args, follow := cutFollowLinks(args)
	if len(args) < 1 || len(args) > 2 {
		fmt.Fprintln(stderr, "usage: folio get [--follow-links] FILE [KEY]")
		return 2
	}
	file := args[0]
	doc, ok := loadArticle(file, follow, stderr)
	if !ok {
		return 1
	}
	if len(args) == 1 {
		out, err := fieldsJSON(doc.Fields())
		if err != nil {
			reportErr(stderr, file, 0, err)
			return 1
		}
		stdout.Write(out)
		return 0
	}
	key := args[1]
	v, ok := doc.Get(key)
	if !ok {
		reportErr(stderr, file, 0, fmt.Errorf("no field %q", key))
		return 1
	}
	if text := v.Plain(); text != "" {
		io.WriteString(stdout, text+"\n")
	}
	return 0
}

// fieldsJSON writes fields as an indented JSON object in their file order,
// ending in a newline.
func fieldsJSON(fields []document.Field) ([]byte, error) {
	compact, err := document.FieldsJSON(fields)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, compact, "", "  "); err != nil {
		return nil, fmt.Errorf("format fields as JSON: %w", err)
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// loadArticle reads (see readArticle) and parses file, reporting a failure
// on stderr as FILE[:LINE]: message.
func loadArticle(file string, follow bool, stderr io.Writer) (*document.Document, bool) {
	data, _, err := readArticle(file, follow)
	if err != nil {
		reportErr(stderr, file, 0, err)
		return nil, false
	}
	doc, err := document.Parse(data)
	if err != nil {
		reportErr(stderr, file, 0, err)
		return nil, false
	}
	return doc, true
}

// reportErr prints err to stderr as "FILE:LINE: message" (or "FILE: message"
// when no line is known). A *document.ParseError gives its own line; a
// file system error is shown without repeating the path.
func reportErr(stderr io.Writer, file string, line int, err error) {
	msg := err.Error()
	if pe, ok := errors.AsType[*document.ParseError](err); ok {
		line, msg = pe.Line, pe.Msg
	} else if pe, ok := errors.AsType[*fs.PathError](err); ok && pe.Path == file {
		msg = pe.Err.Error()
	} else {
		msg = strings.TrimPrefix(msg, file+": ") // say the name once
	}
	file, msg = escapeControl(file), escapeControl(msg) // names and messages may quote the file's text
	if line > 0 {
		fmt.Fprintf(stderr, "%s:%d: %s\n", file, line, msg)
	} else {
		fmt.Fprintf(stderr, "%s: %s\n", file, msg)
	}
}
