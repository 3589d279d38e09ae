"""The files real offices still hold (issue 11): Word 97–2003 .doc, .rtf and .odt are converted to .docx
by LibreOffice (vbhc.libreoffice) for ``vbhc check`` (the report says so; ``--fix`` writes a .docx,
never over the source), ``vbhc import`` and the web app's upload. The format is known by its bytes.

The legacy fixtures are made here, from a Word-made .docx (python-docx, the careful plan of
tests/fixtures/office_habits.py) converted by LibreOffice; tests that need it skip where ``soffice`` is
not installed (.ci/run installs it).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.habits_legacy import LegacyWord
from tests.fixtures.office_habits import Word, closing_table, header_table, plan
from vbhc import libreoffice
from vbhc.cli import main
from vbhc.errors import ConverterMissing
from vbhc.libreoffice import DOC, DOC95, ODT, OLE2_MAGIC, RTF, ConversionError, LibreOffice, legacy_format

SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
# LibreOffice's export filter of each legacy format, to make the fixtures
EXPORT = {".doc": "doc:MS Word 97", ".rtf": "rtf:Rich Text Format", ".odt": "odt:writer8"}


def word_plan(w: Word | None = None) -> bytes:
    """The careful plan as Word saves it: two borderless tables, the body, and the empty paragraph Word
    always keeps after a closing table."""
    w = w or Word()
    header_table(w)
    plan(w)
    closing_table(w)
    w.doc.add_paragraph()
    return w.bytes()


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """plan.docx and the same document saved by LibreOffice as plan.doc, plan.rtf and plan.odt."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("legacy")
    (folder / "plan.docx").write_bytes(word_plan())
    (folder / "tcvn3.docx").write_bytes(word_plan(LegacyWord("tcvn3")))
    profile = (folder / "profile").as_uri()
    out = {".docx": folder / "plan.docx"}
    jobs = [("plan", suffix, target) for suffix, target in EXPORT.items()]
    jobs.append(("tcvn3", ".doc", EXPORT[".doc"]))
    for stem, suffix, target in jobs:
        subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
                        "--outdir", str(folder), str(folder / f"{stem}.docx")], capture_output=True,
                       timeout=180, check=True)
        out[suffix if stem == "plan" else f"{stem}{suffix}"] = folder / f"{stem}{suffix}"
        assert (folder / f"{stem}{suffix}").is_file(), suffix
    return out


