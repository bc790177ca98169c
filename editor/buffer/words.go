package buffer

import "unicode/utf8"

// WordAt returns the byte range [start, end) of the word around col in
// line: a run of Latin letters and digits, a run of CJK characters, a run of
// spaces or a run of punctuation. col at the end of the line selects the
// run before it.
func WordAt(line string, col int) (start, end int) {
	if line == "" {
		return 0, 0
	}
	col = min(max(col, 0), len(line))
	var cls int
	if col < len(line) {
		r, _ := utf8.DecodeRuneInString(line[col:])
		cls = runeClass(r)
	} else {
		r, _ := runeBefore(line, col)
		cls = runeClass(r)
	}
	start, end = col, col
	for start > 0 {
		r, n := runeBefore(line, start)
		if runeClass(r) != cls {
			break
		}
		start -= n
	}
	for end < len(line) {
		r, n := utf8.DecodeRuneInString(line[end:])
		if runeClass(r) != cls {
			break
		}
		end += n
	}
	return start, end
}

// NextWord returns the column after the next word end from col in line
// (Ctrl+Right): spaces are skipped, then one run of a single class. It
// returns len(line) at the end.
func NextWord(line string, col int) int {
	i := min(max(col, 0), len(line))
	for i < len(line) {
		r, n := utf8.DecodeRuneInString(line[i:])
		if runeClass(r) != classSpace {
			break
		}
		i += n
	}
	if i >= len(line) {
		return len(line)
	}
	r, _ := utf8.DecodeRuneInString(line[i:])
	cls := runeClass(r)
	for i < len(line) {
		r, n := utf8.DecodeRuneInString(line[i:])
		if runeClass(r) != cls {
			break
		}
		i += n
	}
	return i
}

// PrevWord returns the column of the start of the word before col in line
// (Ctrl+Left). It returns 0 at the start.
func PrevWord(line string, col int) int {
	i := min(max(col, 0), len(line))
	for i > 0 {
		r, n := runeBefore(line, i)
		if runeClass(r) != classSpace {
			break
		}
		i -= n
	}
	if i <= 0 {
		return 0
	}
	r, _ := runeBefore(line, i)
	cls := runeClass(r)
	for i > 0 {
		r, n := runeBefore(line, i)
		if runeClass(r) != cls {
			break
		}
		i -= n
	}
	return i
}
