"""vbhc.nd30.numbering: the one place where the body's numbering lives, and the modules that use it."""

from __future__ import annotations

import pytest

from tests.conftest import make_document
from vbhc import Article, Chapter, Dash, Division, Item, Part, Plus, Point, Section, Table
from vbhc.check.checks import check_document
from vbhc.errors import FieldError
from vbhc.layout import lay_out
from vbhc.model import BLOCK_TYPES, Paragraph
from vbhc.nd30 import POINT_LETTERS, Level
from vbhc.nd30.numbering import (
    MAX_NUMBER,
    NO_NUMBER,
    Numeral,
    label,
    labelled,
    numeral,
    parse,
    point_letter,
    read_label,
    roman,
    roman_value,
    sublabel,
)
from vbhc.ooxml.resolve import read_document
from vbhc.readers.spec.outline import parse_outline
from vbhc.recognise.components import recognise
from vbhc.writers.docx.writer import render_bytes

NUMBERED = [level for level in Level if level.numeral is not Numeral.MARK and level is not Level.SUBITEM]
# Numbers each level is tried at: the first ones, the đ after d, the last điểm, Roman boundaries.
SAMPLES = {Numeral.ROMAN: (1, 2, 4, 9, 14, 39), Numeral.ARABIC: (1, 2, 9, 10, 689),
           Numeral.LETTER: (1, 4, 5, 6, 7, len(POINT_LETTERS))}


def _cases() -> list[tuple[Level, int]]:
    return [(level, n) for level in NUMBERED for n in SAMPLES[level.numeral]]


@pytest.mark.parametrize(("level", "n"), _cases())
def test_a_label_reads_back_as_its_level_and_number(level: Level, n: int) -> None:
    printed = label(level, n)
    rest = "Nội dung" if level.suffix else ""  # "Chương II" stands alone; its title is the next line
    for read in (parse, read_label):
        found = read(f"{printed} {rest}".strip())
        assert found is not None, (read.__name__, printed)
        assert (found.level, found.label, found.rest) == (level, printed, rest)
        assert found.value == (numeral(level, n) if level.numeral is Numeral.LETTER else n)


@pytest.mark.parametrize(("level", "text"), [(Level.DASH, "- gạch"), (Level.PLUS, "+ cộng")])
def test_bullets_carry_their_mark_and_no_number(level: Level, text: str) -> None:
    assert label(level, 7) == level.word == text[0]
    for read in (parse, read_label):
        found = read(text)
        assert found is not None and (found.level, found.value, found.label) == (level, None, text[0])


def test_labels_as_the_decree_prints_them() -> None:
    assert [label(level, 2) for level in NUMBERED] == [
        "Phần II", "Chương II", "Mục 2", "Điều 2.", "II.", "2.", "b)"]
    assert labelled(Level.ARTICLE, "01") == "Điều 01."  # a typed number in its label, for messages
    assert sublabel("3", 2) == "3.2."


def test_d_bar_comes_after_d_and_f_j_w_z_are_not_letters() -> None:
    assert [point_letter(n) for n in (4, 5, 6, 7)] == ["d", "đ", "e", "g"]
    assert parse("đ) điểm").value == "đ"  # type: ignore[union-attr]
    assert label(Level.POINT, 5) == "đ)"
    assert not {"f", "j", "w", "z"} & set(POINT_LETTERS)
    assert Level.POINT.limit == len(POINT_LETTERS) == 23
    assert label(Level.POINT, 24, past_end=NO_NUMBER) == "?"
    with pytest.raises(ValueError, match="23"):
        label(Level.POINT, 24)


def test_roman_numerals_at_their_boundaries() -> None:
    assert (roman(1), roman(3999), roman(MAX_NUMBER)) == ("I", "MMMCMXCIX", "MMMMMMMMMCMXCIX")
    for bad in (0, -1, MAX_NUMBER + 1, 2_000_000_000):
        with pytest.raises(ValueError):
            roman(bad)
    assert all(roman_value(roman(n)) == n for n in range(1, MAX_NUMBER + 1))
    for text in ("", "IIII", "IM", "VX", "ABC", "M" * 10, "I" * 100_000):
        assert roman_value(text) is None, text[:10]
    assert Level.PART.limit == MAX_NUMBER


def test_outline_grammar_is_exact_and_word_grammar_lenient() -> None:
    assert parse("IIII. text") is None and parse("C. Văn A") is None  # not numerals: plain lines
    assert parse("1) text") is None and read_label("1) text").level is Level.ITEM  # type: ignore[union-attr]
    assert read_label("chương ii").value == 2  # type: ignore[union-attr]
    assert read_label("Phần thứ nhất").value == 1  # type: ignore[union-attr]  # the ordinal counts
    assert read_label("PHẦN THỨ MƯỜI").value == 10  # type: ignore[union-attr]
    assert [(x.level, x.value, x.label) for x in map(read_label, ("(2) a", "(b) a", "II.3. a", "* a"))] == [
        (Level.ITEM, 2, "(2)"), (Level.POINT, "b", "(b)"), (Level.ITEM, 3, "II.3."), (Level.DASH, None, "*")]
    assert read_label("10.000 người") is None  # a thousands dot, not an item
    assert parse("1.1. text").level is Level.SUBITEM  # type: ignore[union-attr]
    assert parse("Phần II. Tên").level is Level.DIVISION  # type: ignore[union-attr]
    long = parse("Chương " + "9" * 5000)  # read without int() of 5,000 digits
    assert long is not None and long.value is None


