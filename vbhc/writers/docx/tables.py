"""A laid-out table (:class:`vbhc.layout.regions.TableRegion`) as a Word table.

Fixed layout, as wide as the text; single black borders; Word's default cell margins; header rows
repeated at the top of every page (``w:tblHeader``); rows kept whole on a page (``w:cantSplit``)
unless a row is too long to fit one; merged cells as ``w:gridSpan`` and ``w:vMerge``. Elements are
built in schema order through :func:`vbhc.ooxml.build.ordered`. Time is linear in the cells.
"""

from __future__ import annotations

from collections.abc import Callable

from vbhc.layout import Line
from vbhc.layout.regions import CellRegion, TableRegion
from vbhc.layout.table import CELL_MARGIN_PT, Look, column_widths, grid
from vbhc.model.text import Text
from vbhc.nd30 import Role
from vbhc.ooxml.build import Element, el, ordered, twips_from_pt

# Practice: a row with more text than this is allowed to break across pages (a row taller than a
# page cannot be kept whole: Word would cut it at the page's foot anyway).
KEEP_ROW_MAX_CHARS = 600
BORDER_EIGHTHS = 4  # a single line of 1/2 pt
_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}

Paragraph = Callable[..., Element]  # the writer's para(line, **ppr keywords)


def _borders() -> Element:
    return ordered("tblBorders", [el(side, {"val": "single", "sz": BORDER_EIGHTHS, "space": 0,
                                            "color": "000000"})
                                  for side in ("top", "left", "bottom", "right", "insideH", "insideV")])


def table_xml(region: TableRegion[Line], text_width: int, look: Look, para: Paragraph) -> Element:
    """``region`` as a ``w:tbl`` ``text_width`` twips wide; ``para(line, jc=...)`` writes a cell's line."""
    widths_pt = column_widths(region, text_width / 20, look)  # type: ignore[arg-type]
    widths = [twips_from_pt(x) for x in widths_pt]
    widths[-1] += text_width - sum(widths)  # the columns add up to the text width exactly
    margin = twips_from_pt(CELL_MARGIN_PT)
    tbl = el("tbl", None, ordered("tblPr", [
        el("tblW", {"w": text_width, "type": "dxa"}),
        el("jc", {"val": "center"}),
        el("tblInd", {"w": 0, "type": "dxa"}),
        _borders(),
        el("tblLayout", {"type": "fixed"}),
        ordered("tblCellMar", [el("left", {"w": margin, "type": "dxa"}),
                               el("right", {"w": margin, "type": "dxa"})]),
        el("tblLook", {"val": "0000", "firstRow": 1 if region.header else 0, "lastRow": 0,
                       "firstColumn": 0, "lastColumn": 0, "noHBand": 1, "noVBand": 1}),
    ]))
    tbl.append(el("tblGrid", None, *(el("gridCol", {"w": x}) for x in widths)))
    header_rows = len(region.header)
    continuing: dict[int, tuple[int, int]] = {}  # start column -> (rows still covered, colspan)
    for r, placed in enumerate(grid(region)):
        if r in (header_rows, header_rows + len(region.rows)):
            continuing = {}  # a row span stays within the header, the body or the total
        starts = {col: cell for col, cell in placed}
        cells: list[tuple[int, CellRegion[Line] | None, int]] = [(c, None, span) for c, (_, span)
                                                                 in continuing.items()]
        cells += [(col, cell, cell.colspan) for col, cell in placed]
        cells.sort(key=lambda x: x[0])
        chars = sum(len(x.plain) for cell in starts.values() for x in cell.lines)
        row_props = [el("cantSplit") if chars <= KEEP_ROW_MAX_CHARS else None,
                     el("tblHeader") if r < header_rows else None]
        tr = el("tr", None, ordered("trPr", row_props) if any(x is not None for x in row_props) else None)
        for col, cell, span in cells:
            width = sum(widths[col:col + span])
            merge = None
            if cell is None:
                merge = el("vMerge")
            elif cell.rowspan > 1:
                merge = el("vMerge", {"val": "restart"})
            tc = el("tc", None, ordered("tcPr", [
                el("tcW", {"w": width, "type": "dxa"}),
                el("gridSpan", {"val": span}) if span > 1 else None,
                merge,
                el("vAlign", {"val": "center"}) if r < header_rows or (cell and cell.rowspan > 1) else None,
            ]))
            if cell is None:  # under a row span: an empty paragraph in the cells' style
                tc.append(para(Line(Role.TABLE_CELL, Text(()))))
            else:  # a paragraph per line of the cell, each with the cell's alignment
                tc.extend(para(x, jc=_JC[cell.align]) for x in cell.lines)
            tr.append(tc)
        continuing = {c: (left - 1, span) for c, (left, span) in continuing.items() if left > 1}
        continuing.update({col: (cell.rowspan - 1, cell.colspan) for col, cell in placed if cell.rowspan > 1})
        tbl.append(tr)
    return tbl
