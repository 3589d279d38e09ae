"""Tables scale linearly: a table of 1,000, 2,000 and 4,000 rows read from a spec, laid out, rendered
and checked.

Run: python benchmarks/tables.py [--repeat N]. Prints the median milliseconds of each stage per size
and the ratio to the 1,000-row size; linear time shows as about 2x and 4x.
"""

from __future__ import annotations

import argparse
import statistics
import timeit
from collections.abc import Callable
from typing import Any

from vbhc.check import check
from vbhc.layout import lay_out
from vbhc.readers.spec.reader import structure
from vbhc.writers.docx.writer import render_bytes

SIZES = (1000, 2000, 4000)


def spec(rows: int) -> dict[str, Any]:
    """A báo cáo whose body is one table of ``rows`` rows under two header rows, and a total."""
    return {
        "type": "bao-cao", "issuer": {"name": ["Ủy ban nhân dân", "xã Hoàng Kim"], "abbreviation": "UBND"},
        "place": "Hoàng Kim", "date": "2024-03-05", "number": 12, "summary": "Số liệu thống kê",
        "signatures": {"position": "Chủ tịch", "name": "Lê Quang Thành", "mandates": ["TM. Ủy ban nhân dân"]},
        "body": [{"kind": "table",
                  "header": [[{"text": "STT", "rowspan": 2}, {"text": "Hộ gia đình", "rowspan": 2},
                              {"text": "Kết quả", "colspan": 2}], ["Số người", "Tỷ lệ (%)"]],
                  "rows": [[i, f"Hộ ông Nguyễn Văn {i} thôn {i % 9 + 1}", i * 37, f"{i % 100},5"]
                           for i in range(1, rows + 1)],
                  "total": [{"text": "Tổng cộng", "colspan": 2}, rows * 37, "50,5"]}],
    }


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median milliseconds of ``repeat`` calls (``timeit``), after one warm-up call."""
    fn()
    return statistics.median(timeit.repeat(fn, number=1, repeat=repeat)) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    results: dict[str, list[float]] = {}
    for rows in SIZES:
        data = spec(rows)
        document = structure(data)
        docx = render_bytes(document)
        stages = {"read the spec": lambda data=data: structure(data),
                  "lay out": lambda document=document: lay_out(document),
                  "render to .docx": lambda document=document: render_bytes(document),
                  "vbhc check": lambda docx=docx: check(docx)}
        for name, fn in stages.items():
            results.setdefault(name, []).append(timed(fn, args.repeat))
    print(f"{'stage':<18}" + "".join(f"{n:>14,} rows" for n in SIZES) + "   ratios")
    for name, times in results.items():
        ratios = " ".join(f"{t / times[0]:.2f}" for t in times)
        print(f"{name:<18}" + "".join(f"{t:>16.0f} ms" for t in times) + f"   {ratios}")


if __name__ == "__main__":
    main()
