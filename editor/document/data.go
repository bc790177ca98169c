package document

import "strings"

// Data turns a value into plain Go data for templates and metadata (unlike
// Native, which is shaped for encoding/json, maps are map[string]any):
// nil for Null, a bool for Bool, []any for List, map[string]any for Map,
// and the value's text (as written, unquoted) for everything else.
func (v Value) Data() any {
	switch v.Kind {
	case Null:
		return nil
	case Bool:
		return strings.EqualFold(v.Text, "true")
	case List:
		out := make([]any, len(v.Items))
		for i, it := range v.Items {
			out[i] = it.Data()
		}
		return out
	case Map:
		out := make(map[string]any, len(v.Fields))
		for _, f := range v.Fields {
			out[f.Key] = f.Value.Data()
		}
		return out
	}
	return v.Text
}
