package app

import (
	"testing"
	"time"
)

// TestTypingPace: the pause before a parse after each key of a sequence
// (the times of the keys, in ms from the start). A fixed pause (before:
// typingPause after every key) fails the steady and slow typists' rows.
func TestTypingPace(t *testing.T) {
	const short = 100 * time.Millisecond
	ms := func(n int) time.Duration { return time.Duration(n) * time.Millisecond }
	tests := []struct {
		name string
		keys []int
		want []time.Duration
	}{
		{"first key: the shortest pause", []int{0}, []time.Duration{short}},
		{"fast keys: the shortest pause", []int{0, 40, 80, 120}, []time.Duration{short, short, short, short}},
		{"a steady typist: half as long again as the gap", []int{0, 150, 300, 450},
			[]time.Duration{short, ms(225), ms(225), ms(225)}},
		{"slow keys in a burst: at most pauseMax", []int{0, 400, 800, 1200},
			[]time.Duration{short, pauseMax, pauseMax, pauseMax}},
		{"after a rest: the shortest pause again", []int{0, 150, 1000, 1200},
			[]time.Duration{short, ms(225), short, ms(300)}},
		{"a rest is burstGap or more", []int{0, 499, 999},
			[]time.Duration{short, pauseMax, short}},
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
			}
		})
	}
}
