package app

import (
	"folio/editor/document"
	"folio/preview"
)

// previewMeta turns front matter fields into what the preview's header
// card shows. Dates and numbers keep their spelling.
func previewMeta(fields []document.Field) preview.Meta {
	m := make(map[string]any, len(fields))
	for _, f := range fields {
		m[f.Key] = plainValue(f.Value)
	}
	return preview.MetaFromMap(m)
}

func plainValue(v document.Value) any {
	switch v.Kind {
	case document.Null:
		return nil
	case document.Bool:
		return v.Text == "true" || v.Text == "True" || v.Text == "TRUE"
	case document.List:
		out := make([]any, len(v.Items))
		for i, it := range v.Items {
			out[i] = plainValue(it)
		}
		return out
	case document.Map:
		out := make(map[string]any, len(v.Fields))
		for _, f := range v.Fields {
			out[f.Key] = plainValue(f.Value)
		}
		return out
	}
	return v.Text
}
