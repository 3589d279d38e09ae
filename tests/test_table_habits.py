"""What ``vbhc import`` keeps of the tables offices type (tests/fixtures/habits_tables.py): the header
typed in bold without "repeat as header row", Word bullets in cells, bold and italic runs, merged cells,
a nested table, empty rows, figures, a landscape page, a table in a phụ lục; and the import of each,
rendered, imported again, renders the same bytes. (Every paragraph's text and a clean check are
asserted for every habit by tests/test_import_habits.py.)"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.fixtures import habits_tables as h
from tests.fixtures.office_habits import Habit
from vbhc import model as m
from vbhc.ooxml.resolve import read_document
from vbhc.pipeline import ImportResult, import_document, render_bytes

_DONE: dict[str, ImportResult] = {}


def imported(make: Callable[[], Habit]) -> ImportResult:
    if make.__name__ not in _DONE:
        habit = make()
        _DONE[make.__name__] = import_document(habit.data, name=f"{habit.name}.docx")
    return _DONE[make.__name__]


def tables(blocks: tuple) -> list[m.Table]:
    out = []
    for b in blocks:
        if isinstance(b, m.Table):
            out.append(b)
        out += tables(getattr(b, "children", ()))
    return out


def the_table(make: Callable[[], Habit]) -> m.Table:
    doc = imported(make).document
    (found,) = tables(doc.body) + [t for a in doc.appendices for t in tables(a.children)]
    return found


def lines(cell: m.Cell) -> list[str]:
    return [x.plain for x in cell.lines]


def test_a_header_typed_bold_and_centred_is_the_header() -> None:
    table = the_table(h.table_bullets_in_cells)
    assert [lines(c) for c in table.header[0]] == [["STT"], ["Nội dung"], ["Đơn vị thực hiện"]]
    assert all(c.align is None for c in table.header[0])  # centred and bold: the header's own look
    assert len(table.rows) == 2


def test_word_bullets_in_a_cell_are_dash_lines() -> None:
    table = the_table(h.table_bullets_in_cells)
    assert lines(table.rows[0][1]) == ["- Tuyên truyền trên loa truyền thanh;",
                                       "- Tổ chức hội nghị tập huấn."]
    assert lines(table.rows[1][1]) == ["Kiểm tra, giám sát:", "- tại các thôn;", "- tại trường học."]
    assert lines(table.rows[0][2]) == ["Văn hóa - Xã hội", "Đoàn Thanh niên"]  # a line break: a line


def test_bold_and_italic_runs_a_bold_subtotal_and_the_total_row() -> None:
    table = the_table(h.table_emphasis_in_cells)
    dong = table.rows[0][1].text
    assert [(s.text, s.bold) for s in dong.spans] == [("Thôn ", False), ("Đông", True)]
    note = table.rows[1][1].lines[1]
    assert note.plain == "(nộp chậm)" and all(s.italic for s in note.spans)
    subtotal = table.rows[2]
    assert lines(subtotal[1]) == ["Cộng khu vực I"] and all(s.bold for s in subtotal[1].text.spans)
    assert table.total is not None and lines(table.total[1]) == ["Tổng cộng"]
    assert not any(s.bold for s in table.total[1].text.spans)  # the total row prints bold by itself


def test_cells_merged_across_and_down() -> None:
    table = the_table(h.table_merged_cells)
    assert len(table.header) == 2
    assert [(lines(c), c.colspan, c.rowspan) for c in table.header[0]] == [
        (["STT"], 1, 2), (["Thôn"], 1, 2), (["Kết quả"], 2, 1)]
    assert [(lines(c), c.rowspan) for c in table.rows[0][:2]] == [(["1"], 2), (["Thôn Đông"], 2)]
    assert len(table.rows[1]) == 2  # the row under the spans lists only its own cells


def test_a_nested_table_is_lines_of_its_cell_with_a_warning() -> None:
    result = imported(h.table_nested)
    table = the_table(h.table_nested)
    assert lines(table.rows[0][1]) == ["Kiểm tra các thôn:", "Ngày\tThôn", "15/4\tThôn Đông",
                                       "16/4\tThôn Tây"]
    said = [str(d) for d in result.diagnostics]
    assert any("nested in a cell" in d for d in said)
    assert not any("not recognised as a component" in d for d in said)  # none left as body paragraphs


def test_empty_rows_are_kept_to_fill_in() -> None:
    table = the_table(h.table_empty_rows)
    assert len(table.rows) == 4 and all(not c.text for r in table.rows[1:] for c in r)


def test_a_repeated_header_row_and_forty_rows() -> None:
    table = the_table(h.table_repeated_header)
    assert len(table.header) == 1 and len(table.rows) == 40 and table.total is None


def test_figures_with_thousands_are_numbers_on_the_right() -> None:
    table = the_table(h.table_thousands)
    figures = [c for r in table.rows for c in r[2:]]
    assert [c.text.plain for c in figures] == ["1.234.567", "1.300.000", "5,3", "12.500.000", "10.000.000",
                                               "-20"]
    assert all(c.numeric and c.align is None for c in figures)


def test_a_table_on_a_landscape_page_of_the_body_is_named() -> None:
    said = [str(d) for d in imported(h.table_landscape_section).diagnostics]
    assert any("landscape page" in d and "phụ lục" in d for d in said), said


def test_a_table_in_an_appendix_stays_there() -> None:
    doc = imported(h.table_in_appendix).document
    assert not tables(doc.body) and len(doc.appendices) == 1
    table = the_table(h.table_in_appendix)
    assert table.total is not None and lines(table.rows[1][1]) == ["In tài liệu", "(500 bộ)"]


@pytest.mark.parametrize("make", h.HABITS, ids=lambda f: f.__name__)
def test_the_import_rendered_imports_to_the_same_bytes(make: Callable[[], Habit]) -> None:
    first = render_bytes(imported(make).document)
    assert render_bytes(import_document(first).document) == first


def test_the_end_mark_typed_before_a_closing_table_is_written_once() -> None:
    """vbhc writes "./." after the body's last block: the "./." typed on the sentence over a closing table
    is read as its full stop, so the render prints the mark once, after the table."""
    doc = imported(h.table_after_end_mark).document
    texts = [p.text for p in read_document(render_bytes(doc)).paragraphs if p.location == "body"]
    assert sum(t.count("./.") for t in texts) == 1
    assert "Kết quả thực hiện trong quý được tổng hợp tại bảng dưới đây." in texts
