"""``vbhc batch``: one spec, many data rows, one document per row, on every core.

Each row is read through the spec reader (:func:`vbhc.pipeline.read_row`) and rendered in a worker
process; workers are started by ``forkserver`` where the platform has it, else ``spawn``, so
:func:`_work` and :func:`_start` are plain module functions and a worker shares nothing with the parent
but its :class:`Settings`. A document's bytes depend only on its spec, row and template, never on which
worker rendered it, so any number of workers gives the same files, the same as ``vbhc render`` of each.

Nothing is written until every row is read and rendered and every file name is known: names come from a
pattern (:func:`file_name`), are made safe for Windows and Linux, and a collision (two rows, one name,
compared as Windows and macOS compare) refuses the whole batch. A row that fails does not stop the
others; its errors are returned with its number and field paths.

Above the pipeline: imports the pipeline and the readers and writers through it; imported only by the CLI.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from vbhc.errors import SpecError

if TYPE_CHECKING:
    from vbhc.model import Document
    from vbhc.readers.spec.rows import Row

__all__ = ["DEFAULT_NAME", "FileNameError", "Outcome", "Settings", "collisions", "file_name", "render_rows",
           "safe_name", "slug"]

DEFAULT_NAME = "{row:04}-{dia_danh:slug}.docx"

# Windows refuses these characters in a name, Linux only "/" and NUL; both refuse them here.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
# Names Windows keeps for devices, whatever the extension (CON.docx is the console).
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in "0123456789¹²³"),
             *(f"LPT{i}" for i in "0123456789¹²³")}
MAX_NAME_BYTES = 255  # ext4, XFS, Btrfs: 255 bytes of UTF-8; NTFS: 255 UTF-16 units (fewer bytes here)
_FIELD = re.compile(r"\{([^{}:]*)(?::([^{}]*))?\}")


class FileNameError(ValueError):
    """A file name pattern that cannot give a name: an unknown field, a folder, an empty name."""


class Settings(NamedTuple):
    """What every worker needs, sent once when it starts (picklable)."""

    spec: str
    profile: str | None = None
    template: str | None = None
    name: str = DEFAULT_NAME


class Outcome(NamedTuple):
    """One row's result: its file name and .docx bytes, or its errors; its warnings either way."""

    number: int
    source: str
    name: str | None
    data: bytes | None
    title: str
    author: str
    errors: tuple[str, ...]
    warnings: tuple[str, ...]


# --------------------------------------------------------------------------------------------
# File names


def slug(text: str) -> str:
    """``Hoàng Kim`` → ``hoang-kim``: ASCII letters and digits joined by hyphens."""
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def safe_name(name: str) -> str:
    """``name`` as a file name that Windows and Linux both accept, or :class:`FileNameError`.

    Forbidden characters and control characters become ``-``; trailing dots and spaces are dropped
    (Windows drops them silently); a reserved device name (``CON``, ``COM1`` …, with any extension)
    gets a leading ``_``; a name over 255 bytes is shortened inside its stem, at a character boundary.
    """
    name = unicodedata.normalize("NFC", _FORBIDDEN.sub("-", name)).strip()
    stem, dot, ext = name.rpartition(".") if "." in name else (name, "", "")
    stem = stem.rstrip(". ")
    if not stem or stem.strip(".-_ ") == "":
        raise FileNameError(f"the name pattern gives {name!r}, which names no file")
    if stem.split(".")[0].strip().upper() in _RESERVED:
        stem = "_" + stem
    tail = dot + ext
    while len((stem + tail).encode("utf-8")) > MAX_NAME_BYTES:
        stem = stem[:-1].rstrip(". ")
    return stem + tail


def _values(document: Document, row: Row) -> dict[str, str]:
    """The fields a name pattern may use: the row's columns as typed, the row's number and the
    rendered document's own place, number, type, year and issuer (after its profile)."""
    issuer = " ".join(document.issuer.name) if document.issuer is not None else ""
    number = str(document.number) if document.number is not None else ""
    own = {"row": str(row.number), "place": document.place, "dia_danh": document.place,
           "number": number, "so": number, "type": document.type.value, "loai": document.type.value,
           "year": str(document.date.year), "nam": str(document.date.year), "issuer": issuer,
           "co_quan": issuer}
    return {**dict(row.columns), **own}


