"""The command line imports only what a command needs (issue 8): ``vbhc render`` never imports the
checker, and ``vbhc --help`` none of the model or the libraries behind it. Each case runs in a fresh
interpreter, which then lists the modules it has loaded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, SEED

PROBE = """
import json, sys
from vbhc.cli import main
try:
    status = main(sys.argv[1:])
except SystemExit as exc:
    status = exc.code
print(json.dumps({"status": status, "modules": sorted(sys.modules)}))
"""


def loaded(*argv: str) -> tuple[int, set[str]]:
    """The exit status of ``vbhc *argv`` and every module it imported, run in a new interpreter."""
    result = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=60)
    assert "Traceback" not in result.stderr, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    return report["status"], set(report["modules"])


def under(modules: set[str], *packages: str) -> set[str]:
    return {m for m in modules if any(m == p or m.startswith(p + ".") for p in packages)}


# The checker and what only it reads. The style resolver (vbhc.ooxml.styles) and the safe package reader
# are shared: the template is read and its styles resolved by them too, so both tools see one look.
CHECKER = ("vbhc.check", "vbhc.recognise", "vbhc.ooxml.resolve", "vbhc.ooxml.numbering", "vbhc.ooxml.drawing")


def test_render_never_imports_the_checker(tmp_path: Path) -> None:
    out = tmp_path / "plan.docx"
    status, modules = loaded("render", str(EXAMPLES / "ke-hoach-hoang-kim.json"), "-o", str(out))
    assert status == 0 and out.is_file()
    assert "vbhc.writers.docx.writer" in modules  # the probe sees what render did import
    assert under(modules, *CHECKER) == set()
    # A batch's rows (CSV, field paths) and the batch itself are read by `vbhc batch` only.
    assert under(modules, "vbhc.readers.spec.rows", "vbhc.batch") == set()


FORM_LIBRARIES = ("docxtpl", "docx", "jinja2", "markupsafe", "vbhc.writers.form.fill",
                  "vbhc.writers.form.sandbox")


def test_render_never_imports_the_form_libraries(tmp_path: Path) -> None:
    """docxtpl, python-docx and Jinja are loaded by ``render --form`` only."""
    plan = str(EXAMPLES / "ke-hoach-hoang-kim.json")
    status, modules = loaded("render", plan, "-o", str(tmp_path / "p.docx"))
    assert status == 0
    assert under(modules, *FORM_LIBRARIES) == set()
    form = Path(__file__).resolve().parents[1] / "forms" / "giay-gioi-thieu.docx"
    status, modules = loaded("render", str(EXAMPLES / "giay-gioi-thieu-hoang-kim.yaml"), "--form", str(form),
                             "-o", str(tmp_path / "f.docx"))
    assert status == 0 and "docxtpl" in modules and "jinja2.sandbox" in modules  # the probe sees them
    assert under(modules, *CHECKER) == set()


@pytest.mark.parametrize("command", ["validate", "new", "schema"])
def test_spec_commands_never_import_the_checker_or_the_writer(command: str) -> None:
    argv = {"validate": ["validate", str(EXAMPLES / "ke-hoach-hoang-kim.json")], "new": ["new", "ke-hoach"],
            "schema": ["schema"]}[command]
    status, modules = loaded(*argv)
    assert status == 0
    assert under(modules, *CHECKER, "vbhc.writers") == set()


def test_a_json_spec_renders_without_pyyaml(tmp_path: Path) -> None:
    out = str(tmp_path / "p.docx")
    status, modules = loaded("render", str(EXAMPLES / "ke-hoach-hoang-kim.json"), "-o", out)
    assert status == 0 and under(modules, "yaml") == set()


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["render", "--help"], ["check", "--help"],
                                  ["batch", "--help"]], ids=" ".join)
def test_help_imports_none_of_the_libraries(argv: list[str]) -> None:
    status, modules = loaded(*argv)
    assert status == 0
    assert under(modules, "lxml", "yaml", "cattrs", "cattr", "attrs", "attr", *FORM_LIBRARIES) == set()
    assert under(modules, "vbhc") <= {"vbhc", "vbhc.cli", "vbhc.cli.check", "vbhc.cli.batch", "vbhc.batch",
                                      "vbhc.cli.serve", "vbhc.errors", "vbhc.fileio", "vbhc.limits"}
    assert under(modules, "multiprocessing.pool") == set()
    assert under(modules, *SERVE) == set()


# The serve extra: only `vbhc serve` and `vbhc mcp` load it.
SERVE = ("vbhc.serve", "starlette", "uvicorn", "jinja2", "mcp", "anyio", "httpx", "pydantic")


@pytest.mark.parametrize("argv", [["render", str(EXAMPLES / "ke-hoach-hoang-kim.json"), "-o", "{out}"],
                                  ["validate", str(EXAMPLES / "ke-hoach-hoang-kim.json")],
                                  ["serve", "--help"], ["mcp", "--help"]], ids=lambda a: a[0])
def test_other_commands_never_import_the_web_app(argv: list[str], tmp_path: Path) -> None:
    status, modules = loaded(*[a.replace("{out}", str(tmp_path / "p.docx")) for a in argv])
    assert status == 0
    assert under(modules, *SERVE) == set()


def test_template_help_lists_every_formatting_option() -> None:
    from vbhc.model.formatting import Formatting

    result = subprocess.run([sys.executable, "-m", "vbhc", "template", "--help"], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0
    for name in Formatting.__attrs_attrs__:  # type: ignore[attr-defined]
        assert "--" + name.name.replace("_", "-") in result.stdout


def test_import_never_imports_the_checker_or_the_docx_writer(tmp_path: Path) -> None:
    out = tmp_path / "plan.yaml"
    profile = EXAMPLES / "profiles" / "xa-hoang-kim.yaml"
    status, modules = loaded("import", str(SEED), "--profile", str(profile), "-o", str(out))
    assert status == 0 and out.is_file()
    assert "vbhc.recognise.components" in modules and "vbhc.writers.spec" in modules
    assert under(modules, "vbhc.check", "vbhc.writers.docx") == set()
