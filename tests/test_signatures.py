"""Signatures: quyền hạn stacks (PL I, II.7.b; Art. 13), joint issuers, 1–6 signers in rows of two, and
a signature image (PL I, II.7.d), from the model through the writer to the checker."""

from __future__ import annotations

import io
import json
import re
import shutil
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from vbhc.check import check, read_document, recognise
from vbhc.errors import FieldError
from vbhc.layout import lay_out
from vbhc.model import Document, IssueDate, Issuer, Mandate, Paragraph, Recipient, Signature, SignatureImage
from vbhc.readers.spec.reader import read, structure, unstructure
from vbhc.writers.docx import render_bytes

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "ke-hoach-lien-tich-hoang-kim.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def png(width: int = 60, height: int = 20) -> bytes:
    """A real PNG: signature, IHDR (RGBA), IDAT, IEND."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    raw = b"".join(b"\0" + b"\x00\x00\xff\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def document(signatures: list[Signature], **kw: Any) -> Document:
    kw.setdefault("issuer", Issuer(["Ủy ban nhân dân", "xã Hoàng Kim"], "UBND"))
    return Document(type="ke-hoach", number=3,
                    place="Hoàng Kim", date=IssueDate(2024, 3, 5), summary="Phối hợp tuyên truyền",
                    body=[Paragraph("Nội dung.")], signatures=signatures,
                    recipients=[Recipient("Các thôn")], **kw)


def findings(data: bytes) -> list[tuple[str, str]]:
    return [(f.rule.id, f.found) for f in check(data).findings]


def xml(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


def cell_texts(data: bytes) -> list[list[list[str]]]:
    """The closing table (the last one): per row, per cell, the texts of its paragraphs."""
    table = xml(data, "word/document.xml").findall(f".//{W}tbl")[-1]
    return [[["".join(t.text or "" for t in p.iter(f"{W}t")) for p in tc.findall(f"{W}p")]
             for tc in tr.findall(f"{W}tc")] for tr in table.findall(f"{W}tr")]


# --------------------------------------------------------------------------------------------
# Stacks

ALLOWED = {  # every stack the decree allows, outside in, with a position that fits it
    (): "Chủ tịch",
    ("TM. Ủy ban nhân dân",): "Chủ tịch",
    ("TM. Ủy ban nhân dân", "KT. Chủ tịch"): "Phó Chủ tịch",
    ("TM. Ủy ban nhân dân", "Q. Chủ tịch"): "Phó Chủ tịch",
    ("TM. Ủy ban nhân dân", "TL. Chủ tịch"): "Chánh Văn phòng",
    ("TM. Ủy ban nhân dân", "TL. Chủ tịch", "KT. Chánh Văn phòng"): "Phó Chánh Văn phòng",
    ("TM. Ủy ban nhân dân", "TUQ. Chủ tịch"): "Chánh Văn phòng",
    ("KT. Chủ tịch",): "Phó Chủ tịch",
    ("Q. Chủ tịch",): "Phó Chủ tịch",
    ("TL. Chủ tịch",): "Chánh Văn phòng",
    ("TL. Chủ tịch", "KT. Chánh Văn phòng"): "Phó Chánh Văn phòng",
    ("TUQ. Chủ tịch",): "Chánh Văn phòng",
}


def mandates(texts: tuple[str, ...]) -> list[Mandate]:
    return [Mandate(t.split(" ", 1)[0], t.split(" ", 1)[1]) for t in texts]


@pytest.mark.parametrize(("stack", "position"), ALLOWED.items(),
                         ids=[" / ".join(s) or "none" for s in ALLOWED])
def test_every_allowed_stack_prints_in_order_and_checks_clean(stack: tuple[str, ...], position: str) -> None:
    sig = Signature(position=position, name="Lê Văn Hùng", mandates=mandates(stack))
    # a collective signs with TM. (Art. 13.2); a body under a head (Art. 13.1) without it
    head_body = Issuer(["Văn phòng Hội đồng", "nhân dân và Ủy ban", "nhân dân xã"], "VP")
    doc = document([sig]) if stack[:1] and stack[0].startswith("TM.") else document([sig], issuer=head_body)
    block = lay_out(doc).signatures[0]
    want = [f"{t.split(' ', 1)[0]} {t.split(' ', 1)[1].upper()}" for t in stack] + [position.upper()]
    assert [x.plain for x in block.titles] == want
    data = render_bytes(doc)
    assert cell_texts(data)[0][1] == [*want, "Lê Văn Hùng"]
    # the stack is bold capitals in the signature-title style, the name bold in its own
    body = xml(data, "word/document.xml")
    styles = [p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") for p in body.findall(f".//{W}tbl")[-1].findall(
        f"{W}tr/{W}tc")[1].findall(f"{W}p")]
    assert styles == ["VbhcSignatureTitle"] * len(want) + ["VbhcSignerName"]
    recognised = recognise(read_document(data)).signatures  # the checker reads the same block back
    assert [([x.text for x in b.titles], b.name.text) for b in recognised] == [(want, "Lê Văn Hùng")]
    assert findings(data) == []


FORBIDDEN = {  # stack, position, the clause the refusal cites
    ("TUQ. Chủ tịch", "KT. Chánh Văn phòng"): ("Phó Chánh Văn phòng", "Art. 13.3"),
    ("KT. Chủ tịch", "TM. Ủy ban nhân dân"): ("Phó Chủ tịch", "Art. 13.1"),
    ("TM. Ủy ban nhân dân", "TM. Hội đồng"): ("Chủ tịch", "Art. 13.2"),
    ("TL. Chủ tịch", "TUQ. Chánh Văn phòng"): ("Phó Chánh Văn phòng", "Art. 13.4"),
    ("Q. Chủ tịch", "KT. Chủ tịch"): ("Phó Chủ tịch", "PL I, II.7.b"),
    ("TM. Ủy ban nhân dân",): ("Phó Chủ tịch", "Art. 13.2"),  # KT. with no head: a deputy under TM.
}


@pytest.mark.parametrize(("stack", "case"), FORBIDDEN.items(), ids=[" / ".join(s) for s in FORBIDDEN])
def test_stacks_the_decree_forbids_are_refused_naming_the_field(stack: tuple[str, ...],
                                                                case: tuple[str, str]) -> None:
    position, clause = case
    with pytest.raises(FieldError) as caught:
        Signature(position=position, name="Lê Văn Hùng", mandates=mandates(stack))
    assert caught.value.path == "mandates"
    assert clause in str(caught.value)
    spec = unstructure(document([Signature(position="Chủ tịch", name="Lê Văn Hùng")]))
    spec["signatures"] = [{"position": position, "name": "Lê Văn Hùng", "mandates": list(stack)}]
    with pytest.raises(Exception, match=r"signatures\[0\]\.mandates: expected "):
        structure(spec)


# --------------------------------------------------------------------------------------------
# Several signers, joint issuers


def signers(n: int) -> list[dict[str, Any]]:
    return [{"position": "Chủ tịch", "name": f"Lê Văn {chr(65 + i)}", "mandates": [f"TM. Ban số {i + 1}"]}
            for i in range(n)]


@pytest.mark.parametrize("n", range(1, 8))
def test_validate_accepts_exactly_what_render_lays_out_and_check_passes(n: int, tmp_path: Path) -> None:
    spec = unstructure(document([Signature(position="Chủ tịch", name="Lê A")]))
    spec["signatures"] = signers(n)
    path = tmp_path / "s.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    result = read(path)
    if n > 6:
        assert result.document is None and "signatures: expected 1–6 signatures" in str(result.errors[0])
        return
    assert result.errors == [] and result.document is not None
    data = render_bytes(result.document)
    assert findings(data) == []
    rows = cell_texts(data)
    if n == 1:
        assert rows[0][1][-1] == "Lê Văn A"
        return
    sig_rows = rows[:-1]  # Nơi nhận is the last row
    assert [len(r) for r in sig_rows] == [2] * (n // 2) + [1] * (n % 2)
    names = [cell[-1] for row in sig_rows for cell in row]
    assert names == [f"Lê Văn {chr(65 + i)}" for i in range(n)]  # left to right, row by row
    assert [b.name.text for b in recognise(read_document(data)).signatures] == names
    if n % 2:  # the last one alone, spanning both columns (centred by its styles)
        last = xml(data, "word/document.xml").findall(f".//{W}tbl")[-1].findall(f"{W}tr")[-2]
        assert last.find(f"{W}tc/{W}tcPr/{W}gridSpan").get(f"{W}val") == "2"
    assert rows[-1][0][0] == "Nơi nhận:"


def test_joint_issuers_stack_in_the_header_and_join_the_symbol() -> None:
    doc = document([Signature(position="Chủ tịch", name=f"Lê {x}", mandates=[Mandate("TM.", "Ban")])
                    for x in "ABC"],
                   joint_issuers=[Issuer(["Ủy ban Mặt trận Tổ quốc", "Việt Nam xã Hoàng Kim"], "MTTQ")])
    layout = lay_out(doc)
    assert [x.plain for x in layout.issuer] == ["ỦY BAN NHÂN DÂN", "XÃ HOÀNG KIM", "ỦY BAN MẶT TRẬN TỔ QUỐC",
                                                 "VIỆT NAM XÃ HOÀNG KIM"]
    assert layout.number.plain == "Số: 03/KH-UBND-MTTQ"
    data = render_bytes(doc)
    assert findings(data) == []  # all four lines read as the issuer, none as a parent body
    with pytest.raises(FieldError, match=r"joint_issuers\[0\]\.parent"):
        document([Signature(position="Chủ tịch", name="Lê A")],
                 joint_issuers=[Issuer(["Hội Phụ nữ"], "HPN", parent=["Huyện Hội"])])


# --------------------------------------------------------------------------------------------
# The signature image


def test_a_signature_image_is_an_inline_picture_with_its_part_and_content_type(tmp_path: Path) -> None:
    picture = png(90, 30)
    (tmp_path / "ky").mkdir()
    (tmp_path / "ky" / "ct.png").write_bytes(picture)
    spec = unstructure(document([Signature(position="Chủ tịch", name="Lê A")]))
    spec["signatures"] = signers(3)
    spec["signatures"][1]["image"] = "ky/ct.png"  # relative to the spec, not the working folder
    path = tmp_path / "s.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    result = read(path)
    assert result.errors == [] and result.document is not None
    assert unstructure(result.document)["signatures"][1]["image"] == "ky/ct.png"
    data = render_bytes(result.document)
    assert data == render_bytes(result.document)  # deterministic
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.read("word/media/signature1.png") == picture  # carried unchanged
        assert [n for n in z.namelist() if n.startswith("word/media/")] == ["word/media/signature1.png"]
    types = xml(data, "[Content_Types].xml")
    assert any(d.get("Extension") == "png" and d.get("ContentType") == "image/png" for d in types)
    rels = {r.get("Id"): r for r in xml(data, "word/_rels/document.xml.rels")}
    rel = rels["rIdVbhcSignature1"]
    assert rel.get("Type").endswith("/relationships/image") and rel.get("Target") == "media/signature1.png"
    # between the position and the name of the second signer, and sized by the PNG's proportions
    cell = xml(data, "word/document.xml").findall(f".//{W}tbl")[-1].findall(f"{W}tr")[0].findall(f"{W}tc")[1]
    paragraphs = cell.findall(f"{W}p")
    texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in paragraphs]
    assert texts == ["TM. BAN SỐ 2", "CHỦ TỊCH", "", "Lê Văn B"]
    inline = paragraphs[2].find(f".//{WP}inline")
    assert inline.find(f".//{A}blip").get(f"{R}embed") == "rIdVbhcSignature1"
    extent = inline.find(f"{WP}extent")
    assert int(extent.get("cx")) == 3 * int(extent.get("cy")) == 3 * 20 * 36_000
    assert findings(data) == []


@pytest.mark.parametrize(("content", "found"), [
    (b"GIF89a" + b"\0" * 40, "not a PNG file"),
    (png()[:20], "cut short"),
    (png()[:29] + b"\0" + png()[30:], "fails its CRC"),
    (png(400, 10), "at most 8 times as wide"),
])
def test_a_bad_image_is_a_field_error(content: bytes, found: str, tmp_path: Path) -> None:
    (tmp_path / "x.png").write_bytes(content)
    spec = unstructure(document([Signature(position="Chủ tịch", name="Lê A")]))
    spec["signatures"] = [{"position": "Chủ tịch", "name": "Lê A", "image": "x.png"}]
    path = tmp_path / "s.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    errors = [str(e) for e in read(path).errors]
    assert len(errors) == 1 and "signatures[0].image: expected" in errors[0] and found in errors[0]
    with pytest.raises(FieldError):
        SignatureImage(content)


def test_a_missing_or_huge_image_is_a_field_error(tmp_path: Path) -> None:
    spec = unstructure(document([Signature(position="Chủ tịch", name="Lê A")]))
    spec["signatures"] = [{"position": "Chủ tịch", "name": "Lê A", "image": "none.png"}]
    path = tmp_path / "s.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    assert "no such file" in str(read(path).errors[0])
    (tmp_path / "none.png").write_bytes(png() + b"\0" * (2 * 1024 * 1024))
    assert "too large" in str(read(path).errors[0])


# --------------------------------------------------------------------------------------------
# The example, and LibreOffice's layout of it


def test_the_joint_plan_example_renders_and_checks_clean() -> None:
    result = read(EXAMPLE)
    assert result.errors == [] and result.document is not None
    doc = result.document
    assert len(doc.signatures) == 3 and len(doc.joint_issuers) == 2
    data = render_bytes(doc)
    assert findings(data) == []
    rows = cell_texts(data)
    assert rows[0][0] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Hùng"]
    assert rows[0][1] == ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Nguyễn Thị Lan"]
    assert rows[1] == [["TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "Trần Thị Hoa"]]


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                    reason="LibreOffice (soffice) and poppler-utils are not installed")
def test_libreoffice_lays_out_three_signers_two_then_one_centred(tmp_path: Path) -> None:
    docx = tmp_path / "lt.docx"
    docx.write_bytes(render_bytes(read(EXAMPLE).document))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                   check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "lt.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    lines = [x for x in text.splitlines() if x.strip()]
    header = "\n".join(lines[:8])
    for issuer in ("ỦY BAN NHÂN DÂN", "ỦY BAN MẶT TRẬN TỔ QUỐC", "HỘI LIÊN HIỆP PHỤ NỮ"):
        assert issuer in header
    assert re.search(r"Số: 12/KH-UBND-MTTQ-HPN", header)
    first = next(x for x in lines if "TM. ỦY BAN NHÂN DÂN" in x)
    assert "TM. BAN THƯỜNG TRỰC" in first  # the first two side by side
    third = next(x for x in lines if "TM. BAN CHẤP HÀNH" in x)
    left = first.index("TM. ỦY BAN NHÂN DÂN")
    right = first.index("TM. BAN THƯỜNG TRỰC") + len("TM. BAN THƯỜNG TRỰC")
    middle = third.index("TM. BAN CHẤP HÀNH") + len("TM. BAN CHẤP HÀNH") / 2
    assert abs(middle - (left + right) / 2) < 6  # the third alone, centred under the two
    assert lines.index(third) < next(i for i, x in enumerate(lines) if "Nơi nhận" in x)


def test_names_in_a_row_stand_level_when_the_stacks_differ() -> None:
    """The shorter stack's name moves down by the lines it lacks, so names in a row are level."""
    doc = document([Signature(position="Phó Chủ tịch", name="Lê A",
                              mandates=[Mandate("TM.", "Ủy ban nhân dân"), Mandate("KT.", "Chủ tịch")]),
                    Signature(position="Chủ tịch", name="Lê B", mandates=[Mandate("TM.", "Ban")])])
    row = xml(render_bytes(doc), "word/document.xml").findall(f".//{W}tbl")[-1].findall(f"{W}tr")[0]
    names = [tc.findall(f"{W}p")[-1] for tc in row.findall(f"{W}tc")]
    spacing = [p.find(f"{W}pPr/{W}spacing") for p in names]
    assert spacing[0] is None  # the longest stack: the name style's own room for signing
    # 80 pt of room (the style's) and one 14 pt line more
    assert int(spacing[1].get(f"{W}before")) == round((80 + 14 * 1.15) * 20)


