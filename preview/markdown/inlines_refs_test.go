package markdown

import (
	"strings"
	"testing"
)

// TestDeferredInlinesFarReferences: a deferred paragraph resolves link
// references defined far from it (before, after, multi-line, case
// folded), as the eager parse does.
func TestDeferredInlinesFarReferences(t *testing.T) {
	filler := strings.Repeat("段落文字，很长的一句话。 some words here *em*.\n\n", 300)
	for _, s := range []string{
		"[r]: http://a 'T'\n\n" + filler + "see [x][r] and [r] and ![i][r] and [^1]\n\n" + filler,
		filler + "see [x][r] and [r]\n\n" + filler + "[r]: http://a\n",
		filler + "see [x][R] and [r]\n\n" + filler + "   [R]:\n   http://a\n   \"title\"\n",
		filler + "*em \n\n" + filler + "a <span>x</span> <!-- c\n\n-->\n",
	} {
		sameAsEager(t, []byte(s))
	}
}
