"""Measure the command line's cold start: ``vbhc --help`` and ``vbhc render`` of the bundled plan.

Run: python scripts/startup.py [--repeat N]. Each run is a new ``python -m vbhc`` process (bytecode
already compiled), so the figures include the interpreter's own start-up, printed first for scale.
Prints the median wall-clock and CPU (user + system) milliseconds of each, for the README's "Speed"
section; on a busy machine the CPU time is the steadier of the two.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "examples" / "ke-hoach-hoang-kim.json"


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], repeat: int) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds of ``repeat`` runs of ``command``, after a warm-up run."""
    subprocess.run(command, check=True, capture_output=True)
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), _cpu()
        subprocess.run(command, check=True, capture_output=True)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((_cpu() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        output = str(Path(folder) / "plan.docx")
        commands = {
            "python -c pass (the interpreter alone)": [sys.executable, "-c", "pass"],
            "vbhc --help": [sys.executable, "-m", "vbhc", "--help"],
            "vbhc render examples/ke-hoach-hoang-kim.json": [sys.executable, "-m", "vbhc", "render",
                                                             str(SPEC), "-o", output],
        }
        print("| command | wall ms | CPU ms |\n|---|---|---|")
        for name, command in commands.items():
            wall, cpu = timed(command, args.repeat)
            print(f"| {name} | {wall:.0f} | {cpu:.0f} |")


if __name__ == "__main__":
    main()
