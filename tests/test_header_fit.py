"""A cơ quan chủ quản or ban hành line too long for the header's left column is a warning, with its field
path and both widths: from `vbhc validate` and `vbhc render` (the spec), and from `vbhc check` (the file)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from vbhc.check import check
from vbhc.cli import main
from vbhc.model.formatting import Formatting
from vbhc.pipeline import read
from vbhc.writers.docx.template import build_template
from vbhc.writers.docx.writer import render_bytes

SPEC = """\
type: ke-hoach
issuer:
  parent: [Ủy ban nhân dân huyện Hoàng Hóa]
  name: [Ủy ban nhân dân, xã Hoàng Kim Tây Bắc Trung]
  abbreviation: UBND
place: Hoàng Kim
date: 2024-03-05
summary: Tóm tắt
body: Nội dung.
signatures: [{position: Chủ tịch, name: Lê Văn A}]
"""
FITS = SPEC.replace("[Ủy ban nhân dân huyện Hoàng Hóa]", "[Ủy ban nhân dân, huyện Hoàng Hóa]").replace(
    "xã Hoàng Kim Tây Bắc Trung", "xã Hoàng Kim")
WIDTHS = re.compile(r"(\d+\.\d+) cm of text in a (\d+\.\d+) cm")


def _spec(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _fit(result: object) -> list:
    return [d for d in result.warnings if WIDTHS.search(d.message)]  # type: ignore[attr-defined]


def test_lines_that_fit_give_no_warning(tmp_path: Path) -> None:
    assert _fit(read(_spec(tmp_path, FITS))) == []
    for example in (EXAMPLES / "ke-hoach-hoang-kim.yaml", EXAMPLES / "ke_hoach_hoang_kim.py"):
        assert _fit(read(example)) == []


def test_each_line_too_wide_is_named_at_its_line_with_its_widths(tmp_path: Path) -> None:
    spec = _spec(tmp_path, SPEC)
    found = _fit(read(spec))
    assert [(d.path, d.source, d.line) for d in found] == [("issuer.parent[0]", str(spec), 3),
                                                             ("issuer.name[1]", str(spec), 4)]
    for d in found:
        text_cm, column_cm = map(float, WIDTHS.search(d.message).groups())
        assert text_cm > column_cm == pytest.approx(6.6, abs=0.01)


def test_the_template_in_use_measures(tmp_path: Path) -> None:
    """At 13 pt (an office's template) the parent body's line is wider than at the built-in 12 pt."""
    spec, template = _spec(tmp_path, SPEC), tmp_path / "office.docx"
    template.write_bytes(build_template(Formatting(issuer_pt=13)))
    built_in = {d.path: WIDTHS.search(d.message).group(1) for d in _fit(read(spec))}
    office = {d.path: WIDTHS.search(d.message).group(1) for d in _fit(read(spec, template=template))}
    assert float(office["issuer.parent[0]"]) > float(built_in["issuer.parent[0]"])


def test_the_checker_finds_the_same_lines_in_the_rendered_file(tmp_path: Path) -> None:
    result = read(_spec(tmp_path, SPEC))
    spec_side = {d.path.split(".")[1].split("[")[0]: WIDTHS.search(d.message).groups() for d in _fit(result)}
    report = check(render_bytes(result.document))
    file_side = {f.rule.id: f for f in report.findings if f.rule.id.endswith(".fits")}
    assert set(file_side) == {"parent-body.fits", "issuer.fits"}
    assert [ref.text for ref in file_side["issuer.fits"].paragraphs] == ["XÃ HOÀNG KIM TÂY BẮC TRUNG"]
    for rule_id, field in (("parent-body.fits", "parent"), ("issuer.fits", "name")):
        measured = WIDTHS.search(file_side[rule_id].found).groups()
        assert [float(x) for x in measured] == pytest.approx([float(x) for x in spec_side[field]], abs=0.01)


@pytest.mark.parametrize("command", ["validate", "render"])
def test_the_cli_warns_at_the_spec_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        command: str) -> None:
    spec = _spec(tmp_path, SPEC)
    assert main([command, str(spec)]) == 0
    err = capsys.readouterr().err
    assert re.search(rf"vbhc: warning: {re.escape(str(spec))}:3: issuer\.parent\[0\]: {WIDTHS.pattern}", err)
    assert re.search(rf"vbhc: warning: {re.escape(str(spec))}:4: issuer\.name\[1\]: {WIDTHS.pattern}", err)
