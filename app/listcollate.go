package app

import (
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// titleKeyer makes the sort keys of the list's title order: the Chinese
// collation (pinyin order for Han: 大 < 好 < 坏 < 无), numbers by value
// ("1MB" before "10MB"), and case, width and accents ignored (ties are
// broken by path). A key is computed once per article and compared as
// bytes, so sorting 150,000 titles costs no collation per comparison. A
// titleKeyer is not safe for concurrent use: make one per goroutine.
type titleKeyer struct {
	c   *collate.Collator
	buf collate.Buffer
}

// newTitleKeyer returns a keyer for the title order.
func newTitleKeyer() *titleKeyer {
	return &titleKeyer{c: collate.New(language.Chinese, collate.Loose, collate.Numeric)}
}

// key returns the collation key of a title.
func (k *titleKeyer) key(title string) string {
	s := string(k.c.KeyFromString(&k.buf, title))
	k.buf.Reset()
	return s
}

// titleKeys returns the collation keys of titles, in their order.
func titleKeys(titles []string) []string {
	k := newTitleKeyer()
	out := make([]string, len(titles))
	for i, t := range titles {
		out[i] = k.key(t)
	}
	return out
}
