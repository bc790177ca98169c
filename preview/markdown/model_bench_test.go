package markdown

import (
	"bytes"
	"io"
	"os"
	"testing"
)

// seedBody is the reference article's body (after its front matter)
// repeated to at least n bytes.
func seedBody(b *testing.B, n int) []byte {
	src, err := os.ReadFile("../../assets/samples/2024-ai-trends.md")
	if err != nil {
		b.Fatal(err)
	}
	if i := bytes.Index(src[3:], []byte("\n---\n")); bytes.HasPrefix(src, []byte("---\n")) && i >= 0 {
		src = src[3+i+5:]
	}
	out := bytes.Clone(src)
	for len(out) < n {
		out = append(append(out, '\n'), src...)
	}
	return out
}

// BenchmarkModelFirstScreen is the model's part of a full update: parse
// the body and convert the blocks of the first screen (its first 2 KB),
// beside goldmark's parse→HTML of the same body, eager and deferred
// paragraph inlines.
func BenchmarkModelFirstScreen(b *testing.B) {
	for _, size := range []struct {
		name string
		n    int
	}{{"seed", 0}, {"100KB", 100 << 10}, {"1MB", 1 << 20}} {
		body := seedBody(b, size.n)
		b.Run(size.name+"/goldmark", func(b *testing.B) {
			md := New()
			for b.Loop() {
				if err := md.Convert(body, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
		for _, eager := range []bool{false, true} {
			name := size.name + "/deferred"
			if eager {
				name = size.name + "/eager"
			}
			b.Run(name, func(b *testing.B) {
				md := New()
				for b.Loop() {
					d := NewDocument(md)
					d.eagerInlines = eager
					for _, tb := range d.Set(body) {
						if tb.Start > 2048 {
							break
						}
						tb.Block.Fill()
					}
				}
			})
		}
	}
}
