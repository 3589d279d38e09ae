"""Automatic numbering labels, computed from numbering.xml the way Word shows them."""

from __future__ import annotations

import pytest
from docx_fixtures import build_docx, para, pstyle

from vbhc.nd30 import MAX_NUMBER
from vbhc.ooxml.numbering import NumberBeyondLimit, format_number, letters, roman
from vbhc.ooxml.resolve import ResolvedDocument, read_document


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}'
        f'<w:pPr><w:ind w:left="{(ilvl + 1) * 360}" w:hanging="360"/></w:pPr>'
        "</w:lvl>"
    )


def abstract(aid: int, *levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{aid}">{"".join(levels)}</w:abstractNum>'


def num(nid: int, aid: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


def numbered(text: str, nid: int, ilvl: int = 0, ppr: str = "") -> str:
    return para(text, f'{ppr}<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{nid}"/></w:numPr>')


ARTICLES = abstract(0, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "%2)"), lvl(2, "upperRoman", "%3 -"))


def labels(doc: ResolvedDocument) -> list[str | None]:
    return [p.numbering_label for p in doc.paragraphs]


def test_decimal_then_lower_letter_resetting_under_the_next_decimal() -> None:
    body = (
        numbered("one", 1) + numbered("a", 1, 1) + numbered("b", 1, 1)
        + numbered("two", 1) + numbered("a again", 1, 1)
        + numbered("three", 1)
    )
    doc = read_document(build_docx(body, numbering=ARTICLES + num(1, 0)))
    assert labels(doc) == ["1.", "a)", "b)", "2.", "a)", "3."]
    first = doc.paragraphs[0]
    assert first.num_id == "1" and first.numbering_level == 0
    assert first.indent_left_cm == pytest.approx(0.635) and first.first_line_cm == pytest.approx(-0.635)
    assert first.text == "one"  # the label is not part of the text


def test_upper_roman() -> None:
    body = "".join(numbered(str(i), 1, 2) for i in range(5))
    doc = read_document(build_docx(body, numbering=ARTICLES + num(1, 0)))
    assert labels(doc) == ["I -", "II -", "III -", "IV -", "V -"]


def test_start_override_makes_a_new_list_instance() -> None:
    numbering = ARTICLES + num(1, 0) + num(2, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/>'
                                                "</w:lvlOverride>")
    body = numbered("a", 1) + numbered("b", 1) + numbered("c", 2) + numbered("d", 2) + numbered("e", 1)
    doc = read_document(build_docx(body, numbering=numbering))
    assert labels(doc) == ["1.", "2.", "5.", "6.", "3."]


def test_level_start_value() -> None:
    numbering = abstract(0, lvl(0, "lowerLetter", "%1.", start=3)) + num(1, 0)
    doc = read_document(build_docx(numbered("x", 1) + numbered("y", 1), numbering=numbering))
    assert labels(doc) == ["c.", "d."]


def test_numbering_continues_across_paragraphs_of_other_styles_and_nums_sharing_an_abstract() -> None:
    styles = pstyle("Normal", default=True) + pstyle("Other", '<w:rPr><w:b/></w:rPr>')
    body = (
        numbered("a", 1)
        + para("plain")
        + para("other style", '<w:pStyle w:val="Other"/>')
        + numbered("b", 1, ppr='<w:pStyle w:val="Other"/>')
        + numbered("c", 2)  # another w:num on the same abstractNum, no override: same counters
    )
    doc = read_document(build_docx(body, styles=styles, numbering=ARTICLES + num(1, 0) + num(2, 0)))
    assert labels(doc) == ["1.", None, None, "2.", "3."]


def test_numbering_from_a_paragraph_style() -> None:
    styles = pstyle("Normal", default=True) + pstyle(
        "Dieu", '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:ind w:left="0" w:firstLine="567"/></w:pPr>')
    styles += pstyle("Khoan", '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>')
    body = (
        para("Phạm vi", '<w:pStyle w:val="Dieu"/>')
        + para("khoản", '<w:pStyle w:val="Khoan"/>')
        + para("Đối tượng", '<w:pStyle w:val="Dieu"/>')
        + para("không số", '<w:pStyle w:val="Dieu"/><w:numPr><w:numId w:val="0"/></w:numPr>')
        + para("Hiệu lực", '<w:pStyle w:val="Dieu"/>')
    )
    doc = read_document(build_docx(body, styles=styles, numbering=ARTICLES + num(1, 0)))
    assert labels(doc) == ["1.", "a)", "2.", None, "3."]
    # numbering that comes from the style: the style's own indents beat the level's
    assert doc.paragraphs[0].indent_left_cm == 0.0
    assert doc.paragraphs[0].first_line_cm == pytest.approx(1.0, abs=1e-3)
    assert doc.paragraphs[1].indent_left_cm == pytest.approx(1.27)


def test_multi_level_text_and_legal_numbering() -> None:
    numbering = abstract(
        0, lvl(0, "upperRoman", "%1."), lvl(1, "decimal", "%1.%2."),
        lvl(2, "decimal", "%1.%2.%3", extra="<w:isLgl/>"),
    ) + num(1, 0)
    body = numbered("I", 1) + numbered("1", 1, 1) + numbered("1.1", 1, 2) + numbered("2", 1, 1)
    doc = read_document(build_docx(body, numbering=numbering))
    assert labels(doc) == ["I.", "I.1.", "1.1.1", "I.2."]


def test_lvl_restart_zero_never_restarts() -> None:
    numbering = abstract(0, lvl(0, "decimal", "%1."),
                         lvl(1, "decimal", "(%2)", extra='<w:lvlRestart w:val="0"/>')) + num(1, 0)
    body = numbered("1", 1) + numbered("(1)", 1, 1) + numbered("2", 1) + numbered("(2)", 1, 1)
    doc = read_document(build_docx(body, numbering=numbering))
    assert labels(doc) == ["1.", "(1)", "2.", "(2)"]


def test_bullets_and_lvl_override_definition() -> None:
    numbering = abstract(0, lvl(0, "bullet", "-"), lvl(1, "bullet", "\uf0b7")) + num(1, 0) + num(
        2, 0, '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
              '<w:lvlText w:val="%1/"/></w:lvl></w:lvlOverride>')
    body = numbered("dash", 1) + numbered("dot", 1, 1) + numbered("overridden", 2)
    doc = read_document(build_docx(body, numbering=numbering))
    assert labels(doc) == ["-", "•", "1/"]


def test_numbering_format_from_alternate_content() -> None:
    level = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14">'
        '<w:numFmt w:val="custom" w:format="01, 02, 03, ..."/></mc:Choice><mc:Fallback>'
        '<w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1."/></w:lvl>'
    )
    doc = read_document(build_docx(numbered("x", 1), numbering=abstract(0, level) + num(1, 0)))
    assert labels(doc) == ["01."]


