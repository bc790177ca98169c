package library

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"text/template"
	"time"
	"unicode"
	"unicode/utf8"

	"folio/editor/document"
)

// NewRequest describes an article to create.
type NewRequest struct {
	// Root is the opened folder. Templates are looked for from Dir up to
	// Root, and above Root up to the site's root (the folder holding
	// hugo.toml, config.toml, _config.yml…).
	Root string
	// Dir is the folder the article goes into (absolute, or relative to
	// Root).
	Dir string
	// Title is the title the user typed. It becomes the article's title
	// whatever the template computes, and the file name's slug.
	Title string
	// Now is the creation time (the zero time: time.Now()).
	Now time.Time
	// Common are the folder's common front matter fields (from the
	// folder's schema), used when the site has no template. Their values
	// tell the kind of each field; the new article gets empty values of
	// that kind, and today's date for dates.
	Common []document.Field
	// Exists reports whether a file name (relative to Dir) is taken, for
	// names the caller knows of that are not on disk yet. nil: only the
	// disk is asked. The disk is always asked too.
	Exists func(name string) bool
}

// ErrTemplate marks an error from NewArticle whose results are still
// usable: the site's template could not be rendered (an unknown function,
// a template error, or front matter the title cannot be set in), and the
// article was made from the plain template instead.
var ErrTemplate = errors.New("the site's article template could not be used; a plain template was used instead")

// TemplateError is the error NewArticle returns, alongside a usable name
// and content, when the site's template could not be rendered. It wraps
// ErrTemplate.
type TemplateError struct {
	// Template is the template file's path.
	Template string
	// Err is what went wrong.
	Err error
}

func (e *TemplateError) Error() string {
	return fmt.Sprintf("template %s: %v; a plain template was used instead", e.Template, e.Err)
}

// Unwrap returns ErrTemplate and the cause.
func (e *TemplateError) Unwrap() []error { return []error{ErrTemplate, e.Err} }

// NewArticle returns the file name (relative to req.Dir) and the content of
// a new article titled req.Title. It writes nothing: the caller saves data
// with Save(filepath.Join(dir, name), data, Sum{}).
//
// The file name is a slug of the title (lower-case ASCII letters, digits
// and any other letters such as Chinese kept as they are, everything else a
// single hyphen), never empty and never the name of an existing file (-2,
// -3… is appended). It starts with the date only when the site asks for it:
// Hexo's new_post_name in _config.yml, or most of the Markdown files in
// the folder already start with a date.
//
// The front matter comes from the site's template: Hugo's
// archetypes/<section>.md or archetypes/default.md, rendered with Go's
// text/template and the functions archetypes use, or Hexo's
// scaffolds/post.md; otherwise it holds the Common fields with empty values
// and today's date. The title is then set with document's minimal-diff Set.
//
// When the site's template cannot be used, NewArticle still returns a name
// and the plain template's content, with a *TemplateError (errors.Is
// ErrTemplate) saying why. Any other error leaves name and data empty.
func NewArticle(req NewRequest) (name string, data []byte, err error) {
	if strings.TrimSpace(req.Title) == "" {
		return "", nil, errors.New("new article: empty title")
	}
	if req.Now.IsZero() {
		req.Now = time.Now()
	}
	dir := req.Dir
	if !filepath.IsAbs(dir) && req.Root != "" {
		dir = filepath.Join(req.Root, dir)
	}
	dir = filepath.Clean(dir)
	if info, err := os.Stat(dir); err != nil {
		return "", nil, fmt.Errorf("new article: %w", err)
	} else if !info.IsDir() {
		return "", nil, fmt.Errorf("new article: %s is not a folder", dir)
	}
	site := findSite(dir, req.Root)
	if site.loc != nil {
		req.Now = req.Now.In(site.loc) // dates as the site writes them (Hugo timeZone, Hexo timezone)
	}

	base := Slug(req.Title)
	if pat := site.hexoNewPostName(); pat != "" {
		base = hexoName(pat, base, req.Now)
	} else if datedFolder(dir) {
		base = req.Now.Format("2006-01-02") + "-" + base
	}
	name = uniqueName(dir, base, ".md", req.Exists)

	data, tplErr := renderTemplate(site, dir, name, req)
	if data == nil || tplErr != nil {
		data, err = plainArticle(dir, req)
		if err != nil {
			return "", nil, fmt.Errorf("new article: %w", err)
		}
	}
	return name, data, tplErr
}

