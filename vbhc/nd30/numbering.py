"""Numbers as the decree writes them: the numbered levels of a body, registration numbers, dates.

The levels of a body (PL I, II.6.đ) are data, in :class:`Level`: for each, how its number is written
(:func:`numeral`, :func:`label`), how a label is read back (:func:`parse` reads a line typed in a spec's
outline, :func:`read_label` what an office typed in Word), which level sits under which
(:attr:`Level.rank`) and which counters a new label starts again (:attr:`Level.resets`). The model,
layout, the outline reader, the recogniser and the checker all number through this module.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from vbhc.nd30.typography import (
    ARTICLE_WORD,
    CHAPTER_WORD,
    DASH_MARKER,
    DAY_MIN_DIGITS,
    MONTHS_WITH_LEADING_ZERO,
    NUMBER_MIN_DIGITS,
    NUMBER_SUFFIX,
    PART_WORD,
    PLUS_MARKER,
    POINT_LETTERS,
    POINT_SUFFIX,
    SECTION_WORD,
    SYMBOL_SEPARATOR,
)

# The largest number a label of the decree's numbering can need, and so the bound on every label vbhc
# computes. The longest codes run to several hundred điều (Bộ luật Dân sự 2015 has 689), a khoản holds
# at most 23 điểm, and Phần, Chương and Phụ lục stay in the tens. Roman numerals beyond it are refused,
# and a Word list counting past it is reported by the checker instead of formatted
# (vbhc.ooxml.numbering), so no label costs more than a handful of characters.
MAX_NUMBER = 9_999
# Shown where a sequence has no number left to give (a 24th điểm).
NO_NUMBER = "?"


class Numeral(enum.Enum):
    """How a level writes its number."""

    ROMAN = "Roman"  # chữ số La Mã: I, II, III (PL I, II.6.đ)
    ARABIC = "Arabic"  # chữ số Ả Rập: 1, 2, 3 (PL I, II.6.đ)
    LETTER = "letter"  # the Vietnamese alphabet: a, b, c, d, đ, e (PL I, II.6.đ)
    MARK = "mark"  # a bullet: the same mark every time, no number


class Level(enum.Enum):
    """A level of a body's numbering, from the outermost (Phần) to the bullets.

    ``word`` opens the label ("Chương" in "Chương II"), or is the whole mark of a bullet ("-");
    ``suffix`` follows the number ("." in "Điều 3.", ")" in "a)"); ``rank`` is the depth: a new label
    closes every open one of the same or a deeper rank.
    """

    word: str
    numeral: Numeral
    suffix: str
    rank: int
    clause: str

    def __new__(cls, value: str, word: str, numeral: Numeral, suffix: str, rank: int, clause: str) -> Level:
        member = object.__new__(cls)
        member._value_ = value
        member.word, member.numeral, member.suffix, member.rank, member.clause = (
            word, numeral, suffix, rank, clause)
        return member

    # PL I, II.6.đ: "Phần", "Chương" with Roman numbers, "Mục" with Arabic ones, each on its own line.
    DIVISION = ("division", PART_WORD, Numeral.ROMAN, "", 0, "PL I, II.6.đ")
    CHAPTER = ("chapter", CHAPTER_WORD, Numeral.ROMAN, "", 1, "PL I, II.6.đ")
    SECTION = ("section", SECTION_WORD, Numeral.ARABIC, "", 2, "PL I, II.6.đ")
    # PL I, II.6.đ: "Điều" + Arabic number + "."; numbered through the whole document (nothing resets it).
    ARTICLE = ("article", ARTICLE_WORD, Numeral.ARABIC, NUMBER_SUFFIX, 3, "PL I, II.6.đ")
    # Documents without articles: "I.", "II." parts (PL I, II.6.c-đ; PL III Mẫu 1.4), level with articles.
    PART = ("part", "", Numeral.ROMAN, NUMBER_SUFFIX, 3, "PL I, II.6.đ; PL III, Mẫu 1.4")
    # PL I, II.6.đ: khoản "1.", "2." (Arabic number and a full stop).
    ITEM = ("item", "", Numeral.ARABIC, NUMBER_SUFFIX, 4, "PL I, II.6.đ")
    # "1.1." is not Decree 30 numbering; offices type it, so it is read (and counted) to be reported.
    SUBITEM = ("subitem", "", Numeral.ARABIC, NUMBER_SUFFIX, 5, "not in Decree 30 (practice)")
    # PL I, II.6.đ: điểm "a)", "b)": the Vietnamese alphabet in order and ")".
    POINT = ("point", "", Numeral.LETTER, POINT_SUFFIX, 6, "PL I, II.6.đ")
    # Not defined by the decree (RULES.md §2.4: practice): the two bullet levels, "-" over "+".
    DASH = ("dash", DASH_MARKER, Numeral.MARK, "", 7, "practice (RULES.md §2.4)")
    PLUS = ("plus", PLUS_MARKER, Numeral.MARK, "", 8, "practice (RULES.md §2.4)")

    @property
    def resets(self) -> tuple[Level, ...]:
        """The levels whose count a label of this level starts again from 1."""
        return _RESETS.get(self, ())

    @property
    def continuous(self) -> bool:
        """Numbered through the whole document: no other level starts it again (Điều; Phần)."""
        return self.numeral is not Numeral.MARK and self not in _RESET_BY_SOMETHING

    @property
    def limit(self) -> int | None:
        """How many labels of this level one place can hold: 23 điểm (a to y), MAX_NUMBER Roman ones."""
        return _LIMITS.get(self.numeral)

    @property
    def marker(self) -> str:
        """What an officer types to start one: "Chương", "Điều", "I.", "1.", "a)", "-"."""
        return self.word or label(self, 1)


# What a label starts again (PL I, II.6.đ: khoản from 1 in each Điều or part, điểm from a in each khoản;
# Mục from 1 in each Chương). "1.1." sub-items count under their khoản, so whatever restarts khoản
# restarts them too.
_RESETS: dict[Level, tuple[Level, ...]] = {
    Level.DIVISION: (Level.CHAPTER, Level.SECTION, Level.PART, Level.ITEM, Level.SUBITEM, Level.POINT),
    Level.CHAPTER: (Level.SECTION, Level.ITEM, Level.SUBITEM, Level.POINT),
    Level.SECTION: (Level.ITEM, Level.SUBITEM, Level.POINT),
    Level.ARTICLE: (Level.ITEM, Level.SUBITEM, Level.POINT),
    Level.PART: (Level.ITEM, Level.SUBITEM, Level.POINT),
    Level.ITEM: (Level.POINT,),
}
_RESET_BY_SOMETHING = frozenset(level for reset in _RESETS.values() for level in reset)
_LIMITS = {Numeral.LETTER: len(POINT_LETTERS), Numeral.ROMAN: MAX_NUMBER}

# --------------------------------------------------------------------------------------------
# Writing numbers

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_ROMAN_VALUES = {letters: value for value, letters in _ROMAN if len(letters) == 1}
_LONGEST_ROMAN = MAX_NUMBER // 1000 + 12  # the thousands' Ms, then at most DCCC, LXXX and VIII


def roman(n: int) -> str:
    """Roman numeral for parts and chapters (PL I, II.6.đ: "chữ số La Mã"), 1 to MAX_NUMBER."""
    if not 1 <= n <= MAX_NUMBER:
        raise ValueError(f"Roman numerals here run from 1 to {MAX_NUMBER:,}, got {n:,}")
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def roman_value(numeral: str) -> int | None:
    """The value of a well-formed Roman numeral, or None: "IV" → 4, "IIII" → None."""
    if not numeral or len(numeral) > _LONGEST_ROMAN or any(ch not in _ROMAN_VALUES for ch in numeral):
        return None
    total = 0
    for i, ch in enumerate(numeral):
        v = _ROMAN_VALUES[ch]
        total += -v if i + 1 < len(numeral) and _ROMAN_VALUES[numeral[i + 1]] > v else v
    return total if 1 <= total <= MAX_NUMBER and roman(total) == numeral else None


def point_letter(n: int) -> str:
    """The n-th điểm letter, 1-based: 1 → "a", 5 → "đ", 6 → "e" (PL I, II.6.đ)."""
    if not 1 <= n <= len(POINT_LETTERS):
        raise ValueError(f"a khoản can hold {len(POINT_LETTERS)} điểm (a to y); this one has {n}")
    return POINT_LETTERS[n - 1]


def numeral(level: Level, n: int) -> str:
    """The n-th number of a level as printed: "II", "3", "đ"; a bullet's mark. ValueError past the end."""
    if level.numeral is Numeral.ROMAN:
        return roman(n)
    if level.numeral is Numeral.LETTER:
        return point_letter(n)
    if level.numeral is Numeral.MARK:
        return level.word
    if n < 1:
        raise ValueError(f"numbers start at 1, got {n}")
    return str(n)


