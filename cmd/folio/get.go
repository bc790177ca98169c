package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"folio/editor/document"
)

// runGet implements `folio get FILE [KEY]`: with KEY it prints that field's
// value as plain text (a string without quoting, a date or number as the
// file spells it, a list one item a line); without KEY it prints all fields
// as one JSON object in the file's key order.
func runGet(args []string, stdout, stderr io.Writer) int {
	if len(args) < 1 || len(args) > 2 {
		fmt.Fprintln(stderr, "usage: folio get FILE [KEY]")
		return 2
	}
	file := args[0]
	data, err := os.ReadFile(file)
	if err != nil {
		reportErr(stderr, file, 0, err)
		return 1
	}
	doc, err := document.Parse(data)
	if err != nil {
		reportErr(stderr, file, 0, err)
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
	var buf bytes.Buffer
	if err := writeFields(&buf, fields); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, buf.Bytes(), "", "  "); err != nil {
		return nil, fmt.Errorf("format fields as JSON: %w", err)
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// writeFields writes fields as a compact JSON object, keeping their order
// (and that of nested maps).
func writeFields(buf *bytes.Buffer, fields []document.Field) error {
	buf.WriteByte('{')
	for i, f := range fields {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := writeJSON(buf, f.Key); err != nil {
			return err
		}
		buf.WriteByte(':')
		if err := writeValue(buf, f.Value); err != nil {
			return err
		}
	}
	buf.WriteByte('}')
	return nil
}

// writeValue writes one front matter value as JSON.
func writeValue(buf *bytes.Buffer, v document.Value) error {
	switch v.Kind {
	case document.Map:
		return writeFields(buf, v.Fields)
	case document.List:
		buf.WriteByte('[')
		for i, it := range v.Items {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := writeValue(buf, it); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
		return nil
	}
	return writeJSON(buf, v.Native())
}

// writeJSON writes x as compact JSON without escaping <, > and &.
func writeJSON(buf *bytes.Buffer, x any) error {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(x); err != nil {
		return fmt.Errorf("format %v as JSON: %w", x, err)
	}
	buf.Truncate(buf.Len() - 1) // Encode's newline
	return nil
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
	}
	if line > 0 {
		fmt.Fprintf(stderr, "%s:%d: %s\n", file, line, msg)
	} else {
		fmt.Fprintf(stderr, "%s: %s\n", file, msg)
	}
}
