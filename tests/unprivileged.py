"""Run part of a test as an ordinary user, so permission tests run for root too (CI runs as root).

Root reads and writes any file, so "permission denied" cannot happen to it. :func:`as_user` forks;
the child drops to the ``nobody`` user (when the test runs as root) and calls the function; its exit
status and standard error come back to the parent. The child imports nothing new: call :func:`warm`
first with the commands the test will run, so every module they load is in memory before the fork
(a CI clone's folders are closed to other users).
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stderr, suppress
from pathlib import Path

NOBODY = 65534


def warm(run: Callable[[], object]) -> None:
    """Run ``run`` once in this process (its output discarded), so its imports are done."""
    with redirect_stderr(io.StringIO()), suppress(SystemExit):
        run()


@contextmanager
def open_folder() -> Iterator[Path]:
    """A fresh folder that the ``nobody`` user may enter (pytest's tmp_path is closed to others)."""
    folder = Path(tempfile.mkdtemp(prefix="vbhc-nobody-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in sorted(folder.rglob("*"), reverse=True):
            path.chmod(0o700)
            path.rmdir() if path.is_dir() else path.unlink()
        folder.rmdir()


def as_user(run: Callable[[], int]) -> tuple[int, str]:
    """``run()``'s return value and its standard error, run in a child as ``nobody`` when we are root."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop privileges, run, report, exit without cleanup
        os.close(read_end)
        status = 70
        err = io.StringIO()
        try:
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            with redirect_stderr(err):
                status = int(run())
        except BaseException as exc:
            err.write(f"child failed: {exc!r}\n")
        finally:
            os.write(write_end, err.getvalue().encode())
            os.close(write_end)
            sys.stdout.flush()
            os._exit(status)
    os.close(write_end)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    _, wait_status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(wait_status), b"".join(chunks).decode()
