"""Batch data: one row per document, each filling fields of one spec (``vbhc batch SPEC DATA``).

DATA is CSV, JSON or YAML. A CSV's header names the spec's field paths (``place``, ``issuer.name``,
``signatures.0.name``, ``date``; ``signatures[0].name`` is the same path), plus ``profile`` for a
profile file (relative to the data file's folder) that replaces the spec's own for that row. JSON and
YAML hold a list of objects whose keys are the same paths (or nested objects, merged key by key).

CSV cells are text; a cell is typed by the field it fills: a whole number for ``number`` and the other
number fields, ``true``/``false`` for yes-or-no fields, its lines (line breaks inside the cell) for a
list of lines such as ``issuer.name``. An empty cell leaves the spec's value. Values of a JSON or YAML
row keep their own types. A row's values are applied over the spec merged with its profile: a path
through a list sets that element (``signatures.0.name`` keeps the other fields of the first signer; a
profile's named signer such as ``chu-tich`` is opened into its fields first), a path one past the end
appends. What a row gets wrong is reported by the spec reader with the row's number and field path.
"""

from __future__ import annotations

import csv
import io
import re
import types
import typing
from collections.abc import Mapping
from pathlib import Path as FilePath
from typing import Any, NamedTuple

import attrs

from vbhc.diagnostics import Path, format_path
from vbhc.errors import SpecError
from vbhc.model import Document
from vbhc.readers.spec.source import parse_text, read_text
from vbhc.readers.spec.structure import describe

__all__ = ["DATA_SUFFIXES", "PROFILE_COLUMN", "Row", "RowProblem", "apply_row", "column_path", "read_rows"]

DATA_SUFFIXES = (".csv", ".json", ".yaml", ".yml")
PROFILE_COLUMN = "profile"
_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


class Row(NamedTuple):
    """One document's values: its 1-based ``number`` among the data rows, where it is (``source``,
    e.g. ``communes.csv row 7``), its field values by path, and the profile it names, if any."""

    number: int
    source: str
    values: tuple[tuple[Path, Any], ...]
    profile: str | None = None
    folder: FilePath = FilePath(".")
    columns: tuple[tuple[str, str], ...] = ()  # the row as typed, by column name (for file names)


class RowProblem(Exception):
    """A row value that cannot be put at its path (e.g. a list index into a single value)."""

    def __init__(self, path: Path, expected: str, found: str) -> None:
        self.path, self.expected, self.found = path, expected, found
        super().__init__(f"{format_path(path)}: expected {expected}; found {found}")


def column_path(column: str) -> Path:
    """``signatures.0.name`` or ``signatures[0].name`` → ``("signatures", 0, "name")``."""
    steps: list[int | str] = []
    for name, index in _STEP.findall(column.strip()):
        steps.append(int(index) if index else int(name) if name.isdigit() else name)
    return tuple(steps)


# --------------------------------------------------------------------------------------------
# Reading the data file


def read_rows(path: FilePath) -> list[Row]:
    """Every row of the data file, or a :class:`SpecError` for a file that is not a table of rows."""
    suffix = path.suffix.lower()
    if suffix not in DATA_SUFFIXES:
        raise SpecError(str(path), message=f"unknown data format {suffix or '(none)'!r}; use one of "
                                           f"{', '.join(DATA_SUFFIXES)}")
    text = read_text(path, "data file")
    rows = _csv_rows(text, path) if suffix == ".csv" else _object_rows(text, suffix, path)
    if not rows:
        raise SpecError(str(path), message="expected at least one row; found none")
    return rows


def _csv_rows(text: str, path: FilePath) -> list[Row]:
    first = text.split("\n", 1)[0]  # the header: a spreadsheet in a comma-decimal locale writes ";"
    delimiter = max(",;\t", key=lambda d: (first.count(d), d == ","))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        table = list(reader)
    except csv.Error as exc:
        raise SpecError(f"{path}:{reader.line_num}", message=f"malformed CSV: {exc}") from None
    if not table:
        return []
    header = [h.strip() for h in table[0]]
    seen: dict[str, int] = {}
    for i, name in enumerate(header, 1):
        if not name:
            raise SpecError(f"{path}:1", message=f"expected a field path in column {i}; found an empty name")
        if not column_path(name) or name in seen:
            problem = f"{name!r} again (first in column {seen[name]})" if name in seen else repr(name)
            raise SpecError(f"{path}:1", message=f"expected each column a field path once; found {problem}")
        seen[name] = i
    rows = []
    for number, cells in enumerate((r for r in table[1:] if any(c.strip() for c in r)), 1):
        source = f"{path.name} row {number}"
        if len(cells) > len(header):
            raise SpecError(source, message=f"expected at most {len(header)} cells (the header's columns); "
                                            f"found {len(cells)}")
        typed = dict(zip(header, cells, strict=False))
        rows.append(_row(number, source, path.parent, {k: v for k, v in typed.items() if v != ""},
                         csv_text=True))
    return rows


