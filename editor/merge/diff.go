// Package merge compares texts and merges them: a Myers diff on lines with
// a word and character refinement for the inside of changed lines (every
// Chinese character is a token of its own), and a three-way merge in the
// manner of `git merge-file` that never resolves an overlap silently.
//
// Lines keep their terminators ("\n", "\r\n" or none for the last line), so
// joining the pieces of a diff gives back the texts byte for byte, CRLF
// included. The package has no Fyne dependency.
package merge

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"folio/editor/textwidth"
)

// Op says what a hunk does.
type Op int

// The kinds of hunk.
const (
	// Equal text is in both texts.
	Equal Op = iota
	// Delete text is only in the first text.
	Delete
	// Insert text is only in the second text.
	Insert
)

// String names the operation.
func (o Op) String() string {
	switch o {
	case Equal:
		return "="
	case Delete:
		return "-"
	case Insert:
		return "+"
	}
	return "?"
}

// Hunk is a run of consecutive tokens (lines for Diff, words and characters
// for DiffInline) with one operation. A change is a Delete hunk followed by
// an Insert hunk.
type Hunk struct {
	Op Op
	// Text is the hunk's text: whole lines with their terminators for Diff.
	Text string
	// A and B are the index of the hunk's first token in the first and the
	// second text (lines for Diff, tokens for DiffInline). For an Insert, A
	// is where the text goes in the first text; for a Delete, B likewise.
	A, B int
	// N is the number of tokens in the hunk.
	N int
}

// Diff compares a and b line by line and returns the hunks that turn a into
// b: joining the Equal and Delete texts gives a, the Equal and Insert texts
// gives b. Within a change the Delete comes before the Insert.
func Diff(a, b string) []Hunk {
	return diffTokens(SplitLines(a), SplitLines(b))
}

// DiffInline compares a and b word by word (a run of letters or digits
// outside Chinese, Japanese and Korean scripts is one token; every other
// character, each Han character included, is one token). It is meant for
// showing what changed inside a changed line.
func DiffInline(a, b string) []Hunk {
	return diffTokens(splitWords(a), splitWords(b))
}

// SplitLines splits s after every "\n", keeping the terminators; the last
// line has none when s does not end with a newline. "" has no lines.
func SplitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := make([]string, 0, strings.Count(s, "\n")+1)
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			lines = append(lines, s)
			break
		}
		lines = append(lines, s[:i+1])
		s = s[i+1:]
	}
	return lines
}

// splitWords cuts s into the tokens DiffInline compares.
func splitWords(s string) []string {
	var out []string
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		if isWordRune(r) {
			for n < len(s) {
				r2, m := utf8.DecodeRuneInString(s[n:])
				if !isWordRune(r2) {
					break
				}
				n += m
			}
		}
		out = append(out, s[:n])
		s = s[n:]
	}
	return out
}

// isWordRune reports whether r joins its neighbours into one word token:
// letters and digits, except the ideographic scripts, where each character
// stands alone.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	if textwidth.IsHan(r) { // Han, kana, Hangul: Folio's one rule
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// diffTokens diffs two token lists and groups the result into hunks.
func diffTokens(a, b []string) []Hunk {
	ids := make(map[string]int, len(a)+len(b))
	intern := func(toks []string) []int {
		out := make([]int, len(toks))
		for i, t := range toks {
			id, ok := ids[t]
			if !ok {
				id = len(ids)
				ids[t] = id
			}
			out[i] = id
		}
		return out
	}
	d := differ{a: intern(a), b: intern(b)}
	d.delA = make([]bool, len(a))
	d.addB = make([]bool, len(b))
	d.compare(0, len(a), 0, len(b))

	var hunks []Hunk
	var sb strings.Builder
	push := func(op Op, toks []string, ai, bi int) {
		sb.Reset()
		for _, t := range toks {
			sb.WriteString(t)
		}
		hunks = append(hunks, Hunk{Op: op, Text: sb.String(), A: ai, B: bi, N: len(toks)})
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && d.delA[i]:
			s := i
			for i < len(a) && d.delA[i] {
				i++
			}
			push(Delete, a[s:i], s, j)
		case j < len(b) && d.addB[j]:
			s := j
			for j < len(b) && d.addB[j] {
				j++
			}
			push(Insert, b[s:j], i, s)
		default:
			si, sj := i, j
			for i < len(a) && j < len(b) && !d.delA[i] && !d.addB[j] {
				i++
				j++
			}
			push(Equal, a[si:i], si, sj)
		}
	}
	return hunks
}

