package library

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// SearchOptions tune Search.
type SearchOptions struct {
	// CaseSensitive matches letter case exactly.
	CaseSensitive bool
	// Regexp reads the query as a Go regular expression (RE2 syntax).
	Regexp bool
	// WholeWord keeps only matches with no letter, digit or underscore
	// touching them on either side (Chinese characters count as letters,
	// as in the editor's find).
	WholeWord bool
	// MaxHits stops the search after this many hits (0: DefaultMaxHits).
	MaxHits int
}

// DefaultMaxHits is the number of hits after which Search stops unless
// SearchOptions.MaxHits says otherwise.
const DefaultMaxHits = 10_000

// ErrHitLimit is returned by Search when it stopped at MaxHits hits.
var ErrHitLimit = errors.New("too many matches; search stopped")

// Hit is one match found by Search.
type Hit struct {
	// Path is the file's path relative to the searched folder, with
	// forward slashes (as Summary.Path); Abs is its path on disk.
	Path, Abs string
	// Line is the 1-based line of the file where the match starts.
	Line int
	// Col is the match's 0-based byte offset in its line, and Len its
	// length in bytes (it may run past the line for a regular expression
	// that matches a line break).
	Col, Len int
	// Context is the match's line, shortened around the match (with "…"
	// where text was cut) and without its line break.
	Context string
	// ContextCol is the match's byte offset in Context; the match runs
	// to at most the end of Context.
	ContextCol int
}

// contextBefore and contextAfter bound the text kept around a match in
// Hit.Context, in bytes.
const (
	contextBefore = 60
	contextAfter  = 160
)

// Search looks for query in every Markdown file under root (the files Visit
// reads: hidden folders, node_modules, binary files and files larger than
// MaxSize are skipped) and sends each match to out as soon as its file is
// searched. Files are searched in parallel, so they arrive in no set
// order, but the hits of one file arrive together and in order.
//
// Search closes out when it returns. It returns nil when the whole folder
// was searched, ErrHitLimit when it stopped at MaxHits, ctx's error when
// it was cancelled, or an error for an invalid regular expression or a
// root that cannot be listed. An empty query finds nothing.
func Search(ctx context.Context, root, query string, opts SearchOptions, out chan<- Hit) error {
	defer close(out)
	if query == "" {
		return nil
	}
	m, err := newMatcher(query, opts)
	if err != nil {
		return err
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return fmt.Errorf("search %s: %w", root, err)
	}
	if info, err := os.Stat(realRoot); err != nil {
		return fmt.Errorf("search %s: %w", root, err)
	} else if !info.IsDir() {
		return fmt.Errorf("search %s: not a folder", root)
	}
	limit := opts.MaxHits
	if limit <= 0 {
		limit = DefaultMaxHits
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct{ rel, abs string }
	jobs := make(chan job, 256)
	var (
		sendMu  sync.Mutex // keeps one file's hits together
		sent    atomic.Int64
		limited atomic.Bool
		wg      sync.WaitGroup
	)
	// A worker whose file must come from the disk hands it to slow and
	// searches the next, as a load's workers do (see stream).
	slow := newSlowPool[job](256)
	cold := new(coldFolder) // the walk lists folders ahead once it is cold
	var work func(src <-chan job, nowait bool)
	slow.read = func(jobs <-chan job) { work(jobs, false) }
	work = func(src <-chan job, nowait bool) {
		var buf, fold []byte
		rd := newSearchReader()
		defer rd.close()
		rd.nowait = nowait && nowaitReads
		var hits []Hit
		for j := range src {
			if ctx.Err() != nil {
				continue // drain
			}
			var data []byte
			var err error
			if rd.nowait && wouldBlockTest != nil && wouldBlockTest(j.abs) {
				err = errWouldBlock
			} else {
				data, err = rd.read(j.abs, buf)
			}
			if rd.nowait {
				cold.count(err == errWouldBlock)
			}
			if err == errWouldBlock {
				slow.hand(j)
				continue
			}
			if err != nil {
				continue
			}
			buf = data[:0]
			if bytes.IndexByte(data, 0) >= 0 { // binary: what document.CheckText refuses too
				continue
			}
			hits, fold = m.search(data, fold, hits[:0], j.rel, j.abs)
			if len(hits) == 0 {
				continue
			}
			sendMu.Lock()
			for _, h := range hits {
				if sent.Load() >= int64(limit) {
					limited.Store(true)
					cancel()
					break
				}
				select {
				case out <- h:
					sent.Add(1)
				case <-ctx.Done():
				}
				if ctx.Err() != nil {
					break
				}
			}
			sendMu.Unlock()
		}
	}
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work(jobs, true)
		}()
	}
	w := walker{ctx: ctx, stack: []string{realRoot}, cold: cold}
	w.emit = func(rel, abs string, err error) {
		if err != nil {
			return
		}
		select {
		case jobs <- job{rel, abs}:
		case <-ctx.Done():
		}
	}
	rootErr := w.walk(root, "")
	w.closePrefetch()
	close(jobs)
	wg.Wait() // no worker hands a file to slow any more
	slow.close()
	switch {
	case limited.Load():
		return ErrHitLimit
	case ctx.Err() != nil:
		return fmt.Errorf("search %s: %w", root, context.Cause(ctx))
	case rootErr != nil:
		return fmt.Errorf("search %s: %w", root, rootErr)
	}
	return nil
}

