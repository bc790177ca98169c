package markdown

import (
	"fmt"
	"maps"
	"regexp"
	"regexp/syntax"
	"slices"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/dlclark/regexp2/v2"

	"folio/preview/markdown/internal/lexers"
)

// Folio drives chroma's regex lexers itself, for two reasons:
//
//   - chroma's own loop asks regexp2 for each match's text, which builds a
//     byte-offset table of the whole input every time: lexing is quadratic
//     in the length of the code (256 KB of Go took 1.8 s). Here a match's
//     text is cut from the runes by index, so lexing is linear.
//   - a big code block is shown as parts (parts.go), highlighted one at a
//     time; a part must start in the state the lexer is in at that line
//     (inside a multi-line string or comment, say), which chroma cannot be
//     given. Here a run starts from a LexState and reports the states it
//     passes at line starts.

// LexState is where a lexer stands at the start of a line: its state stack
// and its mutators' context. A nil *LexState is the lexer's start ("root").
// A LexState is never changed once made.
type LexState struct {
	stack []string
	ctx   map[any]any // nil when empty
	// tail is what the last token before the line start left for after
	// it: a token (a comment matched whole, say) that runs on past it.
	tail []chroma.Token
}

// Equal reports whether two states lex what follows alike.
func (s *LexState) Equal(o *LexState) bool {
	if s.isRoot() || o.isRoot() {
		return s.isRoot() && o.isRoot()
	}
	if !slices.Equal(s.stack, o.stack) || len(s.ctx) != len(o.ctx) || !slices.Equal(s.tail, o.tail) {
		return false
	}
	for k, v := range s.ctx {
		if w, ok := o.ctx[k]; !ok || !sameValue(v, w) {
			return false
		}
	}
	return true
}

// sameValue compares context values, which may not be comparable.
func sameValue(a, b any) (same bool) {
	defer func() {
		if recover() != nil {
			same = false
		}
	}()
	return a == b
}

func (s *LexState) isRoot() bool {
	return s == nil || len(s.ctx) == 0 && len(s.tail) == 0 && len(s.stack) == 1 && s.stack[0] == "root"
}

// String is the state's stack, for tests and dumps.
func (s *LexState) String() string {
	if s.isRoot() {
		return "root"
	}
	return fmt.Sprint(s.stack, len(s.ctx), s.tail)
}

// fastLexer is a regex lexer's rules, compiled as chroma compiles them,
// for runLexer.
type fastLexer struct {
	lexer    *chroma.RegexLexer
	rules    chroma.CompiledRules
	ensureNL bool
	// first holds, per state and rule, the ASCII characters a match of
	// the rule can start with (see firstSet): at another ASCII character
	// the rule is not tried. Most rules fail on their first character,
	// and asking regexp2 costs far more than a bit test.
	first map[string][]asciiSet
	// pairs holds, per state and rule, the pairs of ASCII characters a
	// match can start with (pairsOf), nil where it is always tried
	pairs map[string][]*pairSet
	// emit holds, per state and rule, how its tokens are made (emitPlan)
	emit map[string][]emitPlan
}

// asciiSet is a set of ASCII characters; all means the rule is always
// tried.
type asciiSet struct {
	bits [2]uint64
	all  bool
}

func (a *asciiSet) add(r rune) {
	if r >= 0 && r < 128 {
		a.bits[r/64] |= 1 << (r % 64)
	}
}

// may reports whether a match may start with r (any non-ASCII character
// may: .NET's \w, \s and \d are Unicode where Go's are ASCII).
func (a *asciiSet) may(r rune) bool {
	return a.all || r >= 128 || r < 0 || a.bits[r/64]&(1<<(r%64)) != 0
}

var fastLexers sync.Map // lang → *fastLexer, or nil when the lexer is not a plain regex lexer

// fastLexerFor is the language's lexer for runLexer, or nil when it is not
// a regex lexer (then it is only used whole, through chroma).
func fastLexerFor(lang string) *fastLexer {
	lang = Lang(lang)
	if f, ok := fastLexers.Load(lang); ok {
		return f.(*fastLexer)
	}
	var f *fastLexer
	var l chroma.Lexer
	if lang != "" {
		l = lexers.Get(lang)
	}
	if l == nil {
		l = lexers.Get("plaintext")
	}
	if rl, ok := l.(*chroma.RegexLexer); ok {
		if rules, err := compileRules(rl); err == nil {
			f = &fastLexer{lexer: rl, rules: rules, ensureNL: rl.Config().EnsureNL, first: firstSets(rules, rl.Config()), emit: emitPlans(rules)}
			f.pairs = pairSets(rules, rl.Config())
		}
	}
	fastLexers.Store(lang, f)
	return f
}

