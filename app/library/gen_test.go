package library

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Vocabulary of the generated articles, in the manner of
// /work/shared/samples/seed-article.md: a Chinese tech blog.
var (
	genTopics = []string{
		"人工智能", "大语言模型", "云原生", "边缘计算", "数据库", "前端工程", "分布式系统", "网络安全",
		"机器学习", "深度学习", "微服务", "容器编排", "可观测性", "数据治理", "隐私计算", "推荐系统",
	}
	genTitleForms = []string{
		"%d年%s发展趋势预测", "%[2]s实战：从入门到精通", "深入理解%[2]s的核心原理", "%[2]s在企业中的落地实践（%[1]d）",
		"关于%[2]s的十个常见误区", "%[2]s性能优化指南", "一文读懂%[2]s", "%[2]s：机遇与挑战并存",
	}
	genCategories = []string{"行业洞察", "技术教程", "架构设计", "产品思考", "工程实践", "开源动态"}
	genAuthors    = []string{"李华", "王芳", "张伟", "刘洋", "陈静", "Alex Chen", "Maria García"}
	genTags       = []string{
		"AI趋势", "技术预测", "行业分析", "Go", "Rust", "Kubernetes", "LLM", "数据库", "性能优化",
		"架构", "安全", "前端", "React", "云计算", "DevOps", "开源", "机器学习", "教程",
	}
	genPhrases = []string{
		"随着技术的快速发展", "在实际应用中", "我们需要关注", "从长远来看", "值得注意的是",
		"这种方法能够显著提升", "为企业和开发者提供", "在各个行业中展现出巨大的潜力", "实现更低延迟、更高效率的服务",
		"数据安全和隐私保护", "模型的可解释性", "推理能力增强", "系统的整体稳定性", "团队的协作效率",
	}
	genEnglish = []string{
		"AI", "GPU", "API", "latency", "throughput", "Kubernetes", "transformer", "cache", "pipeline",
		"benchmark", "edge computing", "fine-tuning", "inference", "observability", "zero-copy", "WebAssembly",
	}
)

// genArticle returns one seed-shaped article: front matter (mostly YAML,
// some TOML and JSON) and a Chinese and English body of 3 to 8 KB.
func genArticle(r *rand.Rand, i int) []byte { return genArticleBody(r, i, 3<<10, 5<<10) }

// genArticleBody is genArticle with a body of minBody plus up to spread
// bytes.
func genArticleBody(r *rand.Rand, i, minBody, spread int) []byte {
	year := 2019 + r.IntN(7)
	topic := genTopics[r.IntN(len(genTopics))]
	title := fmt.Sprintf(genTitleForms[r.IntN(len(genTitleForms))], year, topic)
	date := fmt.Sprintf("%d-%02d-%02d", year, 1+r.IntN(12), 1+r.IntN(28))
	category := genCategories[r.IntN(len(genCategories))]
	author := genAuthors[r.IntN(len(genAuthors))]
	tags := make([]string, 0, 5)
	for _, k := range r.Perm(len(genTags))[:1+r.IntN(5)] {
		tags = append(tags, genTags[k])
	}
	summary := genSentence(r) + genSentence(r)
	featured := r.IntN(5) == 0
	draft := r.IntN(10) == 0

	var b strings.Builder
	b.Grow(9 << 10)
	switch k := r.IntN(20); {
	case k == 0: // TOML
		fmt.Fprintf(&b, "+++\ntitle = %q\nsummary = %q\ncategory = %q\nauthor = %q\ndate = %s\nreadTime = \"%d分钟\"\ntags = [%s]\nfeatured = %v\ndraft = %v\n+++\n",
			title, summary, category, author, date, 3+r.IntN(20), quoteJoin(tags), featured, draft)
	case k == 1: // JSON
		fmt.Fprintf(&b, "{\n  \"title\": %q,\n  \"summary\": %q,\n  \"category\": %q,\n  \"author\": %q,\n  \"date\": %q,\n  \"tags\": [%s],\n  \"featured\": %v,\n  \"draft\": %v\n}\n",
			title, summary, category, author, date, quoteJoin(tags), featured, draft)
	case k < 6: // YAML, block list, unquoted values, a comment
		fmt.Fprintf(&b, "---\n# 草稿 %d\ntitle: %s\nsummary: %s\ncategory: %s\nauthor: %s\ndate: %s\ntags:\n", i, title, summary, category, author, date)
		for _, t := range tags {
			fmt.Fprintf(&b, "  - %s\n", t)
		}
		fmt.Fprintf(&b, "featured: %v\ndraft: %v\n---\n", featured, draft)
	default: // YAML exactly like the seed article
		fmt.Fprintf(&b, "---\ntitle: %q\nsummary: %q\ncategory: %q\nauthor: %q\npublishDate: %q\nreadTime: \"%d分钟\"\ntags: [%s]\nfeatured: %v\n",
			title, summary, category, author, date, 3+r.IntN(20), quoteJoin(tags), featured)
		if draft {
			b.WriteString("draft: true\n")
		}
		b.WriteString("---\n")
	}

	fmt.Fprintf(&b, "\n# %s\n\n", title)
	target := b.Len() + minBody + r.IntN(spread)
	for b.Len() < target {
		switch r.IntN(8) {
		case 0:
			fmt.Fprintf(&b, "## %s\n\n", genTopics[r.IntN(len(genTopics))]+genPhrases[r.IntN(4)])
		case 1, 2:
			for range 3 + r.IntN(3) {
				fmt.Fprintf(&b, "- **%s**：%s\n", genTopics[r.IntN(len(genTopics))], genSentence(r))
			}
			b.WriteString("\n")
		case 3:
			fmt.Fprintf(&b, "```go\n// %s\nfunc f%d(ctx context.Context) error {\n\treturn nil\n}\n```\n\n", genEnglish[r.IntN(len(genEnglish))], r.IntN(100))
		default:
			for range 2 + r.IntN(4) {
				b.WriteString(genSentence(r))
			}
			if r.IntN(4) == 0 {
				fmt.Fprintf(&b, "参见[%s](https://example.com/%d)。", genEnglish[r.IntN(len(genEnglish))], r.IntN(1000))
			}
			b.WriteString("\n\n")
		}
	}
	return []byte(b.String())
}

