"""vbhc: Vietnamese administrative documents (văn bản hành chính) under Decree 30/2020/NĐ-CP.

Importing vbhc loads nothing else: the model, the decree's data, readers, the writer and the checker
are imported when first used (through :func:`__getattr__`), so that the command line starts quickly
(``vbhc --help`` needs none of attrs, cattrs or lxml) and ``vbhc render`` never loads the checker.
"""

from __future__ import annotations

import importlib
import os
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vbhc.diagnostics import Diagnostic
    from vbhc.model import (
        Appendix,
        Archive,
        Article,
        Attachment,
        Cell,
        Chapter,
        Column,
        Dash,
        Division,
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
        SignatureImage,
        Span,
        Table,
        Text,
    )
    from vbhc.nd30 import DocumentType, Secrecy, SigningAuthority, Urgency
    from vbhc.writers.docx.template import Template

__version__ = "0.1.0"


def load(path: str | os.PathLike[str], profile: str | os.PathLike[str] | None = None) -> Document:
    """Load and validate a spec file (.json, .yaml, .yml or .py) into a Document.

    ``profile`` (a commune profile file) overrides the spec's own ``profile`` key. Raises
    :class:`vbhc.errors.SpecError` listing every error (``.errors``); warnings are not raised.
    """
    from vbhc.pipeline import load as _load

    return _load(path, profile)


def validate(path: str | os.PathLike[str], profile: str | os.PathLike[str] | None = None
             ) -> tuple[Document | None, list[Diagnostic], list[Diagnostic]]:
    """``(document or None, errors, warnings)`` for a spec file, without raising on bad input.

    Each diagnostic prints as ``file:line: field.path: expected ...; found ...``.
    """
    from vbhc.pipeline import read

    result = read(path, profile)
    return result.document, result.errors, result.warnings


def render(document: Document, target: str | os.PathLike[str] | IO[bytes],
           template: str | os.PathLike[str] | Template | None = None) -> None:
    """Render ``document`` to a .docx path (written atomically) or a binary stream.

    ``template``: an office template (.docx path), or None for the built-in one. A path is refused
    (:class:`vbhc.errors.TemplateError`) unless the documents it renders pass ``vbhc check``
    (:func:`vbhc.pipeline.load_template`).
    """
    from vbhc.pipeline import render as _render

    _render(document, target, template)


def render_bytes(document: Document, template: str | os.PathLike[str] | Template | None = None) -> bytes:
    """The .docx bytes of ``document``; ``template`` as for :func:`render`."""
    from vbhc.pipeline import render_bytes as _render_bytes

    return _render_bytes(document, template)


def fill_form(document: Document, form: str | os.PathLike[str] | bytes, name: str | None = None
              ) -> bytes:
    """The .docx bytes of an office's own Word ``form`` (a path, or a .docx's bytes called ``name``)
    filled with ``document``'s variables (docs/forms.md); raises :class:`vbhc.errors.VbhcError` (one
    line a problem) for a form that is refused or a tag that is wrong."""
    from vbhc.writers.form import fill_form as _fill

    return _fill(document, form, name)


# Exported on first use: name -> (module, attribute; None for the module itself). ``vbhc.check`` is the
# checker package itself, made callable: ``vbhc.check("x.docx")`` is ``vbhc.check.check("x.docx")``
# and returns a Report.
_MODEL = ("Appendix", "Archive", "Article", "Attachment", "Cell", "Chapter", "Column", "Dash", "Division",
          "Document", "IssueDate", "Issuer", "Item", "Mandate", "Paragraph", "Part", "Plus", "Point",
          "Recipient", "Section", "Signature", "SignatureImage", "Span", "Table", "Text")
_LAZY: dict[str, tuple[str, str | None]] = {
    **{name: ("vbhc.model", name) for name in _MODEL},
    **{name: ("vbhc.nd30", name) for name in ("DocumentType", "Secrecy", "SigningAuthority", "Urgency")},
    "check": ("vbhc.check", None), "Report": ("vbhc.check.report", "Report"),
    "parse_markup": ("vbhc.readers.spec.markup", "parse_markup"),
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'vbhc' has no attribute {name!r}")
    module, attribute = _LAZY[name]
    loaded = importlib.import_module(module)
    value = loaded if attribute is None else getattr(loaded, attribute)
    globals()[name] = value  # the next look-up is an ordinary one
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "Appendix", "Archive", "Article", "Attachment", "Cell", "Chapter", "Column", "Dash", "Division",
    "Document", "DocumentType",
    "IssueDate", "Issuer", "Item", "Mandate", "Paragraph", "Part", "Plus", "Point", "Recipient", "Report",
    "Secrecy", "Section", "Signature", "SignatureImage", "SigningAuthority", "Span", "Table", "Text",
    "Urgency", "check", "fill_form", "load", "parse_markup", "render", "render_bytes", "validate",
]
