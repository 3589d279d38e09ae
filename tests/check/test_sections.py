"""Sections (page size, margins, header references) and headers/footers with page-number fields."""

from __future__ import annotations

import pytest
from docx_fixtures import build_docx, para, pstyle

from vbhc.ooxml.resolve import read_document

A4 = '<w:pgSz w:w="11906" w:h="16838"/>'
MARGINS = ('<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" '
           'w:gutter="0"/>')

PAGE_SIMPLE = '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:fldSimple w:instr=" PAGE   \\* MERGEFORMAT ">' \
              '<w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>'
PAGE_COMPLEX = (
    '<w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
    '<w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    '<w:r><w:rPr><w:noProof/><w:sz w:val="26"/></w:rPr><w:t>2</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
)


def test_single_section_page_setup() -> None:
    sect = (f'<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/>'
            f'<w:headerReference w:type="first" r:id="rIdH2"/>'
            f'<w:footerReference w:type="default" r:id="rIdF1"/>'
            f'{A4}{MARGINS}<w:pgNumType w:start="1"/><w:cols w:space="720"/><w:titlePg/></w:sectPr>')
    doc = read_document(build_docx(
        para("a") + para("b") + sect,
        headers={"rIdH1": PAGE_SIMPLE, "rIdH2": para("")}, footers={"rIdF1": para("chân trang")},
    ))
    (section,) = doc.sections
    assert section.page_width_mm == pytest.approx(210.0, abs=0.05)
    assert section.page_height_mm == pytest.approx(297.0, abs=0.05)
    assert section.orientation == "portrait"
    assert section.margins == pytest.approx(
        {"top": 20.0, "bottom": 20.0, "left": 30.0, "right": 15.0, "header": 10.0, "footer": 10.0,
         "gutter": 0.0},
        abs=0.02,
    )
    assert section.title_page
    assert section.headers == {"default": "word/header1.xml", "first": "word/header2.xml"}
    assert section.footers == {"default": "word/footer1.xml"}
    assert section.page_number_start == 1 and section.columns == 1
    assert section.column_space_mm == pytest.approx(12.7)
    assert section.section_type == "nextPage" and section.paragraphs == (0, 1)
    assert [p.section_index for p in doc.paragraphs] == [0, 0]


def test_title_page_off_and_landscape() -> None:
    sect = ('<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:titlePg w:val="0"/>'
            '<w:cols w:num="2" w:space="425"/></w:sectPr>')
    (section,) = read_document(build_docx(para("x") + sect)).sections
    assert section.orientation == "landscape" and not section.title_page
    assert section.page_width_mm == pytest.approx(297.0, abs=0.05) and section.columns == 2


def test_several_sections_and_inherited_header_references() -> None:
    body = (
        para("s0 a")
        + para("s0 b", f'<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/>{A4}{MARGINS}'
                       "</w:sectPr>")
        + para("s1", f'<w:sectPr><w:type w:val="continuous"/>{A4}'
                     '<w:pgNumType w:start="3" w:fmt="upperRoman"/></w:sectPr>')
        + para("s2 a") + para("s2 b")
        + f'<w:sectPr><w:headerReference w:type="default" r:id="rIdH2"/>'
          f'<w:headerReference w:type="even" r:id="rIdH1"/>{A4}</w:sectPr>'
    )
    doc = read_document(build_docx(body, headers={"rIdH1": para("one"), "rIdH2": para("two")},
                                   settings="<w:evenAndOddHeaders/>"))
    assert [p.section_index for p in doc.paragraphs] == [0, 0, 1, 2, 2]
    s0, s1, s2 = doc.sections
    assert s0.paragraphs == (0, 1) and s1.paragraphs == (2, 2) and s2.paragraphs == (3, 4)
    assert s0.headers == {"default": "word/header1.xml"}
    assert s1.headers == {"default": "word/header1.xml"}  # inherited from the previous section
    assert s1.section_type == "continuous" and s1.page_number_start == 3
    assert s1.page_number_format == "upperRoman"
    assert s1.margins["top"] is None  # not set in that sectPr
    assert s2.headers == {"default": "word/header2.xml", "even": "word/header1.xml"}
    assert doc.even_and_odd_headers


def test_document_without_sectpr_still_has_one_section() -> None:
    doc = read_document(build_docx(para("x")))
    (section,) = doc.sections
    assert section.page_width_mm is None and section.headers == {} and section.paragraphs == (0, 0)


@pytest.mark.parametrize("field", [PAGE_SIMPLE, PAGE_COMPLEX], ids=["fldSimple", "complex"])
def test_header_page_field(field: str) -> None:
    styles = pstyle("Normal", '<w:rPr><w:sz w:val="28"/></w:rPr>', default=True)
    doc = read_document(build_docx(
        para("body") + '<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/></w:sectPr>',
        styles=styles, headers={"rIdH": para("") + field},
    ))
    (name,) = doc.headers
    assert name == "word/header1.xml"
    empty, page = doc.headers[name]
    assert not empty.has_page_field and page.has_page_field
    assert page.fields[0].split()[0] == "PAGE"
    assert page.location == "header1.xml" and page.index == 1 and page.section_index is None
    assert page.alignment == "center" and page.text in ("1", "2")
    assert page.sizes == ({14.0} if field is PAGE_SIMPLE else {13.0})
    assert not doc.paragraphs[0].has_page_field


def test_field_instruction_text_is_hidden_and_nested_fields_are_recorded() -> None:
    body = (
        "<w:p>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> IF </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:instrText> = 1 "first" "other"</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>first</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        "</w:p>"
    )
    (p,) = read_document(build_docx(body)).paragraphs
    assert p.text == "first"
    assert p.fields == ("PAGE", 'IF = 1 "first" "other"')
    assert p.has_page_field


def test_footer_paragraphs_and_tables_in_headers() -> None:
    header = (
        '<w:tbl><w:tblGrid><w:gridCol w:w="4536"/></w:tblGrid><w:tr><w:tc>'
        + PAGE_COMPLEX + "</w:tc></w:tr></w:tbl>"
    )
    doc = read_document(build_docx(
        '<w:tbl><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid><w:tr><w:tc>' + para("body cell")
        + "</w:tc></w:tr></w:tbl>",
        headers={"rIdH": header}, footers={"rIdF": para("chân")},
    ))
    assert doc.footers["word/footer1.xml"][0].text == "chân"
    assert doc.footers["word/footer1.xml"][0].location == "footer1.xml"
    (page,) = doc.headers["word/header1.xml"]
    assert page.has_page_field and page.table == (1, 0, 0)
    assert [t.location for t in doc.tables] == ["body", "header1.xml"]
    assert doc.tables[1].grid_cm == pytest.approx((8.001,), abs=1e-3)
