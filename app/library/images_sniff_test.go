package library

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
)

// sniffImageHTTP is sniffImage as it was written with net/http: the
// reference the net/http-free sniffImage must agree with.
func sniffImageHTTP(data []byte) string {
	exts := map[string]string{
		"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/webp": ".webp",
		"image/bmp": ".bmp", "image/x-icon": ".ico", "image/vnd.microsoft.icon": ".ico",
		"image/tiff": ".tif", "image/avif": ".avif", "image/svg+xml": ".svg",
	}
	ct := http.DetectContentType(data)
	if ext, ok := exts[ct]; ok {
		return ext
	}
	head := data[:min(len(data), 512)]
	switch {
	case len(data) >= 12 && string(data[4:8]) == "ftyp" && (string(data[8:12]) == "avif" || string(data[8:12]) == "avis"):
		return ".avif"
	case len(data) >= 4 && (string(data[:4]) == "II*\x00" || string(data[:4]) == "MM\x00*"):
		return ".tif"
	case (strings.HasPrefix(ct, "text/xml") || strings.HasPrefix(ct, "text/plain")) && bytes.Contains(head, []byte("<svg")):
		return ".svg"
	}
	return ""
}

// sniffCases are inputs on the edges of the signatures sniffImage reads.
var sniffCases = []string{
	"\x89PNG\r\n\x1a\n....", "\x89PNG\r\n\x1a", "\xff\xd8\xff\xe0....JFIF", "\xff\xd8", "GIF87a", "GIF89a....", "GIF88a",
	"RIFF\x00\x00\x00\x00WEBPVP8 ", "RIFF\x00\x00\x00\x00WEBPV", "RIFF\x00\x00\x00\x00WAVEfmt <svg>", "RIFF0000AVI <svg>",
	"BM", "BM......", "\x00\x00\x01\x00\x01", "\x00\x00\x02\x00<svg>", "\x00\x00\x03\x00",
	"\x00\x00\x00\x1cftypavif\x00\x00", "\x00\x00\x00\x1cftypavis", "\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp41isom",
	"II*\x00....", "MM\x00*", "II*",
	`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>`,
	"  \n<?xml version='1.0'?>\x01<svg/>", "\xef\xbb\xbf<svg/>", "\xfe\xff\x00<svg>", "\xff\xfe<\x00svg<svg>",
	`<svg xmlns="http://www.w3.org/2000/svg" width="1"></svg>`, " \t<svg>", "<!-- c --> <svg/>", "<!--<svg/>",
	"<html><svg/></html>", "<HTML <svg>", "<a href=x><svg/>", "<a><svg/>", "<b>x</b><svg/>", "<br><svg>", "<p><svg>",
	"<!DOCTYPE html><svg/>", "<!DOCTYPE svg><svg/>", "<div ><svg/>", "<divx><svg/>", "<h1><svg>", "<H1><svg>",
	"%PDF-1.4 <svg>", " %PDF-1.4 <svg>", "%!PS-Adobe-3.0 <svg>", "ID3 <svg>", "OTTO<svg>", "ttcf<svg>", "wOFF<svg>", "wOF2<svg>",
	"FORM0000AIFF<svg>", "FORM0000AIFC<svg>", "OggS\x00<svg>", "PK\x03\x04<svg>", "text with <svg> in it", "text\x01<svg>",
	"text\x1b<svg>", "text\x0c\x1b<svg>", "\x1b<svg>", strings.Repeat("x", 600) + "<svg>", strings.Repeat("x", 505) + "<svg>",
	"plain text", "",
}

func TestSniffImageAgreesWithDetectContentType(t *testing.T) {
	for _, c := range sniffCases {
		if got, want := sniffImage([]byte(c)), sniffImageHTTP([]byte(c)); got != want {
			t.Errorf("sniffImage(%q) = %q, net/http's sniffing gives %q", c, got, want)
		}
	}
}

func FuzzSniffImage(f *testing.F) {
	for _, c := range sniffCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if got, want := sniffImage(data), sniffImageHTTP(data); got != want {
			t.Errorf("sniffImage(%q) = %q, net/http's sniffing gives %q", data, got, want)
		}
	})
}
