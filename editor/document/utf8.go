package document

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"

	"github.com/segmentio/asm/cpu"
	"github.com/segmentio/asm/cpu/x86"
	vecutf8 "github.com/segmentio/asm/utf8"
)

// vectorUTF8 says whether validUTF8 checks with segmentio/asm's AVX2
// code, which checks 32 bytes an instruction (on the generated Chinese
// articles about five times validScalar's speed).
var vectorUTF8 = cpu.X86.Has(x86.AVX2)

// validUTF8 reports what utf8.Valid reports, as fast as this CPU can:
// with AVX2 instructions where there are, else with validScalar.
func validUTF8(p []byte) bool {
	if vectorUTF8 {
		return vecutf8.Valid(p)
	}
	return validScalar(p)
}

// validScalar is utf8.Valid made faster for Chinese text, which CheckText
// runs over every file of a folder scan: after the first non-ASCII byte
// the standard function goes byte by byte, with a table lookup for each
// rune, to the end of the file; this one goes back to skipping ASCII
// eight bytes at a time (and from a word with a non-ASCII byte straight
// to that byte), and checks a run of the three-byte sequences whose
// continuation bytes may be any of 80–BF (Chinese characters and
// punctuation) two at a time, with one eight-byte load, in one tight
// loop. Other sequences (E0 and ED leads, two and four bytes) are decoded
// by utf8.DecodeRune. It reports exactly what utf8.Valid reports
// (FuzzValidUTF8 holds it to that). On the generated Chinese articles it
// takes about half of utf8.Valid's CPU time.
func validScalar(p []byte) bool {
	i, n := 0, len(p)
	for i < n {
		c := p[i]
		switch {
		case c < utf8.RuneSelf:
			if i+8 > n {
				i++
				continue
			}
			if hi := binary.LittleEndian.Uint64(p[i:]) & 0x8080808080808080; hi != 0 {
				i += bits.TrailingZeros64(hi) / 8 // the first non-ASCII byte
			} else {
				i += 8
			}
		case i+2 < n && lead3(c):
			// A run of Chinese characters: two at a time while it lasts
			// (each byte's top bits: 1110xxxx 10xxxxxx 10xxxxxx, twice).
			for i+8 <= n {
				w := binary.LittleEndian.Uint64(p[i:])
				if w&0x0000C0C0F0C0C0F0 != 0x00008080E08080E0 {
					break
				}
				if b0, b3 := byte(w), byte(w>>24); b0 == 0xE0 || b0 == 0xED || b3 == 0xE0 || b3 == 0xED {
					break
				}
				i += 6
			}
			for i+2 < n && lead3(p[i]) {
				if (uint16(p[i+1])|uint16(p[i+2])<<8)&0xC0C0 != 0x8080 {
					return false
				}
				i += 3
			}
		default:
			r, size := utf8.DecodeRune(p[i:])
			if r == utf8.RuneError && size == 1 {
				return false
			}
			i += size
		}
	}
	return true
}

// lead3 reports whether c leads a three-byte sequence whose two
// continuation bytes may be any of 80–BF (E1–EC, EE, EF).
func lead3(c byte) bool { return c-0xE1 <= 0xEF-0xE1 && c != 0xED }
