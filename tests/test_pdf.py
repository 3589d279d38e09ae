"""PDF and page previews through LibreOffice (vbhc/writers/pdf): fonts embedded, title and author set,
page 1 as a PNG; a batch converts all its files in one LibreOffice run; a missing LibreOffice is one
clear line naming the packages, and nothing is written. The conversions need LibreOffice and
poppler-utils (skipped without them); the missing-converter tests run everywhere."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, make_document, part
from tests.test_batch import SPEC, communes, write_csv
from vbhc.cli import main
from vbhc.errors import ConverterMissing
from vbhc.writers.docx.writer import render_bytes
from vbhc.writers.pdf import DEFAULT_DPI, Converter, with_properties

needs_libreoffice = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdfinfo") and shutil.which("pdffonts")
         and shutil.which("pdftoppm")),
    reason="LibreOffice (soffice) and poppler-utils are not installed")


def info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in out.splitlines() if ":" in line)}


def fonts(pdf: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:]]


@needs_libreoffice
def test_render_pdf_and_preview(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "plan.docx"
    assert main(["render", str(EXAMPLES / "ke-hoach-hoang-kim.yaml"), "-o", str(out), "--pdf",
                 "--preview", str(tmp_path / "page1.png")]) == 0
    written = [str(out), str(tmp_path / "plan.pdf"), str(tmp_path / "page1.png")]
    assert capsys.readouterr().out.split() == written
    meta = info(tmp_path / "plan.pdf")
    assert meta["Title"].startswith("Triển khai thực hiện công tác bình đẳng giới")
    assert meta["Author"] == "Ủy ban nhân dân xã Hoàng Kim"
    assert meta["Page size"].startswith("595") and int(meta["Pages"]) >= 2  # A4 portrait
    found = fonts(tmp_path / "plan.pdf")
    assert found and all(row[-5] == "yes" for row in found), found  # every font embedded ("emb")
    assert {re.sub(r"^[A-Z]{6}\+", "", row[0]).split("-")[0] for row in found} == {"LiberationSerif"}
    png = (tmp_path / "page1.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (round(210 / 25.4 * DEFAULT_DPI), round(297 / 25.4 * DEFAULT_DPI))


@needs_libreoffice
def test_batch_pdf_converts_every_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = write_csv(tmp_path / "communes.csv", communes(3))
    out = tmp_path / "out"
    assert main(["batch", str(SPEC), str(data), "-o", str(out), "--pdf", "--workers", "1"]) == 0
    assert "3 .docx and .pdf written from 3 rows" in capsys.readouterr().out
    pdfs = sorted(out.glob("*.pdf"))
    assert [p.stem for p in pdfs] == sorted(p.stem for p in out.glob("*.docx"))
    assert [info(p)["Author"] for p in pdfs] == [f"Ủy ban nhân dân xã {x} 1" for x in
                                                 ("Hoàng Kim", "Quảng Phú", "Hoằng Đạo")]


def test_title_and_author_are_escaped_into_the_core_properties() -> None:
    docx = with_properties(render_bytes(make_document()), "A & <b>\x01", "Ủy ban")
    core = part(docx, "docProps/core.xml")
    assert [c.text for c in core] == ["A & <b>", "Ủy ban"]
    assert part(docx, "word/document.xml") is not None


@pytest.mark.parametrize("argv", [["--pdf"], ["--preview", "p.png"]], ids=" ".join)
def test_a_missing_libreoffice_names_the_packages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str], argv: list[str]
                                                  ) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.chdir(tmp_path)
    assert main(["render", str(EXAMPLES / "ke-hoach-hoang-kim.yaml"), "-o", "plan.docx", *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not installed" in err
    for package in ("libreoffice-writer", "fonts-liberation2", "poppler-utils"):
        assert package in err
    assert list(tmp_path.iterdir()) == []


def test_a_batch_without_libreoffice_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    data = write_csv(tmp_path / "communes.csv", communes(2))
    assert main(["batch", str(SPEC), str(data), "-o", str(tmp_path / "out"), "--pdf"]) == 2
    assert "libreoffice-writer" in capsys.readouterr().err and not (tmp_path / "out").exists()
    with pytest.raises(ConverterMissing, match="fonts-liberation2"):
        Converter()
