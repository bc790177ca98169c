package document

import (
	"bytes"
	"errors"
	"fmt"
)

// Document is one article: optional front matter and a Markdown body, kept
// byte for byte. Parse then Bytes gives back the input unchanged; Set and
// Delete change only the text of the field they touch.
type Document struct {
	src []byte
	lay layout
	fm  frontMatter // nil when there is none or it is malformed
	err error       // the parse error, if any
}

// frontMatter is one syntax's reader and minimal-diff editor. Offsets are
// relative to the front matter's content.
type frontMatter interface {
	fields() []Field
	// set returns the front matter content with key given value v.
	set(key string, v Value) ([]byte, error)
	// del returns the front matter content without key.
	del(key string) ([]byte, error)
}

// Parse splits src into front matter and body and reads the front matter.
// It always returns a Document; a malformed front matter gives a *ParseError
// naming the line, and the Document still returns its text unchanged from
// Bytes, its body from Body, and refuses edits.
func Parse(src []byte) (doc *Document, err error) {
	defer func() {
		if r := recover(); r != nil { // a defect must not take the app (and unsaved work) down
			doc = &Document{src: src, lay: layout{format: None, nl: "\n", fmLine: 1, bodyLine: 1}}
			doc.err = &ParseError{Line: 1, Msg: fmt.Sprintf("internal error while reading the front matter (%v); "+
				"the article is opened read-only", r), Err: ErrInternal}
			err = doc.err
		}
	}()
	if parseHook != nil {
		parseHook(src)
	}
	d := &Document{src: src}
	if err := CheckText(src); err != nil {
		d.lay = layout{format: None, nl: "\n", fmLine: 1, bodyLine: 1}
		if errors.Is(err, ErrNotUTF8) {
			// text in another encoding (GBK...): its front matter is
			// still kept out of the body, which the preview shows (QA F9:
			// it was drawn as a rule and a heading); it is not read
			if lay, serr := split(src); serr == nil {
				d.lay = lay
			}
		}
		d.err = err
		return d, err
	}
	lay, err := split(src)
	d.lay = lay
	if err != nil {
		d.err = err
		return d, err
	}
	content := src[lay.fmStart:lay.fmEnd]
	switch lay.format {
	case YAML:
		d.fm, err = parseYAML(content, lay.fmLine, lay.nl)
	case TOML:
		if err = checkDepth(content, lay.fmLine, TOML); err == nil {
			d.fm, err = parseTOML(content, lay.fmLine, lay.nl)
		}
	case JSON:
		if err = checkDepth(content, lay.fmLine, JSON); err == nil {
			d.fm, err = parseJSON(content, lay.fmLine, lay.nl)
		}
	}
	if err != nil {
		d.fm = nil
		d.err = err
	}
	return d, err
}

// Err returns the error Parse reported, if any.
func (d *Document) Err() error { return d.err }

// Bytes returns the article's bytes: the input, changed only by Set/Delete.
func (d *Document) Bytes() []byte { return d.src }

// Format returns the front matter's syntax (None when there is none).
func (d *Document) Format() Format { return d.lay.format }

// Body returns the Markdown after the front matter. When the front matter
// cannot be read, it is the text after its closing delimiter, or the whole
// text after any byte order mark when there is no closing delimiter.
func (d *Document) Body() []byte { return d.src[d.lay.bodyStart:] }

// BodyLine returns the 1-based line of the file on which the body starts.
func (d *Document) BodyLine() int { return d.lay.bodyLine }

// FrontMatterLine returns the 1-based line of the front matter's first
// content line (1 when there is no front matter).
func (d *Document) FrontMatterLine() int { return d.lay.fmLine }

// FrontMatter returns the raw front matter content, without delimiters.
func (d *Document) FrontMatter() []byte { return d.src[d.lay.fmStart:d.lay.fmEnd] }

// Fields returns the top-level front matter fields in file order.
func (d *Document) Fields() []Field {
	if d.fm == nil {
		return nil
	}
	return d.fm.fields()
}

// Get returns the value of a top-level key.
func (d *Document) Get(key string) (Value, bool) {
	for _, f := range d.Fields() {
		if f.Key == key {
			return f.Value, true
		}
	}
	return Value{}, false
}

// ErrMalformed is returned by edits on a document whose front matter could
// not be read: nothing is written until the text is fixed by hand.
var ErrMalformed = errors.New("the front matter is malformed; fix it in the source first")

