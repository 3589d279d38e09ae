"""Marks, small boxes and copies as rendered: the urgency stamp (PL I, III.2.b), ô 11-13 (PL I,
III.2.c-III.4) and a copy's block (PL III, Mẫu 3.1), read back from the .docx, through LibreOffice,
and through ``vbhc check``."""

from __future__ import annotations

import io
import runpy
import shutil
import subprocess
import zipfile
from pathlib import Path

import attrs
import pytest
from lxml import etree

import vbhc
from tests.conftest import EXAMPLES, make_document, part
from vbhc import nd30
from vbhc.check import check
from vbhc.model import Copy, IssuanceNote, IssueDate, Issuer, Mandate, Recipient, Signature

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TWIPS_PER_MM = 1440 / 25.4


def _text(node: etree._Element) -> str:
    return "".join(t.text or "" for t in node.iter(f"{W}t"))


def _paragraph(root: etree._Element, text: str) -> etree._Element:
    return next(p for p in root.iter(f"{W}p") if _text(p) == text)


def _document(**fields: object) -> vbhc.Document:
    """A small issued plan (numbered, signed on behalf of the committee) with ``fields``."""
    signer = Signature(position="Chủ tịch", name="Lê Văn A", mandates=[Mandate("TM.", "Ủy ban nhân dân")])
    return make_document(**{"number": 5, "signatures": signer, **fields})


def _example(name: str) -> vbhc.Document:
    if name.endswith(".py"):
        return runpy.run_path(str(EXAMPLES / name))["document"]
    return vbhc.load(EXAMPLES / name)


@pytest.mark.parametrize("level", list(nd30.Urgency))
def test_the_urgency_stamp_is_a_red_rectangle_of_its_levels_size(level: nd30.Urgency) -> None:
    data = vbhc.render_bytes(_document(urgency=level.value))
    p = _paragraph(part(data, "word/document.xml"), level.value)
    tc = p.getparent()
    tbl = tc.getparent().getparent()
    width, height = nd30.URGENCY_STAMP_MM[level]
    assert round(int(tbl.find(f"{W}tblPr/{W}tblW").get(f"{W}w")) / TWIPS_PER_MM) == width
    assert round(int(tc.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) / TWIPS_PER_MM) == width
    row_height = tbl.find(f"{W}tr/{W}trPr/{W}trHeight")
    assert row_height.get(f"{W}hRule") == "exact"
    assert round(int(row_height.get(f"{W}val")) / TWIPS_PER_MM) == height
    borders = tbl.find(f"{W}tblPr/{W}tblBorders")
    assert {b.get(f"{W}val") for b in borders} == {"single"} and len(borders) == 4  # viền đơn
    assert {b.get(f"{W}color") for b in borders} == {"FF0000"}
    assert [r.find(f"{W}rPr/{W}color").get(f"{W}val") for r in p.iter(f"{W}r")] == ["FF0000"]
    assert tc.find(f"{W}tcPr/{W}vAlign").get(f"{W}val") == "center"
    # The stamp sits in the header table's left column, under the number (ô 10b).
    assert tbl.getparent().tag == f"{W}tc"
    report = check(data)
    assert report.findings == [], report.to_text()
    assert "urgency.stamp" in {r.id for r in report.passed}


def test_the_checker_measures_the_stamp() -> None:
    data = vbhc.render_bytes(_document(urgency="HỎA TỐC"))
    docx = zipfile.ZipFile(io.BytesIO(data))
    xml = docx.read("word/document.xml").replace(b'w:w="1701"', b'w:w="2268"')  # 30 mm -> 40 mm
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name in docx.namelist():
            z.writestr(name, xml if name == "word/document.xml" else docx.read(name))
    finding, = check(out.getvalue()).findings
    assert finding.rule.id == "urgency.stamp" and finding.found == "40.0 × 8.0 mm"
    assert finding.expected == "30 × 8 mm"


