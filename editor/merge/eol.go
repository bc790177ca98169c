package merge

import "strings"

// Line-ending styles of a text.
const (
	eolNone  = ""      // no line break at all: fits any style
	eolLF    = "\n"    // every line ends with LF alone
	eolCRLF  = "\r\n"  // every line ends with CRLF
	eolMixed = "mixed" // both: kept as written, never normalised
)

// eolStyle is the line-ending style of s.
func eolStyle(s string) string {
	lf := strings.Count(s, "\n")
	if lf == 0 {
		return eolNone
	}
	switch crlf := strings.Count(s, "\r\n"); crlf {
	case 0:
		return eolLF
	case lf:
		return eolCRLF
	}
	return eolMixed
}

// mergeNormalised merges base, mine and theirs with LF line endings when
// they use different styles (none mixed) and neither side is unchanged:
// as git merge-file after normalising, a side that only changed the line
// endings then conflicts with nothing (F22: it made the whole file one
// conflict). The result is written with theirs' style when theirs changed
// it, else with mine's. ok is false when there is nothing to normalise.
func mergeNormalised(base, mine, theirs string) (Result, bool) {
	if mine == base || theirs == base || mine == theirs {
		return Result{}, false // exact: the unchanged side's style is no change
	}
	sb, sm, st := eolStyle(base), eolStyle(mine), eolStyle(theirs)
	if sb == eolMixed || sm == eolMixed || st == eolMixed {
		return Result{}, false
	}
	styles := map[string]bool{}
	for _, s := range []string{sb, sm, st} {
		if s != eolNone {
			styles[s] = true
		}
	}
	if len(styles) < 2 {
		return Result{}, false
	}
	lf := func(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }
	r := mergeLines(lf(base), lf(mine), lf(theirs))
	out := sm
	if st != sb && st != eolNone {
		out = st
	}
	if out != eolCRLF {
		return r, true
	}
	return toCRLF(r), true
}

// toCRLF writes a merge of LF texts with CRLF line endings, its regions
// and conflicts moved along.
func toCRLF(r Result) Result {
	crlf := func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }
	at := func(off int) int { return off + strings.Count(r.Text[:off], "\n") }
	out := Result{Text: crlf(r.Text)}
	for _, rg := range r.Regions {
		out.Regions = append(out.Regions, Region{Origin: rg.Origin, Text: crlf(rg.Text), Start: at(rg.Start), End: at(rg.End)})
	}
	for _, c := range r.Conflicts {
		out.Conflicts = append(out.Conflicts, Conflict{Base: crlf(c.Base), Mine: crlf(c.Mine), Theirs: crlf(c.Theirs), Start: at(c.Start), End: at(c.End), Line: c.Line})
	}
	return out
}
