package merge

import "strings"

// Origin says where a region of a merged text came from.
type Origin int

// The origins of a merged region.
const (
	// Base text is unchanged on both sides.
	Base Origin = iota
	// Mine is a change made only on my side.
	Mine
	// Theirs is a change made only on their side.
	Theirs
	// Both is the same change made on both sides.
	Both
	// Conflicted is an overlap of different changes: the region holds both
	// versions between conflict markers.
	Conflicted
)

// String names the origin.
func (o Origin) String() string {
	return [...]string{"base", "mine", "theirs", "both", "conflict"}[o]
}

// The conflict markers, as `git merge-file` writes them.
const (
	MarkerMine   = "<<<<<<< mine"
	MarkerSep    = "======="
	MarkerTheirs = ">>>>>>> theirs"
)

// Region is a piece of a merged text and where it came from.
type Region struct {
	Origin Origin
	// Text is the region's text; for a conflict, both versions with markers.
	Text string
	// Start and End are the region's byte offsets in the merged text.
	Start, End int
}

// Conflict is a place where both sides changed the same lines differently.
// The merged text holds both versions between markers:
//
//	<<<<<<< mine
//	(Mine)
//	=======
//	(Theirs)
//	>>>>>>> theirs
type Conflict struct {
	// Base, Mine and Theirs are the lines of the overlap in each version.
	Base, Mine, Theirs string
	// Start and End are the byte offsets of the marked region (markers
	// included) in the merged text.
	Start, End int
	// Line is the 0-based line of the opening marker in the merged text.
	Line int
}

// Result is the outcome of a three-way merge.
type Result struct {
	// Text is the merged text.
	Text string
	// Regions cover Text from start to end, in order.
	Regions []Region
	// Conflicts are the marked overlaps, in order; none means a clean merge.
	Conflicts []Conflict
}

// Merge3 merges the changes from base to mine and from base to theirs, as
// Merge does, and returns the merged text and its conflicts.
func Merge3(base, mine, theirs string) (merged string, conflicts []Conflict) {
	r := Merge(base, mine, theirs)
	return r.Text, r.Conflicts
}

// change replaces base lines [lo, hi) with lines.
type change struct {
	lo, hi int
	lines  []string
}

// changes lists the changes of a line diff from base to side.
func changes(base, side []string) []change {
	hunks := diffTokens(base, side)
	var out []change
	for i := 0; i < len(hunks); i++ {
		h := hunks[i]
		switch h.Op {
		case Delete:
			c := change{lo: h.A, hi: h.A + h.N}
			if i+1 < len(hunks) && hunks[i+1].Op == Insert {
				i++
				c.lines = side[hunks[i].B : hunks[i].B+hunks[i].N]
			}
			out = append(out, c)
		case Insert:
			out = append(out, change{lo: h.A, hi: h.A, lines: side[h.B : h.B+h.N]})
		}
	}
	return out
}

// Merge merges, line by line, the changes from base to mine and from base
// to theirs (base is the text both started from: for an editor, the file as
// last loaded). Changes to different lines are all applied; where the two
// sides changed the same or adjacent lines differently, both versions are
// kept between conflict markers and reported. Identical changes on both
// sides are applied once. Nothing is resolved silently.
//
// Line endings are not content: when the sides use different styles
// (one side turned CRLF into LF, say) the texts are merged with LF and the
// result written in one style, theirs' when theirs changed it, else
// mine's (see eol.go). Otherwise line terminators are kept as each side
// wrote them; the markers end with the text's own line ending ("\r\n"
// when base, mine or theirs uses it).
func Merge(base, mine, theirs string) Result {
	if r, ok := mergeNormalised(base, mine, theirs); ok {
		return r
	}
	return mergeLines(base, mine, theirs)
}

