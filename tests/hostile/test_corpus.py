"""Every hostile input gets a clean answer: the right exit status, one-line errors, no traceback, bounded
time and memory, and no file left behind.

Each case runs ``vbhc`` in a subprocess under a 1.5 GiB address-space limit and a time limit (a hang or
a blow-up fails the case instead of the machine); a case that simulates a full disk also limits the
size of any file the process writes (RLIMIT_FSIZE, with SIGXFSZ ignored so the write fails with EFBIG).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.corpus import Case, cases

MEMORY_LIMIT = 1536 * 1024 * 1024

RUNNER = """
import resource, signal, sys
resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
fsize = {fsize}
if fsize is not None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
from vbhc.cli import main
sys.exit(main(sys.argv[1:]))
"""

CASES = cases()


def listing(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def run(case: Case, folder: Path) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Build the case's inputs in ``folder``, run vbhc on them; the result and the inputs' names."""
    argv = case.build(folder)
    inputs = listing(folder)
    code = RUNNER.format(memory=MEMORY_LIMIT, fsize=case.fsize_limit)
    try:
        result = subprocess.run([sys.executable, "-c", code, *argv], cwd=folder, capture_output=True,
                                text=True, timeout=case.timeout, env={**os.environ, **case.env},
                                stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{case.name}: still running after {case.timeout} s")
    return result, inputs


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input(case: Case, tmp_path: Path) -> None:
    folder = tmp_path / "work"
    folder.mkdir()
    result, inputs = run(case, folder)
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode in case.exits, (result.returncode, result.stderr[-2000:])
    created = listing(folder) - inputs
    if result.returncode == 2:
        lines = result.stderr.strip().splitlines()
        assert lines and all(line.startswith("vbhc") for line in lines), result.stderr[-2000:]
        assert len(lines) <= 5, lines  # one line a problem, not a dump
        if case.error:
            assert case.error in result.stderr, result.stderr
        assert not created, created  # nothing written, no temporary file left
    else:
        assert created <= set(case.outputs), created
        if case.inspect:
            case.inspect(folder)


def test_every_case_has_a_unique_name() -> None:
    names = [c.name for c in CASES]
    assert len(names) == len(set(names)) and len(names) > 50
