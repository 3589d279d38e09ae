"""Every document spec in examples/ (the README's index lists them): valid without warnings, rendered
through the CLI, passed by ``vbhc check`` with no finding but the blanks a draft may keep, and its
document.xml kept as a readable snapshot. A new example is held to this by its file alone."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES
from tests.test_snapshots import XmlSnapshot, pretty
from vbhc.check import check, read_document
from vbhc.cli import main
from vbhc.pipeline import load, read, render_bytes

SPECS = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".yaml", ".json", ".py"})


def test_there_are_examples_of_every_family() -> None:
    """Issue 10: at least 14 examples, one per family of forms."""
    assert len(SPECS) >= 14
    kinds = {load(p).type.value for p in SPECS}
    assert {"ke-hoach", "bao-cao", "quyet-dinh", "nghi-quyet", "cong-van", "to-trinh", "cong-dien",
            "giay-moi", "giay-gioi-thieu", "bien-ban", "giay-nghi-phep", "ban-thoa-thuan"} <= kinds


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.name)
def test_the_example_renders_and_vbhc_check_finds_no_error(path: Path, tmp_path: Path) -> None:
    result = read(path)
    assert result.errors == [], [str(e) for e in result.errors]
    assert result.warnings == [], [str(w) for w in result.warnings]
    out = tmp_path / "out.docx"
    assert main(["render", str(path), "-o", str(out)]) == 0
    report = check(out.read_bytes(), name=path.name)
    # The seed plan keeps its blank number and day (a draft, filled in by the registry): warnings only.
    blanks = {"number.blank", "place-date.blank"}
    assert [f.rule.id for f in report.findings if f.rule.id not in blanks] == [], report.to_text()
    assert report.exit_code == 0
    assert report.document_type == result.document.type.value


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.name)
def test_the_example_matches_its_snapshot(path: Path, snapshot: Any) -> None:
    """document.xml pretty-printed: a change reads as a diff (accept it with --snapshot-update)."""
    with zipfile.ZipFile(io.BytesIO(render_bytes(load(path)))) as archive:
        assert pretty(archive.read("word/document.xml")) == snapshot(extension_class=XmlSnapshot)


def test_nhu_tren_typed_by_the_officer_is_printed_once(tmp_path: Path) -> None:
    """PL I, II.9.b: "Như trên" opens Nơi nhận when there is a Kính gửi; typed, it is not doubled."""
    source = (EXAMPLES / "to-trinh-kinh-phi-hoang-kim.yaml").read_text(encoding="utf-8")
    typed = tmp_path / "to-trinh.yaml"
    typed.write_text(source.replace("profile: profiles/", f"profile: {EXAMPLES / 'profiles'}/").replace(
        "recipients:  ", "recipients:\n  - Như trên\n#"), encoding="utf-8")
    lines = [p.text for p in read_document(render_bytes(load(typed))).paragraphs
             if p.text.startswith("- ")]
    assert lines[:2] == ["- Như trên;", "- Thường trực Đảng ủy xã (b/c);"]
    plain = [p.text for p in read_document(render_bytes(load(EXAMPLES / "to-trinh-kinh-phi-hoang-kim.yaml")))
             .paragraphs if p.text.startswith("- ")]
    assert plain == lines
