package app

import "time"

// typingPace decides how long typing must pause before the article is
// parsed (and the preview, counts, outline and form follow it).
//
// A fixed pause of typingPause parses after every key of a typist slower
// than it: at 150 ms a key (a steady typist, or keys that reach Folio one
// by one through an input method, QA F39/F2), each key paid a parse, a
// preview update and a second frame. In a 1 MB article that parse cycle
// cost as much as the key itself, so the app fell further behind and every
// late key paid again. So inside a burst of typing (keys less than
// burstGap apart) the pause grows with the pace: half as long again as the
// last gap between keys, at most pauseMax; the first key after a rest
// still waits only the shortest pause. While a burst goes on, the text is
// parsed at least every burstMaxWait, so the preview never falls far
// behind a long run of typing.
type typingPace struct {
	last  time.Time // the previous edit
	since time.Time // the first edit not yet parsed (zero: none)
}

const (
	burstGap     = 500 * time.Millisecond
	pauseMax     = 350 * time.Millisecond
	burstMaxWait = time.Second
)

// pause returns how long to wait after an edit at now before parsing;
// shortest is the pause after a rest (ws.delay).
func (p *typingPace) pause(now time.Time, shortest time.Duration) time.Duration {
	gap := now.Sub(p.last)
	first := p.last.IsZero() || gap >= burstGap
	p.last = now
	if p.since.IsZero() {
		p.since = now
	}
	if first {
		return shortest
	}
	d := min(max(gap*3/2, shortest), max(pauseMax, shortest))
	if left := p.since.Add(burstMaxWait).Sub(now); d > left {
		d = max(left, 0)
	}
	return d
}

// parsed notes that the text was parsed: the next edit starts a new wait.
func (p *typingPace) parsed() { p.since = time.Time{} }
