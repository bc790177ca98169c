#!/bin/sh
# subset.sh — rebuild the bundled Noto Sans SC subset fonts.
#
# Usage: assets/fonts/subset.sh [SOURCE_DIR]
#
# SOURCE_DIR holds NotoSansCJK-Regular.ttc and NotoSansCJK-Bold.ttc, e.g. from
# the Debian/Ubuntu package fonts-noto-cjk, unpacked without installing it:
#
#   cd /tmp && apt-get download fonts-noto-cjk && dpkg -x fonts-noto-cjk_*.deb /tmp/cjkfont
#   assets/fonts/subset.sh /tmp/cjkfont/usr/share/fonts/opentype/noto
#
# Needs Python 3 with fontTools (Debian: apt-get install python3-fonttools).
# Set PYTHON to pick the interpreter that has fontTools (default: python3).
set -eu

SRC=${1:-/tmp/cjkfont/usr/share/fonts/opentype/noto}
PYTHON=${PYTHON:-python3}
OUT=$(cd "$(dirname "$0")" && pwd)

# Faces of the NotoSansCJK-*.ttc collections: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK,
# 5-9 the same for "Noto Sans Mono CJK". We take 2 (SC) from Regular and Bold
# and 7 (Mono SC) from Regular. check_face verifies the index, never assume.
check_face() { # ttc face wanted-family
	name=$("$PYTHON" -c "import sys
from fontTools.ttLib import TTFont
print(TTFont(sys.argv[1], fontNumber=int(sys.argv[2]))['name'].getDebugName(1))" "$1" "$2")
	if [ "$name" != "$3" ]; then
		echo "subset.sh: face $2 of $1 is '$name', want '$3'" >&2
		exit 1
	fi
}

# Every code point of GB 2312 (6763 hanzi plus its symbols, pinyin letters,
# Greek, Cyrillic, box drawing, kana, circled numbers …), taken from Python's
# gb2312 codec so the list is exact.
GB2312=$("$PYTHON" -c "
s = set()
for b1 in range(0xA1, 0xF8):
    for b2 in range(0xA1, 0xFF):
        try:
            s.add(ord(bytes([b1, b2]).decode('gb2312')))
        except UnicodeDecodeError:
            pass
print(','.join('U+%04X' % c for c in sorted(s)))
")

# The hanzi outside U+4E00-9FFF listed in hanzi-extra.txt (the Table of
# General Standard Chinese Characters' Extension A-E characters and 𠮷).
EXTRA=$(grep -o '^U+[0-9A-F]*' "$OUT/hanzi-extra.txt" | paste -sd, -)

# ASCII, Latin-1, General Punctuation, CJK Symbols and Punctuation,
# Halfwidth and Fullwidth Forms, the whole CJK Unified Ideographs block,
# Arrows and Geometric Shapes (UI glyphs such as ● ▲ → ✓ are cheap), plus GB 2312
# and the extra hanzi.
UNICODES="U+0020-007E,U+00A0-00FF,U+2000-206F,U+2190-21FF,U+25A0-25FF,U+2713,U+2717,U+3000-303F,U+4E00-9FFF,U+FF00-FFEF,$GB2312,$EXTRA"

# Layout features: only what a horizontal shaper applies by default.
# Dropping locl/vert/aalt etc. keeps the JP/KR/TC variant glyphs and vertical
# forms out of the closure, which halves the size (9.3 MB -> 5.1 MB per weight).
# --no-hinting: Fyne rasterises without hinting. vmtx/vhea/VORG: vertical
# metrics only, unused by Fyne.
subset() { # ttc face wanted-family output
	check_face "$1" "$2" "$3"
	"$PYTHON" -m fontTools.subset "$1" \
		--font-number="$2" \
		--unicodes="$UNICODES" \
		--layout-features='ccmp,kern,liga,calt,mark,mkmk' \
		--no-hinting \
		--drop-tables+=vmtx,vhea,VORG \
		--output-file="$OUT/$4"
	ls -l "$OUT/$4"
}

subset "$SRC/NotoSansCJK-Regular.ttc" 2 "Noto Sans CJK SC" NotoSansSC-Regular.otf
subset "$SRC/NotoSansCJK-Bold.ttc" 2 "Noto Sans CJK SC" NotoSansSC-Bold.otf
subset "$SRC/NotoSansCJK-Regular.ttc" 7 "Noto Sans Mono CJK SC" NotoSansMonoSC-Regular.otf