def test_a_profile_signers_image_is_read_relative_to_the_profile(tmp_path: Path) -> None:
    (tmp_path / "office").mkdir()
    (tmp_path / "office" / "ct.png").write_bytes(png())
    (tmp_path / "office" / "p.yaml").write_text(
        "signers: {ct: {position: Chủ tịch, name: Lê A, mandates: [TM. Ủy ban nhân dân], image: ct.png}}\n",
        encoding="utf-8")
    spec = unstructure(document([Signature(position="Chủ tịch", name="Lê A")]))
    spec["signatures"] = ["ct"]
    spec["profile"] = "office/p.yaml"
    path = tmp_path / "s.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    result = read(path)
    assert result.errors == [], result.errors
    assert result.document.signatures[0].image == SignatureImage(png(), "ct.png")


def test_a_joint_issuer_too_wide_is_warned_about_at_its_own_field() -> None:
    from vbhc.layout.header import fit_warnings
    from vbhc.writers.docx.template import default_template
    from vbhc.writers.docx.writer import look_of

    doc = document([Signature(position="Chủ tịch", name="Lê A")],
                   joint_issuers=[Issuer(["Ủy ban Mặt trận Tổ quốc Việt Nam xã Hoàng Kim"], "MTTQ")])
    template = default_template()
    warnings = fit_warnings(lay_out(doc), template.text_width / 20, look_of(template))
    assert [w.path for w in warnings] == ["joint_issuers[0].name[0]"]
    assert "split it into two entries of joint_issuers[0].name" in warnings[0].message


