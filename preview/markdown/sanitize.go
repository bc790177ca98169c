package markdown

import "bytes"

// maxIndent is the deepest indentation, in columns, handed to goldmark.
const maxIndent = 4 * MaxDepth

// Sanitize bounds the nesting goldmark sees, whose block parser takes time
// growing faster than the square of the depth (200,000 ">" took 97 s, a
// list nested 3,000 deep almost 5 minutes). On a line whose prefix holds
// more than MaxDepth quote markers, the extra markers become spaces (the
// rest shows as text inside the deepest quote); a line indented more than
// maxIndent columns has the extra indentation moved to its end. The
// result has the same length and line breaks as src, which is returned
// itself when no line needs this.
func Sanitize(src []byte) []byte {
	var out []byte
	for start := 0; start < len(src); {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		line := src[start:end]
		if fixed := sanitizeLine(line); fixed != nil {
			if out == nil {
				out = bytes.Clone(src)
			}
			copy(out[start:end], fixed)
		}
		start = end + 1
	}
	if out == nil {
		return src
	}
	return out
}

// sanitizeLine returns the bounded line, or nil when it is fine.
func sanitizeLine(line []byte) []byte {
	quotes, indent, i := 0, 0, 0
	for ; i < len(line); i++ {
		switch line[i] {
		case ' ':
			indent++
		case '\t':
			indent += 4
		case '>':
			quotes++
		default:
			goto done
		}
	}
done:
	if quotes <= MaxDepth && indent <= maxIndent {
		return nil
	}
	fixed := bytes.Clone(line)
	if quotes > MaxDepth {
		seen := 0
		for j := 0; j < i; j++ {
			if fixed[j] == '>' {
				seen++
				if seen > MaxDepth {
					fixed[j] = ' '
				}
			}
		}
	}
	// move indentation past maxIndent columns to the end of the line
	col, cut := 0, -1
	for j := 0; j < i; j++ {
		if fixed[j] == ' ' || fixed[j] == '\t' {
			if fixed[j] == '\t' {
				fixed[j] = ' '
			}
			col++
			if col > maxIndent && cut < 0 {
				cut = j
			}
		} else {
			col = 0 // indentation counts from the last marker
		}
	}
	if cut >= 0 {
		// the first non-blank after the prefix
		k := i
		for k < len(fixed) && (fixed[k] == ' ' || fixed[k] == '\t') {
			k++
		}
		moved := append(append([]byte{}, fixed[:cut]...), fixed[k:]...)
		for len(moved) < len(fixed) {
			moved = append(moved, ' ')
		}
		fixed = moved
	}
	if bytes.Equal(fixed, line) {
		return nil
	}
	return fixed
}
