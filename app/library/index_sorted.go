package library

import (
	"slices"
	"strings"
)

// maxPatch is the most changed rows editSorted applies one by one (a
// binary search and a move each); a larger batch (a checkout) is merged in
// one pass.
const maxPatch = 64

// findRow returns the position of the row of rel in rows sorted by Path,
// or where it would go, and whether it is there.
func findRow(rows []Summary, rel string) (int, bool) {
	return slices.BinarySearchFunc(rows, rel, func(s Summary, p string) int { return strings.Compare(s.Path, p) })
}

// prefixRange returns the rows whose Path starts with prefix: in path
// order they are next to each other.
func prefixRange(rows []Summary, prefix string) (lo, hi int) {
	lo, _ = findRow(rows, prefix)
	hi = lo
	for hi < len(rows) && strings.HasPrefix(rows[hi].Path, prefix) {
		hi++
	}
	return lo, hi
}

// editSorted returns rows (sorted by Path) with the edits applied: for each
// relative path, its new row, or nil to remove it. rows itself is not
// modified: callers of Summaries may still hold it.
func editSorted(rows []Summary, edits map[string]*Summary) []Summary {
	if len(edits) == 0 {
		return rows
	}
	if len(edits) <= maxPatch {
		out := slices.Clone(rows)
		for rel, row := range edits {
			i, found := findRow(out, rel)
			switch {
			case row != nil && found:
				out[i] = *row
			case row != nil:
				out = slices.Insert(out, i, *row)
			case found:
				out = slices.Delete(out, i, i+1)
			}
		}
		return slices.Clip(out)
	}
	out := make([]Summary, 0, len(rows)+len(edits))
	for _, r := range rows {
		if row, ok := edits[r.Path]; ok {
			if row != nil {
				out = append(out, *row)
			}
			continue
		}
		out = append(out, r)
	}
	var added []Summary
	for rel, row := range edits {
		if _, found := findRow(rows, rel); row != nil && !found {
			added = append(added, *row)
		}
	}
	if len(added) == 0 {
		return out
	}
	slices.SortFunc(added, func(a, b Summary) int { return strings.Compare(a.Path, b.Path) })
	merged := make([]Summary, 0, len(out)+len(added))
	i, j := 0, 0
	for i < len(out) && j < len(added) {
		if added[j].Path < out[i].Path {
			merged = append(merged, added[j])
			j++
		} else {
			merged = append(merged, out[i])
			i++
		}
	}
	merged = append(merged, out[i:]...)
	return append(merged, added[j:]...)
}
