"""Spec and profile files as data: read safely, parse, and remember the line of every value.

JSON and YAML are parsed, never evaluated: YAML with the safe loader and without aliases (a few lines
of aliases can expand to gigabytes), JSON with the standard parser. Both give plain data plus
:class:`Parsed.lines`, the 1-based line of every key and list item, so that an error in
``body[3].children[1].text`` can name its line. Repeated keys are reported (both parsers would
silently keep the last).
"""

from __future__ import annotations

import bisect
import json
import re
from pathlib import Path as FilePath
from typing import Any

from attrs import define, field

from vbhc.diagnostics import Path
from vbhc.errors import FileError, SpecError
from vbhc.fileio import read_bytes

__all__ = ["MAX_FILE_BYTES", "Parsed", "parse_text", "read_file", "read_text"]

MAX_FILE_BYTES = 10 * 1024 * 1024  # a spec is a few kB; 10 MB means a mistake or an attack
FORMATS = {".json": "json", ".yaml": "yaml", ".yml": "yaml"}


@define
class Parsed:
    """A parsed data file: the data, where each value is, and the keys that were given twice."""

    source: str
    data: Any
    lines: dict[Path, int] = field(factory=dict)
    # Strings whose text lines map one to one onto file lines (YAML "|" blocks): first text line.
    text_starts: dict[Path, int] = field(factory=dict)
    duplicates: list[tuple[Path, int, int]] = field(factory=list)  # (path, line, first line)

    def line_of(self, path: Path) -> int | None:
        """The line of ``path``, or of its nearest enclosing value that has one."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return line
        return None


# --------------------------------------------------------------------------------------------
# Reading


def read_text(path: FilePath, what: str = "spec") -> str:
    """The file's text: a regular file of at most 10 MB in UTF-8 (a leading BOM is dropped)."""
    source = str(path)
    try:
        data = read_bytes(path, MAX_FILE_BYTES, what)
    except FileError as exc:
        raise SpecError(source, message=exc.problem) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SpecError(source, message=f"not UTF-8 text (byte {exc.start + 1}); save the file as "
                                        "UTF-8") from None
    return text.removeprefix("\ufeff")


def read_file(path: FilePath, what: str = "spec") -> Parsed:
    """Read and parse a .json, .yaml or .yml file."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise SpecError(str(path), message=f"unknown {what} format {path.suffix or '(none)'!r}; use one "
                                           f"of {', '.join(FORMATS)}")
    return parse_text(read_text(path, what), fmt, str(path))


def parse_text(text: str, fmt: str, source: str) -> Parsed:
    """Parse JSON or YAML text; syntax errors name the line and column."""
    try:
        if fmt == "json":
            return _parse_json(text, source)
        from vbhc.readers.spec.yaml_source import parse_yaml  # PyYAML for YAML only: JSON starts faster

        return parse_yaml(text, source)
    except RecursionError:
        raise SpecError(source, message="the data is nested too deeply") from None


# --------------------------------------------------------------------------------------------
# JSON


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _parse_json(text: str, source: str) -> Parsed:
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise SpecError(f"{source}:{exc.lineno}:{exc.colno}", message=f"malformed JSON: {exc.msg}") from None
    except ValueError as exc:
        raise SpecError(source, message=f"malformed JSON: {exc}") from None
    parsed = Parsed(source, data)
    _JsonPositions(text, parsed).scan()
    return parsed


_WS = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null")


class _JsonPositions:
    """A second pass over JSON text already known to be valid: the line of every key and item."""

    def __init__(self, text: str, parsed: Parsed) -> None:
        self.text = text
        self.parsed = parsed
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line(self, index: int) -> int:
        return bisect.bisect_right(self.starts, index)

    def skip(self, i: int) -> int:
        match = _WS.match(self.text, i)
        return match.end() if match else i

    def scan(self) -> None:
        self.value(self.skip(0), ())

    def string(self, i: int) -> tuple[str, int]:
        return json.decoder.scanstring(self.text, i + 1)  # type: ignore[attr-defined,no-any-return]

    def value(self, i: int, path: Path) -> int:
        char = self.text[i]
        if char == "{":
            return self.obj(i, path)
        if char == "[":
            return self.array(i, path)
        if char == '"':
            return self.string(i)[1]
        match = _SCALAR.match(self.text, i)
        assert match is not None, f"not a JSON value at {i}"
        return match.end()

    def obj(self, i: int, path: Path) -> int:
        i = self.skip(i + 1)
        seen: dict[str, int] = {}
        if self.text[i] == "}":
            return i + 1
        while True:
            line = self.line(i)
            key, i = self.string(i)
            child = (*path, key)
            if key in seen:
                self.parsed.duplicates.append((child, line, seen[key]))
            seen[key] = line
            self.parsed.lines[child] = line
            i = self.skip(i)  # at ":"
            i = self.value(self.skip(i + 1), child)
            i = self.skip(i)
            if self.text[i] == "}":
                return i + 1
            i = self.skip(i + 1)  # after ","

    def array(self, i: int, path: Path) -> int:
        i = self.skip(i + 1)
        if self.text[i] == "]":
            return i + 1
        index = 0
        while True:
            child = (*path, index)
            self.parsed.lines[child] = self.line(i)
            i = self.skip(self.value(i, child))
            if self.text[i] == "]":
                return i + 1
            i = self.skip(i + 1)
            index += 1
