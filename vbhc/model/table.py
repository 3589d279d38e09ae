"""Tables (bảng, biểu) in the body and in appendices: header rows, body rows, a total row.

A table is a grid of :class:`Cell` rows. A cell may span columns (``colspan``) and rows
(``rowspan``); a row lists only the cells that start in it, as in HTML, so a cell covered by a row
span above is left out. A cell may hold several lines, each printed as a paragraph of its own (a
header's Quốc hiệu over its Tiêu ngữ, a list of names): its text has a line break between them
(:attr:`Cell.lines`). Column widths are optional (:class:`Column`): in centimetres, as a share of
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
from vbhc.model.text import LINE_BREAKS, Span, Text, forbidden_character
from vbhc.nd30.numbering import Level

__all__ = ["Align", "Cell", "Column", "Table", "grid_positions", "is_number", "line_problem", "number_text",
           "split_lines"]


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


def split_lines(text: Text) -> tuple[Text, ...]:
    """``text`` cut at its line breaks, each line with its spans' look (a footnote stays on its line)."""
    lines: list[list[Span]] = [[]]
    for span in text.spans:
        if span.note is not None or "\n" not in span.text:
            lines[-1].append(span)
            continue
        first, *more = span.text.split("\n")
        lines[-1].append(span.restyled(first))
        for part in more:
            lines.append([span.restyled(part)])
    return tuple(Text(tuple(x)) for x in lines)


def line_problem(value: str) -> str | None:
    """The first character of a cell's text (lines separated by line breaks) that no line may hold,
    named with its line when there are several ("line 2: a zero-width space ..."); or None."""
    lines = value.split("\n")
    for n, line in enumerate(lines, 1):
        bad = forbidden_character(line)
        if bad:
            return f"line {n}: {bad}" if len(lines) > 1 else bad
    return None


def _text(value: object, attribute: attrs.Attribute) -> Text:
    """A cell's text: one line, or several separated by a line break (each trimmed; blank ones left
    out), held with an unstyled break between them so that one look is one Text."""
    try:
        text = Text.of(value)
    except FieldError as exc:
        bad = line_problem(value) if isinstance(value, str) else None
        raise FieldError(attribute.name, exc.expected, bad or exc.found) from None
    if "\n" not in text.plain:
        bad = forbidden_character(text.plain)
        if bad:
            raise FieldError(attribute.name, "one line of text, or lines separated by line breaks", bad)
        return text
    lines = [_trimmed(x) for x in split_lines(text)]
    lines = [x for x in lines if x or x.notes]
    bad = line_problem("\n".join(x.plain for x in lines))
    if bad:
        raise FieldError(attribute.name, "lines of text without control characters", bad)
    out: list[Span] = []
    for n, line in enumerate(lines):
        out += ([Span("\n")] if n else []) + list(line.spans)
    return Text(tuple(out))


def _trimmed(text: Text) -> Text:
    spans = list(text.rstrip().spans)
    while spans and spans[0].note is None and not spans[0].text.strip():
        spans.pop(0)
    if spans and spans[0].note is None:
        spans[0] = spans[0].restyled(spans[0].text.lstrip())
    return Text(tuple(spans))


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
    """One cell: its text (may be empty; a line break starts another paragraph of the cell), how many
    columns and rows it spans, and its alignment (None: a number is right-aligned, a header centred,
    other text flush left)."""

    text: Text = field(default=Text(()), converter=attrs.Converter(_text, takes_field=True),
                       metadata={LINE_BREAKS: True})
    colspan: int = field(default=1, validator=_span, kw_only=True)
    rowspan: int = field(default=1, validator=_span, kw_only=True)
    align: Align | None = field(default=None, converter=_align, kw_only=True)

    @property
    def lines(self) -> tuple[Text, ...]:
        """The cell's lines, each printed as a paragraph of its own (one, empty, for an empty cell)."""
        return split_lines(self.text)

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


def _row(value: Any, where: str = "") -> tuple[Cell, ...]:
    out = []
    for i, c in enumerate(value):
        try:
            out.append(_cell(c))
        except FieldError as exc:  # named by its place: rows[2][1].text
            raise FieldError(f"{where}[{i}]" + (f".{exc.path}" if exc.path else ""), exc.expected,
                             exc.found) from None
    return tuple(out)


def _rows(value: Iterable[Any], attribute: attrs.Attribute) -> tuple[tuple[Cell, ...], ...]:
    return tuple(_row(r, f"{attribute.name}[{i}]") for i, r in enumerate(value))


def _row_or_none(value: Any, attribute: attrs.Attribute) -> tuple[Cell, ...] | None:
    return None if value is None else _row(value, attribute.name)


@frozen
class Table:
    """A table: ``header`` rows (repeated at the top of every page), body ``rows``, an optional
    ``total`` row (bold), optional ``columns``. Each row's cells, with their spans, fill the columns."""

    kind: ClassVar[str] = "table"
    level: ClassVar[Level | None] = None  # not numbered
    rows: tuple[tuple[Cell, ...], ...] = field(converter=attrs.Converter(_rows, takes_field=True))
    header: tuple[tuple[Cell, ...], ...] = field(converter=attrs.Converter(_rows, takes_field=True),
                                                 factory=tuple, kw_only=True)
    total: tuple[Cell, ...] | None = field(default=None, kw_only=True,
                                           converter=attrs.Converter(_row_or_none, takes_field=True))
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
