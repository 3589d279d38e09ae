"""Vietnamese typed in TCVN3 (ABC) and VNI (vbhc/ooxml/legacy_text.py): the tables on every Vietnamese
letter in both cases, against glibc's TCVN5712-1 codec and strings offices typed; recognised by the font
and by the characters; ``vbhc check`` reports it once, ``--fix`` and ``vbhc import`` convert it.

The documents are tests/fixtures/habits_legacy.py's (the careful plan typed in .VnTime/.VnTimeH and in
VNI-Times); the tests over every habit (tests/check/test_office_habits.py, tests/test_import_habits.py)
run them too.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata

import pytest
from docx import Document as WordDocument

from tests.fixtures.habits_legacy import tcvn3, tcvn3_pieces, tcvn3_plan, vni, vni_plan
from tests.fixtures.office_habits import Word, body, careful_plan
from vbhc.check.checks import check_document
from vbhc.check.fix import check_and_fix
from vbhc.ooxml.legacy_text import (
    TCVN3,
    TCVN3_CODES,
    VNI,
    decode,
    encoding_of_font,
    guess_encoding,
    is_capitals_font,
)
from vbhc.ooxml.resolve import read_document
from vbhc.pipeline import import_document

TONED = "aăâeêioôơuưy"
MARKS = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
# every Vietnamese letter: 12 vowels with no tone and the five tones, and đ; small and capital
SMALL = [unicodedata.normalize("NFC", v + m) for v in TONED for m in MARKS] + ["đ"]
LETTERS = SMALL + [letter.upper() for letter in SMALL]


def test_there_are_146_letters() -> None:
    assert len(set(LETTERS)) == 146 and all(len(letter) == 1 for letter in LETTERS)


@pytest.mark.parametrize("letter", LETTERS)
def test_every_letter_reads_back_from_tcvn3(letter: str) -> None:
    """A small letter has its code in .VnTime; a capital has its own (Ă Â Ê Ô Ơ Ư Đ) or is the small
    letter's code in the capitals font (.VnTimeH)."""
    pieces = tcvn3_pieces(letter)
    assert len(pieces) == 1
    code, capitals = pieces[0]
    assert len(code) == 1 and (letter.isascii() or not code.isascii())
    assert decode(code, TCVN3, capitals) == letter


@pytest.mark.parametrize("letter", LETTERS)
def test_every_letter_reads_back_from_vni(letter: str) -> None:
    typed = vni(letter)
    assert decode(typed, VNI) == letter
    assert letter.isascii() or not typed.isascii()


def test_the_tcvn3_table_is_the_standards() -> None:
    """The 134 letters (small ones and the seven capitals of their own) and the five tone marks; each
    letter once; the same as glibc's TCVN5712-1 codec where it is installed."""
    letters = [v for v in TCVN3_CODES.values() if v.isalpha()]
    assert len(letters) == len(set(letters)) == 67 + 7
    assert set(letters) == {letter for letter in SMALL if not letter.isascii()} | set("ĂÂÊÔƠƯĐ")
    iconv = shutil.which("iconv")
    if iconv is None:
        pytest.skip("iconv is not installed")
    codes = bytes(sorted(TCVN3_CODES))
    glibc = subprocess.run([iconv, "-f", "TCVN5712-1", "-t", "UTF-8"], input=codes, capture_output=True)
    if glibc.returncode != 0:
        pytest.skip("this iconv has no TCVN5712-1")
    assert list(glibc.stdout.decode("utf-8")) == [TCVN3_CODES[c] for c in sorted(TCVN3_CODES)]


