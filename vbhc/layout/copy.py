"""A paper copy's block (PL I, Phần II, II; PL III, Mẫu 3.1), laid out as lines.

The block follows the copied text on the same sheet, below a full-width solid line (PL I, Phần II,
II.2.a). On the left: the copying body (ô 2), its number ``Số: 05/SY-UBND`` (ô 3: the copy's number in
the body's one yearly series, then the kind's code and the body's: PL I, Phần II, II.1.c; PL III, Mục I)
and Nơi nhận ending ``- Lưu: VT.`` (ô 7); on the right: ``SAO Y``, ``SAO LỤC`` or ``TRÍCH SAO`` (ô 1),
the place and date of the copy (ô 4) and the signature (ô 5a-5c). Each line takes the look of the
component it is (PL I, Phần II, II.2.c), so it keeps that component's role; the kind has a role of its
own (``Role.COPY_KIND``).
"""

from __future__ import annotations

from vbhc import nd30
from vbhc.layout.document import BLANK_NUMBER, date_text, list_lines, recipient_entries, signature_lines
from vbhc.layout.line import Line
from vbhc.layout.regions import CopyRegion
from vbhc.model import Copy, Document, Issuer
from vbhc.model.text import literal
from vbhc.nd30 import Role


def copy_number_text(copy: Copy, issuer_abbreviation: str) -> str:
    """``Số: 05/SY-UBND``: the copy's number, then the kind's code and the copying body's."""
    number = nd30.format_number(copy.number) if copy.number else BLANK_NUMBER
    symbol = nd30.reference_symbol(copy.kind.abbreviation, issuer_abbreviation)
    return f"{nd30.NUMBER_LABEL} {number}{nd30.NUMBER_SEPARATOR}{symbol}"


def copy_region(document: Document) -> CopyRegion[Line] | None:
    """The copy block of ``document.copy`` (None when the document is not copied); the copying body
    and place are the document's unless the copy names its own."""
    copy = document.copy
    if copy is None:
        return None
    return copy_lines(copy, copy.issuer or document.issuer, copy.place or document.place)


def copy_lines(copy: Copy, issuer: Issuer, place: str) -> CopyRegion[Line]:
    """The copy block of ``copy`` made by ``issuer`` at ``place``."""
    archive = f"{nd30.ARCHIVE_LABEL} {nd30.ARCHIVE_REGISTRY}"  # PL III, Mẫu 3.1: "- Lưu: VT."
    return CopyRegion(
        kind=Line(Role.COPY_KIND, literal(copy.kind.words)),
        issuer=tuple(Line(Role.ISSUER, literal(x.upper())) for x in issuer.name),
        number=Line(Role.NUMBER, literal(copy_number_text(copy, issuer.abbreviation))),
        place_date=Line(Role.PLACE_DATE, literal(f"{place}{nd30.PLACE_SEPARATOR}{date_text(copy.date)}")),
        signature=signature_lines(copy.signature),
        recipients=tuple(list_lines([*recipient_entries(copy.recipients), archive])),
    )
