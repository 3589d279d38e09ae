"""Vietnamese typed in the 8-bit encodings before Unicode: TCVN3 (ABC) and VNI, read as Unicode.

Before TCVN 6909:2001 (Unicode) offices typed Vietnamese in fonts that draw Vietnamese letters at 8-bit
code points: the ABC fonts of TCVN 5712:1993 (".VnTime", ".VnArial", ...; the fonts whose names end in
"H", ".VnTimeH", draw every letter as a capital) and the VNI fonts ("VNI-Times", "VNI-Helve", ...).
Word keeps those code points as Latin-1 characters, so the text reads as "Uû ban nh©n d©n" in any
other font. A run whose font is one of these is read here as the Unicode text it shows (NFC); a
document whose fonts were renamed but whose text has the pattern is recognised by its characters
(:func:`guess_encoding`). The tables are the one place of these facts, each with its source.

Imports nothing of vbhc: the resolver (:mod:`vbhc.ooxml.resolve`) reads runs through it and
``vbhc check --fix`` rewrites them with it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["TCVN3", "TCVN3_CODES", "VNI", "VNI_TABLE", "LegacyEncoding", "LegacyText", "decode",
           "encoding_of_font", "guess_encoding", "is_capitals_font"]


@dataclass(frozen=True, slots=True)
class LegacyEncoding:
    """An 8-bit Vietnamese encoding: its name for people and the standard or table it follows."""

    key: str
    name: str
    source: str


TCVN3 = LegacyEncoding("tcvn3", "TCVN3 (ABC)", "TCVN 5712:1993, table VN3")
VNI = LegacyEncoding("vni", "VNI", "VNI Software's VNI Windows font table")

# --------------------------------------------------------------------------------------------
# TCVN 5712:1993, VN3 (the ABC fonts): the code point of each letter, as Word stores it (the byte read
# as Latin-1). Rows by base letter, tones in the standard's order: huyền, hỏi, ngã, sắc, nặng. The ABC
# fonts have precomposed capitals only for Ă Â Ê Ô Ơ Ư Đ; every other capital is typed in the "H" font
# (.VnTimeH), which draws the small letter's code point as its capital. B0–B4 are the five tone marks
# alone (combining). glibc's TCVN5712-1 codec agrees on every code point here (tests/test_legacy_text.py).
TCVN3_CODES: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB0: "\u0300", 0xB1: "\u0309", 0xB2: "\u0303", 0xB3: "\u0301", 0xB4: "\u0323",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}

# --------------------------------------------------------------------------------------------
# VNI Windows (the VNI fonts): a letter is its base letter followed by a mark character, or one
# character of its own. Each row: the letter without tone, then with sắc, huyền, hỏi, ngã, nặng, as the
# VNI table lists them (capitals; the small letters are the same characters in small case).
VNI_TABLE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("A", ("A", "AÙ", "AØ", "AÛ", "AÕ", "AÏ")),
    ("Â", ("AÂ", "AÁ", "AÀ", "AÅ", "AÃ", "AÄ")),
    ("Ă", ("AÊ", "AÉ", "AÈ", "AÚ", "AÜ", "AË")),
    ("E", ("E", "EÙ", "EØ", "EÛ", "EÕ", "EÏ")),
    ("Ê", ("EÂ", "EÁ", "EÀ", "EÅ", "EÃ", "EÄ")),
    ("O", ("O", "OÙ", "OØ", "OÛ", "OÕ", "OÏ")),
    ("Ô", ("OÂ", "OÁ", "OÀ", "OÅ", "OÃ", "OÄ")),
    ("Ơ", ("Ô", "ÔÙ", "ÔØ", "ÔÛ", "ÔÕ", "ÔÏ")),
    ("U", ("U", "UÙ", "UØ", "UÛ", "UÕ", "UÏ")),
    ("Ư", ("Ö", "ÖÙ", "ÖØ", "ÖÛ", "ÖÕ", "ÖÏ")),
    ("I", ("I", "Í", "Ì", "Æ", "Ó", "Ò")),
    ("Y", ("Y", "YÙ", "YØ", "YÛ", "YÕ", "Î")),
    ("Đ", ("Ñ",)),
)
TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # the VNI table's column order


def _vni_map() -> dict[str, str]:
    out: dict[str, str] = {}
    for base, forms in VNI_TABLE:
        for tone, typed in zip(TONES, forms, strict=False):
            letter = unicodedata.normalize("NFC", base + tone)
            if typed != letter:
                out[typed] = letter
                out[typed.lower()] = letter.lower()
                if len(typed) == 2:  # a small mark after a capital letter: Word's "Title Case"
                    out[typed[0] + typed[1].lower()] = letter
    return out


_TCVN3 = str.maketrans({chr(code): letter for code, letter in TCVN3_CODES.items()})
_VNI = _vni_map()
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, _VNI), key=len, reverse=True)))


def encoding_of_font(font: str | None) -> LegacyEncoding | None:
    """The 8-bit encoding a font draws (".VnTime" TCVN3, "VNI-Times" VNI), or None for a Unicode font."""
    if not font:
        return None
    name = font.strip().lower()
    if name.startswith(".vn"):
        return TCVN3
    if name.startswith(("vni-", "vni ")):
        return VNI
    return None


def is_capitals_font(font: str | None) -> bool:
    """Whether an ABC font draws every letter as a capital (its name ends in "H": ".VnTimeH")."""
    return font is not None and encoding_of_font(font) is TCVN3 and font.strip().endswith("H")


def decode(text: str, encoding: LegacyEncoding, capitals: bool = False) -> str:
    """``text`` typed in ``encoding`` as the Unicode text it shows (NFC); ``capitals`` for an "H" font."""
    read = text.translate(_TCVN3) if encoding is TCVN3 else _VNI_PATTERN.sub(lambda m: _VNI[m.group()], text)
    out = unicodedata.normalize("NFC", read)
    return out.upper() if capitals else out


# --------------------------------------------------------------------------------------------
# The pattern, where no font names the encoding

# Vietnamese letters beyond Latin-1: an 8-bit text never holds one (â, ê, ô are Latin-1, and TCVN3 and VNI
# codes)
_VIETNAMESE = re.compile("[ăđĩũơưĂĐĨŨƠƯ\u1ea0-\u1ef9]")
_TCVN3_ONLY = re.compile("[\u00a1-\u00ae\u00b5-\u00be\u00c6-\u00fe]")
_VNI_MARKS = re.compile("[a-zA-Z][ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË]|[ñÑöÖôÔ]")
_WORD = re.compile(r"\S+")
# Words of every Vietnamese administrative text: a text read through an encoding must hold some of them
# (French or German, whose é or ö an encoding would also turn into Vietnamese letters, holds none).
COMMON_WORDS = frozenset({"và", "của", "các", "được", "năm", "ngày", "tháng", "theo", "có", "cho", "với",
                          "trong", "người", "nhân", "dân", "việt", "về", "thực", "hiện", "công", "tác"})


GUESS_CHARS = 100_000  # the text judged: its beginning (a few dozen pages) tells, and bounds the work


def guess_encoding(texts: Iterable[str]) -> LegacyEncoding | None:
    """The encoding a document's text was typed in, judged from its characters alone: none of its words
    has a Vietnamese letter beyond Latin-1; read through the encoding, at least 5 words and a fifth of
    its words become Vietnamese and at least 3 are :data:`COMMON_WORDS` (of TCVN3 and VNI, the one that
    gives more of them). None for anything else."""
    text = "\n".join(texts)[:GUESS_CHARS]
    if _VIETNAMESE.search(text):  # a Unicode document (most are: one search, no split)
        return None
    words = _WORD.findall(text)
    if len(words) < 10:
        return None
    best, score = None, (0, 0)
    for encoding, pattern in ((TCVN3, _TCVN3_ONLY), (VNI, _VNI_MARKS)):
        typed = [word for word in words if pattern.search(word)]
        if len(typed) < 5:
            continue
        read = [decode(word, encoding) for word in typed]  # the other words read as they are
        changed = sum(1 for shown in read if _VIETNAMESE.search(shown))
        common = sum(1 for shown in (*read, *(w for w in words if w.isascii()))
                     if shown.lower().strip(".,;:()") in COMMON_WORDS)
        if changed >= 5 and changed * 5 >= len(words) and common >= 3 and (common, changed) > score:
            best, score = encoding, (common, changed)
    return best


@dataclass(frozen=True, slots=True)
class LegacyText:
    """What a document holds in an 8-bit encoding: the encodings, the fonts that name them (none when
    only the pattern of its characters tells), and each run read as Unicode: its ``w:r`` element, its
    encoding and whether its font draws capitals (``--fix`` rewrites exactly these)."""

    encodings: tuple[LegacyEncoding, ...]
    fonts: tuple[str, ...]
    runs: tuple[tuple[Any, LegacyEncoding, bool], ...] = field(repr=False, compare=False)

    def describe(self) -> str:
        names = " and ".join(e.name for e in self.encodings)
        where = (f"in the font{'s' if len(self.fonts) > 1 else ''} {', '.join(self.fonts)}" if self.fonts
                 else "in a Unicode font (recognised by its characters)")
        return f"{names} text {where}"
