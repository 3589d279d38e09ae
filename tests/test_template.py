"""The shipped template is generated from vbhc.nd30, and office templates stay within the decree."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, W, part
from vbhc.errors import FieldError
from vbhc.model import Document
from vbhc.model.formatting import Formatting
from vbhc.nd30 import Role
from vbhc.writers.docx.template import ROLE_STYLE, Template, build_template, default_template_path
from vbhc.writers.docx.writer import render_bytes


def test_committed_template_is_what_the_build_script_makes() -> None:
    committed = (ROOT / "templates" / "nd30" / "base.docx").read_bytes()
    assert committed == build_template(), "run: python scripts/build_templates.py"
    assert default_template_path().read_bytes() == committed


def test_template_build_is_deterministic() -> None:
    assert build_template() == build_template()
    with zipfile.ZipFile(io.BytesIO(build_template())) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize(("field", "value"), [
    ("body_pt", 12), ("body_pt", 15), ("national_title_pt", 14), ("margin_left_mm", 25),
    ("margin_right_mm", 21), ("margin_top_mm", 30), ("line_spacing", 2.0), ("line_spacing", 0.9),
    ("first_line_indent_cm", 1.1), ("paragraph_spacing_pt", 3), ("title_pt", 12),
])
def test_formatting_outside_the_decree_is_refused(field: str, value: float) -> None:
    with pytest.raises(FieldError, match=field):
        Formatting(**{field: value})


def test_an_office_template_changes_the_look(plan: Document, tmp_path: Path) -> None:
    fmt = Formatting(body_pt=13, line_spacing=1.2, margin_left_mm=35, first_line_indent_cm=1.0)
    template = Template(build_template(fmt))
    styles = {s.get(f"{W}styleId"): s for s in part(render_bytes(plan, template),
                                                      "word/styles.xml").iter(f"{W}style")}
    body = styles[ROLE_STYLE[Role.PARAGRAPH]]
    assert body.find(f"{W}rPr/{W}sz").get(f"{W}val") == "26"
    assert body.find(f"{W}pPr/{W}spacing").get(f"{W}line") == "288"
    assert body.find(f"{W}pPr/{W}ind").get(f"{W}firstLine") == "567"
    sect = part(render_bytes(plan, template), "word/document.xml").find(f"{W}body/{W}sectPr")
    assert sect.find(f"{W}pgMar").get(f"{W}left") == "1984"  # 35 mm


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vbhc", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=60)


def test_template_command_writes_a_usable_template(tmp_path: Path) -> None:
    out = tmp_path / "office.docx"
    result = run_cli("template", "-o", str(out), "--body-pt", "13", "--line-spacing", "1.3")
    assert result.returncode == 0, result.stderr
    template = Template.from_path(out)
    assert template.look(Role.PARAGRAPH).size_pt == 13
    assert template.look(Role.SUMMARY).size_pt == 14


def test_template_command_refuses_values_outside_the_range(tmp_path: Path) -> None:
    out = tmp_path / "office.docx"
    result = run_cli("template", "-o", str(out), "--body-pt", "12")
    assert result.returncode == 2
    assert "--body-pt" in result.stderr and "13–14 pt" in result.stderr
    assert not out.exists()
