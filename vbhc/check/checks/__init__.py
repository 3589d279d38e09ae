"""The checks: each reads the resolved document and what was recognised, and records findings.

A rule is *passed* only when its check ran and found nothing. A rule whose component was not
recognised (no signature block, say) is *not evaluated*; one whose component is optional and absent
(no căn cứ in a kế hoạch) is *not applicable*. Every allowed value comes from the :class:`Rule`, which
takes it from :mod:`vbhc.nd30`.

The checks live by area: :mod:`.page`, :mod:`.typography`, :mod:`.required`, :mod:`.header`, :mod:`.body`
and :mod:`.closing`, and what a form's record asks in :mod:`.forms`; :mod:`.core` holds the
:class:`Context` they record into. This module runs them in rule order and assembles the
:class:`Report`. Like all of :mod:`vbhc.check`, it must not import the readers, the writers or the CLI.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from vbhc.check.checks.body import check_body, check_legal_bases, check_numbering
from vbhc.check.checks.closing import check_addressees, check_authority, check_recipients, check_signature
from vbhc.check.checks.core import Context
from vbhc.check.checks.forms import check_signers_in_person
from vbhc.check.checks.header import check_date, check_header, check_number, check_title
from vbhc.check.checks.page import check_page, check_page_numbers
from vbhc.check.checks.required import check_required
from vbhc.check.checks.scope import check_scope
from vbhc.check.checks.tables import check_tables
from vbhc.check.checks.typography import check_fonts, check_footnotes, check_text, check_typography
from vbhc.check.marks import check_copy, check_marks
from vbhc.check.report import Report
from vbhc.check.rules import RULES, Rule
from vbhc.ooxml.package import DEFAULT_LIMITS, DocxReadError, Limits
from vbhc.ooxml.resolve import ResolvedDocument, read_document
from vbhc.ooxml.xml import w
from vbhc.recognise.components import Recognition, recognise

CHECKS = (check_scope, check_page, check_fonts, check_text, check_required, check_typography, check_header,
          check_number, check_date, check_title, check_body, check_numbering, check_legal_bases,
          check_addressees, check_recipients, check_authority, check_signature, check_signers_in_person,
          check_page_numbers, check_tables, check_marks, check_copy, check_footnotes)
# A paper that is no administrative document at all (a CV, an invoice, a meeting's notes) is no business of
# Decree 30, not even its fonts (Art. 1; Art. 3.3): one finding says what it is not, and nothing else.
ANY_DOCUMENT = (check_required,)
# A document another regulation governs (nd30/scope.py: a Party's or a union's, a legal normative one, a
# citizen's paper): the finding that says so, and the page, font and encoding rules every one of those
# regulations states as Decree 30 does (nd30.scope.SHARED_TECHNIQUE); its components are its own rules'.
OUT_OF_SCOPE = (check_scope, check_page, check_fonts, check_text)


def guard(doc: ResolvedDocument, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse documents there is nothing to check in, or whose paragraphs are beyond any real document."""
    if doc.package.document.find(w("body")) is None:
        raise DocxReadError("the document has no body (w:body): nothing to check")
    if not any(p.text.strip() for p in doc.paragraphs):
        raise DocxReadError("the document has no text: nothing to check")
    for p in doc.paragraphs:
        if len(p.text) > limits.max_paragraph_chars:
            raise DocxReadError(f"paragraph {p.index + 1} has {len(p.text):,} characters "
                                f"(the checker's limit is {limits.max_paragraph_chars:,})")


def check(source: str | Path | bytes | BinaryIO, *, name: str | None = None,
          limits: Limits = DEFAULT_LIMITS) -> Report:
    """Read ``source`` safely and check it; raise :class:`DocxReadError` when it cannot be read."""
    doc = read_document(source, limits=limits)
    guard(doc, limits)
    label = name if name is not None else (str(source) if isinstance(source, (str, Path)) else "document")
    return check_document(doc, label)


def check_document(doc: ResolvedDocument, source: str = "document", rec: Recognition | None = None) -> Report:
    """Run every check on a resolved document and return the report."""
    ctx = Context(doc, rec if rec is not None else recognise(doc))
    scope = ctx.rec.out_of_scope
    administrative = ctx.rec.is_administrative and scope is None
    checks = CHECKS if administrative else OUT_OF_SCOPE if scope is not None else ANY_DOCUMENT
    for check in checks:
        check(ctx)
    if not administrative:  # the components' rules would flood the report with one wrong finding each
        reason = "not governed by Decree 30" if scope is not None else "not an administrative document"
        for rule_id in RULES:
            if rule_id not in ctx.ran:
                ctx.na(rule_id, reason)
    return ctx.report(source)


def rules_of(report: Report) -> list[Rule]:
    """The rules with findings in ``report``, in rule order."""
    ids = report.rule_ids()
    return [r for r in RULES.values() if r.id in ids]
