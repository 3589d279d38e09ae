"""``vbhc import`` of a body paragraph printed wholly in capitals: written in thường, the case the decree
prints the body in (PL I, II.6.e), with a warning naming the paragraph, what was written and why."""

from __future__ import annotations

import io

from docx import Document as WordDocument

from tests.fixtures.habits_closing import acting_title_in_body
from vbhc.check import check
from vbhc.pipeline import import_document, render_bytes

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