def test_undefined_num_gives_no_label() -> None:
    doc = read_document(build_docx(numbered("x", 7), numbering=ARTICLES + num(1, 0)))
    assert labels(doc) == [None]
    assert doc.paragraphs[0].num_id is None
    doc = read_document(build_docx(numbered("x", 1)))  # no numbering part at all
    assert labels(doc) == [None]


def test_num_style_link() -> None:
    styles = pstyle("ListStyle", '<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr>', kind="numbering")
    numbering = (
        '<w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="ListStyle"/></w:abstractNum>'
        + abstract(1, '<w:styleLink w:val="ListStyle"/>' + lvl(0, "lowerRoman", "%1)"))
        + num(1, 0) + num(2, 1)
    )
    doc = read_document(build_docx(numbered("x", 1) + numbered("y", 1), styles=styles, numbering=numbering))
    assert labels(doc) == ["i)", "ii)"]


def test_formatters() -> None:
    assert [letters(n) for n in (1, 26, 27, 28, 53)] == ["a", "z", "aa", "bb", "aaa"]
    assert [roman(n) for n in (4, 9, 14, 40, 1994)] == ["iv", "ix", "xiv", "xl", "mcmxciv"]
    assert format_number(3, "upperLetter") == "C" and format_number(7, "decimalZero") == "07"
    assert format_number(2, "ordinal") == "2nd" and format_number(12, "cardinalText") == "12"


def test_labels_stop_at_the_largest_number_the_decree_needs() -> None:
    assert len(letters(MAX_NUMBER)) == 385 and roman(MAX_NUMBER) == "mmmmmmmmmcmxcix"
    for fmt in ("lowerLetter", "upperRoman", "decimal", "ordinal"):
        with pytest.raises(NumberBeyondLimit):
            format_number(MAX_NUMBER + 1, fmt)
        with pytest.raises(NumberBeyondLimit):
            format_number(-2_000_000_000, fmt)
    assert format_number(2_000_000_000, "bullet") == format_number(2_000_000_000, "none") == ""


@pytest.mark.parametrize("where", ["start", "startOverride"])
def test_a_list_beyond_the_limit_keeps_its_number_and_no_label(where: str) -> None:
    start = 2_000_000_000
    if where == "start":
        numbering = abstract(0, lvl(0, "lowerLetter", "%1)", start=start)) + num(1, 0)
    else:
        override = f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        numbering = abstract(0, lvl(0, "lowerLetter", "%1)")) + num(1, 0, override)
    doc = read_document(build_docx(numbered("x", 1) + numbered("y", 1) + para("z"), numbering=numbering))
    assert labels(doc) == [None, None, None]
    assert [p.numbering_beyond for p in doc.paragraphs] == [start, start + 1, None]


def test_a_start_value_too_long_to_read_counts_from_one() -> None:
    huge = "9" * 5000  # past int()'s 4,300 digits; as a float it is infinite
    numbering = abstract(0, lvl(0, "decimal", "%1.").replace('w:val="1"', f'w:val="{huge}"', 1))
    doc = read_document(build_docx(numbered("x", 1), numbering=numbering + num(1, 0)))
    assert labels(doc) == ["1."]
