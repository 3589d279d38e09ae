"""``vbhc copy SOURCE.docx SPEC``: a paper copy of any .docx (PL I, Phần II; PL III, Mẫu 3.1).

The source's text, paragraphs, runs and tables are carried with the look they print in; nothing that
runs or fetches survives (fields, hyperlinks, relationships); the copy block follows and the result
passes ``vbhc check``."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import vbhc
from tests.conftest import EXAMPLES
from vbhc.check import check, read_document, recognise
from vbhc.cli import main
from vbhc.readers.spec.copy import read_copy
from vbhc.writers.docx.writer import render_copy_bytes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def letter() -> bytes:
    return vbhc.render_bytes(vbhc.load(EXAMPLES / "cong-van-khan-hoang-kim.yaml"))


def _texts(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml")
    from lxml import etree

    root = etree.fromstring(xml)
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]


def test_cli_copies_a_docx(letter: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "cong-van.docx"
    source.write_bytes(letter)
    out = tmp_path / "sao-y.docx"
    assert main(["copy", str(source), str(EXAMPLES / "copies" / "sao-y-cong-van.yaml"), "-o", str(out)]) == 0
    data = out.read_bytes()
    texts = [t for t in _texts(data) if t]
    assert texts[:3] == ["ỦY BAN NHÂN DÂN", "XÃ HOÀNG KIM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert "KHẨN" in texts and "VP.(15)" in texts  # the source as it is, its stamp and ô 12 too
    assert texts[-11:] == ["ỦY BAN NHÂN DÂN", "XÃ HOÀNG KIM", "SAO Y", "Số: 06/SY-UBND",
                           "Hoàng Kim, ngày 14 tháng 3 năm 2024", "Nơi nhận:", "- Các thôn;", "- Lưu: VT.",
                           "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Quang Thành"]
    rec = recognise(read_document(data))
    assert rec.copy is not None and rec.copy.number.text == "Số: 06/SY-UBND"
    assert rec.copy.signature.name.text == "Lê Quang Thành"
    assert rec.signatures[0].name.text == "Nguyễn Thị Hồng"  # the source's own signer
    report = check(data)
    assert report.findings == [], report.to_text()
    # The carried paragraphs keep their look: the source's 14 pt body stays 14 pt.
    doc = read_document(data)
    body = next(p for p in doc.paragraphs if p.text.startswith("Thực hiện Công văn"))
    assert {r.size_pt for r in body.visible_runs} == {14.0} and body.alignment in ("both", "justify")


def test_nothing_that_runs_or_fetches_is_carried(letter: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(letter)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    evil = (b'<w:p><w:fldSimple w:instr=\'INCLUDEPICTURE "http://evil.example/p.png" \\d\'><w:r><w:t>pic'
            b'</w:t></w:r></w:fldSimple><w:hyperlink r:id="rIdEvil"><w:r><w:t>click</w:t></w:r></w:hyperlink>'
            b'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DDEAUTO cmd "/c calc"'
            b'</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"<w:body>", b"<w:body>" + evil, 1)
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdEvil" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/hyperlink" Target="http://evil.example/" '
        b'TargetMode="External"/></Relationships>')
    source = io.BytesIO()
    with zipfile.ZipFile(source, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    copy = read_copy(EXAMPLES / "copies" / "sao-y-cong-van.yaml")
    out = render_copy_bytes(source.getvalue(), copy)
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        everything = b"".join(z.read(n) for n in z.namelist())
        body = z.read("word/document.xml")
        names = z.namelist()
    for word in (b"evil", b"INCLUDEPICTURE", b"DDEAUTO", b"hyperlink"):
        assert word not in everything, word
    for word in (b"fldChar", b"instrText", b"fldSimple"):  # the template's PAGE field is in its header
        assert word not in body, word
    assert not [n for n in names if "vbhc-contact" in n or "media" in n]
    assert "picclick" in _texts(out)  # the visible text is carried, as text


def test_a_copy_spec_names_its_errors(tmp_path: Path, letter: bytes,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "copy.yaml"
    spec.write_text("kind: sao-x\nnumber: 0\ndate: 2024-03-14\nsignature: {position: Chủ tịch, name: A B}\n",
                    encoding="utf-8")
    source = tmp_path / "cv.docx"
    source.write_bytes(letter)
    out = tmp_path / "out.docx"
    assert main(["copy", str(source), str(spec), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "copy.yaml:1: kind: expected one of sao-luc, sao-y, trich-sao" in err
    assert "copy.yaml:2: number: expected a whole number of 1 or more; found 0" in err
    assert not out.exists()
    spec.write_text("kind: sao-y\ndate: 2024-03-14\nsignature: {position: Chủ tịch, name: Lê Văn A}\n",
                    encoding="utf-8")
    assert main(["copy", str(source), str(spec), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "issuer: expected the copying body (issuer), in the spec or its profile" in err
    assert "place: expected its place (place)" in err and not out.exists()


def test_a_source_that_is_not_a_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "fake.docx"
    source.write_bytes(b"not a zip")
    out = tmp_path / "out.docx"
    assert main(["copy", str(source), str(EXAMPLES / "copies" / "sao-y-cong-van.yaml"), "-o", str(out)]) == 2
    assert "not a .docx file" in capsys.readouterr().err and not out.exists()