def test_ranks_nest_the_levels() -> None:
    order = [Level.DIVISION, Level.CHAPTER, Level.SECTION, Level.ARTICLE, Level.ITEM, Level.SUBITEM,
             Level.POINT, Level.DASH, Level.PLUS]
    assert [level.rank for level in order] == sorted(level.rank for level in order)
    assert len({level.rank for level in order}) == len(order)
    assert Level.PART.rank == Level.ARTICLE.rank  # "I." parts stand where articles would


def test_resets() -> None:
    assert Level.ITEM.resets == (Level.POINT,)
    assert set(Level.ARTICLE.resets) == set(Level.PART.resets) == {Level.ITEM, Level.SUBITEM, Level.POINT}
    assert Level.SECTION in Level.CHAPTER.resets and Level.CHAPTER in Level.DIVISION.resets
    assert Level.POINT.resets == () and Level.DASH.resets == ()
    assert [level for level in Level if level.continuous] == [Level.DIVISION, Level.ARTICLE]


def test_every_numbered_model_block_names_its_level() -> None:
    levels = {cls: cls.level for cls in BLOCK_TYPES}
    assert levels == {Division: Level.DIVISION, Chapter: Level.CHAPTER, Section: Level.SECTION,
                      Article: Level.ARTICLE,
                      Part: Level.PART, Item: Level.ITEM, Point: Level.POINT, Dash: Level.DASH,
                      Plus: Level.PLUS, Paragraph: None, Table: None}


# --------------------------------------------------------------------------------------------
# The modules number through it: layout prints, the outline reads, recognise reads and check agrees


OUTLINE = """Chương I
Quy định chung
Mục 1
Phạm vi
Điều 1. Phạm vi điều chỉnh
1. Khoản một:
a) điểm a;
b) điểm b;
c) điểm c;
d) điểm d;
đ) điểm đ;
e) điểm e.
2. Khoản hai.
Điều 2. Đối tượng
Chương II
Tổ chức thực hiện
Điều 3. Trách nhiệm
- gạch
+ cộng
"""


def test_layout_outline_recognise_and_check_agree_on_every_label() -> None:
    result = parse_outline(OUTLINE)
    assert not result.errors and not result.warnings
    typed = [found for found in map(parse, OUTLINE.splitlines()) if found is not None]
    document = make_document(type="quy-che", body=result.blocks)
    printed = [x.label for x in lay_out(document).body if x.label]
    assert printed == [found.label for found in typed] == [
        "Chương I", "Mục 1", "Điều 1.", "1.", "a)", "b)", "c)", "d)", "đ)", "e)", "2.", "Điều 2.",
        "Chương II", "Điều 3.", "-", "+"]
    doc = read_document(render_bytes(document))
    seen = [(r.level, r.value, r.label) for r in recognise(doc).body if r.level is not None]
    assert seen == [(found.level, found.value, found.label) for found in typed]
    assert "numbering.sequence" not in check_document(doc).rule_ids()


def test_the_old_private_copies_are_gone() -> None:
    import vbhc.check.checks as checks
    import vbhc.check.fix as fix
    import vbhc.layout as layout
    import vbhc.readers.spec.outline as outline
    import vbhc.recognise.components as components

    gone = {layout: ("label_of", "numeral"), outline: ("_PATTERNS", "RANK", "MARKER", "roman_value"),
            components: ("_LABELS", "_roman_value"), checks: ("_expected_label", "_RESETS"),
            fix: ("_ARTICLE_LABEL",)}
    for module, names in gone.items():
        assert not [n for n in names if hasattr(module, n)], module.__name__


def test_more_points_than_letters_are_refused_once_by_the_model_and_the_outline_reader() -> None:
    """What `vbhc validate` accepts, render can number: a 24th điểm has no letter."""
    Item(text="x", children=[Point("p")] * 23)
    with pytest.raises(FieldError) as refused:
        Item(text="x", children=[Point("p")] * 24)
    assert (refused.value.path, refused.value.expected, refused.value.found) == (
        "children[23]", "at most 23 points (a to y) in one place", "point 24")
    result = parse_outline("I. A\n1. Khoản:\n" + "".join(f"a) điểm {n};\n" for n in range(24)))
    assert [(n.line, n.message) for n in result.errors] == [
        (26, "at most 23 points (a to y) in one place; found 24")]