// compileRules compiles a lexer's rules the way chroma's RegexLexer does
// (flags, \G anchoring, then the rule-rewriting mutators: include,
// combined).
func compileRules(r *chroma.RegexLexer) (chroma.CompiledRules, error) {
	raw, err := r.Rules()
	if err != nil {
		return nil, err
	}
	cfg := r.Config()
	flags := ""
	if !cfg.NotMultiline {
		flags += "m"
	}
	if cfg.CaseInsensitive {
		flags += "i"
	}
	if cfg.DotAll {
		flags += "s"
	}
	out := chroma.CompiledRules{}
	for state, rules := range raw {
		out[state] = nil
		for _, rule := range rules {
			pattern := "(?:" + rule.Pattern + ")"
			if flags != "" {
				pattern = "(?" + flags + ")" + pattern
			}
			re, err := regexp2.Compile(`\G` + pattern)
			if err != nil {
				return nil, fmt.Errorf("compile rule %s of %s: %w", state, cfg.Name, err)
			}
			re.MatchTimeout = 250 * time.Millisecond
			out[state] = append(out[state], &chroma.CompiledRule{Rule: rule, Regexp: re})
		}
	}
	// chroma refuses a mutator seen twice; here one may be: an included
	// state that itself includes another is copied before or after its
	// own include is expanded (chroma's order is the map's). Expanding
	// both ways gives the same rules; a cap stops a cycle.
	mutations := 0
restart:
	for state := range out {
		for i := range out[state] {
			if m, ok := out[state][i].Mutator.(chroma.LexerMutator); ok {
				if mutations++; mutations > 100000 {
					return nil, fmt.Errorf("%s: rules do not settle", cfg.Name)
				}
				if err := m.MutateLexer(out, state, i); err != nil {
					return nil, fmt.Errorf("%s: %w", cfg.Name, err)
				}
				goto restart
			}
		}
	}
	if _, ok := out["root"]; !ok {
		return nil, fmt.Errorf("%s: no root state", cfg.Name)
	}
	return out, nil
}

// lexRun is one run of a fastLexer over runes.
type lexRun struct {
	f      *fastLexer
	l      chroma.LexerState
	tokens []chroma.Token
	// one match's tokens, and those of the last match past stop
	pending, tail []chroma.Token
	// discard drops tokens: a run that only looks for the states
	discard bool
	// a match's groups and named groups, reused from match to match
	groups []string
	named  map[string]string
}

