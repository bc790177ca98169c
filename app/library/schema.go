package library

import (
	"slices"
	"strings"
	"unicode/utf8"

	"folio/editor/document"
	"folio/editor/textwidth"
)

// frontMatter is what one article adds to its folder's schema, kept in its
// Summary in place of its fields so that the schema can be updated when
// the article is added, replaced or removed: the shape of its front matter
// and the values it adds, key after key.
type frontMatter struct {
	shape *fmShape // nil: the article adds nothing (not read, no fields)
	vals  []string // shape.nvals[i] values for each key i, in key order
}

// fmShape is the top-level keys of one article's front matter (the first
// of a repeated key), in file order, each with the type and kind of its
// value and the number of values it adds. The Index shares equal shapes
// among its rows.
type fmShape struct {
	keys  []string
	types []document.FieldType // TypeLongText for a long or multi-line string
	kinds []document.Kind
	nvals []int32
}

// frontMatterOf returns what fields add to a schema (see document.InferSchema):
// each key's type, and the values a list's scalar items or a scalar's text
// add.
func frontMatterOf(fields []document.Field) frontMatter {
	sh := &fmShape{keys: make([]string, 0, len(fields)), types: make([]document.FieldType, 0, len(fields)),
		kinds: make([]document.Kind, 0, len(fields)), nvals: make([]int32, 0, len(fields))}
	vals := make([]string, 0, valueCount(fields)) // one exact allocation: rows keep it
	n := 0
	for _, f := range fields {
		if slices.Contains(sh.keys[:n], f.Key) {
			continue
		}
		n++
		t := valueType(f.Value)
		sh.keys = append(sh.keys, f.Key)
		sh.types = append(sh.types, t)
		sh.kinds = append(sh.kinds, f.Value.Kind)
		before := len(vals)
		vals = appendValues(vals, f.Value)
		sh.nvals = append(sh.nvals, int32(len(vals)-before))
	}
	if len(vals) == 0 {
		vals = nil
	}
	return frontMatter{shape: sh, vals: slices.Clip(vals)}
}

// frontMatter is frontMatterOf with the shape shared through in: the
// shape's identity is put together on the stack, and a shape is built only
// when in has no equal one (most articles of a folder share a few
// shapes).
func (in *interner) frontMatter(fields []document.Field) frontMatter {
	var kb [512]byte
	key := kb[:0]
	var seen [32]string
	n := 0
	vals := make([]string, 0, valueCount(fields)) // one exact allocation: rows keep it
	for _, f := range fields {
		if slices.Contains(seen[:n], f.Key) {
			continue
		}
		if n == len(seen) {
			return in.sharedShape(frontMatterOf(fields))
		}
		seen[n] = f.Key
		n++
		before := len(vals)
		vals = appendValues(vals, f.Value)
		key = append(key, f.Key...)
		key = append(key, 0, byte(valueType(f.Value)), byte(f.Value.Kind))
		key = utf8.AppendRune(key, rune(int32(len(vals)-before)+1))
	}
	in.mu.Lock()
	sh, ok := in.shapes[string(key)]
	in.mu.Unlock()
	if !ok {
		return in.sharedShape(frontMatterOf(fields))
	}
	if len(vals) == 0 {
		vals = nil
	}
	return frontMatter{shape: sh, vals: slices.Clip(vals)}
}

// sharedShape returns fm with its shape replaced by in's equal one.
func (in *interner) sharedShape(fm frontMatter) frontMatter {
	fm.shape = in.shape(fm.shape)
	return fm
}

// valueCount is how many values frontMatterOf keeps for fields, counting
// a repeated key's values too (an upper bound then; exact otherwise).
func valueCount(fields []document.Field) int {
	n := 0
	for _, f := range fields {
		switch f.Value.Kind {
		case document.List:
			for _, it := range f.Value.Items {
				if it.Kind != document.List && it.Kind != document.Map && it.Kind != document.Null {
					n++
				}
			}
		case document.Map, document.Null:
		default:
			n++
		}
	}
	return n
}

// shapeKey is a shape's identity, for sharing equal shapes.
func (sh *fmShape) shapeKey() string {
	var b strings.Builder
	for i, k := range sh.keys {
		b.WriteString(k)
		b.WriteByte(0)
		b.WriteByte(byte(sh.types[i]))
		b.WriteByte(byte(sh.kinds[i]))
		b.WriteString(string(rune(sh.nvals[i] + 1)))
	}
	return b.String()
}

