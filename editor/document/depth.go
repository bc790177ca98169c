package document

import "fmt"

// MaxDepth is how deeply front matter values may nest (lists in maps in
// lists...). Real front matter nests two or three levels; the decoders
// (yaml.v3, BurntSushi/toml, encoding/json) and Folio's own converters
// recurse once a level, and BurntSushi/toml has no limit of its own (a
// million nested arrays overflow the stack, which Go cannot recover).
const MaxDepth = 100

// maxKeyPath is the budget of TOML key-path components: the sum, over
// every key and table header, of how many names its full path has. The
// TOML decoder keeps each key's full path, so a file of many keys deep in
// nested tables costs memory by this sum, not by its size.
const maxKeyPath = 1 << 20

// checkDepth scans front matter for nesting deeper than MaxDepth (and, for
// TOML, for a key-path total above maxKeyPath) before any recursive decoder
// sees it, and returns a *ParseError naming the line where the limit is
// passed. It is linear in the text and allocates nothing.
func checkDepth(src []byte, fmLine int, f Format) error {
	var line, depth int
	switch f {
	case YAML:
		line, depth = yamlDepth(src)
	case TOML:
		var over bool
		if line, depth, over = tomlDepth(src); over {
			return &ParseError{Line: fmLine + line - 1, Msg: fmt.Sprintf("TOML: more than %d keys in nested tables", maxKeyPath)}
		}
	case JSON:
		line, depth = jsonDepth(src)
	}
	if depth > MaxDepth {
		return &ParseError{Line: fmLine + line - 1, Msg: fmt.Sprintf("%s: values nest deeper than %d levels", formatName(f), MaxDepth)}
	}
	return nil
}

func formatName(f Format) string {
	switch f {
	case TOML:
		return "TOML"
	case JSON:
		return "JSON"
	}
	return "YAML"
}

// jsonDepth returns the first line on which JSON nesting passes MaxDepth
// and that depth, or the deepest nesting.
func jsonDepth(src []byte) (line, maxd int) {
	line = 1
	d := 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			line++
		case '"':
			for i++; i < len(src) && src[i] != '"'; i++ {
				if src[i] == '\\' {
					i++
				} else if src[i] == '\n' {
					line++
				}
			}
		case '[', '{':
			if d++; d > maxd {
				maxd = d
				if d > MaxDepth {
					return line, d
				}
			}
		case ']', '}':
			d = max(d-1, 0)
		}
	}
	return line, maxd
}

// yamlDepth estimates YAML nesting: block levels from the indentation of
// key and item lines (and "- - x" items on one line), plus flow levels
// from brackets outside quotes, comments and block scalars. It may count a
// level too many for an odd multi-line plain scalar, never one too few.
func yamlDepth(src []byte) (line, maxd int) {
	var indents [MaxDepth + 2]int // block indentation stack
	n := 0                        // levels on the stack
	flow := 0                     // open flow brackets
	blockScalar := -1             // indentation of the line that opened a block scalar, or -1
	line = 0
	for pos := 0; pos < len(src); {
		l, next := lineAt(src, pos)
		pos = next
		line++
		ind := 0
		for ind < len(l) && l[ind] == ' ' {
			ind++
		}
		rest := trimEOL(l[ind:])
		if len(rest) == 0 {
			continue
		}
		if blockScalar >= 0 {
			if ind > blockScalar {
				continue // block scalar content
			}
			blockScalar = -1
		}
		if flow == 0 {
			if rest[0] == '#' {
				continue
			}
			for n > 0 && indents[n-1] >= ind {
				n--
			}
			if n < len(indents) {
				indents[n] = ind
			}
			n++
			// "- - x": each item marker opens a level.
			for i := 0; i+1 < len(rest) && rest[i] == '-' && rest[i+1] == ' '; {
				for i++; i < len(rest) && rest[i] == ' '; i++ {
				}
				if n < len(indents) {
					indents[n] = ind + i
				}
				n++
			}
			n = min(n, len(indents))
		}
		// Brackets, quotes and comments on the line.
		tokenStart := true // a quote or bracket here starts a token
		for i := 0; i < len(rest); i++ {
			c := rest[i]
			switch {
			case c == '#' && (i == 0 || rest[i-1] == ' ' || rest[i-1] == '\t'):
				i = len(rest)
				continue
			case (c == '"' || c == '\'') && (tokenStart || flow > 0 && isFlowSep(rest[i-1])):
				// Skip the quoted scalar, across lines if need be.
				j := i + 1
				for {
					for j < len(rest) && rest[j] != c {
						if c == '"' && rest[j] == '\\' {
							j++
						}
						j++
					}
					if j < len(rest) || pos >= len(src) {
						break
					}
					l, next = lineAt(src, pos) // the quote goes on to the next line
					pos = next
					line++
					rest, j = trimEOL(l), 0
				}
				i = j
			case (c == '[' || c == '{') && (tokenStart || flow > 0):
				flow++
			case (c == ']' || c == '}') && flow > 0:
				flow--
			case (c == '|' || c == '>') && flow == 0 && tokenStart && blockIndicator(rest[i+1:]):
				blockScalar = ind
			}
			if d := n + flow; d > maxd {
				maxd = d
				if d > MaxDepth {
					return line, d
				}
			}
			tokenStart = c == ' ' || c == '\t' || (c == '-' || c == ':' || c == '?') && i+1 < len(rest) && rest[i+1] == ' ' ||
				flow > 0 && isFlowSep(c)
		}
		if n > maxd {
			maxd = n
			if n > MaxDepth {
				return line, n
			}
		}
	}
	return line, maxd
}

