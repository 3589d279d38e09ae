"""``--fix``: what can be fixed safely is fixed, the wording never changes, the output is reproducible."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx as python_docx
import pytest
from documents import BUILDERS, Docx, set_ppr, set_run
from test_rules import break_typography

import vbhc
from tests.fixtures.office_seed import build_office_seed
from vbhc.check import RULES, check, open_docx, read_document, recognise
from vbhc.check.checks import check_document
from vbhc.check.fix import FIXABLE, FixResult, fix_package
from vbhc.nd30 import Role


def fix(data: bytes) -> FixResult:
    package = open_docx(data)
    doc = read_document(package)
    return fix_package(package, doc, check_document(doc), data)


def texts(data: bytes) -> list[str]:
    doc = read_document(data)
    out = [p.text for p in doc.paragraphs]
    for part in (*doc.headers.values(), *doc.footers.values()):
        out += [p.text for p in part]
    return out


@pytest.fixture(scope="module")
def office() -> bytes:
    return build_office_seed()


@pytest.fixture(scope="module")
def fixed(office: bytes) -> FixResult:
    return fix(office)


def test_office_seed_fixes_and_what_is_left(office: bytes, fixed: FixResult) -> None:
    before = check(office)
    after = check(fixed.data)
    gone = {"page.size", "page.margins", "font.slots", "page-number.present"}
    assert gone <= before.rule_ids() and not gone & after.rule_ids()
    assert after.rule_ids() == set(fixed.left)
    assert {"numbering.sequence", "motto.rule", "national-title.one-line", "number.blank"} <= set(fixed.left)
    assert any(c.startswith("page size: A4") for c in fixed.changed)
    assert any(c.startswith("page numbers:") for c in fixed.changed)


def test_no_paragraph_text_changes(office: bytes, fixed: FixResult) -> None:
    body_before = [p.text for p in read_document(office).paragraphs]
    body_after = [p.text for p in read_document(fixed.data).paragraphs]
    assert body_after == body_before


def test_page_number_header_is_added_and_hidden_on_page_one(fixed: FixResult) -> None:
    doc = read_document(fixed.data)
    first = doc.sections[0]
    assert first.title_page
    default, first_page = doc.headers[first.headers["default"]], doc.headers[first.headers["first"]]
    assert any(p.has_page_field and p.alignment == "center" for p in default)
    assert not any(p.text.strip() or p.has_page_field for p in first_page)
    report = check(fixed.data)
    assert not {r for r in report.rule_ids() if r.startswith("page-number.")}


def test_fixed_copy_is_deterministic_and_keeps_every_member(office: bytes, fixed: FixResult) -> None:
    assert fix(office).data == fixed.data
    with zipfile.ZipFile(io.BytesIO(office)) as a, zipfile.ZipFile(io.BytesIO(fixed.data)) as b:
        old, new = a.namelist(), b.namelist()
        assert new[:len(old)] == old
        assert all(n.startswith("word/header") for n in new[len(old):])
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in b.infolist())


def test_word_can_still_open_it(fixed: FixResult) -> None:
    document = python_docx.Document(io.BytesIO(fixed.data))
    assert document.sections[0].page_width == 7560310  # A4 width in EMU
    assert document.sections[0].different_first_page_header_footer


def test_fixing_a_clean_document_changes_nothing() -> None:
    data = vbhc.render_bytes(BUILDERS["plan"]())
    result = fix(data)
    assert result.changed == [] and result.left == []
    assert texts(result.data) == texts(data)


@pytest.mark.parametrize(("role", "prop"), [(Role.MOTTO, "size"), (Role.HEADING, "bold"),
                                            (Role.PLACE_DATE, "italic"), (Role.RECIPIENT, "size"),
                                            (Role.ARTICLE, "bold"), (Role.SIGNER_NAME, "bold")])
def test_typography_of_recognised_components_is_fixed(role: Role, prop: str) -> None:
    name = "decision" if role is Role.ARTICLE else "plan"
    data = vbhc.render_bytes(BUILDERS[name]())
    index = next(x.paragraph.index for x in recognise(read_document(data)).all() if x.role is role)
    broken = break_typography(data, index, role, prop)
    assert check(broken).rule_ids() == {f"{role.value}.{prop}"}
    result = fix(broken)
    assert check(result.data).findings == []
    rule_id = f"{role.value}.{prop}"
    assert result.changed == [f"{rule_id}: {RULES[rule_id].expected} in 1 paragraph(s)"]
    assert texts(result.data) == texts(broken)


def test_fonts_colours_margins_and_size_together() -> None:
    docx = Docx(vbhc.render_bytes(BUILDERS["plan"]()))
    sect = next(docx.tree().iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sectPr"))
    size = sect.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pgSz")
    size.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w", "12240")
    p = docx.find("Thực hiện Kế hoạch")
    set_run(p, "rFonts", ascii="Arial", hAnsi="Arial", eastAsia="SimSun", cs="Tahoma")
    set_run(p, "color", val="1F497D")
    set_ppr(p, "ind", firstLine="0")  # not fixable: left for a person
    broken = docx.data()
    assert check(broken).rule_ids() == {"page.size", "font.family", "font.slots", "font.color",
                                        "body.first-line-indent"}
    result = fix(broken)
    assert check(result.data).rule_ids() == {"body.first-line-indent"}
    assert result.left == ["body.first-line-indent"]


def test_a_header_with_text_is_not_replaced(office: bytes) -> None:
    document = python_docx.Document(io.BytesIO(office))
    document.sections[0].header.paragraphs[0].text = "ỦY BAN NHÂN DÂN XÃ HOÀNG KIM"
    out = io.BytesIO()
    document.save(out)
    result = fix(out.getvalue())
    assert "page-number.present" in result.left
    assert not any(c.startswith("page numbers") for c in result.changed)


def test_every_fixable_rule_exists() -> None:
    assert set(RULES) >= FIXABLE


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext") and shutil.which("pdfinfo")),
                    reason="LibreOffice (soffice) and poppler-utils are not installed")
def test_libreoffice_lays_out_the_fixed_copy(fixed: FixResult, tmp_path: Path) -> None:
    """A4, page numbers from page 2 on, and the Quốc hiệu wrapping as the checker said it would."""
    source = tmp_path / "fixed.docx"
    source.write_bytes(fixed.data)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=120)
    pdf = tmp_path / "fixed.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "(A4)" in info

    def page(n: int) -> list[str]:
        out = subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
                             check=True, capture_output=True, text=True).stdout
        return [line.strip() for line in out.splitlines() if line.strip()]

    first, second = page(1), page(2)
    assert first[0].endswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA") and first[1] == "VIỆT NAM"  # it wraps
    assert second[0] == "2"
