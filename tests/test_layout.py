"""vbhc.layout applies the decree: numbers from the tree, case, punctuation, the closing mark."""

from __future__ import annotations

from tests.conftest import make_document
from vbhc import (
    Archive,
    Article,
    Chapter,
    Dash,
    Document,
    IssueDate,
    Issuer,
    Item,
    Mandate,
    Part,
    Point,
    Recipient,
    Section,
    Signature,
)
from vbhc.layout import lay_out
from vbhc.nd30 import Role

ISSUER = Issuer(name=["Ủy ban nhân dân", "xã Hoàng Kim"], abbreviation="UBND",
                parent=["UBND huyện Hoằng Hóa"])


def make(**overrides: object) -> Document:
    return make_document(issuer=ISSUER, **overrides)


def test_plan_part_iv_is_numbered_one_to_six(plan: Document) -> None:
    lines = lay_out(plan).body
    headings = [x for x in lines if x.role is Role.HEADING]
    assert [x.label for x in headings] == ["I.", "II.", "III.", "IV."]
    start = lines.index(headings[3])
    items = [x for x in lines[start:] if x.role is Role.ITEM_TITLE]
    assert [x.label for x in items] == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert items[4].plain == "5. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã"
    assert items[5].plain == "6. Đề nghị Hội Liên hiệp Phụ nữ xã"


def test_items_restart_in_each_part_and_points_use_the_alphabet() -> None:
    points = [Point(f"p{i}") for i in range(7)]
    doc = make(body=[Part("Một", [Item(text="a"), Item(text="b")]),
                     Part("Hai", [Item(title="c", children=points)])])
    lines = lay_out(doc).body
    assert [x.label for x in lines] == ["I.", "1.", "2.", "II.", "1.",
                                        "a)", "b)", "c)", "d)", "đ)", "e)", "g)"]
    assert lines[0].plain == "I. MỘT"  # part titles are printed in capitals
    assert lines[4].plain == "1. c"


def test_articles_run_through_chapters_and_sections() -> None:
    doc = make(type="quy-che", body=[
        Chapter("Quy định chung", [Article("Phạm vi"), Article("Đối tượng")]),
        Chapter("Nội dung", [Section("Một", [Article("Ba", [Item(text="x"), Item(text="y")])]),
                             Article("Bốn")]),
    ])
    lines = lay_out(doc).body
    assert [x.label for x in lines if x.role is Role.ARTICLE] == ["Điều 1.", "Điều 2.", "Điều 3.",
                                                                   "Điều 4."]
    assert [x.plain for x in lines if x.role is Role.DIVISION_LABEL] == ["Chương I", "Chương II",
                                                                         "Mục 1"]
    assert lines[0].plain == "Chương I"  # the word "Chương" stays in normal case
    assert next(x.plain for x in lines if x.role is Role.DIVISION_TITLE) == "QUY ĐỊNH CHUNG"


def test_body_ends_with_the_closing_mark_once() -> None:
    assert lay_out(make(body=["Kết thúc."])).body[-1].plain == "Kết thúc./."
    assert lay_out(make(body=["Kết thúc./."])).body[-1].plain == "Kết thúc./."
    assert lay_out(make(body=["Kết thúc"])).body[-1].plain == "Kết thúc./."
    assert lay_out(make(body=[Dash("cuối;")])).body[-1].plain == "- cuối./."


def test_number_and_date_have_their_leading_zeros() -> None:
    layout = lay_out(make(number=5, date=IssueDate(2024, 3, 5)))
    assert layout.number.plain == "Số: 05/KH-UBND"
    assert layout.place_date.plain == "Hoàng Kim, ngày 05 tháng 3 năm 2024"
    layout = lay_out(make(number=125, date=IssueDate(2024, 2, 15)))
    assert layout.number.plain == "Số: 125/KH-UBND"
    assert layout.place_date.plain == "Hoàng Kim, ngày 15 tháng 02 năm 2024"


def test_a_draft_leaves_blanks() -> None:
    layout = lay_out(make(number=None, date=IssueDate(2024, 2)))
    assert layout.number.plain.startswith("Số: ")
    assert layout.number.plain.endswith("/KH-UBND")
    assert layout.number.plain[4:-8].strip("\u00a0") == ""
    assert "tháng 02 năm 2024" in layout.place_date.plain
    assert layout.place_date.plain.startswith("Hoàng Kim, ngày \u00a0")


