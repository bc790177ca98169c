package markdown

import (
	"unicode/utf8"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"

	"folio/editor/textwidth"
)

// cjkFlanking relaxes CommonMark's flanking rules for a delimiter run d of
// '*' next to CJK text, the way CJK-friendly Markdown parsers do
// (markdown-cjk-friendly; the remark parser behind docs.pingcap.com bolds
// these too): Chinese writers put the closing "**" right after CJK
// punctuation and before the next character, as in "**注意：**请先备份",
// where strict CommonMark sees a run that cannot close (it follows
// punctuation and precedes a letter) and shows the asterisks.
//
// A CJK character on the other side counts as a space does in the
// punctuation clause: a run after punctuation may close when a CJK
// character follows it, and a run before punctuation may open when a CJK
// character precedes it; CJK punctuation itself counts as a letter. Runs
// next to spaces are not changed. Underscores keep CommonMark's rules:
// "_gap locking_（间隙锁）" must close before the full-width parenthesis,
// and 中文_强调_中文 stays literal as between Latin letters. before is the
// character before the run, line the rest of the line from the run's
// first delimiter.
func cjkFlanking(d *parser.Delimiter, before rune, line []byte) {
	if d == nil || d.Char != '*' || d.Length == 0 || d.Length > len(line) {
		return
	}
	after := ' '
	if d.Length < len(line) {
		after, _ = utf8.DecodeRune(line[d.Length:])
	}
	beforeCJK, afterCJK := textwidth.IsCJK(before), textwidth.IsCJK(after)
	if !beforeCJK && !afterCJK {
		return // strict CommonMark: the run has no CJK neighbour
	}
	// CJK punctuation (。：，) is written without spaces around it: next to
	// a run it counts as a letter, so "**集中管理。**DM" closes before
	// Latin text too.
	beforePunct := util.IsPunctRune(before) && !beforeCJK
	afterPunct := util.IsPunctRune(after) && !afterCJK
	beforeSpace, afterSpace := util.IsSpaceRune(before), util.IsSpaceRune(after)
	isLeft := !afterSpace && (!afterPunct || beforeSpace || beforePunct || beforeCJK)
	isRight := !beforeSpace && (!beforePunct || afterSpace || afterPunct || afterCJK)
	d.CanOpen, d.CanClose = isLeft, isRight
}
