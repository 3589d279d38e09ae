"""Loading a template: :class:`Template` reads any template safely, keeps its look, refuses sizes Word
cannot set and (:func:`decree_problems`) styles or page set-up outside the decree's ranges; the shipped
one is :func:`default_template`."""

from __future__ import annotations

import copy
import math
from functools import lru_cache
from importlib import resources
from pathlib import Path

from attrs import frozen
from lxml import etree

from vbhc import nd30
from vbhc.errors import FileError, TemplateError
from vbhc.fileio import read_bytes
from vbhc.limits import MAX_ARCHIVE_BYTES
from vbhc.nd30 import Role
from vbhc.ooxml.build import (
    Element,
    document_package,
    to_bytes,
    twips_from_cm,
    twips_from_mm,
    twips_from_pt,
    w,
)
from vbhc.ooxml.package import DocxReadError, open_docx
from vbhc.ooxml.sanitise import template_parts
from vbhc.ooxml.styles import DEFAULT_SIZE_PT, MAX_CHAIN, StyleSheet
from vbhc.ooxml.xml import measure
from vbhc.writers.docx.template.build import (
    PAGE_NUMBER_STYLE,
    ROLE_STYLE,
    RULE_STYLE,
    STYLES,
    app_properties,
    core_properties,
    document_xml,
)
from vbhc.writers.docx.upgrade import add_later_styles

# --------------------------------------------------------------------------------------------
# Loading a template


@frozen
class StyleLook:
    """What the writer needs to know of a style: its size and weight, for measuring text."""

    size_pt: float
    bold: bool
    italic: bool


def _look(sheet: StyleSheet, style_id: str) -> StyleLook:
    """Size, bold and italic of a run in paragraph style ``style_id``, as the checker resolves them."""
    props = sheet.run_base(None, style_id, None)
    size = props.get("sz")
    return StyleLook(size_pt=size / 2 if size is not None else DEFAULT_SIZE_PT,
                     bold=bool(props.get("b", False)), italic=bool(props.get("i", False)))


def _twips_range(r: nd30.Range, unit: str) -> tuple[int, int]:
    convert = twips_from_mm if unit == "mm" else twips_from_pt
    return convert(r.low), convert(r.high)


def decree_problems(sheet: StyleSheet, section: Element | None) -> list[str]:
    """Where a template's styles or page set-up leave Decree 30's ranges, one message each.

    The ranges are :mod:`vbhc.nd30`'s (the ones :class:`~vbhc.model.formatting.Formatting` enforces when a
    template is built), so a template edited in Word is held to the same rules. Styles are resolved by
    :class:`~vbhc.ooxml.styles.StyleSheet`, the checker's resolver.
    """
    problems: list[str] = []
    for spec in STYLES:
        style = sheet.styles.get(spec.style_id)
        if style is None:
            continue
        shown = f"{spec.style_id} ({style.name})" if style.name else spec.style_id
        look = _look(sheet, spec.style_id)
        t = spec.roles[0].typography
        if any(look.size_pt not in role.typography.size for role in spec.roles):
            problems.append(f"style {shown}: font size {look.size_pt:g} pt is outside {t.size} pt "
                            f"(Decree 30, {t.clause})")
        if look.bold != t.bold or look.italic != t.italic:
            want = ", ".join(x for x in ("bold" if t.bold else "not bold",
                                          "italic" if t.italic else "upright"))
            got = ", ".join(x for x in ("bold" if look.bold else "not bold",
                                         "italic" if look.italic else "upright"))
            problems.append(f"style {shown}: {got}; Decree 30 wants {want} ({t.clause})")
        run = sheet.run_base(None, spec.style_id, None)
        for slot in ("ascii", "hAnsi"):
            font = sheet.font_name(run.get("font." + slot))
            if (font or "").lower() != nd30.FONT_NAME.lower():
                found = font or "not set (the application's default)"
                problems.append(f"style {shown}: font {found}; Decree 30 wants {nd30.FONT_NAME} (PL I, I.4)")
                break
        if not spec.style.body_spacing:
            continue
        para = sheet.base(None, spec.style_id).ppr
        line = para.get("spacing.line", 240)
        rule = para.get("spacing.lineRule") or "auto"
        if rule != "auto":
            problems.append(f"style {shown}: line spacing is a fixed height ({rule}); Decree 30 wants "
                            f"{nd30.LINE_SPACING_RANGE} lines (PL I, II.6.e)")
        else:
            low, high = (round(v * 240) for v in (nd30.LINE_SPACING_RANGE.low,
                                                  nd30.LINE_SPACING_RANGE.high))
            if not low <= line <= high:
                problems.append(f"style {shown}: line spacing {line / 240:g} lines is outside "
                                f"{nd30.LINE_SPACING_RANGE} lines (PL I, II.6.e)")
        first = para.get("ind.first", 0)
        if first not in {twips_from_cm(c) for c in nd30.FIRST_LINE_INDENT_CHOICES_CM}:
            choices = " or ".join(f"{c:g}" for c in nd30.FIRST_LINE_INDENT_CHOICES_CM)
            problems.append(f"style {shown}: first-line indent {first * 2.54 / 1440:.2f} cm; Decree 30 wants "
                            f"{choices} cm (PL I, II.6.e)")
        between = para.get("spacing.before", 0) + para.get("spacing.after", 0)
        if between < twips_from_pt(nd30.PARAGRAPH_SPACING_MIN_PT):
            problems.append(f"style {shown}: {between / 20:g} pt between paragraphs; Decree 30 "
                            f"wants at least {nd30.PARAGRAPH_SPACING_MIN_PT:g} pt (PL I, II.6.e)")
    if section is not None:
        problems += _page_problems(section)
    return problems


