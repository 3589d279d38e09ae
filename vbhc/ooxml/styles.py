"""Style hierarchy of a .docx (ECMA-376 Part 1 §17.7.2, §17.7.3), with per-style caches.

Properties are flat dicts keyed by short names ("b", "sz", "font.ascii", "ind.left", "bdr.top"...).
Within one style's ``basedOn`` chain a child simply overrides its parent. Across the layers
docDefaults → table style → paragraph style → character style, toggle properties (bold, italic, caps...)
are XOR-ed: a style that turns one on flips it, one that turns it off changes nothing. Direct run
formatting sets absolute values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from vbhc.ooxml.xml import A_NS, PPR, RPR, TBLPR, VAL, W_NS, integer, measure, on_off, w

Props = dict[str, Any]

# ECMA-376 Part 1 §17.7.3: the toggle properties.
TOGGLES = frozenset({
    "b", "bCs", "caps", "emboss", "i", "iCs", "imprint", "outline", "shadow", "smallCaps", "strike", "vanish",
})
# On/off run properties that are not toggles: later layers simply override.
_RUN_FLAGS = frozenset({"dstrike", "rtl", "cs", "noProof", "webHidden", "specVanish", "snapToGrid"})
_RUN_VALUES = frozenset({"highlight", "vertAlign", "effect", "em"})
_PARA_FLAGS = frozenset({
    "keepNext", "keepLines", "pageBreakBefore", "widowControl", "contextualSpacing", "suppressAutoHyphens",
    "bidi", "mirrorIndents", "suppressLineNumbers", "snapToGrid", "wordWrap", "adjustRightInd",
})
FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
_THEME_ATTR = {"ascii": "asciiTheme", "hAnsi": "hAnsiTheme", "eastAsia": "eastAsiaTheme", "cs": "cstheme"}
BORDER_SIDES = ("top", "left", "bottom", "right", "between", "bar", "insideH", "insideV")
_SIDE_ALIASES = {"start": "left", "end": "right"}
_NO_BORDER = frozenset({"nil", "none"})

DEFAULT_SIZE_PT = 10.0  # §17.3.2.38: text is 10 pt when no level of the hierarchy sets w:sz
MAX_CHAIN = 64  # basedOn steps followed; no real style sheet nests deeper
_W = f"{{{W_NS}}}"
_WLEN = len(_W)


def _local(el: etree._Element) -> str | None:
    tag = el.tag
    if isinstance(tag, str) and tag.startswith(_W):
        return tag[_WLEN:]
    return None


def parse_border(el: etree._Element) -> tuple[str, int, str | None] | None:
    """(style, size in eighths of a point, colour) of a border element; None when it draws nothing."""
    style = el.get(VAL) or "none"
    if style in _NO_BORDER:
        return None
    size = measure(el.get(w("sz")), 8.0)
    return (style, int(size) if size is not None else 0, el.get(w("color")))


def parse_borders(container: etree._Element | None, prefix: str = "bdr.") -> Props:
    """Border sides of ``w:pBdr``/``w:tblBorders``/``w:tcBorders``: ``{prefix+side: tuple | None}``."""
    out: Props = {}
    if container is None:
        return out
    for side_el in container:
        side = _local(side_el)
        if side is None:
            continue
        out[prefix + _SIDE_ALIASES.get(side, side)] = parse_border(side_el)
    return out


def parse_rpr(rpr: etree._Element | None) -> Props:
    """Run properties of one ``w:rPr`` as a flat dict (only what the element sets)."""
    out: Props = {}
    if rpr is None:
        return out
    for child in rpr:
        name = _local(child)
        if name is None:
            continue
        if name in TOGGLES or name in _RUN_FLAGS:
            out[name] = on_off(child)
        elif name == "rFonts":
            for slot in FONT_SLOTS:
                theme = child.get(w(_THEME_ATTR[slot]))
                explicit = child.get(w(slot))
                if theme:
                    out["font." + slot] = ("theme", theme)
                elif explicit:
                    out["font." + slot] = ("name", explicit)
            hint = child.get(w("hint"))
            if hint:
                out["hint"] = hint
        elif name in ("sz", "szCs", "kern", "position"):
            value = measure(child.get(VAL), 2.0)
            if value is not None:
                out[name] = value
        elif name == "spacing":
            value = measure(child.get(VAL), 20.0)
            if value is not None:
                out[name] = value
        elif name == "w":
            out[name] = integer((child.get(VAL) or "").rstrip("%"))
        elif name == "u":
            out["u"] = child.get(VAL) or "single"
        elif name == "color":
            out["color"] = (child.get(VAL), child.get(w("themeColor")))
        elif name == "lang":
            for attr in ("val", "eastAsia", "bidi"):
                value = child.get(w(attr))
                if value:
                    out["lang." + attr] = value
        elif name == "rStyle":
            out["rStyle"] = child.get(VAL)
        elif name in _RUN_VALUES:
            out[name] = child.get(VAL)
        elif name == "shd":
            out["shd"] = child.get(w("fill"))
    return out


def parse_ppr(ppr: etree._Element | None) -> Props:
    """Paragraph properties of one ``w:pPr`` as a flat dict (the paragraph-mark ``w:rPr`` is left out)."""
    out: Props = {}
    if ppr is None:
        return out
    for child in ppr:
        name = _local(child)
        if name is None:
            continue
        if name in _PARA_FLAGS:
            out[name] = on_off(child)
        elif name == "pStyle":
            out["pStyle"] = child.get(VAL)
        elif name == "jc":
            out["jc"] = child.get(VAL)
        elif name == "ind":
            for attr, key in (("left", "ind.left"), ("start", "ind.left"), ("right", "ind.right"),
                              ("end", "ind.right")):
                value = measure(child.get(w(attr)), 20.0)
                if value is not None:
                    out[key] = value
            hanging = measure(child.get(w("hanging")), 20.0)
            first = measure(child.get(w("firstLine")), 20.0)
            if hanging is not None:  # hanging and firstLine exclude each other; hanging wins
                out["ind.first"] = -hanging
            elif first is not None:
                out["ind.first"] = first
        elif name == "spacing":
            for attr in ("before", "after", "line"):
                value = measure(child.get(w(attr)), 20.0)
                if value is not None:
                    out["spacing." + attr] = value
            rule = child.get(w("lineRule"))
            if rule:
                out["spacing.lineRule"] = rule
            for attr in ("beforeAutospacing", "afterAutospacing"):
                value = child.get(w(attr))
                if value is not None:
                    out["spacing." + attr] = value.strip().lower() in ("1", "true", "on")
        elif name == "outlineLvl":
            out["outlineLvl"] = integer(child.get(VAL))
        elif name == "framePr":  # a frame places the paragraph: centred by it whatever its own w:jc
            out["framePr.xAlign"] = child.get(w("xAlign"))
        elif name == "numPr":
            ilvl = child.find(w("ilvl"))
            num_id = child.find(w("numId"))
            if ilvl is not None and integer(ilvl.get(VAL)) is not None:
                out["numPr.ilvl"] = integer(ilvl.get(VAL))
            if num_id is not None and num_id.get(VAL) is not None:
                out["numPr.numId"] = num_id.get(VAL)
        elif name == "pBdr":
            out.update(parse_borders(child))
        elif name == "shd":
            out["shd"] = child.get(w("fill"))
    return out


def apply_layer(target: Props, layer: Mapping[str, Any], *, toggle: bool) -> None:
    """Put ``layer`` over ``target``; with ``toggle``, toggle properties XOR instead of overriding."""
    if not toggle:
        target.update(layer)
        return
    for key, value in layer.items():
        if key in TOGGLES:
            if value:
                target[key] = not target.get(key, False)
        else:
            target[key] = value


@dataclass(slots=True)
class Style:
    """One ``w:style``: its own (not inherited) properties."""

    id: str
    type: str
    name: str | None
    based_on: str | None
    ppr: Props
    rpr: Props
    tblpr: etree._Element | None
    is_default: bool


@dataclass(slots=True)
class BaseProps:
    """Paragraph and run properties of a (table style, paragraph style) pair, before direct formatting.

    ``ppr_under_style`` is docDefaults + table style only: numbering from a style slots in there.
    """

    ppr_under_style: Props
    style_ppr: Props
    ppr: Props
    rpr: Props


_THEME_COLOR_KEYS = {
    "dark1": "dk1", "light1": "lt1", "dark2": "dk2", "light2": "lt2", "text1": "dk1", "background1": "lt1",
    "text2": "dk2", "background2": "lt2", "hyperlink": "hlink", "followedHyperlink": "folHlink",
}


@dataclass(eq=False)
class StyleSheet:
    """Styles, document defaults and theme of one package, resolving style chains with caches."""

    styles: dict[str, Style] = field(default_factory=dict)
    doc_rpr: Props = field(default_factory=dict)
    doc_ppr: Props = field(default_factory=dict)
    default_paragraph: str | None = None
    default_character: str | None = None
    default_table: str | None = None
    theme_fonts: dict[str, str | None] = field(default_factory=dict)
    theme_colors: dict[str, str] = field(default_factory=dict)
    _lower: dict[str, str] = field(default_factory=dict, repr=False)
    _ppr_cache: dict[str, Props] = field(default_factory=dict, repr=False)
    _rpr_cache: dict[str, Props] = field(default_factory=dict, repr=False)
    _base_cache: dict[tuple[str | None, str | None], BaseProps] = field(default_factory=dict, repr=False)
    _run_cache: dict[tuple[str | None, ...], Props] = field(default_factory=dict, repr=False)

    @classmethod
    def from_parts(cls, styles: etree._Element | None, theme: etree._Element | None) -> StyleSheet:
        """Read ``word/styles.xml`` and the theme (either may be missing)."""
        sheet = cls()
        if styles is not None:
            defaults = styles.find(w("docDefaults"))
            if defaults is not None:
                sheet.doc_rpr = parse_rpr(defaults.find(f"{w('rPrDefault')}/{RPR}"))
                sheet.doc_ppr = parse_ppr(defaults.find(f"{w('pPrDefault')}/{PPR}"))
            for el in styles.iter(w("style")):
                sid = el.get(w("styleId"))
                if not sid or sid in sheet.styles:
                    continue
                stype = el.get(w("type")) or "paragraph"
                name_el, based_el = el.find(w("name")), el.find(w("basedOn"))
                style = Style(
                    id=sid, type=stype,
                    name=name_el.get(VAL) if name_el is not None else None,
                    based_on=based_el.get(VAL) if based_el is not None else None,
                    ppr=parse_ppr(el.find(PPR)), rpr=parse_rpr(el.find(RPR)), tblpr=el.find(TBLPR),
                    is_default=(el.get(w("default")) or "").lower() in ("1", "true", "on"),
                )
                sheet.styles[sid] = style
                sheet._lower.setdefault(sid.lower(), sid)
                if style.is_default:
                    attr = {"paragraph": "default_paragraph", "character": "default_character",
                            "table": "default_table"}.get(stype)
                    if attr and getattr(sheet, attr) is None:
                        setattr(sheet, attr, sid)
        if theme is not None:
            sheet._read_theme(theme)
        return sheet

    def _read_theme(self, theme: etree._Element) -> None:
        a = f"{{{A_NS}}}"
        for kind in ("major", "minor"):
            font = theme.find(f".//{a}{kind}Font")
            if font is None:
                continue
            for script, slots in (("latin", ("Ascii", "HAnsi")), ("ea", ("EastAsia",)), ("cs", ("Bidi",))):
                el = font.find(a + script)
                face = (el.get("typeface") or None) if el is not None else None
                for slot in slots:
                    self.theme_fonts[kind + slot] = face
        scheme = theme.find(f".//{a}clrScheme")
        if scheme is not None:
            for slot in scheme:
                if not isinstance(slot.tag, str):
                    continue
                key = etree.QName(slot).localname
                for color in slot:
                    value = color.get("val") if color.tag == f"{a}srgbClr" else color.get("lastClr")
                    if value:
                        self.theme_colors[key] = value.upper()
                        break

    def get(self, style_id: str | None) -> Style | None:
        """The style with this id (falling back to a case-insensitive match), or None."""
        if style_id is None:
            return None
        style = self.styles.get(style_id)
        if style is None:
            actual = self._lower.get(style_id.lower())
            style = self.styles.get(actual) if actual else None
        return style

    def chain(self, style_id: str | None) -> list[Style]:
        """The style and its ``basedOn`` ancestors, root first; stops at cycles, missing styles and
        :data:`MAX_CHAIN` styles."""
        chain: list[Style] = []
        seen: set[str] = set()
        style = self.get(style_id)
        while style is not None and style.id not in seen and len(chain) < MAX_CHAIN:
            chain.append(style)
            seen.add(style.id)
            style = self.get(style.based_on)
        chain.reverse()
        return chain

    def style_ppr(self, style_id: str | None) -> Props:
        """Paragraph properties of a style with its ``basedOn`` chain folded in (child overrides)."""
        if style_id is None:
            return {}
        cached = self._ppr_cache.get(style_id)
        if cached is None:
            cached = {}
            for style in self.chain(style_id):
                cached.update(style.ppr)
            cached.pop("pStyle", None)
            self._ppr_cache[style_id] = cached
        return cached

    def style_rpr(self, style_id: str | None) -> Props:
        """Run properties of a style with its ``basedOn`` chain folded in (child overrides)."""
        if style_id is None:
            return {}
        cached = self._rpr_cache.get(style_id)
        if cached is None:
            cached = {}
            for style in self.chain(style_id):
                cached.update(style.rpr)
            cached.pop("rStyle", None)
            self._rpr_cache[style_id] = cached
        return cached

    def paragraph_style_id(self, requested: str | None) -> str | None:
        """The paragraph style a ``w:pStyle`` value names, or the default paragraph style."""
        style = self.get(requested)
        if style is not None and style.type == "paragraph":
            return style.id
        return self.default_paragraph

    def table_style_id(self, requested: str | None) -> str | None:
        """The table style a ``w:tblStyle`` value names, or the default table style."""
        style = self.get(requested)
        if style is not None and style.type == "table":
            return style.id
        return self.default_table

    def base(self, table_style: str | None, paragraph_style: str | None) -> BaseProps:
        """docDefaults → table style → paragraph style, cached per pair."""
        key = (table_style, paragraph_style)
        cached = self._base_cache.get(key)
        if cached is not None:
            return cached
        ppr_under = dict(self.doc_ppr)
        rpr = dict(self.doc_rpr)
        if table_style is not None:
            apply_layer(ppr_under, self.style_ppr(table_style), toggle=False)
            apply_layer(rpr, self.style_rpr(table_style), toggle=True)
        style_ppr = self.style_ppr(paragraph_style)
        ppr = dict(ppr_under)
        ppr.update(style_ppr)
        apply_layer(rpr, self.style_rpr(paragraph_style), toggle=True)
        cached = BaseProps(ppr_under, style_ppr, ppr, rpr)
        self._base_cache[key] = cached
        return cached

    def run_base(self, table_style: str | None, paragraph_style: str | None, run_style: str | None) -> Props:
        """Run properties before direct formatting: the paragraph's base, then the character style."""
        key = (table_style, paragraph_style, run_style)
        cached = self._run_cache.get(key)
        if cached is not None:
            return cached
        cached = dict(self.base(table_style, paragraph_style).rpr)
        style = self.get(run_style)
        char_style = style.id if style is not None and style.type == "character" else self.default_character
        if char_style is not None:
            apply_layer(cached, self.style_rpr(char_style), toggle=True)
        self._run_cache[key] = cached
        return cached

    def font_name(self, value: tuple[str, str] | None) -> str | None:
        """Typeface of a ``("name", face)`` or ``("theme", "minorHAnsi")`` font slot value."""
        if value is None:
            return None
        kind, name = value
        if kind == "theme":
            return self.theme_fonts.get(name)
        return name

    def color(self, value: tuple[str | None, str | None] | None) -> str | None:
        """Colour of a ``w:color``: its hex value ("auto" kept), else its theme colour, else None."""
        if value is None:
            return None
        val, theme_color = value
        if val:
            return "auto" if val.lower() == "auto" else val.upper()
        if theme_color:
            return self.theme_colors.get(_THEME_COLOR_KEYS.get(theme_color, theme_color))
        return None
