"""``vbhc check x.docm --fix y.docx`` writes a .docx: no macros, and a document's content type."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx_fixtures import CONTENT_TYPES, MAIN_CT, build_docx, para

from vbhc.check import check, open_docx
from vbhc.cli import main

MS = "http://schemas.microsoft.com/office/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MACRO_MAIN_CT = "application/vnd.ms-word.document.macroEnabled.main+xml"


def _rels(*rels: tuple[str, str, str], extra: str = "") -> str:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in rels)
    return f'<?xml version="1.0"?><Relationships xmlns="{PR}">{body}{extra}</Relationships>'


def docm() -> bytes:
    """A macro-enabled document as Word saves one: vbaProject.bin (typed by a Default for .bin), its
    vbaData.xml, keyboard customisations, and the macro-enabled main content type."""
    types = CONTENT_TYPES.format(main="word/document.xml").replace(MAIN_CT, MACRO_MAIN_CT).replace(
        "</Types>",
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
        '<Override PartName="/word/vbaData.xml" ContentType="application/vnd.ms-word.vbaData+xml"/>'
        '<Override PartName="/word/customizations.xml" '
        'ContentType="application/vnd.ms-word.keyMapCustomizations+xml"/></Types>')
    return build_docx(para("Kế hoạch"), extra={
        "[Content_Types].xml": types,
        "word/_rels/document.xml.rels": _rels(
            ("rIdVba", f"{MS}/vbaProject", "vbaProject.bin"),
            ("rIdKeys", f"{MS}/keyMapCustomizations", "customizations.xml"),
            extra=f'<Relationship Id="rIdLink" Type="{OFFICE}/hyperlink" Target="https://example.org/" '
                  'TargetMode="External"/>'),
        "word/vbaProject.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 Sub AutoOpen()",
        "word/_rels/vbaProject.bin.rels": _rels(("rId1", f"{MS}/wordVbaData", "vbaData.xml")),
        "word/vbaData.xml": '<wne:vbaSuppData xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml"/>',
        "word/customizations.xml": '<wne:tcg xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml"/>',
    })


def test_fix_of_a_docm_writes_a_docx_without_macros(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    source, fixed = tmp_path / "x.docm", tmp_path / "y.docx"
    source.write_bytes(docm())
    assert main(["check", str(source), "--fix", str(fixed)]) == 1
    assert "macros removed (a .docx cannot hold them): word/vbaProject.bin" in capsys.readouterr().out
    data = fixed.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        types = zf.read("[Content_Types].xml").decode()
        rels = zf.read("word/_rels/document.xml.rels").decode()
    assert not names & {"word/vbaProject.bin", "word/_rels/vbaProject.bin.rels", "word/vbaData.xml",
                        "word/customizations.xml"}
    assert "vbaProject" not in rels and "keyMapCustomizations" not in rels
    assert 'Target="https://example.org/"' in rels  # what is not a macro stays
    assert "macroEnabled" not in types and "vbaProject" not in types and "vbaData" not in types
    package = open_docx(data)
    assert package.content_types[package.main_part] == MAIN_CT
    assert check(data).exit_code in (0, 1)  # the copy reads back as a document


def test_fix_of_a_plain_docx_keeps_its_parts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, fixed = tmp_path / "x.docx", tmp_path / "y.docx"
    source.write_bytes(build_docx(para("Kế hoạch")))
    main(["check", str(source), "--fix", str(fixed)])
    assert "macros removed" not in capsys.readouterr().out
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(fixed) as after:
        assert set(before.namelist()) <= set(after.namelist())
