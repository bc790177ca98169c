package app

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"folio/app/article"
	"folio/app/library"
	"folio/editor"
	"folio/editor/merge"
)

// rowTitleOf returns the list row title drawn for the article abs, and
// whether the list shows it.
func rowTitleOf(ws *workspace, abs string) (string, bool) {
	rel, _ := ws.index.Rel(abs)
	for i, r := range ws.list.rows {
		if !r.header && r.s.Path == rel {
			o := ws.list.create()
			ws.list.update(i, o)
			return o.(*fyne.Container).Objects[0].(*widget.Label).Text, true
		}
	}
	return "", false
}

// barText is every label's text and button in the restored bar.
func barText(ws *workspace) string {
	if !ws.hot.restored.Visible() {
		return ""
	}
	return barWords(ws.hot.restored)
}

// barWords is every label's text, and every button's as "[text]", in o.
func barWords(o fyne.CanvasObject) string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			out = append(out, v.Text)
		case *widget.Button:
			out = append(out, "["+v.Text+"]")
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return strings.Join(out, " ")
}

// typeInto opens path, types text at its end and waits until the journal
// holds it.
func typeInto(t *testing.T, ws *workspace, path, text string) string {
	t.Helper()
	ws.load(path)
	ws.src.SetCursorOffset(ws.src.Len())
	test.Type(ws.src, text)
	journalled(t, ws, path, ws.src.Text())
	return ws.src.Text()
}

// twoJournalled types into a.md and b.md (b last) and restarts, as after a
// kill -9; the new workspace has its list filled and nothing open.
func twoJournalled(t *testing.T) (ws2 *workspace, a, b, textA, textB string) {
	t.Helper()
	ws, dir := newTestWorkspace(t)
	ws.hot.delay = 10 * time.Millisecond
	a, b = filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")
	textA = typeInto(t, ws, a, "甲的草稿")
	time.Sleep(20 * time.Millisecond) // b's journal is the newer one
	textB = typeInto(t, ws, b, "乙的草稿")

	ws2 = restart(t, ws)
	ws2.hot.delay = 10 * time.Millisecond
	if err := ws2.index.Load(context.Background()); err != nil { // fill the list, open nothing
		t.Fatal(err)
	}
	ws2.list.show()
	if n := len(ws2.list.articles()); n != 2 {
		t.Fatalf("the list shows %d articles", n)
	}
	return ws2, a, b, textA, textB
}

func TestRestoreEveryJournalledArticleAtStart(t *testing.T) {
	ws, a, b, textA, textB := twoJournalled(t)
	if got := ws.hot.startArticle(""); got != b {
		t.Fatalf("start article %q, want the most recent %q", got, b)
	}
	ws.load(b)
	if ws.src.Text() != textB || !ws.art.Dirty() || !strings.HasPrefix(ws.win.Title(), "● ") {
		t.Fatalf("b: text %q dirty %v title %q", ws.src.Text(), ws.art.Dirty(), ws.win.Title())
	}
	bar := barText(ws)
	for _, want := range []string{"Restored unsaved changes", "1 other article has restored unsaved changes", "[Next restored]", "[Save All Restored]"} {
		if !strings.Contains(bar, want) {
			t.Errorf("restored bar %q lacks %q", bar, want)
		}
	}
	for _, p := range []string{a, b} {
		if title, ok := rowTitleOf(ws, p); !ok || !strings.HasPrefix(title, "● ") {
			t.Errorf("row of %s = %q (shown %v), want ●", filepath.Base(p), title, ok)
		}
	}

	// Going to a does not ask and loses nothing: b stays journalled and ●.
	ws.hot.nextRestored()
	if ws.art.Path() != a || ws.src.Text() != textA || !ws.art.Dirty() || ws.showing["Unsaved changes"] != nil {
		t.Fatalf("after Next: open %q text %q dirty %v", ws.art.Path(), ws.src.Text(), ws.art.Dirty())
	}
	if title, _ := rowTitleOf(ws, b); !strings.HasPrefix(title, "● ") {
		t.Errorf("b's row lost its ● after leaving it: %q", title)
	}
	if e, ok, _ := ws.hot.journal.Get(b); !ok || e.Text != textB {
		t.Fatalf("b's journal after leaving it: %q %v", e.Text, ok)
	}
	// More typing in a, then back to b and to a again: each keeps its text.
	test.Type(ws.src, "又一句")
	moreA := ws.src.Text()
	ws.open(b)
	if ws.src.Text() != textB || !ws.art.Dirty() {
		t.Fatalf("back in b: %q", ws.src.Text())
	}
	ws.open(a)
	if ws.src.Text() != moreA || !ws.art.Dirty() {
		t.Fatalf("back in a: %q, want %q", ws.src.Text(), moreA)
	}

	// Save All Restored writes both through the safe save.
	ws.hot.saveAllRestored()
	for p, want := range map[string]string{a: moreA, b: textB} {
		if got, _ := os.ReadFile(p); string(got) != want {
			t.Errorf("%s on disk = %q, want %q", filepath.Base(p), got, want)
		}
		noJournal(t, ws, p)
		if title, _ := rowTitleOf(ws, p); strings.HasPrefix(title, "●") {
			t.Errorf("%s still ● after saving: %q", filepath.Base(p), title)
		}
	}
	if ws.art.Dirty() {
		t.Error("the open article is still unsaved")
	}
}