def test_circulation_note_and_drafter_box() -> None:
    data = vbhc.render_bytes(_document(circulation="Xem xong trả lại",
                                           issuance=IssuanceNote("pl", 300)))
    root = part(data, "word/document.xml")
    note = _paragraph(root, "XEM XONG TRẢ LẠI")
    assert note.find(f"{W}r/{W}rPr/{W}bdr").get(f"{W}val") == "single"  # PL I, III.2.c: khung đơn
    assert root.find(f"{W}body/{W}p") is note or _text(root.find(f"{W}body/{W}p")) == "XEM XONG TRẢ LẠI"
    box12 = _paragraph(root, "PL.(300)")  # PL I, III.3 and Mục V
    assert box12.getparent().tag == f"{W}tc"  # under Nơi nhận, in the closing's left column
    previous = box12.getprevious()
    assert _text(previous).startswith("- Lưu: VT")
    styles = part(data, "word/styles.xml")
    style = box12.find(f"{W}pPr/{W}pStyle").get(f"{W}val")
    size = next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == style).find(
        f"{W}rPr/{W}sz").get(f"{W}val")
    assert int(size) == 22  # 11 pt
    assert check(data).findings == []


def test_contact_box_is_page_ones_footer_under_a_full_width_line() -> None:
    data = vbhc.render_bytes(_example("cong-van-khan-hoang-kim.yaml"))
    root = part(data, "word/document.xml")
    (section,) = root.iter(f"{W}sectPr")
    assert section.find(f"{W}titlePg") is not None
    ref = next(r for r in section.findall(f"{W}footerReference") if r.get(f"{W}type") == "first")
    rels = part(data, "word/_rels/document.xml.rels")
    target = next(r.get("Target") for r in rels if r.get("Id") == ref.get(
        "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"))
    footer = part(data, f"word/{target}")
    lines = [_text(p) for p in footer.iter(f"{W}p")]
    assert lines == ["Thôn Trung, xã Hoàng Kim, huyện Hoằng Hóa, tỉnh Thanh Hóa", "ĐT: 0237 3868 001",
                     "E-Mail: ubndhoangkim@thanhhoa.gov.vn, Website: hoangkim.hoanghoa.thanhhoa.gov.vn"]
    first = next(footer.iter(f"{W}p"))
    assert first.find(f"{W}pPr/{W}pBdr/{W}top").get(f"{W}val") == "single"
    assert first.find(f"{W}pPr/{W}ind") is None  # the full width of the text block
    report = check(data)
    assert report.findings == [], report.to_text()
    assert {"contact.size", "issuance-note.size", "urgency.stamp"} <= {r.id for r in report.passed}


def test_contact_box_only_on_a_cong_van_and_not_on_appendix_pages() -> None:
    """Mẫu 1.5 alone shows ô 13; a plan of the same commune prints none."""
    plan = _example("ke-hoach-hoang-kim.yaml")
    assert plan.issuer.address is not None
    assert b"vbhc-contact" not in vbhc.render_bytes(plan)
    letter = _document(type="cong-van", unit="VP", issuer=Issuer(
        name=["Ủy ban nhân dân", "xã Hoàng Kim"], abbreviation="UBND", address="Thôn Trung"),
        appendices=[vbhc.Appendix("Danh sách", [vbhc.Paragraph("Một.")])])
    data = vbhc.render_bytes(letter)
    sections = list(part(data, "word/document.xml").iter(f"{W}sectPr"))
    firsts = [next(r for r in s.findall(f"{W}footerReference") if r.get(f"{W}type") == "first")
              for s in sections]
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    assert firsts[0].get(rid) != firsts[1].get(rid)  # the appendix's first page has no ô 13
    assert check(data).findings == []


def test_copy_block() -> None:
    document = _example("sao_y_ke_hoach_hoang_kim.py")
    data = vbhc.render_bytes(document)
    root = part(data, "word/document.xml")
    kind = _paragraph(root, "SAO Y")
    table = kind.getparent().getparent().getparent()
    texts = [_text(p) for p in table.iter(f"{W}p") if _text(p)]
    assert texts == ["ỦY BAN NHÂN DÂN", "XÃ HOÀNG KIM", "SAO Y", "Số: 05/SY-UBND",
                     "Hoàng Kim, ngày 07 tháng 3 năm 2024", "Nơi nhận:", "- Các thôn;", "- Trạm Y tế xã;",
                     "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thị Hồng"]
    line = table.getprevious()  # PL I, Phần II, II.2.a: a full-width solid line above the block
    assert line.find(f"{W}pPr/{W}ind") is None and not _text(line)
    assert table.getnext().tag == f"{W}sectPr"  # the copy ends the document
    report = check(data)
    assert report.findings == [], report.to_text()
    rec = vbhc.check.recognise(vbhc.check.read_document(data))
    assert rec.copy is not None and rec.copy.number.text == "Số: 05/SY-UBND"
    assert rec.signatures[0].name.text == "Lê Quang Thành"  # the plan's own signer stays its own


