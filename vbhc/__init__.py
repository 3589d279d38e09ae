"""vbhc: Vietnamese administrative documents (văn bản hành chính) under Decree 30/2020/NĐ-CP."""

import os
from typing import IO

from vbhc.diagnostics import Diagnostic
from vbhc.model import (
    Appendix,
    Archive,
    Article,
    Chapter,
    Dash,
    Document,
    IssueDate,
    Issuer,
    Item,
    Mandate,
    Paragraph,
    Part,
    Plus,
    Point,
    Recipient,
    Section,
    Signature,
    Span,
    Text,
)
from vbhc.nd30 import DocumentType, Secrecy, SigningAuthority, Urgency

__version__ = "0.1.0"


def load(path: str | os.PathLike[str], profile: str | os.PathLike[str] | None = None) -> Document:
    """Load and validate a spec file (.json, .yaml, .yml or .py) into a Document.

    ``profile`` (a commune profile file) overrides the spec's own ``profile`` key. Raises
    :class:`vbhc.errors.SpecError` listing every error (``.errors``); warnings are not raised.
    """
    from vbhc.readers.spec.reader import load as _load

    return _load(path, profile)


def validate(path: str | os.PathLike[str], profile: str | os.PathLike[str] | None = None
             ) -> tuple[Document | None, list[Diagnostic], list[Diagnostic]]:
    """``(document or None, errors, warnings)`` for a spec file, without raising on bad input.

    Each diagnostic prints as ``file:line: field.path: expected ...; found ...``.
    """
    from vbhc.readers.spec.reader import validate as _validate

    return _validate(path, profile)


def render(document: Document, target: str | os.PathLike[str] | IO[bytes],
           template: str | os.PathLike[str] | None = None) -> None:
    """Render ``document`` to a .docx path (written atomically) or a binary stream."""
    from vbhc.writers.docx.writer import render as _render

    _render(document, target, template)


def render_bytes(document: Document) -> bytes:
    """The .docx bytes of ``document`` with the built-in template."""
    from vbhc.writers.docx.writer import render_bytes as _render_bytes

    return _render_bytes(document)

__all__ = [
    "Appendix", "Archive", "Article", "Chapter", "Dash", "Document", "DocumentType", "IssueDate",
    "Issuer", "Item", "Mandate", "Paragraph", "Part", "Plus", "Point", "Recipient", "Secrecy",
    "Section", "Signature", "SigningAuthority", "Span", "Text", "Urgency", "load", "render",
    "render_bytes", "validate",
]
