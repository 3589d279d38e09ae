"""The Word template that defines the look: page set-up, styles, page-number header.

``templates/nd30/base.docx`` is built by :func:`build_template` from
:class:`~vbhc.model.formatting.Formatting`
(``python scripts/build_templates.py``); an office may build its own with other values within the
decree's ranges (``vbhc template``), or edit one in Word. :class:`Template` loads any of them and
tells the writer which style to use for each role and how wide each style's text is.
"""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache
from importlib import resources
from pathlib import Path

from attrs import frozen
from lxml import etree

from vbhc import nd30
from vbhc.errors import FileError, TemplateError
from vbhc.fileio import read_bytes
from vbhc.limits import MAX_ARCHIVE_BYTES
from vbhc.model.formatting import Formatting
from vbhc.nd30 import Role
from vbhc.nd30.roles import WORD_STYLES, WordStyle
from vbhc.ooxml.build import (
    CT_NS,
    PR_NS,
    R_NS,
    W_NS,
    Element,
    border,
    el,
    page_field_runs,
    ppr,
    rpr,
    to_bytes,
    twips_from_cm,
    twips_from_mm,
    twips_from_pt,
    w,
    write_package,
)

# --------------------------------------------------------------------------------------------
# Styles: one per role record's Word style (the body roles share one), plus the rule lines and the
# page number.


@frozen
class StyleSpec:
    """A paragraph style of the template and the roles printed in it, from the role records."""

    style: WordStyle
    roles: tuple[Role, ...]

    @property
    def style_id(self) -> str:
        return self.style.id


STYLES: tuple[StyleSpec, ...] = tuple(
    StyleSpec(style, tuple(role for role in Role if role.record.style is style)) for style in WORD_STYLES)
RULE_STYLE = "VbhcRule"
PAGE_NUMBER_STYLE = "VbhcPageNumber"
ROLE_STYLE: dict[Role, str] = {role: role.record.style.id for role in Role}
RULE_LINE_PT = 2  # height of the paragraph that carries a line as its top border
RULE_GAP_PT = 3  # space between a text and the line under it
HEADER_DISTANCE_MM = 10  # where the page number sits inside the top margin

_JC = {nd30.Align.LEFT: "left", nd30.Align.CENTER: "center", nd30.Align.JUSTIFY: "both"}


def _style(spec: StyleSpec, fmt: Formatting) -> Element:
    role, style = spec.roles[0], spec.style
    t = role.typography
    node = el("style", {"type": "paragraph", "customStyle": 1, "styleId": style.id},
              el("name", {"val": style.name}), el("basedOn", {"val": "Normal"}),
              el("next", {"val": style.id}), el("qFormat"))
    if style.body_spacing:
        first_line = twips_from_cm(fmt.first_line_indent_cm)
        p = ppr(keep_next=style.keep_next, before_pt=max(style.before_pt, fmt.paragraph_spacing_pt),
                after_pt=style.after_pt, line=fmt.line_spacing, first_line=first_line, jc=_JC[t.align])
    else:
        p = ppr(keep_next=style.keep_next, before_pt=style.before_pt, after_pt=style.after_pt, line=1.0,
                first_line=0, jc=_JC[t.align])
    node.append(p)
    node.append(rpr(bold=t.bold, italic=t.italic, size_pt=fmt.size(role)))
    return node


