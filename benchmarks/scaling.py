"""How vbhc's time grows with its input: check, the outline reader (validate) and render at 1×, 2×, 4×.

Run: python benchmarks/scaling.py [--scale F] [--repeat N]. Prints, for each stage and size, the best
CPU seconds of N runs (3), the time per unit of input and the ratio to the 1× time: linear growth shows as
ratios near 2 and 4 (quadratic code would show 4 and 16). ``--scale 0.1`` runs a quick pass. The
inputs are those of the hostile-input tests (tests/scaling_inputs.py); at the default scale the 4×
sizes are issue 9's: 200,000 paragraphs and 1,500,000 continuation lines (in paragraphs of 10,000
lines), and 160,000 outline items (200,000 make a document over the model's 25 MB of Word XML, which
`vbhc validate` refuses in one line).
"""

from __future__ import annotations

import argparse
import gc
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for tests.scaling_inputs, when run from a checkout

from tests.scaling_inputs import (  # noqa: E402
    continuation_lines,
    many_paragraphs_docx,
    outline_items,
    spec_json,
)
from vbhc.check import check  # noqa: E402
from vbhc.readers.spec.reader import Validation, read  # noqa: E402
from vbhc.writers.docx.writer import render_bytes  # noqa: E402


def seconds(fn: Callable[[], object], repeat: int) -> float:
    """CPU seconds of the best of ``repeat`` runs (CPU time: other work on the machine does not count)."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def validate(folder: Path, body: str) -> Callable[[], Validation]:
    """The reading of a spec whose body is ``body``, as `vbhc validate` does it (file written first)."""
    path = folder / "spec.json"
    path.write_text(spec_json(body), encoding="utf-8")

    def run() -> Validation:
        result = read(path)
        assert result.document is not None, result.errors[:3]
        return result

    return run


def rendering(folder: Path, items: int) -> Callable[[], object]:
    """Rendering a document of ``items`` khoản (read from outline text beforehand)."""
    document = validate(folder, outline_items(items))().document
    assert document is not None
    return lambda: render_bytes(document)


def checking(items: int) -> Callable[[], object]:
    """`vbhc check` of a .docx of ``items`` short paragraphs (read, resolve, recognise, every rule)."""
    data = many_paragraphs_docx(items)
    return lambda: check(data)


STAGES: dict[str, tuple[int, str, Callable[[Path, int], Callable[[], object]]]] = {
    "check": (50_000, "paragraphs", lambda folder, n: checking(n)),
    "validate items": (40_000, "outline items", lambda folder, n: validate(folder, outline_items(n))),
    "validate lines": (375_000, "continuation lines",
                       lambda folder, n: validate(folder, continuation_lines(n, per_paragraph=10_000))),
    "render": (10_000, "khoản", rendering),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size (0.1: a quick pass)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each size; the best counts")
    args = parser.parse_args()
    print(f"python {platform.python_version()} on {platform.machine()}, best of {args.repeat}")
    print(f"{'stage':<16} {'size':>10} {'unit':<19} {'CPU s':>8} {'µs/unit':>8} {'× 1×':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for stage, (size, unit, make) in STAGES.items():
            first = 0.0
            for factor in (1, 2, 4):
                n = max(1, round(size * args.scale * factor))
                took = seconds(make(folder, n), args.repeat)
                first = first or took
                print(f"{stage:<16} {n:>10,} {unit:<19} {took:>8.2f} {took / n * 1e6:>8.1f} "
                      f"{took / first:>6.1f}", flush=True)


if __name__ == "__main__":
    main()
