"""vbhc's speed in one run, against a docxtpl template and a python-docx script for the same plan.

Run: ``pip install '.[bench]' && python benchmarks/bench.py`` (``--quick`` for fewer repeats and a
smaller batch). Prints a Markdown table for README › Speed with the date, the machine and:

(a) the Hoàng Kim plan in a warm process: spec read, validated and rendered to .docx bytes, median;
(b) 1,000 varied communes through ``vbhc batch`` (every core), wall-clock seconds;
(c) cold ``vbhc --help`` and cold ``vbhc render`` of the plan, new processes, median;
(d) the batch's peak memory: all its processes together (sampled), and the largest one;
(e) the same plan by benchmarks/docxtpl_plan.py and benchmarks/python_docx_plan.py, warm and cold,
    as ratios to vbhc;
(f) a 5,000-paragraph document and a 2,000-row table at 1x, 2x and 4x: time per unit stays flat.

A script, not a test: the figures depend on the machine and its load. Bytecode is compiled first
(``compileall``), as ``pip install`` does, so cold starts are an installed vbhc's.
"""

from __future__ import annotations

import argparse
import compileall
import csv
import datetime
import io
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
PLAN_JSON = ROOT / "examples" / "ke-hoach-hoang-kim.json"
PLAN_YAML = ROOT / "examples" / "ke-hoach-hoang-kim.yaml"
sys.path.insert(0, str(ROOT))
from scripts.benchmark import timed  # noqa: E402 (the repository's root is on the path from here)

STEMS = ["Hoàng Kim", "Quảng Phú", "Hoằng Đạo", "Đông Sơn", "Thiệu Hóa", "Yên Định", "Nga Sơn", "Ứng Hòe",
         "Xuân Lộc", "Tĩnh Gia", "Cẩm Thủy", "Bá Thước", "Mường Lát", "Như Xuân", "Ngọc Lặc"]
SIGNERS = ["Lê Quang Thành", "Nguyễn Thị Hồng", "Trần Văn Đức", "Phạm Thị Ánh", "Đỗ Minh Khôi"]


# One timer for both benchmark scripts: median milliseconds of ``repeat`` calls after a warm-up call.
median_ms = timed


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cold(commands: dict[str, list[str]], repeat: int) -> dict[str, tuple[float, float]]:
    """Median wall-clock and CPU milliseconds of each command in new processes, the commands taken in
    turn so that the machine's load falls on all of them alike."""
    wall: dict[str, list[float]] = {k: [] for k in commands}
    cpu: dict[str, list[float]] = {k: [] for k in commands}
    for command in commands.values():
        subprocess.run(command, check=True, capture_output=True)
    for _ in range(repeat):
        for name, command in commands.items():
            start, start_cpu = time.perf_counter(), _children_cpu()
            subprocess.run(command, check=True, capture_output=True)
            wall[name].append((time.perf_counter() - start) * 1000)
            cpu[name].append((_children_cpu() - start_cpu) * 1000)
    return {k: (statistics.median(wall[k]), statistics.median(cpu[k])) for k in commands}


