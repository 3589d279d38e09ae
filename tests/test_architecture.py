"""The house's import direction, read from the source: a package imports only the layers below it.

nd30 (the decree as data) imports nothing of vbhc; model only nd30; layout builds on model; ooxml knows
WordprocessingML and nothing of the document model; readers, writers and check never import each other;
recognise never imports writers. ``errors``, ``fileio``, ``diagnostics``, ``limits`` and
``libreoffice`` (which runs soffice on bytes) are the base every layer may use (the model only
``errors`` and ``limits``). ``pipeline`` sits above readers, writers and check (a template is accepted
when what it renders passes the checker). The CLI and the package's
``__init__`` sit on top and may import anything (lazily); ``serve`` (the web app, the HTTP API, the MCP
server) sits above the pipeline, and nothing but the CLI imports it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "vbhc"

BASE = {"errors", "fileio", "diagnostics", "limits", "libreoffice"}
ALLOWED: dict[str, set[str]] = {
    "nd30": set(),
    "errors": set(),
    "fileio": {"errors", "limits"},
    "limits": set(),
    "libreoffice": {"errors", "fileio", "limits"},
    "diagnostics": {"errors"},
    "model": {"nd30", "errors", "limits"},
    "layout": {"nd30", "model"} | BASE,
    "ooxml": {"nd30"} | BASE,
    "recognise": {"nd30", "model", "layout", "ooxml"} | BASE,
    "readers": {"nd30", "model", "ooxml", "recognise"} | BASE,
    "writers": {"nd30", "model", "layout", "ooxml"} | BASE,
    "check": {"nd30", "model", "layout", "ooxml", "recognise"} | BASE,
    # Above readers, writers and check: a template is accepted when what it renders passes the checker.
    "pipeline": {"nd30", "model", "layout", "ooxml", "recognise", "readers", "writers", "check"} | BASE,
    # vbhc batch: rows read and rendered through the pipeline in worker processes.
    "batch": {"nd30", "model", "layout", "ooxml", "recognise", "readers", "writers", "check",
              "pipeline"} | BASE,
    # The web app, the HTTP API and the MCP server: above the pipeline, beside the CLI.
    "serve": {"nd30", "model", "layout", "ooxml", "recognise", "readers", "writers", "check",
              "pipeline"} | BASE,
}
TOP = {"cli", "__init__", "__main__"}  # may import anything

# Crossings the house issue removes; each entry here is a defect, not a permission.
KNOWN_CROSSINGS: set[tuple[str, str]] = set()


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports(path: Path) -> set[str]:
    """Every vbhc module a file imports, at any depth (function-level imports count too)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "vbhc":
                out.update(f"vbhc.{a.name}" for a in node.names)
            elif node.module.startswith("vbhc."):
                out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("vbhc."))
    return out


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def crossings() -> set[tuple[str, str]]:
    out = set()
    for name, path in modules().items():
        here = layer(name)
        if here in TOP or name.endswith(".__main__"):  # launchers, like the CLI
            continue
        assert here in ALLOWED, f"{name}: a new top-level package needs a row in ALLOWED"
        for target in imports(path):
            there = layer(target)
            if there != here and there not in ALLOWED[here]:
                out.add((name, there))
    return out


def test_every_package_imports_only_the_layers_below_it() -> None:
    assert crossings() - KNOWN_CROSSINGS == set()


def test_known_crossings_are_still_crossings() -> None:
    """An entry that no longer crosses is removed from KNOWN_CROSSINGS, so the list only shrinks."""
    assert KNOWN_CROSSINGS - crossings() == set()


def test_nd30_imports_nothing_of_vbhc_but_itself() -> None:
    for name, path in modules().items():
        if layer(name) == "nd30":
            assert {layer(t) for t in imports(path)} <= {"nd30"}, name


def writer(module: str) -> str | None:
    """The writer a module belongs to (``vbhc.writers.form.fill`` -> ``form``), or None."""
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "writers" else None


def test_writers_never_import_each_other() -> None:
    """The DOCX writer, the form writer (an office's own Word form filled through docxtpl) and the others
    each build on the layers below, never on another writer."""
    for name, path in modules().items():
        here = writer(name)
        if here is not None:
            assert {writer(t) for t in imports(path)} <= {here, None}, name


@pytest.mark.parametrize("package", ["nd30", "model", "layout", "ooxml", "readers", "recognise", "writers",
                                     "check", "cli", "serve", "readers/docx", "writers/spec", "writers/docx",
                                     "writers/form"])
def test_each_package_says_what_it_owns(package: str) -> None:
    doc = ast.get_docstring(ast.parse((PACKAGE / package / "__init__.py").read_text(encoding="utf-8")))
    assert doc and len(doc) > 80, f"vbhc/{package}/__init__.py: say what it owns and must not import"


def test_the_import_reader_and_the_spec_writer_stay_in_their_layers() -> None:
    """``vbhc import``: the reader (readers/docx) builds on the recogniser and the spec reader, never on the
    layout, the writers or the checker; the spec writer (writers/spec) is handed plain data and imports
    nothing of vbhc's readers, recogniser or checker. The pipeline joins them."""
    for name, path in modules().items():
        if name.startswith("vbhc.readers.docx"):
            allowed = {"nd30", "model", "ooxml", "recognise", "readers"} | BASE
            assert {layer(t) for t in imports(path)} <= allowed, name
        if name.startswith("vbhc.writers.spec"):
            assert {layer(t) for t in imports(path)} <= {"writers"} | BASE, name


def test_the_scan_sees_a_crossing(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    from vbhc.writers.docx.writer import render\nfrom vbhc import check\n")
    assert imports(probe) == {"vbhc.writers.docx.writer", "vbhc.check"}
    assert "writers" not in ALLOWED["readers"] and "check" not in ALLOWED["writers"]


def test_the_pdf_writer_only_converts_bytes() -> None:
    """vbhc/writers/pdf/ turns .docx bytes into PDF and PNG through LibreOffice: it reads nothing of the
    document but its core properties, so it imports only the base (never the model or the docx writer)."""
    found = {t for name, path in modules().items() if name.startswith("vbhc.writers.pdf")
             for t in imports(path)}
    assert found and {layer(t) for t in found} <= {"errors", "fileio", "limits", "libreoffice"}, found


def test_nothing_below_the_cli_imports_serve() -> None:
    for name, path in modules().items():
        if layer(name) not in ("serve", "cli"):
            assert "serve" not in {layer(t) for t in imports(path)}, name
