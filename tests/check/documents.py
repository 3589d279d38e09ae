"""Documents vbhc renders, of several types, for the checker's tests; and a helper to mutate their XML.

Each builder returns a :class:`vbhc.Document` that the checker must find clean. :class:`Docx` holds a
rendered file's parts as lxml trees so a test can break exactly one thing and write the bytes back.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator

import attrs
from lxml import etree

from vbhc import (
    Appendix,
    Archive,
    Article,
    Chapter,
    Dash,
    Document,
    IssueDate,
    Issuer,
    Item,
    Mandate,
    Paragraph,
    Part,
    Plus,
    Point,
    Recipient,
    Section,
    Signature,
)
from vbhc.model import Copy, IssuanceNote
from vbhc.model.particulars import Introduction, Invitation, Leave, Minutes, Telegram

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(local: str) -> str:
    return f"{{{W_NS}}}{local}"


COMMUNE = Issuer(name=["Ủy ban nhân dân", "xã Hoàng Kim"], abbreviation="UBND")
DATE = IssueDate(2024, 3, 5)
ON_BEHALF = Signature(position="Chủ tịch", name="Lê Quang Thành",
                      mandates=[Mandate("TM.", "Ủy ban nhân dân")])
# Wider than one line at every allowed size, so the line under it is measured against the text width.
LONG_SUMMARY = ("Triển khai thực hiện công tác bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở "
                "giới năm 2024 trên địa bàn xã Hoàng Kim")
FILLER = ("Các phòng, ban, ngành, đoàn thể và Ủy ban nhân dân xã tổ chức thực hiện các nhiệm vụ được giao, "
          "bảo đảm tiến độ, chất lượng và hiệu quả; định kỳ báo cáo kết quả về Văn phòng Ủy ban nhân dân xã "
          "để tổng hợp, báo cáo cấp trên theo quy định.")


def plan() -> Document:
    """A kế hoạch over two pages: parts, titled and untitled items, points, dashes, pluses, appendices."""
    return Document(
        type="ke-hoach", issuer=COMMUNE, number=5, place="Hoàng Kim", date=DATE, summary=LONG_SUMMARY,
        preamble=[Paragraph("Thực hiện Kế hoạch số 40/KH-UBND ngày 23/02/2024 của Ủy ban nhân dân huyện.")],
        body=[
            Part("Mục đích, yêu cầu", [
                Item(title="Mục đích chung", children=[Paragraph(FILLER)]),
                Item(text="Bảo đảm đúng tiến độ đề ra.", children=[
                    Point("Phân công rõ trách nhiệm;"), Point("Bố trí đủ kinh phí;"), Point("Kiểm tra;"),
                    Point("Đôn đốc;"), Point("Tổng hợp, báo cáo kết quả.")]),
            ]),
            Part("Nhiệm vụ và giải pháp", [
                Item(title="Tuyên truyền, phổ biến", children=[
                    Dash(FILLER, [Plus("Trên hệ thống đài truyền thanh xã."), Plus("Tại các thôn, xóm.")]),
                    *(Dash(FILLER) for _ in range(8))]),
                Item(title="Kiểm tra, giám sát việc thực hiện",
                     children=[Paragraph(FILLER) for _ in range(8)]),
            ]),
        ],
        signatures=ON_BEHALF,
        recipients=[Recipient("Phòng Văn hóa và Thông tin", "b/c"), Recipient("Các thôn, xóm", "t/h")],
        archive=Archive(["VP"], 2),
        appendices=[Appendix("Danh sách đơn vị phối hợp", [Item(text="Văn phòng Ủy ban nhân dân xã.")]),
                    Appendix("Dự toán kinh phí", [Paragraph("Kinh phí thực hiện theo dự toán được duyệt.")])],
    )


def report() -> Document:
    """A báo cáo of a phòng under a huyện (cơ quan chủ quản), sent upward, marked secret and urgent."""
    return Document(
        type="bao-cao", number=15, place="Hoàng Hóa", date=IssueDate(2024, 12, 20),
        issuer=Issuer(name=["Phòng Tài chính -", "Kế hoạch"], abbreviation="TCKH",
                      parent=["Ủy ban nhân dân", "huyện Hoàng Hóa"]),
        secrecy="MẬT", urgency="KHẨN", summary="Kết quả thực hiện nhiệm vụ tài chính, ngân sách năm 2024",
        addressees=["Ủy ban nhân dân huyện Hoàng Hóa"],
        body=[Part("Kết quả thực hiện", [Item(title="Thu ngân sách nhà nước",
                                               children=[Dash("Đạt 100% dự toán.")])]),
              Part("Phương hướng năm 2025", [Item(text="Tiếp tục thực hiện các nhiệm vụ.")])],
        signatures=Signature(position="Trưởng phòng", name="Nguyễn Văn Cường"),
    )


def decision() -> Document:
    """A quyết định of the chairman: enacting authority, căn cứ, QUYẾT ĐỊNH:, chapters, a mục, articles."""
    return Document(
        type="quyet-dinh", issuer=COMMUNE, number=12, place="Hoàng Kim", date=IssueDate(2024, 1, 8),
        summary="Ban hành Quy chế làm việc của Ủy ban nhân dân xã Hoàng Kim nhiệm kỳ 2021 - 2026",
        enacting_authority="Chủ tịch Ủy ban nhân dân xã Hoàng Kim",
        legal_bases=["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                     "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ;",
                     "Theo đề nghị của Công chức Văn phòng - Thống kê."],
        body=[
            Chapter("Quy định chung", [
                Article("Phạm vi điều chỉnh", [Paragraph("Quy chế này quy định nguyên tắc làm việc.")]),
                Article("Đối tượng áp dụng", [Item(text="Thành viên Ủy ban nhân dân xã.", children=[
                    Point("Chủ tịch;"), Point("Phó Chủ tịch.")]), Item(text="Công chức xã.")]),
            ]),
            Chapter("Điều khoản thi hành", [
                Section("Trách nhiệm thi hành", [
                    Article("Hiệu lực thi hành", [Paragraph("Quyết định này có hiệu lực kể từ ngày ký.")])]),
            ]),
        ],
        signatures=Signature(position="Chủ tịch", name="Lê Quang Thành"),
        recipients=[Recipient("Như Điều 3")],
        copy=Copy(kind="sao-y", number=5, date=IssueDate(2024, 1, 10),
                  signature=Signature(position="Phó Chủ tịch", name="Trần Văn Bình",
                                      mandates=[Mandate("TM.", "Ủy ban nhân dân"),
                                                Mandate("KT.", "Chủ tịch")]),
                  recipients=[Recipient("Các thôn")]),
    )


def letter() -> Document:
    """A công văn's second draft: "DỰ THẢO LẦN 2", V/v under the number, Kính gửi to two addressees,
    Như trên first in Nơi nhận; "XEM XONG TRẢ LẠI" (ô 11), the drafter and copies (ô 12) and the
    commune's address (ô 13)."""
    commune = Issuer(name=COMMUNE.name, abbreviation=COMMUNE.abbreviation,
                     address="Thôn Trung, xã Hoàng Kim, tỉnh Thanh Hóa", phone="0237 3868 001",
                     email="ubndhoangkim@thanhhoa.gov.vn", website="hoangkim.thanhhoa.gov.vn")
    return Document(
        type="cong-van", issuer=commune, unit="VX", number=3, place="Hoàng Kim", date=IssueDate(2024, 2, 1),
        draft=2, circulation="Xem xong trả lại", issuance=IssuanceNote("TVB", 20),
        summary="Triển khai tiêm chủng mở rộng năm 2024",
        addressees=["Trạm Y tế xã", "Ban Chỉ đạo các thôn"],
        body=[Paragraph("Ủy ban nhân dân xã đề nghị các đơn vị triển khai tiêm chủng mở rộng năm 2024.")],
        signatures=Signature(position="Phó Chủ tịch", name="Trần Văn Bình",
                             mandates=[Mandate("TM.", "Ủy ban nhân dân"), Mandate("KT.", "Chủ tịch")]),
        recipients=[Recipient("Chủ tịch", "b/c")],
    )


