"""Lines drawn as shapes, and the width a table cell leaves its paragraphs."""

from __future__ import annotations

import pytest
from docx_fixtures import build_docx, para, pstyle

from vbhc.ooxml.resolve import read_document

WP = 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
V = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'


def drawing(cx: int, cy: int, prst: str = "line") -> str:
    return (f'<w:r><w:drawing><wp:anchor {WP}><wp:extent cx="{cx}" cy="{cy}"/>'
            f'<a:graphic {A}><a:graphicData><a:prstGeom prst="{prst}"/></a:graphicData></a:graphic>'
            "</wp:anchor></w:drawing></w:r>")


def lines_of(run_xml: str) -> tuple[float, ...]:
    (p,) = read_document(build_docx(f"<w:p>{run_xml}</w:p>")).paragraphs
    return p.drawn_lines


def test_drawingml_line_length_in_points() -> None:
    assert lines_of(drawing(12700 * 150, 0)) == (150.0,)


def test_slanted_or_tall_shapes_are_not_lines() -> None:
    assert lines_of(drawing(12700 * 100, 12700 * 60)) == ()
    assert lines_of(drawing(12700 * 100, 12700 * 40, prst="rect")) == ()


def test_flat_rectangle_counts_as_a_line() -> None:
    assert lines_of(drawing(12700 * 80, 6350, prst="rect")) == (80.0,)


def test_vml_line_and_connector() -> None:
    line = f'<w:r><w:pict><v:line {V} from="10pt,5pt" to="130pt,5pt"/></w:pict></w:r>'
    assert lines_of(line) == (120.0,)
    shape = (f'<w:r><w:pict><v:shape {V} o:connectortype="straight" '
             'style="position:absolute;width:2in;height:3pt"/></w:pict></w:r>')
    assert lines_of(shape) == (144.0,)


def test_alternate_content_in_a_run_is_read() -> None:
    run = (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{drawing(12700 * 90, 0)[5:-6]}'
           f'</mc:Choice><mc:Fallback><w:pict><v:line {V} from="0,0" to="90pt,0"/></w:pict></mc:Fallback>'
           "</mc:AlternateContent></w:r>")
    assert lines_of(run) == (90.0,)


def test_cell_text_width_subtracts_margins() -> None:
    table = (
        '<w:tbl><w:tblPr><w:tblStyle w:val="Grid"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="2835"/><w:gridCol w:w="5670"/></w:tblGrid><w:tr>'
        f"<w:tc>{para('a')}</w:tc>"
        '<w:tc><w:tcPr><w:tcMar><w:left w:w="0" w:type="dxa"/></w:tcMar></w:tcPr>' + para("b") + "</w:tc>"
        "</w:tr></w:tbl>"
    )
    styles = pstyle("Grid", '<w:tblPr><w:tblCellMar><w:left w:w="108" w:type="dxa"/>'
                            '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>', kind="table")
    (t,) = read_document(build_docx(table, styles=styles)).tables
    assert t.cell_margins_cm == pytest.approx((0.1905, 0.1905))
    assert t.cell_text_width_cm(0, 0) == pytest.approx(5.0 - 0.381, abs=1e-3)
    assert t.cell_text_width_cm(0, 1) == pytest.approx(10.0 - 0.1905, abs=3e-3)


def test_cells_without_any_margin_setting_use_words_default() -> None:
    table = ('<w:tbl><w:tblGrid><w:gridCol w:w="2835"/></w:tblGrid><w:tr>'
             f"<w:tc>{para('a')}</w:tc></w:tr></w:tbl>")
    (t,) = read_document(build_docx(table)).tables
    assert t.cell_text_width_cm(0, 0) == pytest.approx(5.0 - 2 * 0.1905, abs=1e-3)
