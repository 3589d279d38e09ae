"""WordprocessingML building blocks: namespaces, units, and property elements in schema order.

Word rejects or ignores properties that are out of the order ECMA-376 gives for ``w:pPr``,
``w:rPr``, ``w:sectPr``, ``w:tblPr`` and ``w:tcPr``; every builder here emits children in that order.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Mapping
from typing import IO

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {"w": W_NS, "r": R_NS}

Element = etree._Element
_ROOTS = frozenset({"document", "styles", "hdr", "ftr", "settings", "fonts", "numbering"})


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
        lang: str | None = None) -> Element | None:
    """``w:rPr`` in schema order: rFonts, b, bCs, i, iCs, color, sz, szCs, bdr, lang."""
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
    if lang:
        children.append(el("lang", {"val": lang, "eastAsia": lang}))
    return el("rPr", None, *children) if children else None


def border(side: str, *, size_eighths: int = 6, space: int = 1) -> Element:
    return el(side, {"val": "single", "sz": size_eighths, "space": space, "color": "auto"})


def ppr(*, style: str | None = None, keep_next: bool = False, keep_lines: bool = False,
        page_break_before: bool = False, widow_control: bool | None = None,
        borders: Iterable[Element] = (), before_pt: float | None = None,
        after_pt: float | None = None, line: float | None = None, line_exact_pt: float | None = None,
        left: int | None = None, right: int | None = None, first_line: int | None = None,
        jc: str | None = None, run: Element | None = None,
        section: Element | None = None) -> Element:
    """``w:pPr`` in schema order. ``line`` is a multiple of single spacing; lengths are in twips."""
    node = el("pPr")
    if style:
        node.append(el("pStyle", {"val": style}))
    if keep_next:
        node.append(el("keepNext"))
    if keep_lines:
        node.append(el("keepLines"))
    if page_break_before:
        node.append(el("pageBreakBefore"))
    if widow_control is not None:
        node.append(el("widowControl", {} if widow_control else {"val": "0"}))
    borders = list(borders)
    if borders:
        node.append(el("pBdr", None, *borders))
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
        node.append(el("spacing", spacing))
    ind: dict[str, object] = {}
    if left is not None:
        ind["left"] = left
    if right is not None:
        ind["right"] = right
    if first_line is not None:
        ind["firstLine" if first_line >= 0 else "hanging"] = abs(first_line)
    if ind:
        node.append(el("ind", ind))
    if jc:
        node.append(el("jc", {"val": jc}))
    if run is not None:
        node.append(run)
    if section is not None:
        node.append(section)
    return node


def text_run(text: str, props: Element | None = None) -> Element:
    """A ``w:r`` for ``text``; tabs become ``w:tab``, spaces at the ends are preserved."""
    node = el("r", None, props)
    for i, piece in enumerate(text.split("\t")):
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
