package markdown

import (
	"fmt"
	"strconv"
	"strings"
)

// Hugo's param shortcode, {{% param "name" %}} or {{< param "name" >}}:
// hugoDocs writes "{{% param "minVersion" %}}" with minVersion in the
// page's front matter params. The preview and the export show the value
// (the page's, else the site config's params) in place of the chip.

// param is the value Hugo's param shortcode ({{% param "name" %}}) shows:
// the article's front matter param, else the site config's, a dotted name
// going into nested maps, letter case ignored; ok is false when neither
// has it (or it is not a string, number or boolean), or sc is another
// shortcode.
func (m *siteMarkdown) param(sc *Shortcode) (string, bool) {
	if m == nil || sc.Name != "param" || sc.Closing {
		return "", false
	}
	name := paramName(sc.Args)
	if name == "" {
		return "", false
	}
	if v, ok := lookupParam(m.page, name); ok {
		return v, true
	}
	if m.site != nil {
		return lookupParam(m.site.Params, name)
	}
	return "", false
}

// ParamValue is the value of Hugo's param shortcode for name: the page's
// front matter params first, then the site config's (LoadSite), as
// Hugo's .Param looks them up; ok is false when neither holds a string,
// number or boolean under that name.
func ParamValue(s *Site, page map[string]any, name string) (string, bool) {
	return (&siteMarkdown{site: s, page: page}).param(&Shortcode{Name: "param", Args: strconv.Quote(name)})
}

// paramName is the shortcode's first argument, unquoted.
func paramName(args string) string {
	args = strings.TrimSpace(args)
	if args == "" {
		return ""
	}
	if args[0] == '"' || args[0] == '`' {
		end := strings.IndexByte(args[1:], args[0])
		if end < 0 {
			return ""
		}
		return args[1 : 1+end]
	}
	name, _, _ := strings.Cut(args, " ")
	return name
}

// lookupParam finds a dotted name in params, letter case ignored.
func lookupParam(params map[string]any, name string) (string, bool) {
	var cur any = params
	for _, part := range strings.Split(name, ".") {
		m, ok := cur.(map[string]any)
		if mm, isAny := cur.(map[any]any); isAny {
			m, ok = make(map[string]any, len(mm)), true
			for k, e := range mm {
				m[fmt.Sprint(k)] = e
			}
		}
		if !ok {
			return "", false
		}
		v, found := m[part]
		if !found {
			for k, e := range m {
				if strings.EqualFold(k, part) {
					v, found = e, true
					break
				}
			}
		}
		if !found {
			return "", false
		}
		cur = v
	}
	return scalarString(cur)
}