// differ runs Myers' O(ND) difference algorithm in linear space, marking
// the tokens of a that are deleted and those of b that are inserted.
type differ struct {
	a, b       []int
	delA, addB []bool
}

// compare marks the differences between a[aLo:aHi] and b[bLo:bHi].
func (d *differ) compare(aLo, aHi, bLo, bHi int) {
	for aLo < aHi && bLo < bHi && d.a[aLo] == d.b[bLo] {
		aLo++
		bLo++
	}
	for aLo < aHi && bLo < bHi && d.a[aHi-1] == d.b[bHi-1] {
		aHi--
		bHi--
	}
	if aLo == aHi || bLo == bHi {
		d.replace(aLo, aHi, bLo, bHi)
		return
	}
	x, y, ok := d.bisect(aLo, aHi, bLo, bHi)
	if !ok || (x == aLo && y == bLo) || (x == aHi && y == bHi) {
		d.replace(aLo, aHi, bLo, bHi)
		return
	}
	d.compare(aLo, x, bLo, y)
	d.compare(x, aHi, y, bHi)
}

// replace marks all of a[aLo:aHi] deleted and all of b[bLo:bHi] inserted.
func (d *differ) replace(aLo, aHi, bLo, bHi int) {
	for i := aLo; i < aHi; i++ {
		d.delA[i] = true
	}
	for j := bLo; j < bHi; j++ {
		d.addB[j] = true
	}
}

// bisect finds the middle snake of an optimal edit path between a[aLo:aHi]
// and b[bLo:bHi] and returns the point (in whole-slice indices) where the
// path is split in two.
func (d *differ) bisect(aLo, aHi, bLo, bHi int) (int, int, bool) {
	a, b := d.a[aLo:aHi], d.b[bLo:bHi]
	n, m := len(a), len(b)
	maxD := (n + m + 1) / 2
	off := maxD
	size := 2*maxD + 2
	v1 := make([]int, size)
	v2 := make([]int, size)
	for i := range v1 {
		v1[i], v2[i] = -1, -1
	}
	v1[off+1], v2[off+1] = 0, 0
	delta := n - m
	front := delta%2 != 0
	k1start, k1end, k2start, k2end := 0, 0, 0, 0
	for dd := 0; dd < maxD; dd++ {
		for k1 := -dd + k1start; k1 <= dd-k1end; k1 += 2 {
			k1o := off + k1
			var x1 int
			if k1 == -dd || (k1 != dd && v1[k1o-1] < v1[k1o+1]) {
				x1 = v1[k1o+1]
			} else {
				x1 = v1[k1o-1] + 1
			}
			y1 := x1 - k1
			for x1 < n && y1 < m && a[x1] == b[y1] {
				x1++
				y1++
			}
			v1[k1o] = x1
			switch {
			case x1 > n:
				k1end += 2
			case y1 > m:
				k1start += 2
			case front:
				k2o := off + delta - k1
				if k2o >= 0 && k2o < size && v2[k2o] != -1 {
					if x1 >= n-v2[k2o] {
						return aLo + x1, bLo + y1, true
					}
				}
			}
		}
		for k2 := -dd + k2start; k2 <= dd-k2end; k2 += 2 {
			k2o := off + k2
			var x2 int
			if k2 == -dd || (k2 != dd && v2[k2o-1] < v2[k2o+1]) {
				x2 = v2[k2o+1]
			} else {
				x2 = v2[k2o-1] + 1
			}
			y2 := x2 - k2
			for x2 < n && y2 < m && a[n-x2-1] == b[m-y2-1] {
				x2++
				y2++
			}
			v2[k2o] = x2
			switch {
			case x2 > n:
				k2end += 2
			case y2 > m:
				k2start += 2
			case !front:
				k1o := off + delta - k2
				if k1o >= 0 && k1o < size && v1[k1o] != -1 {
					x1 := v1[k1o]
					y1 := off + x1 - k1o
					if x1 >= n-x2 {
						return aLo + x1, bLo + y1, true
					}
				}
			}
		}
	}
	return 0, 0, false
}