func isFlowSep(c byte) bool {
	return c == '[' || c == '{' || c == ',' || c == ' ' || c == ':'
}

// blockIndicator reports whether what follows | or > is a block scalar
// header: indentation and chomping indicators, then nothing or a comment.
func blockIndicator(rest []byte) bool {
	i := 0
	for i < len(rest) && (rest[i] == '+' || rest[i] == '-' || rest[i] >= '1' && rest[i] <= '9') {
		i++
	}
	if i == len(rest) {
		return true
	}
	if rest[i] != ' ' && rest[i] != '\t' {
		return false
	}
	for i < len(rest) && (rest[i] == ' ' || rest[i] == '\t') {
		i++
	}
	return i == len(rest) || rest[i] == '#'
}

// tomlDepth returns the first line where TOML nesting (open arrays and
// inline tables plus the names of the current table and key path) passes
// MaxDepth, or where the key-path total passes maxKeyPath (over is then
// true); otherwise the last line and the deepest nesting.
func tomlDepth(src []byte) (line, maxd int, over bool) {
	var stack [MaxDepth + 1]byte // '[' array, '{' inline table
	n := 0
	line = 1
	table := 0 // names in the current [table] header
	parts := 1 // names in the key being read
	keyCtx := true
	header := false
	total := 0
	deeper := func(d int) bool {
		if d > maxd {
			maxd = d
		}
		return d > MaxDepth
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\n':
			line++
			if n == 0 {
				keyCtx, parts, header = true, 1, false
			}
		case c == '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			i--
		case c == '"' || c == '\'':
			triple := i+2 < len(src) && src[i+1] == c && src[i+2] == c
			if triple {
				i += 3
				for i+2 < len(src) && !(src[i] == c && src[i+1] == c && src[i+2] == c) {
					if src[i] == '\n' {
						line++
					} else if c == '"' && src[i] == '\\' {
						i++
					}
					i++
				}
				i += 2
			} else {
				for i++; i < len(src) && src[i] != c && src[i] != '\n'; i++ {
					if c == '"' && src[i] == '\\' {
						i++
					}
				}
			}
		case keyCtx && c == '.':
			parts++
			if deeper(table*boolInt(!header) + parts + n) {
				return line, maxd, false
			}
		case keyCtx && n == 0 && c == '[' && !header:
			header, parts = true, 1
			if i+1 < len(src) && src[i+1] == '[' {
				i++
			}
		case header && c == ']':
			if total += parts; total > maxKeyPath {
				return line, maxd, true
			}
			table, header, keyCtx = parts, false, false
			if i+1 < len(src) && src[i+1] == ']' {
				i++
			}
		case keyCtx && c == '=':
			if total += table + parts + n; total > maxKeyPath {
				return line, maxd, true
			}
			if deeper(table + parts + n) {
				return line, maxd, false
			}
			keyCtx, parts = false, 1
		case !keyCtx && (c == '[' || c == '{'):
			if n == len(stack) || deeper(table+n+1) {
				return line, max(maxd, MaxDepth+1), false
			}
			stack[n] = c
			n++
			keyCtx = c == '{'
		case c == ']' && !keyCtx || c == '}':
			if n > 0 {
				n--
			}
			keyCtx = false
		case c == ',' && n > 0:
			keyCtx, parts = stack[n-1] == '{', 1
		}
	}
	return line, maxd, false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
