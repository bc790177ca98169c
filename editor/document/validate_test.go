package document

import (
	"strings"
	"testing"
	"time"
)

func at(v Value, line int) Value { v.Line = line; return v }

func TestCheckDate(t *testing.T) {
	tests := []struct {
		in, reason string // reason "" means valid
	}{
		{"2024-01-10", ""},
		{"2024-02-29", ""},
		{"2000-02-29", ""},
		{"2024-12-31", ""},
		{"2024-01-10T08:00:00Z", ""},
		{"2024-01-10T08:00:00+08:00", ""},
		{"2024-01-10T08:00:00.123456-05:00", ""},
		{"2024-01-10t08:00:00z", ""},
		{"2024-01-10T08:00:00", ""},
		{"2024-01-10T08:00", ""},
		{"2024-01-10 08:00", ""},
		{"2024-01-10 08:00:00", ""},
		{"2024-01-10 08:00:00 +0800", ""},
		{"2001-12-14 21:59:43.10 -5", ""},
		{"2024-01-10 08:00 Z", ""},
		{"2024-13-45", "month out of range"},
		{"2024-00-10", "month out of range"},
		{"2024-02-30", "day out of range"},
		{"2023-02-29", "day out of range"},
		{"1900-02-29", "day out of range"},
		{"2024-04-31", "day out of range"},
		{"2024-01-00", "day out of range"},
		{"2024-1-5", "not in YYYY-MM-DD form"},
		{"24-01-10", "not in YYYY-MM-DD form"},
		{"2024/01/10", "not in YYYY-MM-DD form"},
		{"2024-01-10T25:00", "hour out of range"},
		{"2024-01-10T08:60", "minute out of range"},
		{"2024-01-10T08:00:61", "second out of range"},
		{"2024-01-10T8:00", ""},
		{"2024-01-10T123:00", "time not in HH:MM or HH:MM:SS form"},
		{"2024-01-10T08:0", "time not in HH:MM or HH:MM:SS form"},
		{"2024-01-10T08", "time not in HH:MM or HH:MM:SS form"},
		{"2024-01-10T08:00:00.", "time not in HH:MM or HH:MM:SS form"},
		{"2024-01-10x", "time not in HH:MM or HH:MM:SS form"},
		{"2024-01-10T08:00:00+24:00", "bad time zone"},
		{"2024-01-10T08:00:00+08:60", "bad time zone"},
		{"2024-01-10T08:00:00 CST", "bad time zone"},
		{"2024-01-10T08:00:00+", "bad time zone"},
		{"2024-01-10T08:00:00+08:0", "bad time zone"},
		{"2024-01-10T08:00:00+2400", "bad time zone"},
		{"2024-01-10T08:00:00+080", "bad time zone"},
	}
	for _, tt := range tests {
		if got := checkDate(tt.in); got != tt.reason {
			t.Errorf("checkDate(%q) = %q, want %q", tt.in, got, tt.reason)
		}
	}
}

func TestDateShapedAndNamed(t *testing.T) {
	for s, want := range map[string]bool{
		"2024-01-10": true, "2024-13-45": true, "2024-1-5": true, "2024-01-10T08:00": true, "2024-01-10 08:00": true,
		"2024-01-10 回顾": false, "2024年1月": false, "20240110": false, "12分钟": false, "": false, "2024-01-": false,
	} {
		if got := dateShaped(s); got != want {
			t.Errorf("dateShaped(%q) = %v, want %v", s, got, want)
		}
	}
	for k, want := range map[string]bool{
		"date": true, "publishDate": true, "pub_date": true, "expiryDate": true, "lastmod": true,
		"updated": true, "created_at": true, "Published": true,
		"pubdate": true, "Update-Date": true,
		"title": false, "readTime": false, "update": false, "candidate": false, "tags": false,
	} {
		if got := dateName(k); got != want {
			t.Errorf("dateName(%q) = %v, want %v", k, got, want)
		}
	}
}

// folder is a seed-shaped folder of 4 articles.
func folder() *Schema {
	return InferSchema([][]Field{
		seedDoc("一", "行业洞察", true, "AI"),
		seedDoc("二", "技术教程", false, "Go"),
		seedDoc("三", "行业洞察", false, "AI", "Go"),
		append(seedDoc("四", "行业洞察", false), fld("count", intv("3")), fld("meta", mapv())),
	})
}

