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

import yaml
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
        return _parse_json(text, source) if fmt == "json" else _parse_yaml(text, source)
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


# --------------------------------------------------------------------------------------------
# YAML


class _NoAliasLoader(yaml.SafeLoader):
    """Safe YAML that refuses aliases (``*name``) and keeps impossible dates as text.

    ``2024-02-30`` stays the string it is, so the spec's date check can say what is wrong with it.
    """

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:  # type: ignore[override]
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise SpecError("", message=f"{event.start_mark.line + 1}: YAML aliases (*name) are not "
                                        "accepted in specs; write the value out (and quote text that "
                                        "starts with '*')")
        return super().compose_node(parent, index)


_NoAliasLoader.add_constructor("tag:yaml.org,2002:timestamp", _NoAliasLoader.construct_yaml_timestamp)


def _yaml_hint(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or ""
    if "unhashable" in problem or "flow mapping" in (exc.context or ""):
        return " (text that starts with '{' or '[' must be in quotes)"
    if "could not determine a constructor" in problem:
        return " (YAML tags such as !!python/... are not accepted: a spec is data)"
    if "mapping values are not allowed" in problem:
        return " (check the indentation, or quote text that contains ': ')"
    return ""


def _parse_yaml(text: str, source: str) -> Parsed:
    loader = _NoAliasLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except SpecError as exc:
        line, _, message = exc.detail.partition(": ")
        raise SpecError(f"{source}:{line}", message=message) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{source}:{mark.line + 1}:{mark.column + 1}" if mark else source
        problem = exc.problem or exc.context or "unreadable"
        context = exc.context_mark
        if exc.problem and exc.context and context is not None and mark is not None \
                and context.line != mark.line:
            problem += f" ({exc.context} started on line {context.line + 1})"
        raise SpecError(where, message=f"malformed YAML: {problem}{_yaml_hint(exc)}") from None
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        raise SpecError(source, message=f"malformed YAML: {exc}") from None
    finally:
        loader.dispose()
    parsed = Parsed(source, data)
    if node is not None:
        _yaml_positions(node, (), parsed)
    return parsed


def _yaml_positions(node: yaml.Node, path: Path, parsed: Parsed) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            child = (*path, key)
            line = key_node.start_mark.line + 1
            if key in seen:
                parsed.duplicates.append((child, line, seen[key]))
            seen[key] = line
            parsed.lines[child] = line
            _yaml_value(value_node, child, parsed)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*path, index)
            parsed.lines[child] = item.start_mark.line + 1
            _yaml_value(item, child, parsed)


def _yaml_value(node: yaml.Node, path: Path, parsed: Parsed) -> None:
    if isinstance(node, yaml.ScalarNode):
        if node.style == "|":
            parsed.text_starts[path] = node.start_mark.line + 2  # the text starts under the "|"
    else:
        _yaml_positions(node, path, parsed)