// matcher finds a query's matches in a file's bytes.
type matcher struct {
	lit       []byte         // the literal looked for (lower-cased when foldASCII)
	foldASCII bool           // search an ASCII-lower-cased copy of the text
	re        *regexp.Regexp // a regular expression, or a literal with case folding beyond ASCII
	prefix    []byte         // a literal every match of re starts with (case-sensitive only)
	wholeWord bool
}

// newMatcher picks the fastest way to find query: bytes.Index for a
// literal (on an ASCII-folded copy for a case-insensitive one), a regular
// expression otherwise.
func newMatcher(query string, opts SearchOptions) (*matcher, error) {
	m := &matcher{wholeWord: opts.WholeWord}
	if !opts.Regexp {
		switch {
		case opts.CaseSensitive || !hasCase(query):
			m.lit = []byte(query)
			return m, nil
		case isASCII(query):
			m.lit = foldASCII(nil, []byte(query))
			m.foldASCII = true
			return m, nil
		}
	}
	pat := query
	if !opts.Regexp {
		pat = regexp.QuoteMeta(query)
	}
	if !opts.CaseSensitive {
		pat = "(?i)" + pat
	}
	re, err := regexp.Compile("(?m)" + pat)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	m.re = re
	if opts.CaseSensitive {
		if p, _ := re.LiteralPrefix(); p != "" {
			m.prefix = []byte(p)
		}
	}
	return m, nil
}

// hasCase reports whether s has a letter with another case.
func hasCase(s string) bool {
	for _, r := range s {
		if unicode.SimpleFold(r) != r {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldASCII appends src with ASCII letters lower-cased to dst[:0].
func foldASCII(dst, src []byte) []byte {
	dst = append(dst[:0], src...)
	for i, c := range dst {
		if 'A' <= c && c <= 'Z' {
			dst[i] = c + 'a' - 'A'
		}
	}
	return dst
}

// search appends data's hits to hits. fold is the buffer for the folded
// copy, returned for reuse.
func (m *matcher) search(data, fold []byte, hits []Hit, rel, abs string) ([]Hit, []byte) {
	lines := lineCounter{data: data, line: 1}
	add := func(start, end int) {
		if start == end || (m.wholeWord && !isWholeWord(data, start, end)) {
			return
		}
		hits = append(hits, lines.hit(start, end, rel, abs))
	}
	switch {
	case m.re != nil:
		if m.prefix != nil && !bytes.Contains(data, m.prefix) {
			return hits, fold
		}
		for _, loc := range m.re.FindAllIndex(data, -1) {
			add(loc[0], loc[1])
		}
	default:
		text := data
		if m.foldASCII {
			if bytes.IndexByte(data, m.lit[0]) < 0 && bytes.IndexByte(data, upperASCII(m.lit[0])) < 0 {
				return hits, fold
			}
			fold = foldASCII(fold, data)
			text = fold
		}
		for off := 0; off <= len(text)-len(m.lit); {
			i := bytes.Index(text[off:], m.lit)
			if i < 0 {
				break
			}
			start := off + i
			add(start, start+len(m.lit))
			off = start + len(m.lit)
		}
	}
	return hits, fold
}

func upperASCII(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// isWholeWord reports whether data[a:b] has no word character touching it.
func isWholeWord(data []byte, a, b int) bool {
	r1, _ := utf8.DecodeLastRune(data[:a])
	r2, _ := utf8.DecodeRune(data[b:])
	return !(a > 0 && isWordChar(r1)) && !(b < len(data) && isWordChar(r2))
}

// isWordChar reports whether r is part of a word: a letter (Chinese
// included), a digit, a combining mark or an underscore.
func isWordChar(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || '0' <= r && r <= '9' || 'a' <= r|0x20 && r|0x20 <= 'z'
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

// lineCounter turns byte offsets, visited in increasing order, into line
// numbers without rescanning the text.
type lineCounter struct {
	data []byte
	pos  int // offset up to which lines are counted
	line int // line at pos (1-based)
}

// hit builds the Hit for the match data[start:end].
func (c *lineCounter) hit(start, end int, rel, abs string) Hit {
	c.line += bytes.Count(c.data[c.pos:start], []byte{'\n'})
	c.pos = start
	ls := bytes.LastIndexByte(c.data[:start], '\n') + 1
	le := bytes.IndexByte(c.data[start:], '\n')
	if le < 0 {
		le = len(c.data)
	} else {
		le += start
	}
	if le > ls && c.data[le-1] == '\r' {
		le--
	}
	h := Hit{Path: rel, Abs: abs, Line: c.line, Col: start - ls, Len: end - start}
	// Shorten the line around the match, on character boundaries.
	cs, ce := ls, le
	prefix, suffix := "", ""
	if start-ls > contextBefore {
		cs = start - contextBefore
		for cs < start && !utf8.RuneStart(c.data[cs]) {
			cs++
		}
		prefix = "…"
	}
	if le-min(end, le) > contextAfter {
		ce = min(end, le) + contextAfter
		for ce > end && !utf8.RuneStart(c.data[ce]) {
			ce--
		}
		suffix = "…"
	}
	h.Context = prefix + string(c.data[cs:ce]) + suffix
	h.ContextCol = len(prefix) + start - cs
	return h
}
