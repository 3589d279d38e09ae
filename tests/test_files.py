"""Every file vbhc reads or writes, handled safely (issue 9, items 1 and 4).

Reading: only regular files, with a bounded read, so a FIFO, ``/dev/zero``, a folder or a socket is
refused at once in one line (exit 2) by every reader: specs, profiles, templates and the .docx to check.
Writing: every command's output path is checked before any work, and every operating-system error
while writing (a full disk, a read-only file system, permission denied, a file-size limit) is one line
with exit 2, leaving neither a partial file nor a temporary one; a replaced file keeps its mode and a
new one follows the umask. FIFOs and ``/dev/zero`` run in a subprocess with a timeout (a hang fails the
test instead of the suite); the rest runs in-process.
"""

from __future__ import annotations

import errno
import os
import socket
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.unprivileged import as_user, open_folder, warm
from vbhc.cli import main
from vbhc.errors import FileError
from vbhc.fileio import read_bytes, write_atomically

SPEC = EXAMPLES / "ke-hoach-hoang-kim.json"
POSIX = os.name == "posix"


def vbhc(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vbhc", *args], capture_output=True, text=True, timeout=60)


def one_line(stderr: str, *needles: str) -> str:
    """The single line of ``stderr``, which has no traceback and contains every needle."""
    assert "Traceback" not in stderr, stderr
    (line,) = stderr.splitlines()
    for needle in needles:
        assert needle in line, line
    return line


@pytest.fixture(scope="module")
def plan_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from vbhc import load
    from vbhc.writers.docx.writer import render_bytes

    path = tmp_path_factory.mktemp("in") / "plan.docx"
    path.write_bytes(render_bytes(load(SPEC)))
    return path


# --------------------------------------------------------------------------------------------
# Reading


# reader: (file name of the hostile input, the command that reads it)
READERS: dict[str, tuple[str, Callable[[Path, Path], list[str]]]] = {
    "spec (JSON)": ("spec.json", lambda bad, out: ["render", str(bad), "-o", str(out)]),
    "spec (Python)": ("spec.py", lambda bad, out: ["render", str(bad), "-o", str(out)]),
    "spec (validate)": ("spec.yaml", lambda bad, out: ["validate", str(bad)]),
    "profile": ("profile.yaml",
                lambda bad, out: ["render", str(SPEC), "--profile", str(bad), "-o", str(out)]),
    "template": ("office.docx",
                 lambda bad, out: ["render", str(SPEC), "--template", str(bad), "-o", str(out)]),
    "docx to check": ("in.docx", lambda bad, out: ["check", str(bad), "--fix", str(out)]),
}


def _make_fifo(path: Path) -> str:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(path)
    return "a FIFO"


def _link_dev_zero(path: Path) -> str:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    path.symlink_to("/dev/zero")  # a name with the right extension, reaching the reader
    return "a character device"


@pytest.mark.skipif(not POSIX, reason="FIFOs and /dev/zero are POSIX")
@pytest.mark.parametrize("make", [_make_fifo, _link_dev_zero], ids=["fifo", "dev-zero"])
@pytest.mark.parametrize("reader", list(READERS))
def test_a_fifo_or_a_device_is_refused_at_once(reader: str, make: Callable[[Path], str],
                                               tmp_path: Path) -> None:
    name, command = READERS[reader]
    bad, out = tmp_path / name, tmp_path / "out.docx"
    kind = make(bad)
    result = vbhc(*command(bad, out))  # before: a FIFO hung, /dev/zero ran out of memory
    assert result.returncode == 2
    one_line(result.stderr, f"{bad}: {kind}, not a regular file")
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def _folder(path: Path) -> str:
    path.mkdir()
    return "a folder"


def _socket(path: Path) -> str:
    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("no Unix sockets here")
    if len(str(path)) > 100:
        pytest.skip("socket paths are limited to about 100 bytes")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))  # the socket file stays after the socket is closed
    return "a socket"


@pytest.mark.parametrize("make", [_folder, _socket], ids=["folder", "socket"])
@pytest.mark.parametrize("reader", list(READERS))
def test_a_folder_or_a_socket_is_refused(reader: str, make: Callable[[Path], str], tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    name, command = READERS[reader]
    bad, out = tmp_path / name, tmp_path / "out.docx"
    kind = make(bad)
    assert main(command(bad, out)) == 2
    one_line(capsys.readouterr().err, f"{bad}: {kind}, not a regular file")
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_read_bytes_reads_up_to_the_limit_and_refuses_one_byte_more(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    path.write_bytes(b"x" * 100)
    assert read_bytes(path, 100) == b"x" * 100
    with pytest.raises(FileError, match=r"f\.json: the file is too large: a spec may be at most 99 bytes$"):
        read_bytes(path, 99, "spec")


def test_read_bytes_never_asks_for_more_than_the_limit_plus_one(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.docx"
    path.write_bytes(bytes(5 * 1024 * 1024))
    asked: list[int] = []
    real_read = os.read

    def counting_read(fd: int, n: int) -> bytes:
        asked.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(os, "read", counting_read)
    with pytest.raises(FileError, match="may be at most 1 MB"):
        read_bytes(path, 1024 * 1024)
    assert sum(asked) <= 1024 * 1024 + 1


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="Linux /proc")
def test_the_reported_size_is_not_trusted() -> None:
    # procfs reports a size of 0 for a file that has content: the read goes on until the end.
    assert os.stat("/proc/self/status").st_size == 0
    assert b"Name:" in read_bytes("/proc/self/status", 1024 * 1024)


def test_a_missing_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(SPEC), "--template", str(tmp_path / "nope.docx"),
                 "-o", str(tmp_path / "out.docx")]) == 2
    one_line(capsys.readouterr().err, "nope.docx: no such file (the template was not found)")
    assert not list(tmp_path.iterdir())