def _page_problems(section: Element) -> list[str]:
    problems: list[str] = []
    size, margins = section.find(w("pgSz")), section.find(w("pgMar"))
    if size is not None:
        want = (twips_from_mm(nd30.PAPER_WIDTH_MM), twips_from_mm(nd30.PAPER_HEIGHT_MM))
        got = (_length(size, "w") or 0, _length(size, "h") or 0)
        if any(abs(a - b) > 2 for a, b in zip(got, want, strict=True)):
            problems.append(f"page size {got[0] * 25.4 / 1440:.0f} x {got[1] * 25.4 / 1440:.0f} mm; "
                            f"Decree 30 wants A4 portrait, {nd30.PAPER_WIDTH_MM} x "
                            f"{nd30.PAPER_HEIGHT_MM} mm (PL I, I.1-I.2)")
    if margins is not None:
        for side, allowed in (("top", nd30.MARGIN_TOP_RANGE), ("bottom", nd30.MARGIN_BOTTOM_RANGE),
                              ("left", nd30.MARGIN_LEFT_RANGE), ("right", nd30.MARGIN_RIGHT_RANGE)):
            value = _length(margins, side) or 0
            low, high = _twips_range(allowed, "mm")
            if not low <= value <= high:
                problems.append(f"{side} margin {value * 25.4 / 1440:.1f} mm is outside {allowed} mm "
                                "(Decree 30, PL I, I.3)")
    return problems


MAX_PAGE_TWIPS = 31680  # 22 inches: the largest page Word sets up
MIN_FONT_PT, MAX_FONT_PT = 1, 1638  # the font sizes Word sets (w:sz 2 to 3276 half-points)


def _refuse_unsettable_sizes(source: str, styles: Element) -> None:
    """Every w:sz and w:szCs of the styles part (docDefaults included) is a size Word can set: the part
    is copied into every rendered file, where Word would refuse a 5,000-digit size."""
    for node in styles.iter(w("sz"), w("szCs")):
        half_points = measure(node.get(w("val")), 2.0)
        if half_points is None or not 2 * MIN_FONT_PT <= half_points <= 2 * MAX_FONT_PT:
            owner = next((s.get(w("styleId")) for s in node.iterancestors(w("style"))), None)
            found = node.get(w("val")) or ""
            shown = found if len(found) <= 20 else found[:20] + "…"
            raise TemplateError(f"{source}: {f'style {owner}' if owner else 'docDefaults'}: "
                                f"w:{etree.QName(node).localname} {shown!r} is not a font size Word can set "
                                f"({MIN_FONT_PT}–{MAX_FONT_PT} pt)")


def _length(node: Element, attr: str) -> int | None:
    """A page length attribute in twips (a number, or a measure such as "21cm"), None when it is missing,
    not a length, or beyond any page."""
    value = measure(node.get(w(attr)), 20.0)
    if value is None or not math.isfinite(value) or abs(value) > MAX_PAGE_TWIPS:
        return None
    return round(value)


