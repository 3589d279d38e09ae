"""Checks of the marks and small boxes: the urgency stamp's ink and rectangle, ô 12 and ô 13.

- :func:`allowed_inks`: text is black (PL I, I.4) except where a role's record gives an ink: the
  urgency stamp's red (PL I, III.2.b). Red anywhere else is still a ``font.color`` finding.
- :func:`check_marks`: the urgency stamp stands in a rectangle of its level's size (a one-cell table
  or a framed paragraph; ``urgency.stamp``);
- :func:`check_copy`: a copy's number carries its kind's code (``Số: 05/SY-UBND`` under "SAO Y":
  ``copy.number``) and its Nơi nhận ends "- Lưu: VT." (``copy.archive``; PL III, Mẫu 3.1).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from vbhc import nd30
from vbhc.ooxml.resolve import ResolvedParagraph
from vbhc.ooxml.xml import w

if TYPE_CHECKING:
    from vbhc.check.checks import Context
    from vbhc.recognise.components import Recognition

STAMP_TOLERANCE_MM = 1.0  # a stamp drawn within 1 mm of its size is its size (Word rounds to twips)
_TWIPS_PER_MM = 1440 / 25.4


def allowed_inks(rec: Recognition) -> dict[int, str]:
    """The ink each recognised paragraph may be printed in besides black, by ``id`` of the paragraph."""
    return {id(x.paragraph): ink for x in rec.all() if (ink := x.role.record.ink) is not None}


def inked_elements(rec: Recognition) -> dict[Any, str]:
    """The ``w:p`` elements printed in an ink of their role (the urgency stamp's), for ``--fix``."""
    return {x.paragraph.element: ink for x in rec.all() if (ink := x.role.record.ink) is not None}


def _stamp_size_mm(doc_tables: tuple, paragraph: ResolvedParagraph) -> tuple[float, float] | None:
    """(width, height) in mm of the one-cell table that holds ``paragraph``, when it is one with an
    exact row height; else of its frame (``w:framePr`` with ``w:w`` and ``w:h``); else None."""
    frame = paragraph.element.find(f"{w('pPr')}/{w('framePr')}")
    if frame is not None and frame.get(w("w")) and frame.get(w("h")):
        return int(frame.get(w("w"))) / _TWIPS_PER_MM, abs(int(frame.get(w("h")))) / _TWIPS_PER_MM
    if paragraph.table is None:
        return None
    table = doc_tables[paragraph.table[0]]
    if len(table.rows) != 1 or len(table.rows[0]) != 1:
        return None
    row = paragraph.element.getparent().getparent()  # w:p -> w:tc -> w:tr
    height = row.find(f"{w('trPr')}/{w('trHeight')}") if row is not None else None
    width = table.cell_width_cm(0, 0)
    if height is None or width is None or height.get(w("hRule")) != "exact":
        return None
    return width * 10, int(height.get(w("val"))) / _TWIPS_PER_MM


def check_marks(ctx: Context) -> None:
    """``urgency.stamp``: the stamp's rectangle is its level's size (PL I, III.2.b)."""
    stamps = [x for x in ctx.rec.marks if x.role is nd30.Role.URGENCY]
    if not stamps:
        ctx.na("urgency.stamp", "no urgency mark in this document")
    for item in stamps:
        level = next((u for u in nd30.Urgency if u.value == item.text.upper().replace("HOẢ", "HỎA")), None)
        wanted = nd30.URGENCY_STAMP_MM.get(level) if level is not None else None
        found = _stamp_size_mm(ctx.doc.tables, item.paragraph)
        if wanted is None:
            continue
        if found is None:
            ctx.add("urgency.stamp", "no rectangle of a set size around the mark", [item.paragraph],
                    expected=f"{wanted[0]:g} × {wanted[1]:g} mm")
        elif any(abs(a - b) > STAMP_TOLERANCE_MM for a, b in zip(found, wanted, strict=True)):
            ctx.add("urgency.stamp", f"{found[0]:.1f} × {found[1]:.1f} mm", [item.paragraph],
                    expected=f"{wanted[0]:g} × {wanted[1]:g} mm")
        ctx.ok("urgency.stamp")


_COPY_NUMBER = re.compile(r"^Số\s*:\s*(\d+)\s*/\s*([^-\s]+)-\S+$")
_KIND_BY_WORDS = {k.words: k for k in nd30.CopyKind}
COPY_ARCHIVE = f"{nd30.LIST_ITEM_PREFIX}{nd30.ARCHIVE_LABEL} {nd30.ARCHIVE_REGISTRY}{nd30.LIST_LAST_END}"


def check_copy(ctx: Context) -> None:
    """``copy.number`` and ``copy.archive`` of a copy's block (PL I, Phần II, II.1.c; PL III, Mẫu 3.1)."""
    copy = ctx.rec.copy
    if copy is None:
        for rule_id in ("copy.number", "copy.archive"):
            ctx.na(rule_id, "no copy's block in this document")
        return
    kind = _KIND_BY_WORDS.get(copy.kind.text.upper().replace("LUC", "LỤC"))
    if copy.number is None:
        ctx.add("copy.number", "no \"Số:\" line", [copy.kind.paragraph])
    elif kind is not None:
        m = _COPY_NUMBER.match(copy.number.text)
        wanted = f"{nd30.NUMBER_LABEL} NN{nd30.NUMBER_SEPARATOR}{kind.abbreviation}-..."
        if m is None or m.group(2) != kind.abbreviation or len(m.group(1)) < nd30.NUMBER_MIN_DIGITS:
            ctx.add("copy.number", f'"{copy.number.text}"', [copy.number.paragraph], expected=wanted)
    ctx.ok("copy.number")
    last = copy.recipients[-1].text if copy.recipients else None
    if last is None:
        ctx.add("copy.archive", "no Nơi nhận", [copy.kind.paragraph])
    elif not last.replace(" ", "").startswith(COPY_ARCHIVE.replace(" ", "")[:-1]) or not last.endswith("."):
        ctx.add("copy.archive", f'the last line is "{last}"', [copy.recipients[-1].paragraph])
    ctx.ok("copy.archive")
