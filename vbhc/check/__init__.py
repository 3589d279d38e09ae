"""Decree 30 conformance checks of any .docx (``vbhc check``).

:func:`check` reads a file safely (:mod:`vbhc.check.package`), resolves its formatting the way Word
does (:mod:`vbhc.check.resolve`), recognises its components (:mod:`vbhc.check.components`), runs the
rules of :mod:`vbhc.check.rules` (:mod:`vbhc.check.checks`) and returns a :class:`Report`.
:mod:`vbhc.check.fix` writes a corrected copy; :mod:`vbhc.check.cli` is the command line.
"""

from vbhc.check.checks import check, check_document
from vbhc.check.components import Recognised, Recognition, recognise
from vbhc.check.package import DocxPackage, DocxReadError, Limits, open_docx
from vbhc.check.report import Finding, ParagraphRef, Report, Skipped
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
from vbhc.check.rules import RULES, Rule, Severity

__all__ = [
    "RULES", "DocxPackage", "DocxReadError", "Finding", "Limits", "ParagraphRef", "Recognised", "Recognition",
    "Report", "ResolvedCell", "ResolvedDocument", "ResolvedParagraph", "ResolvedRun", "ResolvedSection",
    "ResolvedTable", "Rule", "Severity", "Skipped", "check", "check_document", "effective_run_values",
    "open_docx", "read_document", "recognise",
]
