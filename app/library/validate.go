package library

import (
	"folio/editor/document"
)

// HasErrors reports whether `folio check` finds an error in the article's
// front matter with the folder's schema (document.Validate with schema):
// it could not be read or parsed, a date in it is not a real date
// (BadDate), or a key the schema wants a date of (Schema.WantsDate) holds
// a string that is no date (document.NotADate). The list's "Has errors"
// chip shows these articles. Broken links are not looked for here.
func (s *Summary) HasErrors(schema *document.Schema) bool {
	if s.Err != nil || s.BadDate != "" {
		return true
	}
	sh := s.fm.shape
	if sh == nil {
		return false
	}
	j := 0
	for i, key := range sh.keys {
		n := int(sh.nvals[i])
		if sh.kinds[i] == document.String && n == 1 && j < len(s.fm.vals) &&
			document.NotADate(s.fm.vals[j]) && schema.WantsDate(key) {
			return true
		}
		j += n
	}
	return false
}
