"""The marks and small boxes of PL I, Mục III: the urgency stamp, ô 11, ô 12 and ô 13, as lines.

- the urgency stamp (ô 10b) is a line whose ``box_mm`` is its level's rectangle (PL I, III.2.b);
- a circulation note (ô 11) in capitals above the Quốc hiệu (PL I, III.2.c);
- the drafter's initials and the number of copies (ô 12) under Nơi nhận: ``PL.(300)`` (PL I, III.3);
- the issuer's address, then its phone, fax, e-mail and website (ô 13), at the foot of page 1
  (PL I, III.4).
"""

from __future__ import annotations

from vbhc import nd30
from vbhc.layout.line import Line
from vbhc.model import Document, IssuanceNote, Issuer
from vbhc.model.text import literal
from vbhc.nd30 import Role, Secrecy, Urgency


def mark_lines(secrecy: Secrecy | None, urgency: Urgency | None) -> tuple[Line, ...]:
    """Ô 10a and 10b: the secrecy mark, then the urgency stamp in its level's rectangle."""
    out = []
    if secrecy is not None:
        out.append(Line(Role.SECRECY, literal(secrecy.value)))
    if urgency is not None:
        out.append(Line(Role.URGENCY, literal(urgency.value), box_mm=nd30.URGENCY_STAMP_MM[urgency]))
    return tuple(out)


def circulation_line(note: str | None) -> Line | None:
    """Ô 11: the circulation note in capitals (PL I, III.2.c)."""
    return Line(Role.CIRCULATION, literal(note.upper())) if note else None


def issuance_text(note: IssuanceNote) -> str:
    """``PL.(300)``: the initials in capitals, a full stop, the copies in brackets (PL I, III.3; Mục V)."""
    copies = nd30.ISSUANCE_COPIES_FORMAT.format(copies=note.copies) if note.copies else ""
    return f"{note.initials.upper()}{nd30.ISSUANCE_INITIALS_END}{copies}"


def issuance_line(note: IssuanceNote | None) -> Line | None:
    """Ô 12, under Nơi nhận."""
    return Line(Role.ISSUANCE_NOTE, literal(issuance_text(note))) if note is not None else None


def contact_lines(issuer: Issuer) -> tuple[Line, ...]:
    """Ô 13: the address on its own line, then "ĐT: ..., Fax: ...", then "E-Mail: ..., Website: ..."
    (PL I, III.4; Mục V, 12); a line with nothing given is left out."""
    lines = [issuer.address or ""]
    for labels in nd30.CONTACT_LINES:
        lines.append(nd30.CONTACT_SEPARATOR.join(f"{label} {value}" for key, label in labels.items()
                                                 if (value := getattr(issuer, key)) is not None))
    return tuple(Line(Role.CONTACT, literal(x)) for x in lines if x)


def marks_and_boxes(document: Document) -> dict[nd30.Region, object]:
    """The regions of the marks and small boxes, for :func:`vbhc.layout.lay_out`."""
    return {
        nd30.Region.CIRCULATION: circulation_line(document.circulation),
        nd30.Region.MARKS: mark_lines(document.secrecy, document.urgency),
        nd30.Region.ISSUANCE_NOTE: issuance_line(document.issuance),
        nd30.Region.CONTACT: contact_lines(document.issuer),
    }
