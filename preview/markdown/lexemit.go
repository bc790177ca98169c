package markdown

import (
	"reflect"

	"github.com/alecthomas/chroma/v2"
	"github.com/dlclark/regexp2/v2"
)

// Most rules emit plain tokens: a token type for the whole match, or one
// for each group (chroma.ByGroups of token types). fastLexer.run makes
// those tokens itself: chroma's way (the match's groups as strings and
// a map of them by name, an iterator for each token) costs more than
// the match. Rules with a mutator (which may read the groups) or
// another emitter go chroma's way.

// emitKind is how fastLexer.run makes a rule's tokens.
type emitKind uint8

const (
	emitChroma emitKind = iota // the rule's Emitter, given the groups
	emitWhole                  // one token of type typ: the whole match
	emitGroups                 // a token of types[i] for group i+1 (none where skip[i])
)

// emitPlan is how a rule's tokens are made.
type emitPlan struct {
	kind  emitKind
	typ   chroma.TokenType
	types []chroma.TokenType
	skip  []bool
}

// emitPlans plans every rule's tokens (planEmit).
func emitPlans(rules chroma.CompiledRules) map[string][]emitPlan {
	out := make(map[string][]emitPlan, len(rules))
	for state, rs := range rules {
		plans := make([]emitPlan, len(rs))
		for i, r := range rs {
			plans[i] = planEmit(r)
		}
		out[state] = plans
	}
	return out
}

// planEmit is how a rule's tokens are made: by fastLexer.run where they
// are plain and nothing else reads the groups, else by its Emitter.
func planEmit(r *chroma.CompiledRule) emitPlan {
	if r.Mutator != nil || r.Type == nil {
		return emitPlan{}
	}
	if t, ok := r.Type.(chroma.TokenType); ok {
		return emitPlan{kind: emitWhole, typ: t}
	}
	subs, ok := byGroupsEmitters(r.Type)
	if !ok || len(subs) != len(r.Regexp.GetGroupNumbers())-1 {
		return emitPlan{}
	}
	p := emitPlan{kind: emitGroups, types: make([]chroma.TokenType, len(subs)), skip: make([]bool, len(subs))}
	for i, e := range subs {
		switch t := e.(type) {
		case nil:
			p.skip[i] = true
		case chroma.TokenType:
			p.types[i] = t
		default:
			return emitPlan{}
		}
	}
	return p
}

// byGroupsEmitters is the emitters of a chroma.ByGroups emitter, one for
// each group (nil for none), read from its exported field: the type is
// chroma's own. ok is false for any other emitter.
func byGroupsEmitters(e chroma.Emitter) (subs chroma.Emitters, ok bool) {
	s, isKind := e.(chroma.SerialisableEmitter)
	if !isKind || s.EmitterKind() != "bygroups" {
		return nil, false
	}
	v := reflect.ValueOf(e)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil, false
	}
	f := v.Elem().FieldByName("Emitters")
	if !f.IsValid() || !f.CanInterface() {
		return nil, false
	}
	subs, ok = f.Interface().(chroma.Emitters)
	return subs, ok
}

// emitPlain appends a plain rule's tokens for match m to r.pending, as
// its Emitter would (an Ignore token is dropped), and reports whether it
// did; false leaves the rule to its Emitter.
func (r *lexRun) emitPlain(p *emitPlan, rs []rune, m *regexp2.Match) bool {
	r.pending = r.pending[:0]
	switch p.kind {
	case emitWhole:
		if p.typ != chroma.Ignore {
			r.pending = append(r.pending, chroma.Token{Type: p.typ, Value: string(rs[m.RuneIndex : m.RuneIndex+m.RuneLength])})
		}
		return true
	case emitGroups:
		gs := m.Groups()
		if len(gs)-1 != len(p.types) {
			return false
		}
		for i, g := range gs[1:] {
			if p.skip[i] || p.types[i] == chroma.Ignore {
				continue
			}
			var v string
			if g.RuneLength > 0 {
				v = string(rs[g.RuneIndex : g.RuneIndex+g.RuneLength])
			}
			r.pending = append(r.pending, chroma.Token{Type: p.types[i], Value: v})
		}
		return true
	}
	return false
}
