package markdown

import (
	"bytes"
	"testing"
	"time"
)

// BenchmarkSiteVars parses an article and converts every block (what
// scrolling through all of it shows), once for a site with variables and
// once without any, in turns in each iteration, and reports their ratio:
// the cost of showing "{{{ .name }}}" as values. The body is the seed
// article with a docs-cn-like reference in every paragraph's place of a
// word.
func BenchmarkSiteVars(b *testing.B) {
	site := LoadSite(siteVarsFixture)
	for _, size := range []struct {
		name string
		n    int
	}{{"seed", 0}, {"1MB", 1 << 20}} {
		body := bytes.ReplaceAll(seedBody(b, size.n), []byte("AI"), []byte("{{{ .starter }}}"))
		b.Run(size.name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			var with, without time.Duration
			for b.Loop() {
				t0 := time.Now()
				fillAll(NewDocument(NewFor(site)).Set(bytes.Clone(body)))
				t1 := time.Now()
				fillAll(NewDocument(NewFor(nil)).Set(bytes.Clone(body)))
				with += t1.Sub(t0)
				without += time.Since(t1)
			}
			b.ReportMetric(float64(with.Nanoseconds())/float64(b.N), "vars-ns/op")
			b.ReportMetric(float64(without.Nanoseconds())/float64(b.N), "plain-ns/op")
			b.ReportMetric(float64(with)/float64(without), "ratio")
		})
	}
}

func fillAll(blocks []*TopBlock) {
	for _, tb := range blocks {
		tb.Block.Fill()
	}
}