@pytest.mark.parametrize(("typed", "encoding", "capitals", "text"), [
    ("Uû ban nh©n d©n", TCVN3, False, "Uỷ ban nhân dân"),
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", TCVN3, False, "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", TCVN3, False, "Độc lập - Tự do - Hạnh phúc"),
    ("uû ban nh©n d©n", TCVN3, True, "UỶ BAN NHÂN DÂN"),
    ("Xin chaøo caùc baïn", VNI, False, "Xin chào các bạn"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", VNI, False, "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("ÑOÄC LAÄP - TÖÏ DO - HAÏNH PHUÙC", VNI, False, "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"),
    ("Ngöôøi lao ñoäng", VNI, False, "Người lao động"),
    ("M\xadêng Kh\xad¬ng, B¸t X¸t", TCVN3, False, "Mường Khương, Bát Xát"),  # ư is 0xAD, a soft hyphen
])
def test_text_offices_typed(typed: str, encoding: object, capitals: bool, text: str) -> None:
    assert decode(typed, encoding, capitals) == text  # type: ignore[arg-type]
    assert unicodedata.is_normalized("NFC", decode(typed, encoding, capitals))  # type: ignore[arg-type]


def test_fonts_name_the_encoding() -> None:
    assert [encoding_of_font(f) for f in (".VnTime", ".VnTimeH", ".VnArial NarrowH", "VNI-Times",
                                          "VNI-Helve", "Times New Roman", None, "Vntime")] == \
        [TCVN3, TCVN3, TCVN3, VNI, VNI, None, None, None]
    assert [is_capitals_font(f) for f in (".VnTimeH", ".VnArialH", ".VnTime", "VNI-Times", "Arial")] == \
        [True, True, False, False, False]


def test_the_pattern_names_the_encoding_and_raises_no_false_alarm() -> None:
    text = "Uû ban nh©n d©n x· Hoµng Kim thùc hiÖn c«ng t¸c b×nh ®¼ng giíi n¨m 2024 theo kÕ ho¹ch cña huyÖn"
    assert guess_encoding([text]) is TCVN3
    assert guess_encoding([vni(decode(text, TCVN3))]) is VNI
    for unicode_text in (decode(text, TCVN3), "Nous avons été très contents de voir les élèves près du café,"
                         " après la fête à Genève, où déjà l'été", "Plan for the year 2024 " * 5, ""):
        assert guess_encoding([unicode_text]) is None


# --------------------------------------------------------------------------------------------
# Documents


def _texts(data: bytes) -> list[str]:
    return [p.text for p in read_document(data).paragraphs]


@pytest.mark.parametrize("make", [tcvn3_plan, vni_plan])
def test_the_document_reads_as_the_unicode_one(make: object) -> None:
    habit = make()  # type: ignore[operator]
    doc = read_document(habit.data)
    assert doc.legacy is not None and doc.legacy.fonts
    assert _texts(habit.data) == _texts(careful_plan().data)


def test_check_reports_it_once_and_fix_converts() -> None:
    data = tcvn3_plan().data
    report, fixed = check_and_fix(data, "cu.docx", "moi.docx")
    (finding,) = [f for f in report.findings if f.rule.id == "text.encoding"]
    assert finding.found == "TCVN3 (ABC) text in the fonts .VnTime, .VnTimeH"
    assert "vbhc check --fix" in finding.note and "TCVN 6909:2001" in finding.note
    plain = check_document(read_document(careful_plan().data))
    assert sorted(report.rule_ids() - {"text.encoding"}) == sorted(plain.rule_ids())
    assert fixed is not None
    again = read_document(fixed)
    assert again.legacy is None and _texts(fixed) == _texts(careful_plan().data)
    assert "text.encoding" not in check_document(again).rule_ids()
    word = WordDocument(io.BytesIO(fixed))
    runs = [r for p in word.paragraphs for r in p.runs if r.text.strip()]
    runs += [r for t in word.tables for c in t._cells for p in c.paragraphs for r in p.runs if r.text.strip()]
    assert runs and {r.font.name for r in runs} == {"Times New Roman"}
    assert any("converted to Unicode" in line for line in report.fix.changed)  # type: ignore[union-attr]


def test_text_in_a_unicode_font_is_known_by_its_characters() -> None:
    """Fonts renamed (a template applied over an old file): the characters alone tell TCVN3."""
    w = Word()  # Times New Roman
    w.para(*(body(tcvn3(t)) for t in ("Nâng cao nhận thức của cán bộ về bình đẳng giới trên địa bàn xã.",
                                      "Thực hiện các nội dung của kế hoạch theo đúng tiến độ năm 2024.")))
    doc = read_document(w.bytes())
    assert doc.legacy is not None and doc.legacy.fonts == () and doc.legacy.encodings == (TCVN3,)
    texts = [p.text for p in doc.paragraphs]
    assert "Nâng cao nhận thức của cán bộ về bình đẳng giới trên địa bàn xã." in texts
    assert "in a Unicode font (recognised by its characters)" in doc.legacy.describe()


def test_import_reads_unicode_and_says_so() -> None:
    result = import_document(vni_plan().data, name="cu.docx")
    assert result.spec == import_document(careful_plan().data).spec
    assert "VNI text in the font VNI-Times: read as Unicode" in result.diagnostics[0].message


def test_no_unicode_habit_is_taken_for_a_legacy_one() -> None:
    from tests.fixtures import office_habits

    for make in office_habits.HABITS:
        assert read_document(make().data).legacy is None, make.__name__
