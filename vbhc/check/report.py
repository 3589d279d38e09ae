"""Findings and the report: a readable text grouped by component, and JSON with a stable schema.

Paragraphs are numbered from 1 in reading order of their part (the body, or a header such as
``header1.xml``), table cells and empty paragraphs included: the numbering of :mod:`vbhc.ooxml.resolve`
plus one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from vbhc.check.rules import COMPONENTS, RULES, Rule, Severity

SCHEMA_ID = "vbhc-check/1"
TEXT_WIDTH = 60  # characters of a paragraph's text shown in a finding


def shorten(text: str, width: int = TEXT_WIDTH) -> str:
    """One line of at most ``width`` characters, with "…" where it was cut."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


@dataclass(frozen=True, slots=True)
class ParagraphRef:
    """Where a finding is: the part, the paragraph's number (from 1) and its text, shortened."""

    location: str
    number: int
    text: str

    def describe(self) -> str:
        where = "" if self.location == "body" else f"{self.location} "
        return f'{where}¶{self.number} "{self.text}"' if self.text else f"{where}¶{self.number} (empty)"


@dataclass(frozen=True, slots=True)
class Finding:
    """One departure: which rule, what the decree allows, what was found, and where."""

    rule: Rule
    expected: str
    found: str
    paragraphs: tuple[ParagraphRef, ...] = ()
    where: str | None = None
    note: str = ""

    @property
    def severity(self) -> Severity:
        return self.rule.severity

    def line(self) -> str:
        """The finding in one line: ``font.family [PL I, I.4] the typeface text is drawn with: expected
        Times New Roman; found Arial``."""
        return (f"{self.rule.id} [{self.rule.clause}] {self.rule.description}: expected {self.expected}; "
                f"found {self.found}")

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule.id, "severity": self.rule.severity.value, "clause": self.rule.clause,
            "component": self.rule.component, "description": self.rule.description,
            "expected": self.expected, "found": self.found, "where": self.where,
            "paragraphs": [{"location": p.location, "number": p.number, "text": p.text}
                           for p in self.paragraphs],
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Skipped:
    """A rule that was not evaluated (or does not apply), and why."""

    rule: Rule
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"rule": self.rule.id, "severity": self.rule.severity.value, "clause": self.rule.clause,
                "component": self.rule.component, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class FixSummary:
    """What ``--fix`` wrote: the file, what it changed, and the findings it left."""

    output: str
    changed: tuple[str, ...]
    left: tuple[str, ...]
    remaining: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"output": self.output, "changed": list(self.changed), "left": list(self.left),
                "remaining": dict(self.remaining)}


@dataclass
class Report:
    """The result of checking one file."""

    source: str
    findings: list[Finding]
    passed: list[Rule]
    not_evaluated: list[Skipped]
    not_applicable: list[Skipped]
    document_type: str | None = None
    fix: FixSummary | None = None
    converted_from: str | None = None  # a legacy format LibreOffice converted to the .docx checked

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    @property
    def exit_code(self) -> int:
        """0 when clean or only warnings, 1 when there are errors."""
        return 1 if self.errors else 0

    def rule_ids(self) -> set[str]:
        """Ids of the rules with findings."""
        return {f.rule.id for f in self.findings}

    def summary(self) -> dict[str, Any]:
        failed = {f.rule.id for f in self.findings}
        status = "errors" if self.errors else "warnings" if self.warnings else "clean"
        return {"status": status, "errors": self.errors, "warnings": self.warnings, "rules": len(RULES),
                "failed": len(failed), "passed": len(self.passed), "not_evaluated": len(self.not_evaluated),
                "not_applicable": len(self.not_applicable)}

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema": SCHEMA_ID, "file": self.source, "document_type": self.document_type,
            "summary": self.summary(), "findings": [f.as_dict() for f in self.findings],
            "not_evaluated": [s.as_dict() for s in self.not_evaluated],
            "not_applicable": [s.as_dict() for s in self.not_applicable],
        }
        if self.converted_from is not None:
            out["converted_from"] = self.converted_from
        if self.fix is not None:
            out["fix"] = self.fix.as_dict()
        return out

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2) + "\n"

    def to_text(self) -> str:
        return render_text(self)


def _places(finding: Finding) -> str:
    parts = []
    if finding.where:
        parts.append(finding.where)
    refs = finding.paragraphs
    if refs:
        parts.append(refs[0].describe())
        if len(refs) > 1:
            others = ", ".join(f"¶{r.number}" for r in refs[1:6])
            more = f" and {len(refs) - 6} more" if len(refs) > 6 else ""
            parts.append(f"also {others}{more}")
    return "; ".join(parts)


