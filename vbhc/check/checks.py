"""The checks: each reads the resolved document and what was recognised, and records findings.

A rule is *passed* only when its check ran and found nothing. A rule whose component was not
recognised (no signature block, say) is *not evaluated*; one whose component is optional and absent
(no căn cứ in a kế hoạch) is *not applicable*. Every allowed value comes from the :class:`Rule`, which
takes it from :mod:`vbhc.nd30`.
"""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import BinaryIO

from vbhc import nd30
from vbhc.check.report import Finding, ParagraphRef, Report, Skipped, shorten
from vbhc.check.rules import (
    INDENT_TOLERANCE_CM,
    LINE_SPACING_TOLERANCE,
    MM_TOLERANCE,
    MOTTO_LINE_TOLERANCE,
    PAGE_NUMBER_ID,
    PAGE_TOLERANCE_MM,
    RULE_FRACTION_TOLERANCE,
    RULES,
    SPACING_TOLERANCE_PT,
    TNR_LINE_HEIGHT_EM,
    Rule,
)
from vbhc.layout.metrics import fits
from vbhc.layout.metrics import text_width_pt as measure_pt
from vbhc.nd30 import Level, Role, numbering
from vbhc.nd30.numbering import Numeral
from vbhc.ooxml.package import DEFAULT_LIMITS, DocxReadError, Limits
from vbhc.ooxml.resolve import ResolvedDocument, ResolvedParagraph, ResolvedRun, font_slot, read_document
from vbhc.ooxml.xml import w
from vbhc.recognise.components import (
    Recognised,
    Recognition,
    RuleLine,
    clean,
    collective_blocks,
    is_upper,
    paragraph_width_pt,
    recognise,
    shown,
)

PT_PER_CM = 72 / 2.54
_BLANK = re.compile(r"^[\s._…\-]*$")
_TNR = nd30.FONT_NAME.lower()
_JUSTIFIED = frozenset({"both", "distribute", "thaiDistribute", "lowKashida", "mediumKashida", "highKashida"})
_ALIGN_FOUND = {"left": "flush left", "right": "flush right", "center": "centred", "both": "justified"}


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


# --------------------------------------------------------------------------------------------
# Helpers


def _chars(run: ResolvedRun) -> int:
    return sum(1 for ch in run.text if not ch.isspace())


def _size_of(paragraph: ResolvedParagraph) -> float:
    runs = paragraph.visible_runs
    return max((r.size_pt for r in runs), default=12.0)


def _width_of(paragraph: ResolvedParagraph, text: str | None = None) -> float:
    """Measured width (pt) of a paragraph's text on one line, in the weight of most of its letters."""
    runs = paragraph.visible_runs
    bold = sum(_chars(r) for r in runs if r.bold) * 2 > sum(_chars(r) for r in runs)
    italic = sum(_chars(r) for r in runs if r.italic) * 2 > sum(_chars(r) for r in runs)
    text = text if text is not None else shown(paragraph)
    return measure_pt(text, _size_of(paragraph), bold=bold, italic=italic)