def minutes() -> Document:
    """A biên bản: no place and date line, two signers side by side."""
    return Document(
        type="bien-ban", issuer=COMMUNE, number=2, place="Hoàng Kim", date=DATE,
        summary="Họp giao ban công tác tháng 3 năm 2024",
        body=[Paragraph("Thời gian bắt đầu: 08 giờ 00 phút, ngày 05 tháng 3 năm 2024."),
              Paragraph("Cuộc họp kết thúc vào 11 giờ 00 phút cùng ngày.")],
        signatures=[Signature(position="Thư ký", name="Trần Thị Dung"),
                    Signature(position="Chủ tọa", name="Lê Quang Thành")],
        archive=Archive(["Hồ sơ"]),
    )


CHAIR = Signature(position="Chủ tịch", name="Lê Quang Thành", mandates=[Mandate("TM.", "Ủy ban nhân dân")])


def telegram() -> Document:
    """A công điện (PL III, Mẫu 1.6): its sender and receivers over the message, HỎA TỐC."""
    return Document(
        type="cong-dien", issuer=COMMUNE, number=2, place="Hoàng Kim", date=DATE, urgency="HỎA TỐC",
        summary="Về việc chủ động ứng phó với mưa lớn",
        telegram=Telegram(sender="Chủ tịch Ủy ban nhân dân xã Hoàng Kim",
                          receivers=["Trưởng các thôn", "Các ban, ngành, đoàn thể xã"]),
        body=[Paragraph("Chủ tịch Ủy ban nhân dân xã yêu cầu các đơn vị trực ban 24/24 giờ.")],
        signatures=CHAIR, recipients=[Recipient("Như trên")],
    )


