"""Effective run and paragraph formatting, resolved through the style hierarchy like Word."""

from __future__ import annotations

import io
import time

import docx
import pytest
from docx.shared import Pt
from docx_fixtures import THEME, build_docx, para, pstyle

from vbhc.ooxml.resolve import ResolvedDocument, effective_run_values, font_slot, read_document

DEFAULTS = (
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="SimSun" w:cs="Arial"/>'
    '<w:sz w:val="26"/><w:szCs w:val="24"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>'
    "</w:rPr></w:rPrDefault>"
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
    "</w:docDefaults>"
)


def read(body: str, styles: str | None = None, **kw: object) -> ResolvedDocument:
    return read_document(build_docx(body, styles=styles, **kw))  # type: ignore[arg-type]


def test_doc_defaults_only() -> None:
    doc = read(para("Hà Nội"), DEFAULTS)
    (p,) = doc.paragraphs
    (run,) = p.runs
    assert p.style_id is None and p.style_name is None
    assert run.fonts == {
        "ascii": "Times New Roman", "hAnsi": "Times New Roman", "eastAsia": "SimSun", "cs": "Arial",
    }
    assert run.size_pt == 13.0 and run.size_cs_pt == 12.0
    assert run.lang == {"val": "vi-VN", "eastAsia": "en-US", "bidi": "ar-SA"}
    assert not run.bold and not run.italic and run.underline is None and run.color is None
    assert p.space_before_pt == 0.0 and p.space_after_pt == 6.0
    assert p.line_spacing == pytest.approx(1.15) and p.line_spacing_rule == "auto"
    assert p.alignment == "left" and p.indent_left_cm == 0.0 and p.first_line_cm == 0.0


def test_nothing_set_anywhere_uses_word_fallbacks() -> None:
    (p,) = read(para("x")).paragraphs
    assert p.runs[0].size_pt == 10.0
    assert p.runs[0].fonts == {"ascii": None, "hAnsi": None, "eastAsia": None, "cs": None}
    assert p.line_spacing == 1.0 and p.space_after_pt == 0.0


def test_paragraph_style_chain_overrides_size_and_inherits_the_rest() -> None:
    styles = DEFAULTS + (
        pstyle("Normal", '<w:pPr><w:jc w:val="both"/></w:pPr><w:rPr><w:sz w:val="28"/></w:rPr>', default=True)
        + pstyle("Body", '<w:pPr><w:ind w:firstLine="567"/></w:pPr><w:rPr><w:sz w:val="26"/></w:rPr>',
                 based_on="Normal", name="Body Text")
        + pstyle("Quote", '<w:rPr><w:i/></w:rPr>', based_on="Body")
    )
    doc = read(para("a") + para("b", '<w:pStyle w:val="Body"/>') + para("c", '<w:pStyle w:val="Quote"/>'),
               styles)
    normal, body, quote = doc.paragraphs
    assert normal.style_id == "Normal" and normal.runs[0].size_pt == 14.0 and normal.alignment == "both"
    assert body.style_name == "Body Text" and body.runs[0].size_pt == 13.0
    assert body.first_line_cm == pytest.approx(1.0, abs=1e-3) and body.alignment == "both"
    assert quote.runs[0].size_pt == 13.0 and quote.runs[0].italic
    assert quote.first_line_cm == body.first_line_cm


def test_unknown_style_falls_back_to_default_paragraph_style() -> None:
    styles = pstyle("Normal", '<w:rPr><w:sz w:val="28"/></w:rPr>', default=True)
    (p,) = read(para("x", '<w:pStyle w:val="Missing"/>'), styles).paragraphs
    assert p.style_id == "Normal" and p.runs[0].size_pt == 14.0


def test_based_on_cycle_is_safe() -> None:
    styles = (pstyle("A", '<w:rPr><w:sz w:val="20"/></w:rPr>', based_on="B")
              + pstyle("B", '<w:rPr><w:i/></w:rPr>', based_on="A"))
    (p,) = read(para("x", '<w:pStyle w:val="A"/>'), styles).paragraphs
    assert p.runs[0].size_pt == 10.0 and p.runs[0].italic


def test_character_style() -> None:
    styles = DEFAULTS + pstyle("Normal", default=True) + pstyle(
        "Emph", '<w:rPr><w:i/><w:sz w:val="32"/><w:color w:val="ff0000"/><w:u w:val="single"/></w:rPr>',
        kind="character")
    (p,) = read(para("x", rpr='<w:rStyle w:val="Emph"/>'), styles).paragraphs
    run = p.runs[0]
    assert run.style_id == "Emph"
    assert run.italic and run.size_pt == 16.0 and run.color == "FF0000" and run.underline == "single"
    assert run.fonts["ascii"] == "Times New Roman"


