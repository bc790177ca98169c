package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime/debug"
	"strconv"
	"strings"
	"unicode/utf8"

	"folio/app/library"
	"folio/editor/textwidth"
)

// runList implements `folio list [--json] DIR`: one row per Markdown file
// under DIR with its path, title, date, category, tags, featured, draft,
// words, reading minutes and, for a file that could not be read or parsed,
// the error. A broken file keeps its row; the exit code is 0 unless DIR
// itself cannot be scanned.
func runList(args []string, stdout, stderr io.Writer) int {
	asJSON := false
	var dirs []string
	for _, a := range args {
		switch {
		case a == "--json" || a == "-json":
			asJSON = true
		case strings.HasPrefix(a, "-") && a != "-":
			fmt.Fprintf(stderr, "folio list: unknown flag %s\nusage: folio list [--json] DIR\n", a)
			return 2
		default:
			dirs = append(dirs, a)
		}
	}
	if len(dirs) != 1 {
		fmt.Fprintln(stderr, "usage: folio list [--json] DIR")
		return 2
	}
	defer batchGC()()
	debug.SetMemoryLimit(192 << 20)                               // rows without Fields fit: keep `folio list` under 256 MB at 150,000 articles
	sums, err := library.ScanBrief(context.Background(), dirs[0]) // no Fields: a list infers no schema
	if err != nil {
		fmt.Fprintf(stderr, "folio list: %v\n", err)
		return 1
	}
	w := bufio.NewWriterSize(stdout, 64<<10)
	if asJSON {
		err = writeListJSON(w, sums)
	} else {
		writeTable(w, listRows(sums))
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "folio list: %v\n", err)
		return 1
	}
	return 0
}

// listEntry is one article in `folio list --json`.
type listEntry struct {
	Path     string   `json:"path"`
	Title    string   `json:"title"`
	Date     string   `json:"date"`
	Category string   `json:"category"`
	Tags     []string `json:"tags"`
	Featured bool     `json:"featured"`
	Draft    bool     `json:"draft"`
	Words    int      `json:"words"`
	Minutes  int      `json:"minutes"`
	Error    string   `json:"error,omitempty"`
	Line     int      `json:"line,omitempty"`
}

// writeListJSON writes the summaries as a JSON array, one object a line.
func writeListJSON(w io.Writer, sums []library.Summary) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	buf.WriteByte('[')
	for i, s := range sums {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
		e := listEntry{
			Path: s.Path, Title: s.Title, Date: s.Date, Category: s.Category,
			Tags: s.Tags, Featured: s.Featured, Draft: s.Draft,
			Words: s.Words, Minutes: s.ReadingMinutes, Line: s.Line,
		}
		if e.Tags == nil {
			e.Tags = []string{}
		}
		if s.Err != nil {
			e.Error = errMessage(s)
		}
		if err := enc.Encode(e); err != nil {
			return fmt.Errorf("format %s as JSON: %w", s.Path, err)
		}
		buf.Truncate(buf.Len() - 1) // Encode's newline
		if buf.Len() > 32<<10 {
			if _, err := w.Write(buf.Bytes()); err != nil {
				return err
			}
			buf.Reset()
		}
	}
	buf.WriteString("\n]\n")
	_, err := w.Write(buf.Bytes())
	return err
}

// errMessage is a summary's error without the "line N: " prefix that the
// separate line number already gives.
func errMessage(s library.Summary) string {
	msg := s.Err.Error()
	if s.Line > 0 {
		msg = strings.TrimPrefix(msg, "line "+strconv.Itoa(s.Line)+": ")
	}
	return msg
}

// listHeader names the table's columns.
var listHeader = []string{"PATH", "TITLE", "DATE", "CATEGORY", "TAGS", "FEATURED", "DRAFT", "WORDS", "MINUTES", "ERROR"}

// listRows turns summaries into table rows, header first. Empty cells are
// shown as "-".
func listRows(sums []library.Summary) [][]string {
	rows := make([][]string, 0, len(sums)+1)
	rows = append(rows, listHeader)
	yes := func(b bool) string {
		if b {
			return "yes"
		}
		return "no"
	}
	for _, s := range sums {
		errCell := ""
		if s.Err != nil {
			errCell = s.Err.Error() // "line N: message" for a parse error
		}
		rows = append(rows, []string{
			s.Path, s.Title, s.Date, s.Category, strings.Join(s.Tags, ", "),
			yes(s.Featured), yes(s.Draft), strconv.Itoa(s.Words), strconv.Itoa(s.ReadingMinutes), errCell,
		})
	}
	return rows
}

// writeTable writes rows as columns separated by two spaces, padded to the
// widest cell by display width (a Chinese character takes two columns).
// Newlines and tabs in cells become spaces; empty cells become "-".
func writeTable(w io.Writer, rows [][]string) {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			c = cleanCell(c)
			r[i] = c
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	var line strings.Builder
	for _, r := range rows {
		line.Reset()
		for i, c := range r {
			line.WriteString(c)
			if i < len(r)-1 {
				line.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		io.WriteString(w, strings.TrimRight(line.String(), " ")+"\n")
	}
}

// cleanCell makes a value fit on one table line.
func cleanCell(c string) string {
	if c == "" {
		return "-"
	}
	if strings.ContainsAny(c, "\t\r\n") {
		c = strings.Join(strings.Fields(c), " ")
	}
	return escapeControl(c)
}

// escapeControl makes text safe to print on a terminal: control characters
// (C0, DEL, C1), bidirectional overrides and bytes that are not UTF-8 are
// written as visible escapes (\x1b, \u202e), so a title cannot move the
// cursor, clear the screen, set the clipboard (OSC 52) or reorder a line.
func escapeControl(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < 0x20 || c == 0x7f {
			break
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unsafeRune(r, size) {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\x%02x", r)
		case unsafeRune(r, size):
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// unsafeRune reports whether a decoded non-ASCII rune is a C1 control, a
// bidirectional control or an invalid byte.
func unsafeRune(r rune, size int) bool {
	return r == utf8.RuneError && size == 1 || r >= 0x80 && r <= 0x9f ||
		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c
}

// displayWidth is the number of terminal columns s takes: two for East Asian
// wide and full-width characters, none for combining marks, one otherwise.
func displayWidth(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n += textwidth.Columns(r)
	}
	return n
}
