"""WordprocessingML names and small value parsers shared by the checker modules.

The namespaces and ``w()`` are the writer's (:mod:`vbhc.ooxml.build`); the reader adds its own names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from vbhc.ooxml.build import CT_NS as CT_NS  # re-exported for the checker modules
from vbhc.ooxml.build import PR_NS as PR_NS
from vbhc.ooxml.build import R_NS, W_NS, w
from vbhc.ooxml.build import XML_NS as XML_NS

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
EMU_PER_PT = 12_700  # DrawingML lengths: English Metric Units
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

# ISO/IEC 29500 Strict namespaces, mapped to their Transitional twins before parsing.
STRICT_NAMESPACES: dict[bytes, bytes] = {
    b"http://purl.oclc.org/ooxml/wordprocessingml/main": W_NS.encode(),
    b"http://purl.oclc.org/ooxml/officeDocument/relationships": R_NS.encode(),
    b"http://purl.oclc.org/ooxml/drawingml/main": A_NS.encode(),
}


# Element names used in hot loops, built once.
P, R, T, TBL, TR, TC = w("p"), w("r"), w("t"), w("tbl"), w("tr"), w("tc")
PPR, RPR, TBLPR, TCPR, SECTPR = w("pPr"), w("rPr"), w("tblPr"), w("tcPr"), w("sectPr")
SDT, SDT_CONTENT, CUSTOM_XML = w("sdt"), w("sdtContent"), w("customXml")
VAL = w("val")
MC_ALTERNATE = f"{{{MC_NS}}}AlternateContent"
MC_CHOICE = f"{{{MC_NS}}}Choice"
MC_FALLBACK = f"{{{MC_NS}}}Fallback"
R_ID = f"{{{R_NS}}}id"

_FALSE = frozenset({"0", "false", "off"})

# Points per unit of a universal measure ("2.5cm", "12pt").
_UNIT_PT = {"pt": 1.0, "in": 72.0, "cm": 72.0 / 2.54, "mm": 72.0 / 25.4, "pc": 12.0, "pi": 12.0}
_MEASURE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(pt|in|cm|mm|pc|pi)?\s*$")


def on_off(el: etree._Element) -> bool:
    """ST_OnOff of ``w:val``: absent or true-like is on; "0"/"false"/"off" is off."""
    val = el.get(VAL)
    if val is None:
        return True
    return val.strip().lower() not in _FALSE


def measure(value: str | None, per_pt: float) -> float | None:
    """A number in the attribute's own unit, or a universal measure converted at ``per_pt`` units/pt.

    ``per_pt`` is 20 for twips, 2 for half-points, 8 for eighths of a point. Junk gives None.
    """
    if value is None:
        return None
    m = _MEASURE.match(value)
    if not m:
        return None
    number = float(m.group(1))
    unit = m.group(2)
    return number if unit is None else number * _UNIT_PT[unit] * per_pt


def integer(value: str | None) -> int | None:
    """A decimal integer attribute, or None when absent or junk."""
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        try:
            return int(float(value))
        except (ValueError, OverflowError):  # "abc", "nan"; "1e999" or 5,000 digits are infinite as floats
            return None


def twips_to_cm(value: float) -> float:
    """Twentieths of a point to centimetres."""
    return value / 1440.0 * 2.54


def twips_to_mm(value: float) -> float:
    """Twentieths of a point to millimetres."""
    return value / 1440.0 * 25.4


def pick_alternate(el: etree._Element) -> etree._Element | None:
    """The branch of an ``mc:AlternateContent`` to read: its Fallback, else its first Choice."""
    fallback = el.find(MC_FALLBACK)
    if fallback is not None:
        return fallback
    return el.find(MC_CHOICE)


def blocks(container: etree._Element) -> Iterator[etree._Element]:
    """``w:p`` and ``w:tbl`` children in reading order, looking through content controls and wrappers."""
    for child in container:
        tag = child.tag
        if tag in (P, TBL):
            yield child
        elif tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from blocks(content)
        elif tag == CUSTOM_XML:
            yield from blocks(child)
        elif tag == MC_ALTERNATE:
            branch = pick_alternate(child)
            if branch is not None:
                yield from blocks(branch)


def children_tagged(container: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children named ``tag`` (rows of a table, cells of a row), looking through content controls."""
    for child in container:
        if child.tag == tag:
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from children_tagged(content, tag)
        elif child.tag == CUSTOM_XML:
            yield from children_tagged(child, tag)