TOGGLE_STYLES = DEFAULTS + (
    pstyle("Normal", default=True)
    + pstyle("BoldPara", '<w:rPr><w:b/><w:caps/></w:rPr>', based_on="Normal")
    + pstyle("BoldChar", '<w:rPr><w:b/><w:caps w:val="0"/></w:rPr>', kind="character")
    + pstyle("NotBoldChild", '<w:rPr><w:b w:val="0"/></w:rPr>', based_on="BoldPara")
)


@pytest.mark.parametrize(
    ("pstyle_id", "rpr", "bold"),
    [
        ("BoldPara", "", True),
        ("BoldPara", '<w:rStyle w:val="BoldChar"/>', False),  # two styles set bold: XOR → off
        ("BoldPara", '<w:rStyle w:val="BoldChar"/><w:b/>', True),  # direct formatting is absolute
        ("BoldPara", '<w:b w:val="0"/>', False),
        ("BoldPara", '<w:b w:val="false"/>', False),
        ("BoldPara", '<w:b w:val="off"/>', False),
        ("Normal", '<w:rStyle w:val="BoldChar"/>', True),
        ("Normal", '<w:b w:val="true"/>', True),
        ("Normal", '<w:b w:val="1"/>', True),
        ("NotBoldChild", "", False),  # within a basedOn chain the child simply overrides
        ("NotBoldChild", '<w:rStyle w:val="BoldChar"/>', True),
    ],
)
def test_toggle_bold(pstyle_id: str, rpr: str, bold: bool) -> None:
    (p,) = read(para("x", f'<w:pStyle w:val="{pstyle_id}"/>', rpr), TOGGLE_STYLES).paragraphs
    assert p.runs[0].bold is bold


def test_toggle_off_in_a_style_leaves_the_value_unchanged() -> None:
    (p,) = read(para("x", '<w:pStyle w:val="BoldPara"/>', '<w:rStyle w:val="BoldChar"/>'),
                TOGGLE_STYLES).paragraphs
    assert p.runs[0].caps  # BoldChar's caps="0" does not switch off the paragraph style's caps


def test_bold_and_bold_cs_are_separate() -> None:
    (p,) = read(para("x", rpr="<w:bCs/>"), DEFAULTS).paragraphs
    assert not p.runs[0].bold and p.runs[0].bold_cs


def test_theme_fonts_resolve_through_the_theme_part() -> None:
    styles = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        '<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" '
        'w:cstheme="minorBidi"/></w:rPr></w:rPrDefault></w:docDefaults>'
        + pstyle("Heading1", '<w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi" '
                             'w:eastAsiaTheme="majorEastAsia" w:cstheme="majorBidi"/></w:rPr>')
    )
    doc = read(
        para("a")
        + para("b", '<w:pStyle w:val="Heading1"/>')
        + para("c", rpr='<w:rFonts w:ascii="Times New Roman" w:asciiTheme="majorAscii" w:hAnsi="Arial"/>'),
        styles, theme=THEME,
    )
    minor, major, mixed = (p.runs[0].fonts for p in doc.paragraphs)
    assert minor == {"ascii": "Calibri", "hAnsi": "Calibri", "eastAsia": "SimSun", "cs": "Tahoma"}
    assert major == {"ascii": "Cambria", "hAnsi": "Cambria", "eastAsia": "MS Mincho", "cs": "Arial"}
    # the theme attribute beats the explicit name in the same element; an explicit name in a later
    # layer beats an earlier layer's theme font
    assert mixed == {"ascii": "Cambria", "hAnsi": "Arial", "eastAsia": "SimSun", "cs": "Tahoma"}


def test_theme_font_without_theme_part_is_unknown() -> None:
    (p,) = read(para("x", rpr='<w:rFonts w:asciiTheme="minorHAnsi" w:ascii="Arial"/>')).paragraphs
    assert p.runs[0].fonts["ascii"] is None


def test_four_font_slots_are_separate_and_chosen_per_character() -> None:
    rpr = '<w:rFonts w:ascii="A-font" w:hAnsi="H-font" w:eastAsia="E-font" w:cs="C-font"/>'
    (p,) = read(para("Việt 中 عربي", rpr=rpr), DEFAULTS).paragraphs
    run = p.runs[0]
    assert run.fonts == {"ascii": "A-font", "hAnsi": "H-font", "eastAsia": "E-font", "cs": "C-font"}
    assert run.font_for("V") == "A-font" and run.font_for("ệ") == "H-font"
    assert run.font_for("中") == "E-font" and run.font_for("ع") == "C-font"
    assert p.fonts_used == {"A-font", "H-font", "E-font", "C-font"}
    assert font_slot("ệ", hint="eastAsia") == "hAnsi" and font_slot("“", hint="eastAsia") == "eastAsia"
    assert font_slot("a", complex_script=True) == "cs"


