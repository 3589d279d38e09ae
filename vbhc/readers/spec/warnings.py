"""Warnings about a document: what the decree frowns on but an author may intend."""

from __future__ import annotations

from collections.abc import Callable

from vbhc.diagnostics import Path
from vbhc.model import Article, Document
from vbhc.nd30 import LEGAL_BASIS_ENDS, LEGAL_BASIS_LAST_END
from vbhc.nd30.forms import ATTACHED_BY_WORDS, ISSUING_WORDS


def document_warnings(document: Document, warn: Callable[[Path, str], None]) -> None:
    """Warn about a missing Lưu line, căn cứ lines without their final ";" or ".", and a quyết định
    with an attached text whose words do not issue it (PL III, Mẫu 1.3)."""
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
    if document.attachment is not None:
        _issuing_words(document, warn)


def _issuing_words(document: Document, warn: Callable[[Path, str], None]) -> None:
    """PL III, Mẫu 1.3: the trích yếu "Ban hành (Phê duyệt) …" and Điều 1 "Ban hành (Phê duyệt) kèm theo
    Quyết định này …" name the text it issues."""
    summary = document.summary.plain if document.summary is not None else ""
    if not summary.startswith(ISSUING_WORDS):
        warn(("summary",), f'the trích yếu of a quyết định that issues a text opens "{ISSUING_WORDS[0]}" '
                           f'or "{ISSUING_WORDS[1]}" (PL III, Mẫu 1.3); this one opens "{summary[:20]}"')
    at, first = next(((i, b) for i, b in enumerate(document.body) if isinstance(b, Article)), (None, None))
    said = " ".join(t.plain for t in (first.title, first.text) if t is not None) if first else ""
    if ATTACHED_BY_WORDS.casefold() not in said.casefold():
        where: Path = ("body",) if at is None else ("body", at)
        warn(where, f'Điều 1 of a quyết định that issues a text reads "{ISSUING_WORDS[0]} '
                    f'{ATTACHED_BY_WORDS} {document.attachment.type} …" (PL III, Mẫu 1.3)')
