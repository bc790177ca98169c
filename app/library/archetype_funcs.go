package library

import (
	"errors"
	"fmt"
	"path"
	"reflect"
	"regexp"
	"strings"
	"text/template"
	"time"
	"unicode"
	"unicode/utf8"
)

// hugoFuncs returns the template functions Hugo archetypes use, with now
// as the time of `now` and `time.Now`. A function outside this set makes
// the template fail to parse ("function "x" not defined"), and NewArticle
// falls back to the plain template.
func hugoFuncs(now time.Time, siteData map[string]any) template.FuncMap {
	tns := timeNS{now: now}
	sns := stringsNS{}
	return template.FuncMap{
		"now":        func() time.Time { return now },
		"time":       tns.call,
		"strings":    func() stringsNS { return sns },
		"path":       func() pathNS { return pathNS{} },
		"site":       func() map[string]any { return siteData },
		"default":    hugoDefault,
		"dateFormat": func(layout string, v any) (string, error) { return tns.Format(layout, v) },
		"replace":    func(s any, old, new string, n ...int) string { return sns.Replace(s, old, new, n...) },
		"replaceRE": func(pat, repl string, s any) (string, error) {
			re, err := regexp.Compile(pat)
			if err != nil {
				return "", err
			}
			return re.ReplaceAllString(toString(s), repl), nil
		},
		"title":     func(s any) string { return sns.Title(s) },
		"lower":     func(s any) string { return sns.ToLower(s) },
		"upper":     func(s any) string { return sns.ToUpper(s) },
		"trim":      func(s any, cut string) string { return strings.Trim(toString(s), cut) },
		"humanize":  humanize,
		"urlize":    urlize,
		"anchorize": urlize,
		"substr":    substr,
		"slicestr":  slicestr,
		"split":     func(s any, sep string) []string { return strings.Split(toString(s), sep) },
		"delimit": func(list any, sep string) string {
			rv := reflect.ValueOf(list)
			if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
				return toString(list)
			}
			parts := make([]string, rv.Len())
			for i := range parts {
				parts[i] = toString(rv.Index(i).Interface())
			}
			return strings.Join(parts, sep)
		},
	}
}

// toString renders a template argument as text.
func toString(v any) string {
	switch s := v.(type) {
	case nil:
		return ""
	case string:
		return s
	case fmt.Stringer:
		return s.String()
	}
	return fmt.Sprint(v)
}

// hugoDefault is Hugo's default: the given value when it is set (not empty,
// zero or false), else the default.
func hugoDefault(def any, given ...any) any {
	if len(given) == 0 || given[0] == nil {
		return def
	}
	rv := reflect.ValueOf(given[0])
	switch rv.Kind() {
	case reflect.String, reflect.Slice, reflect.Map, reflect.Array:
		if rv.Len() == 0 {
			return def
		}
	case reflect.Bool:
		if !rv.Bool() {
			return def
		}
	case reflect.Int, reflect.Int64, reflect.Float64:
		if rv.IsZero() {
			return def
		}
	}
	return given[0]
}

// timeNS is Hugo's time namespace: `time.Now`, `time.Format`, and `time X`
// to read a date.
type timeNS struct{ now time.Time }

// call is `time` in a template: the namespace without arguments, or the
// argument read as a time.
func (t timeNS) call(args ...any) (any, error) {
	if len(args) == 0 {
		return t, nil
	}
	return t.AsTime(args[0])
}

// Now returns the creation time.
func (t timeNS) Now() time.Time { return t.now }

// AsTime reads a time.Time or a date string.
func (t timeNS) AsTime(v any) (time.Time, error) {
	switch x := v.(type) {
	case time.Time:
		return x, nil
	case string:
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
			if tm, err := time.Parse(layout, x); err == nil {
				return tm, nil
			}
		}
		return time.Time{}, fmt.Errorf("cannot read %q as a date", x)
	}
	return time.Time{}, fmt.Errorf("cannot read %v (%T) as a date", v, v)
}

// Format formats a time or date string with a Go layout or one of Hugo's
// :date_short, :date_medium, :date_long, :date_full, :time_short… names.
func (t timeNS) Format(layout string, v any) (string, error) {
	tm, err := t.AsTime(v)
	if err != nil {
		return "", err
	}
	switch layout {
	case ":date_full":
		layout = "Monday, January 2, 2006"
	case ":date_long":
		layout = "January 2, 2006"
	case ":date_medium":
		layout = "Jan 2, 2006"
	case ":date_short":
		layout = "1/2/06"
	case ":time_full", ":time_long":
		layout = "3:04:05 pm MST"
	case ":time_medium":
		layout = "3:04:05 pm"
	case ":time_short":
		layout = "3:04 pm"
	}
	return tm.Format(layout), nil
}