def _styles_xml(fmt: Formatting) -> bytes:
    fonts = rpr(fonts=nd30.FONT_NAME, color=nd30.FONT_COLOR, size_pt=fmt.body_pt, lang=nd30.LANGUAGE_TAG)
    root = el("styles", None, el(
        "docDefaults", None,
        el("rPrDefault", None, fonts),
        el("pPrDefault", None, ppr(after_pt=0, line=1.0)),
    ))
    root.append(el("style", {"type": "paragraph", "default": 1, "styleId": "Normal"},
                   el("name", {"val": "Normal"}), el("qFormat"),
                   ppr(widow_control=True, after_pt=0, line=1.0),
                   rpr(fonts=nd30.FONT_NAME, color=nd30.FONT_COLOR, size_pt=fmt.body_pt,
                       lang=nd30.LANGUAGE_TAG)))
    root.append(el("style", {"type": "character", "default": 1, "styleId": "DefaultParagraphFont"},
                   el("name", {"val": "Default Paragraph Font"}), el("uiPriority", {"val": 1}),
                   el("semiHidden"), el("unhideWhenUsed")))
    zero = {"w": 0, "type": "dxa"}
    root.append(el("style", {"type": "table", "default": 1, "styleId": "TableNormal"},
                   el("name", {"val": "Normal Table"}), el("uiPriority", {"val": 99}),
                   el("semiHidden"), el("unhideWhenUsed"),
                   el("tblPr", None, el("tblInd", zero),
                      el("tblCellMar", None, el("top", zero), el("left", zero), el("bottom", zero),
                         el("right", zero)))))
    for spec in STYLES:
        root.append(_style(spec, fmt))
    rule = el("style", {"type": "paragraph", "customStyle": 1, "styleId": RULE_STYLE},
              el("name", {"val": "VBHC Rule"}), el("basedOn", {"val": "Normal"}),
              ppr(keep_next=True, borders=[border("top", space=0)], before_pt=RULE_GAP_PT, after_pt=0,
                  line_exact_pt=RULE_LINE_PT, first_line=0, jc="center"),
              rpr(size_pt=1))
    root.append(rule)
    root.append(el("style", {"type": "paragraph", "customStyle": 1, "styleId": PAGE_NUMBER_STYLE},
                   el("name", {"val": "VBHC Page number"}), el("basedOn", {"val": "Normal"}),
                   ppr(after_pt=0, line=1.0, first_line=0, jc="center"),
                   rpr(bold=nd30.PAGE_NUMBER.bold, italic=nd30.PAGE_NUMBER.italic,
                       size_pt=fmt.page_number_pt)))
    return to_bytes(root)


def section_properties(fmt: Formatting) -> Element:
    """``w:sectPr``: A4 portrait, the margins, page numbers from page 2 on (PL I, I.1-I.3 and I.7)."""
    node = el("sectPr")
    node.append(el("headerReference", {"type": "default", f"{{{R_NS}}}id": "rIdHeaderDefault"}))
    node.append(el("headerReference", {"type": "first", f"{{{R_NS}}}id": "rIdHeaderFirst"}))
    node.append(el("pgSz", {"w": twips_from_mm(nd30.PAPER_WIDTH_MM),
                            "h": twips_from_mm(nd30.PAPER_HEIGHT_MM)}))
    node.append(el("pgMar", {
        "top": twips_from_mm(fmt.margin_top_mm), "right": twips_from_mm(fmt.margin_right_mm),
        "bottom": twips_from_mm(fmt.margin_bottom_mm), "left": twips_from_mm(fmt.margin_left_mm),
        "header": twips_from_mm(HEADER_DISTANCE_MM), "footer": twips_from_mm(HEADER_DISTANCE_MM),
        "gutter": 0}))
    node.append(el("cols", {"space": 720}))
    if not nd30.PAGE_NUMBER_ON_FIRST_PAGE:
        node.append(el("titlePg"))  # "different first page": the first page's header is empty
    node.append(el("docGrid", {"linePitch": 360}))
    return node


def _header(with_page_number: bool) -> bytes:
    p = el("p", None, ppr(style=PAGE_NUMBER_STYLE))
    if with_page_number:
        for r in page_field_runs():
            p.append(r)
    return to_bytes(el("hdr", None, p))


def _rels(rels: list[tuple[str, str, str]]) -> bytes:
    root = etree.Element(f"{{{PR_NS}}}Relationships", nsmap={None: PR_NS})
    for rid, rtype, target in rels:
        etree.SubElement(root, f"{{{PR_NS}}}Relationship", Id=rid, Type=rtype, Target=target)
    return to_bytes(root)


