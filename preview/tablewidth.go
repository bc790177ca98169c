package preview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"folio/preview/markdown"
)

// A table's plan estimates its columns' widths from the text (about 0.55
// em a Latin letter), which is too little for wide letters and bold
// headers: a column fitted to the estimate broke "Implementation" between
// letters. When the columns must shrink, their longest words are measured
// in the cells' own faces: a table that can fit gets each column at least
// its longest word up to wordCapEm (a longer word, a URL say, is broken);
// a table that cannot fit scrolls anyway, and then each column gets its
// longest word whole. Chinese breaks between any two characters, so its
// "words" are one or two characters wide: a column is also never narrower
// than markdown.ReadableEm (eight Chinese characters) unless its text is,
// so a table with many columns scrolls rather than squeezing them.

// wordCapEm is the most a column asks for its longest word when the table
// can fit (the plan's cap on its estimate).
const wordCapEm = 8

// measuredMins raises the columns' minimums (and naturals with them) to
// their longest words as drawn, for the space avail, and returns the new
// sums of both.
func (l *tableLayout) measuredMins(objs []fyne.CanvasObject, nat, mins []float32, avail float32) (sumNat, sumMin float32) {
	words := l.columnWords(objs)
	sum := func() {
		sumNat, sumMin = 0, 0
		for c := range mins {
			nat[c] = max(nat[c], mins[c])
			sumNat += nat[c]
			sumMin += mins[c]
		}
	}
	for c := range mins {
		// readable: its longest word, and at least ReadableEm unless
		// its text is narrower (QA G16: Chinese columns squeezed to
		// one or two characters)
		readable := min(nat[c], markdown.ReadableEm*l.em+l.cellPad)
		mins[c] = max(mins[c], min(words[c], wordCapEm*l.em)+l.cellPad+1, readable)
	}
	sum()
	if sumMin > avail { // the table scrolls anyway: no word is broken
		for c := range mins {
			mins[c] = max(mins[c], words[c]+l.cellPad+1)
		}
		sum()
	}
	return sumNat, sumMin
}

// columnWords is each column's longest word as drawn (measured once for
// a set of cells).
func (l *tableLayout) columnWords(objs []fyne.CanvasObject) []float32 {
	cols := l.plan.Cols
	if len(l.words) == cols && l.wordsN == len(objs) && l.wordsEm == l.em {
		return l.words
	}
	words := make([]float32, cols)
	for i, o := range objs {
		if f := cellFlow(o); f != nil {
			words[i%cols] = max(words[i%cols], f.longestWord())
		}
	}
	l.words, l.wordsN, l.wordsEm = words, len(objs), l.em
	return words
}

// cellFlow is the text flow of a table cell (a panel holding it), or nil.
func cellFlow(o fyne.CanvasObject) *textFlow {
	c, ok := o.(*fyne.Container)
	if !ok || len(c.Objects) < 2 {
		return nil
	}
	f, _ := c.Objects[1].(*textFlow)
	return f
}

// longestWord is the width of the flow's widest piece with no break
// opportunity in it (as layout measures it, a code span's padding
// included): the narrowest the flow can be without breaking a word
// between characters.
func (t *textFlow) longestWord() float32 {
	atoms := t.atoms()
	sizes := t.runSizes()
	pad := theme.SizeForWidget(theme.SizeNameInnerPadding, t) / 2
	best := float32(0)
	for k := 0; k < len(atoms); {
		if t.runs[atoms[k].run].br {
			k++
			continue
		}
		end := k + 1
		for end < len(atoms) && !atoms[end].breakBefore && !t.runs[atoms[end].run].br {
			end++
		}
		if !atoms[k].space {
			total := float32(0)
			for m := k; m < end; m++ {
				if r := &t.runs[atoms[m].run]; (r.code || r.chip) && (m == k || atoms[m-1].run != atoms[m].run) {
					total += pad
				}
				total += t.measure(atoms[m].run, atoms[m].text, sizes).Width
			}
			best = max(best, total)
		}
		k = end
	}
	return best
}
