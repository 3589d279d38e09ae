"""The marks and small boxes as Word draws them: the urgency stamp's rectangle and ô 13's footer.

- The urgency stamp (PL I, III.2.b) is a one-cell table of the stamp's exact size (``w:tblW`` and
  ``w:tcW`` its width, ``w:trHeight`` its height with ``hRule="exact"``), a single-line border and the
  text centred in it, all in the stamp's ink. A table keeps its size in Word and LibreOffice alike; a
  framed paragraph (``w:framePr``) inside the header's table cell does not.
- Ô 13 (PL I, III.4) goes on page 1 only: the first page's footer (the template's sections already
  have a different first page), its first line under a solid line the full width of the text block.
  Later sections that would inherit that footer get an empty one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lxml import etree

from vbhc.layout import Line
from vbhc.ooxml.build import (
    CT_NS,
    LOOK_PARTS,
    OFFICE_RELS,
    R_NS,
    Element,
    el,
    place,
    ppr,
    relationships_xml,
    to_bytes,
    twips_from_mm,
    w,
)

CONTACT_FOOTER_ID = "rIdVbhcContact"
EMPTY_FOOTER_ID = "rIdVbhcNoContact"
_STAMP_BORDER_EIGHTHS = 8  # a 1 pt single line: the stamp's frame ("viền đơn"); its weight is practice
_CONTACT_RULE_EIGHTHS = 6  # the ¾ pt solid line over ô 13, as the writer's other lines


def stamp_table(line: Line, content: Element, ink: str | None) -> list[Element]:
    """``content`` (the stamp's paragraph) in a rectangle of ``line.box_mm``, centred in its column,
    followed by the empty paragraph Word needs after a table that ends a cell."""
    assert line.box_mm is not None
    width, height = (twips_from_mm(x) for x in line.box_mm)
    edge = {"val": "single", "sz": _STAMP_BORDER_EIGHTHS, "space": 0, "color": ink or "auto"}
    zero = {"w": 0, "type": "dxa"}
    tbl = el("tbl", None,
             el("tblPr", None, el("tblW", {"w": width, "type": "dxa"}), el("jc", {"val": "center"}),
                el("tblBorders", None, *(el(s, edge) for s in ("top", "left", "bottom", "right"))),
                el("tblLayout", {"type": "fixed"}),
                el("tblCellMar", None, *(el(s, zero) for s in ("top", "left", "bottom", "right")))),
             el("tblGrid", None, el("gridCol", {"w": width})),
             el("tr", None, el("trPr", None, el("cantSplit"),
                               el("trHeight", {"val": height, "hRule": "exact"})),
                el("tc", None, el("tcPr", None, el("tcW", {"w": width, "type": "dxa"}),
                                  el("vAlign", {"val": "center"})), content)))
    return [tbl, el("p", None, ppr(before_pt=0, after_pt=0, line_exact_pt=1))]


def contact_footer(lines: Sequence[Line], para: Callable[[Line], Element]) -> bytes:
    """The first page's footer: ô 13's lines, the first under a full-width solid line."""
    footer = el("ftr")
    for i, line in enumerate(lines):
        p = para(line)
        if i == 0:
            p_pr = p.find(w("pPr"))
            place(p_pr, el("pBdr", None, el("top", {"val": "single", "sz": _CONTACT_RULE_EIGHTHS, "space": 1,
                                                    "color": "auto"})))
        footer.append(p)
    return to_bytes(footer)


def _first_footer(section: Element, rid: str) -> None:
    for old in section.findall(w("footerReference")):
        if old.get(w("type")) == "first":
            section.remove(old)
    place(section, el("footerReference", {"type": "first", f"{{{R_NS}}}id": rid}))


def refer_contact_footer(sections: Sequence[Element], footer: bytes) -> list[tuple[str, str, bytes]]:
    """Point page 1 at ``footer``: the first section's first-page footer; the later sections get an
    empty one (unless the template gives them their own). Returns the parts to add
    (:func:`add_parts`): (relationship id, part name, bytes)."""
    template_has_first = any(r.get(w("type")) == "first" for r in sections[-1].findall(w("footerReference")))
    _first_footer(sections[0], CONTACT_FOOTER_ID)
    added = [(CONTACT_FOOTER_ID, "word/vbhc-contact.xml", footer)]
    if len(sections) > 1 and not template_has_first:
        for section in sections[1:]:
            _first_footer(section, EMPTY_FOOTER_ID)
        added.append((EMPTY_FOOTER_ID, "word/vbhc-no-contact.xml", to_bytes(el("ftr", None, el("p")))))
    return added


def add_parts(parts: list[tuple[str, bytes]], added: Sequence[tuple[str, str, bytes]], kind: str = "footer",
              content_type: str = LOOK_PARTS["footer"].content_type) -> None:
    """Add parts of one ``kind`` (footers; the footnotes) to a package's members (changed in place):
    their content types, their relationships from ``word/document.xml``, and the parts."""
    for n, (name, data) in enumerate(parts):
        if name == "[Content_Types].xml":
            types = etree.fromstring(data)
            for _, part, _ in added:
                etree.SubElement(types, f"{{{CT_NS}}}Override", PartName=f"/{part}", ContentType=content_type)
            parts[n] = (name, to_bytes(types))
        elif name == "word/_rels/document.xml.rels":
            kept = [(r.get("Id"), r.get("Type"), r.get("Target")) for r in etree.fromstring(data)]
            new = [(rid, OFFICE_RELS + kind, part.removeprefix("word/")) for rid, part, _ in added]
            parts[n] = (name, relationships_xml([*kept, *new]))
    parts += [(part, data) for _, part, data in added]