// valueType is the schema type of one value, as document.InferSchema
// gives it (TestValueTypeMatchesInferSchema keeps the two in step).
func valueType(v document.Value) document.FieldType {
	switch v.Kind {
	case document.Null:
		return document.TypeUnknown
	case document.String:
		switch {
		case dateShaped(v.Text):
			return document.TypeDate
		case strings.IndexByte(v.Text, '\n') >= 0 || strings.IndexByte(v.Text, '\r') >= 0 || wider(v.Text, document.LongTextWidth):
			return document.TypeLongText
		}
		return document.TypeText
	case document.Date:
		return document.TypeDate
	case document.Bool:
		return document.TypeBool
	case document.Int, document.Float:
		return document.TypeNumber
	case document.List:
		return document.TypeList
	case document.Map:
		return document.TypeMap
	}
	return document.TypeUnknown
}

// dateShaped reports whether s looks like a date: 4 digits, "-", 1 or 2
// digits, "-", 1 or 2 digits, then nothing or a T or space and a digit.
func dateShaped(s string) bool {
	digits := func(i int) int {
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		return i
	}
	i := digits(0)
	if i != 4 || i >= len(s) || s[i] != '-' {
		return false
	}
	j := digits(i + 1)
	if j-i-1 < 1 || j-i-1 > 2 || j >= len(s) || s[j] != '-' {
		return false
	}
	k := digits(j + 1)
	if k-j-1 < 1 || k-j-1 > 2 {
		return false
	}
	if k == len(s) {
		return true
	}
	return (s[k] == 'T' || s[k] == 't' || s[k] == ' ') && k+1 < len(s) && '0' <= s[k+1] && s[k+1] <= '9'
}

// wider reports whether the display width of s is more than limit
// columns, by Folio's one rule (textwidth.Columns, as document's schema
// counts). It stops counting once it knows.
func wider(s string, limit int) bool {
	if len(s) <= limit {
		return false // no character takes more columns than bytes
	}
	w := 0
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case 0x20 <= c && c < 0x7F: // ASCII that prints: one column
			w++
			i++
		case (0xE3 <= c && c <= 0xE9 || c == 0xEF) && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			// U+3000–U+9FFF or U+F000–U+FFFF, decoded here (a
			// well-formed sequence: no overlong form or surrogate starts
			// so). The common ideographs, CJK punctuation and the
			// fullwidth forms take two columns; the rest is asked.
			switch r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F); {
			case 0x4E00 <= r && r <= 0x9FA5, 0x3000 <= r && r <= 0x3029, 0xFF01 <= r && r <= 0xFF60:
				w += 2
			default:
				w += textwidth.Columns(r)
			}
			i += 3
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			w += textwidth.Columns(r)
			i += n
		}
		if w > limit {
			return true
		}
	}
	return false
}

// schemaCounts is a folder's schema as counts that each article's
// frontMatter is added to and taken from, so that the Index keeps its
// schema up to date without the articles' fields.
type schemaCounts struct {
	docs   int
	keys   map[string]*keyCounts
	seq    int              // keys seen so far, for the order of first appearance
	common *document.Schema // a schema of docs articles, for KeySchema.Common (see schema)
	// byShape is each shape's keys' counts, in the shape's key order, so
	// that adding an article looks none of its keys up (a shape is shared
	// by many rows); cleared when a key is removed from keys.
	byShape map[*fmShape][]*keyCounts
}

// keyCounts are one key's counts.
type keyCounts struct {
	key    string
	seq    int // order of first appearance: ties of Count keep it
	count  int
	types  [document.TypeMixed + 1]int // long text counted as text, as InferSchema does
	long   int                         // articles whose value is long text
	values map[string]int
	sorted []document.ValueCount // values sorted, nil when stale
	// sample is the value of the first article (by path) seen with the
	// key, its kind and scalar text: what a new article's field is made
	// like. It stays when that article goes.
	sample     document.Value
	samplePath string
}

func newSchemaCounts() *schemaCounts {
	return &schemaCounts{keys: map[string]*keyCounts{}}
}

