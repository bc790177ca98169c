package form

import (
	"reflect"
	"testing"
	"time"

	"folio/editor/document"
)

func TestDates(t *testing.T) {
	sh, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Skip("no time zone data")
	}
	now := time.Date(2025, 6, 2, 1, 30, 0, 0, time.UTC) // 09:30 in Shanghai
	tests := []struct {
		old, now, picked string
		bad              bool
	}{
		{"2024-01-10", "2025-06-02", "2024-02-29", false},
		{"2024-01-10T08:00:00+08:00", "2025-06-02T09:30:00+08:00", "2024-02-29T08:00:00+08:00", false},
		{"2024-01-10T08:00:00Z", "2025-06-02T09:30:00+08:00", "2024-02-29T08:00:00Z", false},
		{"2024-01-10 08:00", "2025-06-02 09:30", "2024-02-29 08:00", false},
		{"2024-01-10T08:00:00", "2025-06-02T09:30:00", "2024-02-29T08:00:00", false},
		{"2024-13-45", "2025-06-02", "2024-02-29", true},
		{"", "2025-06-02", "2024-02-29", false},
		{"soon", "2025-06-02", "2024-02-29", true},
	}
	day := time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		if got := nowLike(tt.old, now, sh); got != tt.now {
			t.Errorf("nowLike(%q) = %q, want %q", tt.old, got, tt.now)
		}
		if got := withDay(tt.old, day, sh); got != tt.picked {
			t.Errorf("withDay(%q) = %q, want %q", tt.old, got, tt.picked)
		}
		if got := dateProblem(tt.old); got != tt.bad {
			t.Errorf("dateProblem(%q) = %v", tt.old, got)
		}
	}
}

func TestReadTime(t *testing.T) {
	for _, tt := range []struct {
		key, text string
		like      bool
		with13    string
	}{
		{"readTime", "12分钟", true, "13分钟"},
		{"reading_time", "5 min read", true, "13 min read"},
		{"duration", "约 3 分钟", true, "约 13 分钟"},
		{"eta", "8 minutes", true, "13 minutes"},
		{"title", "第12章", false, "13"},
		{"readTime", "", true, "13"},
	} {
		if got := readTimeLike(tt.key, document.S(tt.text)); got != tt.like {
			t.Errorf("readTimeLike(%q, %q) = %v", tt.key, tt.text, got)
		}
		if got := withMinutes(tt.text, 13); got != tt.with13 {
			t.Errorf("withMinutes(%q) = %q, want %q", tt.text, got, tt.with13)
		}
	}
}

func TestSuggest(t *testing.T) {
	values := []document.ValueCount{{Value: "AI趋势", Count: 9}, {Value: "技术", Count: 7}, {Value: "AI安全", Count: 5}, {Value: "Go", Count: 3}, {Value: "人工智能AI", Count: 2}, {Value: "go-fyne", Count: 1}}
	for _, tt := range []struct {
		typed string
		skip  map[string]bool
		want  []string
	}{
		{"", nil, []string{"AI趋势", "技术", "AI安全", "Go"}},
		{"ai", map[string]bool{"AI趋势": true}, []string{"AI安全", "人工智能AI"}},
		{"go", nil, []string{"Go", "go-fyne"}},
		{"技", nil, []string{"技术"}},
		{"zz", nil, nil},
	} {
		if got := suggest(values, tt.typed, tt.skip, 4); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("suggest(%q) = %q, want %q", tt.typed, got, tt.want)
		}
	}
}
