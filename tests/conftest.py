"""Shared fixtures: the bundled example, rendered once per session."""

from __future__ import annotations

import io
import runpy
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from vbhc.model import Document, IssueDate, Issuer, Paragraph, Signature
from vbhc.model.formatting import Formatting
from vbhc.writers.docx.writer import render_bytes

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# The commune plan this project started from (the seed, as the office typed it), kept in tests/data.
SEED = ROOT / "tests" / "data" / "ke-hoach-binh-dang-gioi-hoang-kim-2024.txt"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="session")
def plan() -> Document:
    return runpy.run_path(str(EXAMPLES / "ke_hoach_hoang_kim.py"))["document"]


@pytest.fixture(scope="session")
def plan_docx(plan: Document) -> bytes:
    return render_bytes(plan)


def part(docx: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return etree.fromstring(archive.read(name))


def paragraph_texts(root: etree._Element) -> list[str]:
    """Text of every w:p in document order (table cells included)."""
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]


COMMUNE = Issuer(name=["Ủy ban nhân dân", "xã Hoàng Kim"], abbreviation="UBND")


def make_document(**overrides: object) -> Document:
    """A small valid plan; keyword arguments replace its fields."""
    fields: dict[str, object] = dict(
        type="ke-hoach", issuer=COMMUNE, place="Hoàng Kim", date=IssueDate(2024, 3, 5),
        summary="Tóm tắt", body=[Paragraph("Nội dung.")],
        signatures=Signature(position="Chủ tịch", name="Lê Văn A"))
    fields.update(overrides)
    return Document(**fields)  # type: ignore[arg-type]


# The built-in template and office templates at the other ends of the decree's ranges (vbhc template):
# what vbhc renders with any of them, vbhc check passes.
FORMATS: dict[str, Formatting | None] = {
    "built-in": None,
    "high-end": Formatting(
        margin_top_mm=25, margin_bottom_mm=25, margin_left_mm=35, margin_right_mm=20, national_title_pt=13,
        motto_pt=14, issuer_pt=13, place_date_pt=14, title_pt=13, letter_summary_pt=13, body_pt=13,
        signature_pt=13, mark_pt=14, page_number_pt=13, first_line_indent_cm=1.0, paragraph_spacing_pt=12,
        line_spacing=1.5),
    "single-spaced": Formatting(line_spacing=1.0),
}
