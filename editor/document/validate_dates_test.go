package document

import (
	"fmt"
	"testing"
	"time"
)

// TestInvalidDatesChecksEachKeyOnce: of a repeated key only the first
// value is checked, whether the front matter has few fields (looked
// through) or many (a map), and dates in lists and maps are found.
func TestInvalidDatesChecksEachKeyOnce(t *testing.T) {
	str := func(s string) Value { return Value{Kind: String, Text: s} }
	many := func(extra ...Field) []Field {
		var fs []Field
		for i := range 40 {
			fs = append(fs, Field{Key: fmt.Sprintf("k%d", i), Value: str("x")})
		}
		return append(fs, extra...)
	}
	tests := []struct {
		name   string
		fields []Field
		want   []string // keys of the problems, in order
	}{
		{"valid", []Field{{"date", str("2024-03-15")}}, nil},
		{"invalid", []Field{{"date", str("2024-02-30")}}, []string{"date"}},
		{"first of a repeated key valid", []Field{{"date", str("2024-03-15")}, {"title", str("t")}, {"date", str("2024-02-30")}}, nil},
		{"first of a repeated key invalid", []Field{{"date", str("2024-13-01")}, {"date", str("2024-03-15")}}, []string{"date"}},
		{"two keys", []Field{{"date", str("2024-13-01")}, {"lastmod", str("2024-02-30")}}, []string{"date", "lastmod"}},
		{"many fields, repeated", many(Field{"date", str("2024-13-01")}, Field{"date", str("2024-02-30")}), []string{"date"}},
		{"many fields, two keys", many(Field{"date", str("2024-13-01")}, Field{"x", str("2024-02-30")}), []string{"date", "x"}},
		{"list and map", []Field{
			{"dates", Value{Kind: List, Items: []Value{str("2024-01-01"), str("2024-04-31")}}},
			{"m", Value{Kind: Map, Fields: []Field{{"d", str("2023-02-29")}}}},
		}, []string{"dates", "m"}},
		{"not date-shaped text", []Field{{"title", str("2024 年 13 月")}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := InvalidDates(tt.fields)
			var got []string
			for _, p := range ps {
				got = append(got, p.Key)
				if p.Code != CodeDateInvalid {
					t.Errorf("problem %+v: code %q", p, p.Code)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("InvalidDates = %v (%+v), want problems of %v", got, ps, tt.want)
			}
		})
	}
}

// timestampByAllFormats is isTimestamp as yaml.v3 does it, trying every
// format in turn.
func timestampByAllFormats(s string) bool {
	i := 0
	for ; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, format := range []string{
		"2006-1-2T15:4:5.999999999Z07:00", "2006-1-2t15:4:5.999999999Z07:00",
		"2006-1-2 15:4:5.999999999", "2006-1-2",
	} {
		if _, err := time.Parse(format, s); err == nil {
			return true
		}
	}
	return false
}

var timestampCases = []string{
	"", "2024", "2024-", "2024-03-15", "2024-3-5", "2024-03-15T10:20:30Z", "2024-03-15t10:20:30+08:00",
	"2024-03-15 10:20:30", "2024-03-15 10:20:30.5", "2024-03-15T10:20", "2024-03-15 ", "2024-02-30",
	"2024-03-15X", "2024-03-15T", "20240-03-15", "abcd-01-01", "2024-03-15 10:20:30 +0800", "2024-3-5t1:2:3Z",
}

func TestIsTimestampMatchesEveryFormat(t *testing.T) {
	for _, s := range timestampCases {
		if got, want := isTimestamp(s), timestampByAllFormats(s); got != want {
			t.Errorf("isTimestamp(%q) = %v, trying every format says %v", s, got, want)
		}
	}
}

func FuzzIsTimestamp(f *testing.F) {
	for _, s := range timestampCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isTimestamp(s), timestampByAllFormats(s); got != want {
			t.Fatalf("isTimestamp(%q) = %v, trying every format says %v", s, got, want)
		}
	})
}
