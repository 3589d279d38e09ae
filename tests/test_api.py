"""The public API as a user meets it: ``import vbhc`` is light, and what it exports does what it says."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import vbhc
from tests.conftest import EXAMPLES, make_document
from vbhc import errors
from vbhc.check.report import Report
from vbhc.readers.spec.reader import read

QUANG_PHU = EXAMPLES / "profiles" / "xa-quang-phu.yaml"
TEMPLATE = EXAMPLES / "profiles" / "mau-quang-phu.docx"


FRESH = """
import json, sys, vbhc
light = sorted(m for m in sys.modules if m.startswith("vbhc."))
first = vbhc.check(sys.argv[1]).exit_code  # loads the checker now
loaded = sorted(m for m in sys.modules if m.startswith("vbhc."))
import vbhc.check.fix  # a submodule import binds vbhc.check to the package: it stays callable
print(json.dumps([light, loaded, first, vbhc.check(sys.argv[1]).exit_code]))
"""


def test_importing_vbhc_is_light_and_check_loads_on_first_use(plan_docx: bytes, tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(plan_docx)
    result = subprocess.run([sys.executable, "-c", FRESH, str(path)], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    light, loaded, first, again = json.loads(result.stdout)
    assert light == []  # not even the model: the command line starts without it
    assert "vbhc.check.checks" in loaded and "vbhc.model" in loaded  # the probe sees what is imported
    assert first == again == 0


def test_check_and_report_are_exported(plan_docx: bytes) -> None:
    report = vbhc.check(plan_docx)
    assert isinstance(report, vbhc.Report) and vbhc.Report is Report
    assert report.exit_code == 0
    from vbhc import check

    assert check is vbhc.check and check(plan_docx, name="plan.docx").exit_code == 0
    assert {"check", "Report", "parse_markup"} <= set(dir(vbhc)) and "check" in vbhc.__all__
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        vbhc.nope  # noqa: B018


def test_render_bytes_passes_the_template_through() -> None:
    plan = read(EXAMPLES / "ke-hoach-hoang-kim.yaml", profile=QUANG_PHU)
    assert plan.document is not None and plan.template == TEMPLATE
    from vbhc.writers.docx.template import Template
    from vbhc.writers.docx.writer import render_bytes

    office = vbhc.render_bytes(plan.document, TEMPLATE)
    assert office == vbhc.render_bytes(plan.document, template=str(TEMPLATE))
    assert office == render_bytes(plan.document, Template.from_path(TEMPLATE))
    assert office != vbhc.render_bytes(plan.document)


def test_render_bytes_refuses_a_template_that_is_not_one() -> None:
    with pytest.raises(errors.TemplateError):
        vbhc.render_bytes(make_document(), EXAMPLES / "ke-hoach-hoang-kim.yaml")


def test_every_error_vbhc_raises_lives_in_errors() -> None:
    from vbhc.ooxml.package import DocxReadError
    from vbhc.readers.spec.starters import StarterError, starter

    assert DocxReadError is errors.DocxReadError and StarterError is errors.StarterError
    assert issubclass(errors.DocxReadError, errors.VbhcError)
    assert issubclass(errors.StarterError, errors.VbhcError)
    with pytest.raises(errors.StarterError):
        starter("không có")
    with pytest.raises(errors.DocxReadError):
        vbhc.check(b"not a zip")