# --------------------------------------------------------------------------------------------
# Writing

# command: (output name, arguments given the output path and the plan's .docx)
WRITERS: dict[str, tuple[str, Callable[[Path, Path], list[str]]]] = {
    "render": ("out.docx", lambda out, plan: ["render", str(SPEC), "-o", str(out)]),
    "template": ("out.docx", lambda out, plan: ["template", "-o", str(out)]),
    "new": ("out.yaml", lambda out, plan: ["new", "ke-hoach", "-o", str(out)]),
    "schema": ("out.json", lambda out, plan: ["schema", "-o", str(out)]),
    "check --fix": ("out.docx", lambda out, plan: ["check", str(plan), "--fix", str(out)]),
}


def _fails_on(monkeypatch: pytest.MonkeyPatch, where: str, code: int) -> None:
    """Make the operating system refuse the output at ``where``: "create" (opening the temporary file
    to write), "write" or "fsync"."""
    exc = OSError(code, os.strerror(code))
    if where == "create":
        real_open = os.open

        def failing_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
            if flags & os.O_CREAT:
                raise OSError(code, os.strerror(code), str(path))
            return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "open", failing_open)
    else:
        def fail(*args: object) -> None:
            raise exc

        monkeypatch.setattr(os, where, fail)


OS_ERRORS = {
    "full disk": ("write", errno.ENOSPC),
    "read-only file system": ("create", errno.EROFS),
    "permission denied": ("create", errno.EACCES),
    "disk error on flush": ("fsync", errno.EIO),
}


