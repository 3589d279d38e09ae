"""Page breaks as LibreOffice makes them: a heading never ends a page, the signature never stands alone,
no blank page before an appendix.

Each sweep renders the same document with 1, 2, 3 ... more one-line filler paragraphs, so that the line
under test moves down one line at a time across the foot of a page: some document of the sweep puts it
exactly where a page ends. The sweep checks that it did cross the page (the line starts on one page and
ends on the next), then that at every position the lines meant to stay together share a page.

Needs LibreOffice and poppler-utils (as tests/test_libreoffice.py); skipped without them. All documents
are converted in one LibreOffice run.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import COMMUNE
from vbhc.model import (
    Appendix,
    Article,
    Chapter,
    Document,
    IssueDate,
    Item,
    Mandate,
    Paragraph,
    Part,
    Recipient,
    Signature,
)
from vbhc.writers.docx.writer import render_bytes

pytestmark = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice (soffice) and poppler-utils are not installed")

FILLER = "Nội dung một dòng."
NEXT = "Dòng đầu tiên sau đề mục."
SIGNER = "Lê Quang Thành"
Pages = dict[tuple[str, int], list[list[str]]]  # the lines of each page of each document, by (sweep, n)


def _document(body: list[object], appendices: tuple[Appendix, ...] = ()) -> Document:
    return Document(type="ke-hoach", issuer=COMMUNE, number=5, place="Hoàng Kim", date=IssueDate(2024, 3, 5),
                    summary="Tóm tắt", body=body, recipients=[Recipient("UBND huyện")],
                    signatures=Signature(position="Chủ tịch", name=SIGNER,
                                         mandates=[Mandate("TM.", "Ủy ban nhân dân")]),
                    appendices=appendices)


def _fillers(n: int) -> list[Paragraph]:
    return [Paragraph(FILLER) for _ in range(n)]


def _part(n: int) -> Document:
    return _document([Part("Mục đích", _fillers(n)), Part("Tổ chức thực hiện", [NEXT, FILLER])])


def _item(n: int) -> Document:
    return _document([Part("Mục đích", [Item(title="Nội dung", children=_fillers(n)),
                                        Item(title="Phân công", children=[NEXT, FILLER])])])


def _chapter(n: int) -> Document:
    return _document([Chapter("Quy định chung", [Article("Phạm vi", _fillers(n))]),
                      Chapter("Điều khoản thi hành", [Article("Trách nhiệm", [NEXT, FILLER])])])


def _closing(n: int) -> Document:
    return _document(_fillers(n), (Appendix("Danh sách thành viên", [Paragraph("Thành viên thứ nhất.")]),))


# Each sweep: the documents, the numbers of filler paragraphs, and texts that must share a page (each
# found in a line as pdftotext prints it). The first must be on page 1 in the shortest document and on
# page 2 in the longest.
SWEEPS: dict[str, tuple[Callable[[int], Document], range, tuple[str, ...]]] = {
    "part heading": (_part, range(19, 27), ("II. TỔ CHỨC THỰC HIỆN", NEXT)),
    "item title": (_item, range(18, 26), ("2. Phân công", NEXT)),
    "chapter and article": (_chapter, range(15, 23),
                            ("Chương II", "ĐIỀU KHOẢN THI HÀNH", "Điều 2. Trách nhiệm", NEXT)),
    "closing": (_closing, range(15, 23), (SIGNER, "TM. ỦY BAN NHÂN DÂN", FILLER[:-1] + "./.")),
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Pages:
    """The lines of every page of every document of every sweep, by (sweep, n)."""
    folder = tmp_path_factory.mktemp("pagination")
    names: dict[tuple[str, int], Path] = {}
    for sweep, (build, counts, _) in SWEEPS.items():
        for n in counts:
            path = folder / f"{sweep.replace(' ', '-')}-{n}.docx"
            path.write_bytes(render_bytes(build(n)))
            names[sweep, n] = path
    subprocess.run(["soffice", f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), *map(str, names.values())],
                   check=True, capture_output=True, timeout=600)
    out = {}
    for key, path in names.items():
        text = subprocess.run(["pdftotext", "-layout", str(path.with_suffix(".pdf")), "-"],
                              check=True, capture_output=True, text=True).stdout
        out[key] = [[line.strip() for line in page.splitlines() if line.strip()]
                    for page in text.split("\f")[:-1]]
    return out


def _page_of(document: list[list[str]], text: str) -> int:
    """The page (from 0) with a line that holds ``text``; it must be on exactly one."""
    found = [i for i, page in enumerate(document) if any(text in line for line in page)]
    assert len(found) == 1, f"{text!r} on pages {found}"
    return found[0]


@pytest.mark.parametrize("sweep", SWEEPS)
def test_lines_kept_together_share_a_page(pages: Pages, sweep: str) -> None:
    _, counts, together = SWEEPS[sweep]
    first = [_page_of(pages[sweep, n], together[0]) for n in counts]
    assert first[0] == 0 and first[-1] == 1, f"the sweep must cross the foot of page 1: {first}"
    for n in counts:
        document = pages[sweep, n]
        where = {line: _page_of(document, line) for line in together}
        assert len(set(where.values())) == 1, f"{n} filler paragraphs: {where}"


def test_no_page_is_blank_and_each_appendix_opens_a_page(pages: Pages) -> None:
    _, counts, _ = SWEEPS["closing"]
    for n in counts:
        document = pages["closing", n]
        for number, page in enumerate(document, 1):
            assert [x for x in page if not x.isdigit()], f"{n} filler paragraphs: page {number} is blank"
        label = _page_of(document, "Phụ lục")
        assert document[label][:2] == ["Phụ lục", "DANH SÁCH THÀNH VIÊN"], f"{n} filler paragraphs"
