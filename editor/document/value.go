package document

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Plain returns v as plain text: a string without quoting, a date, number or
// bool as spelled, a list one item a line, null as nothing, a map as JSON.
func (v Value) Plain() string {
	switch v.Kind {
	case Null:
		return ""
	case List:
		parts := make([]string, len(v.Items))
		for i, it := range v.Items {
			parts[i] = it.Plain()
		}
		return strings.Join(parts, "\n")
	case Map:
		b, _ := json.Marshal(v.Native())
		return string(b)
	}
	return v.Text
}

// Native returns v as Go values for encoding/json: string, bool,
// json.Number, nil, []any, or an ordered object (which marshals in file
// order). Dates are strings as spelled; numbers JSON cannot spell
// (0x1F, .inf) are strings.
func (v Value) Native() any {
	switch v.Kind {
	case Null:
		return nil
	case Bool:
		return v.Text == "true" || v.Text == "True" || v.Text == "TRUE"
	case Int, Float:
		if n, ok := jsonNumber(v.Text); ok {
			return n
		}
		return v.Text
	case List:
		out := make([]any, len(v.Items))
		for i, it := range v.Items {
			out[i] = it.Native()
		}
		return out
	case Map:
		return orderedFields(v.Fields)
	}
	return v.Text
}

// jsonNumber returns s as a json.Number when JSON can spell it, reading
// YAML spellings such as 1_000 or 0x1F as their value.
func jsonNumber(s string) (json.Number, bool) {
	if json.Valid([]byte(s)) && s != "" && (s[0] == '-' || (s[0] >= '0' && s[0] <= '9')) {
		return json.Number(s), true
	}
	clean := strings.ReplaceAll(s, "_", "")
	if i, err := strconv.ParseInt(clean, 0, 64); err == nil {
		return json.Number(strconv.FormatInt(i, 10)), true
	}
	if f, err := strconv.ParseFloat(clean, 64); err == nil && !isInfOrNaN(f) {
		return json.Number(strconv.FormatFloat(f, 'g', -1, 64)), true
	}
	return "", false
}

func isInfOrNaN(f float64) bool { return f != f || f > 1e308 || f < -1e308 }

// orderedFields marshals to a JSON object with keys in file order.
type orderedFields []Field

// MarshalJSON writes the fields as one JSON object in file order.
func (o orderedFields) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := marshalNoEscape(f.Key)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		val, err := marshalNoEscape(f.Value.Native())
		if err != nil {
			return nil, fmt.Errorf("field %s: %w", f.Key, err)
		}
		b.Write(val)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// FieldsJSON returns fields as one JSON object, keys in file order, values
// as Native gives them, with Chinese and other text unescaped.
func FieldsJSON(fields []Field) ([]byte, error) {
	return marshalNoEscape(orderedFields(fields))
}

// marshalNoEscape is json.Marshal without HTML escaping and without the
// trailing newline an Encoder adds.
func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// equalValue reports whether two values mean the same to a reader of the
// front matter: same kind (a date and a string spelled alike count as the
// same, since quoting a date is a style), same spelling, same items.
func equalValue(a, b Value) bool {
	ka, kb := a.Kind, b.Kind
	if ka == Date {
		ka = String
	}
	if kb == Date {
		kb = String
	}
	if ka != kb {
		return false
	}
	switch ka {
	case Null:
		return true
	case List:
		if len(a.Items) != len(b.Items) {
			return false
		}
		for i := range a.Items {
			if !equalValue(a.Items[i], b.Items[i]) {
				return false
			}
		}
		return true
	case Map:
		if len(a.Fields) != len(b.Fields) {
			return false
		}
		for i := range a.Fields {
			if a.Fields[i].Key != b.Fields[i].Key || !equalValue(a.Fields[i].Value, b.Fields[i].Value) {
				return false
			}
		}
		return true
	case Bool:
		return strings.EqualFold(a.Text, b.Text)
	}
	return a.Text == b.Text
}

// describe names a value for an error message.
func (v Value) describe() string {
	switch v.Kind {
	case List:
		return fmt.Sprintf("a list of %d", len(v.Items))
	case Map:
		return "a map"
	case Null:
		return "null"
	}
	return strconv.Quote(v.Text)
}

