"""Load on ``vbhc serve``: N concurrent clients against 127.0.0.1, bounded in requests and in time.

Run: python benchmarks/load.py [--clients 32] [--seconds 20] [--requests 200] [--workers 1]. It
starts ``vbhc serve`` on a free port of 127.0.0.1 (or takes ``--url`` of one already running, which
must be a loopback address); then each client sends, one after another, the requests a form makes while
an officer types and downloads: validate the Hoàng Kim plan, preview it, render it to .docx, and check
the rendered plan (a quarter of the requests each). Every client stops after ``--requests`` requests or
``--seconds``, whichever comes first, and the server is stopped. It prints the throughput, the latency
(median, p95, max) per kind and the errors (any status but 200, or a failed connection); it exits 1 when
there was an error.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import httpx
import yaml

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("validate", "preview", "render", "check")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def loopback(url: str) -> bool:
    host = urlparse(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def start_server(workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "vbhc", "serve", "--port", str(port), "--workers",
                                str(workers)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/api/profiles", timeout=2).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("vbhc serve did not start within 30 s")


async def client(number: int, url: str, spec: dict, docx: bytes, until: float, limit: int,
                 times: dict[str, list[float]], errors: list[str]) -> None:
    async with httpx.AsyncClient(base_url=url, timeout=60) as http:
        for i in range(limit):
            if time.monotonic() >= until:
                return
            kind = KINDS[(number + i) % len(KINDS)]
            start = time.perf_counter()
            try:
                if kind == "check":
                    response = await http.post("/api/check", content=docx)
                else:
                    response = await http.post(f"/api/{kind}", json=spec)
                if response.status_code != 200:
                    errors.append(f"{kind}: HTTP {response.status_code} {response.text[:200]}")
            except httpx.HTTPError as exc:
                errors.append(f"{kind}: {type(exc).__name__}: {exc}")
            times[kind].append(time.perf_counter() - start)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def run(url: str, clients: int, seconds: float, requests: int) -> int:
    spec = yaml.safe_load((ROOT / "examples" / "ke-hoach-hoang-kim.yaml").read_text(encoding="utf-8"))
    async with httpx.AsyncClient(base_url=url, timeout=60) as http:
        docx = (await http.post("/api/render", json=spec)).content
    times: dict[str, list[float]] = {k: [] for k in KINDS}
    errors: list[str] = []
    start = time.perf_counter()
    until = time.monotonic() + seconds
    await asyncio.gather(*(client(n, url, spec, docx, until, requests, times, errors)
                           for n in range(clients)))
    elapsed = time.perf_counter() - start
    total = sum(len(v) for v in times.values())
    every = [t for v in times.values() for t in v]
    print(f"vbhc serve under load: {clients} concurrent clients, {elapsed:.1f} s, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    print(f"{total} requests, {len(errors)} errors, {total / elapsed:.1f} requests/s")
    print(f"{'request':<10} {'count':>6} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}")
    for kind in (*KINDS, "all"):
        values = every if kind == "all" else times[kind]
        if values:
            print(f"{kind:<10} {len(values):>6} {statistics.median(values) * 1000:>10.0f} "
                  f"{percentile(values, 95) * 1000:>8.0f} {max(values) * 1000:>8.0f}")
    for line in errors[:10]:
        print("error:", line)
    print(json.dumps({"clients": clients, "requests": total, "errors": len(errors),
                      "throughput": round(total / elapsed, 1),
                      "p95_ms": round(percentile(every, 95) * 1000)}))
    return 1 if errors else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=32, help="concurrent clients (default 32; max 256)")
    parser.add_argument("--seconds", type=float, default=20, help="seconds at most (default 20, max 300)")
    parser.add_argument("--requests", type=int, default=200, help="requests per client at most (default 200)")
    parser.add_argument("--workers", type=int, default=1, help="vbhc serve --workers (default 1)")
    parser.add_argument("--url", help="a vbhc serve already running on a loopback address")
    args = parser.parse_args()
    clients, seconds = min(max(args.clients, 1), 256), min(max(args.seconds, 1), 300)
    requests = min(max(args.requests, 1), 10_000)
    if args.url and not loopback(args.url):
        parser.error("--url must be a loopback address (127.0.0.1, localhost, [::1])")
    process = None
    url = args.url
    if url is None:
        process, url = start_server(min(max(args.workers, 1), 8))
    try:
        return asyncio.run(run(url.rstrip("/"), clients, seconds, requests))
    finally:
        if process is not None:
            process.terminate()
            process.wait(10)


if __name__ == "__main__":
    sys.exit(main())
