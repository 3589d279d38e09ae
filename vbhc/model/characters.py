"""The one table of characters vbhc refuses in document text, and the one normalisation it applies.

Text is normalised to Unicode NFC (TCVN 6909:2001 text is precomposed: a decomposed "ễ" becomes one
code point) before anything is matched or checked. Then every class below is refused, with its name
and position in the message: each either cannot be stored in a Word document's text, or changes how
the text reads without being seen (a right-to-left mark in a Vietnamese document is a copy-paste
accident, not intent).

A line break (U+000A) is refused everywhere except where an officer breaks a line by hand: the trích
yếu and the names of the issuer and its parent body (PL I, II.2.b and II.5.b: a long name or summary
stands on several lines), where :func:`first_refused` is asked with ``line_breaks=True`` and the writer
prints it as a break inside one paragraph.

Kept on purpose: the tab; the no-break space; the zero-width joiner and non-joiner (U+200C, U+200D)
and variation selectors, which emoji are made of; combining marks (NFC composes what it can).
The JSON Schema (:mod:`vbhc.readers.spec.schema`) is generated from this table.
"""

from __future__ import annotations

import re
import unicodedata

from attrs import frozen

__all__ = ["LINE_BREAK", "REFUSED", "CharacterClass", "first_refused", "nfc", "on_one_line"]

LINE_BREAK = "\n"


@frozen
class CharacterClass:
    """Characters refused for one reason: ``name`` is how a message calls one, ``ranges`` are inclusive."""

    name: str
    ranges: tuple[tuple[int, int], ...]
    why: str

    def __contains__(self, char: str) -> bool:
        return any(low <= ord(char) <= high for low, high in self.ranges)


REFUSED: tuple[CharacterClass, ...] = (
    CharacterClass("a line break", ((0x0A, 0x0A),), "one field is one line; lists take one entry a line "
                   "(the trích yếu and the issuer's names keep one: line_breaks=True)"),
    CharacterClass("a carriage return", ((0x0D, 0x0D),), "one field is one line"),
    CharacterClass("a line separator", ((0x2028, 0x2028),), "a line break Word shows, typed unseen"),
    CharacterClass("a paragraph separator", ((0x2029, 0x2029),), "a paragraph break typed unseen"),
    CharacterClass("a control character", ((0x00, 0x08), (0x0B, 0x0C), (0x0E, 0x1F), (0x7F, 0x9F)),
                   "C0 controls (the tab aside), DEL and C1 controls: XML 1.0 cannot hold most of them"),
    CharacterClass("a left-to-right mark", ((0x200E, 0x200E),), "an invisible direction mark"),
    CharacterClass("a right-to-left mark", ((0x200F, 0x200F),), "an invisible direction mark"),
    CharacterClass("an Arabic letter mark", ((0x061C, 0x061C),), "an invisible direction mark"),
    CharacterClass("a bidirectional embedding or override", ((0x202A, 0x202E),),
                   "reorders the text that follows it on screen (the 'Trojan source' trick)"),
    CharacterClass("a bidirectional isolate", ((0x2066, 0x2069),), "reorders text unseen"),
    CharacterClass("a byte-order mark", ((0xFEFF, 0xFEFF),), "a file-encoding mark, not text"),
    CharacterClass("a zero-width space", ((0x200B, 0x200B), (0x2060, 0x2060)),
                   "an invisible break or word joiner: the text looks whole but does not match or sort"),
    CharacterClass("a surrogate code point", ((0xD800, 0xDFFF),), "half a UTF-16 pair: not a character"),
    CharacterClass("a non-character", ((0xFDD0, 0xFDEF), (0xFFFE, 0xFFFF)),
                   "code points Unicode never assigns; XML 1.0 cannot hold U+FFFE and U+FFFF"),
)



def _pattern(classes: tuple[CharacterClass, ...]) -> re.Pattern[str]:
    return re.compile("[" + "".join(
        re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        for cls in classes for low, high in cls.ranges) + "]")


_PATTERN = _pattern(REFUSED)
_PATTERN_KEEPING_BREAKS = _pattern(tuple(cls for cls in REFUSED if LINE_BREAK not in cls))


def nfc(value: str) -> str:
    """Unicode NFC, the form TCVN 6909 text should be in (decomposed "ễ" becomes one code point)."""
    return unicodedata.normalize("NFC", value)


def first_refused(value: str, *, line_breaks: bool = False) -> tuple[int, CharacterClass] | None:
    """The index and class of the first refused character of ``value``, or None; ``line_breaks``: a
    line break is kept (a field that may stand on several lines)."""
    match = (_PATTERN_KEEPING_BREAKS if line_breaks else _PATTERN).search(value)
    if match is None:
        return None
    char = match.group()
    return match.start(), next(cls for cls in REFUSED if char in cls)


def on_one_line(value: str) -> str:
    """``value`` with its line breaks as spaces: a name broken by hand, as a sentence quotes it."""
    return " ".join(part.strip() for part in value.split(LINE_BREAK))
