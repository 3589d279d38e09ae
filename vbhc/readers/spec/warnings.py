"""Warnings about a document: what the decree frowns on but an author may intend."""

from __future__ import annotations

from collections.abc import Callable

from vbhc.diagnostics import Path
from vbhc.model import Document
from vbhc.nd30 import LEGAL_BASIS_ENDS, LEGAL_BASIS_LAST_END


def document_warnings(document: Document, warn: Callable[[Path, str], None]) -> None:
    """Warn about a missing Lưu line and căn cứ lines without their final ";" or "."."""
    if document.archive is None:
        warn(("archive",), 'no "Lưu: VT" line: Decree 30 ends Nơi nhận with it (PL I, II.9.d); '
                           "leave archive out (or {}) to print \"Lưu: VT.\"")
    bases = document.legal_bases
    for i, basis in enumerate(bases):
        end = LEGAL_BASIS_ENDS.end(i, len(bases))
        plain = basis.plain.rstrip()
        if not plain.endswith(end):
            which = "the last căn cứ" if end == LEGAL_BASIS_LAST_END else "a căn cứ other than the last"
            warn(("legal_bases", i), f'{which} ends with "{end}" (PL I, II.6.a); this one ends with '
                                     f'"{plain[-1:]}", and vbhc prints "{end}" instead')