@pytest.mark.parametrize(("kind", "words", "code"), [("sao-luc", "SAO LỤC", "SL"),
                                                     ("trich-sao", "TRÍCH SAO", "TrS")])
def test_every_kind_of_copy(kind: str, words: str, code: str) -> None:
    signer = Signature(position="Chủ tịch", name="Lê Quang Thành")
    data = vbhc.render_bytes(_document(copy=Copy(kind=kind, number=12, date=IssueDate(2024, 4, 2),
                                                     signature=signer, recipients=[Recipient("Thôn 1")])))
    texts = [_text(p) for p in part(data, "word/document.xml").iter(f"{W}p")]
    assert words in texts and f"Số: 12/{code}-UBND" in texts
    assert check(data).findings == []


def test_a_copy_of_a_copy_in_a_spec(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text((EXAMPLES / "cong-van-khan-hoang-kim.yaml").read_text(encoding="utf-8").replace(
        "profile: profiles/", f"profile: {EXAMPLES}/profiles/") + (
        "copy:\n  kind: sao-y\n  number: 7\n  date: 2024-03-13\n  signature: chu-tich\n"
        "  recipients: [Các thôn]\n"), encoding="utf-8")
    document = vbhc.load(spec)
    assert document.copy.signature.name == "Lê Quang Thành"
    assert attrs.evolve(document, copy=None) == _example("cong-van-khan-hoang-kim.yaml")
    assert check(vbhc.render_bytes(document)).findings == []


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                    reason="LibreOffice (soffice) and poppler-utils are not installed")
def test_libreoffice_page_one(tmp_path: Path) -> None:
    """Through LibreOffice: the stamp under the number, ô 12 under Nơi nhận, ô 13 at the foot."""
    docx = tmp_path / "cong-van.docx"
    docx.write_bytes(vbhc.render_bytes(_example("cong-van-khan-hoang-kim.yaml")))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                   check=True, capture_output=True, timeout=180)
    out = subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", str(tmp_path / "cong-van.pdf"), "-"],
                         check=True, capture_output=True, text=True).stdout
    lines = [x.strip() for x in out.splitlines() if x.strip()]
    assert lines.index("KHẨN") < next(i for i, x in enumerate(lines) if x.startswith("Kính gửi"))
    assert any(x.startswith("VP.(15)") for x in lines)
    foot = lines[-3:]  # the address, then phone and fax, then e-mail and website
    assert foot[0].startswith("Thôn Trung, xã Hoàng Kim") and foot[1].startswith("ĐT: 0237 3868 001")
    assert foot[2].startswith("E-Mail: ubndhoangkim@thanhhoa.gov.vn")


def test_fix_turns_other_red_black_and_keeps_the_stamps() -> None:
    """``vbhc check --fix`` blackens a red run in the body and leaves the urgency stamp red."""
    from vbhc.check import open_docx, read_document
    from vbhc.check.checks import check_document
    from vbhc.check.fix import fix_package

    data = vbhc.render_bytes(_document(urgency="KHẨN"))
    docx = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(docx.read("word/document.xml"))
    body = _paragraph(root, "Nội dung./.")
    for r in body.iter(f"{W}r"):
        rpr = r.find(f"{W}rPr")
        if rpr is None:
            rpr = etree.SubElement(r, f"{W}rPr")
            r.insert(0, rpr)
        etree.SubElement(rpr, f"{W}color").set(f"{W}val", "FF0000")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name in docx.namelist():
            z.writestr(name, etree.tostring(root) if name == "word/document.xml" else docx.read(name))
    package = open_docx(out.getvalue())
    doc = read_document(package)
    report = check_document(doc)
    assert report.rule_ids() == {"font.color"}
    fixed = fix_package(package, doc, report, out.getvalue()).data
    assert check(fixed).findings == []
    stamp = _paragraph(part(fixed, "word/document.xml"), "KHẨN")
    assert [r.find(f"{W}rPr/{W}color").get(f"{W}val") for r in stamp.iter(f"{W}r")] == ["FF0000"]
