"""Warnings about a document: what the decree frowns on but an author may intend."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from vbhc.diagnostics import Path
from vbhc.model import Article, Document
from vbhc.model.text import Text
from vbhc.nd30 import LEGAL_BASIS_ENDS, LEGAL_BASIS_LAST_END
from vbhc.nd30.forms import ATTACHED_BY_WORDS, ISSUING_WORDS


def _titles(blocks: Iterable[Any], path: Path) -> Iterator[tuple[Path, Text]]:
    """The title of every block under ``blocks`` (part, item, article, chapter, section), with its path."""
    for i, block in enumerate(blocks):
        title = getattr(block, "title", None)
        if isinstance(title, Text):
            yield (*path, i, "title"), title
        yield from _titles(getattr(block, "children", ()), (*path, i, "children"))


def title_warnings(document: Document, warn: Callable[[Path, str], None]) -> None:
    """Warn that italics and bold typed in a title or the trích yếu are left out: their look is the
    decree's (PL I, II.5.b; II.6.đ; III.1.b), and vbhc prints it (vbhc.layout.Line)."""
    titles = [(("summary",), document.summary)] if document.summary is not None else []
    titles += _titles(document.body, ("body",))
    for n, appendix in enumerate(document.appendices):
        if appendix.title is not None:
            titles.append((("appendices", n, "title"), appendix.title))
        titles += _titles(appendix.children, ("appendices", n, "children"))
    for path, title in titles:
        if any(span.bold or span.italic for span in title.spans):
            warn(path, "a title's weight and slant are the decree's (PL I, II.5.b, II.6.đ, III.1.b): vbhc "
                       "prints it without the *italic* and **bold** typed in it")


def document_warnings(document: Document, warn: Callable[[Path, str], None]) -> None:
    """Warn about a missing Lưu line, căn cứ lines without their final ";" or ".", italics or bold
    typed in a title, and a quyết định with an attached text whose words do not issue it (PL III,
    Mẫu 1.3)."""
    title_warnings(document, warn)
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