@pytest.mark.parametrize("existing", [False, True], ids=["new", "replacing"])
@pytest.mark.parametrize("error", list(OS_ERRORS))
@pytest.mark.parametrize("command", list(WRITERS))
def test_an_os_error_on_output_is_one_line_and_leaves_nothing(
        command: str, error: str, existing: bool, tmp_path: Path, plan_docx: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    name, args = WRITERS[command]
    out = tmp_path / name
    if existing:
        out.write_bytes(b"the previous version")
    where, code = OS_ERRORS[error]
    _fails_on(monkeypatch, where, code)
    assert main(args(out, plan_docx)) == 2
    captured = capsys.readouterr()
    one_line(captured.err, f"{out}: cannot write it ({os.strerror(code)})")
    assert captured.out == ""
    assert [p.name for p in tmp_path.iterdir()] == ([name] if existing else [])  # no temporary file
    if existing:
        assert out.read_bytes() == b"the previous version"


def _folder_in_the_way(out: Path) -> str:
    out.mkdir()
    return "a folder is there"


def _fifo_in_the_way(out: Path) -> str:
    _make_fifo(out)
    return "a FIFO is there"


def _missing_folder(out: Path) -> str:
    return "does not exist"


def _file_as_folder(out: Path) -> str:
    out.parent.parent.joinpath("plain").write_text("x")
    return "is not a folder"


BAD_OUTPUTS: dict[str, tuple[Callable[[Path], str], str]] = {  # case: (prepare, the output's folder)
    "folder in the way": (_folder_in_the_way, "."),
    "FIFO in the way": (_fifo_in_the_way, "."),
    "missing folder": (_missing_folder, "missing"),
    "parent is a file": (_file_as_folder, "plain"),
}


@pytest.mark.parametrize("case", list(BAD_OUTPUTS))
@pytest.mark.parametrize("command", list(WRITERS))
def test_an_output_path_that_cannot_take_the_file_is_refused_first(
        command: str, case: str, tmp_path: Path, plan_docx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name, args = WRITERS[command]
    prepare, folder = BAD_OUTPUTS[case]
    out = (tmp_path / folder / name).absolute()
    message = prepare(out)
    before = sorted(p.name for p in tmp_path.iterdir())
    assert main(args(out, plan_docx)) == 2
    one_line(capsys.readouterr().err, str(out), message)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.parametrize(("command", "wrong", "expected"), [
    ("render", "out.pdf", ".docx"), ("template", "t.txt", ".docx"), ("template", "t.dotx", ".docx"),
    ("new", "out.json", ".yaml or .yml"), ("schema", "out.yaml", ".json"),
    ("check --fix", "out.docm", ".docx"),
])
def test_output_extensions_are_checked(command: str, wrong: str, expected: str, tmp_path: Path,
                                       plan_docx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, args = WRITERS[command]
    assert main(args(tmp_path / wrong, plan_docx)) == 2
    one_line(capsys.readouterr().err, wrong, f"must end in {expected}")
    assert not list(tmp_path.iterdir())


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("command", list(WRITERS))
def test_a_link_to_a_device_is_never_replaced(command: str, tmp_path: Path, plan_docx: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    name, args = WRITERS[command]
    out = tmp_path / name
    out.symlink_to("/dev/full")
    assert main(args(out, plan_docx)) == 2
    one_line(capsys.readouterr().err, "a character device is there")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    assert [p.name for p in tmp_path.iterdir()] == [name]


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
@pytest.mark.parametrize("command", list(WRITERS))
def test_a_replaced_file_keeps_its_mode(command: str, tmp_path: Path, plan_docx: Path) -> None:
    name, args = WRITERS[command]
    out = tmp_path / name
    out.write_bytes(b"old")
    out.chmod(0o600)
    assert main(args(out, plan_docx)) in (0, 1)
    assert out.read_bytes() != b"old"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.fixture
def umask_027() -> Iterator[None]:
    old = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
@pytest.mark.parametrize("command", list(WRITERS))
def test_a_new_file_follows_the_umask(command: str, tmp_path: Path, plan_docx: Path, umask_027: None) -> None:
    name, args = WRITERS[command]
    out = tmp_path / name
    assert main(args(out, plan_docx)) in (0, 1)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


@pytest.mark.skipif(not POSIX, reason="symbolic links")
def test_a_link_to_a_file_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.docx"
    real.write_bytes(b"old")
    real.chmod(0o640)
    link = tmp_path / "link.docx"
    link.symlink_to(real)
    write_atomically(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.docx", "real.docx"]


def test_write_atomically_names_the_target_in_its_error(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    _fails_on(monkeypatch, "write", errno.ENOSPC)
    with pytest.raises(OSError, match="No space left") as caught:
        write_atomically(tmp_path / "a.docx", b"data")
    assert caught.value.errno == errno.ENOSPC and caught.value.filename == str(tmp_path / "a.docx")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("command", list(WRITERS))
def test_an_interrupt_leaves_no_temporary_file(command: str, tmp_path: Path, plan_docx: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    name, args = WRITERS[command]
    out = tmp_path / name
    out.write_bytes(b"the previous version")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "write", interrupted)
    assert main(args(out, plan_docx)) == 130
    assert [p.name for p in tmp_path.iterdir()] == [name]
    assert out.read_bytes() == b"the previous version"


@pytest.mark.skipif(not POSIX, reason="resource limits")
def test_a_real_file_size_limit_is_one_line(tmp_path: Path) -> None:
    """Not simulated: the kernel refuses the write (EFBIG) past a 4 kB file-size limit."""
    import resource

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    out = tmp_path / "out.docx"
    result = subprocess.run([sys.executable, "-m", "vbhc", "render", str(SPEC), "-o", str(out)],
                            capture_output=True, text=True, timeout=60, preexec_fn=limit)
    assert result.returncode == 2
    one_line(result.stderr, f"{out}: cannot write it ({os.strerror(errno.EFBIG)})")
    assert not list(tmp_path.iterdir())


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork to run as another user")
def test_a_folder_without_write_permission_is_one_line(plan_docx: Path) -> None:
    """An ordinary user (root is dropped to nobody) cannot write into a folder it does not own."""
    spec = SPEC.read_bytes()
    warm(lambda: main(["render", str(SPEC), "-o", str(plan_docx.parent / "warm.docx")]))
    with open_folder() as base:
        (base / "plan.json").write_bytes(spec)  # a copy nobody can read (the clone may be closed to others)
        folder = base / "locked"
        folder.mkdir(mode=0o555)
        folder.chmod(0o555)
        argv = ["render", str(base / "plan.json"), "-o", str(folder / "out.docx")]
        status, err = as_user(lambda: main(argv))
        left = list(folder.iterdir())
    assert status == 2, err
    one_line(err, "cannot write it (Permission denied)")
    assert not left


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("argv", [
    ["render", str(SPEC), "-o", "OUT/out.docx"], ["validate", str(SPEC)], ["new", "ke-hoach"], ["schema"],
    ["template", "-o", "OUT/t.docx"], ["check", "PLAN"], ["--help"], ["--version"],
], ids=lambda argv: argv[0])
def test_a_full_standard_output_is_one_line(argv: list[str], tmp_path: Path, plan_docx: Path) -> None:
    argv = [a.replace("OUT", str(tmp_path)).replace("PLAN", str(plan_docx)) for a in argv]
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "vbhc", *argv], stdout=full, stderr=subprocess.PIPE,
                                text=True, timeout=60)
    assert result.returncode == 2
    one_line(result.stderr, "standard output: cannot write it (No space left on device)")


def test_render_never_writes_over_its_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = tmp_path / "office.docx"
    assert main(["template", "-o", str(template)]) == 0
    before = template.read_bytes()
    capsys.readouterr()
    assert main(["render", str(SPEC), "--template", str(template), "-o", str(template)]) == 2
    one_line(capsys.readouterr().err, "the output would overwrite the template")
    assert template.read_bytes() == before