def labelled(level: Level, number: str) -> str:
    """A number (as printed or as typed) in its label: "Chương II", "Mục 2", "Điều 3.", "I.", "a)"."""
    if level.numeral is Numeral.MARK:
        return level.word
    return f"{level.word} {number}{level.suffix}" if level.word else f"{number}{level.suffix}"


def label(level: Level, n: int, past_end: str | None = None) -> str:
    """The label of the n-th block of a level: ``label(Level.ARTICLE, 3)`` → "Điều 3.".

    Past the last number (a 24th điểm) it is ``past_end`` when given, else a ValueError.
    """
    limit = level.limit
    if past_end is not None and limit is not None and n > limit:
        return past_end
    return labelled(level, numeral(level, n))


def sublabel(parent: str, n: int) -> str:
    """The label a "1.1."-style sub-item would have: ``sublabel("1", 2)`` → "1.2." (not Decree 30)."""
    return f"{parent}.{n}{NUMBER_SUFFIX}"


# --------------------------------------------------------------------------------------------
# Reading labels back


@dataclass(frozen=True, slots=True)
class Label:
    """A label read from the start of a line: ``Label(Level.ARTICLE, "3", 3, "Điều 3.", "Phạm vi")``.

    ``typed`` is the number or letter as typed ("IV", "3", "đ", "1.2"; "" for a bullet); ``value`` is
    what it counts (an int, a điểm letter, or the typed text when it is no number, e.g. "thứ nhất");
    ``label`` is the label as typed and ``rest`` the text after it, both trimmed.
    """

    level: Level
    typed: str
    value: int | str | None
    label: str
    rest: str