def _text_width(source: str, section: Element) -> int:
    """Page width less the left and right margins, in twips; :class:`TemplateError` when unreadable."""
    size, margins = section.find(w("pgSz")), section.find(w("pgMar"))
    if size is None or margins is None:
        raise TemplateError(f"{source}: page size or margins are missing")
    values = {}
    for node, attr in ((size, "w"), (margins, "left"), (margins, "right")):
        values[attr] = _length(node, attr)
        if values[attr] is None:
            found = node.get(w(attr))
            shown = "nothing" if found is None else repr(found if len(found) <= 20 else found[:20] + "…")
            raise TemplateError(f"{source}: w:{etree.QName(node).localname} w:{attr} is not a length in "
                                f"twips up to {MAX_PAGE_TWIPS}; found {shown}")
    width = values["w"] - values["left"] - values["right"]  # type: ignore[operator]
    if width <= 0:
        raise TemplateError(f"{source}: the left and right margins leave no room for text")
    return width


class Template:
    """A loaded template: its parts, its section properties and the look of its styles.

    The package is read by :func:`~vbhc.ooxml.package.open_docx` (with its size and compression
    limits) and only its look is kept (:func:`~vbhc.ooxml.sanitise.template_parts`): styles, numbering,
    theme, fonts, settings, and header and footer text with at most the PAGE field. Every problem is a
    :class:`~vbhc.errors.TemplateError` naming the file. A template whose styles or page set-up leave
    the decree's ranges is refused, with every problem named (:func:`decree_problems`); with
    ``strict=False`` they are kept in :attr:`problems` instead.
    """

    def __init__(self, data: bytes, source: str = "template", *, strict: bool = True) -> None:
        self.source = source
        try:
            look = template_parts(open_docx(data))
        except DocxReadError as exc:
            raise TemplateError(f"{source}: {exc}") from None
        if look.styles is None:
            raise TemplateError(f"{source}: word/styles.xml is missing")
        add_later_styles(look)  # a template made before tables: their styles added
        sheet = StyleSheet.from_parts(look.styles, look.theme)
        used = tuple(dict.fromkeys((*ROLE_STYLE.values(), RULE_STYLE)))
        missing = [s for s in used if s not in sheet.styles or sheet.styles[s].type != "paragraph"]
        if missing:
            raise TemplateError(f"{source}: styles {', '.join(sorted(missing))} are missing")
        for style_id in (*used, PAGE_NUMBER_STYLE):
            if len(sheet.chain(style_id)) >= MAX_CHAIN:
                raise TemplateError(f"{source}: style {style_id}: its w:basedOn chain is {MAX_CHAIN} or more "
                                    f"styles deep; vbhc follows at most {MAX_CHAIN - 1}")
        _refuse_unsettable_sizes(source, look.styles)
        self.looks = {style_id: _look(sheet, style_id) for style_id in used}
        for style_id, style_look in self.looks.items():
            if not MIN_FONT_PT <= style_look.size_pt <= MAX_FONT_PT:
                raise TemplateError(f"{source}: style {style_id}: font size {style_look.size_pt:.6g} pt is "
                                    f"not one Word can set ({MIN_FONT_PT}–{MAX_FONT_PT} pt)")
        self.section = look.section
        self.text_width = _text_width(source, look.section)
        self.document = document_xml(copy.deepcopy(look.section))
        self.parts = document_package(to_bytes(self.document), look.related, core_properties(),
                                      app_properties())
        self.problems = decree_problems(sheet, look.section)
        if strict and self.problems:
            raise TemplateError("\n".join(f"{source}: {p}" for p in self.problems))

    def look(self, role: Role) -> StyleLook:
        return self.looks[ROLE_STYLE[role]]

    @classmethod
    def from_path(cls, path: str | Path, *, strict: bool = True) -> Template:
        try:  # a regular file, read with a bounded read, like any .docx
            data = read_bytes(path, MAX_ARCHIVE_BYTES, "template")
        except FileError as exc:
            raise TemplateError(str(exc)) from None
        return cls(data, str(path), strict=strict)


TEMPLATE_NAME = "base.docx"


def default_template_path() -> Path:
    """Where the shipped template is: inside the installed package, or in the source tree."""
    packaged = resources.files("vbhc") / "templates" / "nd30" / TEMPLATE_NAME
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[4] / "templates" / "nd30" / TEMPLATE_NAME


@lru_cache(maxsize=8)
def default_template() -> Template:
    path = default_template_path()
    return Template.from_path(path)
