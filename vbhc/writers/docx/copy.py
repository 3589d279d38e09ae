"""A paper copy's block as Word prints it (PL I, Phần II, II.2; PL III, Mẫu 3.1).

Right after the copied text (its closing, or its last appendix), on the same sheet: a solid line the
full width of the text block (PL I, Phần II, II.2.a), then a borderless table of the header's two
columns: the copying body and its short line over the kind ("SAO Y"); the copy's number level with its
place and date; Nơi nhận level with the signature. The rows do not split across pages and the line
keeps with them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vbhc import nd30
from vbhc.layout import Line
from vbhc.layout.regions import CopyRegion
from vbhc.ooxml.build import Element, el, ppr
from vbhc.writers.docx.template import RULE_STYLE

if TYPE_CHECKING:
    from vbhc.writers.docx.writer import _Writer

SPACE_BEFORE_COPY_PT = 12  # between the copied text's last line and the full-width line (a choice)


def copy_block(writer: _Writer, copy: CopyRegion[Line]) -> list[Element]:
    """The full-width line and the copy's table."""
    left_w, right_w = writer.columns()
    line = el("p", None, ppr(style=RULE_STYLE, keep_next=True, before_pt=SPACE_BEFORE_COPY_PT))
    issuer = [writer.para(x) for x in copy.issuer]
    if copy.issuer:  # PL I, II.2.b, as in the header (PL I, Phần II, II.2.c)
        longest = max(writer.width_twips(x) for x in copy.issuer)
        issuer.append(writer.rule(round(longest * nd30.ISSUER_RULE_FRACTION), left_w))
    number = [writer.para(copy.number)] if copy.number is not None else []
    place_date = [writer.para(copy.place_date)] if copy.place_date is not None else []
    signature = writer.signature_cell(copy.signature) if copy.signature is not None else []
    recipients = [writer.para(x) for x in copy.recipients]
    return [line, writer.table((left_w, right_w), [[issuer, [writer.para(copy.kind)]], [number, place_date],
                                                   [recipients, signature]])]