def _tree_rss_kb(root: int) -> int:
    """The resident memory of ``root`` and all its descendants (Linux /proc), in kB."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    return sum(rss.get(p, 0) for p in tree)


def batch(rows: int, folder: Path) -> dict[str, float]:
    """``vbhc batch`` over ``rows`` varied communes: seconds, and peak memory in MB."""
    data = folder / "communes.csv"
    with data.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["place", "issuer.name.1", "signatures.0.name", "number", "date"])
        for i in range(rows):
            place = f"{STEMS[i % len(STEMS)]} {i // len(STEMS) + 1}"
            out.writerow([place, f"xã {place}", SIGNERS[i % len(SIGNERS)], i + 1,
                          f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"])
    command = [sys.executable, "-m", "vbhc", "batch", str(PLAN_YAML), str(data), "-o", str(folder / "out")]
    peak = [0]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], _tree_rss_kb(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, err = process.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"vbhc batch failed: {err.decode()}")
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": seconds, "peak_mb": peak[0] / 1024, "largest_mb": largest,
            "files": len(list((folder / "out").glob("*.docx")))}


def warm(repeat: int, context_path: Path, template: Path) -> dict[str, float]:
    import vbhc
    from benchmarks.docxtpl_plan import render as docxtpl_render
    from benchmarks.python_docx_plan import build as python_docx_build

    context = json.loads(context_path.read_text(encoding="utf-8"))

    def vbhc_plan() -> bytes:
        return vbhc.render_bytes(vbhc.load(PLAN_JSON))

    def docxtpl_plan() -> None:
        docxtpl_render(context_path, template, io.BytesIO())

    def python_docx_plan() -> None:
        python_docx_build(context, io.BytesIO())

    document = vbhc.load(PLAN_JSON)
    return {"vbhc": median_ms(vbhc_plan, repeat),
            "vbhc render only": median_ms(lambda: vbhc.render_bytes(document), repeat),
            "docxtpl": median_ms(docxtpl_plan, repeat), "python-docx": median_ms(python_docx_plan, repeat)}


def growth(repeat: int) -> list[tuple[str, int, float]]:
    """Render time of a long document and a long table at 1x, 2x, 4x (best of ``repeat``)."""
    from benchmarks.tables import spec as table_spec
    from vbhc.model import Document, IssueDate, Issuer, Paragraph, Signature
    from vbhc.readers.spec.reader import structure
    from vbhc.writers.docx.writer import render_bytes

    def paragraphs(n: int) -> Document:
        return Document(type="ke-hoach", issuer=Issuer(name=["Ủy ban nhân dân", "xã Hoàng Kim"],
                                                       abbreviation="UBND"),
                        place="Hoàng Kim", date=IssueDate(2024, 3, 5), summary="Tóm tắt",
                        body=[Paragraph(f"Đoạn văn số {i}: nội dung triển khai kế hoạch.") for i in range(n)],
                        signatures=Signature(position="Chủ tịch", name="Lê Quang Thành"))

    out = []
    for label, unit, make in (("paragraphs", 5000, paragraphs),
                              ("table rows", 2000, lambda n: structure(table_spec(n)))):
        for factor in (1, 2, 4):
            document = make(unit * factor)
            best = min(timeit_once(lambda d=document: render_bytes(d)) for _ in range(repeat))
            out.append((label, unit * factor, best))
    return out


def timeit_once(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}; "
            f"load average {load:.1f} at the start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, 200 communes")
    args = parser.parse_args()
    repeat, cold_repeat, rows = (5, 3, 200) if args.quick else (30, 11, 1000)
    compileall.compile_dir(str(ROOT / "vbhc"), quiet=1)
    compileall.compile_dir(str(BENCH), quiet=1)
    print(f"vbhc benchmark, {datetime.date.today().isoformat()}: {machine()}\n")
    with tempfile.TemporaryDirectory(prefix="vbhc-bench-") as name:
        folder = Path(name)
        context, template = folder / "context.json", folder / "template.docx"
        subprocess.run([sys.executable, str(BENCH / "plan_context.py"), str(context)], check=True)
        subprocess.run([sys.executable, str(BENCH / "docxtpl_plan.py"), "--template", str(template)],
                       check=True)

        w = warm(repeat, context, template)
        c = cold({
            "python -c pass": [sys.executable, "-c", "pass"],
            "vbhc --help": [sys.executable, "-m", "vbhc", "--help"],
            "vbhc render plan.json": [sys.executable, "-m", "vbhc", "render", str(PLAN_JSON), "-o",
                                      str(folder / "plan.docx")],
            "docxtpl script": [sys.executable, str(BENCH / "docxtpl_plan.py"), str(context), str(template),
                               str(folder / "docxtpl.docx")],
            "python-docx script": [sys.executable, str(BENCH / "python_docx_plan.py"), str(context),
                                   str(folder / "python-docx.docx")],
        }, cold_repeat)
        b = batch(rows, folder)
        g = growth(3 if args.quick else 5)

    print("| measure | figure | target |\n|---|---|---|")
    print(f"| (a) the plan, warm: read + validate + render (median of {repeat}) | {w['vbhc']:.1f} ms "
          f"(render alone {w['vbhc render only']:.1f} ms) | ≤ 10 ms |")
    print(f"| (b) {rows:,} communes through `vbhc batch` ({os.cpu_count()} cores) | {b['seconds']:.1f} s "
          f"({b['files']} files) | ≤ 10 s |")
    for name in ("python -c pass", "vbhc --help", "vbhc render plan.json", "docxtpl script",
                 "python-docx script"):
        wall, cpu = c[name]
        target = {"vbhc --help": "≤ 150 ms", "vbhc render plan.json": "≤ docxtpl script"}.get(name, "")
        print(f"| (c) cold `{name}` (median of {cold_repeat}) | {wall:.0f} ms wall, {cpu:.0f} ms CPU "
              f"| {target} |")
    print(f"| (d) peak memory of the batch, all processes / largest one | {b['peak_mb']:.0f} MB / "
          f"{b['largest_mb']:.0f} MB | ≤ 150 MB |")
    print(f"| (e) docxtpl / vbhc, warm | {w['docxtpl'] / w['vbhc']:.1f}× ({w['docxtpl']:.1f} ms) | ≥ 3× |")
    print(f"| (e) python-docx / vbhc, warm | {w['python-docx'] / w['vbhc']:.1f}× "
          f"({w['python-docx']:.1f} ms) | |")
    print(f"| (e) docxtpl / vbhc, cold (CPU) | "
          f"{c['docxtpl script'][1] / c['vbhc render plan.json'][1]:.2f}× | ≥ 1× |")
    print(f"| (e) python-docx / vbhc, cold (CPU) | "
          f"{c['python-docx script'][1] / c['vbhc render plan.json'][1]:.2f}× | |")
    base: dict[str, float] = {}
    for label, n, seconds in g:
        base.setdefault(label, seconds / n)
        print(f"| (f) render {n:,} {label} | {seconds * 1000:.0f} ms, {seconds / n * 1e6:.0f} µs each "
              f"({seconds / n / base[label]:.2f}× the 1× rate) | flat |")


if __name__ == "__main__":
    main()
