package document

import "errors"

// Stubs replaced by the real implementation (lead engineer, in progress).

var errTODO = errors.New("document: not implemented yet")

// Document is one article: optional front matter and a body, kept byte for byte.
type Document struct{ src []byte }

// Parse splits src into front matter and body and reads the front matter.
// It always returns a Document; a malformed front matter gives a *ParseError
// and the Document still returns its text unchanged from Bytes.
func Parse(src []byte) (*Document, error) { return &Document{src: src}, errTODO }

// Bytes returns the article's bytes: the input, changed only by Set/Delete.
func (d *Document) Bytes() []byte { return d.src }

// Format returns the front matter's syntax.
func (d *Document) Format() Format { return None }

// Body returns the Markdown after the front matter.
func (d *Document) Body() []byte { return d.src }

// BodyLine returns the 1-based line of the file on which the body starts.
func (d *Document) BodyLine() int { return 1 }

// Fields returns the top-level front matter fields in file order.
func (d *Document) Fields() []Field { return nil }

// Get returns the value of a top-level key.
func (d *Document) Get(key string) (Value, bool) { return Value{}, false }

// Set gives key the value v with a minimal change to the text.
func (d *Document) Set(key string, v Value) error { return errTODO }

// SetFlow sets key to a value written as a YAML flow value (featured=false, tags=[a, b]).
func (d *Document) SetFlow(key, flow string) error { return errTODO }

// Delete removes a top-level key.
func (d *Document) Delete(key string) error { return errTODO }

// Plain returns v as plain text: a string without quoting, a date or number
// as spelled, a list one item a line.
func (v Value) Plain() string { return v.Text }

// Native returns v as Go values for JSON: string, bool, json.Number, []any,
// map[string]any (dates are strings as spelled).
func (v Value) Native() any { return v.Text }
