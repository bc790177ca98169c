package document

import (
	"sort"
	"strings"

	"folio/editor/textwidth"
)

// FieldType is the type a schema gives a front matter key.
type FieldType int

// The field types. The zero value, TypeUnknown, is a key only ever seen empty.
const (
	TypeUnknown  FieldType = iota // only null values seen
	TypeText                      // a short single-line string
	TypeLongText                  // a string wider than LongTextWidth or on several lines
	TypeDate                      // a date or timestamp, as a YAML date or a date-shaped string
	TypeBool                      // true or false
	TypeNumber                    // an integer or a float
	TypeList                      // a list (tags, categories, aliases)
	TypeMap                       // a nested map
	TypeMixed                     // no type holds a two-thirds majority
)

// LongTextWidth is the display width, in columns, above which a string is
// long text. A CJK or fullwidth character takes two columns, as it does on
// screen, so a 45-character Chinese summary is long text while a 30-character
// Chinese title or a 70-letter English title is not.
const LongTextWidth = 80

var fieldTypeNames = [...]string{"unknown", "text", "long text", "date", "bool", "number", "list", "map", "mixed"}

// String returns the type's English name ("long text").
func (t FieldType) String() string {
	if t < 0 || int(t) >= len(fieldTypeNames) {
		return "FieldType(" + itoa(int(t)) + ")"
	}
	return fieldTypeNames[t]
}

// Schema describes the front matter of a folder's articles.
type Schema struct {
	// Docs is the number of articles the schema was inferred from.
	Docs int
	// Keys are the top-level keys, most frequent first; keys seen equally
	// often keep the order of their first appearance (article order, then
	// field order), so a folder written from one template keeps its
	// template's order.
	Keys []KeySchema
}

// KeySchema describes one top-level key.
type KeySchema struct {
	Key  string
	Type FieldType
	// Count is the number of articles that have the key (a key repeated in
	// one article counts once, with its first value).
	Count int
	// Share is Count / Schema.Docs, in [0, 1].
	Share float64
	// Types counts the articles by the type of their value, null values
	// excluded; it explains a TypeMixed key.
	Types map[FieldType]int
	// Values are the values seen and how many articles have each, most
	// frequent first, then in byte order. A list contributes each of its
	// scalar items (the tags), a scalar its text as written; maps and nulls
	// contribute nothing. Long text keys keep no values.
	Values []ValueCount

	docs int // Schema.Docs, for Common
}

// ValueCount is a value seen for a key and the number of articles with it.
type ValueCount struct {
	Value string
	Count int
}

// Common reports whether the key is expected in every article: the schema
// was inferred from at least 3 articles and at least half of them have it.
// It is false for a KeySchema not made by InferSchema.
func (k KeySchema) Common() bool {
	return k.docs >= 3 && 2*k.Count >= k.docs
}

// Key returns the schema of the named key (case-sensitive).
func (s *Schema) Key(name string) (*KeySchema, bool) {
	if s == nil {
		return nil, false
	}
	for i := range s.Keys {
		if s.Keys[i].Key == name {
			return &s.Keys[i], true
		}
	}
	return nil, false
}

// InferSchema infers the schema of a folder from the top-level fields of each
// of its articles, in a stable order (pass the articles sorted by path).
//
// A key's type is that of its values, with short and long strings counted
// together (long text if any is wider than LongTextWidth or multi-line), integers and floats together
// (number), and date-shaped strings ("2024-01-10", valid or not) counted as
// dates. The most frequent type wins if it holds at least two thirds of the
// articles that give the key a non-null value; otherwise the key is TypeMixed.
func InferSchema(docs [][]Field) *Schema {
	s := &Schema{Docs: len(docs)}
	type acc struct {
		long   bool           // a long string was seen
		values map[string]int // value -> articles
	}
	index := map[string]int{}
	var accs []acc
	for _, fields := range docs {
		seen := make(map[string]bool, len(fields))
		for _, f := range fields {
			if seen[f.Key] {
				continue
			}
			seen[f.Key] = true
			i, ok := index[f.Key]
			if !ok {
				i = len(s.Keys)
				index[f.Key] = i
				s.Keys = append(s.Keys, KeySchema{Key: f.Key, Types: map[FieldType]int{}})
				accs = append(accs, acc{values: map[string]int{}})
			}
			k, a := &s.Keys[i], &accs[i]
			k.Count++
			t := valueType(f.Value)
			if t == TypeUnknown {
				continue
			}
			if t == TypeLongText {
				a.long = true
				t = TypeText
			}
			k.Types[t]++
			switch f.Value.Kind {
			case List:
				for _, it := range f.Value.Items {
					if isScalar(it.Kind) && it.Kind != Null {
						a.values[it.Text]++
					}
				}
			case Map, Null:
			default:
				a.values[f.Value.Text]++
			}
		}
	}
	for i := range s.Keys {
		k, a := &s.Keys[i], &accs[i]
		k.docs = s.Docs
		if s.Docs > 0 {
			k.Share = float64(k.Count) / float64(s.Docs)
		}
		k.Type = DominantType(k.Types)
		if a.long {
			if k.Types[TypeText] > 0 {
				k.Types[TypeLongText] = k.Types[TypeText]
				delete(k.Types, TypeText)
			}
			if k.Type == TypeText {
				k.Type = TypeLongText
			}
		}
		if k.Type != TypeLongText {
			k.Values = sortedValues(a.values)
		}
	}
	sort.SliceStable(s.Keys, func(i, j int) bool {
		return s.Keys[i].Count > s.Keys[j].Count
	})
	return s
}

// DominantType is the type that holds two thirds of the counts (a key's
// type in a schema), TypeMixed when none does, TypeUnknown for no counts.
func DominantType(types map[FieldType]int) FieldType {
	total, best, bestN := 0, TypeUnknown, 0
	for t, n := range types {
		total += n
		if n > bestN || (n == bestN && t < best) {
			best, bestN = t, n
		}
	}
	switch {
	case total == 0:
		return TypeUnknown
	case 3*bestN >= 2*total:
		return best
	}
	return TypeMixed
}

func sortedValues(m map[string]int) []ValueCount {
	if len(m) == 0 {
		return nil
	}
	vs := make([]ValueCount, 0, len(m))
	for v, n := range m {
		vs = append(vs, ValueCount{v, n})
	}
	sort.Slice(vs, func(i, j int) bool {
		if vs[i].Count != vs[j].Count {
			return vs[i].Count > vs[j].Count
		}
		return vs[i].Value < vs[j].Value
	})
	return vs
}

// valueType returns the type of one value: TypeUnknown for null, TypeLongText for a
// long or multi-line string, TypeDate for a date or a date-shaped string.
func valueType(v Value) FieldType {
	switch v.Kind {
	case Null:
		return TypeUnknown
	case String:
		switch {
		case dateShaped(v.Text):
			return TypeDate
		case strings.ContainsAny(v.Text, "\n\r") || textWidth(v.Text) > LongTextWidth:
			return TypeLongText
		}
		return TypeText
	case Date:
		return TypeDate
	case Bool:
		return TypeBool
	case Int, Float:
		return TypeNumber
	case List:
		return TypeList
	case Map:
		return TypeMap
	}
	return TypeUnknown
}

func isScalar(k Kind) bool { return k != List && k != Map }

// textWidth returns the display width of s in columns, by Folio's one
// rule (textwidth: two for wide and full-width characters, CJK and its
// punctuation, none for combining marks, one for any other).
func textWidth(s string) int { return textwidth.StringColumns(s) }
