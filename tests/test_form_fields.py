"""The forms of labelled fields (PL III, Mẫu 1.7-1.10): giấy mời, giấy giới thiệu, biên bản, giấy
nghỉ phép. Each example in examples/ renders with its form's words around its fields, validates,
and passes ``vbhc check``; the model refuses what the forms do not allow."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from tests.conftest import EXAMPLES, make_document
from vbhc import Mandate, Signature
from vbhc.check import check, read_document
from vbhc.cli import main
from vbhc.errors import FieldError
from vbhc.layout import lay_out
from vbhc.model import IssueDate
from vbhc.model.particulars import Introduction, Invitation, Minutes
from vbhc.nd30 import DocumentType, Role, form_of
from vbhc.ooxml.resolve import ResolvedDocument
from vbhc.pipeline import load, read
from vbhc.readers.spec.starters import starter
from vbhc.writers.docx.writer import render_bytes

FORMS = ("cong-dien", "giay-moi", "giay-gioi-thieu", "bien-ban", "giay-nghi-phep")


def example(kind: str) -> Path:
    return EXAMPLES / f"{kind}-hoang-kim.yaml"


def rendered(kind: str) -> ResolvedDocument:
    return read_document(render_bytes(load(example(kind))))


def texts(doc: ResolvedDocument) -> list[str]:
    return [" ".join(p.text.split()) for p in doc.paragraphs]


@pytest.mark.parametrize("kind", FORMS)
def test_each_example_validates_renders_and_passes_the_checker(kind: str, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    result = read(example(kind))
    assert result.errors == [] and result.warnings == []
    out = tmp_path / f"{kind}.docx"
    assert main(["render", str(example(kind)), "-o", str(out)]) == 0
    report = check(out.read_bytes(), name=kind)
    assert report.findings == [], report.to_text()
    assert report.document_type == kind


@pytest.mark.parametrize("kind", FORMS)
def test_each_starter_renders_clean_but_for_its_blanks(kind: str) -> None:
    """What `vbhc new` gives renders with no error (a draft's blank number and day are warnings)."""
    import yaml

    from vbhc.readers.spec.reader import structure

    document = structure(yaml.safe_load(starter(kind)))
    report = check(render_bytes(document), name=kind)
    assert report.exit_code == 0 and report.rule_ids() <= {"number.blank", "place-date.blank"}, \
        report.to_text()


def test_giay_moi_prints_its_fields_in_the_decrees_words() -> None:
    lines = texts(rendered("giay-moi"))
    summary, rule, *body = lines[lines.index("GIẤY MỜI") + 1:]
    assert (summary, rule) == ("Hội nghị sơ kết công tác bình đẳng giới 6 tháng đầu năm 2024", "")
    assert body[0] == ("Ủy ban nhân dân xã Hoàng Kim trân trọng kính mời: Trưởng các thôn, đại diện lãnh "
                       "đạo các đoàn thể cấp xã.")
    assert body[1].startswith("Tới dự Hội nghị sơ kết công tác bình đẳng giới")
    assert body[2:5] == ["Chủ trì: Ông Lê Quang Thành, Chủ tịch UBND xã.",
                         "Thời gian: 08 giờ 00, thứ Hai, ngày 10 tháng 6 năm 2024.",
                         "Địa điểm: Hội trường UBND xã Hoàng Kim."]
    assert body[5].startswith("Đề nghị các đại biểu") and body[5].endswith("2024./.")
    assert "Hoàng Kim, ngày 03 tháng 6 năm 2024" in lines  # a giấy mời has its place and date


def test_giay_gioi_thieu_has_no_summary_and_ends_with_its_validity() -> None:
    doc = rendered("giay-gioi-thieu")
    lines = texts(doc)
    start = lines.index("GIẤY GIỚI THIỆU")
    assert lines[start + 1] == ""  # the short line under the tên loại, no trích yếu (PL III, Mẫu 1.8)
    assert lines[start + 2:start + 6] == [
        "Ủy ban nhân dân xã Hoàng Kim trân trọng giới thiệu:", "Ông (bà) Nguyễn Thị Lan",
        "Chức vụ: Công chức Văn hóa - Xã hội xã Hoàng Kim",
        "Được cử đến: Phòng Lao động - Thương binh và Xã hội huyện Hoàng Hóa"]
    assert "Đề nghị Quý cơ quan tạo điều kiện để ông (bà) có tên ở trên hoàn thành nhiệm vụ." in lines
    assert "Giấy này có giá trị đến hết ngày 30 tháng 6 năm 2024./." in lines
    assert lay_out(load(example("giay-gioi-thieu"))).summary == ()


def test_bien_ban_has_no_place_date_and_its_secretary_and_chair_sign_side_by_side() -> None:
    doc = rendered("bien-ban")
    lines = texts(doc)
    assert not any(x.startswith("Hoàng Kim, ngày") for x in lines)  # PL III, Mẫu 1.9: no place and date
    assert lay_out(load(example("bien-ban"))).place_date is None
    assert "Số: 03/BB-UBND" in lines
    assert not any(x.startswith(("TM.", "KT.")) for x in lines)
    assert "Thời gian bắt đầu: 08 giờ 00, ngày 10 tháng 6 năm 2024" in lines
    assert lines[lines.index("Thành phần tham dự:") + 1] == "- Ông Lê Quang Thành, Chủ tịch UBND xã;"
    assert "Thư ký (người ghi biên bản): Bà Nguyễn Thị Lan, công chức Văn hóa - Xã hội" in lines
    assert "Cuộc họp kết thúc vào 10 giờ 30, ngày 10 tháng 6 năm 2024./." in lines
    by_text = {" ".join(p.text.split()): p for p in doc.paragraphs}
    clerk, chair = by_text["THƯ KÝ"], by_text["CHỦ TỌA"]
    assert clerk.table is not None and chair.table is not None
    assert clerk.table[:2] == chair.table[:2] and (clerk.table[2], chair.table[2]) == (0, 1)
    for name, column in (("Nguyễn Thị Lan", 0), ("Lê Quang Thành", 1)):
        assert by_text[name].table is not None and by_text[name].table[2] == column


def test_giay_nghi_phep_prints_the_request_the_period_and_what_it_counts_as() -> None:
    lines = texts(rendered("giay-nghi-phep"))
    assert ("Xét Đơn đề nghị nghỉ phép ngày 25 tháng 6 năm 2024 của ông (bà) Nguyễn Thị Lan, Ủy ban nhân "
            "dân xã Hoàng Kim cấp cho:") in lines
    assert ("Được nghỉ phép trong thời gian 05 ngày, kể từ ngày 08 tháng 7 năm 2024 đến hết ngày 12 tháng 7 "
            "năm 2024 tại xã Quảng Phú, huyện Quảng Xương, tỉnh Thanh Hóa.") in lines
    position = lines[lines.index("Ông (bà): Nguyễn Thị Lan") + 1]
    assert position == "Chức vụ: Công chức Văn hóa - Xã hội xã Hoàng Kim"
    assert "Số ngày nghỉ phép nêu trên được tính vào thời gian nghỉ phép năm 2024./." in lines
    assert "GIẤY NGHỈ PHÉP" in lines


def test_the_field_lines_are_body_paragraphs_labelled_with_the_forms_words() -> None:
    layout = lay_out(load(example("giay-moi")))
    form = form_of(DocumentType.GIAY_MOI)
    labels = [line.label for line in layout.body if line.label]
    assert labels == [form.word(k) for k in ("attend", "chair", "time", "venue")]
    assert {line.role for line in layout.body} == {Role.PARAGRAPH}


INVITATION = Invitation(invitees="Các thôn.", event="Hội nghị.", time="8 giờ.", venue="Hội trường.")


def test_the_model_refuses_what_the_forms_do_not_allow() -> None:
    with pytest.raises(FieldError, match=r"^invitation: expected nothing: a kế hoạch has no invitation"):
        make_document(invitation=INVITATION)
    with pytest.raises(FieldError, match=r"^summary: expected a value"):
        make_document(type="giay-moi", summary=None, invitation=INVITATION)
    make_document(type="giay-gioi-thieu", summary=None)  # Mẫu 1.8: no trích yếu
    two = [Signature(position="Thư ký", name="Trần C"),
           Signature(position="Chủ tọa", name="Lê D", mandates=[Mandate("TM.", "Ủy ban nhân dân")])]
    with pytest.raises(FieldError, match=r"^signatures\[1\]\.mandates: expected none: its secretary and "):
        make_document(type="bien-ban", signatures=two)
    with pytest.raises(FieldError, match=r"^signatures: expected 2 signatures"):
        make_document(type="bien-ban", signatures=two[:1])
    with pytest.raises(FieldError, match="participants"):
        Minutes(start="8 giờ", venue="A", participants=[], chair="B", secretary="C", end="9 giờ")


def test_without_its_fields_a_form_prints_its_body_alone() -> None:
    """The particulars may be left out: the body then holds the whole text (as before these forms)."""
    document = make_document(type="giay-moi")
    assert [line.plain for line in lay_out(document).body] == ["Nội dung./."]
    with_fields = attrs.evolve(document, invitation=INVITATION)
    assert [line.plain for line in lay_out(with_fields).body][-1] == "Nội dung./."
    intro = Introduction(person="A", sent_to="B", purpose="C", valid_until=IssueDate(2024, 3, 31))
    body = lay_out(make_document(type="giay-gioi-thieu", summary=None, introduction=intro)).body
    assert [line.plain for line in body][-1] == "Giấy này có giá trị đến hết ngày 31 tháng 3 năm 2024./."


def test_the_checker_warns_of_a_quyen_han_line_over_a_bien_bans_signers() -> None:
    """signature.in-person (PL III, Mẫu 1.9): passes on vbhc's biên bản, warns on one signed "TM."."""
    document = load(example("bien-ban"))
    assert "signature.in-person" not in check(render_bytes(document)).rule_ids()
    signed_tm = (document.signatures[0], Signature(position="Chủ tọa", name="Lê Quang Thành",
                                                   mandates=[Mandate("TM.", "Ủy ban nhân dân")]))
    object.__setattr__(document, "signatures", signed_tm)  # past the model, which refuses it
    report = check(render_bytes(document))
    assert report.rule_ids() == {"signature.in-person"} and report.exit_code == 0
    plan = check(render_bytes(make_document()))
    assert "signature.in-person" not in plan.rule_ids()


def test_giay_nghi_phep_prints_its_confirmation_box_under_noi_nhan_only_when_asked() -> None:
    """PL III, Mẫu 1.10: the box where the place of leave confirms, left, below the signer's name."""
    words = form_of(DocumentType.GIAY_NGHI_PHEP).word("confirmation")
    doc = rendered("giay-nghi-phep")
    (box,) = [p for p in doc.paragraphs if " ".join(p.text.split()) == words]
    name = next(p for p in doc.paragraphs if p.text == "Lê Quang Thành")
    assert box.table is not None and name.table is not None
    assert box.table[0] == name.table[0] and box.table[1] > name.table[1] and box.table[2] == 0
    assert all(r.italic for r in box.visible_runs)
    document = load(example("giay-nghi-phep"))
    assert document.leave is not None
    without = attrs.evolve(document, leave=attrs.evolve(document.leave, confirmation=False))
    assert lay_out(without).confirmation is None
    assert words not in texts(read_document(render_bytes(without)))


def test_cong_dien_names_its_sender_and_receivers_over_the_message() -> None:
    """PL III, Mẫu 1.6: "<sender> điện:", then the receivers "- …;", the last ".", then the message."""
    lines = texts(rendered("cong-dien"))
    start = lines.index("Chủ tịch Ủy ban nhân dân xã Hoàng Kim điện:")
    assert lines[start + 1:start + 4] == ["- Trưởng các thôn;", "- Công an xã, Ban Chỉ huy Quân sự xã;",
                                          "- Các ban, ngành, đoàn thể xã."]
    assert lines[start + 4].startswith("Theo tin của Trung tâm Dự báo")
    assert "HỎA TỐC" in lines and "Số: 02/CĐ-UBND" in lines