// site is what NewArticle knows of the site around a folder.
type site struct {
	dirs    []string       // the folders from Dir up to the site root (or Root), innermost first
	root    string         // the site's root (holding its config file), or ""
	kind    string         // "hugo", "hexo" or ""
	content string         // the site's content folder (Hugo's contentDir, Hexo's source/_posts), or ""
	config  map[string]any // the site's configuration, when it could be read
	loc     *time.Location // the site's time zone, or nil
}

// maxAboveRoot is how many folders above Root are searched for the site's
// root.
const maxAboveRoot = 4

// findSite finds the site around dir with FindSite, looking no higher
// than a few folders above root, and collects the folders from dir up to
// the site's root (or up to root when there is no site) where templates
// are looked for. A site config that cannot be read counts as none.
func findSite(dir, root string) site {
	var s site
	root = filepath.Clean(root)
	stop := root
	for range maxAboveRoot {
		stop = filepath.Dir(stop)
	}
	top := root
	if st, err := FindSite(dir, stop); err == nil && st != nil {
		s.root, s.content, top = st.Root, st.ContentDir, st.Root
		s.kind = strings.ToLower(st.Kind.String())
		s.loc = st.TimeZone
		if data, err := os.ReadFile(st.Config); err == nil {
			s.config = configMap(st.Config, data)
		}
	}
	for d := dir; ; {
		s.dirs = append(s.dirs, d)
		parent := filepath.Dir(d)
		if d == top || parent == d {
			break
		}
		d = parent
	}
	return s
}

// configMap reads a TOML, YAML or JSON configuration file into a map, with
// its keys as written; nil when it cannot be read.
func configMap(name string, data []byte) map[string]any {
	var fm []byte
	switch filepath.Ext(name) {
	case ".toml":
		fm = append(append([]byte("+++\n"), data...), "\n+++\n"...)
	case ".json":
		fm = data
	default:
		fm = append(append([]byte("---\n"), data...), "\n---\n"...)
	}
	doc, err := document.Parse(fm)
	if err != nil {
		return nil
	}
	m := map[string]any{}
	for _, f := range doc.Fields() {
		m[f.Key] = f.Value.Data()
	}
	return m
}

// configString returns a top-level string setting of the site.
func (s site) configString(key string) string {
	for k, v := range s.config {
		if strings.EqualFold(k, key) {
			if str, ok := v.(string); ok {
				return str
			}
		}
	}
	return ""
}

// hexoNewPostName returns Hexo's new_post_name when it asks for more than
// the title (the default ":title.md").
func (s site) hexoNewPostName() string {
	if s.kind != "hexo" {
		return ""
	}
	p := s.configString("new_post_name")
	if p == "" || p == ":title.md" || p == ":title" {
		return ""
	}
	return p
}

// hexoName fills Hexo's new_post_name placeholders. Only the last path
// element is kept: the article goes into the chosen folder.
func hexoName(pat, slug string, now time.Time) string {
	pat = strings.TrimSuffix(strings.TrimSuffix(pat, ".md"), ".markdown")
	if i := strings.LastIndexAny(pat, `/\`); i >= 0 {
		pat = pat[i+1:]
	}
	r := strings.NewReplacer(
		":title", slug,
		":year", now.Format("2006"),
		":i_month", fmt.Sprint(int(now.Month())),
		":month", now.Format("01"),
		":i_day", fmt.Sprint(now.Day()),
		":day", now.Format("02"),
		":hour", now.Format("15"),
		":minute", now.Format("04"),
		":second", now.Format("05"),
	)
	name := strings.Trim(r.Replace(pat), "-_ ")
	if name == "" {
		return slug
	}
	return name
}

// datePrefix matches a file name starting with a date: 2024-01-02-…
var datePrefix = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}[-_]`)

// datedFolder reports whether most (and at least two) of the Markdown files
// or page bundles in dir have names starting with a date.
func datedFolder(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	n, dated := 0, 0
	for _, e := range entries {
		name := e.Name()
		if skipName(name) || (!e.IsDir() && !IsMarkdown(name)) {
			continue
		}
		if e.IsDir() {
			if _, err := os.Stat(filepath.Join(dir, name, "index.md")); err != nil {
				continue
			}
		}
		n++
		if datePrefix.MatchString(name) {
			dated++
		}
	}
	return dated >= 2 && 2*dated > n
}

// maxSlug is the longest slug, in runes, before a suffix or extension.
const maxSlug = 60

// Slug turns a title into a file name stem: ASCII letters lower-cased,
// letters and digits of any script (Chinese included) kept, every run of
// other characters one hyphen, no hyphen at either end, at most 60
// characters. A title with no letter or digit gives "untitled"; a name
// Windows reserves (con, nul, com1…) gets "-post" appended.
func Slug(title string) string {
	var b strings.Builder
	n := 0
	hyphen := false
	for _, r := range title {
		if n >= maxSlug {
			break
		}
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
				n++
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
			n++
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
				n++
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
			n++
		default:
			hyphen = true
		}
	}
	s := b.String()
	if s == "" {
		return "untitled"
	}
	if reservedName(s) {
		s += "-post"
	}
	return s
}

