package preview

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// detailsArticle is shaped like docs-cn's tiflash-deployment-topology.md:
// a long table above two closed <details> holding long YAML, text below.
func detailsArticle() string {
	var b strings.Builder
	b.WriteString("# TiFlash 部署拓扑\n\n本文介绍部署 TiFlash 的拓扑结构。\n\n## 拓扑信息\n\n|实例 | 个数 | 物理机配置 | IP |\n| :-- | :-- | :-- | :-- |\n")
	for i := range 12 {
		fmt.Fprintf(&b, "| TiKV %d | 3 | 16 VCore 32GB 2TB (nvme ssd) * 1 | 10.0.1.1 <br/> 10.0.1.2 <br/> 10.0.1.3 |\n", i)
	}
	b.WriteString("\n> **注意：**\n>\n> 该表中拓扑实例的 IP 为示例 IP。\n\n### 拓扑模版\n\n")
	for _, s := range []string{"简单 TiFlash 配置模版", "详细 TiFlash 配置模版"} {
		b.WriteString("<details>\n<summary>" + s + "</summary>\n\n```yaml\n")
		for i := range 40 {
			fmt.Fprintf(&b, "key%d: value %d\n", i, i)
		}
		b.WriteString("```\n\n</details>\n\n")
	}
	for i := range 30 {
		fmt.Fprintf(&b, "段落 %d：拓扑结构的说明文字。\n\n", i)
	}
	return b.String()
}

// TestDetailsSummaryStaysUnderTheMouse: clicking a <details> summary in
// the middle of a scrolled preview opens (and closes) it with the summary
// where it was on screen (QA7 H1: the view jumped ~350 px away).
func TestDetailsSummaryStaysUnderTheMouse(t *testing.T) {
	p := showPreview(t)
	p.updateNow([]byte(detailsArticle()), Meta{}, "", 1)
	// the first details' box, if it is on screen
	summary := func() *fyne.Container {
		for i := range p.items {
			if b := p.items[i].block; b != nil && b.Kind.String() == "details" {
				if !p.visible[i] {
					return nil
				}
				return p.objectFor(i).(*fyne.Container)
			}
		}
		return nil
	}
	// the summary's y in the pane
	screenY := func(box *fyne.Container) float32 {
		head := box.Objects[0].(*fyne.Container)
		f := findType[*textFlow](head)[0]
		return box.Position().Y + head.Position().Y + f.Position().Y - p.scroll.Offset.Y
	}
	// wheel down until the first summary is in the middle of the pane
	for range 200 {
		if s := summary(); s != nil && screenY(s) < p.scroll.Size().Height/2 {
			break
		}
		p.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -20}})
	}
	s := summary()
	if s == nil {
		t.Fatal("the summary never came on screen")
	}
	before := screenY(s)
	if before < 50 || before > p.scroll.Size().Height-50 {
		t.Fatalf("the summary is at %.0f of %.0f: not mid-pane", before, p.scroll.Size().Height)
	}
	for _, what := range []string{"opening", "closing"} {
		test.Tap(findType[*textFlow](s.Objects[0])[0])
		s = summary()
		if s == nil {
			t.Fatalf("%s: the summary left the screen (offset %.0f)", what, p.scroll.Offset.Y)
		}
		if after := screenY(s); after < before-1 || after > before+1 {
			t.Errorf("%s: the summary moved from %.0f to %.0f on screen", what, before, after)
		}
	}
}
