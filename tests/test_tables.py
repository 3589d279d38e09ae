"""Tables and appendices: the model's grid, the Word table's XML, specs (inline and CSV), references
to appendices, landscape appendix sections, the checker on tables, and the two examples."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import vbhc
from vbhc import model as m
from vbhc.check import check
from vbhc.errors import FieldError, SpecError
from vbhc.layout import lay_out
from vbhc.layout.regions import TableRegion
from vbhc.model.table import is_number, number_text
from vbhc.readers.spec.reader import read, structure
from vbhc.writers.docx.template import default_template
from vbhc.writers.docx.writer import render_bytes

from .conftest import EXAMPLES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NEW_EXAMPLES = ("bao-cao-thong-ke-hoang-kim.yaml", "ke-hoach-kinh-phi-hoang-kim.yaml")

COMMUNE = m.Issuer(name=["Ủy ban nhân dân", "xã Hoàng Kim"], abbreviation="UBND")
SIGNER = m.Signature(position="Chủ tịch", name="Lê Quang Thành",
                     mandates=[m.Mandate("TM.", "Ủy ban nhân dân")])


def statistics(rows: int = 3) -> m.Table:
    """Two header rows with merged cells, numbers, a total row."""
    return m.Table(
        [[str(i), f"Thôn {i}", number_text(i * 1234), "12,5"] for i in range(1, rows + 1)],
        header=[[m.Cell("STT", rowspan=2), m.Cell("Thôn", rowspan=2), m.Cell("Kết quả", colspan=2)],
                ["Số người", "Tỷ lệ (%)"]],
        total=[m.Cell("Tổng cộng", colspan=2), "7.404", "12,5"])


def document(body: list | None = None, appendices: list | None = None, **kw: object) -> m.Document:
    return m.Document(type="bao-cao", issuer=COMMUNE, place="Hoàng Kim", date=m.IssueDate(2024, 3, 5),
                      number=12, summary="Kết quả thống kê", body=body or [statistics()],
                      signatures=SIGNER, appendices=appendices or [], **kw)


def body_xml(doc: m.Document) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(render_bytes(doc))) as z:
        return etree.fromstring(z.read("word/document.xml"))


def data_tables(root: etree._Element) -> list[etree._Element]:
    """The tables with borders (the header's and the closing's have none)."""
    return [t for t in root.iter(f"{W}tbl")
            if t.find(f"{W}tblPr/{W}tblBorders/{W}top").get(f"{W}val") == "single"]


def cell_text(tc: etree._Element) -> str:
    return "".join(t.text or "" for t in tc.iter(f"{W}t"))


# ---- the model ----------------------------------------------------------------------------------


def test_rows_must_fill_the_columns_with_their_spans() -> None:
    assert statistics().column_count == 4
    with pytest.raises(FieldError) as exc:
        m.Table([["a", "b"], ["c"]])
    assert (exc.value.path, exc.value.found) == ("rows[1]", "1")
    with pytest.raises(FieldError) as exc:  # a row span takes its column in the row below
        m.Table([[m.Cell("a", rowspan=2), "b"], ["c", "d"]])
    assert exc.value.path == "rows[1]"
    with pytest.raises(FieldError) as exc:
        m.Table([[m.Cell("a", rowspan=3), "b"], ["c"]])
    assert exc.value.path == "rows[0][0].rowspan"
    with pytest.raises(FieldError) as exc:
        m.Table([["a", "b"]], columns=[m.Column()])
    assert exc.value.path == "columns"
    m.Table([[m.Cell("a", rowspan=2), "b"], ["c"]])  # the covered cell is left out


def test_numbers_written_the_vietnamese_way() -> None:
    assert [is_number(x) for x in ("1.234,5", "12", "12,5", "-3", "45%", "1.23", "Thôn 1", "")] == [
        True, True, True, True, True, False, False, False]
    assert (number_text(1234567), number_text(1234.5), number_text(0.25)) == ("1.234.567", "1.234,5", "0,25")


# ---- the Word table -----------------------------------------------------------------------------


def test_header_rows_repeat_and_rows_do_not_split() -> None:
    table = data_tables(body_xml(document()))[0]
    rows = table.findall(f"{W}tr")
    flags = [(r.find(f"{W}trPr/{W}tblHeader") is not None, r.find(f"{W}trPr/{W}cantSplit") is not None)
             for r in rows]
    assert flags == [(True, True), (True, True)] + [(False, True)] * 4


def test_widths_add_up_to_the_text_width() -> None:
    template = default_template()
    for table in data_tables(body_xml(document())):
        grid = [int(g.get(f"{W}w")) for g in table.iter(f"{W}gridCol")]
        assert sum(grid) == template.text_width
        assert int(table.find(f"{W}tblPr/{W}tblW").get(f"{W}w")) == template.text_width
        assert table.find(f"{W}tblPr/{W}tblLayout").get(f"{W}type") == "fixed"
        for row in table.findall(f"{W}tr"):  # each cell as wide as the grid columns it spans
            widths = [int(tc.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) for tc in row.findall(f"{W}tc")]
            assert sum(widths) == template.text_width


def test_given_widths_are_kept_and_the_rest_follows_the_content() -> None:
    table = m.Table([["1", "Một nội dung dài hơn hẳn các cột khác của bảng", "5"]],
                    columns=[m.Column(width_cm=1.5), m.Column(), m.Column(share=0.2)])
    grid = [int(g.get(f"{W}w")) for g in data_tables(body_xml(document([table])))[0].iter(f"{W}gridCol")]
    text_width = default_template().text_width
    assert grid[0] == round(1.5 / 2.54 * 1440)
    assert abs(grid[2] - text_width * 0.2) <= 1
    assert sum(grid) == text_width


def test_merged_cells_are_grid_spans_and_vertical_merges() -> None:
    rows = data_tables(body_xml(document()))[0].findall(f"{W}tr")
    first, second = ([(cell_text(tc), tc.find(f"{W}tcPr")) for tc in r.findall(f"{W}tc")] for r in rows[:2])
    assert [t for t, _ in first] == ["STT", "Thôn", "Kết quả"]
    assert [pr.find(f"{W}vMerge").get(f"{W}val") for _, pr in first[:2]] == ["restart", "restart"]
    assert first[2][1].find(f"{W}gridSpan").get(f"{W}val") == "2"
    # the second header row continues the two merged cells, then holds its own two
    assert [t for t, _ in second] == ["", "", "Số người", "Tỷ lệ (%)"]
    assert [pr.find(f"{W}vMerge") is not None and pr.find(f"{W}vMerge").get(f"{W}val") is None
            for _, pr in second] == [True, True, False, False]
    total = rows[-1].findall(f"{W}tc")
    assert cell_text(total[0]) == "Tổng cộng"
    assert total[0].find(f"{W}tcPr/{W}gridSpan").get(f"{W}val") == "2"


def test_numbers_right_headers_centred_text_left_total_bold() -> None:
    rows = data_tables(body_xml(document()))[0].findall(f"{W}tr")

    def jc(tc: etree._Element) -> str | None:
        node = tc.find(f"{W}p/{W}pPr/{W}jc")
        return None if node is None else node.get(f"{W}val")

    assert {jc(tc) for tc in rows[0].findall(f"{W}tc")} == {"center"}
    body = rows[2].findall(f"{W}tc")
    assert [jc(tc) for tc in body] == ["right", "left", "right", "right"]
    assert all(r.find(f"{W}rPr/{W}b") is not None for r in rows[-1].iter(f"{W}r"))
    styles = {p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") for p in rows[0].iter(f"{W}p")}
    assert styles == {"VbhcTableHeader"}


def test_a_cell_or_column_alignment_wins_over_the_number_rule() -> None:
    table = m.Table([["1", m.Cell("2", align="left"), "x"]],
                    columns=[m.Column(align="center"), m.Column(), m.Column()])
    region = lay_out(document([table])).body[0]
    assert isinstance(region, TableRegion)
    assert [c.align for c in region.rows[0]] == ["center", "left", "left"]


def test_table_properties_in_schema_order() -> None:
    from vbhc.ooxml.build import SCHEMA_ORDER

    for table in data_tables(body_xml(document())):
        for node in table.iter(f"{W}tblPr", f"{W}trPr", f"{W}tcPr"):
            ranks = SCHEMA_ORDER[etree.QName(node).localname]
            order = [ranks[etree.QName(c).localname] for c in node]
            assert order == sorted(order)


def test_a_body_ending_with_a_table_gets_its_closing_mark_below_it() -> None:
    body = lay_out(document()).body
    assert isinstance(body[0], TableRegion)
    assert body[-1].plain == "./."


# ---- appendices ---------------------------------------------------------------------------------


def test_appendices_numbered_titles_optional_note_from_the_document() -> None:
    layout = lay_out(document(appendices=[
        m.Appendix(None, [m.Item(text="Một."), m.Item(text="Hai.")], of="Chủ tịch Ủy ban nhân dân tỉnh"),
        m.Appendix("Dự toán", [m.Item(text="Ba.")])]))
    first, second = layout.appendices
    assert (first.label.plain, second.label.plain) == ("Phụ lục I", "Phụ lục II")
    assert first.title is None and second.title.plain == "DỰ TOÁN"
    assert first.note.plain == ("(Kèm theo Báo cáo số 12/BC-UBND ngày 05 tháng 3 năm 2024 của Chủ tịch "
                                "Ủy ban nhân dân tỉnh)")
    assert second.note.plain.endswith("của Ủy ban nhân dân xã Hoàng Kim)")
    # item numbering restarts in each appendix
    assert [x.label for x in first.body] == ["1.", "2."] and [x.label for x in second.body] == ["1."]
    one = lay_out(document(appendices=[m.Appendix("Dự toán")])).appendices[0]
    assert one.label.plain == "Phụ lục"  # one appendix: no number (PL I, III.1.a)


def test_an_untitled_appendix_is_recognised_and_passes_the_check() -> None:
    doc = document(appendices=[m.Appendix(None, [m.Paragraph("Nội dung.")])])
    report = check(render_bytes(doc))
    assert [f.rule.id for f in report.findings] == []


def test_a_landscape_appendix_is_a_section_of_its_own() -> None:
    doc = document(appendices=[m.Appendix("Số liệu", [statistics()], landscape=True),
                               m.Appendix("Khác", [m.Paragraph("Nội dung.")])])
    root = body_xml(doc)
    sections = [p.find(f"{W}pPr/{W}sectPr") for p in root.iter(f"{W}p")
                if p.find(f"{W}pPr/{W}sectPr") is not None] + [root.find(f"{W}body/{W}sectPr")]
    assert len(sections) == 3  # the document's, appendix I's, appendix II's

    def size(s: etree._Element) -> tuple[int, int, str | None]:
        pg = s.find(f"{W}pgSz")
        return int(pg.get(f"{W}w")), int(pg.get(f"{W}h")), pg.get(f"{W}orient")

    body, first, second = map(size, sections)
    assert first == (body[1], body[0], "landscape") and second == body and body[2] is None
    margins = [dict(s.find(f"{W}pgMar").attrib) for s in sections]
    assert margins[0] == margins[1] == margins[2]  # the decree's margins, on the turned page too
    starts = [None if s.find(f"{W}pgNumType") is None else s.find(f"{W}pgNumType").get(f"{W}start")
              for s in sections]
    assert starts == [None, "1", "1"]  # each appendix numbers its own pages (PL I, III.1.đ)
    table = data_tables(root)[-1]
    landscape_width = default_template().text_width + body[1] - body[0]
    assert sum(int(g.get(f"{W}w")) for g in table.iter(f"{W}gridCol")) == landscape_width
    assert check(render_bytes(doc)).findings == []


def test_references_to_appendices_print_their_number() -> None:
    doc = document([m.Paragraph("Chi tiết tại {appendix:kp}; xem {{appendix:kp}} và <w:p> &amp;."),
                    m.Part("Nội dung", [m.Item(text="Theo {appendix:lich}.")])],
                   appendices=[m.Appendix("Lịch", id="lich"), m.Appendix("Kinh phí", id="kp")])
    texts = [x.plain for x in lay_out(doc).body]
    assert texts[0] == "Chi tiết tại Phụ lục II; xem {{appendix:kp}} và <w:p> &amp;."
    assert texts[2] == "1. Theo Phụ lục I./."
    with pytest.raises(FieldError) as exc:
        document([m.Part("A", [m.Item(text="Xem {appendix:nope}.")])], appendices=[m.Appendix("X", id="x")])
    assert exc.value.path == "body[0].children[0].text"
    with pytest.raises(FieldError):
        document(appendices=[m.Appendix("X", id="x"), m.Appendix("Y", id="x")])


# ---- specs --------------------------------------------------------------------------------------

BASE = {"type": "bao-cao", "issuer": {"name": ["Ủy ban nhân dân", "xã Hoàng Kim"], "abbreviation": "UBND"},
        "place": "Hoàng Kim", "date": "2024-03-05", "number": 12, "summary": "Kết quả",
        "signatures": {"position": "Chủ tịch", "name": "Lê Quang Thành", "mandates": ["TM. Ủy ban nhân dân"]}}
INLINE = {"kind": "table", "header": ["STT", "Nội dung", "Kinh phí"],
          "rows": [[1, "Tập huấn", 1200], [2, "**In** tài liệu", 350.5]],
          "total": [None, "Tổng cộng", "1.550,5"]}
CSV = 'STT,Nội dung,Kinh phí\n1,Tập huấn,1.200\n2,**In** tài liệu,"350,5"\n,Tổng cộng,"1.550,5"\n'


def spec_file(tmp_path: Path, table: dict, csv: bytes | None = None) -> Path:
    import json

    if csv is not None:
        (tmp_path / "budget.csv").write_bytes(csv)
    path = tmp_path / "spec.json"
    path.write_text(json.dumps({**BASE, "body": [table]}, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_spec_table_inline_and_from_csv_are_equal(tmp_path: Path) -> None:
    inline = structure({**BASE, "body": [INLINE]}).body[0]
    assert inline.rows[1][1].text == m.Text([m.Span("In", bold=True), m.Span(" tài liệu")])
    assert inline.rows[1][2].text.plain == "350,5"
    for bom in (b"", b"\xef\xbb\xbf"):
        path = spec_file(tmp_path, {"kind": "table", "csv": "budget.csv", "total_row": True},
                         bom + CSV.encode())
        assert vbhc.load(path).body[0] == inline


def errors_of(path: Path) -> list[str]:
    return [f"{e.path}: {e.message}" for e in read(path).errors]


def test_table_errors_name_the_field_path(tmp_path: Path) -> None:
    table = {"kind": "table", "header": ["A", "B"], "rows": [["x", "y"], ["x", True], ["z"]],
             "colums": []}
    out = errors_of(spec_file(tmp_path, table))
    assert any(e.startswith("body[0].rows[1][1]: expected text, a number") for e in out)
    assert any(e.startswith("body[0].colums: ") for e in out)
    del table["colums"]
    table["rows"] = [["x", "y"], ["z"]]
    assert errors_of(spec_file(tmp_path, table)) == [
        "body[0].rows[1]: expected cells spanning 2 columns in all; found 1"]


def test_csv_errors_name_the_file_and_its_line(tmp_path: Path) -> None:
    bad = "STT,Nội dung,Kinh phí\n\n1,Tập huấn\n".encode()
    out = errors_of(spec_file(tmp_path, {"kind": "table", "csv": "budget.csv"}, bad))
    assert out == ["body[0].csv: expected budget.csv line 3: cells spanning 3 columns in all; found 2"]
    out = errors_of(spec_file(tmp_path, {"kind": "table", "csv": "budget.csv"}, b"a,b\n\xff,c\n"))
    assert out == ["body[0].csv: expected a CSV file in UTF-8; found budget.csv line 2: a byte that is not "
                   "UTF-8"]
    out = errors_of(spec_file(tmp_path, {"kind": "table", "csv": "missing.csv"}))
    assert len(out) == 1
    assert out[0].startswith("body[0].csv: expected a CSV file vbhc can read; found no such")
    out = errors_of(spec_file(tmp_path, {"kind": "table", "csv": "budget.csv", "rows": [["a"]]}, b"a\n"))
    assert out == ["body[0].csv: expected rows or a CSV file, not both; found both"]


def test_csv_is_read_within_a_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vbhc.readers.spec import tables

    monkeypatch.setattr(tables, "MAX_CSV_BYTES", 10)
    out = errors_of(spec_file(tmp_path, {"kind": "table", "csv": "budget.csv"}, CSV.encode()))
    assert len(out) == 1 and "too large" in out[0]


def test_unknown_appendix_reference_in_a_spec(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as exc:
        structure({**BASE, "body": ["Xem {appendix:kp}."], "appendices": [{"id": "lich"}]})
    assert "body[0].text: expected a reference to an appendix of this document (lich)" in str(exc.value)


# ---- the checker --------------------------------------------------------------------------------


def _with_run_size(data: bytes, row: int, half_points: int) -> bytes:
    """``data`` with the runs of the first data table's row ``row`` set to ``half_points``."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    for r in data_tables(root)[0].findall(f"{W}tr")[row].iter(f"{W}r"):
        props = r.find(f"{W}rPr")
        if props is None:
            props = etree.SubElement(r, f"{W}rPr")
            r.insert(0, props)
        for tag in ("sz", "szCs"):
            etree.SubElement(props, f"{W}{tag}").set(f"{W}val", str(half_points))
    parts["word/document.xml"] = etree.tostring(root)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, part in parts.items():
            z.writestr(name, part)
    return out.getvalue()