func TestSaveAllRestoredRefusesAFileChangedMeanwhile(t *testing.T) {
	ws, a, b, textA, _ := twoJournalled(t)
	theirs := "---\ntitle: 别人改的\n---\n"
	write(t, a, theirs) // a changed on disk while Folio was dead
	ws.load(b)
	ws.hot.saveAllRestored()
	if got, _ := os.ReadFile(a); string(got) != theirs {
		t.Fatalf("a was written over the outside change: %q", got)
	}
	// a is opened in the conflict flow with its restored text.
	if ws.art.Path() != a || ws.art.Conflict() != article.ChangedOnDisk || ws.src.Text() != textA || !ws.conflict.Visible() {
		t.Fatalf("open %q conflict %v text %q", ws.art.Path(), ws.art.Conflict(), ws.src.Text())
	}
	if _, ok, _ := ws.hot.journal.Get(a); !ok {
		t.Fatal("a's journal went before its text was saved or discarded")
	}
}

func TestDiscardOneRestoredKeepsTheOthers(t *testing.T) {
	ws, a, b, textA, _ := twoJournalled(t)
	ws.load(b)
	ws.hot.discarded()
	ws.reload()
	noJournal(t, ws, b)
	if title, _ := rowTitleOf(ws, b); strings.HasPrefix(title, "●") {
		t.Errorf("b still ● after Discard: %q", title)
	}
	if title, _ := rowTitleOf(ws, a); !strings.HasPrefix(title, "● ") {
		t.Errorf("a lost its ●: %q", title)
	}
	if !strings.Contains(barText(ws), "1 other article") {
		t.Errorf("the bar forgot a: %q", barText(ws))
	}
	ws.open(a)
	if ws.src.Text() != textA {
		t.Fatalf("a = %q", ws.src.Text())
	}
}

func TestJournalsOfOtherFoldersAndDeletedFilesAreOffered(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	ws.hot.delay = 10 * time.Millisecond
	elsewhere := t.TempDir()
	outside := filepath.Join(elsewhere, "外面.md")
	write(t, outside, "# 外面\n")
	gone := filepath.Join(dir, "gone.md")
	for _, e := range []library.Entry{
		{Path: outside, Text: "# 外面\n改过\n", Loaded: library.SumOf([]byte("# 外面\n"))},
		{Path: gone, Text: "# 删掉的\n只在日志里\n", Loaded: library.SumOf([]byte("# 删掉的\n"))},
	} {
		if err := ws.hot.journal.Put(e); err != nil {
			t.Fatal(err)
		}
	}
	ws2 := restart(t, ws)
	ws2.load(filepath.Join(dir, "b.md"))
	bar := barText(ws2)
	if !strings.Contains(bar, "2 restored texts belong to files outside this folder or deleted") || !strings.Contains(bar, "[Recover…]") {
		t.Fatalf("bar %q", bar)
	}
	to, err := ws2.hot.recover(gone)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(to); filepath.Dir(to) != dir || string(got) != "# 删掉的\n只在日志里\n" {
		t.Fatalf("recovered %s = %q", to, got)
	}
	noJournal(t, ws2, gone)
	// A second recovery of the same name does not overwrite the first.
	if err := ws2.hot.journal.Put(library.Entry{Path: gone, Text: "第二份\n"}); err != nil {
		t.Fatal(err)
	}
	ws2.hot.others[gone] = library.Entry{Path: gone, Text: "第二份\n"}
	to2, err := ws2.hot.recover(gone)
	if err != nil || to2 == to || filepath.Base(to2) != "gone-recovered.md" {
		t.Fatalf("second recovery %q %v", to2, err)
	}
	if got, _ := os.ReadFile(to); string(got) != "# 删掉的\n只在日志里\n" {
		t.Fatalf("the first recovery was overwritten: %q", got)
	}
	// The outside one is still journalled: it is not lost by being elsewhere.
	if _, ok, _ := ws2.hot.journal.Get(outside); !ok {
		t.Fatal("the journal of a file outside the folder went")
	}
	// Open its folder: the file opens with its text restored.
	ws2.hot.openStray(outside)
	if ws2.root != elsewhere || ws2.art.Path() != outside || ws2.src.Text() != "# 外面\n改过\n" || !ws2.art.Dirty() {
		t.Fatalf("after Open its folder: root %q open %q text %q", ws2.root, ws2.art.Path(), ws2.src.Text())
	}
}

