"""The rendered plan as LibreOffice lays it out: A4 pages, the header on page 1, page numbers.

Needs LibreOffice and poppler-utils with fonts-liberation2 (Times New Roman's metric twin, with
Vietnamese glyphs); skipped when they are not installed. .ci/run installs them where it can.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from vbhc.model import Document

pytestmark = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext") and shutil.which("pdfinfo")),
    reason="LibreOffice (soffice) and poppler-utils are not installed")


@pytest.fixture(scope="module")
def plan_pdf(plan_docx: bytes, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lo")
    docx = folder / "plan.docx"
    docx.write_bytes(plan_docx)
    profile = folder / "profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
                   check=True, capture_output=True, timeout=180)
    return folder / "plan.pdf"


def page_text(pdf: Path, page: int) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         check=True, capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if line.strip()]


def test_pages_are_a4_portrait(plan_pdf: Path) -> None:
    info = subprocess.run(["pdfinfo", str(plan_pdf)], check=True, capture_output=True, text=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert (round(width), round(height)) == (595, 842)  # 210 x 297 mm in points


def test_page_one_has_the_header_and_no_page_number(plan_pdf: Path) -> None:
    lines = page_text(plan_pdf, 1)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines[0]  # the Quốc hiệu on one line
    assert "ỦY BAN NHÂN DÂN" in lines[0]  # beside the issuer: two columns
    assert "Độc lập - Tự do - Hạnh phúc" in lines[1]
    assert re.search(r"Số:\s+/KH-UBND\s+Hoàng Kim, ngày\s+tháng 02 năm 2024", lines[2])
    assert not re.fullmatch(r"\s*\d+\s*", lines[0])


def test_later_pages_show_their_number_at_the_top(plan_pdf: Path, plan: Document) -> None:
    info = subprocess.run(["pdfinfo", str(plan_pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= 2
    for page in range(2, pages + 1):
        assert page_text(plan_pdf, page)[0].strip() == str(page)
