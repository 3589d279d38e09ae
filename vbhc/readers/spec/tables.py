"""Tables in specs: ``{kind: table, columns, header, rows, total}``, or rows loaded from a CSV file.

A row is a list of cells. A cell is text with the spec's markup (``**Tổng**``; a line break starts
another paragraph of the cell: a YAML block ``|``, or Alt+Enter in a spreadsheet's CSV), a number (written the
Vietnamese way: ``1234.5`` prints "1.234,5"), ``null`` for an empty cell, or an object ``{text, colspan,
rowspan, align}``. ``header`` is one row or a list of rows. ``csv: budget.csv`` (relative to the spec)
gives the rows instead: its first ``header_rows`` lines (1 unless given) are the header, and with
``total_row: true`` its last line is the total row. A CSV file is UTF-8, with or without a BOM, read
through :func:`vbhc.fileio.read_bytes` within :data:`MAX_CSV_BYTES`; its cells take markup too.
Every error names the field path (``body[3].rows[2][1]``) and, for a CSV file, its line.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from vbhc import fileio
from vbhc.diagnostics import Path
from vbhc.errors import FieldError, FileError
from vbhc.model.table import Cell, Column, Table, line_problem, number_text
from vbhc.readers.spec.markup import parse_markup

if TYPE_CHECKING:
    from vbhc.readers.spec.structure import Structurer

MAX_CSV_BYTES = 10 * 1024 * 1024  # as a spec (vbhc.readers.spec.source.MAX_FILE_BYTES)
CSV_KEYS = ("csv", "header_rows", "total_row")  # spec keys of a table that the model does not have
TABLE_KEYS = ("kind", "columns", "header", "rows", "total", *CSV_KEYS)


def _describe(value: Any) -> str:
    from vbhc.readers.spec.structure import describe

    return describe(value)


def _cell(s: Structurer, value: Any, path: Path) -> Any:
    """One cell: text with markup, a number, null, or ``{text, colspan, rowspan, align}``."""
    from vbhc.readers.spec.structure import FAILED

    if value is None:
        return Cell()
    if isinstance(value, bool):
        s.error(path, "text, a number, null or a cell object", _describe(value))
        return FAILED
    if isinstance(value, (int, float)):
        return Cell(number_text(value))
    if isinstance(value, str):
        try:
            return Cell(parse_markup(value.strip()) if value.strip() else "")
        except FieldError as exc:  # a bad character: named with its line in a cell of several
            s.field_error(path, FieldError(exc.path, exc.expected, line_problem(value.strip()) or exc.found))
            return FAILED
    if isinstance(value, Mapping):
        if isinstance(value.get("text"), (int, float)) and not isinstance(value.get("text"), bool):
            value = {**value, "text": number_text(value["text"])}
        return s.attrs(value, Cell, path)
    s.error(path, "text, a number, null or a cell object", _describe(value))
    return FAILED


def _row(s: Structurer, value: Any, path: Path) -> Any:
    from vbhc.readers.spec.structure import FAILED

    if not isinstance(value, list) or not value:
        s.error(path, "a row: a list of cells", _describe(value))
        return FAILED
    cells = [_cell(s, v, (*path, i)) for i, v in enumerate(value)]
    return FAILED if any(c is FAILED for c in cells) else tuple(cells)


def _rows(s: Structurer, value: Any, path: Path, *, one_or_many: bool = False) -> Any:
    """A list of rows; ``one_or_many``: one row (a list of cells) stands for a list of one."""
    from vbhc.readers.spec.structure import FAILED

    if not isinstance(value, list):
        s.error(path, "a list of rows", _describe(value))
        return FAILED
    if one_or_many and value and not any(isinstance(v, list) for v in value):
        row = _row(s, value, path)
        return FAILED if row is FAILED else (row,)
    rows = [_row(s, v, (*path, i)) for i, v in enumerate(value)]
    return FAILED if any(r is FAILED for r in rows) else tuple(rows)


def _csv_rows(s: Structurer, value: Any, path: Path) -> tuple[list[list[Cell]], list[int]] | None:
    """The CSV file's non-blank lines as rows of cells, and the line each starts on; or None (errors
    recorded with the file's line)."""
    if not isinstance(value, str) or not value.strip():
        s.error(path, "the path of a CSV file, relative to the spec", _describe(value))
        return None
    file = s.file(path, value, "CSV file")
    if file is None:
        return None
    try:
        data = fileio.read_bytes(file, MAX_CSV_BYTES, "CSV file")
    except FileError as exc:
        s.error(path, "a CSV file vbhc can read", exc.problem)
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        s.error(path, "a CSV file in UTF-8", f"{value} line {line}: a byte that is not UTF-8")
        return None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[Cell]] = []
    lines: list[int] = []
    try:
        while True:
            start = reader.line_num + 1
            record = next(reader, None)
            if record is None:
                break
            if not any(field.strip() for field in record):
                continue
            row = []
            record = [f.replace("\r\n", "\n").replace("\r", "\n") for f in record]  # Alt+Enter in a cell
            for i, field in enumerate(record):
                try:
                    row.append(Cell(parse_markup(field.strip())) if field.strip() else Cell())
                except FieldError as exc:
                    s.error(path, f"{value} line {reader.line_num}, cell {i + 1}: {exc.expected}", exc.found)
                    return None
            rows.append(row)
            lines.append(start)
    except csv.Error as exc:
        s.error(path, "a well-formed CSV file", f"{value} line {reader.line_num}: {exc}")
        return None
    if not rows:
        s.error(path, "a CSV file with at least one line", f"{value}: no lines")
        return None
    return rows, lines