// S returns a string value.
func S(s string) Value { return Value{Kind: String, Text: s} }

// Strings returns a list of string values.
func Strings(items ...string) Value {
	v := Value{Kind: List, Items: make([]Value, len(items))}
	for i, s := range items {
		v.Items[i] = S(s)
	}
	return v
}

// ParseFlow reads a value typed on a command line. When the text is
// exactly one YAML flow value it has that value's type: false, 12, 1.5,
// 2025-06-02, null, [a, b], {a: 1}, "quoted". Anything else is the plain
// string as typed, with nothing dropped: text YAML would cut at a comment,
// anchor, tag or block indicator (Top 10 #tips, &anchor text, !important,
// |), a flow value followed by more text ([a, b] extra), a malformed flow
// value ([a, b), text over several lines, and a string with spaces around
// it. ParseFlow never fails; the error is kept for callers' symmetry with
// ParseJSONValue.
func ParseFlow(flow string) (Value, error) {
	trimmed := strings.TrimSpace(flow)
	if trimmed == "" || strings.ContainsAny(trimmed, "\r\n") {
		return S(flow), nil
	}
	root, ok := exactFlow(trimmed)
	if !ok {
		return S(flow), nil
	}
	c := &yamlConverter{fmLine: 1}
	v, err := c.value(root)
	if err != nil || v.Kind == String && trimmed != flow {
		return S(flow), nil
	}
	return v, nil
}

// exactFlow parses s as YAML and returns its root node when s is exactly
// one flow value: a plain scalar whose value is all of s, a quoted scalar,
// or a flow list or map spanning s, with no comment, anchor, alias or
// explicit tag anywhere.
func exactFlow(s string) (*yaml.Node, bool) {
	if err := checkDepth([]byte(s), 1, YAML); err != nil {
		return nil, false
	}
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(s), &n); err != nil || n.Kind != yaml.DocumentNode || len(n.Content) != 1 {
		return nil, false
	}
	root := n.Content[0]
	if n.HeadComment != "" || n.LineComment != "" || n.FootComment != "" || !plainNodes(root) {
		return nil, false
	}
	last := s[len(s)-1]
	switch root.Kind {
	case yaml.ScalarNode:
		switch root.Style {
		case 0:
			if root.Value != s || root.ShortTag() == "!!null" && !isNullSpelling(s) {
				return nil, false
			}
		case yaml.DoubleQuotedStyle:
			return root, s[0] == '"' && last == '"'
		case yaml.SingleQuotedStyle:
			return root, s[0] == '\'' && last == '\''
		default:
			return nil, false // literal or folded block
		}
	case yaml.SequenceNode:
		return root, root.Style&yaml.FlowStyle != 0 && s[0] == '[' && last == ']'
	case yaml.MappingNode:
		return root, root.Style&yaml.FlowStyle != 0 && s[0] == '{' && last == '}'
	default:
		return nil, false
	}
	return root, true
}

// plainNodes reports whether no node under n has a comment, an anchor, an
// explicit tag or is an alias.
func plainNodes(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode || n.Anchor != "" || n.Style&yaml.TaggedStyle != 0 ||
		n.HeadComment != "" || n.LineComment != "" || n.FootComment != "" {
		return false
	}
	for _, c := range n.Content {
		if !plainNodes(c) {
			return false
		}
	}
	return true
}

// ParseJSONValue reads exactly one JSON value, as typed after KEY:= on a
// command line: "text", 12, true, null, ["a", "b"], {"a": 1}.
func ParseJSONValue(s string) (Value, error) {
	if !json.Valid([]byte(s)) {
		var x any
		err := json.Unmarshal([]byte(s), &x)
		if err == nil {
			err = errors.New("not one JSON value")
		}
		return Value{}, fmt.Errorf("%q is not a JSON value: %w", s, err)
	}
	if err := checkDepth([]byte(s), 1, JSON); err != nil {
		return Value{}, err
	}
	v, err := jsonValue([]byte(s))
	if err != nil {
		return Value{}, fmt.Errorf("%q is not a JSON value: %w", s, err)
	}
	return v, nil
}

func isNullSpelling(s string) bool {
	switch s {
	case "~", "null", "Null", "NULL":
		return true
	}
	return false
}
