"""Tables in the body and in appendices (bảng, biểu): their text's size.

The recogniser leaves table paragraphs out of the body (a cell is never a body paragraph, an item or
a heading); the header's and the closing's tables are layout. Every other table is a data table, and
its text is held to the table roles' size (``nd30.TABLE_CELL``: 12-14 pt, practice, so a finding is
a warning). Its weight and alignment are the author's: bold totals, centred headers, figures on the
right.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vbhc.nd30 import Role
from vbhc.ooxml.resolve import ResolvedParagraph, in_header_row

if TYPE_CHECKING:
    from vbhc.check.checks.core import Context


def table_paragraphs(ctx: Context) -> list[ResolvedParagraph]:
    """The paragraphs with text in data tables: any table but the header's, the closing's and the
    copy's block (PL III, Mẫu 3.1)."""
    layout = {ctx.rec.header_table, ctx.rec.closing_table, ctx.rec.signature_table}
    if ctx.rec.copy is not None:
        layout |= {x.paragraph.table[0] for x in ctx.rec.copy.items() if x.paragraph.table is not None}
    out = []
    for p in ctx.doc.paragraphs:
        if p.table is None or p.table[0] in layout or not p.visible_runs:
            continue
        root = p.table[0]
        parent = ctx.doc.tables[root].parent if root < len(ctx.doc.tables) else None
        if parent in layout and parent is not None:
            continue  # a table nested in the header or the closing is layout too
        out.append(p)
    return out


def check_tables(ctx: Context) -> None:
    """A data table's text at the table roles' size (12-14 pt; a warning outside it): the header rows'
    under ``table-header.size``, the others' under ``table-cell.size``."""
    cells = table_paragraphs(ctx)
    if not cells:
        return
    for p in cells:
        role = Role.TABLE_HEADER if in_header_row(p) else Role.TABLE_CELL
        sizes = sorted({r.size_pt for r in p.visible_runs})
        if any(s not in role.typography.size for s in sizes):
            ctx.add(f"{role.value}.size", ", ".join(f"{s:g} pt" for s in sizes), [p])
        ctx.ok(f"{role.value}.size")
