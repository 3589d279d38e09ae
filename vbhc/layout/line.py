"""A printed line, the unit every layout produces and every writer prints, and the texts lines share
(a date, a closing punctuation mark)."""

from __future__ import annotations

import re

from attrs import frozen

from vbhc import nd30
from vbhc.model import IssueDate
from vbhc.model.text import Span, Text
from vbhc.nd30 import Role

# Blanks left for a hand-filled date part in a draft. Not a decree rule.
BLANK_DATE_PART = "\u00a0" * 5


@frozen
class Line:
    """One printed paragraph: its role, its full text (number included) and the number alone.

    ``label_only``: the role's weight is its label's alone; the text after it prints as its spans say
    (an article's text after its bold "Điều N.": PL III, Mẫu 1.3). ``keep_with_next``: whether this
    line goes to the next page with the line after it, where that differs from its role's record
    (None: as the record says). ``box_mm``: the line stands in a rectangle of this (width, height) in
    mm, its text centred (the urgency stamp: PL I, III.2.b).
    """

    role: Role
    text: Text
    label: str = ""
    label_only: bool = False
    keep_with_next: bool | None = None
    box_mm: tuple[float, float] | None = None

    def __attrs_post_init__(self) -> None:
        # A role whose look is the decree's alone (a title, the trích yếu: no ``emphasis_allowed``,
        # nor the author's or a practice's look) prints every span in the role's weight and slant:
        # italics or bold typed in its text are left out (the spec reader warns), so what vbhc prints
        # is what the checker expects.
        record = self.role.record
        if self.label_only or any(x is not None for x in (record.emphasis_allowed, record.size_only,
                                                          record.look_warning)):
            return
        look = self.role.typography
        if any((s.bold and not look.bold) or (s.italic and not look.italic) for s in self.text.spans):
            object.__setattr__(self, "text", self.text.styled(bold=None if look.bold else False,
                                                              italic=None if look.italic else False))

    @property
    def plain(self) -> str:
        return self.text.plain


def date_text(date: IssueDate) -> str:
    """``ngày 05 tháng 3 năm 2024`` with blanks for parts left empty (PL I, II.4.b)."""
    day = nd30.format_day(date.day) if date.day else BLANK_DATE_PART
    month = nd30.format_month(date.month) if date.month else BLANK_DATE_PART
    return f"ngày {day} tháng {month} năm {date.year}"


# A closing punctuation mark that vbhc replaces with the one the decree asks for. An ellipsis ("...")
# and the ";" of something that reads like an entity ("&lt;") are text, and the mark goes after them.
_FINAL_MARK = re.compile(r"(?:[;:,]|(?<!\.)\.)$")
_ENTITY_END = re.compile(r"&#?\w+;$")


def end_with(text: Text, end: str) -> Text:
    """``text`` ending with ``end``: a final ";", ":", "," or single "." is replaced, never doubled. The
    footnotes after the last word stay after it, so the text as printed ends with ``end`` before them."""
    text = text.rstrip()
    spans = list(text.spans)
    notes: list[Span] = []
    while spans and spans[-1].note is not None:
        notes.insert(0, spans.pop())
    if not spans or Text(tuple(spans)).plain.endswith(end):
        return text
    tail = spans[-1]
    if not _ENTITY_END.search(tail.text):
        spans[-1] = Span(_FINAL_MARK.sub("", tail.text), tail.bold, tail.italic)
    return Text((*spans, Span(end, bold=tail.bold, italic=tail.italic), *notes))
