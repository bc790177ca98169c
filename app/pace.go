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
// still waits only the shortest pause. There is no deadline inside a
// burst: fast typing was never parsed before its pause either, and a
// forced parse mid-burst only adds work (a 1 MB article's parse, counts,
// outline and preview update cost ~25 ms of CPU and a frame).
type typingPace struct {
	last time.Time // the previous edit
}

const (
	burstGap = 500 * time.Millisecond
	pauseMax = 350 * time.Millisecond
)

// pause returns how long to wait after an edit at now before parsing;
// shortest is the pause after a rest (ws.delay).
func (p *typingPace) pause(now time.Time, shortest time.Duration) time.Duration {
	gap := now.Sub(p.last)
	first := p.last.IsZero() || gap >= burstGap
	p.last = now
	if first {
		return shortest
	}
	return min(max(gap*3/2, shortest), max(pauseMax, shortest))
}