// Set gives key the value v, changing only that field's text (or adding one
// line for a new key, or a YAML block to a file with none). Setting a field
// to the value it has changes nothing. The edit is checked by reading the
// result back: if any other field or the body would change, Set refuses.
func (d *Document) Set(key string, v Value) (err error) {
	defer recoverEdit(key, &err)
	if key == "" {
		return errors.New("empty key")
	}
	if old, ok := d.Get(key); ok && equalValue(old, v) {
		return nil
	}
	var next []byte
	switch {
	case d.err != nil:
		return d.refusal()
	case d.fm == nil:
		next = d.withNewYAML(key, v)
	default:
		content, err := d.fm.set(key, v)
		if err != nil {
			return fmt.Errorf("set %s: %w", key, err)
		}
		next = d.splice(content)
	}
	return d.adopt(next, key, &v)
}

// Delete removes a top-level key and its value. Comments around it stay.
func (d *Document) Delete(key string) (err error) {
	defer recoverEdit(key, &err)
	if d.err != nil {
		return d.refusal()
	}
	if _, ok := d.Get(key); !ok {
		return nil
	}
	content, err := d.fm.del(key)
	if err != nil {
		return fmt.Errorf("delete %s: %w", key, err)
	}
	return d.adopt(d.splice(content), key, nil)
}

// ErrInternal marks a document whose reading hit a defect in Folio (a
// recovered panic): it is shown read-only rather than crashing.
var ErrInternal = errors.New("internal error")

// parseHook, when set (by tests), runs at the start of Parse.
var parseHook func(src []byte)

// recoverEdit turns a panic during an edit into an error; the document is
// unchanged, since edits adopt their result only at the end.
func recoverEdit(key string, err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("edit of %s hit an internal error (%v); nothing changed: %w", key, r, ErrInternal)
	}
}

// refusal is the error of an edit to a document that could not be read:
// ErrMalformed, or the reason a file that is not UTF-8 text is read-only.
func (d *Document) refusal() error {
	if errors.Is(d.err, ErrBinary) || errors.Is(d.err, ErrNotUTF8) || errors.Is(d.err, ErrInternal) {
		return d.err
	}
	return ErrMalformed
}

// SetFlow sets key to a value written as a YAML flow value, as typed on a
// command line: featured=false, tags=[a, b], title=新标题, date=2025-06-02.
func (d *Document) SetFlow(key, flow string) error {
	v, err := ParseFlow(flow)
	if err != nil {
		return fmt.Errorf("set %s: %w", key, err)
	}
	return d.Set(key, v)
}

// splice returns the document's bytes with new front matter content.
func (d *Document) splice(content []byte) []byte {
	out := make([]byte, 0, len(d.src)+len(content)-(d.lay.fmEnd-d.lay.fmStart))
	out = append(out, d.src[:d.lay.fmStart]...)
	out = append(out, content...)
	return append(out, d.src[d.lay.fmEnd:]...)
}

// withNewYAML gives a document without front matter a YAML block holding
// key; the body after it is unchanged.
func (d *Document) withNewYAML(key string, v Value) []byte {
	nl := d.lay.nl
	var b bytes.Buffer
	b.Write(d.src[:d.lay.fmStart]) // a byte order mark stays first
	b.WriteString("---" + nl)
	b.WriteString(yamlEntry(key, v, yamlStyle{quote: '"', flowLists: true, itemIndent: "  ", itemQuote: '"'}, nl))
	b.WriteString(nl + "---" + nl)
	b.Write(d.src[d.lay.bodyStart:])
	return b.Bytes()
}

// adopt reads next back and takes it only if the body and every field but
// key are unchanged and key has the value wanted (nil: key is gone).
func (d *Document) adopt(next []byte, key string, want *Value) error {
	nd, err := Parse(next)
	if err != nil {
		return fmt.Errorf("edit of %s would break the front matter (%v); nothing changed", key, err)
	}
	if !bytes.Equal(nd.Body(), d.Body()) {
		return fmt.Errorf("edit of %s would change the body; nothing changed", key)
	}
	got, ok := nd.Get(key)
	switch {
	case want == nil && ok:
		return fmt.Errorf("could not delete %s; nothing changed", key)
	case want != nil && (!ok || !equalValue(got, *want)):
		return fmt.Errorf("could not write %s as %s; nothing changed", key, want.describe())
	}
	others := func(fs []Field) []Field {
		out := fs[:0:0]
		for _, f := range fs {
			if f.Key != key {
				out = append(out, f)
			}
		}
		return out
	}
	a, b := others(d.Fields()), others(nd.Fields())
	if len(a) != len(b) {
		return fmt.Errorf("edit of %s would change other fields; nothing changed", key)
	}
	for i := range a {
		if a[i].Key != b[i].Key || !equalValue(a[i].Value, b[i].Value) {
			return fmt.Errorf("edit of %s would change %s; nothing changed", key, a[i].Key)
		}
	}
	*d = *nd
	return nil
}
