"""Page set-up (size, orientation, margins) and page numbers (present, position, first page, typography)."""

from __future__ import annotations

import math

from vbhc import nd30
from vbhc.check.checks.core import ALIGN_FOUND, Context, size_of
from vbhc.check.checks.typography import check_item_typography
from vbhc.check.rules import MM_TOLERANCE, PAGE_NUMBER_ID, PAGE_TOLERANCE_MM, RULES, TNR_LINE_HEIGHT_EM
from vbhc.layout.metrics import text_width_pt as measure_pt
from vbhc.nd30 import Role
from vbhc.ooxml.resolve import ResolvedDocument, ResolvedSection
from vbhc.recognise.components import Recognised, paragraph_width_pt, shown


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
        size = size_of(p)
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


def shown_parts(doc: ResolvedDocument, section: ResolvedSection, parts: dict[str, str]) -> list[str]:
    """The header (or footer) parts of ``parts`` Word prints in ``section``: the default one; the even-page
    one only with ``w:evenAndOddHeaders`` on; the first-page one only with ``w:titlePg`` on."""
    shown = {"default": True, "even": doc.even_and_odd_headers, "first": section.title_page}
    return [name for kind, name in parts.items() if shown.get(kind, False)]


def check_page_numbers(ctx: Context) -> None:
    doc = ctx.doc
    ids = ("page-number.present", "page-number.position", "page-number.first-page")
    in_headers = {name: [p for p in ps if p.has_page_field] for name, ps in doc.headers.items()}
    in_footers = {name: [p for p in ps if p.has_page_field] for name, ps in doc.footers.items()}
    first = doc.sections[0] if doc.sections else None
    used_headers = {n for s in doc.sections for n in shown_parts(doc, s, s.headers)}
    used_footers = {n for s in doc.sections for n in shown_parts(doc, s, s.footers)}
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
        if p.shown_alignment != "center":  # a frame centred by w:framePr is centred
            ctx.add("page-number.position", ALIGN_FOUND.get(p.shown_alignment, p.shown_alignment), [p],
                    where=p.location)
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
        check_item_typography(ctx, item, PAGE_NUMBER_ID, nd30.PAGE_NUMBER, None)
