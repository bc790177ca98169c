package document

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Severity tells how bad a Problem is.
type Severity int

// The severities. `folio check` fails only on errors.
const (
	Warning Severity = iota // suspicious, probably unintended
	Error                   // wrong whatever the folder does
)

// String returns "warning" or "error".
func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Problem codes, stable for translations and scripts.
const (
	CodeDateInvalid  = "date.invalid"   // a date that does not exist or is not in a known form
	CodeTypeMismatch = "type.mismatch"  // a value of another type than the schema's
	CodeKeyMissing   = "key.missing"    // a key most articles of the folder have
	CodeTitleEmpty   = "title.empty"    // an empty title
	CodeNoFields     = "fields.missing" // no front matter fields where most articles have some
)

// Problem is one finding of Validate.
type Problem struct {
	Line     int // 1-based line in the file; 1 for a missing key
	Severity Severity
	Code     string // one of the Code constants: "date.invalid"…
	Key      string // the top-level key concerned
	Msg      string // a short English sentence
}

// Validate checks an article's top-level front matter fields against the
// folder's schema (s may be nil: then only the schema-free checks run).
// Problems are sorted by line, then in field order.
//
// Rules:
//   - date.invalid (error): a date value, a date-shaped string anywhere, or
//     any non-empty string in a date key, that is not a real date in one of
//     the accepted forms: 2024-01-10, 2024-01-10T08:00:00 (with optional
//     fraction and zone, i.e. RFC 3339), 2024-01-10 08:00 and 2024-01-10
//     08:00:00 (optional zone); the hour may have one digit, as in YAML.
//     A date key is one the schema types as date, or, unless the schema
//     types it otherwise, one named like a date (date, publishDate, lastmod,
//     updated, created_at…). Dates nested in lists and maps are checked too.
//   - type.mismatch (warning): a non-null value whose type differs from the
//     schema's (a string where most articles have a bool, a list, a number…).
//     The schema is inferred from the folder, not declared, so disagreeing
//     with it is a warning; only what is wrong on its own is an error. TypeText
//     keys accept any scalar; TypeMixed and TypeUnknown keys accept anything.
//   - key.missing (warning, line 1 where front matter starts): a key the
//     schema marks Common is absent.
//   - title.empty (warning): a "title" key that is null or blank.
//   - fields.missing (warning, line 1): the article has no front matter
//     fields at all but the schema has Common keys; reported once, instead
//     of a key.missing for each key.
func Validate(fields []Field, s *Schema) []Problem {
	var ps []Problem
	present := make(map[string]bool, len(fields))
	for _, f := range fields {
		if present[f.Key] {
			continue
		}
		present[f.Key] = true
		ks, _ := s.Key(f.Key)
		ps = checkField(ps, f, ks)
	}
	if s != nil && len(fields) == 0 {
		// One problem for an article without front matter, not one per key.
		var common []string
		for _, k := range s.Keys {
			if k.Common() {
				common = append(common, k.Key)
			}
		}
		if len(common) > 0 {
			if len(common) > 4 {
				common = append(common[:4], "…")
			}
			ps = append(ps, Problem{
				Line: 1, Severity: Warning, Code: CodeNoFields,
				Msg: "no front matter fields; most articles have " + strings.Join(common, ", "),
			})
		}
	} else if s != nil {
		for _, k := range s.Keys {
			if k.Common() && !present[k.Key] {
				ps = append(ps, Problem{
					Line: 1, Severity: Warning, Code: CodeKeyMissing, Key: k.Key,
					Msg: fmt.Sprintf("missing key %q (present in %d of %d articles)", k.Key, k.Count, k.docs),
				})
			}
		}
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Line < ps[j].Line })
	return ps
}