func TestValidate(t *testing.T) {
	s := folder()
	type want struct {
		line int
		sev  Severity
		code string
		key  string
		msg  string // substring
	}
	tests := []struct {
		name   string
		fields []Field
		schema *Schema
		want   []want
	}{
		{
			name:   "clean article",
			fields: seedDoc("标题", "行业洞察", true, "AI"),
			schema: s,
		},
		{
			name: "invalid YAML date",
			fields: []Field{
				fld("title", at(str("t"), 2)),
				fld("date", at(date("2024-13-45"), 3)),
			},
			want: []want{{3, Error, CodeDateInvalid, "date", "month out of range"}},
		},
		{
			name:   "impossible day in a quoted string of a date key",
			fields: []Field{fld("publishDate", at(str("2024-02-30"), 6))},
			want:   []want{{6, Error, CodeDateInvalid, "publishDate", `invalid date "2024-02-30": day out of range`}},
		},
		{
			name:   "date-shaped string in any key",
			fields: []Field{fld("note", at(str("2024-13-01"), 4))},
			want:   []want{{4, Error, CodeDateInvalid, "note", "month out of range"}},
		},
		{
			name:   "words in a date-named key",
			fields: []Field{fld("updated", at(str("yesterday"), 5))},
			want:   []want{{5, Error, CodeDateInvalid, "updated", `"yesterday" is not a date`}},
		},
		{
			name:   "empty string in a date key is left alone",
			fields: []Field{fld("date", at(str(""), 5))},
		},
		{
			name: "accepted forms",
			fields: []Field{
				fld("date", at(date("2024-01-10T08:00:00+08:00"), 2)),
				fld("lastmod", at(str("2024-01-10 08:00"), 3)),
				fld("expiryDate", at(date("2024-01-10T08:00:00"), 4)),
			},
		},
		{
			name: "nested dates",
			fields: []Field{
				fld("history", at(Value{Kind: List, Items: []Value{at(date("2024-01-10"), 3), at(date("2024-02-30"), 4)}}, 2)),
				fld("meta", at(mapv(fld("reviewed", at(date("2023-02-29"), 6))), 5)),
			},
			want: []want{
				{4, Error, CodeDateInvalid, "history", "day out of range"},
				{6, Error, CodeDateInvalid, "meta", "day out of range"},
			},
		},
		{
			name: "type mismatches against the schema",
			fields: append(seedDoc("标题", "行业洞察", false, "AI")[:6],
				fld("tags", at(str("AI"), 8)),
				fld("featured", at(str("true"), 9)),
				fld("count", at(str("three"), 10)),
				fld("meta", at(str("x"), 11)),
			),
			schema: s,
			want: []want{
				{8, Warning, CodeTypeMismatch, "tags", "expected list (as in 4 of 4 articles), found text"},
				{9, Warning, CodeTypeMismatch, "featured", "expected bool"},
				{10, Warning, CodeTypeMismatch, "count", "expected number (as in 1 of 1 articles), found text"},
				{11, Warning, CodeTypeMismatch, "meta", "expected map"},
			},
		},
		{
			name: "a list where the schema has text",
			fields: append(seedDoc("标题", "行业洞察", false, "AI")[1:],
				fld("title", at(list("a", "b"), 12))),
			schema: s,
			want:   []want{{12, Warning, CodeTypeMismatch, "title", "expected text (as in 4 of 4 articles), found list"}},
		},
		{
			name: "text keys accept scalars, null is not a mismatch",
			fields: append(seedDoc("标题", "行业洞察", false, "AI")[1:],
				fld("title", at(intv("2024"), 2)),
				fld("featured", at(null(), 3))),
			schema: s,
		},
		{
			name: "date key of the schema",
			fields: append(seedDoc("标题", "行业洞察", false, "AI")[:4],
				fld("publishDate", at(str("soon"), 7)),
				fld("readTime", at(str("1分钟"), 8)),
				fld("tags", at(list(), 9)),
				fld("featured", at(boolv(true), 10))),
			schema: s,
			want:   []want{{7, Error, CodeDateInvalid, "publishDate", `"soon" is not a date`}},
		},
		{
			name:   "number in a date key",
			fields: append(seedDoc("标题", "行业洞察", false, "AI")[:4], fld("publishDate", at(intv("2024"), 7))),
			schema: s,
			want: []want{
				{1, Warning, CodeKeyMissing, "readTime", `missing key "readTime" (present in 4 of 4 articles)`},
				{1, Warning, CodeKeyMissing, "tags", ""},
				{1, Warning, CodeKeyMissing, "featured", ""},
				{7, Warning, CodeTypeMismatch, "publishDate", "expected date"},
			},
		},
		{
			name:   "missing common keys, rare keys not required",
			fields: []Field{fld("title", at(str("标题"), 2)), fld("tags", at(list("x"), 3))},
			schema: s,
			want: []want{
				{1, Warning, CodeKeyMissing, "summary", ""},
				{1, Warning, CodeKeyMissing, "category", ""},
				{1, Warning, CodeKeyMissing, "author", ""},
				{1, Warning, CodeKeyMissing, "publishDate", ""},
				{1, Warning, CodeKeyMissing, "readTime", ""},
				{1, Warning, CodeKeyMissing, "featured", ""},
			},
		},
		{
			name:   "a schema-named date key typed as text is not checked by name",
			fields: []Field{fld("date", at(str("2024年1月"), 2))},
			schema: InferSchema([][]Field{{fld("date", str("2024年1月"))}, {fld("date", str("春天"))}}),
		},
		{
			name:   "no front matter: one problem, not one per key",
			fields: nil,
			schema: s,
			want:   []want{{1, Warning, CodeNoFields, "", "no front matter fields; most articles have title, summary, category, author, …"}},
		},
		{
			name:   "no front matter in a folder without common keys",
			fields: []Field{},
			schema: InferSchema([][]Field{{fld("a", str("x"))}, {}, {}}),
		},
		{
			name:   "empty title",
			fields: []Field{fld("title", at(str("  "), 2))},
			want:   []want{{2, Warning, CodeTitleEmpty, "title", "title is empty"}},
		},
		{
			name:   "null title",
			fields: []Field{fld("Title", at(null(), 3))},
			want:   []want{{3, Warning, CodeTitleEmpty, "Title", "title is empty"}},
		},
		{
			name:   "repeated key checked once",
			fields: []Field{fld("date", at(date("2024-13-01"), 2)), fld("date", at(date("2024-14-01"), 3))},
			want:   []want{{2, Error, CodeDateInvalid, "date", "month"}},
		},
		{
			name:   "missing line defaults to 1",
			fields: []Field{fld("date", date("2024-13-01"))},
			want:   []want{{1, Error, CodeDateInvalid, "date", "month"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Validate(tt.fields, tt.schema)
			if len(got) != len(tt.want) {
				t.Fatalf("Validate = %+v, want %d problems %+v", got, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Line != w.line || g.Severity != w.sev || g.Code != w.code || g.Key != w.key || !strings.Contains(g.Msg, w.msg) {
					t.Errorf("problem %d = %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

func TestSeverityString(t *testing.T) {
	if Warning.String() != "warning" || Error.String() != "error" {
		t.Errorf("Severity strings: %q %q", Warning, Error)
	}
}

// FuzzCheckDate compares checkDate with the time package: a plain date is
// valid exactly when time.Parse reads it, and every RFC 3339 timestamp
// time.Parse reads is valid.
func FuzzCheckDate(f *testing.F) {
	for _, s := range []string{"2024-01-10", "2024-02-30", "2024-13-45", "2024-01-10T08:00:00+08:00", "2024-01-10 08:00", "0000-00-00", "0000-01-10T0:00:00+00:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		reason := checkDate(s)
		if len(s) == 10 {
			_, err := time.Parse(time.DateOnly, s)
			if (err == nil) != (reason == "") {
				t.Fatalf("checkDate(%q) = %q, time.Parse error %v", s, reason, err)
			}
		}
		if _, err := time.Parse(time.RFC3339Nano, s); err == nil && reason != "" && !strings.Contains(s, "60") {
			t.Fatalf("checkDate(%q) = %q, but it is RFC 3339", s, reason)
		}
		if reason == "" && !dateShaped(s) {
			t.Fatalf("checkDate accepts %q, which is not date-shaped", s)
		}
	})
}