@pytest.mark.parametrize(("row", "rule"), [(0, "table-header.size"), (2, "table-cell.size")])
def test_table_text_at_12_pt_is_no_finding_and_at_10_a_warning(row: int, rule: str) -> None:
    from vbhc.model.formatting import Formatting
    from vbhc.writers.docx.template import Template, build_template

    small = Template(build_template(Formatting(table_pt=12)))
    assert check(render_bytes(document(), small)).findings == []
    report = check(_with_run_size(render_bytes(document()), row, 20))
    found = [(f.rule.id, f.rule.severity.value, f.found) for f in report.findings]
    assert found == [(rule, "warning", "10 pt")]
    assert report.findings[0].paragraphs[0].text in {"STT", "1"}


def test_table_paragraphs_are_not_body_items() -> None:
    from vbhc.ooxml.resolve import read_document
    from vbhc.recognise import recognise

    rec = recognise(read_document(render_bytes(document([m.Paragraph("Trước bảng."), statistics()]))))
    assert [r.text for r in rec.body] == ["Trước bảng.", "./."]


# ---- examples -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NEW_EXAMPLES)
def test_examples_render_and_pass_the_check(name: str) -> None:
    doc = vbhc.load(EXAMPLES / name)
    report = check(render_bytes(doc))
    assert [f for f in report.findings if f.rule.severity.value == "error"] == []
    assert report.findings == []


