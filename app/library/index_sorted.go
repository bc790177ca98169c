package library

import (
	"slices"
	"strings"
)

// maxPatch is the most changed rows patchSorted applies one by one; a
// larger batch (a checkout) is sorted afresh.
const maxPatch = 64

// patchSorted returns the sorted rows with the rows of the relative paths
// touched brought up to date from rows (present: set or inserted; absent:
// removed), without sorting everything again. sorted itself is not
// modified: callers of Summaries may still hold it. It returns nil (sort
// afresh) when sorted is nil or too many rows changed.
func patchSorted(sorted []Summary, rows map[string]Summary, touched []string) []Summary {
	if sorted == nil || len(touched) > maxPatch {
		return nil
	}
	out := slices.Clone(sorted)
	for _, rel := range touched {
		i, found := slices.BinarySearchFunc(out, rel, func(s Summary, p string) int { return strings.Compare(s.Path, p) })
		row, ok := rows[rel]
		switch {
		case ok && found:
			out[i] = row
		case ok:
			out = slices.Insert(out, i, row)
		case found:
			out = slices.Delete(out, i, i+1)
		}
	}
	return out
}