func TestOpeningAStrayFolderKeepsTheRestoredTextHere(t *testing.T) {
	ws, a, _, textA, _ := twoJournalled(t)
	elsewhere := t.TempDir()
	outside := filepath.Join(elsewhere, "外面.md")
	write(t, outside, "# 外面\n")
	ws.hot.others[outside] = library.Entry{Path: outside, Text: "# 外面\n改过\n", Loaded: library.SumOf([]byte("# 外面\n"))}
	ws.load(a)
	ws.hot.openStray(outside)
	if ws.showing["Unsaved changes"] != nil || ws.art.Path() != outside {
		t.Fatalf("asked, or did not switch: open %q", ws.art.Path())
	}
	if e, ok, _ := ws.hot.journal.Get(a); !ok || e.Text != textA {
		t.Fatalf("a's restored text left the journal: %q %v", e.Text, ok)
	}
}

func TestRestoredMergeShowsItsConflictsAgain(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	path := filepath.Join(dir, "a.md")
	res := merge.Merge(articleText, strings.Replace(articleText, "第一段。", "我的。", 1), strings.Replace(articleText, "第一段。", "他们的。", 1))
	if err := ws.hot.journal.Put(library.Entry{Path: path, Text: res.Text, Base: articleText, Loaded: library.SumOf([]byte(articleText))}); err != nil {
		t.Fatal(err)
	}
	ws2 := restart(t, ws)
	ws2.load(path)
	want := []editor.Mark{{FromLine: res.Conflicts[0].Line, ToLine: res.Conflicts[0].Line + 5, Kind: editor.MarkConflict}}
	if ws2.src.Text() != res.Text || !reflect.DeepEqual(ws2.src.Marks(), want) {
		t.Fatalf("text %q marks %v, want %v", ws2.src.Text(), ws2.src.Marks(), want)
	}
}

func TestSaveAllRestoredLeavesUnsettledConflicts(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")
	res := merge.Merge(articleText, strings.Replace(articleText, "第一段。", "我的。", 1), strings.Replace(articleText, "第一段。", "他们的。", 1))
	for _, e := range []library.Entry{
		{Path: a, Text: res.Text, Base: articleText, Loaded: library.SumOf([]byte(articleText))},
		{Path: b, Text: "# B\n已解决\n", Base: "# B\n", Loaded: library.SumOf([]byte("# B\n"))},
	} {
		if err := ws.hot.journal.Put(e); err != nil {
			t.Fatal(err)
		}
	}
	ws2 := restart(t, ws)
	ws2.load(b)
	ws2.hot.saveAllRestored()
	if got, _ := os.ReadFile(b); string(got) != "# B\n已解决\n" {
		t.Errorf("b = %q", got)
	}
	if got, _ := os.ReadFile(a); string(got) != articleText {
		t.Fatalf("a was saved with its conflict markers: %q", got)
	}
	if ws2.art.Path() != a || ws2.src.Text() != res.Text || len(ws2.src.Marks()) != 1 {
		t.Fatalf("a is not opened with its conflict marked: %q %v", ws2.art.Path(), ws2.src.Marks())
	}
}

func TestARestoredArticleRenamedOutsideKeepsItsText(t *testing.T) {
	ws, a, b, textA, _ := twoJournalled(t)
	ws.load(b)
	renamed := filepath.Join(filepath.Dir(a), "改名.md")
	if err := os.Rename(a, renamed); err != nil {
		t.Fatal(err)
	}
	ws.external([]library.Change{{Path: a, Removed: true}, {Path: renamed, From: a}})
	journalled(t, ws, renamed, textA)
	noJournal(t, ws, a)
	ws.open(renamed)
	if ws.src.Text() != textA || !ws.art.Dirty() {
		t.Fatalf("renamed article = %q", ws.src.Text())
	}
}

// conflictText is every label's text and button in the conflict bar.
func conflictText(ws *workspace) string {
	if !ws.conflict.Visible() {
		return ""
	}
	return barWords(ws.conflict.box)
}

