"""Automatic numbering labels (ECMA-376 Part 1 §17.9), computed the way Word shows them.

A ``w:num`` points to a ``w:abstractNum``; paragraphs whose ``w:num`` has no ``w:lvlOverride`` share the
abstract list's counters across the whole part, while a ``w:num`` with overrides (a restart, typically
``w:startOverride``) is its own list instance. Counting a level resets the deeper levels (unless their
``w:lvlRestart`` says otherwise).

Labels are computed only for numbers up to :data:`vbhc.nd30.MAX_NUMBER`, the most any numbering of the
decree can need: a list that starts or counts beyond it (a start of 2,000,000,000 would otherwise make
a label of 77 million letters) raises :class:`NumberBeyondLimit`, and the paragraph keeps the number
instead of a label for the checker to report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from vbhc import nd30
from vbhc.ooxml.styles import Props, StyleSheet, parse_ppr, parse_rpr
from vbhc.ooxml.xml import MC_ALTERNATE, VAL, integer, pick_alternate, w

_PLACEHOLDER = re.compile(r"%([1-9])")
# Symbol/Wingdings private-use bullets and what they look like.
_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓", "\uf0e8": "➔",
            "\uf06e": "■", "\uf071": "❑", "\uf0a8": "◆", "\uf0de": "⇒", "\uf02d": "-", "\uf0be": "—"}
MAX_LEVELS = 9


class NumberBeyondLimit(ValueError):
    """A list number beyond :data:`vbhc.nd30.MAX_NUMBER`, whose label vbhc does not compute."""

    def __init__(self, number: int) -> None:
        super().__init__(f"a list number is beyond {nd30.MAX_NUMBER:,}")
        self.number = number


def _bounded(number: int) -> int:
    if abs(number) > nd30.MAX_NUMBER:
        raise NumberBeyondLimit(number)
    return number


def roman(number: int) -> str:
    """Lower-case Roman numeral, from :func:`vbhc.nd30.roman` (Word shows plain digits for 0 and below)."""
    if _bounded(number) <= 0:
        return str(number)
    return nd30.roman(number).lower()


def letters(number: int) -> str:
    """Word's alphabetic numbering: a..z, then aa..zz, aaa... (at most 385 letters, at MAX_NUMBER)."""
    if _bounded(number) <= 0:
        return str(number)
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def format_number(number: int, fmt: str) -> str:
    """One counter in a ``w:numFmt`` (formats without a rule here fall back to decimal).

    Raises :class:`NumberBeyondLimit` for a number beyond :data:`vbhc.nd30.MAX_NUMBER`.
    """
    if fmt in ("none", "bullet"):
        return ""
    _bounded(number)
    if fmt in ("lowerLetter",):
        return letters(number)
    if fmt == "upperLetter":
        return letters(number).upper()
    if fmt == "lowerRoman":
        return roman(number)
    if fmt == "upperRoman":
        return roman(number).upper()
    if fmt == "decimalZero":
        return f"{number:02d}" if 0 <= number < 10 else str(number)
    if fmt == "ordinal":
        return _ordinal(number)
    return str(number)


def bullet_text(text: str) -> str:
    """A bullet's ``w:lvlText`` with Symbol-font private-use characters mapped to what they show."""
    out = []
    for ch in text:
        mapped = _BULLETS.get(ch)
        if mapped is None and 0xF020 <= ord(ch) <= 0xF0FF:
            mapped = chr(ord(ch) - 0xF000)
        out.append(mapped or ch)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Level:
    """One numbering level (``w:lvl``) after overrides."""

    ilvl: int
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None
    is_legal: bool = False
    pstyle: str | None = None
    suffix: str = "tab"
    ppr: Props = field(default_factory=dict)
    rpr: Props = field(default_factory=dict)


def _parse_level(el: etree._Element, ilvl: int) -> Level:
    def val(tag: str) -> str | None:
        child = el.find(w(tag))
        return child.get(VAL) if child is not None else None

    fmt = val("numFmt")
    if fmt is None:
        alternate = el.find(MC_ALTERNATE)
        branch = pick_alternate(alternate) if alternate is not None else None
        found = branch.find(w("numFmt")) if branch is not None else None
        fmt = found.get(VAL) if found is not None else None
    legal = el.find(w("isLgl"))
    start = integer(val("start"))
    return Level(
        ilvl=ilvl,
        start=start if start is not None else 1,
        fmt=fmt or "decimal",
        text=val("lvlText"),
        restart=integer(val("lvlRestart")),
        is_legal=legal is not None and (legal.get(VAL) or "1").lower() not in ("0", "false", "off"),
        pstyle=val("pStyle"),
        suffix=val("suff") or "tab",
        ppr=parse_ppr(el.find(w("pPr"))),
        rpr=parse_rpr(el.find(w("rPr"))),
    )


@dataclass(frozen=True, slots=True)
class ListInstance:
    """What a ``w:num`` resolves to: the counter key, its levels and start overrides."""

    key: tuple[str, str]
    levels: dict[int, Level]
    start_overrides: dict[int, int]

    def start(self, ilvl: int) -> int:
        """Start value of a level, after any ``w:startOverride``."""
        if ilvl in self.start_overrides:
            return self.start_overrides[ilvl]
        level = self.levels.get(ilvl)
        return level.start if level is not None else 1