def check_json(path: Path, *more: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    status = main(["check", str(path), "--format", "json", *more])
    out = capsys.readouterr().out
    return status, json.loads(out) if out else {}


# --------------------------------------------------------------------------------------------
# The format by its bytes


def test_each_legacy_format_is_known_by_its_bytes(files: dict[str, Path]) -> None:
    assert legacy_format(files[".docx"].read_bytes()) is None
    assert legacy_format(files[".doc"].read_bytes()) is DOC
    assert legacy_format(files[".rtf"].read_bytes()) is RTF
    assert legacy_format(files[".odt"].read_bytes()) is ODT


def test_ole2_files_that_are_no_word_document_are_named() -> None:
    def ole(*streams: str) -> bytes:
        return OLE2_MAGIC + bytes(504) + b"".join(s.encode("utf-16-le") + bytes(8) for s in streams)

    assert legacy_format(ole("Root Entry", "WordDocument", "1Table")) is DOC
    word95 = OLE2_MAGIC + bytes(504) + "WordDocument".encode("utf-16-le") + bytes(488) + b"\xdc\xa5\x65\x00"
    assert legacy_format(word95) is DOC95
    with pytest.raises(ConversionError, match="password-protected"):
        legacy_format(ole("Root Entry", "EncryptionInfo", "EncryptedPackage"))
    with pytest.raises(ConversionError, match="Excel workbook"):
        legacy_format(ole("Root Entry", "Workbook"))
    with pytest.raises(ConversionError, match="PowerPoint"):
        legacy_format(ole("Root Entry", "PowerPoint Document"))
    assert legacy_format(b"{\\rtf1\\ansi hello}") is RTF
    assert legacy_format(b"plain text, not {\\rtf") is None
    assert legacy_format(b"") is None


# --------------------------------------------------------------------------------------------
# vbhc check


@needs_soffice
@pytest.mark.parametrize("suffix", [".doc", ".rtf", ".odt"])
def test_check_converts_and_finds_what_the_docx_has(files: dict[str, Path], suffix: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    status, original = check_json(files[".docx"], capsys=capsys)
    legacy_status, legacy = check_json(files[suffix], capsys=capsys)
    assert legacy["converted_from"].endswith(f"({suffix})")
    assert "converted_from" not in original
    assert legacy["document_type"] == original["document_type"] == "ke-hoach"
    assert legacy_status == status
    # LibreOffice keeps the page, the fonts, the sizes and the tables: the same findings
    assert sorted(f["rule"] for f in legacy["findings"]) == sorted(f["rule"] for f in original["findings"])


@needs_soffice
def test_check_text_report_says_the_file_was_converted(files: dict[str, Path],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(files[".doc"])])
    out = capsys.readouterr().out
    assert "Converted to .docx by LibreOffice from Word 97–2003 (.doc)" in out.splitlines()[2]


@needs_soffice
def test_a_doc_named_docx_is_known_by_its_bytes(files: dict[str, Path], tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    renamed = tmp_path / "renamed.docx"
    renamed.write_bytes(files[".doc"].read_bytes())
    status, report = check_json(renamed, capsys=capsys)
    assert status == check_json(files[".docx"], capsys=capsys)[0]
    assert report["converted_from"] == "Word 97–2003 (.doc)" and report["document_type"] == "ke-hoach"


@needs_soffice
def test_fix_writes_a_docx_and_leaves_the_doc(files: dict[str, Path], tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "old.doc"
    doc.write_bytes(files[".doc"].read_bytes())
    before = doc.read_bytes()
    fixed = tmp_path / "old.docx"
    _, report = check_json(doc, "--fix", str(fixed), capsys=capsys)
    assert doc.read_bytes() == before
    assert fixed.read_bytes()[:4] == b"PK\x03\x04" and legacy_format(fixed.read_bytes()) is None
    _, again = check_json(fixed, capsys=capsys)
    assert "converted_from" not in again
    assert again["summary"]["errors"] == report["fix"]["remaining"]["errors"]
    assert not {"font.family", "font.slots"} & {f["rule"] for f in again["findings"]}
    # the fixed copy never replaces the .doc: another suffix is refused, the same file too
    assert main(["check", str(doc), "--fix", str(doc)]) == 2
    assert "must end in .docx" in capsys.readouterr().err
    assert doc.read_bytes() == before


@needs_soffice
def test_a_damaged_doc_is_a_clear_error_not_garbage(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """LibreOffice reads what its named filter cannot as plain text; vbhc names the filter, so a
    damaged .doc is refused in seconds instead of checked as a page of noise."""
    bad = tmp_path / "bad.doc"
    bad.write_bytes(OLE2_MAGIC + bytes(range(256)) * 8 + "WordDocument".encode("utf-16-le") + bytes(2000))
    started = time.monotonic()
    assert main(["check", str(bad)]) == 2
    assert time.monotonic() - started < libreoffice.CONVERT_TIMEOUT_S
    err = capsys.readouterr().err
    assert "could not convert this Word 97–2003 (.doc) file" in err and "save it as .docx" in err
    bad_rtf = tmp_path / "bad.rtf"
    bad_rtf.write_bytes(b"{\\rtf1 " + b"{" * 50_000)
    assert main(["check", str(bad_rtf)]) == 2
    assert "could not convert this Rich Text Format (.rtf) file" in capsys.readouterr().err


@needs_soffice
def test_a_conversion_that_outlives_its_time_is_stopped(files: dict[str, Path]) -> None:
    started = time.monotonic()
    with LibreOffice() as office, pytest.raises(ConversionError, match=r"did not finish in 0\.01 s"):
        office.to_docx(files[".doc"].read_bytes(), DOC, timeout=0.01)
    assert time.monotonic() - started < 30


def test_a_legacy_file_over_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(libreoffice, "MAX_LEGACY_BYTES", 100)
    monkeypatch.setattr(libreoffice, "find_program", lambda *names: "/bin/false")
    with LibreOffice() as office, pytest.raises(ConversionError, match="larger than the limit of 100"):
        office.to_docx(b"{\\rtf1 " + b"x" * 200 + b"}", RTF)


def test_without_libreoffice_a_doc_names_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(libreoffice, "find_program", lambda *names: None)
    rtf = tmp_path / "old.rtf"
    rtf.write_bytes(b"{\\rtf1\\ansi QUYET DINH}")
    assert main(["check", str(rtf)]) == 2
    err = capsys.readouterr().err
    assert "LibreOffice is not installed, so this Rich Text Format (.rtf) file cannot be converted" in err
    assert "libreoffice-writer" in err
    assert main(["import", str(rtf)]) == 2
    assert "libreoffice-writer" in capsys.readouterr().err
    with pytest.raises(ConverterMissing):
        libreoffice.as_docx(rtf.read_bytes())


@needs_soffice
def test_a_doc_typed_in_tcvn3_is_converted_twice(files: dict[str, Path], tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """The commune archive's usual file: a .doc typed in .VnTime. LibreOffice reads its ư (0xAD, the
    soft hyphen's code) as a soft hyphen; vbhc reads it back as ư."""
    from vbhc.ooxml.resolve import read_document
    from vbhc.pipeline import import_document

    fixed = tmp_path / "tcvn3.docx"
    _, report = check_json(files["tcvn3.doc"], "--fix", str(fixed), capsys=capsys)
    _, plain = check_json(files[".doc"], capsys=capsys)
    assert report["converted_from"] == "Word 97–2003 (.doc)"
    rules = [f["rule"] for f in report["findings"]]
    assert rules.count("text.encoding") == 1
    assert sorted(set(rules) - {"text.encoding"}) == sorted({f["rule"] for f in plain["findings"]})
    texts = [p.text for p in read_document(fixed.read_bytes()).paragraphs]
    assert "- Lưu: VT." in texts and texts == [p.text for p in read_document(files[".docx"]).paragraphs]
    assert import_document(files["tcvn3.doc"]).spec == import_document(files[".docx"]).spec


# --------------------------------------------------------------------------------------------
# vbhc import and the web app


@needs_soffice
@pytest.mark.parametrize("suffix", [".doc", ".rtf", ".odt"])
def test_import_reads_the_same_spec_as_the_docx(files: dict[str, Path], suffix: str) -> None:
    from vbhc.pipeline import import_document

    original = import_document(files[".docx"])
    legacy = import_document(files[suffix])
    assert legacy.spec == original.spec
    assert legacy.diagnostics[0].message.startswith("converted to .docx by LibreOffice from ")


@needs_soffice
def test_the_api_checks_and_imports_an_uploaded_doc(files: dict[str, Path]) -> None:
    from vbhc.serve.service import Service

    service = Service()
    data = files[".doc"].read_bytes()
    report, fixed = service.check(data, "old.doc", fix=True)
    assert report["converted_from"] == "Word 97–2003 (.doc)" and report["document_type"] == "ke-hoach"
    assert fixed is not None and legacy_format(fixed) is None
    assert service.import_docx(data, "old.doc")["spec"]["type"] == "ke-hoach"


def test_the_api_answers_501_without_libreoffice(monkeypatch: pytest.MonkeyPatch) -> None:
    from vbhc.serve.service import Problem, Service

    monkeypatch.setattr(libreoffice, "find_program", lambda *names: None)
    rtf = b"{\\rtf1 x}"
    for call in (lambda s: s.check(rtf, "old.rtf"), lambda s: s.import_docx(rtf, "old.rtf")):
        with pytest.raises(Problem) as caught:
            call(Service())
        assert caught.value.status == 501 and "libreoffice-writer" in str(caught.value)