// stringsNS is Hugo's strings namespace.
type stringsNS struct{}

// Replace replaces old with new in s (n times, or all).
func (stringsNS) Replace(s any, old, new string, n ...int) string {
	c := -1
	if len(n) > 0 {
		c = n[0]
	}
	return strings.Replace(toString(s), old, new, c)
}

// Title upper-cases the first letter of each word.
func (stringsNS) Title(s any) string {
	str := toString(s)
	var b strings.Builder
	start := true
	for _, r := range str {
		if start && unicode.IsLetter(r) {
			b.WriteRune(unicode.ToTitle(r))
		} else {
			b.WriteRune(r)
		}
		start = unicode.IsSpace(r) || r == '-' || r == '_'
	}
	return b.String()
}

// ToLower lower-cases s.
func (stringsNS) ToLower(s any) string { return strings.ToLower(toString(s)) }

// ToUpper upper-cases s.
func (stringsNS) ToUpper(s any) string { return strings.ToUpper(toString(s)) }

// TrimSpace trims white space.
func (stringsNS) TrimSpace(s any) string { return strings.TrimSpace(toString(s)) }

// TrimPrefix removes a prefix.
func (stringsNS) TrimPrefix(prefix string, s any) string {
	return strings.TrimPrefix(toString(s), prefix)
}

// TrimSuffix removes a suffix.
func (stringsNS) TrimSuffix(suffix string, s any) string {
	return strings.TrimSuffix(toString(s), suffix)
}

// Trim removes the characters of cut at both ends.
func (stringsNS) Trim(s any, cut string) string { return strings.Trim(toString(s), cut) }

// Contains reports whether s contains sub.
func (stringsNS) Contains(s any, sub string) bool { return strings.Contains(toString(s), sub) }

// HasPrefix reports whether s starts with prefix.
func (stringsNS) HasPrefix(s any, prefix string) bool {
	return strings.HasPrefix(toString(s), prefix)
}

// FirstUpper upper-cases the first letter.
func (stringsNS) FirstUpper(s any) string {
	str := toString(s)
	r, n := utf8.DecodeRuneInString(str)
	if n == 0 {
		return str
	}
	return string(unicode.ToUpper(r)) + str[n:]
}

// pathNS is Hugo's path namespace.
type pathNS struct{}

// Base returns the last element of a slash path.
func (pathNS) Base(p any) string { return path.Base(toString(p)) }

// Dir returns all but the last element of a slash path.
func (pathNS) Dir(p any) string { return path.Dir(toString(p)) }

// Ext returns a slash path's extension.
func (pathNS) Ext(p any) string { return path.Ext(toString(p)) }

// humanize turns a slug into words with a capital first letter:
// "my-first-post" → "My first post".
func humanize(s any) string {
	str := strings.NewReplacer("-", " ", "_", " ").Replace(toString(s))
	return stringsNS{}.FirstUpper(str)
}

// urlize lower-cases s and turns spaces into hyphens, as Hugo's urlize.
func urlize(s any) string {
	return strings.ToLower(strings.Join(strings.Fields(toString(s)), "-"))
}

// substr returns the runes of s from start, length long (or to the end);
// a negative start counts from the end.
func substr(s any, args ...int) (string, error) {
	r := []rune(toString(s))
	if len(args) == 0 || len(args) > 2 {
		return "", errors.New("substr: want a start and an optional length")
	}
	start := args[0]
	if start < 0 {
		start = max(0, len(r)+start)
	}
	start = min(start, len(r))
	end := len(r)
	if len(args) == 2 {
		end = min(len(r), start+max(0, args[1]))
	}
	return string(r[start:end]), nil
}

// slicestr returns the runes of s from start to end (or to the end).
func slicestr(s any, args ...int) (string, error) {
	r := []rune(toString(s))
	if len(args) == 0 || len(args) > 2 {
		return "", errors.New("slicestr: want a start and an optional end")
	}
	start := min(max(0, args[0]), len(r))
	end := len(r)
	if len(args) == 2 {
		end = min(max(start, args[1]), len(r))
	}
	return string(r[start:end]), nil
}