def read_table(s: Structurer, value: Mapping[str, Any], path: Path) -> Any:
    """A :class:`~vbhc.model.Table` from its spec (see the module docstring), or FAILED."""
    from vbhc.readers.spec.structure import FAILED

    before = len(s.errors)
    for key in value:
        if key not in TABLE_KEYS:
            s.error((*path, str(key)), f"one of the fields {', '.join(TABLE_KEYS[1:])}", "an unknown key")
    built: dict[str, Any] = {}
    if "columns" in value:
        columns = value["columns"]
        if isinstance(columns, list):
            built["columns"] = tuple(s.attrs(c, Column, (*path, "columns", i)) for i, c in enumerate(columns))
        else:
            s.error((*path, "columns"), "a list of columns {width_cm, share, align}", _describe(columns))
    if "header" in value:
        built["header"] = _rows(s, value["header"], (*path, "header"), one_or_many=True)
    if "total" in value and value["total"] is not None:
        built["total"] = _row(s, value["total"], (*path, "total"))
    csv_line: dict[str, int] = {}  # "header[0]", "rows[3]", "total" -> its line in the CSV file
    if "csv" in value:
        _from_csv(s, value, path, built, csv_line)
    else:
        for key in CSV_KEYS[1:]:
            if key in value:
                s.error((*path, key), "a CSV file (csv) that it applies to", "none")
        if "rows" in value:
            built["rows"] = _rows(s, value["rows"], (*path, "rows"))
        else:
            s.error((*path, "rows"), "a value (rows, or csv: a CSV file)", "nothing")
    if len(s.errors) > before or any(v is FAILED for v in built.values()) or any(
            c is FAILED for c in built.get("columns", ())):
        return FAILED
    try:
        return Table(**built)
    except FieldError as exc:
        row = re.match(r"(header\[\d+\]|rows\[\d+\]|total)", exc.path)
        if row and row[1] in csv_line:  # a row of the CSV file: name the file and its line
            s.error((*path, "csv"), f"{value['csv']} line {csv_line[row[1]]}: {exc.expected}", exc.found)
        else:
            s.field_error(path, exc)
        return FAILED


def _from_csv(s: Structurer, value: Mapping[str, Any], path: Path, built: dict[str, Any],
              csv_line: dict[str, int]) -> None:
    """Fill ``built``'s header, rows and total from the table's CSV file; note each row's line."""
    source = (*path, "csv")
    if "rows" in value:
        s.error(source, "rows or a CSV file, not both", "both")
    header_rows = value.get("header_rows", 0 if "header" in value else 1)
    if isinstance(header_rows, bool) or not isinstance(header_rows, int) or header_rows < 0:
        s.error((*path, "header_rows"), "a whole number of 0 or more", _describe(header_rows))
        return
    if "header" in value and header_rows:
        s.error((*path, "header"), "a header in the spec or in the CSV file (header_rows: 0), not both",
                "both")
        return
    total_row = value.get("total_row", False)
    if not isinstance(total_row, bool):
        s.error((*path, "total_row"), "true or false", _describe(total_row))
        return
    if total_row and "total" in value:
        s.error((*path, "total"), "a total in the spec or in the CSV file (total_row), not both", "both")
        return
    read = _csv_rows(s, value["csv"], source)
    if read is None:
        return
    rows, lines = read
    if total_row and len(rows) > header_rows:
        built["total"] = tuple(rows.pop())
        csv_line["total"] = lines.pop()
    if header_rows:
        built["header"] = tuple(tuple(r) for r in rows[:header_rows])
        csv_line.update({f"header[{i}]": n for i, n in enumerate(lines[:header_rows])})
    built["rows"] = tuple(tuple(r) for r in rows[header_rows:])
    csv_line.update({f"rows[{i}]": n for i, n in enumerate(lines[header_rows:])})


def table_schema(generated: dict[str, Any], cell_ref: str) -> dict[str, Any]:
    """The JSON Schema of a table block: the one generated from :class:`~vbhc.model.Table`, with the
    spec's forms of cells and rows and the CSV fields."""
    cell = {"anyOf": [{"type": "string"}, {"type": "number"}, {"type": "null"}, {"$ref": cell_ref}],
            "description": "text with markup (a line break starts another paragraph of the cell), a number "
                           "(1234.5 prints 1.234,5), null for an empty cell, or "
                           "{text, colspan, rowspan, align}"}
    row = {"type": "array", "minItems": 1, "items": cell}
    rows = {"type": "array", "items": row}
    properties = dict(generated["properties"])
    properties["header"] = {"anyOf": [row, rows], "description": "one header row, or a list of them: "
                                                                  "repeated at the top of every page"}
    properties["rows"] = {**rows, "description": "the body rows"}
    properties["total"] = {"anyOf": [row, {"type": "null"}], "description": "the total row, printed bold"}
    properties["csv"] = {"type": "string", "description": "a CSV file (UTF-8), relative to the spec, giving "
                                                          "the rows instead of rows"}
    properties["header_rows"] = {"type": "integer", "minimum": 0,
                                 "description": "how many of the CSV file's first lines are the header (1)"}
    properties["total_row"] = {"type": "boolean", "description": "the CSV file's last line is the total row"}
    out = {**generated, "properties": properties,
           "required": [r for r in generated.get("required", []) if r != "rows"]}
    out["oneOf"] = [{"required": ["rows"]}, {"required": ["csv"]}]
    return out
