"""Decree 30 conformance checks of .docx files (issue: vbhc check).

The foundation: :func:`open_docx` reads a package safely and :func:`read_document` resolves the effective
formatting of every paragraph and run the way Word does.
"""

from vbhc.check.package import DocxPackage, DocxReadError, Limits, open_docx
from vbhc.check.resolve import (
    ResolvedCell,
    ResolvedDocument,
    ResolvedParagraph,
    ResolvedRun,
    ResolvedSection,
    ResolvedTable,
    effective_run_values,
    read_document,
)

__all__ = [
    "DocxPackage", "DocxReadError", "Limits", "ResolvedCell", "ResolvedDocument", "ResolvedParagraph",
    "ResolvedRun", "ResolvedSection", "ResolvedTable", "effective_run_values", "open_docx", "read_document",
]
