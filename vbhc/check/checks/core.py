"""What every check shares: the :class:`Context` findings are recorded in, and measuring helpers."""

from __future__ import annotations

import re
from collections.abc import Iterable

from vbhc import nd30
from vbhc.check.report import Finding, ParagraphRef, Report, Skipped, shorten
from vbhc.check.rules import RULES
from vbhc.layout.metrics import text_width_pt as measure_pt
from vbhc.ooxml.resolve import ResolvedDocument, ResolvedParagraph, ResolvedRun
from vbhc.recognise.components import Recognised, Recognition, clean, shown, shown_lines

PT_PER_CM = 72 / 2.54
BLANK = re.compile(r"^[\s._…\-]*$")
TNR = nd30.FONT_NAME.lower()
JUSTIFIED = frozenset({"both", "distribute", "thaiDistribute", "lowKashida", "mediumKashida", "highKashida"})
ALIGN_FOUND = {"left": "flush left", "right": "flush right", "center": "centred", "both": "justified"}


class Context:
    """Collects findings and which rules ran, were skipped, or do not apply."""

    def __init__(self, doc: ResolvedDocument, rec: Recognition) -> None:
        self.doc = doc
        self.rec = rec
        # Findings as they are added: (rule id, expected, found, paragraphs, where, note). Merged findings
        # gather their paragraphs in one list, and become Findings once, in report(): linear time.
        self._found: list[tuple[str, str, str, list[ParagraphRef], str | None, str]] = []
        self._merge: dict[tuple[str, str, str, str | None], list[ParagraphRef]] = {}
        self._refs: dict[int, ParagraphRef] = {}  # by id() of paragraphs that live as long as doc
        self.ran: set[str] = set()
        self.skipped: dict[str, str] = {}
        self.inapplicable: dict[str, str] = {}

    def ok(self, rule_id: str) -> None:
        """Record that the rule's check ran."""
        self.ran.add(rule_id)

    def skip(self, rule_id: str, reason: str) -> None:
        """Record that the rule could not be evaluated (its component was not found)."""
        self.skipped.setdefault(rule_id, reason)

    def na(self, rule_id: str, reason: str) -> None:
        """Record that the rule does not apply to this document."""
        self.inapplicable.setdefault(rule_id, reason)

    def add(self, rule_id: str, found: str, paragraphs: Iterable[ResolvedParagraph] = (), *,
            expected: str | None = None, where: str | None = None, note: str = "",
            merge: bool = True) -> None:
        """Record a finding; with ``merge``, one per (rule, expected, found, where) listing its paragraphs."""
        self.ran.add(rule_id)
        refs = [self._ref(p) for p in paragraphs]
        exp = expected if expected is not None else RULES[rule_id].expected
        key = (rule_id, exp, found, where)
        if merge and key in self._merge:
            self._merge[key].extend(refs)
            return
        if merge:
            self._merge[key] = refs
        self._found.append((rule_id, exp, found, refs, where, note))

    def _ref(self, p: ResolvedParagraph) -> ParagraphRef:
        """How findings point at ``p`` (made once: a paragraph is often in several findings)."""
        ref = self._refs.get(id(p))
        if ref is None:
            ref = self._refs[id(p)] = ParagraphRef(p.location, p.index + 1, shorten(shown(p)))
        return ref

    @property
    def findings(self) -> list[Finding]:
        """The findings so far, in the order they were first added."""
        return [Finding(RULES[rule_id], exp, found, tuple(refs), where, note)
                for rule_id, exp, found, refs, where, note in self._found]

    def report(self, source: str) -> Report:
        findings = self.findings
        failed = {f.rule.id for f in findings}
        passed, not_evaluated, not_applicable = [], [], []
        for rule_id, rule in RULES.items():
            if rule_id in failed:
                continue
            if rule_id in self.ran:
                passed.append(rule)
            elif rule_id in self.inapplicable:
                not_applicable.append(Skipped(rule, self.inapplicable[rule_id]))
            else:
                not_evaluated.append(Skipped(rule, self.skipped.get(rule_id, "its component was not found")))
        doc_type = self.rec.document_type.value if self.rec.document_type else None
        return Report(source, findings, passed, not_evaluated, not_applicable, doc_type)


def _chars(run: ResolvedRun) -> int:
    return sum(1 for ch in run.text if not ch.isspace())


def size_of(paragraph: ResolvedParagraph) -> float:
    runs = paragraph.visible_runs
    return max((r.size_pt for r in runs), default=12.0)


def width_of(paragraph: ResolvedParagraph, text: str | None = None) -> float:
    """Measured width (pt) of a paragraph's text on one line, in the weight of most of its letters; a
    paragraph broken by hand (``w:br``) is as wide as its widest line."""
    runs = paragraph.visible_runs
    bold = sum(_chars(r) for r in runs if r.bold) * 2 > sum(_chars(r) for r in runs)
    italic = sum(_chars(r) for r in runs if r.italic) * 2 > sum(_chars(r) for r in runs)
    text = text if text is not None else "\n".join(shown_lines(paragraph))
    return measure_pt(text, size_of(paragraph), bold=bold, italic=italic)


def item_width(item: Recognised) -> float:
    """:func:`width_of` a recognised component: its paragraph, or the part of it its span holds (a column
    of a line laid out with tabs, a part between line breaks), as wide as its widest line."""
    if item.span is None:
        return width_of(item.paragraph)
    return width_of(item.paragraph, "\n".join(clean(line) for line in item.typed.split("\n")))


def pt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def cm(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") + " cm"


def prefix_runs(paragraph: ResolvedParagraph, length: int) -> list[ResolvedRun]:
    """Visible runs that hold the first ``length`` characters of the paragraph's run text."""
    out, at = [], 0
    for run in paragraph.runs:
        if at >= length:
            break
        if not run.vanish and not run.is_blank:
            out.append(run)
        at += len(run.text)
    return out


def all_paragraphs(doc: ResolvedDocument) -> list[ResolvedParagraph]:
    """Every paragraph of the body, the headers, the footers and the footnotes."""
    out = list(doc.paragraphs)
    for part in (*doc.headers.values(), *doc.footers.values()):
        out += part
    return out + list(doc.footnotes)


def ending(text: str) -> str:
    text = text.rstrip()
    return f'"{text[-1]}"' if text else "nothing"
