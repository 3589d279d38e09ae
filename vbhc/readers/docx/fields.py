"""The header's and the closing's lines read back into the fields a spec has.

"Số: 12/KH-UBND" into the number and the ký hiệu's groups, "Hoàng Kim, ngày 05 tháng 3 năm 2024" into
the place and the date (blanks stay blanks), a signature block into its quyền hạn, position and name,
Nơi nhận lines into names without their "-", ";" and ".", the "Lưu:" line into the archive. Each
function takes the printed text and returns plain spec data (what an officer would type), or None
when the text does not read as that field.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from vbhc import nd30
from vbhc.model.text import nfc

__all__ = [
    "UNIT_PATTERN",
    "UNIT_WORDS",
    "addressee",
    "archive",
    "contact",
    "draft",
    "issuance",
    "joint_code",
    "list_entry",
    "mandate",
    "names_a_place",
    "number",
    "place_date",
    "place_of",
    "restore_case",
    "sentence_case",
    "symbol_groups",
]

_NUMBER = re.compile(r"^s[ốô]\s*:?\s*(?P<n>\d*)\s*[/-]?\s*(?P<symbol>[^\s/]*)\s*$", re.IGNORECASE)
_BLANK = r"[\s._…\u00a0-]*"
_DATE = re.compile(rf"ngày{_BLANK}(?P<d>\d{{1,2}})?{_BLANK}tháng{_BLANK}(?P<m>\d{{1,2}})?{_BLANK}"
                   r"năm\s*(?P<y>\d{4})", re.IGNORECASE)
# "15/3/2024", or "ngày 15/3/2024" (the word typed before the figures belongs to the date, not the place)
_NUMERIC_DATE = re.compile(r"(?:\bngày\s*)?(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})",
                           re.IGNORECASE)
_AUTHORITIES = {a.value.rstrip(".").replace("/", ""): a.value for a in nd30.SigningAuthority}
_MANDATE = re.compile(r"^(?P<a>TM|T/M|KT|K/T|Q|TL|T/L|TUQ)\s*[.:]?\s+(?P<of>\S.*)$", re.IGNORECASE)
_LIST_MARK = re.compile(r"^[-–—•+*·]\s*")
_LIST_END = re.compile(r"\s*[;.,:]+$")  # ":" too: a line over its "+" sub-items
# "Lưu: VT, VP (02)" as the decree writes it; as offices type it (practice): the colon left out before
# "VT" ("Lưu VT."), the copies glued to the unit with "b" or "bản" ("KT(02b)"), "Văn thư" spelled out
_REGISTRY_WORDS = (nd30.ARCHIVE_REGISTRY, "Văn thư")
_ARCHIVE = re.compile(
    rf"^{re.escape(nd30.ARCHIVE_LABEL.rstrip(':'))}(?:\s*:|\s+(?=(?:{'|'.join(_REGISTRY_WORDS)})\b))\s*"
    r"(?P<units>.*?)\s*(?:\(\s*(?P<copies>\d+)\s*(?:b|bản)?\s*\))?$", re.IGNORECASE)
_ISSUANCE = re.compile(r"^(?P<initials>[A-ZĐ]{1,8})\.?\s*(?:\(\s*(?P<copies>\d+)\s*\))?$")
_DRAFT_ROUND = re.compile(r"(\d+)")


def number(text: str) -> tuple[int | None, list[str]] | None:
    """``"Số: 12/KH-UBND"`` → ``(12, ["KH", "UBND"])``; a blank number is None."""
    match = _NUMBER.match(text.strip())
    if match is None:
        return None
    value = int(match["n"]) if match["n"] and int(match["n"]) > 0 else None
    return value, symbol_groups(match["symbol"])


def symbol_groups(symbol: str) -> list[str]:
    """``"KH-UBND"`` → ``["KH", "UBND"]``; a stray end mark ("KH-UBND.") left out."""
    return [g for g in symbol.strip().rstrip(".,;:").strip("-").split(nd30.SYMBOL_SEPARATOR) if g]


def joint_code(group: str, code: str) -> bool:
    """Whether ``group`` is the tên loại's ``code`` as offices mark a joint document: "KHLT" for "KH"
    (the decree writes the code alone, then each issuer's abbreviation: PL I, II.3.c)."""
    return group.upper() in (code.upper(), f"{code.upper()}{_JOINT_MARK}")


_JOINT_MARK = "LT"  # liên tịch


def place_date(text: str) -> tuple[str | None, dict[str, int] | None]:
    """``"Hoàng Kim, ngày 05 tháng 3 năm 2024"`` → ``("Hoàng Kim", {year, month, day})``; a blank
    day or month is left out (the spec's "2024-03")."""
    match = _DATE.search(text) or _NUMERIC_DATE.search(text)
    place = text[:match.start()] if match else text
    place = place.strip().rstrip(",").strip() or None
    if match is None:
        return place, None
    date = {"year": int(match["y"])}
    if match["m"]:
        date["month"] = int(match["m"])
    if match["d"]:
        date["day"] = int(match["d"])
    return place, date


def date_text(date: dict[str, int]) -> str:
    """The spec's way to write a date: "2024-03-05", or "2024-03" with a blank day."""
    out = f"{date['year']:04d}"
    if "month" in date:
        out += f"-{date['month']:02d}"
        if "day" in date:
            out += f"-{date['day']:02d}"
    return out


def mandate(text: str) -> tuple[str, str] | None:
    """``"TM. ỦY BAN NHÂN DÂN"`` → ``("TM.", "ỦY BAN NHÂN DÂN")``; "T/M" reads as "TM."."""
    match = _MANDATE.match(text.strip())
    if match is None:
        return None
    key = match["a"].upper().replace("/", "")
    return (_AUTHORITIES[key], match["of"].strip()) if key in _AUTHORITIES else None


def list_entry(text: str) -> str:
    """A list line without its "-" and its final ";", "." or ","."""
    return _LIST_END.sub("", _LIST_MARK.sub("", text.strip())).strip()


def addressee(text: str) -> str:
    """A Kính gửi line without its label, "-" and final punctuation ("" for the label alone)."""
    label = nd30.ADDRESSEES_LABEL.rstrip(":")
    stripped = text.strip()
    if stripped.lower().startswith(label.lower()):
        stripped = stripped[len(label):].lstrip(" :")
    return list_entry(stripped)


def archive(text: str) -> dict[str, object] | None:
    """``"Lưu: VT, VX (05)"`` → ``{"units": ["VX"], "copies": 5}``."""
    match = _ARCHIVE.match(list_entry(text))
    if match is None:
        return None
    units = [u.strip() for u in match["units"].split(",") if u.strip()]
    if units and units[0].casefold() in {w.casefold() for w in _REGISTRY_WORDS}:
        units = units[1:]
    out: dict[str, object] = {}
    if units:
        out["units"] = units
    if match["copies"]:
        out["copies"] = int(match["copies"])
    return out


def issuance(text: str) -> dict[str, object] | None:
    """Ô 12: ``"PL.(300)"`` → ``{"initials": "PL", "copies": 300}``."""
    match = _ISSUANCE.match(text.strip())
    if match is None:
        return None
    out: dict[str, object] = {"initials": match["initials"]}
    if match["copies"]:
        out["copies"] = int(match["copies"])
    return out


def draft(text: str) -> bool | int:
    """"DỰ THẢO" → True; "Dự thảo lần 2" → 2."""
    found = _DRAFT_ROUND.search(text)
    return int(found[1]) if found else True


def contact(lines: Iterable[str]) -> dict[str, str]:
    """Ô 13 back into the issuer's address, phone, fax, e-mail and website."""
    labels = {label.lower(): key for group in nd30.CONTACT_LINES for key, label in group.items()}
    out: dict[str, str] = {}
    for line in lines:
        found = False
        for part in line.split(nd30.CONTACT_SEPARATOR.strip()):
            head, _, value = part.strip().partition(" ")
            key = labels.get(head.lower())
            if key is not None and value.strip():
                out[key] = value.strip()
                found = True
        if not found and "address" not in out:
            out["address"] = line
    return out


# The kinds of administrative unit, whose name follows them ("xã Hoàng Kim", "thị xã Hồng Lĩnh"; PL II, I.2):
# the longer first, so that "thị xã" is read whole. Read by names_a_place, the case module and the reader.
UNIT_WORDS = ("thị xã", "thị trấn", "thành phố", "xã", "phường", "huyện", "quận", "tỉnh")
UNIT_PATTERN = "|".join(UNIT_WORDS)
_PLACE_WORDS = re.compile(rf"^(?:{UNIT_PATTERN})\s+", re.IGNORECASE)


def names_a_place(text: str) -> bool:
    """Whether ``text`` opens with a place's kind: "XÃ HOÀNG KIM", "huyện Can Lộc"."""
    return bool(_PLACE_WORDS.match(text.strip()))


def place_of(issuer: Iterable[str]) -> str | None:
    """The place an issuer's last line names: "xã Hoàng Kim" → "Hoàng Kim" (None when it names none)."""
    lines = list(issuer)
    if not lines or not _PLACE_WORDS.match(lines[-1]):
        return None
    return _PLACE_WORDS.sub("", lines[-1]).strip() or None


def sentence_case(text: str) -> str:
    """Upper-case text as it would be typed: "CHỦ TỊCH" → "Chủ tịch" (abbreviations kept: "UBND"; a
    Roman number after a counting word kept: "QUÝ I" → "Quý I")."""
    words = text.split(" ")
    out = []
    for n, word in enumerate(words):
        letters = [c for c in word if c.isalpha()]
        abbreviation = len(letters) > 1 and not _SYLLABLE.match(_base("".join(letters)).lower())  # UBND, HĐND
        roman = n > 0 and _ROMAN.match(word) is not None and words[n - 1].lower() in _COUNTING_WORDS
        keep = abbreviation or roman or word.upper() != word
        out.append(word if keep else (word.capitalize() if n == 0 else word.lower()))
    return nfc(" ".join(out))


# A Roman number in capitals, and the words that count with one ("quý I", "khóa XV", "Đại hội XIII"): "VI",
# "XI" alone are also syllables ("vi phạm", "xi măng"), so a numeral is kept only after such a word.
_ROMAN = re.compile(r"^[IVXLC]+[.,;:)]?$")
_COUNTING_WORDS = frozenset(["quý", "phần", "chương", "khóa", "khoá", "kỳ", "đợt", "lần", "đoạn", "mục",
                             "tập", "lục", "thứ", "loại", "hạng", "nhóm", "hội", "vùng", "khu", "số"])

# A Vietnamese syllable without its tone marks (_base): initial consonant, one to three vowels, a final
# consonant. A word of capitals that is none ("UBND", "HĐND", "MTTQ", "KH") is an abbreviation.
_SYLLABLE = re.compile(r"^(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnpqrstvx])?[aeiouy]{1,3}"
                       r"(?:ng|nh|ch|[cmnpt])?$")


def _base(word: str) -> str:
    """``word`` in capitals without its diacritics ("ĐỒNG" → "ĐONG")."""
    return "".join(c for c in unicodedata.normalize("NFD", word.upper()) if not unicodedata.combining(c))


def restore_case(upper: str, corpus: str, known: Iterable[str] = ()) -> str | None:
    """The way ``upper`` (printed in capitals) is written elsewhere: one of ``known`` (a profile's
    values), or where the document's own text names it; None when neither does."""
    key = upper.casefold()
    for k in known:
        if k.casefold() == key:
            return k
    pattern = re.compile(re.escape(upper).replace(r"\ ", r"\s+"), re.IGNORECASE)
    for match in pattern.finditer(corpus):
        found = match[0]
        if found != found.upper():
            return " ".join(found.split())
    return None
