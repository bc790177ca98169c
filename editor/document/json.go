package document

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// jsonFM is JSON front matter: one object. Member positions come from
// encoding/json's decoder offsets, so edits replace exactly a value's text.
type jsonFM struct {
	src     []byte
	fmLine  int
	nl      string
	members []jsonMember
	open    int // offset of "{"
	close   int // offset of "}"
	flds    []Field
}

type jsonMember struct {
	key      string
	keyStart int
	valStart int
	valEnd   int
}

func parseJSON(src []byte, fmLine int, nl string) (*jsonFM, error) {
	j := &jsonFM{src: src, fmLine: fmLine, nl: nl}
	fail := func(off int, msg string) error {
		return &ParseError{Line: fmLine + lineOf(src, off) - 1, Msg: "JSON: " + msg}
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('{') {
		return nil, fail(0, "front matter must be an object")
	}
	j.open = int(dec.InputOffset()) - 1
	seen := map[string]int{} // key → index in j.members
	line, lineAtOff := 1, 0  // the line of src[lineAtOff]
	for dec.More() {
		ks := skipJSONSpace(src, int(dec.InputOffset()))
		tok, err := dec.Token()
		if err != nil {
			return nil, fail(ks, err.Error())
		}
		key, _ := tok.(string)
		if i, ok := seen[key]; ok {
			return nil, fail(ks, fmt.Sprintf("duplicate key %q (first on line %d)", key, j.flds[i].Value.Line))
		}
		seen[key] = len(j.members)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, fail(int(dec.InputOffset()), err.Error())
		}
		end := int(dec.InputOffset())
		m := jsonMember{key: key, keyStart: ks, valStart: end - len(raw), valEnd: end}
		v, err := jsonValue(raw)
		if err != nil {
			return nil, fail(m.valStart, err.Error())
		}
		// Lines counted from the previous member on: linear in the text.
		line += bytes.Count(src[lineAtOff:m.valStart], []byte("\n"))
		lineAtOff = m.valStart
		v.Line = fmLine + line - 1
		j.members = append(j.members, m)
		j.flds = append(j.flds, Field{Key: key, Value: v})
	}
	if _, err := dec.Token(); err != nil {
		return nil, fail(len(src), err.Error())
	}
	j.close = int(dec.InputOffset()) - 1
	return j, nil
}

func (j *jsonFM) fields() []Field { return j.flds }

// skipJSONSpace skips white space and a comma between members.
func skipJSONSpace(src []byte, i int) int {
	for i < len(src) && strings.IndexByte(" \t\r\n,:", src[i]) >= 0 {
		i++
	}
	return i
}

// jsonValue converts one JSON value, keeping numbers as spelled and object
// keys in order.
func jsonValue(raw []byte) (Value, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	v, err := jsonNext(dec)
	if err != nil {
		return Value{}, err
	}
	return v, nil
}

func jsonNext(dec *json.Decoder) (Value, error) {
	tok, err := dec.Token()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return Value{}, io.ErrUnexpectedEOF
		}
		return Value{}, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '[':
			v := Value{Kind: List, Items: []Value{}}
			for dec.More() {
				it, err := jsonNext(dec)
				if err != nil {
					return Value{}, err
				}
				v.Items = append(v.Items, it)
			}
			_, err := dec.Token()
			return v, err
		case '{':
			v := Value{Kind: Map}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return Value{}, err
				}
				it, err := jsonNext(dec)
				if err != nil {
					return Value{}, err
				}
				v.Fields = append(v.Fields, Field{Key: kt.(string), Value: it})
			}
			_, err := dec.Token()
			return v, err
		}
	case string:
		return S(t), nil
	case json.Number:
		if strings.ContainsAny(string(t), ".eE") {
			return Value{Kind: Float, Text: string(t)}, nil
		}
		return Value{Kind: Int, Text: string(t)}, nil
	case bool:
		return Value{Kind: Bool, Text: fmt.Sprint(t)}, nil
	case nil:
		return Value{Kind: Null, Text: "null"}, nil
	}
	return Value{}, fmt.Errorf("unexpected %v", tok)
}

func (j *jsonFM) index(key string) int {
	for i, m := range j.members {
		if m.key == key {
			return i
		}
	}
	return -1
}

