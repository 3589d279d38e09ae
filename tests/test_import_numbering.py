"""A plan copied from a district's, numbered in an office's forms and with a gap (issue 11: the seed's
4 → 8): check reports the gap, and import renumbers it as the decree writes it, with a warning each."""

from __future__ import annotations

from tests.fixtures.habits_numbering import _plan_with
from tests.fixtures.office_habits import body
from vbhc.check import check
from vbhc.ooxml.resolve import read_document
from vbhc.pipeline import import_document, render_bytes


def test_a_gap_in_an_offices_numbering_is_reported_and_renumbered_on_import() -> None:
    habit = _plan_with("district_gap", [
        body("I. NỘI DUNG", True), body("1) Tuyên truyền", True), body("a. Trên loa truyền thanh;"),
        body("c. Tại các buổi họp thôn."), body("2) Kiểm tra", True), body("(1) Kiểm tra các thôn;"),
        body("(3) Báo cáo kết quả."), body("8) Tổng kết công tác năm./.")], {})
    found = [(f.found, f.expected) for f in check(habit.data).findings if f.rule.id == "numbering.sequence"]
    assert ('"c."', '"b)"') in found and ('"(3)"', '"b)"') in found and ('"8)"', '"3."') in found
    result = import_document(habit.data, name="district.docx")
    assert result.spec["body"] == ("I. NỘI DUNG\n1. Tuyên truyền\na) Trên loa truyền thanh;\n"
                                   "b) Tại các buổi họp thôn.\n2. Kiểm tra\na) Kiểm tra các thôn;\n"
                                   "b) Báo cáo kết quả.\n3. Tổng kết công tác năm.")
    warnings = [d.message for d in result.diagnostics]
    assert 'typed "(3)": a điểm under the khoản above: the decree writes "b)"; vbhc prints it so' in warnings
    # its form and its number in one warning, naming what was typed
    assert 'typed "8)" but this is item 3 here; vbhc numbers it "3."' in warnings
    assert 'typed "c." but this is point 2 here; vbhc numbers it "b)"' in warnings
    assert not any(w.startswith(('typed "8)": the decree', 'typed "c.": the decree')) for w in warnings)
    again = [p.text for p in read_document(render_bytes(result.document)).paragraphs]
    assert {"1. Tuyên truyền", "b) Tại các buổi họp thôn.", "3. Tổng kết công tác năm./."} <= set(again)