// genSentence returns one sentence mixing Chinese phrases and English terms.
func genSentence(r *rand.Rand) string {
	return genPhrases[r.IntN(len(genPhrases))] + " " + genEnglish[r.IntN(len(genEnglish))] + " " +
		genPhrases[r.IntN(len(genPhrases))] + "，" + genPhrases[r.IntN(len(genPhrases))] + "。"
}

func quoteJoin(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// genFolder writes n generated articles under dir, the same ones for the
// same seed: about a fifth at the top, the rest in year and category
// folders, a few with Chinese file names.
func genFolder(tb testing.TB, dir string, n int, seed uint64) {
	tb.Helper()
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	made := map[string]bool{}
	for i := range n {
		data := genArticle(r, i)
		var rel string
		switch k := r.IntN(10); {
		case k < 2:
			rel = fmt.Sprintf("post-%05d.md", i)
		case k < 3:
			rel = fmt.Sprintf("%s/文章-%05d.md", genCategories[r.IntN(len(genCategories))], i)
		default:
			rel = fmt.Sprintf("posts/%d/%02d/article-%05d.md", 2019+r.IntN(7), 1+r.IntN(12), i)
		}
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				tb.Fatal(err)
			}
			made[d] = true
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

func TestGenFolder(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	genFolder(t, a, 50, 7)
	genFolder(t, b, 50, 7)
	pa, _ := visitPaths(t, a)
	pb, _ := visitPaths(t, b)
	if len(pa) != 50 || strings.Join(pa, "\n") != strings.Join(pb, "\n") {
		t.Fatalf("generator not deterministic or lost files: %d vs %d", len(pa), len(pb))
	}
	for _, p := range pa {
		da, _ := os.ReadFile(filepath.Join(a, p))
		db, _ := os.ReadFile(filepath.Join(b, p))
		if string(da) != string(db) {
			t.Fatalf("%s differs between two runs with the same seed", p)
		}
		if n := len(da); n < 3<<10 || n > 10<<10 {
			t.Errorf("%s is %d bytes, want a 3-8 KB body", p, n)
		}
	}
}

// genHugoFolder writes n generated articles under dir shaped like a Hugo
// site's content tree, the same ones for the same seed: bodies of 1 to
// 4 KB; sections and subsections of a few dozen to a few hundred pages
// each (posts/YYYY/MM, docs/section/sub, blog/category), a third of the
// posts page bundles (a folder holding index.md and an image), and each
// section's _index.md.
func genHugoFolder(tb testing.TB, dir string, n int, seed uint64) {
	tb.Helper()
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	made := map[string]bool{}
	write := func(rel string, data []byte) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				tb.Fatal(err)
			}
			made[d] = true
			if sec := filepath.Join(d, "_index.md"); filepath.Base(d) != "content" && !strings.HasPrefix(filepath.Base(d), "b-") {
				if err := os.WriteFile(sec, []byte("---\ntitle: "+filepath.Base(d)+"\n---\n"), 0o644); err != nil {
					tb.Fatal(err)
				}
				n--
			}
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	for i := 0; n > 0; i++ {
		data := genArticleBody(r, i, 1<<10, 3<<10)
		switch k := r.IntN(10); {
		case k < 2: // a page bundle
			b := fmt.Sprintf("content/posts/%d/b-%06d", 2015+r.IntN(11), i)
			write(b+"/index.md", data)
			write(b+"/cover.png", []byte("\x89PNG\r\n\x1a\n"))
		case k < 6:
			write(fmt.Sprintf("content/posts/%d/%02d/post-%06d.md", 2015+r.IntN(11), 1+r.IntN(12), i), data)
		case k < 9:
			write(fmt.Sprintf("content/docs/%s/s%02d/page-%06d.md", genCategories[r.IntN(len(genCategories))], r.IntN(40), i), data)
		default:
			write(fmt.Sprintf("content/blog/%s/文章-%06d.md", genTopics[r.IntN(len(genTopics))], i), data)
		}
		n--
	}
}

// TestGenFolderTo writes a generated folder for measuring the app by hand
// and for .ci/latency when FOLIO_GEN_DIR is set (FOLIO_GEN_N articles,
// 150,000 by default; FOLIO_GEN_LAYOUT=hugo shapes it as a Hugo content
// tree, see genHugoFolder):
//
//	FOLIO_GEN_DIR=/tmp/f150k go test -run TestGenFolderTo ./app/library/
func TestGenFolderTo(t *testing.T) {
	dir := os.Getenv("FOLIO_GEN_DIR")
	if dir == "" {
		t.Skip("FOLIO_GEN_DIR not set")
	}
	n := 150_000
	if v, err := strconv.Atoi(os.Getenv("FOLIO_GEN_N")); err == nil && v > 0 {
		n = v
	}
	if os.Getenv("FOLIO_GEN_LAYOUT") == "hugo" {
		genHugoFolder(t, dir, n, 1)
	} else {
		genFolder(t, dir, n, 1)
	}
	paths, _ := visitPaths(t, dir)
	if len(paths) < n {
		t.Fatalf("%d articles written under %s, want %d", len(paths), filepath.Clean(dir), n)
	}
}