def _pt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _cm(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") + " cm"


def _prefix_runs(paragraph: ResolvedParagraph, length: int) -> list[ResolvedRun]:
    """Visible runs that hold the first ``length`` characters of the paragraph's run text."""
    out, at = [], 0
    for run in paragraph.runs:
        if at >= length:
            break
        if not run.vanish and not run.is_blank:
            out.append(run)
        at += len(run.text)
    return out


# --------------------------------------------------------------------------------------------
# Page set-up, fonts, text


def check_page(ctx: Context) -> None:
    lo, hi = sorted(RULES["page.size"].allowed)
    for s in ctx.doc.sections:
        where = f"section {s.index + 1}"
        if s.page_width_mm is None or s.page_height_mm is None:
            ctx.add("page.size", "no page size set (Word's default, US Letter)", where=where)
        else:
            short, long_ = sorted((s.page_width_mm, s.page_height_mm))
            if abs(short - lo) > PAGE_TOLERANCE_MM or abs(long_ - hi) > PAGE_TOLERANCE_MM:
                ctx.add("page.size", f"{s.page_width_mm:g} × {s.page_height_mm:g} mm", where=where)
            ctx.ok("page.size")
        width, height = s.page_width_mm, s.page_height_mm
        landscape = s.orientation == "landscape" or (
            width is not None and height is not None and width > height)
        if s.index == 0 and landscape:
            ctx.add("page.orientation", "landscape", where=where)
        ctx.ok("page.orientation")
        bad = []
        for side, allowed in RULES["page.margins"].allowed.items():
            value = s.margins.get(side)
            if value is None:
                bad.append(f"{side} not set")
            elif not allowed.low - MM_TOLERANCE <= value <= allowed.high + MM_TOLERANCE:
                bad.append(f"{side} {value:.1f} mm")
        if bad:
            ctx.add("page.margins", ", ".join(bad), where=where)
        ctx.ok("page.margins")


def _all_paragraphs(doc: ResolvedDocument) -> list[ResolvedParagraph]:
    out = list(doc.paragraphs)
    for part in (*doc.headers.values(), *doc.footers.values()):
        out += part
    return out


def check_fonts(ctx: Context) -> None:
    color_ok = {None, "auto", RULES["font.color"].allowed.upper()}
    for p in _all_paragraphs(ctx.doc):
        for run in p.visible_runs:
            used = {font_slot(ch, run.hint, run.complex_script) for ch in run.text if not ch.isspace()}
            faces: set[str] = set()
            for slot in sorted(used):
                face = run.fonts.get(slot)
                if face is None or face.lower() != _TNR:
                    faces.add(face or "not set (the application's default)")
            if faces:
                ctx.add("font.family", ", ".join(sorted(faces)), [p])
            slots = [f"{slot}: {run.fonts.get(slot) or 'not set'}"
                     for slot in ("ascii", "hAnsi", "eastAsia", "cs")
                     if slot not in used and (run.fonts.get(slot) or "").lower() != _TNR]
            if slots:
                ctx.add("font.slots", ", ".join(slots), [p])
            if run.color not in color_ok:
                ctx.add("font.color", f"#{run.color}", [p])
    for rule_id in ("font.family", "font.slots", "font.color"):
        ctx.ok(rule_id)


def check_text(ctx: Context) -> None:
    for p in _all_paragraphs(ctx.doc):
        if p.text and unicodedata.normalize("NFC", p.text) != p.text:
            ctx.add("text.nfc", "decomposed letters (NFD), which some software shows or sorts wrongly", [p])
    ctx.ok("text.nfc")


# --------------------------------------------------------------------------------------------
# Typography of recognised components


def _typography(ctx: Context, item: Recognised, component: str, t: nd30.Typography,
                role: Role | None) -> None:
    p = item.paragraph
    runs = p.visible_runs
    if not runs:
        return
    sizes = sorted({r.size_pt for r in runs})
    rule_id = f"{component}.size"
    if any(s not in t.size for s in sizes):
        ctx.add(rule_id, ", ".join(f"{s:g} pt" for s in sizes), [p])
    ctx.ok(rule_id)
    for prop, wanted in (("bold", t.bold), ("italic", t.italic)):
        rule_id = f"{component}.{prop}"
        checked = runs
        if wanted and role is Role.ARTICLE and item.text[len(item.label):].strip().endswith((".", ";", ":")):
            checked = tuple(_prefix_runs(p, len(item.label))) or runs
        on = [getattr(r, prop) for r in checked]
        if wanted and not all(on):
            ctx.add(rule_id, f"not {prop}" if not any(on) else f"partly {prop}", [p])
        elif not wanted and any(on) and (all(on) or role is None or not role.record.emphasis_allowed):
            ctx.add(rule_id, prop if all(on) else f"partly {prop}", [p])
        ctx.ok(rule_id)
    rule_id = f"{component}.case"
    if rule_id in RULES:
        text = item.text[len(item.label):] if role is not Role.DIVISION_LABEL else item.text
        if t.case is nd30.Case.UPPER:
            letters = [c for c in text if c.isalpha()]
            if letters and not is_upper(text):
                ctx.add(rule_id, "lower-case letters", [p])
        elif role is not None and role.record.lower_case is not None:
            letters = [c for c in text if c.isalpha()]
            if len(letters) >= role.record.lower_case.min_letters and is_upper(text):
                ctx.add(rule_id, "all capitals", [p])
        ctx.ok(rule_id)
    rule_id = f"{component}.align"
    if rule_id in RULES:
        align = p.alignment
        good = {nd30.Align.CENTER: align == "center", nd30.Align.LEFT: align == "left",
                nd30.Align.RIGHT: align == "right", nd30.Align.JUSTIFY: align in _JUSTIFIED}[t.align]
        if not good:
            ctx.add(rule_id, _ALIGN_FOUND.get(align, align), [p])
        ctx.ok(rule_id)


def check_typography(ctx: Context) -> None:
    rec = ctx.rec
    present: set[Role] = set()
    for item in rec.all():
        present.add(item.role)
        _typography(ctx, item, item.role.value, item.role.typography, item.role)
    required = rec.form.required_roles
    for role in Role:
        if role in present:
            continue
        name = role.record.vietnamese_name
        for prop in ("size", "bold", "italic", "case", "align"):
            rule_id = f"{role.value}.{prop}"
            if rule_id not in RULES:
                continue
            if role in required:
                ctx.skip(rule_id, f"no {name} recognised")
            else:
                ctx.na(rule_id, f"no {name} in this document")


def check_required(ctx: Context) -> None:
    rec = ctx.rec
    missing: list[str] = []
    if rec.national_title is None:
        missing.append("Quốc hiệu")
    if rec.motto is None:
        missing.append("Tiêu ngữ")
    if not rec.issuer:
        missing.append("tên cơ quan ban hành")
    if rec.number is None:
        missing.append('số, ký hiệu ("Số:")')
    if rec.place_date is None and rec.form.has_place_date:
        missing.append("địa danh, ngày tháng")
    if not rec.form.has_type_line:
        if rec.letter_summary is None:
            missing.append('trích yếu "V/v"')
    elif rec.type_name is None:
        missing.append('tên loại (or a công văn\'s "V/v")')
    elif not rec.summary:
        missing.append("trích yếu")
    if not rec.signatures:
        missing.append("chữ ký (quyền hạn, chức vụ)")
    elif any(s.name is None for s in rec.signatures):
        missing.append("họ tên người ký")
    if rec.recipients_heading is None:
        missing.append('"Nơi nhận:"')
    for what in missing:
        ctx.add("components.required", "missing", expected=what, merge=False)
    ctx.ok("components.required")


# --------------------------------------------------------------------------------------------
# Header


def _fits(ctx: Context, item: Recognised) -> None:
    p = item.paragraph
    if "\n" in p.text:
        ctx.add("national-title.one-line", "two lines (a manual line break)", [p])
        ctx.ok("national-title.one-line")
        return
    available = paragraph_width_pt(ctx.doc, p)
    if available is None:
        ctx.skip("national-title.one-line", "its column's width is not set in the file")
        return
    width = _width_of(p)
    if not fits(width, available):
        ctx.add("national-title.one-line",
                f"{_pt(width)} pt of text in a {_pt(available)} pt column: it wraps onto two lines", [p],
                expected=f"a column at least {_pt(width)} pt wide (the text at {_size_of(p):g} pt bold)")
    ctx.ok("national-title.one-line")


def _lines_fit(ctx: Context, rule_id: str, items: Sequence[Recognised]) -> None:
    """Each line of a header block (a paragraph, or each part of it between manual line breaks) fits
    its column: a wider one wraps where Word breaks it (PL I, II.2.b: the author breaks a long name)."""
    for item in items:
        p = item.paragraph
        available = paragraph_width_pt(ctx.doc, p)
        if available is None:
            ctx.skip(rule_id, "its column's width is not set in the file")
            return
        width = max(_width_of(p, clean(line)) for line in p.text.split("\n"))
        if not fits(width, available):
            ctx.add(rule_id, f"{_cm(width / PT_PER_CM)} of text in a {_cm(available / PT_PER_CM)} column: "
                             "it wraps where Word breaks it", [p])
    ctx.ok(rule_id)


def _line(ctx: Context, prefix: str, line: RuleLine | None, text_pt: float, anchor: ResolvedParagraph,
          fraction: nd30.Range) -> None:
    rule_id, length_id = f"{prefix}.rule", f"{prefix}.rule-length"
    if line is None:
        ctx.add(rule_id, "no line", [anchor])
        ctx.skip(length_id, "there is no line to measure")
    elif line.kind == "underscores":
        ctx.add(rule_id, "underscores typed as text", [line.paragraph])
        ctx.skip(length_id, "the line is typed as underscores, which have no set length")
    elif line.length_pt is None or text_pt <= 0:
        ctx.skip(length_id, "the line's length could not be measured")
    else:
        ratio = line.length_pt / text_pt
        if not fraction.low - RULE_FRACTION_TOLERANCE <= ratio <= fraction.high + RULE_FRACTION_TOLERANCE:
            ctx.add(length_id, f"{ratio:.2f} × ({_pt(line.length_pt)} pt under {_pt(text_pt)} pt of text)",
                    [line.paragraph])
        ctx.ok(length_id)
    ctx.ok(rule_id)


def check_header(ctx: Context) -> None:
    rec = ctx.rec
    qh = rec.national_title
    if qh is None:
        for rule_id in ("national-title.text", "national-title.one-line"):
            ctx.skip(rule_id, "no Quốc hiệu recognised")
    else:
        keys = {clean(t).upper() for t in RULES["national-title.text"].allowed}
        if clean(qh.text).upper() not in keys:
            ctx.add("national-title.text", f'"{qh.text}"', [qh.paragraph])
        ctx.ok("national-title.text")
        _fits(ctx, qh)
    motto = rec.motto
    if motto is None:
        for rule_id in ("motto.text", "motto.rule", "motto.rule-length"):
            ctx.skip(rule_id, "no Tiêu ngữ recognised")
    else:
        if clean(motto.text).lower() != RULES["motto.text"].allowed.lower():
            ctx.add("motto.text", f'"{motto.text}"', [motto.paragraph])
        ctx.ok("motto.text")
        fraction = RULES["motto.rule-length"].allowed
        _line(ctx, "motto", rec.motto_line, _width_of(motto.paragraph), motto.paragraph,
              nd30.Range(fraction * (1 - MOTTO_LINE_TOLERANCE), fraction * (1 + MOTTO_LINE_TOLERANCE)))
    if rec.parent_body:
        _lines_fit(ctx, "parent-body.fits", rec.parent_body)
    else:
        ctx.na("parent-body.fits", "no cơ quan chủ quản in this document")
    if not rec.issuer:
        for rule_id in ("issuer.fits", "issuer.rule", "issuer.rule-length"):
            ctx.skip(rule_id, "no issuer recognised")
    else:
        _lines_fit(ctx, "issuer.fits", rec.issuer)
        width = max(_width_of(x.paragraph) for x in rec.issuer)
        _line(ctx, "issuer", rec.issuer_line, width, rec.issuer[-1].paragraph,
              RULES["issuer.rule-length"].allowed)


_NUMBER_LINE = re.compile(r"^(?P<label>số\s*:?)\s*(?P<num>[^/]*?)\s*/\s*(?P<sym>.*)$", re.IGNORECASE)


def check_number(ctx: Context) -> None:
    rec = ctx.rec
    ids = ("number.format", "number.leading-zero", "number.blank", "number.symbol")
    if rec.number is None:
        for rule_id in ids:
            ctx.skip(rule_id, 'no "Số:" line recognised')
        return
    p, text = rec.number.paragraph, rec.number.text
    m = _NUMBER_LINE.match(text)
    if m is None:
        ctx.add("number.format", f'"{text}" (no "/" between the number and the ký hiệu)', [p])
        for rule_id in ids[1:]:
            ctx.skip(rule_id, "the Số line could not be read")
        return
    if m.group("label") != nd30.NUMBER_LABEL:
        ctx.add("number.format", f'"{m.group("label")}" instead of "{nd30.NUMBER_LABEL}"', [p], merge=False)
    num, sym = m.group("num"), m.group("sym").strip()
    if _BLANK.match(num):
        ctx.add("number.blank", "a blank number (a draft)", [p])
        ctx.skip("number.leading-zero", "the number is blank")
    elif not num.isdigit():
        ctx.add("number.format", f'"{num}" is not a number', [p], merge=False)
        ctx.skip("number.leading-zero", "the number is not in digits")
    else:
        if int(num) < 10 and len(num) < nd30.NUMBER_MIN_DIGITS:
            ctx.add("number.leading-zero", f'"{num}"', [p], expected=f'"{nd30.format_number(int(num))}"')
        ctx.ok("number.leading-zero")
    ctx.ok("number.blank")
    groups = sym.split(nd30.SYMBOL_SEPARATOR)
    if not sym or " " in sym or any(not g for g in groups):
        ctx.add("number.format", f'ký hiệu "{sym}"', [p], merge=False)
    ctx.ok("number.format")
    kind = rec.document_type
    codes = {t.abbreviation: t for t in nd30.DocumentType if t.abbreviation}
    codes.update({code: None for code in nd30.COPY_ABBREVIATIONS.values()})  # type: ignore[misc]
    if kind is not None and kind.abbreviation is None:  # công văn, thư công: PL III gives no code
        ctx.na("number.symbol", f"a {kind.type_name.lower()}'s ký hiệu has no type code (PL III gives "
                                "none): issuer and unit abbreviations")
    elif kind is not None and kind.abbreviation:
        if groups[0] != kind.abbreviation:
            ctx.add("number.symbol", f'"{sym}"', [p],
                    expected=f'"{kind.abbreviation}{nd30.SYMBOL_SEPARATOR}..." for {kind.type_name}')
        ctx.ok("number.symbol")
    elif groups and groups[0]:
        if groups[0] not in codes:
            near = next((c for c in codes if c.upper() == groups[0].upper()), None)
            expected = (f'"{near}" (PL III keeps its lower-case letters)' if near
                        else RULES["number.symbol"].expected)
            ctx.add("number.symbol", f'"{groups[0]}"', [p], expected=expected)
        ctx.ok("number.symbol")
    else:
        ctx.skip("number.symbol", "no ký hiệu to read")


_DATE_LINE = re.compile(r"^(?P<place>[^,]*?)\s*(?P<comma>,?)\s*ngày\s*(?P<day>\S*?)\s*tháng\s*(?P<month>\S*?)"
                        r"\s*năm\s*(?P<year>\S*?)\.?$", re.IGNORECASE)


def check_date(ctx: Context) -> None:
    rec = ctx.rec
    ids = ("place-date.format", "place-date.leading-zero", "place-date.blank")
    if rec.place_date is None:
        for rule_id in ids:
            if not rec.form.has_place_date and rec.document_type is not None:
                ctx.na(rule_id, f"a {rec.document_type.type_name.lower()} has no place and date line")
            else:
                ctx.skip(rule_id, "no place and date recognised")
        return
    p, text = rec.place_date.paragraph, rec.place_date.text
    m = _DATE_LINE.match(text)
    if m is None:
        ctx.add("place-date.format", f'"{text}"', [p])
        for rule_id in ids[1:]:
            ctx.skip(rule_id, "the date could not be read")
        return
    if not m.group("place") or not m.group("comma"):
        ctx.add("place-date.format", f'"{text}" (no place name followed by a comma)', [p], merge=False)
    day, month, year = m.group("day"), m.group("month"), m.group("year")
    if not (year.isdigit() and len(year) == 4):
        ctx.add("place-date.format", f'year "{year}"', [p], merge=False)
    blank = [what for what, value in (("day", day), ("month", month)) if _BLANK.match(value)]
    if blank:
        ctx.add("place-date.blank", f"a blank {' and '.join(blank)} (a draft)", [p])
    for what, value, limit in (("day", day, 31), ("month", month, 12)):
        if not _BLANK.match(value) and (not value.isdigit() or not 1 <= int(value) <= limit):
            ctx.add("place-date.format", f'{what} "{value}"', [p], merge=False)
    if day.isdigit() and month.isdigit() and year.isdigit() and 1 <= int(month) <= 12:
        last = calendar.monthrange(int(year), int(month))[1]
        if not 1 <= int(day) <= last:
            ctx.add("place-date.format", f"{day}/{month}/{year} does not exist", [p], merge=False)
    if day.isdigit() and 1 <= int(day) <= 31 and day != nd30.format_day(int(day)):
        ctx.add("place-date.leading-zero", f'ngày "{day}"', [p],
                expected=f'ngày "{nd30.format_day(int(day))}"')
    if month.isdigit() and 1 <= int(month) <= 12 and month != nd30.format_month(int(month)):
        ctx.add("place-date.leading-zero", f'tháng "{month}"', [p],
                expected=f'tháng "{nd30.format_month(int(month))}"')
    for rule_id in ids:
        ctx.ok(rule_id)


def check_title(ctx: Context) -> None:
    rec = ctx.rec
    if not rec.form.has_type_line:
        for rule_id in ("summary.rule", "summary.rule-length"):
            ctx.na(rule_id, "a công văn's trích yếu (V/v) has no line under it")
        return
    if not rec.summary:
        for rule_id in ("summary.rule", "summary.rule-length"):
            ctx.skip(rule_id, "no trích yếu recognised")
        return
    widths = []
    for item in rec.summary:
        available = paragraph_width_pt(ctx.doc, item.paragraph)
        width = _width_of(item.paragraph)
        widths.append(min(width, available) if available else width)
    _line(ctx, "summary", rec.summary_line, max(widths), rec.summary[-1].paragraph,
          RULES["summary.rule-length"].allowed)


# --------------------------------------------------------------------------------------------
# Body


def _flow(ctx: Context) -> list[list[Recognised]]:
    """Runs of body paragraphs: the căn cứ and main body, and each appendix's body."""
    main = [*ctx.rec.legal_bases, *ctx.rec.body]
    return [x for x in [main, *(a.body for a in ctx.rec.appendices)] if x]


def _line_spacing(p: ResolvedParagraph) -> tuple[float, str]:
    """(lines, description) of a paragraph's line spacing."""
    if p.line_spacing_rule == "auto":
        return p.line_spacing, f"{p.line_spacing:.2f} lines".replace(".00 ", " ")
    single = _size_of(p) * TNR_LINE_HEIGHT_EM
    lines = p.line_spacing / single
    if p.line_spacing_rule == "atLeast":
        lines = max(lines, 1.0)
        return lines, f"at least {_pt(p.line_spacing)} pt (≈ {lines:.2f} lines)"
    return lines, f"exactly {_pt(p.line_spacing)} pt (≈ {lines:.2f} lines)"


def check_body(ctx: Context) -> None:
    runs = _flow(ctx)
    if not runs:
        for rule_id in ("body.first-line-indent", "body.spacing", "body.line-spacing", "body.end-mark"):
            ctx.skip(rule_id, "no body recognised")
        return
    choices = RULES["body.first-line-indent"].allowed
    spacing_min = RULES["body.spacing"].allowed
    line_range = RULES["body.line-spacing"].allowed
    paras = ctx.doc.paragraphs
    for items in runs:
        previous: Recognised | None = None
        for item in items:
            p = item.paragraph
            if item.role.record.body_paragraph:
                start = p.indent_left_cm + p.first_line_cm
                if not any(abs(start - c) <= INDENT_TOLERANCE_CM for c in choices):
                    ctx.add("body.first-line-indent", _cm(start), [p])
                ctx.ok("body.first-line-indent")
                lines, described = _line_spacing(p)
                low, high = line_range.low - LINE_SPACING_TOLERANCE, line_range.high + LINE_SPACING_TOLERANCE
                if not low <= lines <= high:
                    ctx.add("body.line-spacing", described, [p])
                ctx.ok("body.line-spacing")
            if item.role.record.body_paragraph and previous is not None \
                    and previous.role.record.body_paragraph:
                between = paras[previous.paragraph.index + 1:p.index]
                if not between:  # an empty paragraph between them is space enough
                    a, b = previous.paragraph, p
                    after = 0.0 if a.contextual_spacing and a.style_id == b.style_id else a.space_after_pt
                    before = 0.0 if b.contextual_spacing and a.style_id == b.style_id else b.space_before_pt
                    gap = after + before
                    if gap < spacing_min - SPACING_TOLERANCE_PT:
                        ctx.add("body.spacing", f"{_pt(gap)} pt", [p])
                    ctx.ok("body.spacing")
            previous = item
    for rule_id, reason in (("body.spacing", "no two body paragraphs follow each other"),
                            ("body.first-line-indent", "no body paragraph recognised"),
                            ("body.line-spacing", "no body paragraph recognised")):
        if rule_id not in ctx.ran:
            ctx.skip(rule_id, reason)
    body = ctx.rec.body
    if body:
        last = body[-1]
        mark = RULES["body.end-mark"].allowed
        text = last.text.rstrip()
        if not text.endswith(mark):
            ctx.add("body.end-mark", f'the body ends "…{text[-12:]}"', [last.paragraph])
        elif text[: -len(mark)].rstrip().endswith((";", ":", ",", ".")):
            ctx.add("body.end-mark", f'"…{text[-12:]}": the mark after other punctuation', [last.paragraph],
                    expected=f'"{mark}" in place of the sentence\'s final full stop')
        ctx.ok("body.end-mark")
    else:
        ctx.skip("body.end-mark", "no main body recognised")


class _Sequence:
    """The numbering state of one body: the last number of each level (vbhc.nd30.numbering)."""

    def __init__(self) -> None:
        self.count: dict[Level, int] = {}
        self.sub: dict[str, int] = {}  # "1.1."-style sub-items, by their khoản's number

    def expected(self, level: Level) -> tuple[int, str]:
        """The next number of ``level`` and its label ("?" past the last điểm letter)."""
        n = self.count.get(level, 0) + 1
        return n, numbering.label(level, n, past_end=numbering.NO_NUMBER)

    def counted(self, level: Level, n: int) -> None:
        """Record ``n`` as the last number of ``level``, starting again the levels it resets."""
        self.count[level] = n
        for reset in level.resets:
            self.count.pop(reset, None)
        if Level.SUBITEM in level.resets:
            self.sub.clear()


def _numbers_beyond(ctx: Context) -> bool:
    """Report Word list numbers too large to label (nd30.MAX_NUMBER); whether there were any."""
    beyond = [p for p in _all_paragraphs(ctx.doc) if p.numbering_beyond is not None]
    if beyond:
        first = beyond[0].numbering_beyond or 0
        shown_first = f"{first:,}" if abs(first) < 10**15 else f"beyond {10**15 - 1:,}"
        ctx.add("numbering.sequence", f"a Word list numbered {shown_first}", beyond,
                expected=f"numbers up to {nd30.MAX_NUMBER:,}, more than any document needs",
                note="Word's labels for these paragraphs are not computed or checked.")
    return bool(beyond)


def check_numbering(ctx: Context) -> None:
    bodies = [ctx.rec.body, *(a.body for a in ctx.rec.appendices)]
    numbered = _numbers_beyond(ctx)
    for body in bodies:
        seq = _Sequence()
        for item in body:
            level = item.level
            if level is None or level.numeral is Numeral.MARK or item.value is None:
                continue
            numbered = True
            if level is Level.SUBITEM:
                prefix, _, last = str(item.value).rpartition(".")
                expected_n = seq.sub.get(prefix, 0) + 1
                if int(last) != expected_n:
                    ctx.add("numbering.sequence", f'"{item.label}"', [item.paragraph],
                            expected=f'"{numbering.sublabel(prefix, expected_n)}"', merge=False)
                seq.sub[prefix] = int(last)
                continue
            if level is Level.POINT:
                letter = str(item.value)
                expected_n, expected = seq.expected(level)
                found_n = nd30.POINT_LETTERS.index(letter) + 1 if letter in nd30.POINT_LETTERS else None
                if found_n != expected_n or item.label.replace(" ", "") != expected:
                    note = (f'"{letter}" is not in the Vietnamese alphabet' if found_n is None else "")
                    ctx.add("numbering.sequence", f'"{item.label}"', [item.paragraph],
                            expected=f'"{expected}"', note=note, merge=False)
                seq.counted(level, found_n if found_n is not None else expected_n)
                continue
            if not isinstance(item.value, int):
                continue
            expected_n, expected = seq.expected(level)
            found_label = " ".join(item.label.split())
            # "1)" for "1.": the form counts where the decree puts a mark after the number
            wrong_form = bool(level.suffix) and found_label.casefold() != expected.casefold()
            if item.value != expected_n or wrong_form:  # the word's case is article.case's business
                ctx.add("numbering.sequence", f'"{found_label}"', [item.paragraph], expected=f'"{expected}"',
                        merge=False)
            seq.counted(level, item.value)
    if numbered:
        ctx.ok("numbering.sequence")
    else:
        ctx.na("numbering.sequence", "the body has no numbered parts, articles, items or points")


def _ending(text: str) -> str:
    text = text.rstrip()
    return f'"{text[-1]}"' if text else "nothing"


def check_legal_bases(ctx: Context) -> None:
    bases = ctx.rec.legal_bases
    if not bases:
        ctx.na("legal-basis.punctuation", "no căn cứ in this document")
        return
    for n, item in enumerate(bases):
        last = n == len(bases) - 1
        end = nd30.LEGAL_BASIS_LAST_END if last else nd30.LEGAL_BASIS_LINE_END
        text = item.text.rstrip()
        if not text.endswith(end) or (last and text.endswith("..")):
            ctx.add("legal-basis.punctuation", f"ends with {_ending(text)}", [item.paragraph],
                    expected=f'ends with "{end}"' + (" (the last căn cứ)" if last else ""), merge=False)
    ctx.ok("legal-basis.punctuation")


def _list_entries(items: Sequence[Recognised]) -> list[tuple[ResolvedParagraph, str]]:
    out = []
    for item in items:
        for line in item.paragraph.text.split("\n"):
            line = clean(line)
            if line:
                out.append((item.paragraph, line))
    return out


def _check_list(ctx: Context, rule_id: str, entries: list[tuple[ResolvedParagraph, str]]) -> None:
    prefix = nd30.LIST_ITEM_PREFIX
    for n, (p, line) in enumerate(entries):
        last = n == len(entries) - 1
        if not line.startswith(prefix):
            ctx.add(rule_id, f'"{shorten(line, 40)}"', [p], expected=f'a line starting "{prefix}"',
                    merge=False)
        end = nd30.LIST_LAST_END if last else nd30.LIST_ITEM_END
        if not line.endswith(end) or (last and line.endswith("..")):
            ctx.add(rule_id, f"ends with {_ending(line)}", [p],
                    expected=f'ends with "{end}"' + (" (the last line)" if last else ""), merge=False)


def check_addressees(ctx: Context) -> None:
    items = ctx.rec.addressees
    if not items:
        ctx.na("addressees.punctuation", "no Kính gửi in this document")
        return
    first = items[0]
    label = nd30.ADDRESSEES_LABEL
    if not first.text.startswith(label):
        ctx.add("addressees.punctuation", f'"{shorten(first.text, 30)}"', [first.paragraph],
                expected=f'"{label}" with its colon', merge=False)
    if len(items) > 1:
        _check_list(ctx, "addressees.punctuation", _list_entries(items[1:]))
    ctx.ok("addressees.punctuation")


def check_recipients(ctx: Context) -> None:
    rec = ctx.rec
    heading = rec.recipients_heading
    if heading is None:
        for rule_id in ("recipients.punctuation", "recipients.archive"):
            ctx.skip(rule_id, '"Nơi nhận:" not recognised')
        return
    if clean(heading.text.split("\n")[0]) != nd30.RECIPIENTS_LABEL:
        ctx.add("recipients.punctuation", f'"{heading.text}"', [heading.paragraph],
                expected=f'"{nd30.RECIPIENTS_LABEL}"', merge=False)
    entries = _list_entries(rec.recipients[1:])  # the region's first line is the heading
    extra = [clean(x) for x in heading.paragraph.text.split("\n")[1:] if clean(x)]
    entries = [(heading.paragraph, x) for x in extra] + entries
    if not entries:
        ctx.add("recipients.archive", "an empty list", [heading.paragraph])
        ctx.ok("recipients.punctuation")
        return
    _check_list(ctx, "recipients.punctuation", entries)
    ctx.ok("recipients.punctuation")
    p, last = entries[-1]
    dash, label = re.escape(nd30.LIST_ITEM_PREFIX.strip()), re.escape(nd30.ARCHIVE_LABEL.rstrip(":"))
    archive = re.compile(rf"^{dash}\s*{label}\s*:\s*{re.escape(nd30.ARCHIVE_REGISTRY)}\b")
    if not archive.match(last):
        ctx.add("recipients.archive", f'the last line is "{shorten(last, 40)}"', [p])
    ctx.ok("recipients.archive")


def check_signature(ctx: Context) -> None:
    rec = ctx.rec
    signers = rec.form.signers_in_person
    if signers is not None and rec.document_type is not None:
        ctx.na("signature.collective", f"a {rec.document_type.type_name.lower()} is signed by {signers} "
                                       "in person")
        return
    if not rec.issuer or not rec.signatures:
        ctx.skip("signature.collective", "no issuer or no signature block recognised")
        return
    words = RULES["signature.collective"].allowed
    issuer = " ".join(clean(x.text).upper() for x in rec.issuer)
    collective = next((w for w in words if issuer.startswith(w)), None)
    ctx.ok("signature.collective")
    if collective is None:
        return
    authority = rec.enacting_authority
    if authority is not None and not clean(authority.text).upper().startswith(words):
        return  # the head enacts in their own name ("CHỦ TỊCH ỦY BAN NHÂN DÂN ..."): no TM.
    tm = nd30.SigningAuthority.TM.value
    for block in collective_blocks(rec):  # a joint document's other signers sign for their own bodies
        if not any(clean(t.text).upper().startswith(tm) for t in block.titles):
            first = block.titles[0]
            ctx.add("signature.collective", f'"{first.text}" without "{tm}"', [first.paragraph],
                    expected=f'"{tm} {clean(rec.issuer[0].text).upper()}" over "{first.text}"',
                    note="A bare position means the head signs in their own name; for the collective's "
                         "documents sign on its behalf (TM.).")


# --------------------------------------------------------------------------------------------
# Page numbers


def _estimated_pages(doc: ResolvedDocument) -> float:
    """A rough page count from text widths and line heights (tables: the tallest cell of each row)."""
    if not doc.sections:
        return 0.0
    s = doc.sections[0]
    top, bottom = s.margins.get("top") or 25.4, s.margins.get("bottom") or 25.4
    height_mm = (s.page_height_mm or 279.4) - top - bottom
    page_pt = max(height_mm, 50.0) / 25.4 * 72
    total = 0.0
    rows: dict[tuple[int, int], dict[int, float]] = {}
    for p in doc.paragraphs:
        size = _size_of(p)
        available = paragraph_width_pt(doc, p) or 450.0
        width = measure_pt(p.text, size) if p.text else 0.0
        lines = max(1, math.ceil(width / max(available, 1.0)))
        single = size * TNR_LINE_HEIGHT_EM
        spacing = p.line_spacing if p.line_spacing_rule == "auto" else p.line_spacing / single
        height = lines * size * TNR_LINE_HEIGHT_EM * max(spacing, 1.0) + p.space_before_pt + p.space_after_pt
        if p.table is None:
            total += height
        else:
            cells = rows.setdefault(p.table[:2], {})
            cells[p.table[2]] = cells.get(p.table[2], 0.0) + height
    total += sum(max(cells.values()) for cells in rows.values())
    return total / page_pt


def check_page_numbers(ctx: Context) -> None:
    doc = ctx.doc
    ids = ("page-number.present", "page-number.position", "page-number.first-page")
    in_headers = {name: [p for p in ps if p.has_page_field] for name, ps in doc.headers.items()}
    in_footers = {name: [p for p in ps if p.has_page_field] for name, ps in doc.footers.items()}
    first = doc.sections[0] if doc.sections else None
    used_headers = {n for s in doc.sections for n in s.headers.values()}
    used_footers = {n for s in doc.sections for n in s.footers.values()}
    header_pages = [p for n, ps in in_headers.items() if n in used_headers for p in ps]
    footer_pages = [p for n, ps in in_footers.items() if n in used_footers for p in ps]
    typography_ids = [r for r in RULES if r.startswith(PAGE_NUMBER_ID + ".") and r not in ids]
    if not header_pages and not footer_pages:
        pages = _estimated_pages(doc)
        if pages > 1.0:
            ctx.add("page-number.present", f"no page numbers (about {math.ceil(pages)} pages)",
                    where="section 1")
        else:
            ctx.na("page-number.present", "the document fits on one page (estimated)")
        for rule_id in (*ids[1:], *typography_ids):
            if pages > 1.0:
                ctx.skip(rule_id, "the document has no page numbers")
            else:
                ctx.na(rule_id, "the document fits on one page (estimated)")
        return
    ctx.ok("page-number.present")
    for p in footer_pages:
        ctx.add("page-number.position", "in the footer (bottom margin)", [p], where=p.location)
    for p in header_pages:
        if p.alignment != "center":
            ctx.add("page-number.position", _ALIGN_FOUND.get(p.alignment, p.alignment), [p], where=p.location)
    ctx.ok("page-number.position")
    if first is not None:
        default = first.headers.get("default")
        default_footer = first.footers.get("default")
        shows = bool(in_headers.get(default or "", [])) or bool(in_footers.get(default_footer or "", []))
        if shows:
            if not first.title_page:
                ctx.add("page-number.first-page", "a number on page 1 (no “different first page”)",
                        where="section 1")
            else:
                first_parts = [first.headers.get("first"), first.footers.get("first")]
                if any(in_headers.get(n or "", []) or in_footers.get(n or "", []) for n in first_parts):
                    ctx.add("page-number.first-page", "a PAGE field in the first-page header",
                            where="section 1")
        ctx.ok("page-number.first-page")
    shown_runs = [p for p in header_pages + footer_pages if p.visible_runs]
    if not shown_runs:
        for rule_id in typography_ids:
            ctx.skip(rule_id, "the page number field has no shown result to measure")
        return
    for p in shown_runs:
        item = Recognised(p, Role.PARAGRAPH, shown(p))
        _typography(ctx, item, PAGE_NUMBER_ID, nd30.PAGE_NUMBER, None)


# --------------------------------------------------------------------------------------------

CHECKS = (check_page, check_fonts, check_text, check_required, check_typography, check_header, check_number,
          check_date, check_title, check_body, check_numbering, check_legal_bases, check_addressees,
          check_recipients, check_signature, check_page_numbers)


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
    for check in CHECKS:
        check(ctx)
    return ctx.report(source)


def rules_of(report: Report) -> list[Rule]:
    """The rules with findings in ``report``, in rule order."""
    ids = report.rule_ids()
    return [r for r in RULES.values() if r.id in ids]
