package form

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"folio/editor/document"
)

// dateLayouts are the date and date-time spellings the form keeps, tried in
// order; the first that reads a value exactly is its style.
var dateLayouts = []string{
	"2006-01-02",
	"2006-01-02T15:04:05Z07:00",
	"2006-01-02T15:04:05.999999999Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
}

var dateShape = regexp.MustCompile(`^\d{4}-\d{1,2}-\d{1,2}([T ]|$)`)

// dateShaped reports whether s looks like a date, valid or not.
func dateShaped(s string) bool { return dateShape.MatchString(strings.TrimSpace(s)) }

// dateLayout returns the layout that spells s exactly, if any.
func dateLayout(s string, loc *time.Location) (string, time.Time, bool) {
	for _, l := range dateLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil && t.Format(l) == s {
			return l, t, true
		}
		// Fractions of a second may be written with fewer digits than the layout.
		if t, err := time.ParseInLocation(l, s, loc); err == nil && strings.Contains(l, ".999") {
			return l, t, true
		}
	}
	return "", time.Time{}, false
}

// dateProblem returns why s is not a date the form can read ("" when it is,
// or when it is empty).
func dateProblem(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	_, _, ok := dateLayout(s, time.UTC)
	return !ok
}

// nowLike writes now in the style of old (a date stays a date, a
// date-time keeps its layout and gets the zone's offset), in loc.
func nowLike(old string, now time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.Local
	}
	layout, _, ok := dateLayout(strings.TrimSpace(old), loc)
	if !ok {
		layout = "2006-01-02"
	}
	return now.In(loc).Format(layout)
}

// withDay puts the day picked in a calendar into old, keeping its time of
// day, offset and layout; a value that is not a date becomes the day alone.
func withDay(old string, day time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.Local
	}
	layout, t, ok := dateLayout(strings.TrimSpace(old), loc)
	if !ok {
		return day.Format("2006-01-02")
	}
	n := time.Date(day.Year(), day.Month(), day.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
	return n.Format(layout)
}

// readTimeRE reads a reading time written as a number in some text:
// "12分钟", "5 min read", "约 3 分钟", "8 minutes".
var readTimeRE = regexp.MustCompile(`^(\D*?)(\d+)(\s*(?:分钟|分|mins?|minutes?|m)(?:\s+read)?\s*)$`)

// readTimeLike reports whether a field holds a reading time: its key says
// so, or its text is a number of minutes.
func readTimeLike(key string, v document.Value) bool {
	k := strings.ToLower(strings.NewReplacer("_", "", "-", "").Replace(key))
	if k == "readtime" || k == "readingtime" {
		return v.Kind == document.String || v.Kind == document.Int || v.Kind == document.Null
	}
	return v.Kind == document.String && readTimeRE.MatchString(v.Text)
}

// withMinutes writes n minutes in the style of old ("12分钟" → "13分钟");
// a bare number or an unrecognised text becomes the number alone.
func withMinutes(old string, n int) string {
	m := readTimeRE.FindStringSubmatch(old)
	if m == nil {
		return strconv.Itoa(n)
	}
	return m[1] + strconv.Itoa(n) + m[3]
}

// suggest returns up to n of the folder's values for a key that match
// typed (prefix matches first, then the rest containing it, each most used
// first), leaving out those in skip.
func suggest(values []document.ValueCount, typed string, skip map[string]bool, n int) []string {
	typed = strings.ToLower(strings.TrimSpace(typed))
	var pre, mid []string
	for _, v := range values {
		if skip[v.Value] || v.Value == "" {
			continue
		}
		low := strings.ToLower(v.Value)
		switch {
		case strings.HasPrefix(low, typed):
			pre = append(pre, v.Value)
		case strings.Contains(low, typed):
			mid = append(mid, v.Value)
		}
		if len(pre) >= n {
			break
		}
	}
	out := append(pre, mid...)
	if len(out) > n {
		out = out[:n]
	}
	return out
}