def test_a_joint_documents_other_signers_need_no_tm() -> None:
    """Each signer of a joint document signs for their own body: one TM. for the collective is enough;
    with none at all, the checker still asks the first signer for it."""
    mttq = Issuer(["Ủy ban Mặt trận Tổ quốc", "Việt Nam xã Hoàng Kim"], "MTTQ")
    doan = Issuer(["Đoàn Thanh niên", "xã Hoàng Kim"], "ĐTN")
    chair = Signature(position="Chủ tịch", name="Lê A", mandates=[Mandate("TM.", "Ủy ban nhân dân")])
    secretary = Signature(position="Bí thư", name="Trần B")
    ok = document([chair, secretary], joint_issuers=[doan])
    assert findings(render_bytes(ok)) == []
    bare = document([Signature(position="Chủ tịch", name="Lê A"), secretary], joint_issuers=[mttq])
    assert [f[0] for f in findings(render_bytes(bare))] == ["signature.collective"]


def test_the_joint_plan_matches_its_snapshot(snapshot: Any) -> None:
    """The joint plan's document.xml, pretty-printed: a change to its header or signer rows reads as a
    diff (accept with ``--snapshot-update`` after review)."""
    from tests.test_snapshots import XmlSnapshot, pretty

    data = render_bytes(read(EXAMPLE).document)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert pretty(archive.read("word/document.xml")) == snapshot(extension_class=XmlSnapshot)