// add folds one article (at path) in, or takes it out when sign is -1.
func (c *schemaCounts) add(path string, fm frontMatter, sign int) {
	sh := fm.shape
	if sh == nil {
		return
	}
	c.docs += sign
	ks := c.byShape[sh]
	if ks == nil && len(sh.keys) > 0 {
		ks = make([]*keyCounts, len(sh.keys))
		for i, key := range sh.keys {
			k := c.keys[key]
			if k == nil && sign > 0 {
				k = &keyCounts{key: key, seq: c.seq, values: map[string]int{}}
				c.seq++
				c.keys[key] = k
			}
			ks[i] = k
		}
		if sign > 0 {
			if c.byShape == nil {
				c.byShape = map[*fmShape][]*keyCounts{}
			}
			c.byShape[sh] = ks
		}
	}
	v := 0
	for i, k := range ks {
		if k == nil { // taken out, never added: nothing to take
			v += int(sh.nvals[i])
			continue
		}
		k.count += sign
		t := sh.types[i]
		if t == document.TypeLongText {
			k.long += sign
			t = document.TypeText
		}
		if t != document.TypeUnknown {
			k.types[t] += sign
		}
		vals := fm.vals[v : v+int(sh.nvals[i])]
		if sign > 0 {
			for _, val := range vals {
				k.values[val]++
			}
		} else {
			for _, val := range vals {
				if n := k.values[val] - 1; n > 0 {
					k.values[val] = n
				} else {
					delete(k.values, val)
				}
			}
		}
		if len(vals) > 0 {
			k.sorted = nil
		}
		v += len(vals)
		switch {
		case sign > 0 && (k.samplePath == "" || path <= k.samplePath):
			k.samplePath = path
			k.sample = document.Value{Kind: sh.kinds[i]}
			if len(vals) > 0 && sh.kinds[i] != document.List {
				k.sample.Text = vals[len(vals)-1]
			}
		case sign < 0 && path == k.samplePath:
			k.samplePath = "" // the next article added gives the sample
		}
		if k.count <= 0 {
			delete(c.keys, k.key)
			clear(c.byShape) // they may hold k
		}
	}
}

// schema is the folder's schema: what document.InferSchema gives for every
// article's fields in path order, except that keys seen equally often are
// in the order they were first seen (the load's path order, then later
// additions).
func (c *schemaCounts) schema() *document.Schema {
	s := &document.Schema{Docs: c.docs}
	ks := make([]*keyCounts, 0, len(c.keys))
	for _, k := range c.keys {
		ks = append(ks, k)
	}
	slices.SortFunc(ks, func(a, b *keyCounts) int {
		if a.count != b.count {
			return b.count - a.count
		}
		return a.seq - b.seq
	})
	// KeySchema.Common needs the number of articles it was inferred from,
	// which only InferSchema sets: infer a schema of c.docs articles, the
	// first with every key, and copy its keys.
	if c.common == nil || c.common.Docs != c.docs || len(c.common.Keys) < len(ks) {
		docs := make([][]document.Field, c.docs)
		if c.docs > 0 {
			first := make([]document.Field, len(ks))
			for i, k := range ks {
				first[i].Key = k.key
			}
			docs[0] = first
		}
		c.common = document.InferSchema(docs)
	}
	byKey := make(map[string]document.KeySchema, len(c.common.Keys))
	for _, k := range c.common.Keys {
		byKey[k.Key] = k
	}
	for _, k := range ks {
		ksch, ok := byKey[k.key]
		if !ok { // a key added since c.common was made: made again next time
			c.common = nil
			return c.schema()
		}
		ksch.Count = k.count
		ksch.Types = map[document.FieldType]int{}
		for t, n := range k.types {
			if n > 0 {
				ksch.Types[document.FieldType(t)] = n
			}
		}
		ksch.Type = document.DominantType(ksch.Types)
		if k.long > 0 {
			if n := ksch.Types[document.TypeText]; n > 0 {
				ksch.Types[document.TypeLongText] = n
				delete(ksch.Types, document.TypeText)
			}
			if ksch.Type == document.TypeText {
				ksch.Type = document.TypeLongText
			}
		}
		ksch.Share = 0
		if c.docs > 0 {
			ksch.Share = float64(k.count) / float64(c.docs)
		}
		ksch.Values = nil
		if ksch.Type != document.TypeLongText && len(k.values) > 0 {
			if k.sorted == nil {
				k.sorted = sortedValues(k.values)
			}
			ksch.Values = k.sorted
		}
		s.Keys = append(s.Keys, ksch)
	}
	return s
}

// sortedValues returns the value counts most frequent first, then in byte
// order.
func sortedValues(m map[string]int) []document.ValueCount {
	vs := make([]document.ValueCount, 0, len(m))
	for v, n := range m {
		vs = append(vs, document.ValueCount{Value: v, Count: n})
	}
	slices.SortFunc(vs, func(a, b document.ValueCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Value, b.Value)
	})
	return vs
}

// appendValues appends the values v counts for in the schema: its text,
// or the texts of a list's scalar items; a map or null adds none.
func appendValues(vals []string, v document.Value) []string {
	switch v.Kind {
	case document.List:
		for _, it := range v.Items {
			if it.Kind != document.List && it.Kind != document.Map && it.Kind != document.Null {
				vals = append(vals, it.Text)
			}
		}
	case document.Map, document.Null:
	default:
		vals = append(vals, v.Text)
	}
	return vals
}