// checkField appends the problems of one top-level field.
func checkField(ps []Problem, f Field, ks *KeySchema) []Problem {
	v := f.Value
	want := TypeUnknown
	if ks != nil {
		want = ks.Type
	}
	if strings.EqualFold(f.Key, "title") &&
		(v.Kind == Null || (v.Kind == String && strings.TrimSpace(v.Text) == "")) {
		ps = append(ps, Problem{Line: line(v), Severity: Warning, Code: CodeTitleEmpty, Key: f.Key, Msg: "title is empty"})
	}
	if v.Kind == String && wantsDate(f.Key, ks) && NotADate(v.Text) {
		return append(ps, Problem{
			Line: line(v), Severity: Error, Code: CodeDateInvalid, Key: f.Key,
			Msg: fmt.Sprintf("%q is not a date (want YYYY-MM-DD)", v.Text),
		})
	}
	ps = checkDates(ps, f.Key, v)
	if v.Kind != Null && !fits(v, want) {
		got := valueType(v)
		if got == TypeLongText {
			got = TypeText
		}
		ps = append(ps, Problem{
			Line: line(v), Severity: Warning, Code: CodeTypeMismatch, Key: f.Key,
			Msg: fmt.Sprintf("expected %s (as in %d of %d articles), found %s",
				want, ks.Types[want]+ks.Types[sibling(want)], ks.Count, got),
		})
	}
	return ps
}

// WantsDate reports whether the value of key must be a date under s (which
// may be nil): s types the key as date, or s does not type it and its name
// is a date's (date, publishDate, lastmod, updated, created_at…). A string
// value of such a key for which NotADate holds is a date.invalid error.
func (s *Schema) WantsDate(key string) bool {
	ks, _ := s.Key(key)
	return wantsDate(key, ks)
}

func wantsDate(key string, ks *KeySchema) bool {
	want := TypeUnknown
	if ks != nil {
		want = ks.Type
	}
	return want == TypeDate || (want == TypeUnknown && dateName(key))
}

// NotADate reports whether the string value of a date key is an error for
// not being a date at all (not blank and not shaped like one).
func NotADate(text string) bool {
	return strings.TrimSpace(text) != "" && !dateShaped(text)
}

// InvalidDates returns the date.invalid errors of fields that hold whatever
// the folder's schema: date values and date-shaped strings (nested ones
// too) that are not real dates. With WantsDate and NotADate it is all the
// errors Validate finds: an index that keeps each article's InvalidDates
// and its string values can tell which articles Validate fails under any
// schema without their fields.
func InvalidDates(fields []Field) []Problem {
	var ps []Problem
	var seen map[string]bool // with many fields; few are looked through
	if len(fields) > 32 {
		seen = make(map[string]bool, len(fields))
	}
	for i, f := range fields {
		if seen != nil {
			if seen[f.Key] {
				continue
			}
			seen[f.Key] = true
		} else if slices.ContainsFunc(fields[:i], func(g Field) bool { return g.Key == f.Key }) {
			continue
		}
		ps = checkDates(ps, f.Key, f.Value)
	}
	return ps
}

// checkDates appends a date.invalid problem for each date value and
// date-shaped string in v that is not a valid date.
func checkDates(ps []Problem, key string, v Value) []Problem {
	switch v.Kind {
	case Date, String:
		if v.Kind == String && !dateShaped(v.Text) {
			return ps
		}
		if reason := checkDate(v.Text); reason != "" {
			ps = append(ps, Problem{
				Line: line(v), Severity: Error, Code: CodeDateInvalid, Key: key,
				Msg: fmt.Sprintf("invalid date %q: %s", v.Text, reason),
			})
		}
	case List:
		for _, it := range v.Items {
			ps = checkDates(ps, key, it)
		}
	case Map:
		for _, f := range v.Fields {
			ps = checkDates(ps, key, f.Value)
		}
	}
	return ps
}

// fits reports whether v is acceptable for a key of type want.
func fits(v Value, want FieldType) bool {
	switch want {
	case TypeText, TypeLongText:
		return isScalar(v.Kind)
	case TypeDate:
		return v.Kind == Date || v.Kind == String
	case TypeBool:
		return v.Kind == Bool
	case TypeNumber:
		return v.Kind == Int || v.Kind == Float
	case TypeList:
		return v.Kind == List
	case TypeMap:
		return v.Kind == Map
	}
	return true
}

// sibling is the type counted with t in a schema's Types (TypeText, TypeLongText).
func sibling(t FieldType) FieldType {
	switch t {
	case TypeText:
		return TypeLongText
	case TypeLongText:
		return TypeText
	}
	return -1
}

func line(v Value) int {
	if v.Line < 1 {
		return 1
	}
	return v.Line
}

