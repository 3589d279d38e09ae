"""A table cell of several paragraphs (issue 11): a line break in a cell's text starts another paragraph
of the cell, end to end — the model (each line checked, the field path named), the spec (a YAML block,
a CSV cell broken with Alt+Enter), the layout (the widest line sizes the column), the Word table (one
``w:p`` per line, each with the cell's look), the .docx import (one line per source paragraph, its bold
and italic kept), the unparser (render → import → render gives the same bytes) and the check."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from docx import Document as WordDocument
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import vbhc
from vbhc import model as m
from vbhc.check import check
from vbhc.errors import FieldError
from vbhc.layout import lay_out
from vbhc.layout.regions import TableRegion
from vbhc.pipeline import import_document
from vbhc.readers.spec.reader import read, structure
from vbhc.writers.docx.writer import render_bytes

from .test_tables import BASE, W, data_tables, document

QH = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TN = "Độc lập - Tự do - Hạnh phúc"


def _paragraphs(tc: etree._Element) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in tc.findall(f"{W}p")]


def _cells(data: bytes) -> list[list[etree._Element]]:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    return [tr.findall(f"{W}tc") for tbl in data_tables(root) for tr in tbl.findall(f"{W}tr")]


def table() -> m.Table:
    from vbhc.readers.spec.markup import parse_markup

    return m.Table([["1", m.Cell(parse_markup("Nguyễn Văn A\nTrần Thị B\n**Lê Văn C**"))],
                    ["2", "Thôn Đông"]],
                   header=[["STT", parse_markup("Họ và tên\n*(ghi rõ)*")]],
                   total=[m.Cell("Tổng cộng\n(3 người)", colspan=2)])


# ---- the model ----------------------------------------------------------------------------------


def test_a_cell_holds_its_lines_trimmed_blank_ones_left_out() -> None:
    cell = m.Cell(m.Text([m.Span("**a", bold=True), m.Span(" \n  b\n\n \nc  ")]))
    assert [x.plain for x in cell.lines] == ["**a", "b", "c"]
    assert cell.lines[0].spans[0].bold and not cell.lines[1].spans[0].bold
    assert cell.text.plain == "**a\nb\nc"
    assert m.Cell("Thôn Đông").lines == (m.Text("Thôn Đông"),)  # one line: as before
    assert m.Cell().lines == (m.Text(()),)
    assert not m.Cell("1\n2").numeric  # two lines are no number: flush left


def test_a_bold_run_across_the_break_is_bold_on_both_lines_and_one_look_is_one_model() -> None:
    from vbhc.readers.spec.markup import parse_markup

    across, each = m.Cell(parse_markup("**a\nb**")), m.Cell(parse_markup("**a**\n**b**"))
    assert across == each and all(s.bold for x in across.lines for s in x.spans)


def test_a_bad_character_names_its_line_and_the_cell() -> None:
    with pytest.raises(FieldError) as exc:
        m.Cell("Thôn Đông\nThôn\u200bTây")
    assert exc.value.path == "text" and exc.value.found.startswith("line 2: a zero-width space")
    with pytest.raises(FieldError) as exc:
        m.Table([["a", "b\nc\x07"]])
    assert exc.value.path == "rows[0][1].text"


# ---- the spec -----------------------------------------------------------------------------------


def test_a_yaml_block_and_a_csv_line_break_are_lines_of_the_cell(tmp_path: Path) -> None:
    (tmp_path / "spec.yaml").write_text(
        "type: bao-cao\nissuer: {name: [Ủy ban nhân dân, xã Hoàng Kim], abbreviation: UBND}\n"
        "place: Hoàng Kim\ndate: 2024-03-05\nnumber: 12\nsummary: Kết quả\n"
        "signatures: {mandates: [TM. Ủy ban nhân dân], position: Chủ tịch, name: Lê Quang Thành}\n"
        "body:\n  - kind: table\n    header: [STT, Hộ gia đình]\n    rows:\n"
        "      - - 1\n        - |\n          Hộ ông A\n          **Hộ bà B**\n", encoding="utf-8")
    cell = vbhc.load(tmp_path / "spec.yaml").body[0].rows[0][1]
    assert [x.plain for x in cell.lines] == ["Hộ ông A", "Hộ bà B"] and cell.lines[1].spans[0].bold
    (tmp_path / "budget.csv").write_text('STT,Hộ gia đình\n1,"Hộ ông A\r\n**Hộ bà B**"\n', encoding="utf-8")
    (tmp_path / "csv.json").write_text(json.dumps(
        {**BASE, "body": [{"kind": "table", "csv": "budget.csv"}]}, ensure_ascii=False), encoding="utf-8")
    assert vbhc.load(tmp_path / "csv.json").body[0].rows[0][1] == cell


def test_a_bad_line_in_a_spec_cell_names_the_field_path(tmp_path: Path) -> None:
    path = tmp_path / "spec.json"
    path.write_text(json.dumps({**BASE, "body": [{"kind": "table", "header": ["A", "B"],
                                                  "rows": [["x", "y"], ["x", "y\nz\u202e"]]}]},
                               ensure_ascii=False), encoding="utf-8")
    out = [f"{e.path}: {e.message}" for e in read(path).errors]
    assert len(out) == 1 and out[0].startswith("body[0].rows[1][1]") and "line 2" in out[0], out


def test_the_schema_takes_a_cell_of_several_lines() -> None:
    import jsonschema

    from vbhc.readers.spec.schema import spec_schema

    schema = spec_schema()
    spec = {**BASE, "body": [{"kind": "table", "rows": [["a\nb", {"text": "c\nd", "colspan": 1}]]}]}
    jsonschema.validate(spec, schema)
    structure(spec)  # and the reader takes what the schema does


# ---- layout and the Word table ------------------------------------------------------------------


def test_the_widest_line_sizes_the_column_not_the_lines_end_to_end() -> None:
    lines = "Ủy ban nhân dân xã Hoàng Kim\n" * 4
    wide = m.Table([["a", "b"]], header=[[lines.strip(), "Ủy ban nhân dân xã Hoàng Kim x"]])
    region = next(x for x in lay_out(document([wide])).body if isinstance(x, TableRegion))
    assert [len(c.lines) for c in region.header[0]] == [4, 1]
    widths = [int(g.get(f"{W}w")) for g in data_tables(
        etree.fromstring(zipfile.ZipFile(io.BytesIO(render_bytes(document([wide])))).read(
            "word/document.xml")))[0].iter(f"{W}gridCol")]
    assert widths[0] < widths[1]  # four short lines, not one long one


def test_each_line_is_a_paragraph_of_the_cell_with_the_cell_look() -> None:
    data = render_bytes(document([table()]))
    rows = _cells(data)
    header, first, total = rows[0], rows[1], rows[-1]
    assert _paragraphs(header[1]) == ["Họ và tên", "(ghi rõ)"]
    assert _paragraphs(first[1]) == ["Nguyễn Văn A", "Trần Thị B", "Lê Văn C"]
    assert _paragraphs(total[0]) == ["Tổng cộng", "(3 người)"]
    for tc in (header[1], first[1], total[0]):
        styles = {p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") for p in tc.findall(f"{W}p")}
        aligns = {p.find(f"{W}pPr/{W}jc").get(f"{W}val") if p.find(f"{W}pPr/{W}jc") is not None else None
                  for p in tc.findall(f"{W}p")}
        assert len(styles) == 1 and len(aligns) == 1, (styles, aligns)
    italic = header[1].findall(f"{W}p")[1].find(f".//{W}r/{W}rPr/{W}i")
    assert italic is not None
    bold_c = first[1].findall(f"{W}p")[2].find(f".//{W}r/{W}rPr/{W}b")
    assert bold_c is not None and first[1].findall(f"{W}p")[0].find(f".//{W}r/{W}rPr/{W}b") is None
    assert all(p.find(f".//{W}r/{W}rPr/{W}b") is not None for p in total[0].findall(f"{W}p"))
    assert check(data).findings == []


# ---- import and the round trip ------------------------------------------------------------------


def test_a_word_cell_of_several_paragraphs_imports_as_its_lines() -> None:
    from tests.fixtures.office_habits import several_forms

    result = import_document(several_forms().data)
    tables = [b for a in result.document.appendices for b in a.children if isinstance(b, m.Table)]
    assert len(tables) == 2
    assert [x.plain for x in tables[0].rows[0][1].lines] == [QH, TN]
    assert not any("read as one line" in str(d) for d in result.diagnostics)


def test_bold_and_italic_runs_of_a_word_cell_are_kept_per_line(tmp_path: Path) -> None:
    from tests.fixtures.office_habits import Word, closing_table, header_table, plan

    w = Word()
    header_table(w)
    plan(w, [])
    t = w.doc.add_table(rows=2, cols=2)
    t.style = "Table Grid"
    for c, text in enumerate(("STT", "Nội dung")):
        t.cell(0, c).paragraphs[0].add_run(text).bold = True
    t.cell(1, 0).paragraphs[0].add_run("1")
    cell = t.cell(1, 1)
    cell.paragraphs[0].add_run("Tuyên truyền ")
    cell.paragraphs[0].add_run("lưu động").bold = True
    cell.add_paragraph().add_run("(theo kế hoạch)").italic = True
    for tc in (t.cell(r, c) for r in range(2) for c in range(2)):
        for p in tc.paragraphs:
            for r in p.runs:
                r.font.name, r.font.size = "Times New Roman", 177800  # 14 pt
    w.doc.add_paragraph()
    closing_table(w)
    buf = io.BytesIO()
    w.doc.save(buf)
    result = import_document(buf.getvalue())
    found = next(b for b in _walk(result.document.body) if isinstance(b, m.Table))
    lines = found.rows[-1][1].lines
    assert [x.plain for x in lines] == ["Tuyên truyền lưu động", "(theo kế hoạch)"]
    assert [s.bold for s in lines[0].spans] == [False, True] and lines[1].spans[0].italic


def _walk(blocks: tuple) -> list:
    return [x for b in blocks for x in (b, *_walk(getattr(b, "children", ())))]


_LINE = st.sampled_from(["Thôn Đông", "**Tổng**", "*ghi chú*", "1.234,5", "Hộ ông A", "Ủy ban nhân dân xã"])
_CELL = st.lists(_LINE, min_size=0, max_size=3).map("\n".join)


@st.composite
def tables(draw: st.DrawFn) -> m.Table:
    from vbhc.readers.spec.markup import parse_markup

    columns = draw(st.integers(1, 4))
    cell = _CELL.map(lambda s: m.Cell(parse_markup(s)))
    header = [[m.Cell(parse_markup(draw(_CELL)) or "Cột") for _ in range(columns)]]
    rows = [[draw(cell) for _ in range(columns)] for _ in range(draw(st.integers(1, 4)))]
    total = [m.Cell("Tổng cộng\n(cả năm)", colspan=columns)] if draw(st.booleans()) else None
    return m.Table(rows, header=header, total=total)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_render_import_render_of_cells_of_several_lines_gives_the_same_bytes(found: m.Table) -> None:
    doc = document([m.Paragraph("Số liệu như sau:"), found])
    first = render_bytes(doc)
    assert check(first).findings == []
    again = import_document(first)
    assert render_bytes(again.document) == first
    assert structure(json.loads(json.dumps(again.spec, ensure_ascii=False))) == again.document


def test_python_docx_reads_the_cell_as_paragraphs() -> None:
    """What Word shows: the rendered cell holds a paragraph per line (read by python-docx)."""
    word = WordDocument(io.BytesIO(render_bytes(document([table()]))))
    grid = next(t for t in word.tables if t.cell(0, 0).text == "STT")
    assert [p.text for p in grid.cell(1, 1).paragraphs] == ["Nguyễn Văn A", "Trần Thị B", "Lê Văn C"]


def test_a_column_printed_one_way_imports_as_the_columns_alignment() -> None:
    """The report example's STT column is centred by ``columns: [{align: center}, ...]``: the import
    gives the column its alignment back, not each of its cells, and renders the same bytes."""
    from .conftest import EXAMPLES

    first = render_bytes(vbhc.load(EXAMPLES / "bao-cao-thong-ke-hoang-kim.yaml"))
    found = next(b for b in _walk(import_document(first).document.body) if isinstance(b, m.Table))
    assert found.columns[0].align is m.Align.CENTER and found.columns[1].align is None
    assert all(r[0].align is None for r in found.rows)
    again = import_document(first).document
    assert render_bytes(again) == first
