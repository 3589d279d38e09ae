"""Text widths in Times New Roman, for sizing the decree's lines and checking that headers fit."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from vbhc.layout._metrics import WIDTHS

_FALLBACK = 500  # 1/1000 em, about an average lower-case letter
FIT_TOLERANCE_PT = 0.5  # measurement slack: a text this much wider than its column still fits


def _face(bold: bool, italic: bool) -> dict[int, int]:
    key = {(False, False): "regular", (True, False): "bold",
           (False, True): "italic", (True, True): "bold_italic"}[(bold, italic)]
    return WIDTHS[key]


@lru_cache(maxsize=4096)
def _char_width(char: str, bold: bool, italic: bool) -> int:
    table = _face(bold, italic)
    if ord(char) in table:
        return table[ord(char)]
    base = unicodedata.normalize("NFD", char)[:1]
    return table.get(ord(base), _FALLBACK) if base else _FALLBACK


def text_width_pt(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    """Width of ``text`` set on one line at ``size_pt`` points, without kerning; a text broken by hand
    (a line break) is as wide as its widest line."""
    return max(sum(_char_width(c, bold, italic) for c in line) for line in text.split("\n")) * size_pt / 1000


def fits(text_pt: float, column_pt: float) -> bool:
    """Whether a text measured ``text_pt`` wide stays on one line in a column ``column_pt`` wide."""
    return text_pt <= column_pt + FIT_TOLERANCE_PT
