"""Fonts, colour and text encoding of every paragraph, and the typography (size, weight, case,
alignment) of each recognised component's role."""

from __future__ import annotations

import unicodedata

from vbhc import nd30
from vbhc.check.checks.core import (
    ALIGN_FOUND,
    JUSTIFIED,
    PT_PER_CM,
    TNR,
    Context,
    all_paragraphs,
    prefix_runs,
    width_of,
)
from vbhc.check.marks import allowed_inks
from vbhc.check.rules import RULES
from vbhc.layout.metrics import fits
from vbhc.nd30 import Role
from vbhc.ooxml.legacy_text import encoding_of_font
from vbhc.ooxml.resolve import ResolvedParagraph, font_slot
from vbhc.recognise.components import Recognised, is_upper, paragraph_width_pt


def _legacy_font(face: str | None) -> bool:
    """A TCVN3 or VNI font: text.encoding reports it once (and reads its text as Unicode)."""
    return encoding_of_font(face) is not None


def check_fonts(ctx: Context) -> None:
    color_ok = {None, "auto", RULES["font.color"].allowed.upper()}
    inks = allowed_inks(ctx.rec)  # the urgency stamp's red (PL I, III.2.b), on its paragraph only
    for p in all_paragraphs(ctx.doc):
        for run in p.visible_runs:
            used = {font_slot(ch, run.hint, run.complex_script) for ch in run.text if not ch.isspace()}
            faces: set[str] = set()
            for slot in sorted(used):
                face = run.fonts.get(slot)
                if (face is None or face.lower() != TNR) and not _legacy_font(face):
                    faces.add(face or "not set (the application's default)")
            if faces:
                ctx.add("font.family", ", ".join(sorted(faces)), [p])
            slots = [f"{slot}: {run.fonts.get(slot) or 'not set'}"
                     for slot in ("ascii", "hAnsi", "eastAsia", "cs")
                     if slot not in used and (run.fonts.get(slot) or "").lower() != TNR
                     and not _legacy_font(run.fonts.get(slot))]
            if slots:
                ctx.add("font.slots", ", ".join(slots), [p])
            if run.color not in color_ok and run.color != inks.get(id(p)):
                ctx.add("font.color", f"#{run.color}", [p])
    for rule_id in ("font.family", "font.slots", "font.color"):
        ctx.ok(rule_id)


def check_footnotes(ctx: Context) -> None:
    """The size of each footnote's text (practice, nd30.FOOTNOTE); its fonts and colour are checked
    with every paragraph's (:func:`check_fonts`)."""
    if not ctx.doc.footnotes:
        ctx.na("footnote.size", "no footnotes in this document")
        return
    allowed = RULES["footnote.size"].allowed
    for p in ctx.doc.footnotes:
        sizes = sorted(p.sizes)
        if any(s not in allowed for s in sizes):
            ctx.add("footnote.size", ", ".join(f"{s:g} pt" for s in sizes), [p])
    ctx.ok("footnote.size")


def check_text(ctx: Context) -> None:
    for p in all_paragraphs(ctx.doc):
        if p.text and unicodedata.normalize("NFC", p.text) != p.text:
            ctx.add("text.nfc", "decomposed letters (NFD), which some software shows or sorts wrongly", [p])
    ctx.ok("text.nfc")
    legacy = ctx.doc.legacy
    if legacy is not None:  # once for the whole document: every other finding reads the text converted
        ctx.add("text.encoding", legacy.describe(), where="the whole document",
                note="convert it to Unicode (TCVN 6909:2001) — `vbhc check --fix` does it (and sets Times "
                     "New Roman); the other findings read the text as converted")
    ctx.ok("text.encoding")


def check_item_typography(ctx: Context, item: Recognised, component: str, t: nd30.Typography,
                role: Role | None) -> None:
    p = item.paragraph
    runs = item.runs  # a column of a line laid out with tabs: its own runs
    if not runs:
        return
    sizes = sorted({r.size_pt for r in runs})
    rule_id = f"{component}.size"
    if any(s not in t.size for s in sizes):
        ctx.add(rule_id, ", ".join(f"{s:g} pt" for s in sizes), [p])
    ctx.ok(rule_id)
    # An article's text after its "Điều N." (PL III, Mẫu 1.3) is running text: the label has the
    # article's look, and the text the body's, where a few words in bold or italic are emphasis.
    label = ()
    # Word's own label ("Điều %1." of a list) is no run: its look is its list level's (numbering_bold)
    word_label = bool(p.numbering_label) and p.numbering_bold is not None
    running = role is Role.ARTICLE and item.text[len(item.label):].strip().endswith((".", ";", ":"))
    if running and not word_label:
        label = tuple(prefix_runs(p, len(item.label))) or runs
    text_runs = [r for r in runs if all(r is not x for x in label)] if running else []
    for prop, wanted in (("bold", t.bold), ("italic", t.italic)):
        rule_id = f"{component}.{prop}"
        on = [getattr(r, prop) for r in (label or runs)]
        if running and word_label:
            on = [p.numbering_bold] if prop == "bold" else [False]
        if wanted and not all(on):
            ctx.add(rule_id, f"not {prop}" if not any(on) else f"partly {prop}", [p])
        elif not wanted and any(on) and (all(on) or role is None or not role.record.emphasis_allowed):
            ctx.add(rule_id, prop if all(on) else f"partly {prop}", [p])
        elif not wanted and text_runs and all(getattr(r, prop) for r in text_runs):
            ctx.add(rule_id, f"the text after {item.label!r} {prop}", [p])
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
    if rule_id in RULES and not item.in_columns:  # a column's place is set by its tabs, not its alignment
        align = p.alignment
        good = {nd30.Align.CENTER: align == "center", nd30.Align.LEFT: align == "left",
                nd30.Align.RIGHT: align == "right", nd30.Align.JUSTIFY: align in JUSTIFIED}[t.align]
        if not good and _prints_the_same(ctx, p, t.align):
            good = True
        if not good:
            ctx.add(rule_id, ALIGN_FOUND.get(align, align), [p])
        ctx.ok(rule_id)


def _prints_the_same(ctx: Context, p: ResolvedParagraph, wanted: nd30.Align) -> bool:
    """Whether a paragraph justified where flush left is wanted (or the other way) prints the same: it
    is one line (no manual break), and a justified paragraph's last line is flush left."""
    pair = {"left", *JUSTIFIED}
    if wanted not in (nd30.Align.LEFT, nd30.Align.JUSTIFY) or p.alignment not in pair or "\n" in p.text:
        return False
    available = paragraph_width_pt(ctx.doc, p)
    if available is None:
        return False
    return fits(width_of(p), available - max(p.first_line_cm, 0.0) * PT_PER_CM)


def check_typography(ctx: Context) -> None:
    rec = ctx.rec
    present: set[Role] = set()
    for item in rec.all():
        present.add(item.role)
        check_item_typography(ctx, item, item.role.value, item.role.typography, item.role)
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
