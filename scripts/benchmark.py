"""Measure rendering speed: the bundled plan, and a large synthetic plan, rendered many times.

Run: python scripts/benchmark.py [--repeat N]. Prints milliseconds per document for each stage
(load the JSON spec, lay out, write the .docx, check it) so the README's figures can be refreshed.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import attrs

from vbhc.check import check
from vbhc.layout import lay_out
from vbhc.model import Dash, Document, Item, Part
from vbhc.readers.spec.reader import load
from vbhc.writers.docx.writer import render_bytes

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "examples" / "ke-hoach-hoang-kim.json"


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median milliseconds of ``repeat`` calls, after one warm-up call."""
    fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def large(document: Document, parts: int = 40) -> Document:
    """129 pages in LibreOffice: 40 parts of 8 items with 4 dashes each."""
    text = document.preamble[0].text  # each dash says which it is: text repeated alone is refused as a bomb
    body = [Part(f"Phần {p}", [Item(title=f"Mục {i}", children=[Dash(f"{text} ({p}.{i}.{d})")
                                                                 for d in range(4)])
                               for i in range(8)]) for p in range(parts)]
    return attrs.evolve(document, body=body)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    plan = load(SPEC)
    big = large(plan)
    plan_docx = render_bytes(plan)
    print(f"python {platform.python_version()} on {platform.machine()}, median of {args.repeat}")
    rows = [
        ("load JSON spec (plan)", lambda: load(SPEC)),
        ("lay out (plan)", lambda: lay_out(plan)),
        ("render .docx (plan, 8 pages)", lambda: render_bytes(plan)),
        ("render .docx (large, 129 pages)", lambda: render_bytes(big)),
        ("vbhc check the rendered plan", lambda: check(plan_docx)),
    ]
    for name, fn in rows:
        ms = timed(fn, args.repeat)
        print(f"{name:36s} {ms:8.2f} ms   {1000 / ms:8.0f} per second")


if __name__ == "__main__":
    main()