// dateName reports whether a key is named like a date: date, a name ending
// in Date, _date or -date (publishDate, pub_date), or one of the usual
// lastmod, updated, created_at… ("update" and "candidate" are not).
func dateName(key string) bool {
	if strings.HasSuffix(key, "Date") {
		return true
	}
	n := strings.ToLower(key)
	if n == "date" || strings.HasSuffix(n, "_date") || strings.HasSuffix(n, "-date") {
		return true
	}
	switch strings.NewReplacer("_", "", "-", "").Replace(n) {
	case "pubdate", "publishdate", "expirydate", "published", "publishedat", "updated", "updatedat",
		"created", "createdat", "lastmod", "lastmodified", "modified", "modifiedat", "expires", "expiry":
		return true
	}
	return false
}

// dateShaped reports whether s looks like a date, valid or not: four digits,
// '-', one or two digits, '-', one or two digits, then the end or a time
// ('T', 't' or ' ' and a digit).
func dateShaped(s string) bool {
	i := digits(s, 0)
	if i != 4 || i >= len(s) || s[i] != '-' {
		return false
	}
	j := digits(s, i+1)
	if j-i-1 < 1 || j-i-1 > 2 || j >= len(s) || s[j] != '-' {
		return false
	}
	k := digits(s, j+1)
	if k-j-1 < 1 || k-j-1 > 2 {
		return false
	}
	if k == len(s) {
		return true
	}
	return (s[k] == 'T' || s[k] == 't' || s[k] == ' ') && k+1 < len(s) && isDigit(s[k+1])
}

// checkDate returns why s is not a valid date or timestamp in an accepted
// form, or "" if it is valid.
func checkDate(s string) string {
	const form = "not in YYYY-MM-DD form"
	if len(s) < 10 || digits(s, 0) != 4 || s[4] != '-' || digits(s, 5) != 7 || s[7] != '-' || digits(s, 8) != 10 {
		return form
	}
	year, month, day := num(s[0:4]), num(s[5:7]), num(s[8:10])
	if month < 1 || month > 12 {
		return "month out of range"
	}
	if day < 1 || day > daysIn(month, year) {
		return "day out of range"
	}
	s = s[10:]
	if s == "" {
		return ""
	}
	// The hour may have one digit, as YAML timestamps and Go's time
	// package allow.
	const timeForm = "time not in HH:MM or HH:MM:SS form"
	if s[0] != 'T' && s[0] != 't' && s[0] != ' ' {
		return timeForm
	}
	h := digits(s, 1)
	if h < 2 || h > 3 || h >= len(s) || s[h] != ':' || digits(s, h+1) != h+3 {
		return timeForm
	}
	if num(s[1:h]) > 23 {
		return "hour out of range"
	}
	if num(s[h+1:h+3]) > 59 {
		return "minute out of range"
	}
	s = s[h+3:]
	if len(s) > 0 && s[0] == ':' {
		if digits(s, 1) != 3 {
			return timeForm
		}
		if num(s[1:3]) > 59 {
			return "second out of range"
		}
		s = s[3:]
		if len(s) > 0 && s[0] == '.' {
			n := digits(s, 1)
			if n == 1 {
				return timeForm
			}
			s = s[n:]
		}
	}
	return checkZone(s)
}

// checkZone checks the end of a timestamp: nothing, Z, or an offset
// (+08:00, -0500, +8, optionally after one space).
func checkZone(s string) string {
	if s == "" || s == "Z" || s == "z" {
		return ""
	}
	const bad = "bad time zone"
	if s[0] == ' ' {
		s = s[1:]
	}
	if s == "Z" {
		return ""
	}
	if s == "" || (s[0] != '+' && s[0] != '-') {
		return bad
	}
	s = s[1:]
	h := digits(s, 0)
	switch {
	case h == 4 && len(s) == 4: // +0800
		if num(s[:2]) > 23 || num(s[2:]) > 59 {
			return bad
		}
		return ""
	case h < 1 || h > 2 || num(s[:h]) > 23:
		return bad
	}
	s = s[h:]
	if s == "" {
		return ""
	}
	if s[0] != ':' || len(s) != 3 || digits(s, 1) != 3 || num(s[1:]) > 59 {
		return bad
	}
	return ""
}

// digits returns the index of the first non-digit in s at or after i.
func digits(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// num returns the value of a short string of digits.
func num(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
