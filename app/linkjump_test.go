package app

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"folio/preview"
)

// TestLinkWithAFragmentLandsOnTheHeading: a link to another article with a
// #fragment opens it with the caret on that heading and the preview
// scrolled there, also when the article is big enough to be parsed off the
// UI goroutine (QA F10: it opened at the top).
func TestLinkWithAFragmentLandsOnTheHeading(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	q := queues[ws]
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "system-variables.md")
	write(t, b, longArticle("变量", 2500)) // > 64 KB: parsed by the worker
	ws.load(a)
	q.runFor(200 * time.Millisecond)
	sc := previewScroll(t, ws)

	ws.openLinked(b, "第-2000-节")
	q.runFor(1500 * time.Millisecond)
	if ws.art.Path() != b {
		t.Fatalf("open article %s, want %s", ws.art.Path(), b)
	}
	want := strings.Index(ws.src.Text(), "## 第 2000 节")
	if got := ws.src.CursorOffset(); got != want {
		t.Errorf("caret at %d (%q), want the heading at %d", got, ws.src.Text()[got:min(got+20, len(ws.src.Text()))], want)
	}
	if sc.Offset.Y < 1000 {
		t.Errorf("preview offset %v once shown, want scrolled down to the heading", sc.Offset.Y)
	}
	sc.Content.Resize(sc.Content.MinSize()) // no render loop lays it out in a test
	ws.prev.ScrollToSourceLine(0)
	ws.openLinked(b, "第-2000-节") // the same article: land again
	q.runFor(300 * time.Millisecond)
	if sc.Offset.Y < 1000 {
		t.Errorf("preview offset %v, want scrolled down to the heading", sc.Offset.Y)
	}

	ws.openLinked(b, "没有这个")
	if msg := ws.status.label.Text; !strings.Contains(msg, "没有这个") {
		t.Errorf("status %q, want it to say the heading is missing", msg)
	}
}

// TestInertLinkSaysWhereItPoints: a link Folio cannot follow says so in the
// status bar with its destination (QA F15: nothing happened).
func TestInertLinkSaysWhereItPoints(t *testing.T) {
	ws, _ := newTestWorkspace(t)
	for _, tc := range []struct {
		dest string
		why  preview.InertReason
		says string
	}{
		{"ftp://x/y", preview.InertOther, "leads to no article"},
		{"g", preview.InertHook, "render hook"},
		{"/configuration/nothing/", preview.InertMissing, "No article found"},
	} {
		ws.prev.OnInertLink(tc.dest, tc.why)
		if msg := ws.status.label.Text; !strings.Contains(msg, "“"+tc.dest+"”") || !strings.Contains(msg, tc.says) {
			t.Errorf("status %q, want the link's destination and %q", msg, tc.says)
		}
	}
}

// QA F36: Hugo's docs link to a definition term of another article
// ([`baseURL`]: /configuration/all/#baseurl); no heading has that id, the
// term does, and the caret lands on it.
func TestLinkLandsOnADefinitionTerm(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	q := queues[ws]
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "all.md")
	write(t, b, "---\ntitle: All settings\n---\n\n## Settings\n\n`archetypeDir`\n: The designated directory.\n\n`baseURL`\n: The absolute URL.\n")
	ws.load(a)
	q.runFor(200 * time.Millisecond)
	ws.openLinked(b, "baseurl")
	q.runFor(500 * time.Millisecond)
	if ws.art.Path() != b {
		t.Fatalf("open article %s, want %s", ws.art.Path(), b)
	}
	want := strings.Index(ws.src.Text(), "`baseURL`")
	if got := ws.src.CursorOffset(); got != want {
		t.Errorf("caret at %d, want the term at %d", got, want)
	}
	if msg := ws.status.label.Text; strings.Contains(msg, "baseurl") {
		t.Errorf("status %q says the anchor is missing", msg)
	}
}

// A link to a Markdown file that does not exist says so in the status bar,
// as a page link no article answers does, and leaves the open article as
// it is (it was shown as a problem of the open article: "Could not open
// nothing.md: open nothing.md: open …: no such file or directory").
func TestDeadArticleLinkSaysSo(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	a := filepath.Join(dir, "a.md")
	ws.load(a)
	ws.openLinked(filepath.Join(dir, "docs", "gone.md"), "x")
	if ws.art.Path() != a {
		t.Errorf("open article %s, want %s kept", ws.art.Path(), a)
	}
	if msg := ws.status.label.Text; !strings.Contains(msg, "No article found") || !strings.Contains(msg, "docs/gone.md") {
		t.Errorf("status %q, want it to name the missing article", msg)
	}
	if p := ws.status.problemText(); p != "" {
		t.Errorf("problem %q shown for the open article", p)
	}
}

// An in-article #fragment the preview finds no heading for goes to the
// app, which lands on a definition term with that id or says there is no
// such heading (it did nothing).
func TestAnchorOfThisArticleFindsATermOrSaysSo(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	q := queues[ws]
	b := filepath.Join(dir, "all.md")
	write(t, b, "---\ntitle: All\n---\n\nSee [base](#baseurl) and [none](#nothing).\n\n`archetypeDir`\n: The directory.\n\n`baseURL`\n: The absolute URL.\n")
	ws.load(b)
	q.runFor(300 * time.Millisecond)
	ws.prev.OnInertLink("#baseurl", preview.InertNoHeading)
	if want := strings.Index(ws.src.Text(), "`baseURL`"); ws.src.CursorOffset() != want {
		t.Errorf("caret at %d, want the term at %d", ws.src.CursorOffset(), want)
	}
	ws.prev.OnInertLink("#nothing", preview.InertNoHeading)
	if msg := ws.status.label.Text; !strings.Contains(msg, "#nothing") {
		t.Errorf("status %q, want it to say there is no such heading", msg)
	}
}

// hugoDocs gives headings and definition terms ids from one set (its
// config sets autoDefinitionTermID): on its deployment page the term
// `matchers` is #matchers and the heading "Matchers" after it #matchers-1,
// which the term's definition links to. The link landed nowhere ("No
// heading") and #matchers on the heading.
func TestAnchorsOfHeadingsAndTermsShareOneSet(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	q := queues[ws]
	write(t, filepath.Join(dir, "hugo.toml"), "[markup.goldmark.parser]\nautoDefinitionTermID = true\n")
	b := filepath.Join(dir, "deployment.md")
	write(t, b, "---\ntitle: Deployment\n---\n\n`matchers`\n: A slice of [matchers](#matchers-1).\n\n## Targets\n\n## Matchers\n\ntext\n")
	ws.load(b)
	q.runFor(300 * time.Millisecond)
	for anchor, want := range map[string]string{"matchers-1": "## Matchers", "matchers": "`matchers`", "targets": "## Targets"} {
		ws.openLinked(b, anchor)
		if at := strings.Index(ws.src.Text(), want); ws.src.CursorOffset() != at {
			t.Errorf("#%s: caret at %d, want %q at %d (status %q)", anchor, ws.src.CursorOffset(), want, at, ws.status.label.Text)
		}
	}
}