def invitation() -> Document:
    """A giấy mời (PL III, Mẫu 1.7) with every field."""
    return Document(
        type="giay-moi", issuer=COMMUNE, number=12, place="Hoàng Kim", date=DATE,
        summary="Hội nghị sơ kết công tác quý I năm 2024",
        invitation=Invitation(invitees="Trưởng các thôn.", event="Hội nghị sơ kết công tác quý I năm 2024.",
                              chair="Ông Lê Quang Thành, Chủ tịch UBND xã.",
                              time="08 giờ 00, ngày 10 tháng 4 năm 2024.", venue="Hội trường UBND xã.",
                              note="Đề nghị các đại biểu dự họp đầy đủ, đúng giờ."),
        signatures=CHAIR, recipients=[Recipient("Như thành phần mời")],
    )


def introduction() -> Document:
    """A giấy giới thiệu (PL III, Mẫu 1.8): no trích yếu."""
    return Document(
        type="giay-gioi-thieu", issuer=COMMUNE, number=25, place="Hoàng Kim", date=DATE,
        introduction=Introduction(person="Nguyễn Thị Lan", position="Công chức Văn hóa - Xã hội",
                                  sent_to="Ủy ban nhân dân huyện Hoàng Hóa", purpose="Liên hệ công tác.",
                                  valid_until=IssueDate(2024, 3, 31)),
        signatures=CHAIR, recipients=[Recipient("Như trên")],
    )


def meeting() -> Document:
    """A biên bản (PL III, Mẫu 1.9) with its meeting's fields and several participants."""
    return attrs.evolve(minutes(), body=[Item(text="Văn phòng báo cáo kết quả công tác tháng 2."),
                                         Item(text="Chủ tọa kết luận.")],
                        minutes=Minutes(start="08 giờ 00, ngày 05 tháng 3 năm 2024",
                                        venue="Hội trường UBND xã",
                                        participants=["Ông Lê Quang Thành, Chủ tịch UBND xã",
                                                      "Các công chức chuyên môn xã"],
                                        chair="Ông Lê Quang Thành, Chủ tịch UBND xã",
                                        secretary="Bà Trần Thị Dung, công chức Văn phòng - Thống kê",
                                        end="10 giờ 30, ngày 05 tháng 3 năm 2024"))