// reservedName reports whether s is a device name Windows refuses as a file
// name.
func reservedName(s string) bool {
	switch s {
	case "con", "prn", "aux", "nul":
		return true
	}
	return len(s) == 4 && (strings.HasPrefix(s, "com") || strings.HasPrefix(s, "lpt")) && s[3] >= '1' && s[3] <= '9'
}

// uniqueName returns base+ext, or base-2+ext, base-3+ext… the first that
// neither exists in dir (as a file or a page bundle folder) nor is taken
// according to exists.
func uniqueName(dir, base, ext string, exists func(string) bool) string {
	for i := 1; ; i++ {
		stem := base
		if i > 1 {
			stem = fmt.Sprintf("%s-%d", base, i)
		}
		name := stem + ext
		if exists != nil && exists(name) {
			continue
		}
		if _, err := os.Lstat(filepath.Join(dir, name)); !errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if _, err := os.Lstat(filepath.Join(dir, stem)); !errors.Is(err, fs.ErrNotExist) {
			continue // a page bundle or folder of that name: its URL would clash
		}
		return name
	}
}

// renderTemplate renders the site's template for the new article and sets
// its title. It returns nil, nil when the site has no template.
func renderTemplate(s site, dir, name string, req NewRequest) ([]byte, error) {
	var path string
	var out []byte
	var err error
	switch {
	case s.kind == "hexo":
		path = filepath.Join(s.root, "scaffolds", "post.md")
		tpl, rerr := os.ReadFile(path)
		if rerr != nil {
			return nil, nil
		}
		out, err = renderHexo(tpl, s, req)
	default:
		path = s.archetype(dir)
		if path == "" {
			return nil, nil
		}
		tpl, rerr := os.ReadFile(path)
		if rerr != nil {
			return nil, &TemplateError{Template: path, Err: rerr}
		}
		out, err = renderHugo(tpl, filepath.Base(path), s, dir, name, req)
	}
	if err == nil {
		out, err = setTitle(out, req.Title)
	}
	if err != nil {
		return nil, &TemplateError{Template: path, Err: err}
	}
	return out, nil
}

// setTitle sets the title field of a rendered template with document's
// minimal-diff Set.
func setTitle(out []byte, title string) ([]byte, error) {
	doc, err := document.Parse(out)
	if err != nil {
		return nil, fmt.Errorf("the rendered front matter cannot be read: %w", err)
	}
	key := "title"
	for _, f := range doc.Fields() {
		if strings.EqualFold(f.Key, "title") {
			key = f.Key // keep "Title" where the template spells it so
			break
		}
	}
	if err := doc.Set(key, document.S(title)); err != nil {
		return nil, fmt.Errorf("set the title: %w", err)
	}
	return doc.Bytes(), nil
}

