"""WordprocessingML building blocks: namespaces, units, property elements in schema order, packages.

Word rejects or ignores properties that are out of the order ECMA-376 gives for ``w:pPr``,
``w:rPr``, ``w:sectPr``, ``w:tblPr`` and ``w:tcPr``. The order of ``w:rPr``, ``w:pPr``, ``w:sectPr``,
``w:tblPr``, ``w:trPr`` and ``w:tcPr`` children is declared once (:data:`SCHEMA_ORDER`); the builders
here and ``check --fix`` insert through :func:`place` and :func:`child`.
"""

from __future__ import annotations

import zipfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, NamedTuple

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {"w": W_NS, "r": R_NS}

Element = etree._Element
_ROOTS = frozenset({"document", "styles", "hdr", "ftr", "settings", "fonts", "numbering", "footnotes"})


def w(tag: str) -> str:
    """Clark name of a ``w:`` tag or attribute."""
    return f"{{{W_NS}}}{tag}"


def el(tag: str, attrs: Mapping[str, object] | None = None, *children: Element | None) -> Element:
    """A ``w:`` element with ``w:`` attributes (``r:id`` may be passed as ``{R_NS}id``)."""
    node = etree.Element(w(tag), nsmap=NSMAP if tag in _ROOTS else None)
    for key, value in (attrs or {}).items():
        node.set(key if key.startswith("{") else w(key), str(value))
    for child in children:
        if child is not None:
            node.append(child)
    return node


# --------------------------------------------------------------------------------------------
# Schema order of children (ECMA-376 Part 1, 5th edition, 2016)


def _ranks(*groups: str | tuple[str, ...]) -> dict[str, int]:
    """Local name -> position; the names of one tuple share a position (a choice in the schema)."""
    return {name: i for i, group in enumerate(groups)
            for name in ((group,) if isinstance(group, str) else group)}


# §17.3.2.28 CT_RPr: EG_RPrBase, then rPrChange; a paragraph mark's rPr (§17.3.1.29 CT_ParaRPr) starts
# with its revision marks.
RPR_ORDER = _ranks(
    "ins", "del", "moveFrom", "moveTo", "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps",
    "strike", "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
    "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish",
    "oMath", "rPrChange")