// run lexes rs from rune pos until a rule ends at or after stop (or the
// input ends), starting in state st (whose tail it does not emit).
// Tokens before stop are appended to r.tokens (errors as plain text,
// neighbours of one type merged), those of a match that runs past stop
// to r.tail; atLine, when not nil, is called at every line start a rule
// boundary falls on, with the state there. It returns the rune position
// reached.
func (f *fastLexer) run(r *lexRun, rs []rune, pos, stop int, st *LexState, atLine func(pos int, st *LexState)) (end int) {
	r.f = f
	l := &r.l
	*l = chroma.LexerState{Lexer: f.lexer, Registry: lexers.Registry(), Text: rs, Pos: pos, Rules: f.rules}
	if st.isRoot() {
		l.Stack = []string{"root"}
		l.MutatorContext = map[any]any{}
	} else {
		l.Stack = slices.Clone(st.stack)
		l.MutatorContext = maps.Clone(st.ctx)
		if l.MutatorContext == nil {
			l.MutatorContext = map[any]any{}
		}
	}
	defer func() {
		if e := recover(); e != nil { // a mutator's error: the rest is text
			r.emit(chroma.Token{Type: chroma.Text, Value: string(rs[l.Pos:])})
			end = len(rs)
		}
	}()
	for l.Pos < stop && l.Pos < len(rs) && len(l.Stack) > 0 {
		if atLine != nil && (l.Pos == 0 || rs[l.Pos-1] == '\n') {
			atLine(l.Pos, r.state())
		}
		l.State = l.Stack[len(l.Stack)-1]
		rules, ok := l.Rules[l.State]
		if !ok {
			panic("unknown state " + l.State)
		}
		idx, m := matchAt(rs, l.Pos, rules, f.first[l.State], f.pairs[l.State])
		if m == nil {
			// as chroma (and Pygments): an unmatched newline outside the
			// root state resets the stack
			if rs[l.Pos] == '\n' && l.State != "root" {
				l.Stack = []string{"root"}
				continue
			}
			r.emit(chroma.Token{Type: chroma.Text, Value: string(rs[l.Pos])})
			l.Pos++
			continue
		}
		rule := rules[idx]
		l.Rule = idx
		from := l.Pos
		if plan := &f.emit[l.State][idx]; plan.kind != emitChroma && r.emitPlain(plan, rs, m) {
			l.Pos += m.RuneLength
			r.flush(from, stop)
			continue
		}
		gs := m.Groups()
		if r.named == nil {
			r.named = make(map[string]string, len(gs))
		}
		groups, named := r.groups[:0], r.named
		clear(named)
		for _, g := range gs {
			var s string
			if g.RuneLength > 0 {
				s = string(rs[g.RuneIndex : g.RuneIndex+g.RuneLength])
			}
			groups = append(groups, s)
			named[g.Name] = s
		}
		r.groups = groups
		l.Groups, l.NamedGroups = groups, named
		l.Pos += m.RuneLength
		if rule.Mutator != nil {
			if err := rule.Mutator.Mutate(l); err != nil {
				panic(err)
			}
		}
		if rule.Type != nil {
			it := rule.Type.Emit(l.Groups, l)
			r.pending = r.pending[:0]
			for t := it(); t != chroma.EOF; t = it() {
				if t.Type != chroma.Ignore {
					r.pending = append(r.pending, t)
				}
			}
			r.flush(from, stop)
		}
	}
	if len(l.Stack) == 0 && l.Pos < stop && l.Pos < len(rs) {
		r.emit(chroma.Token{Type: chroma.Text, Value: string(rs[l.Pos:min(stop, len(rs))])})
		l.Pos = min(stop, len(rs))
	}
	return l.Pos
}

// matchAt is the first rule matching at pos, as chroma's matchRules;
// first and pairs (when as long as rules) skip rules that cannot start
// there.
func matchAt(rs []rune, pos int, rules []*chroma.CompiledRule, first []asciiSet, pairs []*pairSet) (int, *regexp2.Match) {
	filter := len(first) == len(rules)
	paired := len(pairs) == len(rules)
	for i, rule := range rules {
		if filter && !first[i].may(rs[pos]) {
			continue
		}
		if paired && pairs[i] != nil && !pairs[i].may(rs, pos) {
			continue
		}
		m, err := rule.Regexp.FindRunesMatchStartingAt(rs, pos)
		if m != nil && err == nil && m.RuneIndex == pos {
			return i, m
		}
	}
	return 0, nil
}

// flush emits one match's tokens, which start at rune from; the part of
// them from stop on goes to r.tail.
func (r *lexRun) flush(from, stop int) {
	at := from
	for _, t := range r.pending {
		n := utf8.RuneCountInString(t.Value)
		switch {
		case at+n <= stop:
			r.emit(t)
		case at >= stop:
			r.tail = append(r.tail, t)
		default:
			cut := runeOffset(t.Value, stop-at)
			r.emit(chroma.Token{Type: t.Type, Value: t.Value[:cut]})
			r.tail = append(r.tail, chroma.Token{Type: t.Type, Value: t.Value[cut:]})
		}
		at += n
	}
}

// runeOffset is the byte offset of the n-th rune of s.
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// emit appends a token, merging it into the last one of the same type.
func (r *lexRun) emit(t chroma.Token) {
	if t.Value == "" {
		return
	}
	if t.Type == chroma.Error {
		t.Type = chroma.Text
	}
	if r.discard {
		return
	}
	if n := len(r.tokens); n > 0 && r.tokens[n-1].Type == t.Type && len(r.tokens[n-1].Value) < 1024 {
		r.tokens[n-1].Value += t.Value
		return
	}
	r.tokens = append(r.tokens, t)
}

