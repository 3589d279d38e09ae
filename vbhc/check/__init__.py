"""Decree 30 conformance checks of any .docx (``vbhc check``).

:func:`check` reads a file safely (:mod:`vbhc.ooxml.package`), resolves its formatting the way Word
does (:mod:`vbhc.ooxml.resolve`), recognises its components (:mod:`vbhc.recognise.components`), runs the
rules of :mod:`vbhc.check.rules` (:mod:`vbhc.check.checks`) and returns a :class:`Report`.
:mod:`vbhc.check.fix` writes a corrected copy; :mod:`vbhc.cli.check` is the command line.

Owns: the rules (:mod:`.rules`), the checks by area (:mod:`.checks`), the report (:mod:`.report`) and
``--fix``. Imports ``nd30``, ``model``, ``layout``, ``ooxml`` and ``recognise``; it must not import the
readers, the writers, the pipeline or the CLI.

This package is callable: ``vbhc.check(path)`` is :func:`check` (``vbhc.check`` names the package once
it is imported, so the package itself is what ``vbhc`` exports).
"""

import sys
import types
from typing import Any

from vbhc.check.checks import check, check_document
from vbhc.check.report import Finding, ParagraphRef, Report, Skipped
from vbhc.check.rules import RULES, Rule, Severity
from vbhc.ooxml.package import DocxPackage, DocxReadError, Limits, open_docx
from vbhc.ooxml.resolve import (
    ResolvedCell,
    ResolvedDocument,
    ResolvedParagraph,
    ResolvedRun,
    ResolvedSection,
    ResolvedTable,
    effective_run_values,
    read_document,
)
from vbhc.recognise.components import Recognised, Recognition, recognise

__all__ = [
    "RULES", "DocxPackage", "DocxReadError", "Finding", "Limits", "ParagraphRef", "Recognised", "Recognition",
    "Report", "ResolvedCell", "ResolvedDocument", "ResolvedParagraph", "ResolvedRun", "ResolvedSection",
    "ResolvedTable", "Rule", "Severity", "Skipped", "check", "check_document", "effective_run_values",
    "open_docx", "read_document", "recognise",
]


class _CallableModule(types.ModuleType):
    """``vbhc.check(...)``: the package called as its :func:`check`."""

    def __call__(self, *args: Any, **kwargs: Any) -> Report:
        return check(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