def test_partial_rfonts_override_only_their_slots() -> None:
    (p,) = read(para("x", rpr='<w:rFonts w:hAnsi="Arial"/>'), DEFAULTS).paragraphs
    assert p.runs[0].fonts == {
        "ascii": "Times New Roman", "hAnsi": "Arial", "eastAsia": "SimSun", "cs": "Arial",
    }


def test_run_properties() -> None:
    rpr = ('<w:i/><w:caps/><w:smallCaps/><w:strike/><w:dstrike/><w:u w:val="double"/><w:color w:val="auto"/>'
           '<w:highlight w:val="yellow"/><w:vertAlign w:val="superscript"/><w:vanish/><w:sz w:val="27"/>')
    (p,) = read(para("x", rpr=rpr), DEFAULTS).paragraphs
    run = p.runs[0]
    assert (run.italic, run.caps, run.small_caps, run.strike, run.double_strike, run.vanish) == (True,) * 6
    assert run.underline == "double" and run.color == "auto" and run.highlight == "yellow"
    assert run.vert_align == "superscript" and run.size_pt == 13.5
    assert p.visible_runs == () and p.sizes == frozenset()


def test_theme_color_without_value() -> None:
    (p,) = read(para("x", rpr='<w:color w:themeColor="accent1"/>'), theme=THEME).paragraphs
    assert p.runs[0].color == "4F81BD"


def test_underline_none_is_no_underline() -> None:
    styles = pstyle("U", '<w:rPr><w:u w:val="single"/></w:rPr>', default=True)
    (p,) = read(para("x", rpr='<w:u w:val="none"/>'), styles).paragraphs
    assert p.runs[0].underline is None


def test_paragraph_properties() -> None:
    ppr = (
        '<w:jc w:val="end"/><w:ind w:start="1134" w:end="567" w:hanging="283"/>'
        '<w:spacing w:before="240" w:after="0" w:line="360" w:lineRule="exact"/><w:keepNext/><w:keepLines/>'
        '<w:pageBreakBefore/><w:widowControl/><w:outlineLvl w:val="1"/>'
        '<w:pBdr><w:top w:val="single" w:sz="8" w:space="1" w:color="000000"/>'
        '<w:bottom w:val="nil"/></w:pBdr>'
    )
    (p,) = read(para("x", ppr), DEFAULTS).paragraphs
    assert p.alignment == "right"
    assert p.indent_left_cm == pytest.approx(2.0, abs=1e-3)
    assert p.indent_right_cm == pytest.approx(1.0, abs=1e-3)
    assert p.first_line_cm == pytest.approx(-0.499, abs=1e-3)
    assert p.space_before_pt == 12.0 and p.space_after_pt == 0.0
    assert p.line_spacing == 18.0 and p.line_spacing_rule == "exact"
    assert p.keep_next and p.keep_lines and p.page_break_before and p.widow_control
    assert p.outline_level == 1
    assert p.borders == {"top": ("single", 8, "000000")}


def test_indent_attributes_merge_across_levels() -> None:
    styles = pstyle("Normal", '<w:pPr><w:ind w:left="720" w:firstLine="360"/></w:pPr>', default=True)
    doc = read(para("a", '<w:ind w:right="360"/>') + para("b", '<w:ind w:hanging="180"/>'), styles)
    a, b = doc.paragraphs
    assert a.indent_left_cm == pytest.approx(1.27) and a.first_line_cm == pytest.approx(0.635)
    assert a.indent_right_cm == pytest.approx(0.635)
    assert b.first_line_cm == pytest.approx(-0.3175)


def test_line_spacing_at_least() -> None:
    (p,) = read(para("x", '<w:spacing w:line="300" w:lineRule="atLeast"/>'), DEFAULTS).paragraphs
    assert p.line_spacing == 15.0 and p.line_spacing_rule == "atLeast"