// state is a copy of the run's current state.
func (r *lexRun) state() *LexState {
	l := &r.l
	if len(l.MutatorContext) == 0 && len(l.Stack) == 1 && l.Stack[0] == "root" {
		return nil
	}
	st := &LexState{stack: slices.Clone(l.Stack)}
	if len(l.MutatorContext) > 0 {
		st.ctx = maps.Clone(l.MutatorContext)
	}
	return st
}

// firstSets computes the first characters of every rule (firstSet).
func firstSets(rules chroma.CompiledRules, cfg *chroma.Config) map[string][]asciiSet {
	flags := ruleFlags(cfg)
	out := make(map[string][]asciiSet, len(rules))
	for state, rs := range rules {
		sets := make([]asciiSet, len(rs))
		for i, r := range rs {
			sets[i] = firstSet(r.Pattern, flags)
		}
		out[state] = sets
	}
	return out
}

// pairSets computes the starts of every rule (pairsOf).
func pairSets(rules chroma.CompiledRules, cfg *chroma.Config) map[string][]*pairSet {
	flags := ruleFlags(cfg)
	out := make(map[string][]*pairSet, len(rules))
	for state, rs := range rules {
		sets := make([]*pairSet, len(rs))
		for i, r := range rs {
			sets[i] = pairsOf(r.Pattern, flags)
		}
		out[state] = sets
	}
	return out
}

// ruleFlags is the inline flags chroma compiles a lexer's rules with.
func ruleFlags(cfg *chroma.Config) string {
	flags := ""
	if !cfg.NotMultiline {
		flags += "m"
	}
	if cfg.CaseInsensitive {
		flags += "i"
	}
	if cfg.DotAll {
		flags += "s"
	}
	return flags
}

// negatedShorthand finds a negated class holding \W, \D or \S: regexp2
// reads [^\W\d] wider than .NET and Go (it matches digits), so such a
// rule is always tried.
var negatedShorthand = regexp.MustCompile(`\[\^(?:[^\]\\]|\\.)*\\[WDS]`)

// firstSet is the set of ASCII characters a match of a chroma pattern can
// start with, read from Go's parse of it. A pattern Go cannot parse (a
// lookaround, a backreference: .NET syntax), or that can match nothing,
// is always tried. Where Go parses a .NET pattern otherwise, its reading
// is wider, never narrower, at the first character (non-ASCII characters
// are never filtered).
func firstSet(pattern, flags string) asciiSet {
	all := asciiSet{all: true}
	if negatedShorthand.MatchString(pattern) {
		return all
	}
	if flags != "" {
		pattern = "(?" + flags + ")(?:" + pattern + ")"
	}
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return all
	}
	var set asciiSet
	ok := true
	if nullable := firstOf(re.Simplify(), &set, &ok); nullable || !ok {
		return all
	}
	return set
}

// firstOf adds the characters re's matches can start with to set and
// reports whether re can match the empty string; ok turns false on an
// operator it does not know.
func firstOf(re *syntax.Regexp, set *asciiSet, ok *bool) (nullable bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return false
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true
		}
		r := re.Rune[0]
		set.add(r)
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				set.add(f)
			}
		}
		return false
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1] && r < 128; r++ {
				set.add(r)
			}
		}
		if spaceClass(re.Rune) {
			set.add('\v') // .NET's \s holds it, Go's does not
		}
		return false
	case syntax.OpAnyCharNotNL:
		for r := rune(0); r < 128; r++ {
			if r != '\n' {
				set.add(r)
			}
		}
		return false
	case syntax.OpAnyChar:
		set.all = true
		return false
	case syntax.OpCapture, syntax.OpPlus:
		return firstOf(re.Sub[0], set, ok)
	case syntax.OpStar, syntax.OpQuest:
		firstOf(re.Sub[0], set, ok)
		return true
	case syntax.OpRepeat:
		return firstOf(re.Sub[0], set, ok) || re.Min == 0
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !firstOf(sub, set, ok) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		nullable := false
		for _, sub := range re.Sub {
			if firstOf(sub, set, ok) {
				nullable = true
			}
		}
		return nullable
	}
	*ok = false
	return true
}
