"""Regressions the property test (tests/test_render_check_property.py) found, each as a plain test:
what vbhc renders, vbhc check passes, and the rules still bite where they should."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import make_document
from vbhc.check import check, read_document, recognise
from vbhc.check.rules import Severity
from vbhc.errors import FieldError
from vbhc.model import Article, Document, Item, Paragraph, Part, Point
from vbhc.model.text import Span, Text
from vbhc.nd30 import Role
from vbhc.readers.spec.reader import Validation, read
from vbhc.writers.docx.writer import render_bytes

SPEC_HEAD = """\
type: ke-hoach
issuer: {name: [Ủy ban nhân dân, xã Hoàng Kim], abbreviation: UBND}
place: Hoàng Kim
date: 2024-02-05
number: 5
summary: Triển khai công tác bình đẳng giới năm 2024
signatures: {position: Chủ tịch, name: Lê Quang Thành, mandates: [TM. Ủy ban nhân dân]}
recipients: [Các thôn]
"""
BASES = ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
         "Căn cứ Kế hoạch số 40/KH-UBND ngày 23/02/2024 của UBND huyện;",
         "Theo đề nghị của Công chức Văn hóa - Xã hội."]


def _read(tmp_path: Path, text: str, head: str = SPEC_HEAD) -> Validation:
    spec = tmp_path / "plan.yaml"
    spec.write_text(head + text, encoding="utf-8")
    result = read(spec)
    assert result.document is not None, [str(e) for e in result.errors]
    return result


def _errors(document: Document) -> list[str]:
    report = check(render_bytes(document), name="regression")
    return [f.line() for f in report.findings if f.severity is Severity.ERROR]


def _block(lines: list[str]) -> str:
    return "".join(f"  {line}\n" for line in lines)


# --------------------------------------------------------------------------------------------
# Căn cứ typed at the head of a kế hoạch's text (issue 10: they came out upright, and the checker
# flagged them)


def test_legal_bases_typed_at_the_head_of_the_body_are_the_documents(tmp_path: Path) -> None:
    result = _read(tmp_path, "body: |\n" + _block([*BASES, "I. MỤC ĐÍCH, YÊU CẦU", "Triển khai đồng bộ."]))
    document = result.document
    assert document is not None
    assert [b.plain for b in document.legal_bases] == BASES
    assert isinstance(document.body[0], Part) and len(document.body) == 1
    moved = [w for w in result.warnings if "moves it to legal_bases" in w.message]
    assert [w.path for w in moved] == ["body[0]", "body[1]", "body[2]"]
    assert all("head of the body" in w.message and "PL I, II.6.a" in w.message for w in moved)
    assert _errors(document) == []
    rec = recognise(read_document(render_bytes(document)))
    assert [r.text for r in rec.legal_bases] == BASES
    assert all(r.paragraph.runs[0].italic for r in rec.legal_bases)


def test_legal_bases_typed_at_the_head_of_the_preamble_follow_the_given_ones(tmp_path: Path) -> None:
    result = _read(tmp_path, f"legal_bases: ['{BASES[0]}']\npreamble: |\n" + _block(
        [*BASES[1:], "Ủy ban nhân dân xã ban hành Kế hoạch như sau:"]) + "body: Triển khai đồng bộ.\n")
    document = result.document
    assert document is not None
    assert [b.plain for b in document.legal_bases] == BASES  # the text's order kept
    assert [p.text.plain for p in document.preamble] == ["Ủy ban nhân dân xã ban hành Kế hoạch như sau:"]
    assert [w.path for w in result.warnings if "moves it" in w.message] == ["preamble[0]", "preamble[1]"]
    assert _errors(document) == []


def test_legal_bases_under_a_preamble_stay_with_a_warning_saying_where_they_belong(tmp_path: Path) -> None:
    result = _read(tmp_path, "preamble: Thực hiện chỉ đạo của UBND huyện.\nbody: |\n"
                   + _block([BASES[0], "I. MỤC ĐÍCH", "Triển khai đồng bộ."]))
    document = result.document
    assert document is not None
    assert document.legal_bases == ()
    assert isinstance(document.body[0], Paragraph)  # not moved: it would go before the preamble
    (warning,) = [w for w in result.warnings if w.path == "body[0]"]
    assert "belong in legal_bases" in warning.message and "before the preamble" in warning.message
    assert _errors(document) == []


def test_a_body_that_only_mentions_can_cu_later_is_left_alone(tmp_path: Path) -> None:
    result = _read(tmp_path, "body: |\n" + _block(["Triển khai đồng bộ.", BASES[0]]))
    assert result.document is not None and result.document.legal_bases == ()
    assert not [w for w in result.warnings if "legal_bases" in w.message and "căn cứ typed" in w.message]


# --------------------------------------------------------------------------------------------
# Titles print in the decree's look: italics typed in them are left out (checker: "partly italic")


def test_italics_typed_in_titles_are_left_out_with_a_warning(tmp_path: Path) -> None:
    head = SPEC_HEAD.replace("summary: Triển khai", "summary: Triển khai *Luật*")
    result = _read(tmp_path, "body: |\n" + _block(["I. Mục *đích*", "1. Yêu cầu **chung**",
                                                   "- Triển khai *đồng bộ*."]), head)
    document = result.document
    assert document is not None
    assert _errors(document) == []
    paths = {w.path for w in result.warnings if "weight and slant are the decree's" in w.message}
    assert paths == {"summary", "body[0].title", "body[0].children[0].title"}
    rec = recognise(read_document(render_bytes(document)))
    heading = next(r for r in rec.body if r.role is Role.HEADING)
    assert not any(run.italic for run in heading.paragraph.runs)
    dash = next(r for r in rec.body if r.role is Role.DASH)  # running text keeps its emphasis
    assert any(run.italic for run in dash.paragraph.runs)


def test_a_cong_van_summary_typed_in_bold_prints_regular() -> None:
    document = make_document(type="cong-van", unit="VP", summary=Text((Span("Về "), Span("khẩn", bold=True))))
    assert _errors(document) == []


# --------------------------------------------------------------------------------------------
# An article's text after "Điều N." is running text: a few words in italics are emphasis


def _decision(article: Article) -> Document:
    return make_document(type="quyet-dinh", enacting_authority="Chủ tịch Ủy ban nhân dân xã Hoàng Kim",
                         body=[article])


def test_emphasis_in_an_articles_text_is_not_a_finding() -> None:
    text = Text((Span("Ban hành kèm theo Quyết định này "), Span("Quy chế", italic=True), Span(" làm việc.")))
    assert _errors(_decision(Article(text=text))) == []


def test_an_articles_text_all_in_italics_is_still_a_finding() -> None:
    errors = _errors(_decision(Article(text=Text((Span("Ban hành Quy chế làm việc.", italic=True),)))))
    assert any(e.startswith("article.italic") for e in errors), errors


# --------------------------------------------------------------------------------------------
# The enacting authority is recognised over "QUYẾT ĐỊNH:" when the decision has no căn cứ


@pytest.mark.parametrize("kind", ["quyet-dinh", "nghi-quyet"])
def test_an_enacting_authority_without_legal_bases_is_recognised(kind: str) -> None:
    document = make_document(type=kind, enacting_authority="Chủ tịch Ủy ban nhân dân xã Hoàng Kim",
                             body=[Article(title="Phạm vi điều chỉnh", children=[Paragraph("Nội dung.")])])
    assert _errors(document) == []
    rec = recognise(read_document(render_bytes(document)))
    assert rec.enacting_authority is not None
    assert rec.enacting_authority.text == "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HOÀNG KIM"


# --------------------------------------------------------------------------------------------
# A điểm after a khoản among the same children reads as the khoản's: the model refuses it


def test_a_point_after_an_item_among_the_same_children_is_refused() -> None:
    with pytest.raises(FieldError) as exc:
        Article(title="Tổ chức thực hiện", children=[Item(text="Giao Văn phòng."), Point("Theo dõi.")])
    assert exc.value.path == "children[1]"
    assert "reads as the item's" in exc.value.expected
    # before the khoản, or inside it, it is fine
    Article(title="Tổ chức thực hiện", children=[Point("Theo dõi."), Item(text="Giao Văn phòng.")])
    Article(title="Tổ chức thực hiện", children=[Item(text="Giao Văn phòng.", children=[Point("Theo dõi.")])])


def test_a_spec_with_a_point_after_an_item_names_the_field(tmp_path: Path) -> None:
    spec = tmp_path / "plan.yaml"
    spec.write_text(SPEC_HEAD + "body:\n  - kind: part\n    title: Nội dung\n    children:\n"
                    "      - {kind: item, text: Giao Văn phòng.}\n      - {kind: point, text: Theo dõi.}\n",
                    encoding="utf-8")
    result = read(spec)
    assert result.document is None
    assert [e.path for e in result.errors] == ["body[0].children[1]"]


# --------------------------------------------------------------------------------------------
# Running text that opens with a label's word is running text


@pytest.mark.parametrize("opening", ["Phần lớn các thôn đã hoàn thành.", "Phần việc còn lại giao Văn phòng.",
                                     "Chương trình được triển khai đúng hạn."])
def test_a_paragraph_opening_with_a_division_word_is_a_paragraph(opening: str) -> None:
    document = make_document(body=[Part("Kết quả", [Paragraph("Triển khai đồng bộ."), Paragraph(opening)])])
    assert _errors(document) == []
    rec = recognise(read_document(render_bytes(document)))
    assert [r.role for r in rec.body] == [Role.HEADING, Role.PARAGRAPH, Role.PARAGRAPH]


def test_a_summary_opening_with_a_legal_basis_word_is_the_summary() -> None:
    summary = "Theo đề nghị của các thôn về việc sửa chữa nhà văn hóa"
    document = make_document(summary=summary)
    assert _errors(document) == []
    rec = recognise(read_document(render_bytes(document)))
    assert [r.text for r in rec.summary] == [summary] and rec.legal_bases == ()


def test_a_paragraph_opening_with_noi_nhan_is_not_the_closing() -> None:
    document = make_document(body=[Part("Hồ sơ", [Paragraph("Nơi nhận hồ sơ là Bộ phận một cửa của xã."),
                                                  Paragraph("Thời hạn giải quyết là 05 ngày làm việc.")])])
    assert _errors(document) == []
    rec = recognise(read_document(render_bytes(document)))
    assert [r.role for r in rec.body] == [Role.HEADING, Role.PARAGRAPH, Role.PARAGRAPH]


def test_a_cong_vans_legal_bases_are_read_as_such_and_its_upright_xet_de_nghi_is_not() -> None:
    """A công văn may cite its bases: vbhc sets them in italics (PL I, II.6.a) and the checker reads
    them as căn cứ (found after the recogniser stopped taking a công văn's "Xét đề nghị" sentence for
    one); an upright "Căn cứ ..." sentence opening its text stays a body paragraph."""
    document = make_document(type="cong-van", unit="VP", legal_bases=BASES[:2],
                             body=[Paragraph("Căn cứ tình hình thực tế, Ủy ban nhân dân xã đề nghị.")])
    data = render_bytes(document)
    assert _errors(document) == []
    roles = recognise(read_document(data)).roles()
    texts = {p.index: p.text for p in read_document(data).paragraphs}
    assert [texts[i][:24] for i, role in sorted(roles.items()) if role is Role.LEGAL_BASIS] == [
        BASES[0][:24], BASES[1][:24]]
    assert [texts[i][:24] for i, role in sorted(roles.items()) if role is Role.PARAGRAPH] == [
        "Căn cứ tình hình thực tế"]