def test_the_plan_example_has_a_landscape_budget_appendix() -> None:
    doc = vbhc.load(EXAMPLES / "ke-hoach-kinh-phi-hoang-kim.yaml")
    layout = lay_out(doc)
    assert [(a.label.plain, a.landscape) for a in layout.appendices] == [("Phụ lục I", False),
                                                                          ("Phụ lục II", True)]
    assert any("chi tiết tại Phụ lục II" in x.plain for x in layout.body if not isinstance(x, TableRegion))
    budget = layout.appendices[1].body[-1]
    assert isinstance(budget, TableRegion) and budget.total[5].lines[0].plain == "19.700"


# ---- LibreOffice --------------------------------------------------------------------------------


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                    reason="LibreOffice (soffice) and poppler-utils are not installed")
def test_a_long_table_repeats_its_header_on_the_next_page(tmp_path: Path) -> None:
    docx = tmp_path / "long.docx"
    docx.write_bytes(render_bytes(document([statistics(80)])))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                   check=True, capture_output=True, timeout=180)

    def page(n: int) -> str:
        return subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(tmp_path / "long.pdf"),
                               "-"], check=True, capture_output=True, text=True).stdout

    first, second = page(1), page(2)
    assert "Thôn 1 " in first and "Thôn 80" not in first
    above = second[:second.index("Thôn ")]  # the page's first rows, before the first body row
    for header in ("STT", "Kết quả", "Số người", "Tỷ lệ (%)"):
        assert header in above
    assert "Thôn 1 " not in second


