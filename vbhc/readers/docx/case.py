"""The case an officer types, given back to a name printed only in capitals.

The decree prints the issuer, its parent body and the tên loại in capitals (PL I, II.2, II.5), so a .docx
often holds "ỦY BAN NHÂN DÂN / XÃ HOÀNG KIM" and nowhere "Ủy ban nhân dân xã Hoàng Kim". Where the
document (or a profile) writes the name elsewhere, that spelling wins (:func:`.fields.restore_case`).
Else the name is cased by the rules of PL II (Quy tắc viết hoa) that can be applied for sure: the first
word capitalised, an abbreviation kept ("UBND"), a place name after its unit ("xã", "huyện", ...) with
every syllable capitalised (PL II, I.2), and the names whose case is fixed ("Việt Nam", "Mặt trận Tổ
quốc", ...; PL II, I.3). A word that none of these covers — a field of an agency's name, "Phòng Tài chính
- Kế hoạch", whose words PL II capitalises by meaning — makes the result uncertain: the caller warns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from attrs import frozen

from vbhc.model.text import nfc
from vbhc.readers.docx.fields import UNIT_PATTERN, restore_case, sentence_case

__all__ = ["Cased", "cased_line", "cased_name", "cased_text", "place_names", "with_case"]

# Names whose case PL II fixes, as written (PL II, I.3: Việt Nam; the mass organisations' names).
FIXED_NAMES = ("Việt Nam", "Mặt trận Tổ quốc", "Hồ Chí Minh", "Cộng sản", "Hội Liên hiệp Phụ nữ",
               "Hội Nông dân", "Hội Cựu chiến binh", "Đoàn Thanh niên", "Quốc hội", "Chính phủ")
# Administrative units: the words after them are a place's name (PL II, I.2: each syllable capitalised).
_UNIT = re.compile(rf"\b({UNIT_PATTERN})\s+", re.IGNORECASE)
# Words of the bodies' names that are written in lower case after the first (PL II, II.1: "Ủy ban nhân
# dân xã ...", "Hội đồng nhân dân ...", "Văn phòng"): with these, a name is cased for sure.
_KNOWN_LOWER = frozenset(["ủy", "uỷ", "ban", "nhân", "dân", "hội", "đồng", "văn", "phòng"])

# Agencies whose name goes on with their field, whose words PL II (II.1) capitalises by meaning: the
# first word of each field ("Phòng Tài chính - Kế hoạch") is capitalised here, and the result is a guess.
_AGENCY = re.compile(r"^(?:Phòng|Sở|Bộ|Cục|Chi cục|Tổng cục|Vụ|Ban|Trung tâm|Viện|Thanh tra)(?=\s)")
_FIELD_START = re.compile(r"(^\s+|\s+và\s+|\s+-\s+)(\w)")


@frozen
class Cased:
    """A name's lines in the case an officer types; ``certain`` when every word's case is known."""

    lines: list[str]
    certain: bool


def cased_name(upper: Iterable[str], corpus: str, known: Iterable[str] = ()) -> Cased:
    """The lines of a name printed in capitals, in the case the document writes it elsewhere (``corpus``)
    or one of ``known`` (a profile's values, the document's place), else by PL II's rules."""
    lines = list(upper)
    if not lines:
        return Cased([], True)
    known = [k for k in known if k]
    joined = restore_case(" ".join(lines), corpus, known)
    if joined is None:  # each line on its own, when the text names every one of them
        each = [restore_case(line, corpus, known) for line in lines]
        if all(each):
            return Cased([x for x in each if x is not None], True)
        joined, certain = _by_rules(" ".join(lines), known)
    else:
        certain = True
    words = joined.split(" ")
    out = []
    for line in lines:
        n = len(line.split(" "))
        out.append(" ".join(words[:n]))
        words = words[n:]
    return Cased(out, certain)


def _by_rules(upper: str, places: Iterable[str]) -> tuple[str, bool]:
    """``upper`` cased by PL II's rules; whether every word was covered by one."""
    text = sentence_case(upper)
    covered = [False] * len(text.split(" "))
    covered[0] = True
    unit = _UNIT.search(text)
    agency = _AGENCY.match(text)
    if agency is not None:  # "Phòng Nội vụ", "Sở Tài nguyên và Môi trường": each field's first word (a guess)
        end = unit.start() if unit is not None else len(text)
        field = _FIELD_START.sub(lambda m: m[1] + m[2].upper(), text[agency.end():end])
        text = text[:agency.end()] + field + text[end:]
    if unit is not None:  # "xã Hoàng Kim": the unit in lower case, its name's syllables capitalised
        before = text[:unit.start()]
        name = " ".join(w if _abbreviation(w) else w.capitalize() for w in text[unit.end():].split(" "))
        text = f"{before}{unit[1].lower() if unit.start() else unit[1].capitalize()} {name}"
        start = len(before.split(" ")) - 1 if before else 0
        covered[start:] = [True] * (len(covered) - start)
    for name in (*FIXED_NAMES, *places):
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE):
            text = text[:match.start()] + name + text[match.end():]
            first = len(text[:match.start()].split(" ")) - 1 if match.start() else 0
            covered[first:first + len(name.split(" "))] = [True] * len(name.split(" "))
    words = text.split(" ")
    for n, word in enumerate(words):
        if word.lower() in _KNOWN_LOWER or _abbreviation(word) or not any(c.isalpha() for c in word):
            covered[n] = True
    return nfc(text), all(covered)