def test_header_lines_are_in_capitals() -> None:
    layout = lay_out(make())
    assert [x.plain for x in layout.parent_body] == ["UBND HUYỆN HOẰNG HÓA"]
    assert [x.plain for x in layout.issuer] == ["ỦY BAN NHÂN DÂN", "XÃ HOÀNG KIM"]
    assert layout.type_name is not None and layout.type_name.plain == "KẾ HOẠCH"
    assert layout.national_title.plain == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert layout.motto.plain == "Độc lập - Tự do - Hạnh phúc"


def test_recipients_get_dashes_semicolons_and_a_final_full_stop() -> None:
    doc = make(recipients=[Recipient("Phòng Tư pháp", "b/c"), Recipient("Các thôn")],
               archive=Archive(units=["VP"], copies=2))
    assert [x.plain for x in lay_out(doc).recipients] == [
        "Nơi nhận:", "- Phòng Tư pháp (b/c);", "- Các thôn;", "- Lưu: VT, VP (2)."]
    no_archive = make(recipients=[Recipient("Các thôn")], archive=None)
    assert [x.plain for x in lay_out(no_archive).recipients] == ["Nơi nhận:", "- Các thôn."]


def test_cong_van_has_v_v_kinh_gui_and_nhu_tren() -> None:
    doc = make(type="cong-van", unit="VP", summary="triển khai", addressees=["Các thôn", "Trường học"],
               recipients=[Recipient("Lãnh đạo UBND")])
    layout = lay_out(doc)
    assert layout.type_name is None and layout.summary == ()  # a region: no trích yếu under a tên loại
    assert layout.letter_summary is not None and layout.letter_summary.plain == "V/v triển khai"
    assert layout.number.plain.endswith("/UBND-VP")
    assert [x.plain for x in layout.addressees] == ["Kính gửi:", "- Các thôn;", "- Trường học."]
    assert [x.plain for x in layout.recipients][1] == "- Như trên;"
    single = lay_out(make(type="cong-van", unit="VP", addressees=["UBND huyện"]))
    assert [x.plain for x in single.addressees] == ["Kính gửi: UBND huyện."]


def test_signature_lines_stack_mandates_over_the_position() -> None:
    sig = Signature(position="Phó Chủ tịch", name="Trần B",
                    mandates=[Mandate("TM.", "Ủy ban nhân dân"), Mandate("KT", "Chủ tịch")])
    lines = lay_out(make(signatures=sig)).signatures[0]
    assert [x.plain for x in lines.titles] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert lines.name.plain == "Trần B"


def test_decisions_name_their_enacting_authority_and_open_with_quyet_dinh() -> None:
    doc = make(type="quyet-dinh", enacting_authority="Chủ tịch Ủy ban nhân dân xã Hoàng Kim",
               legal_bases=["Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;"],
               body=[Article("Hiệu lực", ["Quyết định này có hiệu lực kể từ ngày ký."])])
    layout = lay_out(doc)
    assert layout.enacting_authority is not None
    assert layout.enacting_authority.plain == "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HOÀNG KIM"
    assert layout.enactment is not None and layout.enactment.plain == "QUYẾT ĐỊNH:"
    order = [x.role for x in layout.all_lines()]
    assert order.index(Role.ENACTING_AUTHORITY) < order.index(Role.LEGAL_BASIS) < order.index(
        Role.ENACTMENT) < order.index(Role.ARTICLE)
    assert lay_out(make(type="nghi-quyet")).enactment.plain == "QUYẾT NGHỊ:"  # type: ignore[union-attr]
    assert lay_out(make()).enactment is None


def test_legal_bases_get_their_semicolons_and_final_full_stop() -> None:
    doc = make(legal_bases=["Căn cứ Luật A", "Căn cứ Luật B.", "Căn cứ Nghị định C v.v...",
                            "Theo đề nghị của Văn phòng;"])
    assert [x.plain for x in lay_out(doc).legal_bases] == [
        "Căn cứ Luật A;", "Căn cứ Luật B;", "Căn cứ Nghị định C v.v...;", "Theo đề nghị của Văn phòng."]


def test_a_body_ending_with_a_list_ends_with_the_closing_mark_alone() -> None:
    assert lay_out(make(body=[Point("Kiểm tra;")])).body[-1].plain == "a) Kiểm tra./."
    assert lay_out(make(body=["Như sau:"])).body[-1].plain == "Như sau./."
    assert lay_out(make(body=["Và v.v..."])).body[-1].plain == "Và v.v..../."
