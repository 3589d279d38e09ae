"""Building a template: the styles (one per role record's Word style, plus the rule lines and the page
number), page set-up, header, settings and properties of a template .docx, from
:class:`~vbhc.model.formatting.Formatting` (:func:`build_template`)."""

from __future__ import annotations

import io

from attrs import frozen
from lxml import etree

from vbhc import nd30
from vbhc.model.formatting import Formatting
from vbhc.nd30 import Role
from vbhc.nd30.roles import WORD_STYLES, WordStyle
from vbhc.ooxml.build import (
    R_NS,
    Element,
    border,
    document_package,
    el,
    page_field_runs,
    ppr,
    rpr,
    to_bytes,
    twips_from_cm,
    twips_from_mm,
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

    @property
    def keep_with_next(self) -> bool:
        """Whether the style keeps its paragraphs with the next one: its roles' records say so."""
        kept = {role.record.keep_with_next is not None for role in self.roles}
        if len(kept) > 1:
            raise ValueError(f"{self.style.id}: the roles printed in one style keep with the next line alike")
        return kept == {True}


STYLES: tuple[StyleSpec, ...] = tuple(
    StyleSpec(style, tuple(role for role in Role if role.record.style is style)) for style in WORD_STYLES)
RULE_STYLE = "VbhcRule"
PAGE_NUMBER_STYLE = "VbhcPageNumber"
ROLE_STYLE: dict[Role, str] = {role: role.record.style.id for role in Role}
RULE_LINE_PT = 2  # height of the paragraph that carries a line as its top border
RULE_GAP_PT = 3  # space between a text and the line under it
HEADER_DISTANCE_MM = 10  # where the page number sits inside the top margin

_JC = {nd30.Align.LEFT: "left", nd30.Align.CENTER: "center", nd30.Align.RIGHT: "right",
       nd30.Align.JUSTIFY: "both"}


def _style(spec: StyleSpec, fmt: Formatting) -> Element:
    role, style = spec.roles[0], spec.style
    t = role.typography
    node = el("style", {"type": "paragraph", "customStyle": 1, "styleId": style.id},
              el("name", {"val": style.name}), el("basedOn", {"val": "Normal"}),
              el("next", {"val": style.id}), el("qFormat"))
    keep = spec.keep_with_next or None
    if style.body_spacing:
        first_line = twips_from_cm(fmt.first_line_indent_cm)
        p = ppr(keep_next=keep, before_pt=max(style.before_pt, fmt.paragraph_spacing_pt),
                after_pt=style.after_pt, line=fmt.line_spacing, first_line=first_line, jc=_JC[t.align])
    else:
        p = ppr(keep_next=keep, before_pt=style.before_pt, after_pt=style.after_pt, line=1.0,
                left=twips_from_cm(style.left_cm) if style.left_cm else None, first_line=0, jc=_JC[t.align])
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


def app_properties() -> bytes:
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    root = etree.Element(f"{{{ns}}}Properties", nsmap={None: ns})
    etree.SubElement(root, f"{{{ns}}}Application").text = "vbhc"
    return to_bytes(root)


def document_xml(section: Element) -> Element:
    """A template's ``word/document.xml``: one empty body paragraph, and the page set-up."""
    placeholder = el("p", None, ppr(style=ROLE_STYLE[Role.PARAGRAPH]))
    return el("document", None, el("body", None, placeholder, section))


def build_template(fmt: Formatting | None = None) -> bytes:
    """The bytes of a template .docx for ``fmt`` (the decree's defaults when None)."""
    fmt = fmt or Formatting()
    parts = document_package(to_bytes(document_xml(section_properties(fmt))), [
        ("rIdStyles", "styles", _styles_xml(fmt)),
        ("rIdSettings", "settings", _settings()),
        ("rIdFontTable", "fontTable", _font_table()),
        ("rIdHeaderDefault", "header", _header(with_page_number=True)),
        ("rIdHeaderFirst", "header", _header(with_page_number=False)),
    ], core_properties("VBHC Decree 30 template"), app_properties())
    out = io.BytesIO()
    write_package(parts, out)
    return out.getvalue()
