"""A phần ("Phần I" over its UPPER title, PL I, II.6.đ): read from outline text, laid out and printed as a
chương is, numbered with chương and "I." parts starting again under each, passed by check, and read
back by import into the same spec."""

from __future__ import annotations

from tests.conftest import make_document
from vbhc import Article, Chapter, Division, Item, Part
from vbhc.check import check
from vbhc.layout import lay_out
from vbhc.nd30 import Role
from vbhc.ooxml.resolve import read_document
from vbhc.pipeline import import_document, render_bytes
from vbhc.readers.spec.outline import parse_outline

OUTLINE = """Phần I
Kết quả năm 2023
I. CÔNG TÁC TUYÊN TRUYỀN
1. Đã tổ chức 12 buổi tuyên truyền.
II. CÔNG TÁC KIỂM TRA
1. Đã kiểm tra 5 cơ sở.

Phần II
NHIỆM VỤ NĂM 2024
I. CÔNG TÁC TUYÊN TRUYỀN
1. Tổ chức 15 buổi tuyên truyền."""


def plan() -> list[Division]:
    return [Division("Kết quả năm 2023", [Part("Công tác tuyên truyền", [Item(text="Đã tổ chức.")]),
                                          Part("Công tác kiểm tra", [Item(text="Đã kiểm tra.")])]),
            Division("Nhiệm vụ năm 2024", [Part("Công tác tuyên truyền", [Item(text="Tổ chức.")])])]


def test_a_phan_line_and_its_title_make_a_division_holding_its_parts() -> None:
    result = parse_outline(OUTLINE)
    assert result.warnings == () and result.errors == ()
    first, second = result.blocks
    assert isinstance(first, Division) and first.title.plain == "Kết quả năm 2023"
    assert [type(c) for c in first.children] == [Part, Part]
    assert [c.title.plain for c in second.children] == ["CÔNG TÁC TUYÊN TRUYỀN"]


def test_a_typed_phan_number_out_of_place_is_warned() -> None:
    result = parse_outline("Phần I\nMỘT\nPhần III\nHAI")
    assert [w.message for w in result.warnings] == ['typed "Phần III" but this is division 2 here; '
                                                    'vbhc numbers it "Phần II"']


def test_parts_and_chapters_start_again_in_each_phan_and_articles_run_on() -> None:
    lines = lay_out(make_document(body=plan())).body
    assert [x.label for x in lines] == ["Phần I", "", "I.", "1.", "II.", "1.", "Phần II", "", "I.", "1."]
    titles = [x.plain for x in lines if x.role is Role.DIVISION_TITLE]
    assert titles == ["KẾT QUẢ NĂM 2023", "NHIỆM VỤ NĂM 2024"]
    doc = make_document(type="quy-che", body=[
        Division("Một", [Chapter("A", [Article("x")]), Chapter("B", [Article("y")])]),
        Division("Hai", [Chapter("C", [Article("z")])])])
    labels = [x.label for x in lay_out(doc).body if x.label]
    assert labels == ["Phần I", "Chương I", "Điều 1.", "Chương II", "Điều 2.",
                      "Phần II", "Chương I", "Điều 3."]


def test_the_render_prints_phan_centred_and_bold_as_a_chuong_and_passes_check() -> None:
    data = render_bytes(make_document(body=plan()))
    paragraphs = [p for p in read_document(data).paragraphs if p.location == "body"]
    texts = [p.text for p in paragraphs]
    start = texts.index("Phần I")
    assert texts[start:start + 3] == ["Phần I", "KẾT QUẢ NĂM 2023", "I. CÔNG TÁC TUYÊN TRUYỀN"]
    assert texts.count("I. CÔNG TÁC TUYÊN TRUYỀN") == 2 and "III. CÔNG TÁC TUYÊN TRUYỀN" not in texts
    chapter = render_bytes(make_document(type="quy-che", body=[Chapter("Một", [Article("x")])]))
    chuong = next(p for p in read_document(chapter).paragraphs if p.text == "Chương I")
    for label, title in (("Phần I", "KẾT QUẢ NĂM 2023"), ("Phần II", "NHIỆM VỤ NĂM 2024")):
        for p in (paragraphs[texts.index(label)], paragraphs[texts.index(title)]):
            assert p.alignment == "center"
            assert {r.bold for r in p.visible_runs} == {True}
        assert {r.size_pt for r in paragraphs[texts.index(label)].visible_runs} == {
            r.size_pt for r in chuong.visible_runs}
    report = check(data, name="phan.docx")
    aside = ("number.blank", "signature.collective")  # the small document's blank number and bare signature
    assert [f.line() for f in report.findings if f.rule.id not in aside] == []


def test_render_import_render_is_byte_identical() -> None:
    document = make_document(body=plan())
    data = render_bytes(document)
    result = import_document(data, name="phan.docx")
    assert result.spec["body"].startswith("Phần I\nKẾT QUẢ NĂM 2023\nI. CÔNG TÁC TUYÊN TRUYỀN\n1. ")
    assert render_bytes(result.document) == data
