"""The suite runs in any clone: nothing under tests/ reads outside the repository.

A user's clone has no shared folder beside it and may be named anything, so a test that names the
project's shared folder or climbs above the repository root passes here and fails for them.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"

SHARED_NAME = "sha" + "red"  # spelt so that this file does not itself name the folder it forbids

# What reaches outside: the shared folder by name, the root's parent, or a climb past tests/'s depth.
OUTSIDE = [
    (re.compile(r"""["'/\\]shared["'/\\]|\bSHARED\b"""), "names the shared folder"),
    (re.compile(r"\bROOT\.parent\b|\.parents\[(\d+)\]\.parent"), "goes to the repository's parent"),
    (re.compile(r"""["']main/"""), "assumes the checkout folder is named main"),
]


def _parents_index_escapes(path: Path, line: str) -> bool:
    """`Path(__file__).resolve().parents[N]` above the repository root."""
    depth = len(path.relative_to(ROOT).parts) - 1  # parents[depth] is the root
    return any(int(n) > depth for n in re.findall(r"__file__\)\.resolve\(\)\.parents\[(\d+)\]", line))


def offences(path: Path) -> list[str]:
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for pattern, why in OUTSIDE:
            if pattern.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {why}: {line.strip()}")
        if _parents_index_escapes(path, line):
            found.append(f"{path.relative_to(ROOT)}:{number}: climbs above the repository root")
    return found


def test_no_test_file_reaches_outside_the_repository() -> None:
    files = [p for p in TESTS.rglob("*.py") if p.resolve() != Path(__file__).resolve()]
    assert len(files) > 20
    assert [o for p in sorted(files) for o in offences(p)] == []


def test_the_guard_sees_each_way_out(tmp_path: Path) -> None:
    deep = TESTS / "check" / "probe.py"  # never written: offences() only needs a path under tests/
    lines = {
        f'SEED = ROOT.parent / "{SHARED_NAME}" / "seeds" / "x.txt"': 2,
        "cwd=ROOT.parent": 1,
        'spec = "main/examples/a.yaml"': 1,
        "HERE = Path(__file__).resolve().parents[2].parent": 1,
        "HERE = Path(__file__).resolve().parents[3]": 1,
        "HERE = Path(__file__).resolve().parents[2]": 0,  # tests/check/x.py -> the root itself
    }
    for line, expected in lines.items():
        probe = tmp_path / "probe.py"
        probe.write_text(line + "\n", encoding="utf-8")
        text = probe.read_text(encoding="utf-8")
        count = sum(bool(p.search(text)) for p, _ in OUTSIDE) + _parents_index_escapes(deep, text)
        assert count == expected, line


def test_the_seed_is_in_the_repository() -> None:
    from tests.conftest import SEED

    assert SEED.is_relative_to(ROOT) and "KẾ HOẠCH" in SEED.read_text(encoding="utf-8")