// archetype returns the Hugo archetype for an article in dir:
// archetypes/<section>.md, then archetypes/default.md, in each folder from
// dir up to the site root, then in the site's theme; "" when there is none.
func (s site) archetype(dir string) string {
	section := s.section(dir)
	var candidates []string
	for _, d := range s.dirs {
		if section != "" {
			candidates = append(candidates, filepath.Join(d, "archetypes", section+".md"))
		}
		candidates = append(candidates, filepath.Join(d, "archetypes", "default.md"))
	}
	if theme := s.configString("theme"); theme != "" && s.root != "" && !strings.ContainsAny(theme, `/\`) {
		d := filepath.Join(s.root, "themes", theme)
		if section != "" {
			candidates = append(candidates, filepath.Join(d, "archetypes", section+".md"))
		}
		candidates = append(candidates, filepath.Join(d, "archetypes", "default.md"))
	}
	for _, c := range candidates {
		if info, err := os.Stat(c); err == nil && info.Mode().IsRegular() {
			return c
		}
	}
	return ""
}

// contentDir returns the site's content folder, or the outermost folder
// searched when there is no site.
func (s site) contentDir() string {
	if s.content == "" {
		return s.dirs[len(s.dirs)-1]
	}
	return s.content
}

// section returns the Hugo section of an article in dir: the first folder
// below the content folder ("" at the top).
func (s site) section(dir string) string {
	rel, err := filepath.Rel(s.contentDir(), dir)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return ""
	}
	first, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	return first
}

// noValue is what text/template prints for a missing map key; Hugo prints
// nothing.
const noValue = "<no value>"

// renderHugo renders a Hugo archetype the way `hugo new` does.
func renderHugo(tpl []byte, tplName string, s site, dir, name string, req NewRequest) ([]byte, error) {
	stem := strings.TrimSuffix(name, filepath.Ext(name))
	section := s.section(dir)
	relDir := ""
	if rel, err := filepath.Rel(s.contentDir(), dir); err == nil && rel != "." && !strings.HasPrefix(rel, "..") {
		relDir = filepath.ToSlash(rel) + "/"
	}
	date := req.Now.Format(time.RFC3339)
	typ := section
	if typ == "" {
		typ = "page"
	}
	siteData := map[string]any{
		"Title":    s.configString("title"),
		"BaseURL":  s.configString("baseURL"),
		"Params":   map[string]any{},
		"Language": map[string]any{"Lang": s.configString("languageCode")},
	}
	for k, v := range s.config {
		switch strings.ToLower(k) {
		case "params":
			if m, ok := v.(map[string]any); ok {
				siteData["Params"] = lowerKeys(m)
			}
		case "author":
			siteData["Author"] = v
		}
	}
	data := map[string]any{
		"Date":        date,
		"PublishDate": date,
		"Lastmod":     date,
		"Name":        stem,
		"Title":       stem,
		"Type":        typ,
		"Section":     section,
		"Kind":        "page",
		"Draft":       true,
		"Site":        siteData,
		"Params":      map[string]any{},
		"File": map[string]any{
			"ContentBaseName":     stem,
			"BaseFileName":        stem,
			"TranslationBaseName": stem,
			"LogicalName":         name,
			"Ext":                 "md",
			"Dir":                 relDir,
			"Path":                relDir + name,
			"Section":             section,
		},
	}
	t, err := template.New(tplName).Funcs(hugoFuncs(req.Now, siteData)).Parse(string(tpl))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return nil, err
	}
	return bytes.ReplaceAll(b.Bytes(), []byte(noValue), nil), nil
}

// lowerKeys returns m with its keys lower-cased, as Hugo reads
// .Site.Params.
func lowerKeys(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if sub, ok := v.(map[string]any); ok {
			v = lowerKeys(sub)
		}
		out[strings.ToLower(k)] = v
	}
	return out
}

// hexoVar matches a Hexo scaffold placeholder: {{ title }}.
var hexoVar = regexp.MustCompile(`\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}`)

// renderHexo fills a Hexo scaffold's placeholders the way `hexo new` does.
// The title placeholder gets a plain stand-in that setTitle then replaces
// with correct quoting.
func renderHexo(tpl []byte, s site, req NewRequest) ([]byte, error) {
	dateFmt := momentLayout(s.configString("date_format"), "2006-01-02")
	timeFmt := momentLayout(s.configString("time_format"), "15:04:05")
	vals := map[string]string{
		"title":  "Untitled",
		"date":   req.Now.Format(dateFmt + " " + timeFmt),
		"layout": "post",
	}
	var err error
	out := hexoVar.ReplaceAllFunc(tpl, func(m []byte) []byte {
		k := string(hexoVar.FindSubmatch(m)[1])
		if v, ok := vals[k]; ok {
			return []byte(v)
		}
		return nil
	})
	if bytes.Contains(out, []byte("{{")) || bytes.Contains(out, []byte("{%")) {
		err = errors.New("the scaffold uses template tags Folio does not know")
	}
	return out, err
}

// momentLayout turns a Moment.js date format (Hexo's date_format) into a
// Go layout; def when it is empty.
func momentLayout(f, def string) string {
	if f == "" {
		return def
	}
	r := strings.NewReplacer("YYYY", "2006", "YY", "06", "MMMM", "January", "MMM", "Jan", "MM", "01", "M", "1",
		"DD", "02", "D", "2", "HH", "15", "H", "15", "hh", "03", "h", "3", "mm", "04", "m", "4", "ss", "05", "s", "5", "A", "PM", "a", "pm")
	return r.Replace(f)
}

// plainArticle returns an article made from the folder's common fields
// (empty values, today's date), or a title and a date when there are none,
// in the front matter syntax of the folder's articles.
func plainArticle(dir string, req NewRequest) ([]byte, error) {
	var seed string
	switch folderFormat(dir) {
	case document.TOML:
		seed = "+++\n+++\n"
	case document.JSON:
		seed = "{\n}\n"
	default:
		seed = "---\n---\n"
	}
	doc, err := document.Parse([]byte(seed))
	if err != nil {
		return nil, err
	}
	fields := req.Common
	if len(fields) == 0 {
		fields = []document.Field{{Key: "title", Value: document.S("")}, {Key: "date", Value: document.Value{Kind: document.Date, Text: req.Now.Format("2006-01-02")}}}
	}
	hasTitle := false
	for _, f := range fields {
		if strings.EqualFold(f.Key, "title") {
			hasTitle = true
			if err := doc.Set(f.Key, document.S(req.Title)); err != nil {
				return nil, err
			}
			continue
		}
		v, ok := emptyLike(f, req.Now)
		if !ok {
			continue
		}
		if err := doc.Set(f.Key, v); err != nil {
			return nil, fmt.Errorf("field %s: %w", f.Key, err)
		}
	}
	out := doc.Bytes()
	if !hasTitle {
		if out, err = setTitle(out, req.Title); err != nil {
			return nil, err
		}
	}
	return append(out, '\n'), nil
}

// dateKeys are keys that hold a date even when their sample value is empty.
var dateKeys = map[string]bool{"date": true, "publishdate": true, "pubdate": true, "created": true, "updated": true, "lastmod": true, "modified": true}

// emptyLike returns the value a new article gives a common field: today
// for a date (spelled like the sample: a date, or a timestamp), an empty
// string or list, false, 0. Nested maps and nulls are left out.
func emptyLike(f document.Field, now time.Time) (document.Value, bool) {
	v := f.Value
	isDate := v.Kind == document.Date || (v.Kind == document.String && datePrefixOnly.MatchString(v.Text)) ||
		(dateKeys[strings.ToLower(f.Key)] && (v.Kind == document.Null || v.Kind == document.String && v.Text == ""))
	if isDate {
		text := now.Format("2006-01-02")
		if strings.ContainsAny(v.Text, "T ") && len(v.Text) > 10 {
			text = now.Format(time.RFC3339)
		}
		return document.Value{Kind: v.Kind, Text: text}, true
	}
	switch v.Kind {
	case document.String:
		return document.S(""), true
	case document.List:
		return document.Value{Kind: document.List}, true
	case document.Bool:
		return document.Value{Kind: document.Bool, Text: "false"}, true
	case document.Int:
		return document.Value{Kind: document.Int, Text: "0"}, true
	case document.Float:
		return document.Value{Kind: document.Float, Text: "0"}, true
	}
	return document.Value{}, false
}

// datePrefixOnly matches a date-shaped string.
var datePrefixOnly = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)

// folderFormat returns the front matter syntax most of the first few
// articles in dir use (YAML when there are none).
func folderFormat(dir string) document.Format {
	entries, _ := os.ReadDir(dir)
	counts := map[document.Format]int{}
	seen := 0
	for _, e := range entries {
		if seen == 5 {
			break
		}
		if e.IsDir() || skipName(e.Name()) || !IsMarkdown(e.Name()) {
			continue
		}
		f, err := os.Open(filepath.Join(dir, e.Name()))
		if err != nil {
			continue
		}
		head := make([]byte, 4)
		n, _ := f.Read(head)
		f.Close()
		head = bytes.TrimPrefix(head[:n], []byte("\xef\xbb\xbf"))
		seen++
		switch {
		case bytes.HasPrefix(head, []byte("+++")):
			counts[document.TOML]++
		case bytes.HasPrefix(head, []byte("{")):
			counts[document.JSON]++
		default:
			counts[document.YAML]++
		}
	}
	best := document.YAML
	for _, f := range []document.Format{document.TOML, document.JSON} {
		if counts[f] > counts[best] {
			best = f
		}
	}
	return best
}

// NewArticleDir returns the folder a new article goes into when the
// article at selected is the one chosen in the list: the article's own
// folder, except for a leaf bundle's index.md, whose folder holds that one
// page and its resources (a Markdown file put there is a page resource
// Hugo never publishes), where it is the bundle's parent folder. A
// branch bundle's _index.md keeps its folder: the section.
func NewArticleDir(selected string) string {
	dir := filepath.Dir(selected)
	base := strings.ToLower(filepath.Base(selected))
	if strings.TrimSuffix(base, filepath.Ext(base)) == "index" && IsMarkdown(base) {
		return filepath.Dir(dir)
	}
	return dir
}