# Longer runs of digits are no number vbhc reads: int() slows with the length, and stops at 4,300 digits.
_MAX_DIGITS = 1_000


# "Phần thứ nhất": the ordinals offices spell out where the decree writes a Roman number (PL I, II.6.đ)
_ORDINALS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
             "chín": 9, "mười": 10}


def _value(level: Level, typed: str) -> int | str | None:
    if not typed:
        return None
    if typed.isdigit():
        return int(typed) if len(typed) <= _MAX_DIGITS else None
    words = typed.casefold().split()
    if len(words) == 2 and words[0] == "thứ" and words[1] in _ORDINALS:
        return _ORDINALS[words[1]]
    if level is Level.ITEM and "." in typed:  # "II.3." (a Word list under Roman parts): khoản 3
        return int(typed.rpartition(".")[2])
    if level.numeral is Numeral.ROMAN:
        found = roman_value(typed.upper())
        return found if found is not None else typed
    return typed


def _read(grammar: tuple[tuple[Level, re.Pattern[str]], ...], text: str, strict: bool) -> Label | None:
    for level, pattern in grammar:
        m = pattern.match(text)
        if m is None:
            continue
        typed = m["n"] or ""
        if not typed and level.numeral is not Numeral.MARK:
            continue  # "Phần lớn", "Phần việc": a word after "Phần", not a number (a label has one)
        if strict and level.numeral is Numeral.ROMAN and typed.isalpha() and roman_value(typed) is None:
            continue  # "DC. ..." or "CM." is text, not a Roman numeral
        rest = m.groupdict().get("rest")
        cut = m.start("rest") if rest is not None else m.end()
        return Label(level, typed, _value(level, typed), text[:cut].strip(), text[cut:].strip())
    return None


# Outline text (a spec's body): the grammar vbhc documents, read exactly. Roman numerals up to XXXIX:
# "C.", "D.", "L." or "M." at the start of a line is a person's initial, not a part.
_TYPED_ROMAN = r"[IVX]+"
_TITLE_AFTER = r"\s*(?:[.:\-–]\s*(?P<rest>.*))?"
_OUTLINE: tuple[tuple[Level, re.Pattern[str]], ...] = (
    (Level.CHAPTER, re.compile(rf"^{CHAPTER_WORD}\s+(?P<n>{_TYPED_ROMAN}|\d+){_TITLE_AFTER}$")),
    (Level.SECTION, re.compile(rf"^{SECTION_WORD}\s+(?P<n>\d+){_TITLE_AFTER}$")),
    (Level.ARTICLE, re.compile(rf"^{ARTICLE_WORD}\s+(?P<n>\d+)\s*[.:]?\s*(?P<rest>.*)$")),
    (Level.PART, re.compile(rf"^(?P<n>{_TYPED_ROMAN})\.(?:\s+(?P<rest>.*))?$")),
    (Level.ITEM, re.compile(r"^(?P<n>\d+)\.(?:\s+(?P<rest>.*))?$")),
    (Level.SUBITEM, re.compile(r"^(?P<n>\d+\.\d+)\.?\s(?P<rest>.*)$")),
    (Level.POINT, re.compile(r"^(?P<n>[a-zđ])\)(?:\s+(?P<rest>.*))?$")),
    (Level.DASH, re.compile(r"^(?P<n>)[-–—](?:\s+|(?=[^\W\d_]))(?P<rest>.*)$")),
    (Level.PLUS, re.compile(r"^(?P<n>)\+(?:\s+|(?=[^\W\d_]))(?P<rest>.*)$")),
    (Level.DIVISION, re.compile(rf"^{PART_WORD}\s+(?P<n>{_TYPED_ROMAN}|\d+){_TITLE_AFTER}$")),
)


