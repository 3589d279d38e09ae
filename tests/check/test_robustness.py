"""Files that are not administrative documents at all are still checked: a report, never a crash."""

from __future__ import annotations

import io
import struct
import zlib

import docx as python_docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.shared import Cm
from docx_fixtures import build_docx, para

from vbhc.check import check, open_docx, read_document
from vbhc.check.checks import check_document
from vbhc.check.fix import fix_package


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0\0\0\0")) + \
        chunk(b"IEND", b"")


def _word_document() -> bytes:
    """A typical non-Decree document: headings, bullets, a big table with a nested one, an image."""
    doc = python_docx.Document()
    doc.add_heading("Annual report", 0)
    doc.add_paragraph("Introduction with a 1. number in the middle.")
    for n in range(6):
        doc.add_paragraph(f"Bullet {n}", style="List Bullet")
        doc.add_paragraph(f"Step {n}", style="List Number")
    table = doc.add_table(rows=30, cols=4)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"{r}.{c}" if c else "CHỦ TỊCH"
    table.rows[0].cells[0].add_table(rows=2, cols=2).rows[0].cells[0].text = "Nơi nhận:"
    doc.add_picture(io.BytesIO(_png()), width=Cm(2))
    section = doc.add_section()
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    doc.add_paragraph("Phụ lục")
    doc.sections[0].footer.paragraphs[0].text = "Footer"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


CASES = {
    "word-document": _word_document,
    "only-a-national-title": lambda: build_docx(para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
    "header-in-flow": lambda: build_docx("".join(para(t) for t in (
        "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 5/KH-UBND", "Hà Nội, ngày 5 tháng 03 năm 2024", "KẾ HOẠCH", "Tóm tắt", "I. Một", "1. Hai.",
        "Nơi nhận:", "- A;", "- Lưu: VT.", "CHỦ TỊCH", "Lê Văn A"))),
    "numbers-only": lambda: build_docx("".join(para(f"{n}. Khoản {n}.") for n in (1, 2, 5, 3))),
}


@pytest.mark.parametrize("name", list(CASES))
def test_any_word_file_gets_a_report(name: str) -> None:
    report = check(CASES[name](), name=name)
    assert report.exit_code in (0, 1)
    assert report.to_text().startswith(f"vbhc check: {name}")
    assert len(report.passed) + len(report.not_evaluated) + len(report.not_applicable) + \
        len(report.rule_ids()) == report.summary()["rules"]


def test_a_header_without_a_table_is_read() -> None:
    report = check(CASES["header-in-flow"](), name="flow")
    assert {"number.leading-zero", "place-date.leading-zero"} <= report.rule_ids()
    zeros = {(f.expected, f.found) for f in report.findings if f.rule.id.endswith("leading-zero")}
    assert zeros == {('"05"', '"5"'), ('ngày "05"', 'ngày "5"'), ('tháng "3"', 'tháng "03"')}


@pytest.mark.parametrize("name", list(CASES))
def test_any_word_file_can_be_fixed(name: str) -> None:
    data = CASES[name]()
    package = open_docx(data)
    doc = read_document(package)
    before = check_document(doc)
    result = fix_package(package, doc, before, data)
    after = check(result.data)
    texts = [p.text for p in read_document(data).paragraphs]
    assert [p.text for p in read_document(result.data).paragraphs] == texts
    assert not {"page.size", "page.margins", "font.family", "font.slots"} & after.rule_ids()