# ---- any table vbhc renders passes the check ----------------------------------------------------


_WORDS = st.sampled_from(["Thôn", "Đông", "kinh phí", "1.234,5", "12", "45%", "**Tổng**", "Hộ ông A",
                          "tuyên truyền lưu động dài", "Ủy ban nhân dân xã"])
_CELL_TEXT = st.lists(_WORDS, min_size=0, max_size=6).map(" ".join)


@st.composite
def tables(draw: st.DrawFn) -> m.Table:
    columns = draw(st.integers(1, 7))
    spans, left = [], columns
    while left:
        span = draw(st.integers(1, left))
        spans.append(span)
        left -= span
    header = [m.Cell(draw(_CELL_TEXT) or "Cột", colspan=s) for s in spans]
    rows = [[m.Cell(draw(_CELL_TEXT)) for _ in range(columns)] for _ in range(draw(st.integers(1, 8)))]
    total = [m.Cell("Tổng cộng", colspan=columns)] if draw(st.booleans()) else None
    return m.Table(rows, header=[header], total=total)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), st.booleans())
def test_any_table_renders_and_passes_the_check(table: m.Table, landscape: bool) -> None:
    doc = document([m.Paragraph("Số liệu như sau:"), table],
                   appendices=[m.Appendix("Số liệu", [table], landscape=landscape)])
    data = render_bytes(doc)
    assert check(data).findings == []
    for tbl in data_tables(etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))):
        widths = [int(g.get(f"{W}w")) for g in tbl.iter(f"{W}gridCol")]
        assert min(widths) > 0 and sum(widths) == int(tbl.find(f"{W}tblPr/{W}tblW").get(f"{W}w"))


