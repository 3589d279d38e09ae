"""Shared fixtures: the bundled example, rendered once per session."""

from __future__ import annotations

import io
import runpy
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from vbhc.docx.writer import render_bytes
from vbhc.model import Document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "ke-hoach-binh-dang-gioi-hoang-kim-2024.txt"
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
