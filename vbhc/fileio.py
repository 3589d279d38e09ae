"""Files in and out: one bounded way to read a file, one atomic way to write one.

Every file vbhc reads (a spec, a profile, a template, a .docx to check) comes in through
:func:`read_bytes`: only a regular file is read, so a folder, a FIFO, a device such as ``/dev/zero``
or a socket is refused at once, before anything blocks; and at most ``limit + 1`` bytes are read,
whatever size the file system reports. Every file vbhc writes goes out through
:func:`write_atomically` (whole or not at all, the mode of a replaced file kept, a new file under the
umask); :func:`check_output` refuses an output path that could not take the file before any work is
done, and :func:`write_file` turns an operating-system error into a one-line :class:`FileError`, as
:func:`write_stdout` does for standard output.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from vbhc.errors import FileError
from vbhc.limits import MB

_CHUNK = 1 * MB

# What a path is when it is not a regular file, for the one-line refusal.
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
# Open flags for reading: never block on a FIFO swapped in after the check, never become the
# controlling terminal, never leak the descriptor to a child process.
_READ_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
_WRITE_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
                | getattr(os, "O_BINARY", 0))


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _size_text(limit: int) -> str:
    return f"{limit // MB} MB" if limit >= MB and limit % MB == 0 else f"{limit:,} bytes"


def read_bytes(path: str | os.PathLike[str], limit: int, what: str = "file") -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them; else a :class:`FileError`.

    ``what`` names the file in messages ("spec", "template", ".docx file"). The file's reported size
    is not trusted: at most ``limit + 1`` bytes are read, and one byte more than ``limit`` refuses it.
    """
    def refuse(problem: str, *, missing: bool = False) -> FileError:
        return FileError(path, problem, missing=missing)

    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise refuse(f"no such file (the {what} was not found)", missing=True) from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        raise refuse(f"cannot read it ({_reason(exc) if isinstance(exc, OSError) else exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise refuse(f"{_kind(info.st_mode)}, not a regular file")
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError as exc:
        raise refuse(f"cannot read it ({_reason(exc)})") from None
    too_big = f"the file is too large: a {what} may be at most {_size_text(limit)}"
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):  # swapped for something else since the check above
            raise refuse(f"{_kind(mode)}, not a regular file")
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, _CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        if remaining <= 0:
            raise refuse(too_big)
        return b"".join(chunks)
    except OSError as exc:
        raise refuse(f"cannot read it ({_reason(exc)})") from None
    finally:
        os.close(fd)


def check_output(path: str | os.PathLike[str], suffixes: Iterable[str], what: str = "output file") -> None:
    """Refuse, in one line, an output path that cannot take the file, before any work is done.

    The name must end in one of ``suffixes``; its folder must exist; and what is already there, if
    anything, must be a regular file (a folder, a device or a FIFO is never replaced).
    """
    target = Path(path)
    allowed = tuple(suffixes)
    if target.suffix.lower() not in allowed:
        raise FileError(target, f"the {what} must end in {' or '.join(allowed)}")
    folder = target.parent
    if not folder.is_dir():
        problem = "is not a folder" if folder.exists() else "does not exist"
        raise FileError(target, f"the folder {folder} {problem}")
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise FileError(target, f"cannot write it ({_reason(exc)})") from None
    if not stat.S_ISREG(info.st_mode):
        raise FileError(target, f"{_kind(info.st_mode)} is there; name a file to write")


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then a rename.

    A reader never sees a half-written file, and an existing file is replaced only once the new one
    is complete and flushed to disk; on any error or interrupt the temporary file is removed and
    ``path`` is left as it was. A replaced file keeps its permissions; a new file gets the usual ones
    under the process's umask. A symbolic link is written through, not replaced. An operating-system
    error is raised as :class:`OSError` naming ``path`` (not the temporary file).
    """
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    try:
        old = os.stat(target)
    except OSError:
        old = None
    keep_mode = stat.S_IMODE(old.st_mode) if old is not None and stat.S_ISREG(old.st_mode) else None
    tmp: Path | None = None
    try:
        fd, tmp = _create_temporary(target, 0o600 if keep_mode is not None else 0o666)
        try:
            if keep_mode is not None and hasattr(os, "fchmod"):
                os.fchmod(fd, keep_mode)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        if keep_mode is not None and not hasattr(os, "fchmod"):
            os.chmod(tmp, keep_mode)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from exc
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)


def _create_temporary(target: Path, mode: int) -> tuple[int, Path]:
    """A new, empty file beside ``target`` (open for writing, created with ``mode`` under the umask)."""
    for _ in range(100):
        tmp = target.with_name(f".{target.name[:100]}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(tmp, _WRITE_FLAGS, mode), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name beside the file", str(target))


def write_file(path: str | os.PathLike[str], data: bytes) -> None:
    """:func:`write_atomically` for the command line: an operating-system error is a one-line
    :class:`FileError` ("cannot write it (No space left on device)")."""
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise FileError(path, f"cannot write it ({_reason(exc)})") from None


def write_stdout(text: str) -> None:
    """Write ``text`` to standard output and flush it; an operating-system error (a full disk, a closed
    pipe) is a one-line :class:`FileError`. Standard output then goes to the null device, so that
    Python's own flush at exit cannot fail a second time."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as exc:
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, sys.stdout.fileno())
            os.close(null)
        except (OSError, ValueError):  # no file descriptor (a captured stream): nothing to flush later
            pass
        raise FileError("standard output", f"cannot write it ({_reason(exc)})") from None
