package app

import (
	"testing"
	"time"
)

// TestTypingPace: the pause before a parse after each key of a sequence
// (the times of the keys, in ms from the start; parse marks keys after
// which the parse ran before the next key).
func TestTypingPace(t *testing.T) {
	const short = 100 * time.Millisecond
	ms := func(n int) time.Duration { return time.Duration(n) * time.Millisecond }
	tests := []struct {
		name  string
		keys  []int
		parse map[int]bool // the parse ran after key i (before key i+1)
		want  []time.Duration
	}{
		{"first key: the shortest pause", []int{0}, nil, []time.Duration{short}},
		{"fast keys: the shortest pause", []int{0, 40, 80, 120}, nil, []time.Duration{short, short, short, short}},
		{"a steady typist: half as long again as the gap", []int{0, 150, 300, 450}, nil,
			[]time.Duration{short, ms(225), ms(225), ms(225)}},
		{"slow keys in a burst: at most pauseMax", []int{0, 400, 800}, nil,
			[]time.Duration{short, pauseMax, ms(200)}}, // the third key is 200 ms before the burst's second is up
		{"after a rest: the shortest pause again", []int{0, 150, 1000}, map[int]bool{1: true},
			[]time.Duration{short, ms(225), short}},
		{"a long burst is parsed at least once a second", []int{0, 300, 600, 900, 1200, 1500}, map[int]bool{3: true},
			// 900: only 100 ms of the second left; after the parse at ~1000 the wait starts again at 1200
			[]time.Duration{short, pauseMax, pauseMax, ms(100), pauseMax, pauseMax}},
		{"past the deadline: parse now", []int{0, 450, 900, 1350}, nil,
			[]time.Duration{short, pauseMax, ms(100), 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p typingPace
			start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			for i, k := range tt.keys {
				got := p.pause(start.Add(ms(k)), short)
				if got != tt.want[i] {
					t.Errorf("key %d at %d ms: pause %v, want %v", i, k, got, tt.want[i])
				}
				if tt.parse[i] {
					p.parsed()
				}
			}
		})
	}
}