_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def _content_types() -> bytes:
    root = etree.Element(f"{{{CT_NS}}}Types", nsmap={None: CT_NS})
    etree.SubElement(root, f"{{{CT_NS}}}Default", Extension="rels",
                     ContentType="application/vnd.openxmlformats-package.relationships+xml")
    etree.SubElement(root, f"{{{CT_NS}}}Default", Extension="xml", ContentType="application/xml")
    overrides = {
        "/word/document.xml": _WML + "document.main+xml",
        "/word/styles.xml": _WML + "styles+xml",
        "/word/settings.xml": _WML + "settings+xml",
        "/word/fontTable.xml": _WML + "fontTable+xml",
        "/word/header1.xml": _WML + "header+xml",
        "/word/header2.xml": _WML + "header+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    }
    for part, ctype in overrides.items():
        etree.SubElement(root, f"{{{CT_NS}}}Override", PartName=part, ContentType=ctype)
    return to_bytes(root)


def _settings() -> bytes:
    compat = el("compat", None, el("compatSetting", {
        "name": "compatibilityMode", "uri": "http://schemas.microsoft.com/office/word", "val": 15}))
    return to_bytes(el("settings", {}, el("zoom", {"percent": 100}),
                       el("defaultTabStop", {"val": 720}),
                       el("characterSpacingControl", {"val": "doNotCompress"}), compat,
                       el("themeFontLang", {"val": nd30.LANGUAGE_TAG}),
                       el("decimalSymbol", {"val": ","}), el("listSeparator", {"val": ";"})))


def _font_table() -> bytes:
    font = el("font", {"name": nd30.FONT_NAME}, el("panose1", {"val": "02020603050405020304"}),
              el("charset", {"val": "00"}), el("family", {"val": "roman"}), el("pitch", {"val": "variable"}))
    return to_bytes(el("fonts", {}, font))


CORE_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC_NS = "http://purl.org/dc/elements/1.1/"


def core_properties(title: str = "", language: str = nd30.LANGUAGE_TAG) -> bytes:
    """docProps/core.xml without timestamps, so output stays byte-identical across runs."""
    root = etree.Element(f"{{{CORE_NS}}}coreProperties", nsmap={"cp": CORE_NS, "dc": DC_NS})
    etree.SubElement(root, f"{{{DC_NS}}}title").text = title
    etree.SubElement(root, f"{{{DC_NS}}}creator").text = "vbhc"
    etree.SubElement(root, f"{{{DC_NS}}}language").text = language
    return to_bytes(root)


def _app_properties() -> bytes:
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    root = etree.Element(f"{{{ns}}}Properties", nsmap={None: ns})
    etree.SubElement(root, f"{{{ns}}}Application").text = "vbhc"
    return to_bytes(root)


def build_template(fmt: Formatting | None = None) -> bytes:
    """The bytes of a template .docx for ``fmt`` (the decree's defaults when None)."""
    fmt = fmt or Formatting()
    body = el("body", None, el("p", None, ppr(style=ROLE_STYLE[Role.PARAGRAPH])), section_properties(fmt))
    document = el("document", None, body)
    parts = [
        ("[Content_Types].xml", _content_types()),
        ("_rels/.rels", _rels([
            ("rId1", _OFFICE + "officeDocument", "word/document.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                     "core-properties", "docProps/core.xml"),
            ("rId3", _OFFICE + "extended-properties", "docProps/app.xml"),
        ])),
        ("docProps/core.xml", core_properties("VBHC Decree 30 template")),
        ("docProps/app.xml", _app_properties()),
        ("word/document.xml", to_bytes(document)),
        ("word/_rels/document.xml.rels", _rels([
            ("rIdStyles", _OFFICE + "styles", "styles.xml"),
            ("rIdSettings", _OFFICE + "settings", "settings.xml"),
            ("rIdFontTable", _OFFICE + "fontTable", "fontTable.xml"),
            ("rIdHeaderDefault", _OFFICE + "header", "header1.xml"),
            ("rIdHeaderFirst", _OFFICE + "header", "header2.xml"),
        ])),
        ("word/styles.xml", _styles_xml(fmt)),
        ("word/settings.xml", _settings()),
        ("word/fontTable.xml", _font_table()),
        ("word/header1.xml", _header(with_page_number=True)),
        ("word/header2.xml", _header(with_page_number=False)),
    ]
    out = io.BytesIO()
    write_package(parts, out)
    return out.getvalue()


# --------------------------------------------------------------------------------------------
# Loading a template


@frozen
class StyleLook:
    """What the writer needs to know of a style: its size and weight, for measuring text."""

    size_pt: float
    bold: bool
    italic: bool


def _on(node: Element | None) -> bool | None:
    if node is None:
        return None
    return node.get(w("val"), "true") not in ("0", "false", "off")


def _style_looks(styles: Element) -> dict[str, StyleLook]:
    """Size, bold and italic of each paragraph style, following ``basedOn`` to the defaults."""
    by_id = {s.get(w("styleId")): s for s in styles.iter(w("style"))}
    default_rpr = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")

    def own(node: Element | None, tag: str) -> Element | None:
        return None if node is None else node.find(f"{w('rPr')}/{w(tag)}")

    def lookup(style_id: str | None, tag: str, seen: frozenset[str] = frozenset()) -> Element | None:
        if style_id is None or style_id in seen or style_id not in by_id:
            return default_rpr.find(w(tag)) if default_rpr is not None else None
        node = by_id[style_id]
        found = own(node, tag)
        if found is not None:
            return found
        based = node.find(w("basedOn"))
        parent = based.get(w("val")) if based is not None else None
        return lookup(parent, tag, seen | {style_id})

    looks = {}
    for style_id in by_id:
        sz = lookup(style_id, "sz")
        looks[style_id] = StyleLook(
            size_pt=int(sz.get(w("val"))) / 2 if sz is not None else 10.0,
            bold=bool(_on(lookup(style_id, "b"))), italic=bool(_on(lookup(style_id, "i"))))
    return looks


def _resolve_attr(styles: Element, style_id: str, element: str, attr: str) -> str | None:
    """An attribute of ``w:pPr`` or ``w:rPr`` child ``element`` (e.g. ``pPr/spacing``, ``line``) as
    the style has it, following ``basedOn`` and then the document defaults."""
    by_id = {s.get(w("styleId")): s for s in styles.iter(w("style"))}
    seen: set[str] = set()
    current: str | None = style_id
    group, tag = element.split("/")
    while current is not None and current in by_id and current not in seen:
        seen.add(current)
        node = by_id[current].find(f"{w(group)}/{w(tag)}")
        if node is not None and node.get(w(attr)) is not None:
            return node.get(w(attr))
        based = by_id[current].find(w("basedOn"))
        current = based.get(w("val")) if based is not None else None
    default = styles.find(f"{w('docDefaults')}/{w(group + 'Default')}/{w(group)}/{w(tag)}")
    return default.get(w(attr)) if default is not None else None


def _twips_range(r: nd30.Range, unit: str) -> tuple[int, int]:
    convert = twips_from_mm if unit == "mm" else twips_from_pt
    return convert(r.low), convert(r.high)


def decree_problems(styles: Element, section: Element | None) -> list[str]:
    """Where a template's styles or page set-up leave Decree 30's ranges, one message each.

    The ranges are :mod:`vbhc.nd30`'s (the ones :class:`~vbhc.model.formatting.Formatting` enforces when a
    template is built), so a template edited in Word is held to the same rules.
    """
    problems: list[str] = []
    looks = _style_looks(styles)
    names = {s.get(w("styleId")): s.find(w("name")) for s in styles.iter(w("style"))}
    for spec in STYLES:
        if spec.style_id not in looks:
            continue
        shown = spec.style_id
        name = names.get(spec.style_id)
        if name is not None and name.get(w("val")):
            shown = f"{spec.style_id} ({name.get(w('val'))})"
        look = looks[spec.style_id]
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
        for attr in ("ascii", "hAnsi"):
            font = _resolve_attr(styles, spec.style_id, "rPr/rFonts", attr)
            if font is not None and font != nd30.FONT_NAME:
                problems.append(f"style {shown}: font {font}; Decree 30 wants {nd30.FONT_NAME} (PL I, I.4)")
                break
        if not spec.style.body_spacing:
            continue
        line = _resolve_attr(styles, spec.style_id, "pPr/spacing", "line")
        rule = _resolve_attr(styles, spec.style_id, "pPr/spacing", "lineRule") or "auto"
        if rule != "auto":
            problems.append(f"style {shown}: line spacing is a fixed height ({rule}); Decree 30 wants "
                            f"{nd30.LINE_SPACING_RANGE} lines (PL I, II.6.e)")
        else:
            lines = int(line or 240) / 240
            low, high = (round(v * 240) for v in (nd30.LINE_SPACING_RANGE.low,
                                                  nd30.LINE_SPACING_RANGE.high))
            if not low <= int(line or 240) <= high:
                problems.append(f"style {shown}: line spacing {lines:g} lines is outside "
                                f"{nd30.LINE_SPACING_RANGE} lines (PL I, II.6.e)")
        first = _resolve_attr(styles, spec.style_id, "pPr/ind", "firstLine")
        allowed = {twips_from_cm(c) for c in nd30.FIRST_LINE_INDENT_CHOICES_CM}
        if int(first or 0) not in allowed:
            cm = int(first or 0) * 2.54 / 1440
            choices = " or ".join(f"{c:g}" for c in nd30.FIRST_LINE_INDENT_CHOICES_CM)
            problems.append(f"style {shown}: first-line indent {cm:.2f} cm; Decree 30 wants {choices} cm "
                            "(PL I, II.6.e)")
        before = int(_resolve_attr(styles, spec.style_id, "pPr/spacing", "before") or 0)
        after = int(_resolve_attr(styles, spec.style_id, "pPr/spacing", "after") or 0)
        if before + after < twips_from_pt(nd30.PARAGRAPH_SPACING_MIN_PT):
            problems.append(f"style {shown}: {(before + after) / 20:g} pt between paragraphs; Decree 30 "
                            f"wants at least {nd30.PARAGRAPH_SPACING_MIN_PT:g} pt (PL I, II.6.e)")
    if section is not None:
        problems += _page_problems(section)
    return problems


def _page_problems(section: Element) -> list[str]:
    problems: list[str] = []
    size, margins = section.find(w("pgSz")), section.find(w("pgMar"))
    if size is not None:
        want = (twips_from_mm(nd30.PAPER_WIDTH_MM), twips_from_mm(nd30.PAPER_HEIGHT_MM))
        got = (int(size.get(w("w"), 0)), int(size.get(w("h"), 0)))
        if any(abs(a - b) > 2 for a, b in zip(got, want, strict=True)):
            problems.append(f"page size {got[0] * 25.4 / 1440:.0f} x {got[1] * 25.4 / 1440:.0f} mm; "
                            f"Decree 30 wants A4 portrait, {nd30.PAPER_WIDTH_MM} x "
                            f"{nd30.PAPER_HEIGHT_MM} mm (PL I, I.1-I.2)")
    if margins is not None:
        for side, allowed in (("top", nd30.MARGIN_TOP_RANGE), ("bottom", nd30.MARGIN_BOTTOM_RANGE),
                              ("left", nd30.MARGIN_LEFT_RANGE), ("right", nd30.MARGIN_RIGHT_RANGE)):
            value = int(margins.get(w(side), 0))
            low, high = _twips_range(allowed, "mm")
            if not low <= value <= high:
                problems.append(f"{side} margin {value * 25.4 / 1440:.1f} mm is outside {allowed} mm "
                                "(Decree 30, PL I, I.3)")
    return problems


class Template:
    """A loaded template: its parts, its section properties and the look of its styles.

    A template whose styles or page set-up leave the decree's ranges is refused, with every problem
    named (:func:`decree_problems`).
    """

    def __init__(self, data: bytes, source: str = "template") -> None:
        self.source = source
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                self.parts: list[tuple[str, bytes]] = [
                    (info.filename, archive.read(info)) for info in archive.infolist()
                    if not info.is_dir()]
        except zipfile.BadZipFile as exc:
            raise TemplateError(f"{source}: not a .docx file ({exc})") from exc
        names = dict(self.parts)
        for required in ("word/document.xml", "word/styles.xml"):
            if required not in names:
                raise TemplateError(f"{source}: {required} is missing")
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        self.document = etree.fromstring(names["word/document.xml"], parser)
        styles = etree.fromstring(names["word/styles.xml"], parser)
        self.looks = _style_looks(styles)
        missing = [s for s in (*ROLE_STYLE.values(), RULE_STYLE) if s not in self.looks]
        if missing:
            raise TemplateError(f"{source}: styles {', '.join(sorted(set(missing)))} are missing")
        sect = self.document.find(f"{w('body')}/{w('sectPr')}")
        if sect is None:
            raise TemplateError(f"{source}: the document has no section properties")
        self.section = sect
        size, margins = sect.find(w("pgSz")), sect.find(w("pgMar"))
        if size is None or margins is None:
            raise TemplateError(f"{source}: page size or margins are missing")
        self.text_width = (int(size.get(w("w"))) - int(margins.get(w("left")))
                           - int(margins.get(w("right"))))
        problems = decree_problems(styles, sect)
        if problems:
            raise TemplateError("\n".join(f"{source}: {p}" for p in problems))

    def look(self, role: Role) -> StyleLook:
        return self.looks[ROLE_STYLE[role]]

    @classmethod
    def from_path(cls, path: str | Path) -> Template:
        try:  # a regular file, read with a bounded read, like any .docx
            data = read_bytes(path, MAX_ARCHIVE_BYTES, "template")
        except FileError as exc:
            raise TemplateError(str(exc)) from None
        return cls(data, str(path))


TEMPLATE_NAME = "base.docx"


def default_template_path() -> Path:
    """Where the shipped template is: inside the installed package, or in the source tree."""
    packaged = resources.files("vbhc") / "templates" / "nd30" / TEMPLATE_NAME
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "templates" / "nd30" / TEMPLATE_NAME


@lru_cache(maxsize=8)
def default_template() -> Template:
    path = default_template_path()
    return Template.from_path(path)


__all__ = ["ROLE_STYLE", "STYLES", "W_NS", "Template", "build_template", "decree_problems",
           "default_template"]
