"""``vbhc import`` over the Word-made fixtures of office habits (tests/fixtures/office_habits.py).

For every fixture: import → render keeps every paragraph's text (numbering recomputed, the decree's
punctuation added) and the render has no ``vbhc check`` error; the fixture that is no administrative
document is refused with a clear message. Issue 11, "Done when".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable

import pytest

from tests.fixtures.all_habits import HABITS
from tests.fixtures.office_habits import Habit, not_an_administrative_document
from tests.test_import_warnings import senseless
from vbhc import nd30
from vbhc.check import check
from vbhc.nd30 import Level, numbering
from vbhc.ooxml.resolve import ResolvedParagraph, read_document
from vbhc.pipeline import import_document, render_bytes
from vbhc.readers.docx import NotAnAdministrativeDocument
from vbhc.recognise import recognise
from vbhc.recognise.closing import is_signature_placeholder
from vbhc.recognise.components import first_page_part

# Components the decree lays out in the header's and the closing's tables: their order on the page is
# the layout's (issuer left, Quốc hiệu right; Nơi nhận left, signature right), not the text's, so a
# fixture typing them side by side with tabs or in text boxes reads in another order than the render.
FRAMED = frozenset({
    "parent-body", "issuer", "number", "letter-summary", "secrecy", "urgency", "circulation", "draft",
    "national-title", "motto", "place-date", "signature-title", "signer-name", "recipients-heading",
    "recipient", "confirmation", "appendix-note",
    "addressees"})  # "Kính gửi: - A;" typed on one line: the decree puts the label on a line of its own

# The tên loại and trích yếu: a trích yếu typed in capitals is imported in the case the text writes it
# (vbhc.readers.docx.case), so its words are compared whatever their case, and wherever its lines break.
CASED = frozenset({"document-type-name", "summary"})

# What the decree changes in a line, stripped before comparing: a numbering label ("I.", "1.", "1.1.",
# "I.1.", "a)", "a.", "1)", "(1)", "(a)", "-", "+", "•", "*"), which vbhc recomputes; the end punctuation
# of a list item or a recipient (";", ".", "./.", ",", ":"), which it adds or replaces.
LABEL = re.compile(r"^(?:(?:[IVXLC]+\.)?\d+(?:\.\d+)*[.)]?|[IVXLC]+\.|[a-zđ][.)]|\((?:\d+|[a-zđ])\)"
                   r"|[-+•–*➢o])\s+")
END = re.compile(r"(?:\./\.|[;.,:])+$")
NUMERIC_DATE = re.compile(r"(?:\bngày )?\b(\d{1,2})/(\d{1,2})/(\d{4})\b")  # "15/3/2024": "ngày 15 tháng 3 …"
DATE_PART = re.compile(r"\b(ngày|tháng)\s*(?:[.…_]+|0*(\d+))")  # "tháng 03", "ngày .....": "tháng 3", "ngày"
# the Số line as the decree writes it (PL I, II.3.c): "Số 012 /KHLT-UBND." → "Số: 12/KH-UBND"
LETTER_LABEL = re.compile(r"^(?:V/v\s*:|Về việc)\s*")
NUMBER_LINE = re.compile(r"^\s*Số\s*:?\s*0*(\d*)\s*/\s*([A-ZĐ]+?)(?:LT)?(-\S*?)?[.,;:]?\s*$")
SEGMENT = re.compile(r"\t|\n| {2,}")  # columns typed with tabs or runs of spaces; lines broken by hand
# "Ban hành kèm theo …" typed as an appendix's note: vbhc writes "(Kèm theo …)" under its title
NOTE = re.compile(r"^\(?(?:Ban hành k|K)èm theo (.*?)\)?$")
# the old placement of the tone mark at a word's end ("hoà", "HOÀ", "uỷ"): the decree's "hòa", "ủy"
NEW_TONE = {old: new for pairs in ("oà òa", "oá óa", "oả ỏa", "oã õa", "oạ ọa", "uỳ ùy", "uý úy", "uỷ ủy",
                                   "uỹ ũy", "uỵ ụy") for old, new in [pairs.split(), pairs.upper().split()]}
OLD_TONE = re.compile(f"(?:{'|'.join(NEW_TONE)})\\b")
MANDATE = re.compile(r"^([TK])/([MTL])\b\.?")  # "T/M" → "TM." (PL I, II.7.a)
APPENDIX = re.compile(r"^(Phụ lục|PHỤ LỤC) [IVXLC]+$")  # "Phụ lục I" alone → "Phụ lục" (PL I, III.1.b)
# "Lưu VT", "Lưu: Văn thư", "KT(02b)": the Lưu line as the decree writes it, "Lưu: VT, KT (2)" (PL I, II.9.d)
ARCHIVE = re.compile(r"^(Lưu)\s*:?\s*(?:VT|Văn thư)\b")
COPIES = re.compile(r"\s*\(0*(\d+)\s*(?:b|bản)?\)$")
LONE_MANDATE = re.compile(r"^(?:TM|KT|Q|TL|TUQ)\.$")
# "Kính gửi: - A;" with the first addressee on the label's line: the decree's "Kính gửi:" over "- A;"
ADDRESSEES = re.compile(r"^(Kính gửi)\s*:\s*(?:[-–]\s*)?")
# "PHẦN THỨ NHẤT" alone on its line: the decree's "Phần I" (Roman numerals, PL I, II.6.đ)
DIVISION_ORDINAL = re.compile(r"^phần thứ \w+$", re.IGNORECASE)


def normalised(segment: str) -> str:
    """A segment of text with only what the decree changes taken out: Unicode form, spaces, the
    numbering label, the end punctuation, a date's digits, the case of a line in capitals only, and
    the old placement of the tone mark ("HOÀ", "UỶ"), "T/M" for "TM.", a lone appendix's numeral, the
    appendix note's wording. Every word of it stays, so a dropped or
    duplicated paragraph still differs."""
    text = " ".join(unicodedata.normalize("NFC", segment).split())
    if LONE_MANDATE.match(text):  # "Q." typed alone on its line: vbhc prints "Q. CHỦ TỊCH" on one
        return text.casefold()
    text = nd30.written_in_full(LABEL.sub("", text))  # an issuer's "UBND" is written in full (PL I, II.2.a)
    text = END.sub("", text).strip()
    text = DATE_PART.sub(lambda m: f"{m[1]} {m[2] or ''}".strip(),
                         NUMERIC_DATE.sub(r"ngày \1 tháng \2 năm \3", text))
    text = APPENDIX.sub(r"\1", MANDATE.sub(r"\1\2.", text))
    text = ADDRESSEES.sub(r"\1 ", text).strip()
    typed = numbering.read_label(text) if DIVISION_ORDINAL.match(text) else None
    if typed is not None and isinstance(typed.value, int):
        text = numbering.label(Level.DIVISION, typed.value)
    if ARCHIVE.match(text):
        text = COPIES.sub(r" (\1)", ARCHIVE.sub(r"\1: VT", text))
    if not any(c.islower() for c in text):
        text = text.casefold()
    text = NOTE.sub(r"Kèm theo \1", text)
    return OLD_TONE.sub(lambda m: NEW_TONE[m.group(0)], text)


def _segments(p: ResolvedParagraph) -> list[str]:
    """The pieces of a paragraph as printed (its Word label, ``w:caps``, no hidden runs), split where
    the typist put tabs, runs of spaces or line breaks."""
    text = "".join(r.text.upper() if r.caps else r.text for r in p.runs if not r.vanish)
    text = NUMBER_LINE.sub(lambda m: f"Số: {m[1]}/{m[2]}{m[3] or ''}", text)
    text = LETTER_LABEL.sub("V/v ", text)  # "V/v:", "Về việc" typed for the decree's "V/v" (PL I, II.5.b)
    if p.numbering_label:
        text = f"{p.numbering_label} {text}"
    # a placeholder where the signature goes ("(Đã ký)") is left out, with a warning (readers/docx)
    return [key for piece in SEGMENT.split(text)
            if (key := normalised(piece)) and not is_signature_placeholder(piece)]


def texts(data: bytes) -> tuple[list[str], list[str]]:
    """A document's body text, normalised: (the flowing text in reading order, the framed components
    of the header and the closing, in any order)."""
    doc = read_document(data)
    roles: dict[tuple[str, int], set[str]] = {}
    for item in recognise(doc).all():
        roles.setdefault((item.paragraph.location, item.paragraph.index), set()).add(item.role.value)
    flow: list[str] = []
    framed: list[str] = []
    title = False  # the tên loại and trích yếu, as one text however they are broken into paragraphs
    for p in doc.paragraphs:
        own = roles.get(("body", p.index), set())
        segments = _segments(p)
        if own & CASED and segments:
            text = " ".join(segments).casefold()
            flow[-1:] = [f"{flow[-1]} {text}"] if title else [*flow[-1:], text]
            title = True
            continue
        title = title and not segments
        (framed if own & FRAMED else flow).extend(segments)
    page_header = first_page_part(doc, header=True)
    if any(roles.get((p.location, p.index), set()) & FRAMED for p in page_header):
        for p in page_header:  # the header typed in Word's page header: every line of it is the document's
            framed.extend(_segments(p))
    return flow, framed


def test_the_normaliser_keeps_every_word() -> None:
    assert normalised("a. Nâng cao nhận thức;") == normalised("a) Nâng cao nhận thức.")
    assert normalised("1.1. Mục đích") == normalised("1. Mục đích")
    assert normalised("T/M ỦY BAN") != normalised("ỦY BAN")
    assert normalised("Nâng cao nhận thức") != normalised("Nâng cao nhận thức của cán bộ")
    assert normalised("T/M ỦY BAN") == normalised("TM. ỦY BAN") and normalised("Phụ lục II") == "Phụ lục"
    assert normalised("Điều 1. Ban hành") != normalised("Ban hành")
    assert normalised("CỘNG HOÀ") == normalised("CỘNG HÒA")
    assert normalised("XÃ HOÀNG KIM.") == "xã hoàng kim"
    assert normalised("PHẦN THỨ HAI") == normalised("Phần II") != normalised("Phần I")


def in_case_of(again: list[str], source: list[str]) -> list[str]:
    """The rendered lines ``again``, each in the case of the source's line in its place where that line
    was printed in capitals (normalised to lower case): import writes a body line typed in capitals in
    thường (PL I, II.6.e), so its words are compared whatever their case."""
    return [typed if typed == typed.casefold() and line.casefold() == typed else line
            for line, typed in zip(again, [*source, *[""] * len(again)], strict=False)]


def test_a_line_in_capitals_is_compared_whatever_its_case_and_only_it() -> None:
    assert in_case_of(["Q. Chủ tịch xã", "Giao ông An"], [normalised("Q. CHỦ TỊCH XÃ"), "Giao ông An"]) == \
        ["q. chủ tịch xã", "Giao ông An"]
    assert in_case_of(["Giao ông an"], ["Giao ông An"]) == ["Giao ông an"]
    assert in_case_of(["Q. Chủ tịch", "x"], [normalised("Q. CHỦ TỊCH")]) == ["q. chủ tịch", "x"]


_BUILT: dict[str, Habit] = {}


def built(make: Callable[[], Habit]) -> Habit:
    if make.__name__ not in _BUILT:
        _BUILT[make.__name__] = make()
    return _BUILT[make.__name__]


DOCUMENTS = [pytest.param(make, marks=pytest.mark.xfail(strict=True, reason=known))
             if (known := built(make).import_known) else make
             for make in HABITS if make is not not_an_administrative_document and not built(make).refused]
REFUSED = [make for make in HABITS if built(make).refused]


@pytest.mark.parametrize("make", DOCUMENTS, ids=lambda f: f.__name__)
def test_import_then_render_keeps_every_paragraph_and_passes_check(make: Callable[[], Habit]) -> None:
    habit = built(make)
    result = import_document(habit.data, name=f"{habit.name}.docx")
    assert senseless([str(d) for d in result.diagnostics]) == []  # no empty "()", no "I." for "I."
    again = render_bytes(result.document)
    (flow, framed), (flow_again, framed_again) = texts(habit.data), texts(again)
    # every paragraph of the text, in order, none dropped or doubled
    assert in_case_of(flow_again, flow) == flow
    # the header's and the closing's words, wherever the decree places and breaks their lines, in the
    # case it prints them (an issuer typed "Ủy ban nhân dân" prints "ỦY BAN NHÂN DÂN": PL I, II.2.b)
    assert Counter(" ".join(framed_again).casefold().split()) == Counter(" ".join(framed).casefold().split())
    report = check(again, name=f"{habit.name}-again.docx")
    assert [f.line() for f in report.findings if f.severity.value == "error"] == []


def test_what_is_no_administrative_document_is_refused_with_a_clear_message() -> None:
    habit = built(not_an_administrative_document)
    with pytest.raises(NotAnAdministrativeDocument, match=r"not an administrative document.*no Quốc hiệu"):
        import_document(habit.data, name=f"{habit.name}.docx")


@pytest.mark.parametrize("make", REFUSED, ids=lambda f: f.__name__)
def test_what_import_refuses_it_refuses_naming_what_it_is_and_why(make: Callable[[], Habit]) -> None:
    """A paper that is no administrative document, or a document Decree 30 does not govern (a Party's or a
    union's, a legal normative one, a citizen's): refused, with a message that names what was recognised."""
    habit = built(make)
    with pytest.raises(NotAnAdministrativeDocument, match=habit.refused):
        import_document(habit.data, name=f"{habit.name}.docx")
