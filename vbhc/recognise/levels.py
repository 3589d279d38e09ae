"""The level an office's numbering stands for, read from its place among the labels around it.

Offices number with their own forms ("1)", "(1)", "a.", "(a)", "1.1.", "1.1.1.", "•", "*") as well as
the decree's ("I.", "1.", "a)"; PL I, II.6.đ; "-", "+" by practice, RULES.md §2.4). A label's form says
little on its own: "1)" is a khoản in a plan that numbers its khoản so, and a điểm under a khoản "2."
(the decree letters it "a)"). So the body is read as an outline: a form of label seen again is a sibling
of its earlier lines (what was opened under it is closed), and a new form opens a level under the
label before it. The decree's forms and the words (Phần, Chương, Mục, Điều) keep their level; an
office's form gets the level it stands for there:

- "1)", "(1)" starting again from 1 under a khoản: that khoản's điểm;
- "a.", "(a)" under a khoản: its điểm; under a điểm: the level below, "-";
- "1.2." names its khoản: a điểm of the khoản open above it; "1.2.1." the level under that điểm, "-";
- a bullet: "-" where no bullet is open, "+" under a bullet of another form ("•" over "-": "-" over "+").

Used by the recogniser for every body it classifies; check reports the labels and import writes them
as the decree does, from the level found here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from vbhc.nd30 import Level
from vbhc.nd30.numbering import WORD_LEVELS, Numeral

__all__ = ["Labelled", "levels"]

# The forms the decree writes (PL I, II.6.đ) and practice's two bullets (RULES.md §2.4): they keep their
# level wherever they stand. "#" stands for the number, "A" for a Roman one, "a" for a letter.
_DECREE_FORMS = frozenset({"A.", "#.", "a)", "-", "+"})
# The level under each, for an office's form that opens a level under a label of its own level.
_BELOW = {Level.DIVISION: Level.ITEM, Level.CHAPTER: Level.ITEM, Level.SECTION: Level.ITEM,
          Level.ARTICLE: Level.ITEM, Level.PART: Level.ITEM, Level.ITEM: Level.POINT,
          Level.SUBITEM: Level.POINT, Level.POINT: Level.DASH, Level.DASH: Level.PLUS, Level.PLUS: Level.PLUS}
# "1.1." is a khoản's điểm, "1.1.1." the level under it, deeper ones the last bullet's.
_SUBITEM_LEVELS = (Level.POINT, Level.DASH, Level.PLUS)
_DASH_FORMS = str.maketrans({"–": "-", "—": "-"})


@dataclass(frozen=True, slots=True)
class Labelled:
    """What :func:`levels` reads of one labelled line: the level its label was read as
    (:func:`vbhc.nd30.numbering.read_label`), the label as typed, the number or letter it counts, and
    the level of Word's list that shows it."""

    level: Level
    label: str
    value: int | str | None
    list_level: int | None = None  # the w:ilvl of Word's own label (None: typed)


@dataclass(slots=True)
class _Open:
    form: str
    level: Level
    moved: bool  # an office's form read at a level other than its own


def form_of(line: Labelled) -> str:
    """A label's form, its number left out: "1)" and "2)" are one form, "1." another, "1.1." a third."""
    if line.level in WORD_LEVELS:
        return line.level.value
    text = " ".join(line.label.split()).translate(_DASH_FORMS)
    if line.level.numeral is Numeral.MARK:  # one glyph on two levels of a Word list: two forms
        return f"{text}@{line.list_level}" if line.list_level else text
    if line.level in (Level.PART,):
        return re.sub(r"[IVXLCDM]+", "A", text, count=1)
    if line.level is Level.POINT:
        return re.sub(r"[a-zđ]", "a", text, count=1)
    return re.sub(r"\d+", "#", re.sub(r"^[IVXL]+\.(?=\d)", "A.", text))  # "II.3." is the form "A.#."


def _restarts(line: Labelled) -> bool:
    """Whether the label counts its first: "1)", "a.", "1.1." (a list starting again)."""
    value = str(line.value) if line.value is not None else ""
    return value.rpartition(".")[2] in ("1", "a")


def _own_level(line: Labelled) -> Level:
    if line.level is Level.SUBITEM:
        depth = str(line.value).count(".")
        return _SUBITEM_LEVELS[min(depth, len(_SUBITEM_LEVELS)) - 1]
    return line.level


def levels(lines: Sequence[Labelled | None]) -> list[Level | None]:
    """The level each line's label stands for in its body (None for a line without a label)."""
    stack: list[_Open] = []
    out: list[Level | None] = []

    def close_from(rank: int) -> None:
        while stack and stack[-1].level.rank >= rank:
            stack.pop()

    for line in lines:
        if line is None:
            out.append(None)
            continue
        form = form_of(line)
        at = next((n for n in range(len(stack) - 1, -1, -1) if stack[n].form == form), None)
        if at is not None:  # a sibling of the earlier lines of its form
            del stack[at + 1:]
            out.append(stack[at].level)
            continue
        own = _own_level(line)
        top = stack[-1] if stack else None
        if line.level in WORD_LEVELS or (form in _DECREE_FORMS and own.numeral is not Numeral.MARK):
            if top is not None and top.moved and top.level.rank >= own.rank and own is not Level.PART:
                level = _BELOW[top.level]  # "a)" under "1)" read as a điểm: the level under it
            else:
                close_from(own.rank)
                level = own
            stack.append(_Open(form, level, moved=False))
        elif own.numeral is Numeral.MARK:
            level = Level.PLUS if top is not None and top.level.numeral is Numeral.MARK else Level.DASH
            if top is not None and top.level is Level.PLUS:
                stack.pop()  # a third bullet form: the "+" level is the last
            stack.append(_Open(form, level, moved=level is not own))
        else:
            while stack and stack[-1].level.numeral is Numeral.MARK:
                stack.pop()  # a numbered line is above every bullet
            top = stack[-1] if stack else None
            if line.level is Level.SUBITEM:  # "1.2." names its khoản: a điểm of the khoản open above
                close_from(own.rank)
                level = own
            elif top is None or own.rank > top.level.rank:
                level = own
            elif _restarts(line):
                level = _BELOW[top.level]
            else:  # "2)" after a khoản "1.": a khoản typed in another form
                close_from(own.rank)
                level = own
            stack.append(_Open(form, level, moved=level is not line.level))
        out.append(level)
    return out