// TestRestoredConflictIsOneBar: a restored article whose file changed on
// disk, with another restored article waiting, shows one bar: the
// conflict's choices, saying where the text came from. What waits in the
// other article is said once the conflict is settled.
func TestRestoredConflictIsOneBar(t *testing.T) {
	ws, a, b, _, _ := twoJournalled(t)
	write(t, b, strings.Replace(articleText, "旧标题", "别人的标题", 1))
	ws.load(b)
	if ws.art.Conflict() != article.ChangedOnDisk {
		t.Fatalf("conflict = %v", ws.art.Conflict())
	}
	bars := 0
	for _, o := range ws.panes.bars.Objects {
		if o.Visible() {
			bars++
		}
	}
	if bars != 1 || !ws.conflict.Visible() {
		t.Fatalf("%d bars above the editor (conflict %v, restored %q)", bars, ws.conflict.Visible(), barText(ws))
	}
	bar := conflictText(ws)
	for _, want := range []string{"Restored unsaved changes from", "changed on disk", "[Compare]", "[Merge]", "[Take theirs]", "[Keep mine]"} {
		if !strings.Contains(bar, want) {
			t.Errorf("conflict bar %q lacks %q", bar, want)
		}
	}
	ws.art.Dismiss() // Keep mine
	if ws.conflict.Visible() {
		t.Fatal("the conflict bar stays after Keep mine")
	}
	if bar := barText(ws); !strings.Contains(bar, "1 other article has restored unsaved changes") {
		t.Errorf("after the conflict, the restored bar says %q; want the other article (%s)", bar, filepath.Base(a))
	}
}

// TestRestoredConflictMergedIsOneBarToo: merging the restored article's
// conflict shows the merged bar alone; the other restored articles are
// said when it goes.
func TestRestoredConflictMergedIsOneBarToo(t *testing.T) {
	ws, _, b, _, _ := twoJournalled(t)
	write(t, b, strings.Replace(articleText, "旧标题", "别人的标题", 1))
	ws.load(b)
	ws.mergeDisk()
	bars := 0
	for _, o := range ws.panes.bars.Objects {
		if o.Visible() {
			bars++
		}
	}
	if bars != 1 || ws.conflict.merged == nil || !ws.conflict.merged.Visible() {
		t.Fatalf("%d bars after the merge (restored: %q)", bars, barText(ws))
	}
	ws.conflict.hideMerged()
	if bar := barText(ws); !strings.Contains(bar, "1 other article has restored unsaved changes") {
		t.Errorf("after the merged bar, the restored bar says %q", bar)
	}
}

// F24: recovering a deleted article's text wrote it to the folder's root;
// it goes back to its own folder when that still exists, and the recover
// dialog lets the user see the text first (Compare).
func TestRecoverRestoresToTheArticlesOwnFolder(t *testing.T) {
	ws, dir := newTestWorkspace(t)
	sub := filepath.Join(dir, "content", "en")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	gone := filepath.Join(sub, "删掉的.md")
	if err := ws.hot.journal.Put(library.Entry{Path: gone, Text: "# 删掉的\n只在日志里\n", Base: "# 删掉的\n", Loaded: library.SumOf([]byte("# 删掉的\n"))}); err != nil {
		t.Fatal(err)
	}
	ws2 := restart(t, ws)
	ws2.load(filepath.Join(dir, "b.md"))
	ws2.hot.showStrays()
	shown := canvasTexts(ws2.win.Canvas().Overlays().Top())
	for _, want := range []string{"Compare", "Restore to its place"} {
		if !strings.Contains(shown, want) {
			t.Errorf("recover dialog %q lacks %q", shown, want)
		}
	}
	ws2.hot.showStrayText(ws2.hot.others[gone])
	if shown := canvasTexts(ws2.win.Canvas().Overlays().Top()); !strings.Contains(shown, "只在日志里") {
		t.Errorf("compare shows %q, want the restored text", shown)
	}
	to, err := ws2.hot.recover(gone)
	if err != nil {
		t.Fatal(err)
	}
	if to != gone {
		t.Fatalf("recovered to %s, want its own place %s", to, gone)
	}
	if got, _ := os.ReadFile(gone); string(got) != "# 删掉的\n只在日志里\n" {
		t.Fatalf("recovered text %q", got)
	}
}

// F37: Quit asked about the open article only; the other restored
// articles that stay unsaved are named before Folio ends.
func TestQuitTellsOfTheOtherRestoredArticles(t *testing.T) {
	ws, _, _, _, _ := twoJournalled(t)
	left := false
	ws.leave = func(bool) { left = true }
	ws.quit()
	if left {
		t.Fatal("Quit ended Folio without a word about 2 restored unsaved articles")
	}
	d, ok := ws.showing["Unsaved restored articles"]
	if !ok {
		t.Fatal("no question about the restored articles")
	}
	if shown := canvasTexts(ws.win.Canvas().Overlays().Top()); !strings.Contains(shown, "2 other restored articles stay unsaved") {
		t.Fatalf("question %q", shown)
	}
	d.Hide()
	ws.hot.saveAllRestored()
	ws.quit()
	if !left {
		t.Fatal("Quit asked again with nothing restored left unsaved")
	}
}
