package preview

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

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