def leave() -> Document:
    """A giấy nghỉ phép (PL III, Mẫu 1.10): no trích yếu."""
    return Document(
        type="giay-nghi-phep", issuer=COMMUNE, number=8, place="Hoàng Kim", date=DATE,
        leave=Leave(request_date=IssueDate(2024, 2, 25), person="Nguyễn Thị Lan", position="Công chức",
                    days=5, start=IssueDate(2024, 3, 11), end=IssueDate(2024, 3, 15),
                    place="xã Quảng Phú, huyện Quảng Xương", counted_as="nghỉ phép năm 2024",
                    confirmation=True),
        signatures=CHAIR, recipients=[Recipient("Bà Nguyễn Thị Lan")], archive=Archive(["VP"]),
    )


BUILDERS: dict[str, Callable[[], Document]] = {
    "plan": plan, "report": report, "decision": decision, "letter": letter, "minutes": minutes,
    "telegram": telegram, "invitation": invitation, "introduction": introduction, "meeting": meeting,
    "leave": leave,
}


class Docx:
    """A .docx's parts, with the XML ones parsed on demand for edits; :meth:`data` writes them back."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            self.parts = {info.filename: zf.read(info) for info in zf.infolist()}
        self.trees: dict[str, etree._Element] = {}

    def tree(self, name: str = "word/document.xml") -> etree._Element:
        if name not in self.trees:
            self.trees[name] = etree.fromstring(self.parts[name])
        return self.trees[name]

    def paragraphs(self, name: str = "word/document.xml") -> list[etree._Element]:
        return list(self.tree(name).iter(w("p")))

    def paragraph(self, index: int) -> etree._Element:
        """Body paragraph ``index`` (0-based, reading order: the checker's numbering less one)."""
        return self.paragraphs()[index]

    def find(self, starts: str, name: str = "word/document.xml") -> etree._Element:
        for p in self.paragraphs(name):
            if text(p).startswith(starts):
                return p
        raise LookupError(starts)

    def data(self) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in self.parts.items():
                tree = self.trees.get(name)
                if tree is not None:
                    data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)
                zf.writestr(name, data)
        return out.getvalue()


def text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


def runs(p: etree._Element) -> Iterator[etree._Element]:
    return p.iter(w("r"))


def child(parent: etree._Element, local: str, first: bool = False) -> etree._Element:
    node = parent.find(w(local))
    if node is None:
        node = etree.Element(w(local))
        if first:
            parent.insert(0, node)
        else:
            parent.append(node)
    return node


def set_run(p: etree._Element, local: str, **attrs: str) -> None:
    """Set ``w:local`` (with ``attrs``) in the ``w:rPr`` of every run of ``p``."""
    for r in runs(p):
        rpr = child(r, "rPr", first=True)
        node = child(rpr, local)
        for key, value in attrs.items():
            node.set(w(key), value)


def set_ppr(p: etree._Element, local: str, **attrs: str) -> None:
    """Set ``w:local`` (with ``attrs``) in the paragraph's ``w:pPr``."""
    ppr = child(p, "pPr", first=True)
    node = child(ppr, local)
    for key, value in attrs.items():
        node.set(w(key), value)


def replace_text(p: etree._Element, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in the first ``w:t`` of ``p`` that holds it."""
    for t in p.iter(w("t")):
        if t.text and old in t.text:
            t.text = t.text.replace(old, new, 1)
            return
    raise LookupError(old)


def remove(node: etree._Element) -> None:
    node.getparent().remove(node)