def test_a_template_made_before_tables_gets_their_styles() -> None:
    from vbhc.writers.docx.template import Template, build_template
    from vbhc.writers.docx.upgrade import LATER_STYLES

    with zipfile.ZipFile(io.BytesIO(build_template())) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    styles = etree.fromstring(parts["word/styles.xml"])
    for style in list(styles.iter(f"{W}style")):
        if style.get(f"{W}styleId") in LATER_STYLES:
            styles.remove(style)
    parts["word/styles.xml"] = etree.tostring(styles)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, part in parts.items():
            z.writestr(name, part)
    old = Template(out.getvalue(), "old.docx")
    data = render_bytes(document(), old)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        ids = {s.get(f"{W}styleId") for s in etree.fromstring(z.read("word/styles.xml")).iter(f"{W}style")}
    assert {"VbhcTableHeader", "VbhcTableCell", "VbhcDraft", "VbhcConfirmation"} <= LATER_STYLES <= ids
    assert check(data).findings == []


def test_an_office_template_made_by_vbhc_0_1_0_still_renders() -> None:
    """tests/data/template-vbhc-0.1.0.docx is examples/profiles/mau-quang-phu.docx as vbhc 0.1.0 made it
    (``vbhc template --body-pt 13 --line-spacing 1.2``): offices keep such files, so later roles' styles
    are added when it loads, and what it renders passes the checker."""
    from vbhc.pipeline import load_template

    template = load_template(Path(__file__).parent / "data" / "template-vbhc-0.1.0.docx")
    assert check(render_bytes(document(), template)).findings == []
