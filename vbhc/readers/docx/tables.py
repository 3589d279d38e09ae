"""A data table of the source (bảng, biểu) read into a :class:`~vbhc.model.Table`.

Rows repeated at the top of every page (``w:tblHeader``) are its header; a last row set wholly in bold
under one or more rows is its total. Merged cells become ``colspan`` (``w:gridSpan``) and ``rowspan``
(``w:vMerge``); a cell's alignment is kept where it is not the one vbhc gives anyway (a header centred,
a number on the right, other text on the left); the columns keep their widths (``w:gridCol``). A
cell of several paragraphs keeps them as its lines (a line break between them in the cell's text),
each with its bold and italic.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from vbhc.errors import FieldError
from vbhc.model.table import Cell, Column, Table, is_number
from vbhc.model.text import Text
from vbhc.nd30 import Role
from vbhc.ooxml.resolve import ResolvedParagraph, ResolvedTable, in_header_row

__all__ = ["read_table"]

_ALIGN = {"left": "left", "center": "center", "right": "right", "both": "justify", "justify": "justify",
          "distribute": "justify"}


def _bold(paragraphs: Sequence[ResolvedParagraph]) -> bool:
    runs = [r for p in paragraphs for r in p.visible_runs]
    return bool(runs) and all(r.bold for r in runs)


def read_table(table: ResolvedTable, paragraphs: Sequence[ResolvedParagraph],
               text_of: Callable[[ResolvedParagraph, Role], Text]) -> tuple[Table | None, list[str]]:
    """The table, or None when its cells make no grid the model takes; and the problems found.
    ``paragraphs`` are the table's own (none of a nested table's);
    ``text_of`` reads a paragraph's text for a role."""
    problems: list[str] = []
    by_cell: dict[tuple[int, int], list[ResolvedParagraph]] = {}
    for p in paragraphs:
        assert p.table is not None
        by_cell.setdefault((p.table[1], p.table[2]), []).append(p)
    header_rows = 0
    for r in range(len(table.rows)):
        cells = [by_cell.get((r, c), []) for c in range(len(table.rows[r]))]
        if any(cells) and all(in_header_row(ps[0]) for ps in cells if ps):
            header_rows = r + 1
        else:
            break
    total_at = len(table.rows) - 1 if len(table.rows) - header_rows >= 2 else None
    if total_at is not None:
        last = [by_cell.get((total_at, c), []) for c in range(len(table.rows[total_at]))]
        if not all(_bold(ps) for ps in last if any(x.visible_runs for x in ps)) or not any(last):
            total_at = None
    rows: list[tuple[Cell, ...]] = []
    for r, row in enumerate(table.rows):
        header, total = r < header_rows, r == total_at
        out: list[Cell] = []
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
            texts = [text_of(p, role) for p in ps]
            text = Text(())
            for n, line in enumerate(t for t in texts if t):  # a line of the cell per paragraph
                text = text + "\n" + line if n else line
            align = _ALIGN.get(ps[0].alignment) if ps else None
            default = "center" if header else ("right" if is_number(text.plain) else "left")
            out.append(Cell(text, colspan=cell.grid_span, rowspan=span,
                            align=align if align is not None and align != default else None))
        rows.append(tuple(out))
    try:
        columns = tuple(Column(width_cm=x) for x in table.grid_cm) if all(
            0.3 <= x <= 60 for x in table.grid_cm) else ()
        body_end = total_at if total_at is not None else len(rows)
        return Table(rows[header_rows:body_end], header=rows[:header_rows],
                     total=rows[total_at] if total_at is not None else None, columns=columns), problems
    except FieldError as exc:
        problems.append(f"its cells make no grid vbhc can lay out ({exc.path}: expected {exc.expected})")
        return None, problems


def _merged_below(table: ResolvedTable, row: int, column: int) -> bool:
    """Whether the cell of ``row`` starting at grid ``column`` continues a row span from above."""
    at = 0
    for cell in table.rows[row]:
        if at == column:
            return cell.v_merge == "continue"
        at += cell.grid_span
    return False