def file_name(pattern: str, values: dict[str, str]) -> str:
    """The pattern's ``{field}`` and ``{field:slug}`` (or ``{row:04}``, a number's width) filled in and
    made safe (:func:`safe_name`); ``.docx`` is added when the pattern has no extension."""
    def fill(match: re.Match[str]) -> str:
        key, spec = match.group(1).strip(), (match.group(2) or "").strip()
        if key not in values:
            known = ", ".join(sorted(values))
            raise FileNameError(f"the name pattern's {{{key}}} is not a field; use one of {known}")
        value = values[key]
        if spec == "slug":
            return slug(value)
        if spec:
            if not (spec.isdigit() and value.isdigit()):
                raise FileNameError(f"the name pattern's {{{key}:{spec}}}: expected slug, or a width "
                                 f"such as 04 for a number")
            return value.zfill(int(spec))
        return value.replace("/", "-").replace("\\", "-")
    filled = _FIELD.sub(fill, pattern)
    if not filled.lower().endswith(".docx"):
        filled += ".docx"
    return safe_name(filled)


def check_pattern(pattern: str) -> None:
    """Refuse, before any work, a pattern naming a folder (its files go in DIR, nothing above it)."""
    literal = _FIELD.sub("", pattern)
    if "/" in literal or "\\" in literal or "{" in literal or "}" in literal:
        raise FileNameError(f"the name pattern {pattern!r}: expected a file name with {{field}}s (no folder, "
                         "no unmatched brace)")
    if not pattern.strip():
        raise FileNameError("the name pattern is empty")


def collisions(outcomes: Sequence[Outcome]) -> list[str]:
    """One line per file name that two rows or more would write, as Windows and macOS compare names
    (case and Unicode form folded)."""
    seen: dict[str, list[Outcome]] = {}
    for o in outcomes:
        if o.name is not None:
            seen.setdefault(unicodedata.normalize("NFC", o.name).casefold(), []).append(o)
    return [f"{same[0].name}: rows {', '.join(str(o.number) for o in same)} would all write this file "
            "(add a field such as {row} to --name)" for same in seen.values() if len(same) > 1]


# --------------------------------------------------------------------------------------------
# The worker


class _State:
    """A worker's spec, read once, and its templates, loaded and checked once each."""

    settings: Settings
    parsed: Any
    templates: dict[str, Any]
    profiles: dict[Path, Any]


_state: _State | None = None


def _start(settings: Settings) -> None:
    """A worker's initializer: read the spec once."""
    global _state
    from vbhc.readers.spec.source import read_file

    state = _State()
    state.settings, state.parsed, state.templates = settings, read_file(Path(settings.spec)), {}
    state.profiles = {}
    _state = state


def _template(path: Path | str | None) -> Any:
    assert _state is not None
    if path is None:
        return None
    key = str(path)
    if key not in _state.templates:
        from vbhc.pipeline import load_template

        _state.templates[key] = load_template(path)
    return _state.templates[key]


def _work(row: Row) -> Outcome:
    """Read and render one row (in a worker, or in the parent with one worker)."""
    from vbhc.pipeline import read_row
    from vbhc.writers.docx.writer import render_bytes

    assert _state is not None
    s = _state.settings
    result = read_row(_state.parsed, s.spec, row, s.profile, _state.profiles)
    warnings = tuple(str(w) for w in result.warnings)
    if result.document is None:
        return Outcome(row.number, row.source, None, None, "", "", tuple(str(e) for e in result.errors),
                       warnings)
    document = result.document
    try:
        name = file_name(s.name, _values(document, row))
        data = render_bytes(document, _template(s.template or result.template))
    except (FileNameError, SpecError) as exc:
        return Outcome(row.number, row.source, None, None, "", "", (f"{row.source}: {exc}",), warnings)
    except Exception as exc:
        from vbhc.errors import VbhcError

        if not isinstance(exc, VbhcError):
            raise
        return Outcome(row.number, row.source, None, None, "", "", (f"{row.source}: {exc}",), warnings)
    title, author = _title_author(document)
    return Outcome(row.number, row.source, name, data, title, author, (), warnings)


def _title_author(document: Document) -> tuple[str, str]:
    """The PDF's title (tên loại and trích yếu) and author (the issuer)."""
    from vbhc.writers.docx.writer import document_title

    return document_title(document), " ".join(document.issuer.name)


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def render_rows(settings: Settings, rows: Sequence[Row], workers: int,
                progress: Callable[[int], None] | None = None) -> Iterator[Outcome]:
    """Every row's :class:`Outcome`, in row order, rendered by ``workers`` processes (1: in this one).
    ``progress`` is called with the number of rows done after each."""
    global _state
    if workers <= 1 or len(rows) <= 1:
        saved = _state
        _start(settings)
        try:
            for done, row in enumerate(rows, 1):
                yield _work(row)
                if progress:
                    progress(done)
        finally:
            _state = saved
        return
    chunk = max(1, min(16, len(rows) // (workers * 8)))
    with _context().Pool(workers, initializer=_start, initargs=(settings,)) as pool:
        for done, outcome in enumerate(pool.imap(_work, rows, chunksize=chunk), 1):
            yield outcome
            if progress:
                progress(done)


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def is_terminal(stream: Any = None) -> bool:
    stream = stream or sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)())