def parse(line: str) -> Label | None:
    """The label a line of outline text starts with, or None for a plain line.

    ``parse("Điều 3. Phạm vi")`` → ``Label(Level.ARTICLE, "3", 3, "Điều 3.", "Phạm vi")``. A Roman
    number must be well formed ("IIII." is text).
    """
    return _read(_OUTLINE, line, strict=True)


# What offices type in Word, read leniently: any case for the words, "1)" as well as "1.", a typed
# "a." for "a)", and the bullet glyphs of Word's lists. Roman numerals are well formed up to XCIX.
_SEEN_ROMAN = r"(?=[IVXL])(?:XC|L?X{0,3})(?:IX|IV|V?I{0,3})"
_WORD = re.IGNORECASE
# The levels whose label is a word and its number ("Phần I", "Chương II", "Mục 1", "Điều 3."), PL I, II.6.đ
WORD_LEVELS = frozenset({Level.DIVISION, Level.CHAPTER, Level.SECTION, Level.ARTICLE})
# The glyphs offices and Word's lists open a bullet line with, read as the "-" level (practice); one
# list for the body's outline and the closing's lists (vbhc.recognise.closing.LIST_MARKS).
BULLET_GLYPHS = "-–—•▪◦●∙·➢❖■□✓➔⇒◆*"
_SEEN: tuple[tuple[Level, re.Pattern[str]], ...] = (
    (Level.CHAPTER, re.compile(rf"^{CHAPTER_WORD}\s+(?P<n>{_SEEN_ROMAN}|\d+)\b\.?", _WORD)),
    (Level.SECTION, re.compile(rf"^{SECTION_WORD}\s+(?P<n>\d+)\b\.?", _WORD)),
    (Level.DIVISION, re.compile(rf"^{PART_WORD}\s+(?P<n>{_SEEN_ROMAN}|thứ\s+\S+)\b\.?", _WORD)),
    (Level.ARTICLE, re.compile(rf"^{ARTICLE_WORD}\s+(?P<n>\d+)\s*[.:]?", _WORD)),
    (Level.ITEM, re.compile(rf"^(?P<n>{_SEEN_ROMAN}\.\d{{1,3}})\.?(?=\s)")),  # "I.1.": Word's "%1.%2."
    (Level.PART, re.compile(rf"^(?P<n>{_SEEN_ROMAN})\s*[.)]\s*(?=\S)")),
    (Level.SUBITEM, re.compile(r"^(?P<n>\d{1,2}(?:\.\d{1,2})+)\.?(?=\s)")),
    (Level.ITEM, re.compile(r"^(?P<n>\d{1,3})\s*[.)](?!\d)\s*(?=\S)")),  # not "10.000 người" (thousands)
    (Level.ITEM, re.compile(r"^\((?P<n>\d{1,3})\)\s*(?=\S)")),  # "(1)"
    (Level.POINT, re.compile(r"^(?P<n>[a-zđ])\s*\)\s*(?=\S)")),
    (Level.POINT, re.compile(r"^(?P<n>[a-zđ])\.\s+(?=\S)")),
    (Level.POINT, re.compile(r"^\((?P<n>[a-zđ])\)\s*(?=\S)")),  # "(a)"
    (Level.DASH, re.compile(rf"^(?P<n>)[{re.escape(BULLET_GLYPHS)}]\s*")),
    (Level.PLUS, re.compile(r"^(?P<n>)\+\s*")),
)


def read_label(text: str) -> Label | None:
    """The label a paragraph typed in Word starts with, or None: "Chương ii", "1)", "(1)", "a.", "(a)",
    "I.1.", "Phần thứ nhất", "•", "*" count."""
    return _read(_SEEN, text, strict=False)


# --------------------------------------------------------------------------------------------
# Registration numbers and dates


def format_number(n: int) -> str:
    """Registration number with its leading zero: 5 → "05" (PL I, II.3.c)."""
    return str(n).zfill(NUMBER_MIN_DIGITS)


def format_day(day: int) -> str:
    """Day of month: 5 → "05", 15 → "15" (PL I, II.4.b)."""
    return str(day).zfill(DAY_MIN_DIGITS)


def format_month(month: int) -> str:
    """Month: 1 → "01", 2 → "02", 3 → "3" (PL I, II.4.b: only months 1 and 2 get a zero)."""
    return f"{month:02d}" if month in MONTHS_WITH_LEADING_ZERO else str(month)


def reference_symbol(*groups: str) -> str:
    """Join the letter groups of a ký hiệu with "-" and no spaces (PL I, II.3.c)."""
    return SYMBOL_SEPARATOR.join(g for g in groups if g)
