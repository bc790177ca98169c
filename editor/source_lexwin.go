package editor

import (
	"strings"

	"folio/editor/buffer"
)

// lineSrc is how the highlighter reads one line: a string, or a long line
// of the buffer one piece at a time, so a keystroke in a 900 KB line never
// joins or copies the line.
type lineSrc struct {
	n    int    // length of the line
	w    string // the piece holding [base, base+len(w))
	base int
	buf  *buffer.Buffer // nil: w is the whole line
	line int
}

func strSrc(s string) lineSrc { return lineSrc{n: len(s), w: s} }

func bufSrc(b *buffer.Buffer, i int) lineSrc {
	t := lineSrc{n: b.LineLen(i), buf: b, line: i}
	t.w, t.base = b.LinePiece(i, 0)
	return t
}

// at returns byte i (0 <= i < n).
func (t *lineSrc) at(i int) byte {
	if j := i - t.base; j >= 0 && j < len(t.w) {
		return t.w[j]
	}
	t.w, t.base = t.buf.LinePiece(t.line, i)
	return t.w[i-t.base]
}

// str returns bytes [a, b), clamped to the line.
func (t *lineSrc) str(a, b int) string {
	a, b = max(a, 0), min(b, t.n)
	if a >= b {
		return ""
	}
	if a >= t.base && b <= t.base+len(t.w) {
		return t.w[a-t.base : b-t.base]
	}
	return t.buf.LineSlice(t.line, a, b)
}

// index returns the first offset >= from where pat starts, or -1.
func (t *lineSrc) index(from int, pat string) int {
	if from > t.n {
		return -1
	}
	if t.buf == nil {
		if k := strings.Index(t.w[from:], pat); k >= 0 {
			return from + k
		}
		return -1
	}
	return t.buf.IndexInLine(t.line, from, pat)
}

// nextSpecial returns the first offset in [i, lim) holding a byte that may
// start inline markup, or lim.
func (t *lineSrc) nextSpecial(i, lim int) int {
	for i < lim {
		if j := i - t.base; j < 0 || j >= len(t.w) {
			t.w, t.base = t.buf.LinePiece(t.line, i)
		}
		w := t.w
		j, e := i-t.base, min(lim-t.base, len(w))
		for j < e && !inlineSpecial[w[j]] {
			j++
		}
		if j < e {
			return t.base + j
		}
		i = t.base + e
	}
	return lim
}

// checkpoint is a place where the inline highlighter can resume: it is
// between constructs there, the spans before it end at pos, and what it
// did before pos depended on no byte at or after horizon, nor (unless
// failed) on the absence of a closing ` * or _ anywhere after.
type checkpoint struct {
	pos, nspans, horizon int
	failed               bool
}

// lexStep is how far apart the highlighter of a long line leaves
// checkpoints.
var lexStep = 4 << 10

// inlineLex highlights code spans, emphasis and links. It is the
// resumable form of one left-to-right scan: run starts at a resume
// position and can record checkpoints on the way.
type inlineLex struct {
	t         *lineSrc
	out       []span
	cps       []checkpoint
	horizon   int
	failed    bool
	textStart int
}

func (lx *inlineLex) see(end int) {
	if end > lx.horizon {
		lx.horizon = end
	}
}

func (lx *inlineLex) flush(end int) {
	lx.out = addSpan(lx.out, lx.textStart, end, hlText)
}

// run highlights from the resume position i to the end of the line.
// target, when set, gives the next offset after its argument where a
// checkpoint is wanted (one is recorded at the first resume position at or
// after it); sync is called with each one recorded and stops the run by
// returning true. run reports whether sync stopped it.
func (lx *inlineLex) run(i int, target func(after int) int, sync func(cp checkpoint) bool) bool {
	t := lx.t
	n := t.n
	lx.textStart = i
	tg := n + 1
	if target != nil {
		tg = target(i)
	}
	for {
		if i >= tg {
			if i < n {
				lx.flush(i)
				lx.textStart = i
				cp := checkpoint{i, len(lx.out), lx.horizon, lx.failed}
				lx.cps = append(lx.cps, cp)
				if sync != nil && sync(cp) {
					return true
				}
			}
			tg = target(i)
		}
		if i >= n {
			break
		}
		lim := min(tg, n)
		j := t.nextSpecial(i, lim)
		if j >= lim {
			i = lim
			continue
		}
		i = lx.special(j)
	}
	lx.flush(n)
	return false
}

// special handles the byte at i that may start markup and returns the
// next resume position.
func (lx *inlineLex) special(i int) int {
	t := lx.t
	n := t.n
	c := t.at(i)
	switch c {
	case '\\':
		return min(i+2, n)
	case '`':
		k := 1
		for i+k < n && t.at(i+k) == '`' {
			k++
		}
		lx.see(min(i+k+1, n))
		if j := t.index(i+k, t.str(i, i+k)); j >= 0 {
			end := j + k
			lx.see(end)
			lx.flush(i)
			lx.out = addSpan(lx.out, i, end, hlCode)
			lx.textStart = end
			return end
		}
		lx.failed = true
		return i + k
	case '*', '_':
		if i+1 < n && t.at(i+1) == c {
			lx.see(min(i+3, n))
			if i+2 < n && t.at(i+2) != ' ' {
				j := t.index(i+2, t.str(i, i+2))
				switch {
				case j < 0:
					lx.failed = true
				case j > i+2:
					end := j + 2
					lx.see(end)
					lx.flush(i)
					lx.out = addSpan(lx.out, i, end, hlBold)
					lx.textStart = end
					return end
				default:
					lx.see(j + 2)
				}
			}
			return i + 2
		}
		lx.see(min(i+2, n))
		if c == '_' && i > 0 && isWordByte(t.at(i-1)) {
			return i + 1
		}
		if i+1 < n && t.at(i+1) != ' ' {
			j := t.index(i+1, t.str(i, i+1))
			if j < 0 {
				lx.failed = true
			} else {
				lx.see(j + 1)
				if j > i+1 && t.at(j-1) != ' ' {
					end := j + 1
					lx.flush(i)
					lx.out = addSpan(lx.out, i, end, hlItalic)
					lx.textStart = end
					return end
				}
			}
		}
	case '[', '!':
		s := i
		if c == '!' {
			if i+1 >= n || t.at(i+1) != '[' {
				lx.see(min(i+2, n))
				break
			}
			i++
		}
		w := t.str(i, i+2*maxInlineSearch+2)
		l, ok := linkAt(w) // source_links.go
		if ok {
			end := i + l.end
			lx.see(end)
			lx.flush(s)
			lx.out = linkSpans(lx.out, l, s, i)
			lx.textStart = end
			return end
		}
		lx.see(i + l.far)
	case '<':
		w := t.str(i, i+maxInlineSearch)
		if j := strings.IndexByte(w, '>'); j > 0 {
			lx.see(i + j + 1)
			if strings.Contains(w[:j], "://") && !strings.ContainsAny(w[:j], " \t") {
				lx.flush(i)
				lx.out = addSpan(lx.out, i, i+j+1, hlURL)
				lx.textStart = i + j + 1
				return i + j + 1
			}
		} else {
			lx.see(i + len(w))
		}
	}
	return i + 1
}