def _object_rows(text: str, suffix: str, path: FilePath) -> list[Row]:
    data = parse_text(text, "json" if suffix == ".json" else "yaml", str(path)).data
    if not isinstance(data, list):
        raise SpecError(str(path), message=f"expected a list of rows (objects); found {describe(data)}")
    rows = []
    for number, item in enumerate(data, 1):
        source = f"{path.name} row {number}"
        if not isinstance(item, Mapping):
            raise SpecError(source, message=f"expected an object of field paths and values; found "
                                            f"{describe(item)}")
        rows.append(_row(number, source, path.parent, {str(k): v for k, v in item.items()}, csv_text=False))
    return rows


def _row(number: int, source: str, folder: FilePath, cells: dict[str, Any], *, csv_text: bool) -> Row:
    profile = cells.pop(PROFILE_COLUMN, None)
    if profile is not None and (not isinstance(profile, str) or not profile.strip()):
        raise SpecError(source, message=f"{PROFILE_COLUMN}: expected a profile's file name; found "
                                        f"{describe(profile)}")
    values = tuple((column_path(k), _typed(column_path(k), v) if csv_text else v) for k, v in cells.items())
    columns = tuple((k, v if isinstance(v, str) else str(v)) for k, v in cells.items()
                    if isinstance(v, (str, int, float)))
    return Row(number, source, values, profile.strip() if profile else None, folder, columns)


# --------------------------------------------------------------------------------------------
# Typing a CSV cell by its field


def _field_type(path: Path) -> Any:
    """The model's type at ``path`` (from Document's type hints), or None where it is not known."""
    tp: Any = Document
    for step in path:
        tp = _strip_none(tp)
        if isinstance(step, int):
            if typing.get_origin(tp) not in (tuple, list):
                return None
            tp = typing.get_args(tp)[0]
        elif attrs.has(tp):
            tp = typing.get_type_hints(tp).get(step)
            if tp is None:
                return None
        else:
            return None
    return _strip_none(tp)


def _strip_none(tp: Any) -> Any:
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = tuple(a for a in typing.get_args(tp) if a is not type(None))
        return args[0] if len(args) == 1 else tp
    return tp


def _union(tp: Any) -> tuple[Any, ...]:
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        return typing.get_args(tp)
    return (tp,)


def _typed(path: Path, cell: str) -> Any:
    """A CSV cell as the value its field takes: a whole number, true/false or lines where the field
    takes one; otherwise the text, left for the spec reader to judge."""
    tp = _field_type(path)
    options = _union(tp)
    text = cell.strip()
    if int in options and re.fullmatch(r"\d+", text):
        return int(text)
    if bool in options and text.lower() in ("true", "false"):
        return text.lower() == "true"
    if typing.get_origin(tp) in (tuple, list) and typing.get_args(tp)[:1] == (str,):
        return [line.strip() for line in cell.splitlines() if line.strip()]
    return cell


# --------------------------------------------------------------------------------------------
# Applying a row to the spec's data


def apply_row(data: Mapping[str, Any], row: Row, signers: Mapping[str, Any]) -> dict[str, Any]:
    """``data`` (the spec merged with its profile) with the row's values put at their paths.

    ``signers`` are the profile's named signers as written (a key such as ``chu-tich`` is opened into
    its fields when a path goes inside it). Raises :class:`RowProblem` for a path that cannot be set.
    """
    out: Any = dict(data)
    for path, value in row.values:
        out = _put(out, path, value, signers, ())
    return dict(out)


def _put(node: Any, path: Path, value: Any, signers: Mapping[str, Any], done: Path) -> Any:
    if not path:
        if isinstance(node, Mapping) and isinstance(value, Mapping):
            out = dict(node)
            for key, inner in value.items():
                out[key] = _put(node.get(key), (), inner, signers, (*done, key))
            return out
        return value
    step, rest = path[0], path[1:]
    if isinstance(node, str) and node in signers:  # a named signer, opened into its fields
        node = signers[node]
    if isinstance(step, int):
        if node is None:
            node = []
        elif isinstance(node, Mapping):  # one object stands for a list of one
            node = [node]
        if not isinstance(node, list):
            raise RowProblem((*done, step), "a list here", describe(node))
        items = list(node)
        if step < len(items):
            items[step] = _put(items[step], rest, value, signers, (*done, step))
        elif step == len(items):
            items.append(_put(None, rest, value, signers, (*done, step)))
        else:
            raise RowProblem((*done, step), f"an index of at most {len(items)} (the list has {len(items)} "
                                            f"item{'s' if len(items) != 1 else ''})", str(step))
        return items
    if node is None:
        node = {}
    if not isinstance(node, Mapping):
        raise RowProblem(done, f"an object with {step!r}", describe(node))
    out = dict(node)
    out[step] = _put(node.get(step), rest, value, signers, (*done, step))
    return out
