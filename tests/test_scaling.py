"""Inputs that grow are read in bounded time and memory, with a report or a one-line error (issue 9).

Each command runs in a subprocess with a time-out and an address-space limit, and must finish without
a traceback. The sizes keep each test to a few seconds while the code these tests replaced took
minutes on them (its figures are beside each test); ``benchmarks/scaling.py`` measures the growth at
1×, 2× and 4× the sizes of the issue. The inputs are built by :mod:`tests.scaling_inputs`.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.scaling_inputs import (
    continuation_lines,
    many_paragraphs_docx,
    numbering_start_docx,
    outline_items,
    spec_json,
)
from vbhc.check.checks.core import Context
from vbhc.ooxml.resolve import read_document
from vbhc.recognise.components import recognise

MEMORY_BYTES = 2 * 1024**3
TIMEOUT_S = 60  # generous for a loaded CI machine; each case takes a few seconds


def vbhc(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI with at most MEMORY_BYTES of address space and TIMEOUT_S seconds."""

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))

    result = subprocess.run([sys.executable, "-m", "vbhc", *args], capture_output=True, text=True,
                            timeout=TIMEOUT_S, preexec_fn=limit_memory)
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    return result


@pytest.mark.parametrize("fmt", ["lowerLetter", "upperRoman"])
def test_a_word_list_numbered_from_two_billion_is_a_finding(tmp_path: Path, fmt: str) -> None:
    """Before: lowerLetter built 77-million-letter labels (54 s, then MemoryError), upperRoman took 22 s."""
    path = tmp_path / "start.docx"
    path.write_bytes(numbering_start_docx(fmt, 2_000_000_000))
    result = vbhc("check", str(path))
    assert result.returncode == 1
    assert "found a Word list numbered 2,000,000,000" in result.stdout
    assert "expected numbers up to 9,999, more than any document needs" in result.stdout


def test_vbhc_check_reads_many_short_paragraphs(tmp_path: Path) -> None:
    """10,000 paragraphs, each in several merged findings (a few seconds; 200,000 in the benchmark)."""
    path = tmp_path / "many.docx"
    path.write_bytes(many_paragraphs_docx(10_000))
    result = vbhc("check", str(path))
    assert result.returncode == 1
    assert "and 10006 more" in result.stdout  # every paragraph is in the font.family finding


def test_a_finding_gathers_200000_paragraphs_in_linear_time() -> None:
    """Before: each merge copied the finding's tuple of paragraphs (200,000 merges: > 300 s)."""
    doc = read_document(many_paragraphs_docx(1))
    ctx = Context(doc, recognise(doc))
    paragraph = doc.paragraphs[0]
    start = time.perf_counter()
    for _ in range(200_000):
        ctx.add("font.family", "Arial", [paragraph])
    (finding,) = ctx.report("many").findings
    assert len(finding.paragraphs) == 200_000
    assert time.perf_counter() - start < 10


def test_validate_reads_50000_outline_items(tmp_path: Path) -> None:
    """Before: 10,000 items took 4.4 s and 50,000 about two minutes (quadratic); now a few seconds."""
    spec = tmp_path / "items.json"
    spec.write_text(spec_json(outline_items(50_000)), encoding="utf-8")
    result = vbhc("validate", str(spec))
    assert result.returncode == 0 and result.stdout.strip() == f"{spec}: valid"


@pytest.mark.parametrize(("per_paragraph", "status"), [(0, 2), (10_000, 0)])
def test_validate_reads_one_and_a_half_million_continuation_lines(tmp_path: Path, per_paragraph: int,
                                                                  status: int) -> None:
    """Before: more than 300 s (each line copied the paragraph's text so far). As one paragraph they
    are refused in one line, as 150 paragraphs of 10,000 lines the spec is valid."""
    spec = tmp_path / "long.json"
    spec.write_text(spec_json(continuation_lines(1_500_000, per_paragraph)), encoding="utf-8")
    result = vbhc("validate", str(spec))
    assert result.returncode == status
    if status:
        assert result.stderr == (f"vbhc: error: {spec}:1: body[0].text: expected text of at most 50,000 "
                                 "characters; found 3,000,006 (line 1 of the text)\n")
    else:
        assert result.stdout.strip() == f"{spec}: valid"


def test_vbhc_import_reads_a_long_document_with_many_tables(tmp_path: Path) -> None:
    """2,000 body lines and 100 tables: the import reader groups the tables' paragraphs once (a scan of
    every paragraph per table was quadratic) and joins each paragraph's characters once."""
    from tests.conftest import make_document
    from vbhc import model as m
    from vbhc.writers.docx.writer import render_bytes

    body = [m.Part("Nội dung", [m.Item(title="Các việc", children=[
        m.Dash(f"Việc số {i} của kế hoạch.") for i in range(2_000)])])]
    body += [m.Table([["1", f"Thôn {i}", "12"]], header=[["STT", "Thôn", "Số"]]) for i in range(100)]
    source = tmp_path / "long.docx"
    source.write_bytes(render_bytes(make_document(body=body)))
    started = time.perf_counter()
    result = vbhc("import", str(source), "-o", str(tmp_path / "long.yaml"))
    assert result.returncode == 0, result.stderr[-2000:]
    assert time.perf_counter() - started < TIMEOUT_S
    assert (tmp_path / "long.yaml").read_text(encoding="utf-8").count("kind: table") == 100
