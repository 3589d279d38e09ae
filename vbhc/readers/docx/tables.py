"""A data table of the source (bảng, biểu) read into a :class:`~vbhc.model.Table`.

Rows repeated at the top of every page (``w:tblHeader``) are its header, or, where no row is, the
first rows typed bold and centred; a last row set wholly in bold under one or more rows is its total
(an empty one is a row to fill in). Merged cells become ``colspan`` (``w:gridSpan``) and ``rowspan``
(``w:vMerge``); a cell's alignment is kept where it is not the one vbhc gives anyway (a header
centred, a number on the right, other text on the left), on the column where all its cells print
one way (the STT column centred); the columns keep their widths (``w:gridCol``). A cell of several
paragraphs (or lines broken by hand) keeps them as its lines, each with its bold, italic and tabs;
Word's bullet is written "- "; a table nested in a cell becomes lines of that cell
(:func:`nested_lines`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs

from vbhc.errors import FieldError
from vbhc.model.table import Cell, Column, Table, is_number
from vbhc.model.text import Text
from vbhc.nd30 import Role
from vbhc.ooxml.resolve import ResolvedParagraph, ResolvedTable, in_header_row
from vbhc.ooxml.xml import TBL, TC, TR

__all__ = ["nested_lines", "read_table"]

_ALIGN = {"left": "left", "center": "center", "right": "right", "both": "justify", "justify": "justify",
          "distribute": "justify"}


def _bold(paragraphs: Sequence[ResolvedParagraph]) -> bool:
    runs = [r for p in paragraphs for r in p.visible_runs]
    return bool(runs) and all(r.bold for r in runs)


def _typed_header(cells: Sequence[Sequence[ResolvedParagraph]]) -> bool:
    """A row typed as a header without Word's "repeat as header row": every cell with text wholly bold
    and centred (offices' habit; vbhc marks its own header rows ``w:tblHeader``)."""
    typed = [ps for ps in cells if any(p.visible_runs for p in ps)]
    return bool(typed) and all(_bold(ps) and all(p.alignment == "center" for p in ps if p.visible_runs)
                               for ps in typed)


def _header_rows(table: ResolvedTable, by_cell: dict[tuple[int, int], list[ResolvedParagraph]]) -> int:
    """How many first rows are the header: those marked to repeat (``w:tblHeader``); where none is, the
    first rows typed as one (:func:`_typed_header`), a body row left under them."""
    rows = [[by_cell.get((r, c), []) for c in range(len(table.rows[r]))] for r in range(len(table.rows))]
    marked = 0
    for cells in rows:
        if not (any(cells) and all(in_header_row(ps[0]) for ps in cells if ps)):
            break
        marked += 1
    if marked:
        return marked
    typed = 0
    while typed < len(rows) and _typed_header(rows[typed]):
        typed += 1
    return typed if typed < len(rows) else 0


def _line_of(p: ResolvedParagraph, text: Text) -> Text:
    """A cell paragraph's line: Word's bullet written as the decree's "-", a list number as typed."""
    label = p.numbering_label
    if not label or not text:
        return text
    return ("- " if not any(ch.isalnum() for ch in label) else f"{label} ") + text


def nested_lines(host: Sequence[ResolvedParagraph], paragraphs: Sequence[ResolvedParagraph]
                 ) -> tuple[dict[tuple[int, int], list[tuple[int, str]]], list[ResolvedParagraph]]:
    """The paragraphs of tables nested in the cells of the table whose own paragraphs are ``host``, as
    lines of the host cell (the model has no nested table): a row of a nested table one line, its cells'
    text separated by tabs. Returns the lines by host cell ``(row, cell)``, each with the index of the
    paragraph it stands at, and the paragraphs whose host cell was not found (left to the caller)."""
    table = next((x for x in _ancestors(host[0]) if x.tag == TBL), None) if host else None
    rows: dict[tuple[int, int], list[ResolvedParagraph]] = {}  # (nested table, its row) -> paragraphs
    where: dict[tuple[int, int], tuple[int, int]] = {}
    left: list[ResolvedParagraph] = []
    for p in paragraphs:
        cell = _host_cell(p, table) if table is not None and p.table is not None else None
        if cell is None or p.table is None:
            left.append(p)
            continue
        key = (p.table[0], p.table[1])
        rows.setdefault(key, []).append(p)
        where[key] = cell
    out: dict[tuple[int, int], list[tuple[int, str]]] = {}
    for key, ps in rows.items():
        cells: dict[int, list[str]] = {}
        for p in ps:
            text = " ".join(((p.numbering_label or "") + " " + "".join(
                r.text.upper() if r.caps else r.text for r in p.visible_runs)).split())
            if text and p.table is not None:
                cells.setdefault(p.table[2], []).append(text)
        line = "\t".join(" ".join(v) for _, v in sorted(cells.items()))
        if line:
            out.setdefault(where[key], []).append((ps[0].index, line))
    return out, left


def _ancestors(p: ResolvedParagraph) -> list[Any]:
    out = []
    el = p.element.getparent() if p.element is not None else None
    while el is not None:
        out.append(el)
        el = el.getparent()
    return out


def _host_cell(p: ResolvedParagraph, table: Any) -> tuple[int, int] | None:
    """The (row, cell) of ``table`` (a ``w:tbl``) whose cell holds ``p``: the cell just below the table
    among ``p``'s ancestors, counted as the resolver counts them (``w:tr`` and ``w:tc`` children)."""
    tc = None
    for el in _ancestors(p):
        if el is table:
            if tc is None:
                return None
            tr = tc.getparent()
            if tr is None or tr.getparent() is not table:
                return None
            return ([x for x in table if x.tag == TR].index(tr), [x for x in tr if x.tag == TC].index(tc))
        if el.tag == TC:
            tc = el
    return None


def read_table(table: ResolvedTable, paragraphs: Sequence[ResolvedParagraph],
               text_of: Callable[[ResolvedParagraph, Role], Text],
               nested: dict[tuple[int, int], list[tuple[int, str]]] | None = None
               ) -> tuple[Table | None, list[str]]:
    """The table, or None when its cells make no grid the model takes; and the problems found.
    ``paragraphs`` are the table's own (none of a nested table's); ``text_of`` reads a paragraph's text
    for a role; ``nested``: lines of nested tables by cell (:func:`nested_lines`), placed among the
    cell's own by where they stand."""
    problems: list[str] = []
    nested = nested or {}
    by_cell: dict[tuple[int, int], list[ResolvedParagraph]] = {}
    for p in paragraphs:
        assert p.table is not None
        by_cell.setdefault((p.table[1], p.table[2]), []).append(p)
    header_rows = _header_rows(table, by_cell)
    total_at = len(table.rows) - 1 if len(table.rows) - header_rows >= 2 else None
    if total_at is not None:
        last = [by_cell.get((total_at, c), []) for c in range(len(table.rows[total_at]))]
        typed = [ps for ps in last if any(x.visible_runs for x in ps)]
        if not typed or not all(_bold(ps) for ps in typed):  # an empty last row is a row to fill in
            total_at = None
    rows: list[tuple[Cell, ...]] = []
    starts: list[list[int]] = []  # each row's cells' first grid column
    for r, row in enumerate(table.rows):
        header, total = r < header_rows, r == total_at
        out: list[Cell] = []
        starts.append([])
        column = 0
        for c, cell in enumerate(row):
            start, column = column, column + cell.grid_span
            if cell.v_merge == "continue":
                continue
            span = 1
            if cell.v_merge == "restart":
                while r + span < len(table.rows) and _merged_below(table, r + span, start):
                    span += 1
            ps = by_cell.get((r, c), [])
            role = Role.TABLE_HEADER if header else Role.TABLE_CELL
            if total:
                role = Role.TABLE_HEADER  # printed bold: its bold is the total's, not the text's
            placed = [(p.index, _line_of(p, text_of(p, role))) for p in ps]
            if (r, c) in nested:
                problems.append(f"a table nested in a cell (row {r + 1}) is read as lines of the cell, "
                                "its columns separated by tabs")
                placed += [(i, Text(line)) for i, line in nested[(r, c)]]
            text = Text(())
            for n, line in enumerate(t for _, t in sorted(placed, key=lambda x: x[0]) if t):
                text = text + "\n" + line if n else line  # a line of the cell per paragraph
            align = _ALIGN.get(ps[0].alignment) if ps else None
            default = "center" if header else ("right" if is_number(text.plain) else "left")
            out.append(Cell(text, colspan=cell.grid_span, rowspan=span,
                            align=align if align is not None and align != default else None))
            starts[-1].append(start)
        rows.append(tuple(out))
    aligns = _column_aligns(rows, starts, header_rows)
    try:
        columns = tuple(Column(width_cm=x) for x in table.grid_cm) if all(
            0.3 <= x <= 60 for x in table.grid_cm) else ()
        if aligns:
            width = max((s + c.colspan for row, at in zip(rows, starts, strict=True)
                         for s, c in zip(at, row, strict=True)), default=0)
            columns = tuple(attrs.evolve(columns[i] if i < len(columns) else Column(), align=aligns.get(i))
                            for i in range(max(width, len(columns))))
        body_end = total_at if total_at is not None else len(rows)
        return Table(rows[header_rows:body_end], header=rows[:header_rows],
                     total=rows[total_at] if total_at is not None else None, columns=columns), problems
    except FieldError as exc:
        problems.append(f"its cells make no grid vbhc can lay out ({exc.path}: expected {exc.expected})")
        return None, problems


def _column_aligns(rows: list[tuple[Cell, ...]], starts: list[list[int]], header_rows: int) -> dict[int, str]:
    """The alignment of each column whose body and total cells all print one way that is not every
    cell's default (the STT column centred): set on the column instead of on each cell, which is
    cleared in ``rows``. Cells print as before: a body cell without its own alignment takes its
    column's (:func:`vbhc.layout.table.table_region`)."""
    by_column: dict[int, list[tuple[int, int]]] = {}
    for r in range(header_rows, len(rows)):
        for i, start in enumerate(starts[r]):
            by_column.setdefault(start, []).append((r, i))
    out: dict[int, str] = {}
    for column, places in by_column.items():
        cells = [rows[r][i] for r, i in places]
        shown = {c.align.value if c.align is not None else ("right" if c.numeric else "left") for c in cells}
        if len(shown) == 1 and any(c.align is not None for c in cells):
            out[column] = shown.pop()
            for r, i in places:
                rows[r] = (*rows[r][:i], attrs.evolve(rows[r][i], align=None), *rows[r][i + 1:])
    return out


def _merged_below(table: ResolvedTable, row: int, column: int) -> bool:
    """Whether the cell of ``row`` starting at grid ``column`` continues a row span from above."""
    at = 0
    for cell in table.rows[row]:
        if at == column:
            return cell.v_merge == "continue"
        at += cell.grid_span
    return False