class NumberingDefinitions:
    """The definitions in ``word/numbering.xml``, resolved per ``numId`` (cached)."""

    def __init__(self, root: etree._Element | None, sheet: StyleSheet) -> None:
        self._sheet = sheet
        self._abstract: dict[str, etree._Element] = {}
        self._nums: dict[str, etree._Element] = {}
        self._cache: dict[str, ListInstance | None] = {}
        if root is None:
            return
        for el in root.iter(w("abstractNum")):
            aid = el.get(w("abstractNumId"))
            if aid is not None:
                self._abstract.setdefault(aid, el)
        for el in root.iter(w("num")):
            nid = el.get(w("numId"))
            if nid is not None:
                self._nums.setdefault(nid, el)

    def _abstract_for(self, num_id: str, depth: int = 0) -> tuple[str, etree._Element] | None:
        """The abstractNum a num uses, following ``w:numStyleLink`` through numbering styles."""
        num = self._nums.get(num_id)
        if num is None or depth > 8:
            return None
        ref = num.find(w("abstractNumId"))
        aid = ref.get(VAL) if ref is not None else None
        abstract = self._abstract.get(aid) if aid is not None else None
        if aid is None or abstract is None:
            return None
        link = abstract.find(w("numStyleLink"))
        if link is not None and link.get(VAL):
            linked_num = self._sheet.style_ppr(link.get(VAL)).get("numPr.numId")
            if linked_num is not None and linked_num != num_id:
                return self._abstract_for(linked_num, depth + 1)
        return aid, abstract

    def instance(self, num_id: str) -> ListInstance | None:
        """The list a ``numId`` shows, or None when it is undefined."""
        if num_id in self._cache:
            return self._cache[num_id]
        found = self._abstract_for(num_id)
        result: ListInstance | None = None
        if found is not None:
            aid, abstract = found
            levels: dict[int, Level] = {}
            for el in abstract.findall(w("lvl")):
                ilvl = integer(el.get(w("ilvl")))
                if ilvl is not None and 0 <= ilvl < MAX_LEVELS and ilvl not in levels:
                    levels[ilvl] = _parse_level(el, ilvl)
            overrides: dict[int, int] = {}
            level_overrides = self._nums[num_id].findall(w("lvlOverride"))
            for override in level_overrides:
                ilvl = integer(override.get(w("ilvl")))
                if ilvl is None or not 0 <= ilvl < MAX_LEVELS:
                    continue
                lvl = override.find(w("lvl"))
                if lvl is not None:
                    levels[ilvl] = _parse_level(lvl, ilvl)
                start_el = override.find(w("startOverride"))
                start = integer(start_el.get(VAL)) if start_el is not None else None
                if start is not None:
                    overrides[ilvl] = start
            key = ("num", num_id) if level_overrides else ("abstract", aid)
            result = ListInstance(key, levels, overrides)
        self._cache[num_id] = result
        return result

    def level(self, num_id: str, ilvl: int) -> Level | None:
        """Definition of one level of a list, or None."""
        inst = self.instance(num_id)
        return inst.levels.get(ilvl) if inst is not None else None

    def level_for_style(self, num_id: str, style_id: str | None) -> int | None:
        """The level whose ``w:pStyle`` names this paragraph style, if any."""
        inst = self.instance(num_id)
        if inst is None or style_id is None:
            return None
        for ilvl, level in sorted(inst.levels.items()):
            if level.pstyle == style_id:
                return ilvl
        return None


class NumberingCounters:
    """Running counters of one part (the body, or one header): call :meth:`next_label` in reading order."""

    def __init__(self, definitions: NumberingDefinitions) -> None:
        self._defs = definitions
        self._counters: dict[tuple[str, str], list[int | None]] = {}

    def next_label(self, num_id: str, ilvl: int) -> str | None:
        """Count one paragraph at ``ilvl`` of list ``num_id`` and return the label Word would show.

        Raises :class:`NumberBeyondLimit` when a number in the label is beyond the decree's needs.
        """
        inst = self._defs.instance(num_id)
        if inst is None or not 0 <= ilvl < MAX_LEVELS:
            return None
        level = inst.levels.get(ilvl)
        if level is None:
            return None
        counters = self._counters.setdefault(inst.key, [None] * MAX_LEVELS)
        current = counters[ilvl]
        counters[ilvl] = inst.start(ilvl) if current is None else current + 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            deeper_level = inst.levels.get(deeper)
            restart = deeper_level.restart if deeper_level is not None else None
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        if level.text is None:
            return None
        if level.fmt == "bullet":
            return bullet_text(level.text)

        def fill(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            ref = inst.levels.get(k)
            counted = counters[k]
            value = counted if counted is not None else inst.start(k)
            fmt = ref.fmt if ref is not None else "decimal"
            if level.is_legal and fmt != "none":
                fmt = "decimal"
            return format_number(value, fmt)

        return _PLACEHOLDER.sub(fill, level.text)
