"""Signature blocks (PL I, II.7) and a joint document's issuers: writer-neutral lines and placement.

A signature block is its quyền hạn lines from the outside in, the signer's position, then the name
(``TM. ỦY BAN NHÂN DÂN`` / ``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH`` / name); an image of the signature,
when given, stands between the position and the name (PL I, II.7.d). Several signers (a joint
document, văn bản liên tịch; a biên bản) stand in rows of two, the last alone and centred when their
number is odd (:func:`signature_rows`). A joint document's issuers stand one under the other in the
header's left column, each with its own name lines (:func:`issuer_lines`). The lines themselves are
laid out by :func:`vbhc.layout.document.signature_lines`.
"""

from __future__ import annotations

from vbhc.diagnostics import Path
from vbhc.model import Document

SIGNERS_PER_ROW = 2  # PL III, Mẫu 1.9 shows two signers side by side; more take further rows


def signature_rows(count: int) -> list[tuple[int, ...]]:
    """The signers' indices row by row: two a row, in order (left, right); a last odd one alone."""
    return [tuple(range(i, min(i + SIGNERS_PER_ROW, count))) for i in range(0, count, SIGNERS_PER_ROW)]


def issuer_lines(document: Document) -> list[tuple[str, Path]]:
    """Each issuer line of the header in capitals with its field path: the issuer's name lines, then
    each joint issuer's (a văn bản liên tịch: the issuers stacked in the left column, one rule under
    the last)."""
    out = [(x.upper(), ("issuer", "name", i)) for i, x in enumerate(document.issuer.name)]
    for k, joint in enumerate(document.joint_issuers):
        out += [(x.upper(), ("joint_issuers", k, "name", i)) for i, x in enumerate(joint.name)]
    return out
