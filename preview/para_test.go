package preview

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	foliotheme "folio/app/theme"
)

// bigPara is an article with one paragraph of about n bytes of lines with
// no blank line between them (a big paste), between two small ones.
func bigPara(n int) []byte {
	var b bytes.Buffer
	b.WriteString("before\n\n")
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "line %d of the pasted text, 中文也有 some words to wrap %d\n", i, i)
	}
	b.WriteString("\nafter\n")
	return b.Bytes()
}

// bigLine is an article with one paragraph that is one line of about n
// bytes.
func bigLine(n int) []byte {
	var b bytes.Buffer
	b.WriteString("before\n\n")
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "word%d 中文%d ", i, i)
	}
	b.WriteString("\n\nafter\n")
	return b.Bytes()
}

// TestBigParagraphIsParts: a 3 MB paragraph and a 900 KB line are cut into
// parts on the parsing goroutine, converted there, so the UI goroutine
// builds and lays out only the few parts on screen; every word is in the
// parts, in order.
func TestBigParagraphIsParts(t *testing.T) {
	for _, tc := range []struct {
		name string
		body []byte
	}{{"para3MB", bigPara(3 << 20)}, {"line900KB", bigLine(900 << 10)}} {
		t.Run(tc.name, func(t *testing.T) {
			p := showPreview(t)
			test.NewTempApp(t).Settings().SetTheme(foliotheme.New(foliotheme.Options{}))
			p.work.Lock()
			res := p.parse(&request{body: tc.body, firstLine: 1}, 1)
			p.work.Unlock()
			var para *Block
			for _, tb := range res.blocks {
				if len(tb.Block.Parts()) > 0 {
					para = tb.Block
				}
			}
			if para == nil || para.Kind != KindParagraph || len(para.Parts()) < 50 {
				t.Fatalf("the big paragraph is not cut into parts: %+v", para)
			}
			var words []string
			for _, part := range para.Parts() {
				if !part.Converted() {
					t.Fatal("a part is left to convert on the UI goroutine")
				}
				n := 0
				for _, r := range part.Inlines {
					n += len(r.Text)
					words = append(words, strings.Fields(r.Text)...)
				}
				if n > 10<<10 {
					t.Errorf("a part holds %d bytes of text; want about 8 KB", n)
				}
			}
			src := string(tc.body[len("before\n\n") : len(tc.body)-len("\n\nafter\n")+1])
			if want := strings.Fields(src); strings.Join(words, " ") != strings.Join(want, " ") {
				t.Errorf("the parts hold %d words, the source %d (or not the same)", len(words), len(want))
			}

			p.updateNow(tc.body, Meta{}, "", 1)
			if len(p.built) > 12 {
				t.Errorf("%d items built for one screen; want only those on screen", len(p.built))
			}
			for _, b := range p.built {
				n := 0
				for _, r := range b.Inlines {
					n += len(r.Text)
				}
				if n > 10<<10 {
					t.Errorf("a built item holds %d bytes of text", n)
				}
			}
		})
	}
}

// TestBigParagraphCopiesWhole: the text copied from a big paragraph shown
// as parts is the paragraph's text: its parts joined with the space cut
// at (Latin), or with nothing (Chinese without spaces), never a line break.
func TestBigParagraphCopiesWhole(t *testing.T) {
	var zh strings.Builder
	for zh.Len() < 100<<10 {
		zh.WriteString("中文段落没有空格的长文本第")
	}
	for _, body := range [][]byte{bigPara(100 << 10), bigLine(100 << 10), []byte(zh.String() + "\n")} {
		test.NewTempApp(t).Settings().SetTheme(foliotheme.New(foliotheme.Options{}))
		p := New()
		test.NewTempWindow(t, p).Resize(fyne.NewSize(600, 600))
		p.updateNow(body, Meta{}, "", 1)
		if len(p.items) < 5 {
			t.Fatalf("%d items: the paragraph is not cut into parts", len(p.items))
		}
		p.SelectAll()
		got := p.SelectedText()
		want := strings.Join(strings.Fields(string(body)), " ")
		want = strings.Replace(strings.Replace(want, "before ", "before\n\n", 1), " after", "\n\nafter", 1)
		if got != want {
			i := 0
			for i < min(len(got), len(want)) && got[i] == want[i] {
				i++
			}
			t.Errorf("copied text differs at byte %d of %d: got %q, want %q", i, len(want), got[i:min(i+30, len(got))], want[i:min(i+30, len(want))])
		}
	}
}
