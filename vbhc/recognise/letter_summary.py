"""A công văn's trích yếu (V/v, PL I, II.5.b) as offices type it in the header's left column: "V/v" broken
over two or three paragraphs by hand, or written in full, "Về việc …"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vbhc.nd30 import Role

if TYPE_CHECKING:
    from vbhc.recognise.components import Recognised, Recognition

__all__ = ["IN_WORDS", "LABEL", "MAX_LINES", "letter_summary_line"]

LABEL = re.compile(r"^(?:v\s*/\s*v|về\s+việc)\s*:?\s*", re.IGNORECASE)  # what opens the line, as typed
IN_WORDS = re.compile(r"^về\s+việc\b", re.IGNORECASE)
MAX_LINES = 3  # the V/v's paragraphs in all: a longer text under the number is not its trích yếu


def letter_summary_line(rec: Recognition, unit: Recognised) -> Role | None:
    """``unit`` (a line of the header's left column under the number, no other component) as part of the
    V/v: "Về việc …" opening it, or a line continuing it in the same cell. Set in ``rec``."""
    line = type(unit)  # Recognised, without importing the module that imports this one
    first = rec.letter_summary
    if first is None:
        if IN_WORDS.match(unit.text) and unit.paragraph.table is not None:
            rec.letter_summary = line(unit.paragraph, Role.LETTER_SUMMARY, unit.text, span=unit.span)
            return Role.LETTER_SUMMARY
        return None
    last = (first, *rec.letter_summary_rest)[-1]
    follows = (unit.paragraph.table == first.paragraph.table and unit.span is None
               and unit.paragraph.location == last.paragraph.location
               and unit.paragraph.index == last.paragraph.index + 1)
    if follows and len(rec.letter_summary_rest) + 1 < MAX_LINES and unit.text[:1].islower():
        rec.letter_summary_rest += (line(unit.paragraph, Role.LETTER_SUMMARY, unit.text),)
        return Role.LETTER_SUMMARY
    return None