def _abbreviation(word: str) -> bool:
    return word == sentence_case(word) and word.isupper() and len(word) > 1


def cased_text(upper: str, corpus: str, names: Iterable[str] = ()) -> Cased:
    """A line of text printed in capitals (a trích yếu), in the case the document writes it elsewhere,
    its first letter capitalised; else in sentence case with the ``names`` it holds (the document's place
    names) and the names whose case is fixed written as they are: uncertain, since any other word may be a
    proper name the document does not spell."""
    found = restore_case(upper, corpus)
    if found is not None:
        return Cased([found[:1].upper() + found[1:]], True)
    text = sentence_case(upper)
    for name in (*FIXED_NAMES, *names):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", lambda _m, n=name: n, text, flags=re.IGNORECASE)
    return Cased([nfc(text)], False)


def place_names(lines: Iterable[str]) -> list[str]:
    """The places the given lines name after an administrative unit, as written: "xã Hoàng Kim" → "Hoàng
    Kim" (lines in mixed case: a date line's place, an issuer's cased name)."""
    out = []
    for line in lines:
        for match in _UNIT.finditer(line):
            words = []
            for word in line[match.end():].split(" "):
                if not word[:1].isupper():
                    break
                words.append(word.strip(",.;:"))
            if words:
                out.append(" ".join(words))
    return out


# Where a sentence ends: a word after it is capitalised whatever its case in the middle of one.
_SENTENCE_END = (".", ":", ";", "!", "?")
_LONGEST = 12  # words: a name the text writes elsewhere is shorter (a bound on the search's cost)


def cased_line(upper: str, corpus: str, names: Iterable[str] = ()) -> Cased:
    """A body line printed in capitals in the case an officer types it (PL I, II.6.e: the body is in
    thường): each longest run of its words the document writes elsewhere in mixed case, mid-sentence, as
    written there ("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ" → "Chủ tịch Ủy ban nhân dân xã"); the other words in
    sentence case with the ``names`` and the names whose case is fixed as written. Certain when every
    word is covered by one of these, an abbreviation ("UBND") or no word ("-", "15/3/2024"), or is the
    first."""
    words = upper.split()
    out: list[str | None] = [None] * len(words)
    index = _Index(corpus)
    at = 0
    while at < len(words):
        found = index.longest(words[at:at + _LONGEST])
        if found:
            out[at:at + len(found)] = found
        at += len(found) or 1
    names = [*FIXED_NAMES, *names]
    guessed = cased_text(upper, "", names).lines[0]  # sentence case, the names as written
    cased = [w if w is not None else guessed.split()[n] for n, w in enumerate(out)]
    if cased:
        cased[0] = cased[0][:1].upper() + cased[0][1:]
    certain = all(w is not None or n == 0 or _abbreviation(words[n]) or not any(c.isalpha() for c in words[n])
                  or _in_a_name(guessed, n, names) for n, w in enumerate(out))
    return Cased([nfc(" ".join(cased))], certain)


def _key(word: str) -> str:
    return "".join(c for c in word if c.isalnum()).casefold()


class _Index:
    """The document's words, to find how it writes a run of words in mixed case (one pass over it)."""

    def __init__(self, corpus: str) -> None:
        self.words: list[str] = []
        self.starts: list[bool] = []  # the word opens a line or a sentence
        self.at: dict[str, list[int]] = {}
        for line in corpus.split("\n"):
            for n, word in enumerate(line.split()):
                self.at.setdefault(_key(word), []).append(len(self.words))
                self.starts.append(n == 0 or self.words[-1].endswith(_SENTENCE_END))
                self.words.append(word)

    def longest(self, words: list[str]) -> list[str]:
        """The longest run opening ``words`` the document writes in mixed case, not at a sentence's start,
        each word in the case written there; [] if none."""
        keys = [_key(w) for w in words]
        best: list[str] = []
        for start in self.at.get(keys[0], []) if keys and keys[0] else []:
            if self.starts[start]:
                continue
            n = 0
            while n < len(keys) and start + n < len(self.words) and keys[n] and \
                    _key(self.words[start + n]) == keys[n] and (n == 0 or not self.starts[start + n]):
                n += 1
            run = self.words[start:start + n]
            if n > len(best) and any(c.islower() for w in run for c in w):
                best = [with_case(w, spelled) for w, spelled in zip(words, run, strict=False)]
        return best


def _in_a_name(text: str, n: int, names: Iterable[str]) -> bool:
    """Whether the ``n``-th word of ``text`` is a word of one of ``names``."""
    for name in names:
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            first = len(text[:match.start()].split())
            if first <= n < first + len(name.split()):
                return True
    return False


def with_case(markup: str, cased: str) -> str:
    """``markup`` (spec text with its emphasis marks) with its letters in the case of ``cased``, the same
    text without marks; ``markup`` unchanged when their letters differ."""
    letters = [c for c in cased if c.isalpha()]
    if [c.casefold() for c in markup if c.isalpha()] != [c.casefold() for c in letters]:
        return markup
    given = iter(letters)
    return "".join(next(given) if c.isalpha() else c for c in markup)
