package document

import (
	"bytes"
	"errors"
	"unicode/utf8"
)

// The reasons a file is not text Folio can edit. Parse returns them wrapped
// in a *ParseError naming the line; the Document then refuses every edit,
// so such a file is only ever opened read-only and never written.
var (
	// ErrBinary marks a file with a NUL byte: an image or other binary
	// file (or UTF-16/32 text without a byte order mark).
	ErrBinary = errors.New("binary file (NUL byte), not parsed")
	// ErrNotUTF8 marks text in another encoding: UTF-16 or UTF-32 (by their
	// byte order marks) or bytes that are not valid UTF-8.
	ErrNotUTF8 = errors.New("not UTF-8 text, opened read-only")
)

// CheckText reports whether data is UTF-8 text Folio may parse and edit:
// nil, or a *ParseError wrapping ErrBinary or ErrNotUTF8 with the line of
// the first offending byte. It is the one rule every entry point (the
// command line, the folder scan, the app) applies, through Parse.
func CheckText(data []byte) error {
	for _, b := range []struct {
		mark []byte
		name string
	}{
		{[]byte{0, 0, 0xFE, 0xFF}, "UTF-32BE"}, {[]byte{0xFF, 0xFE, 0, 0}, "UTF-32LE"},
		{[]byte{0xFE, 0xFF}, "UTF-16BE"}, {[]byte{0xFF, 0xFE}, "UTF-16LE"},
	} {
		if bytes.HasPrefix(data, b.mark) {
			return &ParseError{Line: 1, Msg: b.name + " text (byte order mark): Folio reads and writes UTF-8 only; " +
				"convert the file to edit it, it is opened read-only", Err: ErrNotUTF8}
		}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		msg := ErrBinary.Error()
		if enc := utf16Guess(data); enc != "" {
			msg = enc + " text without a byte order mark? (NUL bytes), not parsed: Folio reads and writes UTF-8 only"
		}
		return &ParseError{Line: lineOf(data, i), Msg: msg, Err: ErrBinary}
	}
	if validUTF8(data) {
		return nil
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return &ParseError{Line: lineOf(data, i), Msg: "not UTF-8 text (an invalid byte on this line); " +
				"it is opened read-only, convert it to UTF-8 to edit it", Err: ErrNotUTF8}
		}
		i += size
	}
	return nil
}

// utf16Guess names the UTF-16 byte order when the first bytes of data look
// like mostly-ASCII UTF-16 (every other byte NUL), or "".
func utf16Guess(data []byte) string {
	n := min(len(data), 512) &^ 1
	if n < 4 {
		return ""
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	switch {
	case odd*10 >= half*8 && even == 0:
		return "UTF-16LE"
	case even*10 >= half*8 && odd == 0:
		return "UTF-16BE"
	}
	return ""
}
