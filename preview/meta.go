package preview

import (
	"fyne.io/fyne/v2/lang"

	"fmt"
	foliodoc "folio/editor/document"
	"sort"
	"strings"
	"time"
	"unicode"
)

// Meta is what the header card shows, taken from the front matter.
type Meta struct {
	Title    string
	Summary  string
	Author   string
	Date     string // as written, or YYYY-MM-DD for a decoded date
	ReadTime string // as written ("12分钟"), or estimated from the body when empty
	Category string
	Tags     []string
	Featured bool
	Draft    bool
	Cover    string              // cover image path, relative to the article's folder
	Problem  *FrontMatterProblem // why the front matter could not be read, or nil
	// Params are the front matter's params map (Hugo's place for a page's
	// own values): the param shortcode ({{% param "name" %}}) shows them.
	// Not shown in the card; nil when none.
	Params map[string]any
}

// IsZero reports whether there is nothing to show.
func (m Meta) IsZero() bool {
	return m.Title == "" && m.Summary == "" && m.Author == "" && m.Date == "" && m.ReadTime == "" &&
		m.Category == "" && len(m.Tags) == 0 && !m.Featured && !m.Draft && m.Cover == "" && m.Problem == nil
}

// metaKeys maps a field to the front matter keys that feed it, in order of
// preference. Keys match case-insensitively, ignoring '_' and '-'.
var metaKeys = map[string][]string{
	"title":    {"title"},
	"summary":  {"summary", "description", "excerpt", "subtitle"},
	"author":   {"author", "authors", "by"},
	"date":     {"date", "publishdate", "pubdate", "published", "publishedat", "created"},
	"readtime": {"readtime", "readingtime", "readtimeminutes"},
	"category": {"category", "categories", "section"},
	"tags":     {"tags", "keywords", "tag"},
	"featured": {"featured", "pinned", "sticky"},
	"draft":    {"draft"},
	"cover":    {"cover", "image", "coverimage", "heroimage", "thumbnail"},
}

func normKey(k string) string {
	return strings.Map(func(r rune) rune {
		if r == '_' || r == '-' || r == ' ' {
			return -1
		}
		return unicode.ToLower(r)
	}, k)
}

// MetaFromMap reads a Meta from decoded front matter (YAML, TOML or JSON:
// strings, numbers, bools, time.Time, []any, map[string]any and
// map[any]any all work). Unknown keys are ignored.
func MetaFromMap(fm map[string]any) Meta {
	norm := make(map[string]any, len(fm))
	keys := make([]string, 0, len(fm))
	for k := range fm {
		keys = append(keys, k)
	}
	sort.Strings(keys) // deterministic when two keys normalise alike
	for _, k := range keys {
		if _, dup := norm[normKey(k)]; !dup {
			norm[normKey(k)] = fm[k]
		}
	}
	pick := func(field string) any {
		for _, k := range metaKeys[field] {
			if v, ok := norm[k]; ok && v != nil {
				return v
			}
		}
		return nil
	}
	m := Meta{
		Title:    scalar(pick("title")),
		Summary:  scalar(pick("summary")),
		Author:   strings.Join(list(pick("author")), ", "),
		Date:     scalar(pick("date")),
		Category: strings.Join(list(pick("category")), " / "),
		Tags:     list(pick("tags")),
		Featured: truthy(pick("featured")),
		Draft:    truthy(pick("draft")),
		Cover:    scalar(pick("cover")),
	}
	switch v := norm["params"].(type) {
	case map[string]any:
		m.Params = v
	case map[any]any:
		m.Params = make(map[string]any, len(v))
		for k, e := range v {
			m.Params[fmt.Sprint(k)] = e
		}
	}
	switch v := pick("readtime").(type) {
	case int, int64, uint64, float64:
		m.ReadTime = fmt.Sprintf("%v min", v)
	default:
		m.ReadTime = scalar(v)
	}
	return m
}

// scalar formats a single value; a list gives its first element.
func scalar(v any) string {
	switch t := v.(type) {
	case nil:
		return ""
	case string:
		return strings.TrimSpace(t)
	case time.Time:
		if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
			return t.Format("2006-01-02")
		}
		return t.Format("2006-01-02 15:04")
	case []any:
		if len(t) > 0 {
			return scalar(t[0])
		}
		return ""
	case []string:
		if len(t) > 0 {
			return t[0]
		}
		return ""
	case map[string]any:
		return scalar(firstOf(t["name"], t["title"]))
	case map[any]any:
		return scalar(firstOf(t["name"], t["title"]))
	}
	return fmt.Sprint(v)
}

func firstOf(vs ...any) any {
	for _, v := range vs {
		if v != nil {
			return v
		}
	}
	return nil
}

// list formats a list, or a comma-separated string, as strings.
func list(v any) []string {
	var out []string
	switch t := v.(type) {
	case nil:
		return nil
	case []any:
		for _, e := range t {
			if s := scalar(e); s != "" {
				out = append(out, s)
			}
		}
	case []string:
		for _, s := range t {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	case string:
		for _, s := range strings.Split(t, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	default:
		if s := scalar(t); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func truthy(v any) bool {
	switch t := v.(type) {
	case bool:
		return t
	case string:
		switch strings.ToLower(strings.TrimSpace(t)) {
		case "true", "yes", "on", "1":
			return true
		}
	case int:
		return t != 0
	case int64:
		return t != 0
	case float64:
		return t != 0
	}
	return false
}

// estimateReadTime is the reading time of body as the header card shows
// it when the front matter gives none, counted as document.CountText
// counts (Chinese characters and words); "" for a body with nothing to
// read, so the card and the status bar never disagree (1 min vs 0).
func estimateReadTime(body []byte) string {
	m := foliodoc.CountText(body).ReadingMinutes()
	if m == 0 {
		return ""
	}
	return lang.L("{{.Minutes}} min", map[string]any{"Minutes": m})
}

// MetaFromFields is MetaFromMap for front matter read by package document:
// dates and numbers keep their spelling, lists and maps their items.
func MetaFromFields(fields []foliodoc.Field) Meta {
	m := make(map[string]any, len(fields))
	for _, f := range fields {
		m[f.Key] = f.Value.Data()
	}
	return MetaFromMap(m)
}
