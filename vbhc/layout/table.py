"""Tables laid out: cells as lines in the table roles, alignment decided, column widths computed.

:func:`table_region` turns a :class:`vbhc.model.Table` into a :class:`TableRegion` of
:class:`~vbhc.layout.Line` cells (a line per paragraph of the cell): header cells bold and centred,
a number ("1.234,5") right-aligned, the total row bold. :func:`column_widths` sizes the columns for
a text width: widths given in cm or as shares are kept; the others share what is left in proportion
to their content, measured with Times New Roman's metrics (a cell of several paragraphs by its
widest), and never narrower than their longest word where the width allows. Both take time linear
in the number of cells.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from vbhc.layout.metrics import text_width_pt
from vbhc.layout.regions import CellRegion, TableRegion
from vbhc.model.table import Align, Cell, Column, Table, grid_positions
from vbhc.model.text import Text
from vbhc.nd30 import Role

# Cell margins, left and right, in points (the writer's w:tblCellMar): Word's default 0.19 cm.
CELL_MARGIN_PT = 5.4
MIN_COLUMN_PT = 18.0  # a column is never narrower than this, whatever its content (about 0.6 cm)
_CM_PT = 72 / 2.54

# (role, is it the total row) -> a Line maker; Line is imported late to avoid a cycle with document.py
LineMaker = Callable[[Role, Text], object]


def _align(cell: Cell, column: Column | None, header: bool) -> str:
    if cell.align is not None:
        return cell.align.value
    if header:
        return Align.CENTER.value
    if column is not None and column.align is not None:
        return column.align.value
    if cell.numeric:
        return Align.RIGHT.value  # practice: figures line up on the right (nd30.THOUSANDS_SEPARATOR)
    return Align.LEFT.value


def table_region(table: Table, line: LineMaker, resolve: Callable[[Text], Text] = lambda t: t
                 ) -> TableRegion[object]:
    """``table`` laid out: every cell a line of the table's roles (header rows bold and centred; the
    total row bold). A body cell is aligned as it says, else as its column says, else right for a
    number and left for text."""
    columns = table.columns

    def row(cells: Sequence[Cell], header: bool, total: bool) -> tuple[CellRegion[object], ...]:
        out = []
        col = 0
        for cell in cells:
            column = columns[col] if col < len(columns) else None
            role = Role.TABLE_HEADER if header else Role.TABLE_CELL
            lines = []
            for text in cell.lines:
                text = resolve(text)
                lines.append(line(role, text.styled(bold=True) if total else text))
            out.append(CellRegion(lines=tuple(lines), colspan=cell.colspan, rowspan=cell.rowspan,
                                  align=_align(cell, column, header)))
            col += cell.colspan
        return tuple(out)

    return TableRegion(
        header=tuple(row(r, True, False) for r in table.header),
        rows=tuple(row(r, False, False) for r in table.rows),
        total=row(table.total, False, True) if table.total is not None else (),
        columns=columns, column_count=table.column_count)


Look = Callable[[Role], tuple[float, bool, bool]]  # a role's size (pt), bold, italic


def grid(region: TableRegion[object]) -> list[list[tuple[int, CellRegion[object]]]]:
    """Each row's cells with the grid column each starts in (header, body and total each their own
    grid: a row span stays within its part)."""
    parts = (region.header, region.rows, (region.total,) if region.total else ())
    return [placed for rows in parts for placed, _ in grid_positions(rows)]


def column_widths(region: TableRegion[object], width_pt: float, look: Look) -> list[float]:
    """Widths in points that add up to ``width_pt``: given widths (cm, shares) kept, the rest
    shared by content; each column at least its longest word where the width allows."""
    n = region.column_count
    natural = [0.0] * n  # the widest one-column cell's text on one line
    word = [0.0] * n  # its longest word
    for placed in grid(region):
        for col, cell in placed:
            if cell.colspan != 1:
                continue
            for line in cell.lines:  # a cell of several paragraphs: its widest one
                size, bold, italic = look(line.role)  # type: ignore[attr-defined]
                plain = line.plain  # type: ignore[attr-defined]
                bold = bold or any(s.bold for s in line.text)  # type: ignore[attr-defined]
                natural[col] = max(natural[col], text_width_pt(plain, size, bold=bold, italic=italic))
                longest = max(plain.split(), key=len, default="")
                word[col] = max(word[col], text_width_pt(longest, size, bold=bold, italic=italic))
    fixed: dict[int, float] = {}
    for i, column in enumerate(region.columns[:n]):
        if column.width_cm is not None:
            fixed[i] = column.width_cm * _CM_PT
        elif column.share is not None:
            fixed[i] = column.share * width_pt
    free = [i for i in range(n) if i not in fixed]
    room = width_pt - sum(fixed.values())
    widths = [fixed.get(i, 0.0) for i in range(n)]
    if free:
        margin = 2 * CELL_MARGIN_PT
        low = {i: max(word[i] + margin, MIN_COLUMN_PT) for i in free}
        want = {i: max(natural[i] + margin, low[i]) for i in free}
        if sum(want.values()) <= room:  # everything fits on one line: spread the rest by content
            total = sum(want.values())
            for i in free:
                widths[i] = room * want[i] / total
        elif sum(low.values()) <= room:  # longest words fit: the rest goes where text is longest
            extra = room - sum(low.values())
            grow = sum(want[i] - low[i] for i in free) or 1.0
            for i in free:
                widths[i] = low[i] + extra * (want[i] - low[i]) / grow
        else:  # too narrow even for the words: in proportion to them
            total = sum(low.values())
            for i in free:
                widths[i] = max(room, MIN_COLUMN_PT * len(free)) * low[i] / total
    if sum(widths) > 0 and abs(sum(widths) - width_pt) > 0.01:  # given widths: scaled to fit
        scale = width_pt / sum(widths)
        widths = [x * scale for x in widths]
    return widths



__all__ = ["CELL_MARGIN_PT", "TableRegion", "column_widths", "grid", "table_region"]
