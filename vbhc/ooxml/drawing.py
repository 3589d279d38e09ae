"""Horizontal lines drawn as shapes (DrawingML or VML) inside a run: the decree's lines, drawn by hand.

Offices draw the line under the Tiêu ngữ, the issuer and the trích yếu with Word's line tool as often
as with a paragraph border. :func:`drawn_lines` finds such shapes in one ``w:r`` and gives their
lengths in points; anything that is not (nearly) horizontal, or whose size cannot be read, is ignored.
"""

from __future__ import annotations

import re

from lxml import etree

from vbhc.ooxml.xml import A_NS, EMU_PER_PT, MC_ALTERNATE, MC_CHOICE, MC_FALLBACK, WP_NS, w

V_NS = "urn:schemas-microsoft-com:vml"
O_NS = "urn:schemas-microsoft-com:office:office"

_LINE_GEOMETRIES = frozenset({"line", "straightConnector1"})
_FLAT_PT = 1.5  # a rectangle or shape at most this tall is a line
_SLOPE = 0.1  # height/width above which a "line" is not horizontal
_DRAWING, _PICT = w("drawing"), w("pict")
_UNIT_PT = {"pt": 1.0, "in": 72.0, "cm": 72.0 / 2.54, "mm": 72.0 / 25.4, "pc": 12.0, "px": 0.75,
            "emu": 1 / 12700}
_LENGTH = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*([a-z]*)\s*$")


def _length_pt(value: str | None, default_unit: str = "px") -> float | None:
    """A VML/CSS length ("150pt", "2in", "75") in points; None when unreadable."""
    if not value:
        return None
    m = _LENGTH.match(value.lower())
    if not m:
        return None
    unit = m.group(2) or default_unit
    factor = _UNIT_PT.get(unit)
    return float(m.group(1)) * factor if factor is not None else None


def _horizontal(width: float | None, height: float | None) -> float | None:
    if width is None or width <= 0:
        return None
    height = abs(height or 0.0)
    if height <= _FLAT_PT or height <= width * _SLOPE:
        return width
    return None


def _drawingml(drawing: etree._Element) -> list[float]:
    out: list[float] = []
    for frame in (*drawing.iter(f"{{{WP_NS}}}inline"), *drawing.iter(f"{{{WP_NS}}}anchor")):
        extent = frame.find(f"{{{WP_NS}}}extent")
        if extent is None:
            continue
        try:
            cx, cy = int(extent.get("cx") or ""), int(extent.get("cy") or "0")
        except ValueError:
            continue
        geometry = frame.find(f".//{{{A_NS}}}prstGeom")
        prst = geometry.get("prst") if geometry is not None else None
        if prst in _LINE_GEOMETRIES:
            length = _horizontal(cx / EMU_PER_PT, cy / EMU_PER_PT)
        elif prst is not None and cy / EMU_PER_PT <= _FLAT_PT:
            length = cx / EMU_PER_PT if cx > 0 else None
        else:
            length = None
        if length is not None:
            out.append(length)
    return out


def _style(value: str | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in (value or "").split(";"):
        key, _, val = item.partition(":")
        if key.strip():
            out[key.strip().lower()] = val.strip()
    return out


def _vml(pict: etree._Element) -> list[float]:
    out: list[float] = []
    for line in pict.iter(f"{{{V_NS}}}line"):
        start = [_length_pt(x) for x in (line.get("from") or "0,0").split(",")[:2]]
        end = [_length_pt(x) for x in (line.get("to") or "").split(",")[:2]]
        if len(start) == 2 and len(end) == 2 and None not in start and None not in end:
            length = _horizontal(abs(end[0] - start[0]), end[1] - start[1])  # type: ignore[operator]
            if length is not None:
                out.append(length)
    for tag in ("shape", "rect"):
        for shape in pict.iter(f"{{{V_NS}}}{tag}"):
            style = _style(shape.get("style"))
            width = _length_pt(style.get("width"), "px")
            height = _length_pt(style.get("height"), "px")
            straight = shape.get(f"{{{O_NS}}}connectortype") == "straight"
            length = _horizontal(width, 0.0 if straight else height)
            if length is not None and (straight or (height is not None and height <= _FLAT_PT)):
                out.append(length)
    return out


def drawn_lines(run_child: etree._Element) -> list[float]:
    """Lengths (pt) of the horizontal lines a ``w:drawing``, ``w:pict`` or ``mc:AlternateContent`` draws."""
    tag = run_child.tag
    if tag == _DRAWING:
        return _drawingml(run_child)
    if tag == _PICT:
        return _vml(run_child)
    if tag == MC_ALTERNATE:
        for branch in (*run_child.findall(MC_CHOICE), *run_child.findall(MC_FALLBACK)):
            for child in branch:
                found = drawn_lines(child)
                if found:
                    return found
    return []
