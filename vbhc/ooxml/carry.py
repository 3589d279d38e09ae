"""A source document's body carried into a copy (PL I, Phần II): its text, paragraphs, runs and tables,
each with the look it has in the source, and nothing else.

:func:`carried_body` reads a document resolved by :func:`~vbhc.ooxml.resolve.read_document` (through the
safe reader, :func:`~vbhc.ooxml.package.open_docx`, with its limits) and builds new elements from what
it printed: each paragraph's alignment, indents, spacing and borders and each run's text, typeface, size,
weight, slant, underline, capitals and colour are written out as direct formatting, since the source's
styles are not carried; a Word list's label becomes text. Tables keep their grid, cell widths, merged
cells and borders. Nothing else passes: no fields, hyperlinks, images, objects, comments, revisions or
relationships, so nothing in a copy runs or fetches (like a template's look: :mod:`vbhc.ooxml.sanitise`).
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from vbhc.ooxml.build import Element, el, ordered, ppr, text_run, twips_from_cm, twips_from_pt
from vbhc.ooxml.resolve import ResolvedDocument, ResolvedParagraph, ResolvedRun
from vbhc.ooxml.xml import w

_ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both", "both": "both"}
_SIDES = ("top", "left", "bottom", "right")
_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")


def _run(run: ResolvedRun) -> Iterator[Element]:
    fonts = {k: v for k, v in run.fonts.items() if v}
    props: list[Element] = []
    if fonts:
        props.append(el("rFonts", {k: v for k, v in fonts.items() if k in _SLOTS}))
    for on, tag in ((run.bold, "b"), (run.bold_cs, "bCs"), (run.italic, "i"), (run.italic_cs, "iCs"),
                    (run.caps, "caps"), (run.small_caps, "smallCaps"), (run.strike, "strike")):
        if on:
            props.append(el(tag))
    if run.color and run.color.lower() != "auto":
        props.append(el("color", {"val": run.color}))
    props += [el("sz", {"val": round(run.size_pt * 2)}), el("szCs", {"val": round(run.size_cs_pt * 2)})]
    if run.underline and run.underline != "none":
        props.append(el("u", {"val": run.underline}))
    if run.vert_align:
        props.append(el("vertAlign", {"val": run.vert_align}))
    rpr = ordered("rPr", props)
    for i, line in enumerate(run.text.split("\n")):
        if i:
            yield el("r", None, rpr, el("br"))
        if line:
            yield text_run(line, etree.fromstring(etree.tostring(rpr)))


def _paragraph(p: ResolvedParagraph) -> Element:
    rule = p.line_spacing_rule
    pr = ppr(keep_next=p.keep_next or None, keep_lines=p.keep_lines, page_break_before=p.page_break_before,
             borders=[el(side, {"val": style, "sz": size, "space": 1, "color": color or "auto"})
                      for side, (style, size, color) in sorted(p.borders.items()) if side in _SIDES],
             before_pt=p.space_before_pt, after_pt=p.space_after_pt,
             line=p.line_spacing if rule == "auto" else None,
             left=twips_from_cm(p.indent_left_cm), right=twips_from_cm(p.indent_right_cm),
             first_line=twips_from_cm(p.first_line_cm), jc=_ALIGN.get(p.alignment, "left"))
    if rule in ("exact", "atLeast"):
        spacing_el = pr.find(w("spacing"))
        spacing_el.set(w("line"), str(twips_from_pt(p.line_spacing)))
        spacing_el.set(w("lineRule"), rule)
    out = el("p", None, pr)
    if p.numbering_label:
        out.append(text_run(f"{p.numbering_label} "))  # Word's list label, as printed
    for run in p.runs:
        if not run.vanish:
            for r in _run(run):
                out.append(r)
    return out


class _Carrier:
    def __init__(self, doc: ResolvedDocument) -> None:
        self.doc = doc
        self.by_element = {id(p.element): p for p in doc.paragraphs}
        self.tables = iter(doc.tables)

    def blocks(self, container: etree._Element) -> list[Element]:
        out: list[Element] = []
        for node in container:
            if node.tag == w("p") and id(node) in self.by_element:
                out.append(_paragraph(self.by_element[id(node)]))
            elif node.tag == w("tbl"):
                out.append(self.table(node))
            elif node.tag == w("sdt"):  # a content control: its content, as text
                content = node.find(w("sdtContent"))
                if content is not None:
                    out += self.blocks(content)
        return out

    def table(self, tbl: etree._Element) -> Element:
        info = next(self.tables)  # tables are resolved in document order, a parent before its children
        nil = {"val": "nil"}
        grid = [twips_from_cm(x) for x in info.grid_cm]
        edges = []
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            style, size, color = info.borders.get(side) or ("nil", 0, None)
            edges.append(el(side, nil if style in ("nil", "none") else
                            {"val": style, "sz": size, "space": 0, "color": color or "auto"}))
        out = el("tbl", None, el(
            "tblPr", None, el("tblW", {"w": sum(grid), "type": "dxa"}),
            *([el("jc", {"val": info.alignment})] if info.alignment in ("left", "center", "right") else []),
            el("tblBorders", None, *edges), el("tblLayout", {"type": "fixed"})),
            el("tblGrid", None, *(el("gridCol", {"w": x}) for x in grid)))
        for r_i, tr in enumerate(x for x in tbl if x.tag == w("tr")):
            row = el("tr")
            height = tr.find(f"{w('trPr')}/{w('trHeight')}")
            if height is not None and (height.get(w("val")) or "").isdigit():
                rule = height.get(w("hRule")) if height.get(w("hRule")) in ("exact", "atLeast") else "atLeast"
                row.append(el("trPr", None, el("cantSplit"),
                              el("trHeight", {"val": int(height.get(w("val"))), "hRule": rule})))
            for c_i, tc in enumerate(x for x in tr if x.tag == w("tc")):
                cell = info.rows[r_i][c_i]
                width = info.cell_width_cm(r_i, c_i)
                props = [el("tcW", {"w": twips_from_cm(width or 0), "type": "dxa"})]
                if cell.grid_span > 1:
                    props.append(el("gridSpan", {"val": cell.grid_span}))
                if cell.v_merge:
                    props.append(el("vMerge", {"val": cell.v_merge}))
                align = tc.find(f"{w('tcPr')}/{w('vAlign')}")
                if align is not None and align.get(w("val")) in ("top", "center", "bottom"):
                    props.append(el("vAlign", {"val": align.get(w("val"))}))
                content = self.blocks(tc) or [el("p")]
                if content[-1].tag != w("p"):
                    content.append(el("p"))
                row.append(el("tc", None, el("tcPr", None, *props), *content))
            out.append(row)
        return out


def carried_body(doc: ResolvedDocument) -> list[Element]:
    """The body of ``doc`` as new paragraphs and tables, each with its source look written out."""
    body = doc.package.document.find(w("body"))
    return _Carrier(doc).blocks(body) if body is not None else []
