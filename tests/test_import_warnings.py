"""``vbhc import``'s warnings as an officer reads them: a body paragraph printed wholly in capitals is
written in thường, the case the decree prints the body in (PL I, II.6.e), with a warning naming the
paragraph, what was written and why; no warning is empty or says a label differs from itself."""

from __future__ import annotations

import io
import re

from docx import Document as WordDocument

from tests.fixtures.habits_closing import acting_title_in_body
from tests.fixtures.office_habits import several_forms
from vbhc.check import check
from vbhc.pipeline import import_document, render_bytes
from vbhc.readers.spec.outline import parse_outline

# A warning that says a label differs from itself: '"I." ... the decree writes "I."'
SELF_CONTRADICTORY = re.compile(r'"([^"]+)"[^"]*(?:the decree|practice) writes "\1"')


def senseless(messages: list[str]) -> list[str]:
    """The warnings an officer could not act on: an empty "()" or quotation, a label said to differ from
    itself."""
    return [m for m in messages if "()" in m or '""' in m or SELF_CONTRADICTORY.search(m)]

HEAD = ("ỦY BAN NHÂN DÂN", "XÃ HOÀNG KIM", "Số: 15/UBND-VP", "V/v tổ chức tiếp công dân",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Hoàng Kim, ngày 02 tháng 4 năm 2024", "Kính gửi: Các thôn trên địa bàn xã.")
TAIL = ("Nơi nhận:", "- Như trên;", "- Lưu: VT, VP (02).", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đỗ Thị Lan")


def _letter(*body: str, caps: str = "") -> bytes:
    """A công văn with ``body``'s paragraphs, and ``caps`` typed in thường under Word's "All caps"."""
    doc = WordDocument()
    for text in (*HEAD, *body):
        doc.add_paragraph(text)
    if caps:
        doc.add_paragraph().add_run(caps).font.all_caps = True
    for text in TAIL:
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _warnings(result: object) -> list[str]:
    return [str(d) for d in result.diagnostics if "capitals" in d.message]  # type: ignore[attr-defined]


def test_a_post_typed_in_capitals_is_written_as_the_document_writes_it_elsewhere() -> None:
    habit = acting_title_in_body()
    result = import_document(habit.data, name="qd.docx")
    assert "\nQ. Chủ tịch Ủy ban nhân dân xã\n" in result.spec["body"]
    assert _warnings(result) == [
        'qd.docx: ¶14 "Q. CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ": a body paragraph typed wholly in capitals: written '
        '"Q. Chủ tịch Ủy ban nhân dân xã", as the document writes these words elsewhere; the decree prints '
        "the body in lower case (chữ in thường, PL I, II.6.e)"]
    report = check(render_bytes(result.document), name="again.docx")
    assert not [f for f in report.findings if f.rule_id.endswith(".case")]


def test_words_the_document_writes_nowhere_else_are_in_sentence_case_with_a_warning_to_check_them() -> None:
    line = "ĐỀ NGHỊ CÁC THÔN PHỐI HỢP VỚI UBND XÃ HOÀNG KIM TỔ CHỨC TIẾP CÔNG DÂN."
    result = import_document(_letter(line), name="cv.docx")
    assert result.spec["body"] == "Đề nghị các thôn phối hợp với UBND xã Hoàng Kim tổ chức tiếp công dân."
    [warning] = _warnings(result)
    assert warning.startswith('cv.docx: ¶9 "ĐỀ NGHỊ CÁC THÔN') and "in sentence case" in warning
    assert "check the case of its proper names (PL II)" in warning
    assert "(chữ in thường, PL I, II.6.e)" in warning


def test_all_caps_of_word_gives_the_text_as_typed() -> None:
    typed = "Các thôn báo cáo kết quả về Ủy ban nhân dân xã trước ngày 15 tháng 4 năm 2024."
    result = import_document(_letter(caps=typed), name="cv.docx")
    assert result.spec["body"] == typed
    [warning] = _warnings(result)
    assert "by Word's \"All caps\": written as typed" in warning


def test_a_body_line_in_thuong_and_a_short_abbreviation_are_kept_as_typed() -> None:
    lines = ("Ủy ban nhân dân xã đề nghị các thôn phối hợp.", "UBND XÃ")
    result = import_document(_letter(*lines), name="cv.docx")
    assert result.spec["body"].split("\n") == list(lines) and _warnings(result) == []


def test_the_forms_attached_to_a_decision_import_with_sensible_warnings() -> None:
    """The lines of forms in a phụ lục ("I. SỐ LIỆU", "1. Dân số: ......") are kept as typed: one
    warning each, saying where they go, none telling the officer that "I." should be "I."."""
    habit = several_forms()
    result = import_document(habit.data, name="forms.docx")
    messages = [str(d) for d in result.diagnostics]
    assert senseless(messages) == [] and not any("numbered as offices type it" in m for m in messages)
    assert 'forms.docx: ¶29 "I. SỐ LIỆU": not recognised as a component: kept as a plain paragraph of an ' \
           "appendix" in messages
    assert not any("of the body" in m for m in messages)  # they are the phụ lục's lines, not the body's
    assert len([m for m in messages if "¶29 " in m]) == 1


def test_the_outline_names_the_level_and_never_says_a_label_differs_from_itself() -> None:
    def warnings(text: str) -> list[str]:
        return [n.message for n in parse_outline(text).warnings]

    assert warnings("\\I. SỐ LIỆU\n\\1. Dân số: ......") == []  # escaped: the author's plain lines
    assert warnings("a. Nâng cao nhận thức") == [
        '"a." is numbered as offices type it; the decree writes "a)" (a điểm): the line is printed as typed']
    assert warnings("1) Bảo đảm") == [
        '"1)" is numbered as offices type it; the decree writes "1." (a khoản): the line is printed as typed']
    assert warnings("1.Mục đích chung") == [
        '"1." is not read as a number: the decree\'s label is followed by a space ("1. …"); the line is '
        "printed as typed"]
    assert senseless(warnings("I)Mục đích\n1.Mục đích\n(a) Nội dung")) == []