def test_text_extraction() -> None:
    body = (
        "<w:p>"
        '<w:r><w:t xml:space="preserve">A </w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t><w:cr/></w:r>'
        '<w:r><w:t>x</w:t><w:noBreakHyphen/><w:t>y</w:t><w:softHyphen/>'
        '<w:sym w:font="Symbol" w:char="F0B7"/></w:r>'
        '<w:hyperlink r:id="rId9"><w:r><w:t>link</w:t></w:r></w:hyperlink>'
        '<w:ins w:id="1" w:author="a"><w:r><w:t>+ins</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="a"><w:r><w:delText>deleted</w:delText></w:r></w:del>'
        '<w:fldSimple w:instr=" DATE "><w:r><w:t>[date]</w:t></w:r></w:fldSimple>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>9</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:sdt><w:sdtContent><w:r><w:t>!</w:t></w:r></w:sdtContent></w:sdt>'
        "</w:p>"
    )
    (p,) = read(body).paragraphs
    assert p.text == "A \tB\nC\nx-y\u00b7link+ins[date]9!"
    assert p.fields == ("DATE", "NUMPAGES")
    assert not p.has_page_field


def test_table_cells_carry_position_and_table_style() -> None:
    styles = DEFAULTS + pstyle("Normal", default=True) + pstyle(
        "Grid",
        '<w:pPr><w:jc w:val="center"/><w:spacing w:after="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr>'
        '<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/>'
        "</w:tblBorders></w:tblPr>",
        kind="table",
    ) + pstyle("Big", '<w:rPr><w:sz w:val="30"/></w:rPr>', based_on="Normal")
    cell = '<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{content}</w:tc>'
    inner = (
        '<w:tbl><w:tblGrid><w:gridCol w:w="1000"/></w:tblGrid>'
        f"<w:tr>{cell.format(w=1000, content=para('nested'))}</w:tr></w:tbl>"
    )
    body = (
        para("before")
        + '<w:tbl><w:tblPr><w:tblStyle w:val="Grid"/><w:tblW w:w="5000" w:type="pct"/>'
        '<w:tblLayout w:type="fixed"/><w:jc w:val="center"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="3402"/><w:gridCol w:w="5669"/></w:tblGrid>'
        + "<w:tr>" + cell.format(w=3402, content=para("r0c0"))
        + cell.format(w=5669, content=para("r0c1", rpr='<w:b w:val="0"/>')) + "</w:tr>"
        + "<w:tr>" + cell.format(w=3402, content=para("r1c0", '<w:pStyle w:val="Big"/>'))
        + cell.format(w=5669, content=inner + para("after nested")) + "</w:tr>"
        "</w:tbl>"
        + para("after")
    )
    doc = read(body, styles)
    by_text = {p.text: p for p in doc.paragraphs}
    texts = ["before", "r0c0", "r0c1", "r1c0", "nested", "after nested", "after"]
    assert [p.text for p in doc.paragraphs] == texts
    assert [p.index for p in doc.paragraphs] == list(range(7))
    assert by_text["before"].table is None and by_text["after"].table is None
    assert by_text["r0c0"].table == (0, 0, 0) and by_text["r0c1"].table == (0, 0, 1)
    assert by_text["r1c0"].table == (0, 1, 0) and by_text["after nested"].table == (0, 1, 1)
    assert by_text["nested"].table == (1, 0, 0)
    r0c0 = by_text["r0c0"]
    assert r0c0.alignment == "center" and r0c0.space_after_pt == 0.0
    assert r0c0.runs[0].bold and r0c0.runs[0].size_pt == 12.0
    assert not by_text["r0c1"].runs[0].bold
    assert by_text["r1c0"].runs[0].size_pt == 15.0 and by_text["r1c0"].alignment == "center"
    assert not by_text["before"].runs[0].bold and by_text["before"].runs[0].size_pt == 13.0
    outer, nested = doc.tables
    assert outer.style_id == "Grid" and outer.layout == "fixed" and outer.alignment == "center"
    assert outer.grid_cm == pytest.approx((6.0, 10.0), abs=1e-3)
    assert outer.width_cm is None and outer.width_type == "pct"
    assert outer.rows[0][0].width_cm == pytest.approx(6.0, abs=1e-3) and outer.rows[0][1].grid_span == 1
    assert outer.has_borders and set(outer.borders) == {"top", "insideV"}
    assert nested.parent == 0 and nested.style_id is None
    assert not nested.has_borders and nested.layout == "autofit"


