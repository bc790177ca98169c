package library

import "strings"

// summaryKey is the Summary field a front matter key fills.
type summaryKey uint8

const (
	keyOther       summaryKey = iota
	keyTitle                  // title
	keyDate                   // date
	keyAltDate                // publishDate, pubDate or published: the date when there is none
	keyCategory               // category
	keyCategories             // categories: its first item is the category when there is none
	keyTags                   // tags
	keyFeatured               // featured
	keyDraft                  // draft
	keyDescription            // summary or description
)

// listKey is the Summary field the key k fills, its case ignored as
// strings.EqualFold ignores it. An ASCII key (nearly all) is lower-cased
// once and looked up; any other is compared by listKeyFold.
func listKey(k string) summaryKey {
	var b [len("description")]byte
	if len(k) > len(b) {
		for i := 0; i < len(k); i++ {
			if k[i] >= 0x80 {
				return listKeyFold(k) // "deſcription" is "description" too
			}
		}
		return keyOther
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c >= 0x80 {
			return listKeyFold(k)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	switch string(b[:len(k)]) {
	case "title":
		return keyTitle
	case "date":
		return keyDate
	case "publishdate", "pubdate", "published":
		return keyAltDate
	case "category":
		return keyCategory
	case "categories":
		return keyCategories
	case "tags":
		return keyTags
	case "featured":
		return keyFeatured
	case "draft":
		return keyDraft
	case "summary", "description":
		return keyDescription
	}
	return keyOther
}

// listKeyFold is listKey by strings.EqualFold, for keys beyond ASCII
// (Unicode folds ſ to s and the Kelvin sign to k).
func listKeyFold(k string) summaryKey {
	switch {
	case strings.EqualFold(k, "title"):
		return keyTitle
	case strings.EqualFold(k, "date"):
		return keyDate
	case strings.EqualFold(k, "publishDate") || strings.EqualFold(k, "pubDate") || strings.EqualFold(k, "published"):
		return keyAltDate
	case strings.EqualFold(k, "category"):
		return keyCategory
	case strings.EqualFold(k, "categories"):
		return keyCategories
	case strings.EqualFold(k, "tags"):
		return keyTags
	case strings.EqualFold(k, "featured"):
		return keyFeatured
	case strings.EqualFold(k, "draft"):
		return keyDraft
	case strings.EqualFold(k, "summary") || strings.EqualFold(k, "description"):
		return keyDescription
	}
	return keyOther
}
