"""Tables (bảng, biểu) in the body and in appendices: header rows, body rows, a total row.

A table is a grid of :class:`Cell` rows. A cell may span columns (``colspan``) and rows
(``rowspan``); a row lists only the cells that start in it, as in HTML, so a cell covered by a row
span above is left out. Column widths are optional (:class:`Column`): in centimetres, as a share of
the text width, or computed from the content when the table is laid out.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar, Protocol, TypeVar

import attrs
from attrs import field, frozen

from vbhc import nd30
from vbhc.errors import FieldError
from vbhc.model.text import Text, forbidden_character
from vbhc.nd30.numbering import Level

__all__ = ["Align", "Cell", "Column", "Table", "grid_positions", "is_number", "number_text"]


class Align(enum.Enum):
    """How a cell's text is aligned."""

    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"


# A number as Vietnamese documents write it: "1.234.567", "12,5", "-3", "1.234,50", "45%".
_NUMBER = re.compile(r"^[+-−]?\d{1,3}(?:" + re.escape(nd30.THOUSANDS_SEPARATOR) + r"\d{3})*(?:"
                     + re.escape(nd30.DECIMAL_SEPARATOR) + r"\d+)?\s?%?$|^[+-−]?\d+(?:"
                     + re.escape(nd30.DECIMAL_SEPARATOR) + r"\d+)?\s?%?$")


def is_number(text: str) -> bool:
    """Whether ``text`` is one number written the Vietnamese way ("1.234,5"): a right-aligned cell."""
    return bool(_NUMBER.match(text.strip()))


def number_text(value: int | float) -> str:
    """A number written the Vietnamese way: 1234.5 -> "1.234,5" (nd30.THOUSANDS_SEPARATOR)."""
    whole, _, decimals = (f"{value:,}" if isinstance(value, int) else f"{value:,.10f}".rstrip("0")
                          ).partition(".")
    whole = whole.replace(",", nd30.THOUSANDS_SEPARATOR)
    return whole + (nd30.DECIMAL_SEPARATOR + decimals if decimals else "")


def _text(value: object, attribute: attrs.Attribute) -> Text:
    try:
        text = Text.of(value)
    except FieldError as exc:
        raise FieldError(attribute.name, exc.expected, exc.found) from None
    bad = forbidden_character(text.plain)
    if bad:
        raise FieldError(attribute.name, "one line of text", bad)
    return text


def _span(_: Any, attribute: attrs.Attribute, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 1000:
        raise FieldError(attribute.name, "a whole number from 1 to 1000", repr(value))


def _align(value: Any) -> Align | None:
    if value is None or isinstance(value, Align):
        return value
    try:
        return Align(value)
    except ValueError:
        raise FieldError("align", f"one of {', '.join(a.value for a in Align)}", repr(value)) from None


@frozen
class Cell:
    """One cell: its text (may be empty), how many columns and rows it spans, and its alignment
    (None: a number is right-aligned, a header centred, other text flush left)."""

    text: Text = field(default=Text(()), converter=attrs.Converter(_text, takes_field=True))
    colspan: int = field(default=1, validator=_span, kw_only=True)
    rowspan: int = field(default=1, validator=_span, kw_only=True)
    align: Align | None = field(default=None, converter=_align, kw_only=True)

    @property
    def numeric(self) -> bool:
        return is_number(self.text.plain)


@frozen
class Column:
    """A column's width, in centimetres (``width_cm``) or as a share of the text width (``share``,
    0 to 1); neither: computed from the content. ``align``: the default alignment of its body cells."""

    width_cm: float | None = field(default=None, kw_only=True)
    share: float | None = field(default=None, kw_only=True)
    align: Align | None = field(default=None, converter=_align, kw_only=True)

    @width_cm.validator
    def _cm(self, attribute: attrs.Attribute, value: float | None) -> None:
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))
                                  or not 0.3 <= value <= 60):
            raise FieldError(attribute.name, "a width from 0.3 to 60 cm", repr(value))

    @share.validator
    def _share(self, attribute: attrs.Attribute, value: float | None) -> None:
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))
                                  or not 0 < value < 1):
            raise FieldError(attribute.name, "a share of the text width between 0 and 1", repr(value))
        if value is not None and self.width_cm is not None:
            raise FieldError(attribute.name, "a width in cm or a share, not both", "both")


def _cell(value: Any) -> Cell:
    return value if isinstance(value, Cell) else Cell(value)


def _row(value: Any) -> tuple[Cell, ...]:
    return tuple(_cell(c) for c in value)


def _rows(value: Iterable[Any]) -> tuple[tuple[Cell, ...], ...]:
    return tuple(_row(r) for r in value)