# §17.3.1.26 CT_PPr: CT_PPrBase, then rPr, sectPr and pPrChange.
PPR_ORDER = _ranks(
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
    "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
# §17.6.17 CT_SectPr: EG_HdrFtrReferences (in any order), EG_SectPrContents, then sectPrChange.
SECTPR_ORDER = _ranks(
    ("headerReference", "footerReference"), "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
    "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
    "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange")
# §17.4.60 CT_TblPr (tblPrChange last); §17.4.39 CT_TblBorders; §17.4.42 CT_TblCellMar.
TBLPR_ORDER = _ranks(
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
    "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
    "tblCaption", "tblDescription", "tblPrChange")
TBL_BORDERS_ORDER = _ranks(("top",), ("left", "start"), "bottom", ("right", "end"), "insideH", "insideV")
TBL_CELL_MAR_ORDER = _ranks("top", ("left", "start"), "bottom", ("right", "end"))
# §17.4.82 CT_TrPr: a choice, in any order; written in the schema's listing order.
TRPR_ORDER = _ranks(
    "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight",
    "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange")
# §17.4.70 CT_TcPr.
TCPR_ORDER = _ranks(
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge",
    "tcPrChange")
# §17.7.5.1 CT_DocDefaults.
DOC_DEFAULTS_ORDER = _ranks("rPrDefault", "pPrDefault")
SCHEMA_ORDER: dict[str, dict[str, int]] = {
    "rPr": RPR_ORDER, "pPr": PPR_ORDER, "sectPr": SECTPR_ORDER, "docDefaults": DOC_DEFAULTS_ORDER,
    "tblPr": TBLPR_ORDER, "tblBorders": TBL_BORDERS_ORDER, "tblCellMar": TBL_CELL_MAR_ORDER,
    "trPr": TRPR_ORDER, "tcPr": TCPR_ORDER}


def _w_local(node: Element) -> str | None:
    tag = node.tag
    prefix = f"{{{W_NS}}}"
    return tag[len(prefix):] if isinstance(tag, str) and tag.startswith(prefix) else None


def place(parent: Element, node: Element) -> Element:
    """Insert ``node`` among ``parent``'s children where the schema puts it (before the first child
    that comes later; children the schema table does not name are stepped over); return ``node``."""
    ranks = SCHEMA_ORDER[_w_local(parent) or ""]
    rank = ranks[_w_local(node) or ""]
    for sibling in parent:
        other = ranks.get(_w_local(sibling) or "")
        if other is not None and other > rank:
            sibling.addprevious(node)
            return node
    parent.append(node)
    return node


def ordered(local: str, children: Iterable[Element | None]) -> Element:
    """A ``w:local`` element holding ``children`` in schema order, whatever order they come in (None
    is skipped, as :func:`el` skips it)."""
    node = el(local)
    for node_child in children:
        if node_child is not None:
            place(node, node_child)
    return node


def child(parent: Element, local: str) -> Element:
    """``parent``'s ``w:local`` child, created in schema order when it has none."""
    found = parent.find(w(local))
    return found if found is not None else place(parent, etree.Element(w(local)))


# --------------------------------------------------------------------------------------------
# Units


def twips_from_pt(pt: float) -> int:
    return round(pt * 20)


def twips_from_mm(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def twips_from_cm(cm: float) -> int:
    return twips_from_mm(cm * 10)


def twips_to_mm(twips: float) -> float:
    return twips * 25.4 / 1440


def half_points(pt: float) -> int:
    return round(pt * 2)


# --------------------------------------------------------------------------------------------
# Run and paragraph properties


def rpr(*, fonts: str | None = None, bold: bool | None = None, italic: bool | None = None,
        color: str | None = None, size_pt: float | None = None, boxed: bool = False,
        lang: str | None = None, superscript: bool = False) -> Element | None:
    """``w:rPr`` with the given properties, in schema order (:data:`RPR_ORDER`)."""
    children: list[Element] = []
    if fonts:
        # All four slots: ascii and hAnsi cover Vietnamese letters, eastAsia and cs the rest, so
        # no script falls back to another font.
        children.append(el("rFonts", {"ascii": fonts, "hAnsi": fonts, "eastAsia": fonts, "cs": fonts}))
    if bold is not None:
        flag = {} if bold else {"val": "0"}
        children += [el("b", flag), el("bCs", flag)]
    if italic is not None:
        flag = {} if italic else {"val": "0"}
        children += [el("i", flag), el("iCs", flag)]
    if color:
        children.append(el("color", {"val": color}))
    if size_pt is not None:
        children += [el("sz", {"val": half_points(size_pt)}), el("szCs", {"val": half_points(size_pt)})]
    if boxed:
        children.append(el("bdr", {"val": "single", "sz": 8, "space": 1, "color": "auto"}))
    if superscript:
        children.append(el("vertAlign", {"val": "superscript"}))
    if lang:
        children.append(el("lang", {"val": lang, "eastAsia": lang}))
    return ordered("rPr", children) if children else None


def border(side: str, *, size_eighths: int = 6, space: int = 1) -> Element:
    return el(side, {"val": "single", "sz": size_eighths, "space": space, "color": "auto"})


def ppr(*, style: str | None = None, keep_next: bool | None = None, keep_lines: bool = False,
        page_break_before: bool = False, widow_control: bool | None = None,
        borders: Iterable[Element] = (), before_pt: float | None = None,
        after_pt: float | None = None, line: float | None = None, line_exact_pt: float | None = None,
        left: int | None = None, right: int | None = None, first_line: int | None = None,
        jc: str | None = None, run: Element | None = None,
        section: Element | None = None) -> Element:
    """``w:pPr`` in schema order (:data:`PPR_ORDER`). ``line`` is a multiple of single spacing; lengths
    are in twips. ``keep_next=False`` turns off a style's keep-with-next; None leaves it as the style has
    it."""
    children: list[Element] = []
    if style:
        children.append(el("pStyle", {"val": style}))
    if keep_next is not None:
        children.append(el("keepNext", {} if keep_next else {"val": "0"}))
    if keep_lines:
        children.append(el("keepLines"))
    if page_break_before:
        children.append(el("pageBreakBefore"))
    if widow_control is not None:
        children.append(el("widowControl", {} if widow_control else {"val": "0"}))
    borders = list(borders)
    if borders:
        children.append(el("pBdr", None, *borders))
    spacing: dict[str, object] = {}
    if before_pt is not None:
        spacing["before"] = twips_from_pt(before_pt)
    if after_pt is not None:
        spacing["after"] = twips_from_pt(after_pt)
    if line is not None:
        spacing.update(line=round(line * 240), lineRule="auto")
    if line_exact_pt is not None:
        spacing.update(line=twips_from_pt(line_exact_pt), lineRule="exact")
    if spacing:
        children.append(el("spacing", spacing))
    ind: dict[str, object] = {}
    if left is not None:
        ind["left"] = left
    if right is not None:
        ind["right"] = right
    if first_line is not None:
        ind["firstLine" if first_line >= 0 else "hanging"] = abs(first_line)
    if ind:
        children.append(el("ind", ind))
    if jc:
        children.append(el("jc", {"val": jc}))
    if run is not None:
        children.append(run)
    if section is not None:
        children.append(section)
    return ordered("pPr", children)


def text_run(text: str, props: Element | None = None) -> Element:
    """A ``w:r`` for ``text``; tabs become ``w:tab``, line breaks ``w:br``, spaces at the ends are
    preserved."""
    node = el("r", None, props)
    for n, line in enumerate(text.split("\n")):
        if n:
            node.append(el("br"))
        for i, piece in enumerate(line.split("\t")):
            if i:
                node.append(el("tab"))
            if piece:
                t = el("t")
                t.text = piece
                if piece[0] == " " or piece[-1] == " " or "  " in piece:
                    t.set(f"{{{XML_NS}}}space", "preserve")
                node.append(t)
    return node


def page_field_runs() -> list[Element]:
    """The runs of a PAGE field (complex form, which Word and LibreOffice both update)."""
    instr = el("instrText")
    instr.set(f"{{{XML_NS}}}space", "preserve")
    instr.text = " PAGE "
    return [el("r", None, el("fldChar", {"fldCharType": "begin"})), el("r", None, instr),
            el("r", None, el("fldChar", {"fldCharType": "separate"})), text_run("2"),
            el("r", None, el("fldChar", {"fldCharType": "end"}))]


# --------------------------------------------------------------------------------------------
# Serialisation and deterministic packages


def to_bytes(root: Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# A fixed timestamp for every zip member, so the same input always gives the same bytes.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def write_package(parts: Iterable[tuple[str, bytes]], stream: IO[bytes]) -> None:
    """Write OPC parts as a zip with fixed timestamps, permissions and compression, in given order."""
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)


OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CORE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."


class LookPart(NamedTuple):
    """A part that carries a document's look: its content type and its name under ``word/``
    (``{n}`` numbers the parts of one kind: ``header1.xml``, ``header2.xml``)."""

    content_type: str
    name: str


# Relationship kind (the type's last segment) -> the part, for the parts a template passes on.
LOOK_PARTS: dict[str, LookPart] = {
    "styles": LookPart(_WML + "styles+xml", "styles.xml"),
    "numbering": LookPart(_WML + "numbering+xml", "numbering.xml"),
    "theme": LookPart("application/vnd.openxmlformats-officedocument.theme+xml", "theme/theme{n}.xml"),
    "fontTable": LookPart(_WML + "fontTable+xml", "fontTable.xml"),
    "settings": LookPart(_WML + "settings+xml", "settings.xml"),
    "header": LookPart(_WML + "header+xml", "header{n}.xml"),
    "footer": LookPart(_WML + "footer+xml", "footer{n}.xml"),
}


def relationships_xml(rels: Iterable[tuple[str, str, str]]) -> bytes:
    """A ``.rels`` part of ``(id, type, target)`` relationships, in the given order."""
    root = etree.Element(f"{{{PR_NS}}}Relationships", nsmap={None: PR_NS})
    for rid, rtype, target in rels:
        etree.SubElement(root, f"{{{PR_NS}}}Relationship", Id=rid, Type=rtype, Target=target)
    return to_bytes(root)


def document_package(document: bytes, related: Sequence[tuple[str, str, bytes]], core: bytes,
                     app: bytes) -> list[tuple[str, bytes]]:
    """The members of a .docx in a fixed order: content types, package relationships, properties,
    ``word/document.xml``, its relationships, then ``related``: ``(relationship id, kind, bytes)`` of
    :data:`LOOK_PARTS` kinds, named after their kind (never after what a source package called them)."""
    counts: Counter[str] = Counter()
    named: list[tuple[str, str, str, bytes]] = []
    for rid, kind, data in related:
        counts[kind] += 1
        named.append((rid, kind, LOOK_PARTS[kind].name.format(n=counts[kind]), data))
    types = etree.Element(f"{{{CT_NS}}}Types", nsmap={None: CT_NS})
    etree.SubElement(types, f"{{{CT_NS}}}Default", Extension="rels",
                     ContentType="application/vnd.openxmlformats-package.relationships+xml")
    etree.SubElement(types, f"{{{CT_NS}}}Default", Extension="xml", ContentType="application/xml")
    overrides = [("/word/document.xml", _WML + "document.main+xml"),
                 *((f"/word/{name}", LOOK_PARTS[kind].content_type) for _, kind, name, _ in named),
                 ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                 ("/docProps/app.xml",
                  "application/vnd.openxmlformats-officedocument.extended-properties+xml")]
    for part, ctype in overrides:
        etree.SubElement(types, f"{{{CT_NS}}}Override", PartName=part, ContentType=ctype)
    return [
        ("[Content_Types].xml", to_bytes(types)),
        ("_rels/.rels", relationships_xml([
            ("rId1", OFFICE_RELS + "officeDocument", "word/document.xml"),
            ("rId2", CORE_RELS, "docProps/core.xml"),
            ("rId3", OFFICE_RELS + "extended-properties", "docProps/app.xml"),
        ])),
        ("docProps/core.xml", core),
        ("docProps/app.xml", app),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", relationships_xml(
            (rid, OFFICE_RELS + kind, name) for rid, kind, name, _ in named)),
        *((f"word/{name}", data) for _, _, name, data in named),
    ]