// mergeLines is Merge line by line, each line with its own terminator.
func mergeLines(base, mine, theirs string) Result {
	bl, ml, tl := SplitLines(base), SplitLines(mine), SplitLines(theirs)
	ca, cb := changes(bl, ml), changes(bl, tl)
	eol := lineEnding(base, mine, theirs)

	var res Result
	var sb strings.Builder
	line := 0 // lines written so far
	emit := func(o Origin, text string) {
		if text == "" {
			return
		}
		start := sb.Len()
		sb.WriteString(text)
		line += strings.Count(text, "\n")
		if n := len(res.Regions); n > 0 && res.Regions[n-1].Origin == o && o != Conflicted {
			res.Regions[n-1].Text += text
			res.Regions[n-1].End = sb.Len()
			return
		}
		res.Regions = append(res.Regions, Region{Origin: o, Text: text, Start: start, End: sb.Len()})
	}

	pos, i, j := 0, 0, 0
	for i < len(ca) || j < len(cb) {
		lo := len(bl) + 1
		if i < len(ca) {
			lo = ca[i].lo
		}
		if j < len(cb) && cb[j].lo < lo {
			lo = cb[j].lo
		}
		emit(Base, strings.Join(bl[pos:lo], ""))
		// Gather every change of either side that overlaps or touches the
		// cluster, until it stops growing.
		hi := lo
		i0, j0 := i, j
		for grew := true; grew; {
			grew = false
			for i < len(ca) && ca[i].lo <= hi {
				hi = max(hi, ca[i].hi)
				i++
				grew = true
			}
			for j < len(cb) && cb[j].lo <= hi {
				hi = max(hi, cb[j].hi)
				j++
				grew = true
			}
		}
		mineText := apply(bl, ca[i0:i], lo, hi)
		theirText := apply(bl, cb[j0:j], lo, hi)
		switch {
		case j == j0:
			emit(Mine, mineText)
		case i == i0:
			emit(Theirs, theirText)
		case mineText == theirText:
			emit(Both, mineText)
		default:
			// Lines both sides agree on at the edges are not part of the
			// conflict.
			mls, tls := SplitLines(mineText), SplitLines(theirText)
			p := 0
			for p < len(mls) && p < len(tls) && mls[p] == tls[p] && strings.HasSuffix(mls[p], "\n") {
				p++
			}
			s := 0
			for s < len(mls)-p && s < len(tls)-p && mls[len(mls)-1-s] == tls[len(tls)-1-s] {
				s++
			}
			emit(Both, strings.Join(mls[:p], ""))
			m := strings.Join(mls[p:len(mls)-s], "")
			t := strings.Join(tls[p:len(tls)-s], "")
			c := Conflict{Base: strings.Join(bl[lo:hi], ""), Mine: m, Theirs: t, Start: sb.Len(), Line: line}
			emit(Conflicted, MarkerMine+eol+withEOL(m, eol)+MarkerSep+eol+withEOL(t, eol)+MarkerTheirs+eol)
			c.End = sb.Len()
			res.Conflicts = append(res.Conflicts, c)
			emit(Both, strings.Join(mls[len(mls)-s:], ""))
		}
		pos = hi
	}
	emit(Base, strings.Join(bl[pos:], ""))
	res.Text = sb.String()
	return res
}

// apply returns base lines [lo, hi) with the given changes (all inside that
// range, in order) applied.
func apply(base []string, cs []change, lo, hi int) string {
	var sb strings.Builder
	p := lo
	for _, c := range cs {
		for _, l := range base[p:c.lo] {
			sb.WriteString(l)
		}
		for _, l := range c.lines {
			sb.WriteString(l)
		}
		p = c.hi
	}
	for _, l := range base[p:hi] {
		sb.WriteString(l)
	}
	return sb.String()
}

// withEOL returns s ending with a line ending (unless it is empty), so that
// a conflict marker after it starts a line.
func withEOL(s, eol string) string {
	if s == "" || strings.HasSuffix(s, "\n") {
		return s
	}
	return s + eol
}

// lineEnding returns "\r\n" when the first line ending found in the texts
// is CRLF, else "\n".
func lineEnding(texts ...string) string {
	for _, t := range texts {
		if i := strings.IndexByte(t, '\n'); i >= 0 {
			if i > 0 && t[i-1] == '\r' {
				return "\r\n"
			}
			return "\n"
		}
	}
	return "\n"
}
