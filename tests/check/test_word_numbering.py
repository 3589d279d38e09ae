"""Numbering made by Word's automatic lists counts like typed numbers (the labels Word would show)."""

from __future__ import annotations

import io
import re

import docx as python_docx
from docx.oxml import parse_xml
from docx_fixtures import NS, build_docx

from tests.fixtures.office_seed import build_office_seed
from vbhc.check import Report, check

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ABSTRACT = (f'<w:abstractNum {NS} w:abstractNumId="90"><w:multiLevelType w:val="singleLevel"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
            '<w:lvlJc w:val="left"/></w:lvl></w:abstractNum>')


def _num(num_id: int, restart: bool) -> str:
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else ""
    return f'<w:num {NS} w:numId="{num_id}"><w:abstractNumId w:val="90"/>{override}</w:num>'


def word_numbered_seed(restart_per_part: bool) -> bytes:
    """The office seed with its khoản numbers made by a Word list instead of typed.

    Without restarts, Word counts on through the parts (1, 2 | 3 ... 7 | 8 ...), the way a list
    behaves when nobody clicks "Restart at 1"; with them, each part starts at 1 again.
    """
    document = python_docx.Document(io.BytesIO(build_office_seed()))
    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{W}}}num")
    abstract = parse_xml(ABSTRACT)
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    part = 0
    for paragraph in document.paragraphs:
        if re.match(r"^[IVX]+\. ", paragraph.text):
            part += 1
            if restart_per_part:
                numbering.append(parse_xml(_num(90 + part, restart=True)))
            continue
        typed = re.match(r"^(\d+)\. ", paragraph.text)
        if not typed:
            continue
        first = paragraph.runs[0]
        first.text = first.text[typed.end():]
        num_id = 90 + part if restart_per_part else 90
        paragraph._p.get_or_add_pPr().insert(0, parse_xml(
            f'<w:numPr {NS}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
    if not restart_per_part:
        numbering.append(parse_xml(_num(90, restart=False)))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def sequence(report: Report) -> list[tuple[str, str, str]]:
    """(text, expected, found) of each numbering finding; the text cut at 30 characters."""
    return [(f.paragraphs[0].text[:30], f.expected, f.found) for f in report.findings
            if f.rule.id == "numbering.sequence"]


def test_a_list_that_runs_on_through_the_parts_is_reported() -> None:
    report = check(word_numbered_seed(restart_per_part=False))
    assert sequence(report) == [
        ("3. Nâng cao chất lượng, hiệu q", '"1."', '"3."'),
        ("8. Công chức Lao động - Thương", '"1."', '"8."'),
    ]


def test_a_list_restarted_in_each_part_is_in_sequence() -> None:
    report = check(word_numbered_seed(restart_per_part=True))
    assert sequence(report) == []  # Word renumbers: the typed 4 → 8 gap is gone too
    assert {"number.blank", "font.slots", "page.size"} <= report.rule_ids()


def test_words_letters_are_not_the_vietnamese_alphabet() -> None:
    """Word's lowerLetter list says e) after d); the decree says đ)."""
    numbering = ('<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                 '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    points = "".join(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                     f"<w:r><w:t>Điểm thứ {n};</w:t></w:r></w:p>" for n in range(1, 6))
    body = ('<w:p><w:r><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r></w:p>'
            "<w:p><w:r><w:t>1. Nội dung chính</w:t></w:r></w:p>" + points)
    report = check(build_docx(body, numbering=numbering))
    assert sequence(report) == [("e) Điểm thứ 5;", '"đ)"', '"e)"')]


def test_an_articles_word_label_is_judged_by_its_list_levels_look() -> None:
    """"Điều %1." made bold by its list level passes article.bold; the same list without the bold does not."""
    from tests.fixtures.habits_numbering import word_article_numbering

    data = word_article_numbering().data
    assert "article.bold" not in check(data).rule_ids()
    document = python_docx.Document(io.BytesIO(data))
    numbering = document.part.numbering_part.element
    for bold in numbering.iter(f"{{{W}}}b"):
        bold.getparent().remove(bold)
    out = io.BytesIO()
    document.save(out)
    report = check(out.getvalue())
    flagged = [p.text[:9] for f in report.findings if f.rule.id == "article.bold" for p in f.paragraphs]
    assert flagged == ["Điều 1. T", "Điều 2. T", "Điều 3. Q"]
    # --fix leaves it to a person: bolding the runs would bold the article's text, not Word's label
    from vbhc.check.fix import fix_package
    from vbhc.ooxml.resolve import read_document

    doc = read_document(out.getvalue())
    fixed = fix_package(doc.package, doc, report, out.getvalue())
    assert "article.bold" in fixed.left
    again = read_document(fixed.data)
    assert not any(r.bold for p in again.paragraphs if p.numbering_label and "Điều" in p.numbering_label
                   for r in p.visible_runs)


def test_an_attached_forms_labels_are_the_laws_and_only_their_sequence_is_checked() -> None:
    """A form prints its law's labels ("1)", "a."): its lines are not held to the decree's forms."""
    from tests.fixtures.office_habits import several_forms

    document = python_docx.Document(io.BytesIO(several_forms().data))
    offices = (("1. Dân số", "1) Dân số"), ("2. Lao động", "2) Lao động"), ("1. Kết quả", "(1) Kết quả"))
    for paragraph in document.paragraphs:
        for typed, office in offices:
            if paragraph.text.startswith(typed):
                paragraph.runs[0].text = paragraph.runs[0].text.replace(typed, office, 1)
    out = io.BytesIO()
    document.save(out)
    assert sequence(check(out.getvalue())) == []
    document.paragraphs[-3].runs[0].text = "(2) Kết quả: ......"  # the second form's "(1)": a gap
    out = io.BytesIO()
    document.save(out)
    assert [found for _, _, found in sequence(check(out.getvalue()))] == ['"(2)"']