func (j *jsonFM) set(key string, v Value) ([]byte, error) {
	i := j.index(key)
	if i < 0 {
		return j.insert(key, v)
	}
	m := j.members[i]
	old := j.src[m.valStart:m.valEnd]
	text, err := j.render(v, old, lineIndent(j.src, m.keyStart))
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(j.src)+len(text))
	out = append(out, j.src[:m.valStart]...)
	out = append(out, text...)
	return append(out, j.src[m.valEnd:]...), nil
}

func (j *jsonFM) insert(key string, v Value) ([]byte, error) {
	k, _ := marshalNoEscape(key)
	var member, at string
	var pos int
	if n := len(j.members); n > 0 {
		last := j.members[n-1]
		pos = last.valEnd
		indent := lineIndent(j.src, last.keyStart)
		text, err := j.render(v, nil, indent)
		if err != nil {
			return nil, err
		}
		member = string(k) + ": " + text
		if lineOf(j.src, last.keyStart) == lineOf(j.src, j.open) {
			at = ", " + member // a one-line object stays on one line
		} else {
			at = "," + j.nl + indent + member
		}
	} else {
		pos = j.open + 1
		text, err := j.render(v, nil, "  ")
		if err != nil {
			return nil, err
		}
		member = string(k) + ": " + text
		if bytes.ContainsAny(j.src[j.open:j.close], "\n") {
			at = j.nl + "  " + member
			// the closing brace keeps its own line
			pos = lineEndOffsetBefore(j.src, j.close)
		} else {
			at = member
		}
	}
	out := make([]byte, 0, len(j.src)+len(at))
	out = append(out, j.src[:pos]...)
	out = append(out, at...)
	return append(out, j.src[pos:]...), nil
}

// lineEndOffsetBefore returns the offset of the line break before pos, so
// inserted text goes at the end of the previous line.
func lineEndOffsetBefore(src []byte, pos int) int {
	i := bytes.LastIndexByte(src[:pos], '\n')
	if i > 0 && src[i-1] == '\r' {
		i--
	}
	if i < 0 {
		return pos
	}
	return i
}

func (j *jsonFM) del(key string) ([]byte, error) {
	i := j.index(key)
	if i < 0 {
		return j.src, nil
	}
	m := j.members[i]
	var from, to int
	switch {
	case i > 0:
		from, to = j.members[i-1].valEnd, m.valEnd
	case len(j.members) > 1:
		from, to = m.keyStart, j.members[1].keyStart
	default:
		from, to = j.open+1, j.close
	}
	out := make([]byte, 0, len(j.src))
	out = append(out, j.src[:from]...)
	return append(out, j.src[to:]...), nil
}

// lineIndent returns the white space that starts the line holding off.
func lineIndent(src []byte, off int) string {
	s := lineStart(src, off)
	e := s
	for e < len(src) && (src[e] == ' ' || src[e] == '\t') {
		e++
	}
	return string(src[s:e])
}

// render writes v as JSON, shaped like the old text it replaces: a list
// laid out one item a line stays that way.
func (j *jsonFM) render(v Value, old []byte, indent string) (string, error) {
	if v.Kind == List && bytes.ContainsAny(old, "\n") && len(v.Items) > 0 {
		inner := indent + "  "
		if i := bytes.IndexByte(old, '\n'); i >= 0 {
			rest := old[i+1:]
			k := 0
			for k < len(rest) && (rest[k] == ' ' || rest[k] == '\t') {
				k++
			}
			inner = string(rest[:k])
		}
		parts := make([]string, len(v.Items))
		for i, it := range v.Items {
			b, err := marshalNoEscape(it.Native())
			if err != nil {
				return "", err
			}
			parts[i] = inner + string(b)
		}
		return "[" + j.nl + strings.Join(parts, ","+j.nl) + j.nl + indent + "]", nil
	}
	if v.Kind == List {
		sep := ", "
		if old != nil && !bytes.Contains(old, []byte(", ")) && bytes.Contains(old, []byte(",")) {
			sep = ","
		}
		parts := make([]string, len(v.Items))
		for i, it := range v.Items {
			b, err := marshalNoEscape(it.Native())
			if err != nil {
				return "", err
			}
			parts[i] = string(b)
		}
		return "[" + strings.Join(parts, sep) + "]", nil
	}
	if v.Kind == Int || v.Kind == Float {
		if _, ok := jsonNumber(v.Text); !ok {
			b, err := marshalNoEscape(v.Text)
			return string(b), err
		}
	}
	b, err := marshalNoEscape(v.Native())
	return string(b), err
}