def test_table_without_borders_and_cell_borders() -> None:
    body = (
        '<w:tbl><w:tblPr><w:tblBorders><w:top w:val="nil"/><w:bottom w:val="none"/></w:tblBorders></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="100"/></w:tblGrid><w:tr><w:tc>' + para("a") + "</w:tc></w:tr></w:tbl>"
        '<w:tbl><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/>'
        '<w:vMerge w:val="restart"/><w:tcBorders><w:left w:val="single" w:sz="4"/></w:tcBorders></w:tcPr>'
        + para("b") + "</w:tc></w:tr></w:tbl>"
    )
    first, second = read(body).tables
    assert not first.has_borders and first.borders == {}
    assert second.has_borders and second.rows[0][0].grid_span == 2 and second.rows[0][0].v_merge == "restart"


def test_effective_run_values_and_sets_skip_blank_runs() -> None:
    body = (
        "<w:p>"
        '<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t>Điều 1.</w:t></w:r>'
        '<w:r><w:rPr><w:sz w:val="40"/><w:rFonts w:ascii="Arial"/></w:rPr>'
        '<w:t xml:space="preserve">   </w:t></w:r>'
        '<w:r><w:rPr><w:sz w:val="26"/><w:b/></w:rPr><w:t>Phạm vi</w:t></w:r>'
        "</w:p>"
    )
    (p,) = read(body, DEFAULTS).paragraphs
    assert p.sizes == {14.0, 13.0}
    assert p.fonts_used == {"Times New Roman"}
    assert effective_run_values(p, "bold") == {True, False}
    assert len(p.runs) == 3


def test_mc_alternate_content_reads_one_branch() -> None:
    body = (
        "<w:p><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:r><w:t>choice</w:t></w:r></mc:Choice>"
        "<mc:Fallback><w:r><w:t>fallback</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>"
    )
    assert read(body).paragraphs[0].text == "fallback"


def test_python_docx_default_template() -> None:
    """A real Word-made styles.xml and theme (python-docx's default template)."""
    document = docx.Document()
    document.add_paragraph("Tiêu đề", style="Heading 1")
    body = document.add_paragraph("Nội dung ")
    body.add_run("đậm").bold = True
    run = body.add_run(" cỡ 14")
    run.font.size = Pt(14)
    run.font.name = "Times New Roman"
    buf = io.BytesIO()
    document.save(buf)
    doc = read_document(buf.getvalue())
    heading, normal = doc.paragraphs
    assert heading.style_name == "heading 1" and heading.keep_next
    assert heading.runs[0].bold and heading.runs[0].size_pt == 14.0
    assert heading.runs[0].fonts["ascii"] == doc.styles.theme_fonts["majorHAnsi"]
    assert normal.style_id == "Normal"
    assert [r.bold for r in normal.runs] == [False, True, False]
    assert normal.runs[0].fonts["hAnsi"] == doc.styles.theme_fonts["minorHAnsi"] is not None
    assert normal.runs[2].size_pt == 14.0 and normal.runs[2].fonts["ascii"] == "Times New Roman"
    section = doc.sections[0]
    assert section.page_width_mm == pytest.approx(215.9, abs=0.1)


def test_twenty_pages_through_ten_based_on_levels_resolve_without_stalling() -> None:
    """The values are right through ten levels of basedOn; the time bound only catches a stall (the
    speed itself is measured in benchmarks/scaling.py, not here: a loaded CI machine is no stopwatch)."""
    styles = DEFAULTS + pstyle("Normal", default=True) + "".join(
        pstyle(f"S{i}", f'<w:pPr><w:ind w:firstLine="{i * 10}"/></w:pPr><w:rPr><w:sz w:val="{20 + i}"/>'
               "</w:rPr>", based_on="Normal" if i == 0 else f"S{i - 1}")
        for i in range(10)
    ) + pstyle("C", "<w:rPr><w:i/></w:rPr>", kind="character")
    char_style = '<w:rStyle w:val="C"/>'
    paragraphs = []
    for n in range(700):  # ~20 pages of 13-pt text
        runs = "".join(
            f'<w:r><w:rPr>{char_style if k == 1 else ""}<w:b w:val="{k % 2}"/></w:rPr>'
            f'<w:t xml:space="preserve">Khoản {n} câu {k} của văn bản hành chính. </w:t></w:r>'
            for k in range(4)
        )
        paragraphs.append(f'<w:p><w:pPr><w:pStyle w:val="S{n % 10}"/></w:pPr>{runs}</w:p>')
    data = build_docx("".join(paragraphs), styles=styles)
    read_document(data)  # warm-up (imports)
    started = time.perf_counter()
    doc = read_document(data)
    elapsed = time.perf_counter() - started
    assert len(doc.paragraphs) == 700 and doc.paragraphs[13].runs[0].size_pt == 11.5
    assert doc.paragraphs[13].runs[1].italic and doc.paragraphs[13].runs[1].bold
    assert elapsed < 5