def grouped(report: Report) -> list[tuple[str, list[Finding]]]:
    """The findings by component, the components in the order a reader meets them on the page."""
    order = list(COMPONENTS)
    groups: dict[str, list[Finding]] = {}
    for f in report.findings:
        groups.setdefault(f.rule.component, []).append(f)
    ranked = sorted(groups, key=lambda c: order.index(c) if c in order else len(order))
    return [(c, groups[c]) for c in ranked]


def render_text(report: Report) -> str:
    """The human report: a summary line, then the findings grouped by component in page order."""
    s = report.summary()
    kind = f" ({report.document_type})" if report.document_type else ""
    lines = [f"vbhc check: {report.source}{kind}",
             f"Decree 30/2020/NĐ-CP: {s['errors']} error(s), {s['warnings']} warning(s); "
             f"{s['passed']} rules passed, {s['not_evaluated']} not evaluated, "
             f"{s['not_applicable']} not applicable."]
    if report.converted_from is not None:
        lines.append(f"Converted to .docx by LibreOffice from {report.converted_from}; the findings are "
                     "those of that .docx (save the document as .docx to keep it so).")
    for component, findings in grouped(report):
        lines += ["", f"{COMPONENTS.get(component, component)}"]
        for f in findings:
            lines.append(f"  {f.severity.value:<7} {f.rule.id}  [{f.rule.clause}]  {f.rule.description}")
            place = _places(f)
            if place:
                lines.append(f"          at {place}")
            lines.append(f"          expected {f.expected}; found {f.found}")
            if f.note:
                lines.append(f"          {f.note}")
    if report.not_evaluated:
        lines += ["", "Not evaluated (not passed)"]
        for skipped in report.not_evaluated:
            lines.append(f"  {skipped.rule.id}  [{skipped.rule.clause}]: {skipped.reason}")
    if report.fix is not None:
        fix = report.fix
        lines += ["", f"Fixed copy written to {fix.output}"]
        lines += [f"  changed: {c}" for c in fix.changed] or ["  changed: nothing"]
        if fix.left:
            lines.append(f"  left as found (needs a person): {', '.join(fix.left)}")
        if fix.remaining:
            lines.append(f"  the fixed copy still has {fix.remaining.get('errors', 0)} error(s) and "
                         f"{fix.remaining.get('warnings', 0)} warning(s)")
    if not report.findings:
        lines += ["", "No findings."]
    return "\n".join(lines) + "\n"


JSON_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "vbhc check report",
    "type": "object",
    "required": ["schema", "file", "document_type", "summary", "findings", "not_evaluated", "not_applicable"],
    "additionalProperties": False,
    "properties": {
        "schema": {"const": SCHEMA_ID},
        "file": {"type": "string"},
        "document_type": {"type": ["string", "null"]},
        "summary": {
            "type": "object", "additionalProperties": False,
            "required": ["status", "errors", "warnings", "rules", "failed", "passed", "not_evaluated",
                         "not_applicable"],
            "properties": {
                "status": {"enum": ["clean", "warnings", "errors"]},
                **{k: {"type": "integer", "minimum": 0} for k in (
                    "errors", "warnings", "rules", "failed", "passed", "not_evaluated", "not_applicable")},
            },
        },
        "findings": {"type": "array", "items": {
            "type": "object", "additionalProperties": False,
            "required": ["rule", "severity", "clause", "component", "description", "expected", "found",
                         "where", "paragraphs", "note"],
            "properties": {
                "rule": {"type": "string"}, "severity": {"enum": ["error", "warning"]},
                "clause": {"type": "string"}, "component": {"type": "string"},
                "description": {"type": "string"}, "expected": {"type": "string"},
                "found": {"type": "string"},
                "where": {"type": ["string", "null"]}, "note": {"type": "string"},
                "paragraphs": {"type": "array", "items": {
                    "type": "object", "additionalProperties": False,
                    "required": ["location", "number", "text"],
                    "properties": {"location": {"type": "string"},
                                   "number": {"type": "integer", "minimum": 1},
                                   "text": {"type": "string"}}}},
            },
        }},
        **{key: {"type": "array", "items": {
            "type": "object", "additionalProperties": False,
            "required": ["rule", "severity", "clause", "component", "reason"],
            "properties": {"rule": {"type": "string"}, "severity": {"enum": ["error", "warning"]},
                           "clause": {"type": "string"}, "component": {"type": "string"},
                           "reason": {"type": "string"}},
        }} for key in ("not_evaluated", "not_applicable")},
        "converted_from": {"type": "string", "description": "the legacy format (.doc, .rtf, .odt) converted "
                                                             "to the .docx checked"},
        "fix": {"type": "object", "additionalProperties": False,
                "required": ["output", "changed", "left", "remaining"],
                "properties": {"output": {"type": "string"},
                               "changed": {"type": "array", "items": {"type": "string"}},
                               "left": {"type": "array", "items": {"type": "string"}},
                               "remaining": {"type": "object"}}},
    },
}