def _row_or_none(value: Any) -> tuple[Cell, ...] | None:
    return None if value is None else _row(value)


@frozen
class Table:
    """A table: ``header`` rows (repeated at the top of every page), body ``rows``, an optional
    ``total`` row (bold), optional ``columns``. Each row's cells, with their spans, fill the columns."""

    kind: ClassVar[str] = "table"
    level: ClassVar[Level | None] = None  # not numbered
    rows: tuple[tuple[Cell, ...], ...] = field(converter=_rows)
    header: tuple[tuple[Cell, ...], ...] = field(converter=_rows, factory=tuple, kw_only=True)
    total: tuple[Cell, ...] | None = field(default=None, converter=_row_or_none, kw_only=True)
    columns: tuple[Column, ...] = field(converter=tuple, factory=tuple, kw_only=True)

    @rows.validator
    def _some_rows(self, attribute: attrs.Attribute, value: tuple[tuple[Cell, ...], ...]) -> None:
        if not value:
            raise FieldError("rows", "at least one row", "none")

    def __attrs_post_init__(self) -> None:
        for i, column in enumerate(self.columns):
            if not isinstance(column, Column):
                raise FieldError(f"columns[{i}]", "a Column", type(column).__name__)
        width = None
        for name, rows in (("header", self.header), ("rows", self.rows)):
            width = _check_grid(name, rows, width)
        if self.total is not None:
            _check_grid("total", (self.total,), width, one_row=True)
        if self.columns and len(self.columns) != width:
            raise FieldError("columns", f"one entry per column ({width}; {{}} for a column left as it is)",
                             str(len(self.columns)))
        shares = sum(c.share or 0 for c in self.columns)
        if shares > 1:
            raise FieldError("columns", "shares of the text width that add up to 1 at most", f"{shares:g}")

    @property
    def column_count(self) -> int:
        return sum(c.colspan for c in (self.header or self.rows)[0])

    def all_rows(self) -> Iterable[tuple[str, int, tuple[Cell, ...]]]:
        """``(field, index, cells)`` for every row: header, body, total."""
        for name, rows in (("header", self.header), ("rows", self.rows)):
            for i, row in enumerate(rows):
                yield name, i, row
        if self.total is not None:
            yield "total", 0, self.total


class _Spanned(Protocol):
    colspan: int
    rowspan: int


S = TypeVar("S", bound=_Spanned)


def grid_positions(rows: Iterable[Iterable[S]]) -> Iterator[tuple[list[tuple[int, S]], int]]:
    """For each row, its cells with the grid column each starts in (columns that a row span from above
    covers are stepped over), and how many columns the row fills."""
    below: dict[int, int] = {}  # column -> rows below this one that a row span above still covers
    for row in rows:
        covered = set(below)
        started: dict[int, int] = {}
        placed: list[tuple[int, S]] = []
        col = 0
        for cell in row:
            while col in covered:
                col += 1
            placed.append((col, cell))
            for c in range(col, col + cell.colspan):
                if cell.rowspan > 1:
                    started[c] = cell.rowspan - 1
            col += cell.colspan
        width = max(col, *(c + 1 for c in covered)) if covered else col
        below = {c: left - 1 for c, left in below.items() if left > 1}
        below.update(started)
        yield placed, width


def _check_grid(name: str, rows: tuple[tuple[Cell, ...], ...], width: int | None,
                one_row: bool = False) -> int | None:
    """Refuse rows whose cells do not fill ``width`` columns (row spans included); return the width.

    A row span may not run past the rows of its own part (header, body, total)."""
    for r, row in enumerate(rows):
        where = name if one_row else f"{name}[{r}]"
        for i, cell in enumerate(row):
            if not isinstance(cell, Cell):
                raise FieldError(f"{where}[{i}]", "a Cell", type(cell).__name__)
            if cell.rowspan > len(rows) - r:
                raise FieldError(f"{where}[{i}].rowspan", f"at most {len(rows) - r} (the rows left in "
                                 f"{name})", str(cell.rowspan))
    taken: dict[int, int] = {}  # column -> the last row a row span covers it to
    for r, (placed, total) in enumerate(grid_positions(rows)):
        where = name if one_row else f"{name}[{r}]"
        for i, (col, cell) in enumerate(placed):
            for c in range(col, col + cell.colspan):
                if taken.get(c, -1) >= r:
                    raise FieldError(f"{where}[{i}].colspan", "cells that leave room for a row span from "
                                     "above", str(cell.colspan))
                taken[c] = r + cell.rowspan - 1
        if width is None:
            width = total
        if total != width:
            raise FieldError(where, f"cells spanning {width} columns in all", str(total))
    return width


for _cls in (Cell, Column, Table):
    attrs.resolve_types(_cls, globals(), locals())
