"""Effective formatting of every paragraph and run of a .docx, resolved the way Word does.

:func:`read_document` opens a package (safely, see :mod:`vbhc.ooxml.package`) and resolves body, header
and footer paragraphs through docDefaults → table style → paragraph style chain → character style chain
→ direct formatting (ECMA-376 Part 1 §17.7.2), with toggle properties XOR-ed across styles (§17.7.3),
theme fonts looked up in the theme part, and automatic numbering labels computed as Word shows them.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

from lxml import etree

from vbhc.ooxml.drawing import drawn_lines
from vbhc.ooxml.legacy_text import (
    LegacyEncoding,
    LegacyText,
    decode,
    encoding_of_font,
    guess_encoding,
    is_capitals_font,
)
from vbhc.ooxml.numbering import NumberBeyondLimit, NumberingCounters, NumberingDefinitions
from vbhc.ooxml.package import DEFAULT_LIMITS, DocxPackage, Limits, open_docx
from vbhc.ooxml.styles import (
    DEFAULT_SIZE_PT,
    FONT_SLOTS,
    Props,
    StyleSheet,
    apply_layer,
    parse_borders,
    parse_ppr,
    parse_rpr,
)
from vbhc.ooxml.xml import (
    CUSTOM_XML,
    MC_ALTERNATE,
    PPR,
    R_ID,
    RPR,
    SDT,
    SDT_CONTENT,
    SECTPR,
    TBL,
    TBLPR,
    TC,
    TCPR,
    TR,
    VAL,
    P,
    R,
    T,
    blocks,
    children_tagged,
    integer,
    measure,
    on_off,
    pick_alternate,
    twips_to_cm,
    twips_to_mm,
    w,
)

__all__ = [
    "ResolvedCell",
    "ResolvedDocument",
    "ResolvedParagraph",
    "ResolvedRun",
    "ResolvedSection",
    "ResolvedTable",
    "effective_run_values",
    "font_slot",
    "read_document",
]


_TAB, _PTAB, _BR, _CR = w("tab"), w("ptab"), w("br"), w("cr")
_NO_BREAK_HYPHEN, _SOFT_HYPHEN, _SYM = w("noBreakHyphen"), w("softHyphen"), w("sym")
_SOFT_MARK = "\x00"  # where a w:softHyphen stood (no XML text holds U+0000)
_FLD_CHAR, _INSTR_TEXT, _FLD_SIMPLE = w("fldChar"), w("instrText"), w("fldSimple")
_FOOTNOTE = w("footnote")
_DRAWINGS = frozenset({w("drawing"), w("pict"), MC_ALTERNATE})
_TEXT_BOX = w("txbxContent")
# Word's built-in "Normal Table" cell margins (0.19 cm left and right) where no style or table sets them.
DEFAULT_CELL_MARGIN_TWIPS = 108
# Inline wrappers whose runs are shown (w:del and w:moveFrom are not).
_INLINE_WRAPPERS = frozenset({
    w("hyperlink"), w("smartTag"), w("ins"), w("moveTo"), w("dir"), w("bdo"), CUSTOM_XML, _FLD_SIMPLE,
})
_ALIGNMENTS = {"start": "left", "end": "right"}
_BLANKS = frozenset(" \t\n\r\u00a0\u200b\u3000")


def font_slot(ch: str, hint: str | None = None, complex_script: bool = False) -> str:
    """Which ``w:rFonts`` slot Word draws a character with: "ascii", "hAnsi", "eastAsia" or "cs".

    Simplified from §17.3.2.26: ASCII → ascii; Hebrew/Arabic/Thai... (or a run marked ``w:cs``/``w:rtl``)
    → cs; CJK → eastAsia (shared punctuation too when ``w:hint="eastAsia"``); everything else, including
    Vietnamese letters, → hAnsi.
    """
    if complex_script:
        return "cs"
    o = ord(ch)
    if o < 0x80:
        return "ascii"
    if 0x0590 <= o <= 0x08FF or 0x0E00 <= o <= 0x0E7F or 0xFB1D <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF:
        return "cs"
    if (0x1100 <= o <= 0x11FF or 0x2E80 <= o <= 0xA4CF or 0xAC00 <= o <= 0xD7AF or 0xF900 <= o <= 0xFAFF
            or 0xFE30 <= o <= 0xFE4F or 0xFF00 <= o <= 0xFFEF or o >= 0x20000):
        return "eastAsia"
    if hint == "eastAsia" and (0xA0 <= o <= 0x2FF or 0x2000 <= o <= 0x2E7F):
        return "eastAsia"
    return "hAnsi"


@dataclass(frozen=True, slots=True)
class ResolvedRun:
    """One ``w:r`` with its effective formatting. ``fonts`` maps ascii/hAnsi/eastAsia/cs to a face or None."""

    text: str
    fonts: dict[str, str | None]
    size_pt: float
    size_cs_pt: float
    bold: bool
    bold_cs: bool
    italic: bool
    italic_cs: bool
    caps: bool
    small_caps: bool
    strike: bool
    double_strike: bool
    underline: str | None
    color: str | None
    highlight: str | None
    vert_align: str | None
    lang: dict[str, str | None]
    vanish: bool
    style_id: str | None
    hint: str | None
    complex_script: bool

    @property
    def is_blank(self) -> bool:
        """Whether the run shows only whitespace."""
        return all(ch in _BLANKS or ch.isspace() for ch in self.text)

    def font_for(self, ch: str) -> str | None:
        """The face Word uses for character ``ch`` of this run."""
        return self.fonts[font_slot(ch, self.hint, self.complex_script)]

    @property
    def fonts_used(self) -> frozenset[str | None]:
        """Faces of the run's non-blank characters (None where the slot is set nowhere)."""
        return frozenset(self.font_for(ch) for ch in self.text if not (ch in _BLANKS or ch.isspace()))


@dataclass(frozen=True, slots=True)
class ResolvedParagraph:
    """One ``w:p`` with effective paragraph formatting and its runs.

    ``location`` is "body" or the part's file name ("header1.xml"); ``index`` counts paragraphs within it.
    ``table`` is (table index in :attr:`ResolvedDocument.tables`, row, cell) of the innermost table.
    ``line_spacing`` is a multiple when ``line_spacing_rule`` is "auto", else points ("exact"/"atLeast").
    ``first_line_cm`` is negative for a hanging indent. ``borders`` maps a side to (style, eighths of a
    point, colour). ``section_index`` is None outside the body. ``drawn_lines`` are the lengths (pt) of
    horizontal line shapes anchored in the paragraph. ``element`` is the ``w:p`` itself (for ``--fix``).
    ``numbering_beyond`` is a Word list number too large to label (see :mod:`vbhc.ooxml.numbering`).
    """

    text: str
    style_id: str | None
    style_name: str | None
    alignment: str
    indent_left_cm: float
    indent_right_cm: float
    first_line_cm: float
    space_before_pt: float
    space_after_pt: float
    line_spacing: float
    line_spacing_rule: str
    keep_next: bool
    keep_lines: bool
    page_break_before: bool
    widow_control: bool
    contextual_spacing: bool
    outline_level: int | None
    borders: dict[str, tuple[str, int, str | None]]
    numbering_label: str | None
    num_id: str | None
    numbering_level: int | None
    runs: tuple[ResolvedRun, ...]
    location: str
    index: int
    table: tuple[int, int, int] | None
    section_index: int | None
    has_page_field: bool
    fields: tuple[str, ...]
    drawn_lines: tuple[float, ...] = ()
    element: etree._Element | None = field(default=None, compare=False, repr=False)
    numbering_beyond: int | None = None  # a list number past nd30.MAX_NUMBER, left without a label
    numbering_bold: bool | None = None  # Word's label made bold or not by its list level (w:lvl/w:rPr/w:b)
    frame_align: str | None = None  # a frame's horizontal place (w:framePr w:xAlign: "center", ...)

    @property
    def shown_alignment(self) -> str:
        """Where the text stands on the page: a frame's ``xAlign`` over the paragraph's own ``w:jc``."""
        return _ALIGNMENTS.get(self.frame_align or "", self.frame_align) or self.alignment

    @property
    def visible_runs(self) -> tuple[ResolvedRun, ...]:
        """Runs that show something: not blank and not hidden (``w:vanish``)."""
        return tuple(r for r in self.runs if not r.vanish and not r.is_blank)

    @property
    def sizes(self) -> frozenset[float]:
        """Font sizes (pt) of the visible, non-blank runs."""
        return frozenset(r.size_pt for r in self.visible_runs)

    @property
    def fonts_used(self) -> frozenset[str | None]:
        """Faces Word draws the visible, non-blank characters with (see :func:`font_slot`)."""
        out: set[str | None] = set()
        for run in self.visible_runs:
            out |= run.fonts_used
        return frozenset(out)


def in_header_row(paragraph: ResolvedParagraph) -> bool:
    """Whether ``paragraph`` is in a table row repeated at the top of every page (``w:tblHeader``)."""
    row = paragraph.element.getparent().getparent() if paragraph.element is not None else None
    if row is None or etree.QName(row).localname != "tr":
        return False
    flag = row.find(f"{w('trPr')}/{w('tblHeader')}")
    return flag is not None and flag.get(w("val"), "1") not in ("0", "false")


def effective_run_values(paragraph: ResolvedParagraph, attribute: str) -> frozenset[Any]:
    """The set of one :class:`ResolvedRun` attribute over the paragraph's visible, non-blank runs."""
    return frozenset(getattr(run, attribute) for run in paragraph.visible_runs)


@dataclass(frozen=True, slots=True)
class ResolvedSection:
    """One ``w:sectPr``. Lengths in mm (None when the file leaves them unset).

    ``headers``/``footers`` map "default"/"first"/"even" to a part name ("word/header1.xml"), inherited
    from the previous section where this one has no reference of that type, as Word does.
    ``paragraphs`` is the (first, last) body paragraph index of the section, or None if it has none.
    """

    index: int
    page_width_mm: float | None
    page_height_mm: float | None
    orientation: str
    margins: dict[str, float | None]
    title_page: bool
    headers: dict[str, str]
    footers: dict[str, str]
    page_number_start: int | None
    page_number_format: str | None
    columns: int
    column_space_mm: float | None
    section_type: str
    paragraphs: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class ResolvedCell:
    """One ``w:tc``: preferred width (cm when given in twips), spans, whether it sets visible borders, and
    its own left/right margins (``w:tcMar``, cm; None where the table's apply)."""

    width_cm: float | None
    width_type: str | None
    grid_span: int
    v_merge: str | None
    has_borders: bool
    margins_cm: tuple[float | None, float | None] = (None, None)


@dataclass(frozen=True, slots=True)
class ResolvedTable:
    """One ``w:tbl``: grid, cell widths, layout and borders (table style under direct ``w:tblBorders``).

    ``cell_margins_cm`` is the (left, right) default cell margin: direct ``w:tblCellMar`` over the table
    style's, else Word's built-in 0.19 cm.
    """

    index: int
    location: str
    parent: int | None
    style_id: str | None
    grid_cm: tuple[float, ...]
    rows: tuple[tuple[ResolvedCell, ...], ...]
    layout: str
    width_cm: float | None
    width_type: str | None
    alignment: str | None
    borders: dict[str, tuple[str, int, str | None]]
    has_borders: bool
    cell_margins_cm: tuple[float, float] = (0.0, 0.0)
    # row -> the grid column where each of its cells starts, filled on first use (a row of n cells is
    # summed once, not once per cell: linear in the row's width)
    _starts: dict[int, list[int]] = field(default_factory=dict, compare=False, repr=False)

    def _cell_starts(self, row: int) -> list[int]:
        starts = self._starts.get(row)
        if starts is None:
            starts, column = [], 0
            for c in self.rows[row]:
                starts.append(column)
                column += c.grid_span
            self._starts[row] = starts
        return starts

    def cell_width_cm(self, row: int, cell: int) -> float | None:
        """Width of one cell: the grid columns it spans, else its ``w:tcW``; None when neither is known."""
        cells = self.rows[row] if 0 <= row < len(self.rows) else ()
        if not 0 <= cell < len(cells):
            return None
        start = self._cell_starts(row)[cell]
        span = cells[cell].grid_span
        if self.grid_cm and start + span <= len(self.grid_cm):
            width = sum(self.grid_cm[start:start + span])
            if width > 0:
                return width
        return cells[cell].width_cm

    def cell_text_width_cm(self, row: int, cell: int) -> float | None:
        """Width available to a cell's paragraphs: the cell's width less its left and right margins."""
        width = self.cell_width_cm(row, cell)
        if width is None:
            return None
        own_left, own_right = self.rows[row][cell].margins_cm
        left = own_left if own_left is not None else self.cell_margins_cm[0]
        right = own_right if own_right is not None else self.cell_margins_cm[1]
        return max(width - left - right, 0.0)


@dataclass(frozen=True, slots=True)
class ResolvedDocument:
    """Everything resolved from one .docx. Header/footer keys are part names ("word/header1.xml").
    ``footnotes``: the paragraphs of the footnotes (not their separators), location "footnotes.xml";
    they are not body paragraphs."""

    paragraphs: tuple[ResolvedParagraph, ...]
    sections: tuple[ResolvedSection, ...]
    headers: dict[str, list[ResolvedParagraph]]
    footers: dict[str, list[ResolvedParagraph]]
    tables: tuple[ResolvedTable, ...]
    package: DocxPackage
    styles: StyleSheet
    even_and_odd_headers: bool
    footnotes: tuple[ResolvedParagraph, ...] = ()
    # Text typed in an 8-bit Vietnamese encoding (TCVN3, VNI), read as Unicode in every run above
    legacy: LegacyText | None = None

    def body_text(self) -> str:
        """Body paragraph texts joined with newlines."""
        return "\n".join(p.text for p in self.paragraphs)


class _Field:
    """One open complex field: its instruction pieces, whether its result has started, whether recorded."""

    __slots__ = ("in_result", "pieces", "recorded")

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.in_result = False
        self.recorded = False


class _FieldState:
    """Complex-field bookkeeping (``w:fldChar``) that may span runs and paragraphs of one part.

    ``instr_depth`` counts open fields still in their instruction part: text there is not shown.
    """

    __slots__ = ("instr_depth", "stack")

    def __init__(self) -> None:
        self.stack: list[_Field] = []
        self.instr_depth = 0


class _PartResolver:
    """Resolves the paragraphs and tables of one part (body, header or footer) in reading order."""

    def __init__(self, owner: _DocumentResolver, location: str) -> None:
        self.owner = owner
        self.sheet = owner.sheet
        self.location = location
        self.counters = NumberingCounters(owner.numbering)
        self.fields = _FieldState()
        self.paragraphs: list[ResolvedParagraph] = []
        self.section_index = 0
        self.track_sections = location == "body"
        self.section_breaks: list[etree._Element] = []
        self.boxes: list[etree._Element] = []  # text boxes met in the paragraph being read

    def walk(self, container: etree._Element) -> None:
        self._blocks(container, None, None, None)

    def _blocks(
        self, container: etree._Element, table_pos: tuple[int, int, int] | None, table_style: str | None,
        parent_table: int | None,
    ) -> None:
        for block in blocks(container):
            if block.tag == P:
                self._paragraph(block, table_pos, table_style)
            elif block.tag == TBL:
                self._table(block, parent_table)

    def _table(self, tbl: etree._Element, parent: int | None) -> None:
        tables = self.owner.tables
        index = len(tables)
        tables.append(None)  # reserve the slot so nested tables number after their parent
        tblpr = tbl.find(TBLPR)
        style_el = tblpr.find(w("tblStyle")) if tblpr is not None else None
        style_id = self.sheet.table_style_id(style_el.get(VAL) if style_el is not None else None)
        rows: list[tuple[ResolvedCell, ...]] = []
        for r_i, tr in enumerate(children_tagged(tbl, TR)):
            cells: list[ResolvedCell] = []
            for c_i, tc in enumerate(children_tagged(tr, TC)):
                cells.append(_cell(tc.find(TCPR)))
                self._blocks(tc, (index, r_i, c_i), style_id, index)
            rows.append(tuple(cells))
        tables[index] = self._table_info(tbl, tblpr, index, parent, style_id, tuple(rows))

    def _table_info(
        self, tbl: etree._Element, tblpr: etree._Element | None, index: int, parent: int | None,
        style_id: str | None, rows: tuple[tuple[ResolvedCell, ...], ...],
    ) -> ResolvedTable:
        grid_el = tbl.find(w("tblGrid"))
        grid: list[float] = []
        if grid_el is not None:
            for col in grid_el.findall(w("gridCol")):
                value = measure(col.get(w("w")), 20.0)
                grid.append(round(twips_to_cm(value), 4) if value is not None else 0.0)
        borders: Props = {}
        margins: dict[str, float] = {}
        for style in self.sheet.chain(style_id):
            if style.tblpr is not None:
                borders.update(parse_borders(style.tblpr.find(w("tblBorders")), ""))
                margins.update(_cell_margins(style.tblpr.find(w("tblCellMar"))))
        layout = "autofit"
        width_cm = width_type = alignment = None
        if tblpr is not None:
            borders.update(parse_borders(tblpr.find(w("tblBorders")), ""))
            margins.update(_cell_margins(tblpr.find(w("tblCellMar"))))
            layout_el = tblpr.find(w("tblLayout"))
            if layout_el is not None and (layout_el.get(w("type")) or "autofit") == "fixed":
                layout = "fixed"
            width_cm, width_type = _width(tblpr.find(w("tblW")))
            jc = tblpr.find(w("jc"))
            if jc is not None:
                alignment = _ALIGNMENTS.get(jc.get(VAL) or "", jc.get(VAL))
        visible = {side: value for side, value in borders.items() if value is not None}
        has_borders = bool(visible) or any(cell.has_borders for row in rows for cell in row)
        return ResolvedTable(
            index=index, location=self.location, parent=parent, style_id=style_id, grid_cm=tuple(grid),
            rows=rows, layout=layout, width_cm=width_cm, width_type=width_type, alignment=alignment,
            borders=visible, has_borders=has_borders,
            cell_margins_cm=(
                round(twips_to_cm(margins.get("left", DEFAULT_CELL_MARGIN_TWIPS)), 4),
                round(twips_to_cm(margins.get("right", DEFAULT_CELL_MARGIN_TWIPS)), 4),
            ),
        )

    def _paragraph(
        self, p: etree._Element, table_pos: tuple[int, int, int] | None, table_style: str | None,
    ) -> None:
        sheet = self.sheet
        ppr_el = p.find(PPR)
        direct = parse_ppr(ppr_el)
        style_id = sheet.paragraph_style_id(direct.get("pStyle"))
        base = sheet.base(table_style, style_id)

        num_id = direct.get("numPr.numId", base.ppr.get("numPr.numId"))
        ilvl = direct.get("numPr.ilvl", base.ppr.get("numPr.ilvl"))
        label: str | None = None
        beyond: int | None = None
        label_bold: bool | None = None
        props = base.ppr
        if num_id is not None and num_id != "0":
            numbering = self.owner.numbering
            if ilvl is None:
                ilvl = numbering.level_for_style(num_id, style_id) or 0
            level = numbering.level(num_id, ilvl)
            if level is None:
                num_id = ilvl = None
            else:
                if "numPr.numId" in direct:  # direct numbering: its indents beat the style's
                    props = {**base.ppr, **level.ppr}
                else:  # numbering from the style: the style's own indents win
                    props = {**base.ppr_under_style, **level.ppr, **base.style_ppr}
                label_bold = level.rpr.get("b")
                try:
                    label = self.counters.next_label(num_id, ilvl)
                except NumberBeyondLimit as exc:
                    beyond = exc.number
        else:
            num_id = ilvl = None
        if direct:
            props = {**props, **direct}

        fields: list[str] = []
        runs: list[ResolvedRun] = []
        lines: list[float] = []
        self._inline(p, table_style, style_id, runs, fields, lines)
        style = sheet.get(style_id)
        section_index: int | None = None
        if self.track_sections:
            section_index = self.section_index
            sect = ppr_el.find(SECTPR) if ppr_el is not None else None
            if sect is not None:
                self.section_breaks.append(sect)
                self.section_index += 1
        self.paragraphs.append(_make_paragraph(
            props, runs, fields, style_id, style.name if style is not None else None, label, num_id, ilvl,
            self.location, len(self.paragraphs), table_pos, section_index, lines, p, beyond, label_bold,
        ))
        boxes, self.boxes = self.boxes, []
        for box in boxes:  # a text box's paragraphs read after the paragraph it is anchored in
            self._blocks(box, None, None, None)

    def _inline(
        self, container: etree._Element, table_style: str | None, style_id: str | None,
        runs: list[ResolvedRun], fields: list[str], lines: list[float],
    ) -> None:
        for child in container:
            tag = child.tag
            if tag == R:
                self._run(child, table_style, style_id, runs, fields, lines)
            elif tag in _INLINE_WRAPPERS:
                if tag == _FLD_SIMPLE:
                    fields.append(" ".join((child.get(w("instr")) or "").split()))
                self._inline(child, table_style, style_id, runs, fields, lines)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self._inline(content, table_style, style_id, runs, fields, lines)
            elif tag == MC_ALTERNATE:
                branch = pick_alternate(child)
                if branch is not None:
                    self._inline(branch, table_style, style_id, runs, fields, lines)

    def _run(
        self, r: etree._Element, table_style: str | None, style_id: str | None,
        runs: list[ResolvedRun], fields: list[str], lines: list[float],
    ) -> None:
        state = self.fields
        pieces: list[str] = []
        for child in r:
            tag = child.tag
            if tag == T:
                if state.instr_depth == 0 and child.text:
                    pieces.append(child.text)
            elif tag == _INSTR_TEXT:
                if state.stack and child.text:
                    state.stack[-1].pieces.append(child.text)
            elif tag == _FLD_CHAR:
                _field_char(state, child.get(w("fldCharType")), fields)
            elif state.instr_depth:
                continue
            elif tag in (_TAB, _PTAB):
                pieces.append("\t")
            elif tag in (_BR, _CR):
                pieces.append("\n")
            elif tag == _NO_BREAK_HYPHEN:
                pieces.append("-")
            elif tag == _SOFT_HYPHEN:  # TCVN3's ư (0xAD) once LibreOffice has read a .doc; else nothing
                pieces.append(_SOFT_MARK)
            elif tag == _SYM:
                pieces.append(_sym_char(child))
            elif tag in _DRAWINGS:
                lines.extend(drawn_lines(child))
                self.boxes.extend(_text_boxes(child))
        text = "".join(pieces)
        if not text:
            return
        direct = parse_rpr(r.find(RPR))
        base = self.sheet.run_base(table_style, style_id, direct.get("rStyle"))
        run = self.owner.read_legacy(r, self.owner.make_run(text, base, direct))
        if run.text:
            runs.append(run)


def _text_boxes(el: etree._Element) -> list[etree._Element]:
    """The outermost ``w:txbxContent`` of a drawing (one branch of an ``mc:AlternateContent``: the two
    hold the same text), not those nested in another text box."""
    if el.tag == MC_ALTERNATE:
        branch = pick_alternate(el)
        return _text_boxes_in(branch) if branch is not None else []
    return _text_boxes_in(el)


def _text_boxes_in(el: etree._Element) -> list[etree._Element]:
    out = []
    for box in el.iter(_TEXT_BOX):
        parent = box.getparent()
        while parent is not None and parent is not el and parent.tag != _TEXT_BOX:
            parent = parent.getparent()
        if parent is None or parent is el:
            out.append(box)
    return out


def _field_char(state: _FieldState, kind: str | None, fields: list[str]) -> None:
    """Advance complex-field state on a ``w:fldChar``; record the instruction at separate/end."""
    stack = state.stack
    if kind == "begin":
        stack.append(_Field())
        state.instr_depth += 1
    elif kind in ("separate", "end") and stack:
        top = stack[-1]
        if not top.recorded:
            fields.append(" ".join("".join(top.pieces).split()))
            top.recorded = True
        if not top.in_result:
            top.in_result = True
            state.instr_depth -= 1
        if kind == "end":
            stack.pop()


def _sym_char(el: etree._Element) -> str:
    """The character a ``w:sym`` shows (Symbol-font private-use codes folded to their 8-bit value)."""
    try:
        code = int(el.get(w("char")) or "", 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF:
        code -= 0xF000
    try:
        return chr(code)
    except ValueError:
        return ""


def _width(el: etree._Element | None) -> tuple[float | None, str | None]:
    """(cm, type) of a ``w:tblW``/``w:tcW``; cm only for twips ("dxa") widths."""
    if el is None:
        return None, None
    kind = el.get(w("type")) or "dxa"
    value = measure(el.get(w("w")), 20.0)
    if kind == "dxa" and value is not None:
        return round(twips_to_cm(value), 4), kind
    return None, kind


def _cell_margins(el: etree._Element | None) -> dict[str, float]:
    """Left/right twips of a ``w:tblCellMar``/``w:tcMar`` (only "dxa" widths; start/end as left/right)."""
    out: dict[str, float] = {}
    if el is None:
        return out
    for name, side in (("left", "left"), ("start", "left"), ("right", "right"), ("end", "right")):
        side_el = el.find(w(name))
        if side_el is not None and (side_el.get(w("type")) or "dxa") == "dxa":
            value = measure(side_el.get(w("w")), 20.0)
            if value is not None:
                out[side] = value
    return out


def _cell(tcpr: etree._Element | None) -> ResolvedCell:
    if tcpr is None:
        return ResolvedCell(None, None, 1, None, False)
    width_cm, width_type = _width(tcpr.find(w("tcW")))
    span_el = tcpr.find(w("gridSpan"))
    span = integer(span_el.get(VAL)) if span_el is not None else None
    merge_el = tcpr.find(w("vMerge"))
    v_merge = (merge_el.get(VAL) or "continue") if merge_el is not None else None
    borders = parse_borders(tcpr.find(w("tcBorders")), "")
    has_borders = any(v is not None for v in borders.values())
    own = _cell_margins(tcpr.find(w("tcMar")))
    left, right = (round(twips_to_cm(own[s]), 4) if s in own else None for s in ("left", "right"))
    return ResolvedCell(width_cm, width_type, span or 1, v_merge, has_borders, (left, right))


def _make_paragraph(
    props: Props, runs: list[ResolvedRun], fields: list[str], style_id: str | None, style_name: str | None,
    label: str | None, num_id: str | None, ilvl: int | None, location: str, index: int,
    table_pos: tuple[int, int, int] | None, section_index: int | None, lines: list[float],
    element: etree._Element, numbering_beyond: int | None = None, numbering_bold: bool | None = None,
) -> ResolvedParagraph:
    jc = props.get("jc") or "left"
    before = 14.0 if props.get("spacing.beforeAutospacing") else props.get("spacing.before", 0.0) / 20.0
    after = 14.0 if props.get("spacing.afterAutospacing") else props.get("spacing.after", 0.0) / 20.0
    line = props.get("spacing.line")
    rule = props.get("spacing.lineRule") or "auto"
    if line is None:
        line_spacing, rule = 1.0, "auto"
    elif rule == "auto":
        line_spacing = line / 240.0
    else:
        line_spacing = line / 20.0
    borders = {
        key[4:]: value for key, value in props.items() if key.startswith("bdr.") and value is not None
    }
    return ResolvedParagraph(
        text="".join(run.text for run in runs),
        style_id=style_id,
        style_name=style_name,
        alignment=_ALIGNMENTS.get(jc, jc),
        indent_left_cm=twips_to_cm(props.get("ind.left", 0.0)),
        indent_right_cm=twips_to_cm(props.get("ind.right", 0.0)),
        first_line_cm=twips_to_cm(props.get("ind.first", 0.0)),
        space_before_pt=before,
        space_after_pt=after,
        line_spacing=line_spacing,
        line_spacing_rule=rule,
        keep_next=bool(props.get("keepNext", False)),
        keep_lines=bool(props.get("keepLines", False)),
        page_break_before=bool(props.get("pageBreakBefore", False)),
        widow_control=bool(props.get("widowControl", False)),
        contextual_spacing=bool(props.get("contextualSpacing", False)),
        outline_level=props.get("outlineLvl"),
        borders=borders,
        numbering_label=label,
        num_id=num_id,
        numbering_level=ilvl,
        runs=tuple(runs),
        location=location,
        index=index,
        table=table_pos,
        section_index=section_index,
        has_page_field=any(f.split()[:1] == ["PAGE"] for f in (field.upper() for field in fields)),
        fields=tuple(fields),
        drawn_lines=tuple(round(x, 3) for x in lines),
        element=element,
        numbering_beyond=numbering_beyond,
        numbering_bold=numbering_bold if label is not None else None,
        frame_align=props.get("framePr.xAlign"),
    )


class _DocumentResolver:
    """Shared state while resolving one package: styles, numbering definitions, tables, run cache."""

    def __init__(self, package: DocxPackage, legacy: LegacyEncoding | None = None) -> None:
        self.package = package
        self.sheet = StyleSheet.from_parts(package.styles, package.theme)
        self.numbering = NumberingDefinitions(package.numbering, self.sheet)
        self.tables: list[ResolvedTable | None] = []
        self._run_cache: dict[tuple[int, frozenset[tuple[str, Any]]], tuple[Props, dict[str, Any]]] = {}
        self.legacy = legacy  # the encoding of every run not in a legacy font (known by its characters)
        self.legacy_runs: list[tuple[etree._Element, LegacyEncoding, bool]] = []
        self.legacy_fonts: dict[str, LegacyEncoding] = {}

    def read_legacy(self, r: etree._Element, run: ResolvedRun) -> ResolvedRun:
        """``run`` with its text read as Unicode when it is typed in an 8-bit encoding: its font's
        (the hAnsi slot draws the 8-bit letters), or the document's where no font names one."""
        font = run.fonts.get("hAnsi") or run.fonts.get("ascii")
        encoding = encoding_of_font(font)
        if encoding is not None and font is not None:
            self.legacy_fonts.setdefault(font, encoding)
        else:
            encoding = self.legacy
        if encoding is None:  # a soft hyphen shows nothing
            return replace(run, text=run.text.replace(_SOFT_MARK, "")) if _SOFT_MARK in run.text else run
        capitals = is_capitals_font(font)
        self.legacy_runs.append((r, encoding, capitals))
        # TCVN3's ư is 0xAD, the soft hyphen's code: LibreOffice reads it from a .doc as a w:softHyphen
        return replace(run, text=decode(run.text.replace(_SOFT_MARK, "\xad"), encoding, capitals))

    def make_run(self, text: str, base: Props, direct: Props) -> ResolvedRun:
        """A :class:`ResolvedRun` from a cached style-level dict plus direct formatting (absolute)."""
        key = (id(base), frozenset(direct.items()))
        entry = self._run_cache.get(key)
        if entry is None or entry[0] is not base:
            props = base
            if direct:
                props = dict(base)
                apply_layer(props, direct, toggle=False)
            entry = (base, self._run_format(props))
            self._run_cache[key] = entry
        fmt = entry[1]
        return ResolvedRun(text=text, **{**fmt, "fonts": dict(fmt["fonts"]), "lang": dict(fmt["lang"])})

    def _run_format(self, props: Props) -> dict[str, Any]:
        sheet = self.sheet
        size = props.get("sz")
        size_cs = props.get("szCs")
        return {
            "fonts": {slot: sheet.font_name(props.get("font." + slot)) for slot in FONT_SLOTS},
            "size_pt": size / 2.0 if size is not None else DEFAULT_SIZE_PT,
            "size_cs_pt": size_cs / 2.0 if size_cs is not None else DEFAULT_SIZE_PT,
            "bold": bool(props.get("b", False)),
            "bold_cs": bool(props.get("bCs", False)),
            "italic": bool(props.get("i", False)),
            "italic_cs": bool(props.get("iCs", False)),
            "caps": bool(props.get("caps", False)),
            "small_caps": bool(props.get("smallCaps", False)),
            "strike": bool(props.get("strike", False)),
            "double_strike": bool(props.get("dstrike", False)),
            "underline": None if props.get("u") in (None, "none") else props["u"],
            "color": sheet.color(props.get("color")),
            "highlight": None if props.get("highlight") in (None, "none") else props["highlight"],
            "vert_align": None if props.get("vertAlign") in (None, "baseline") else props["vertAlign"],
            "lang": {"val": props.get("lang.val"), "eastAsia": props.get("lang.eastAsia"),
                     "bidi": props.get("lang.bidi")},
            "vanish": bool(props.get("vanish", False)),
            "style_id": props.get("rStyle"),
            "hint": props.get("hint"),
            "complex_script": bool(props.get("cs", False) or props.get("rtl", False)),
        }

    def resolve(self) -> ResolvedDocument:
        pkg = self.package
        body = pkg.document.find(w("body"))
        main = _PartResolver(self, "body")
        if body is not None:
            main.walk(body)
        final = body.find(SECTPR) if body is not None else None
        breaks = list(main.section_breaks)
        if final is not None or not breaks:
            breaks.append(final if final is not None else etree.Element(SECTPR))
        sections = self._sections(breaks, main.paragraphs)

        headers: dict[str, list[ResolvedParagraph]] = {}
        footers: dict[str, list[ResolvedParagraph]] = {}
        for refs, store in ((pkg.headers, headers), (pkg.footers, footers)):
            for part_name, root in refs.values():
                if part_name in store:
                    continue
                part = _PartResolver(self, posixpath.basename(part_name))
                part.walk(root)
                store[part_name] = part.paragraphs
        notes = _PartResolver(self, "footnotes.xml")
        for note in children_tagged(pkg.footnotes, _FOOTNOTE) if pkg.footnotes is not None else ():
            if (note.get(w("type")) or "normal") == "normal":  # not the separators
                notes.walk(note)
        settings = pkg.settings
        even_odd = settings is not None and any(on_off(el) for el in settings.iter(w("evenAndOddHeaders")))
        return ResolvedDocument(
            paragraphs=tuple(main.paragraphs),
            sections=sections,
            headers=headers,
            footers=footers,
            tables=tuple(t for t in self.tables if t is not None),
            package=pkg,
            styles=self.sheet,
            even_and_odd_headers=even_odd,
            footnotes=tuple(notes.paragraphs),
            legacy=self._legacy(),
        )

    def _legacy(self) -> LegacyText | None:
        if not self.legacy_runs:
            return None
        encodings = dict.fromkeys(encoding for _, encoding, _ in self.legacy_runs)
        return LegacyText(tuple(encodings), tuple(sorted(self.legacy_fonts)), tuple(self.legacy_runs))

    def _sections(
        self, breaks: list[etree._Element], paragraphs: Iterable[ResolvedParagraph],
    ) -> tuple[ResolvedSection, ...]:
        spans: dict[int, tuple[int, int]] = {}
        for para in paragraphs:
            if para.section_index is None:
                continue
            first, _ = spans.get(para.section_index, (para.index, para.index))
            spans[para.section_index] = (first, para.index)
        pkg = self.package
        inherited: dict[str, dict[str, str]] = {"header": {}, "footer": {}}
        sections: list[ResolvedSection] = []
        for index, sect in enumerate(breaks):
            refs: dict[str, dict[str, str]] = {}
            for kind, parts in (("header", pkg.headers), ("footer", pkg.footers)):
                current = dict(inherited[kind])
                for ref in sect.findall(w(f"{kind}Reference")):
                    target = parts.get(ref.get(R_ID) or "")
                    if target is not None:
                        current[ref.get(w("type")) or "default"] = target[0]
                inherited[kind] = current
                refs[kind] = current
            sections.append(_section(index, sect, refs["header"], refs["footer"], spans.get(index)))
        return tuple(sections)


def _mm(value: str | None) -> float | None:
    number = measure(value, 20.0)
    return round(twips_to_mm(number), 3) if number is not None else None


def _section(
    index: int, sect: etree._Element, headers: dict[str, str], footers: dict[str, str],
    span: tuple[int, int] | None,
) -> ResolvedSection:
    size = sect.find(w("pgSz"))
    margins_el = sect.find(w("pgMar"))
    margins = {
        side: _mm(margins_el.get(w(side))) if margins_el is not None else None
        for side in ("top", "bottom", "left", "right", "header", "footer", "gutter")
    }
    title = sect.find(w("titlePg"))
    numbering = sect.find(w("pgNumType"))
    cols = sect.find(w("cols"))
    kind = sect.find(w("type"))
    width = _mm(size.get(w("w"))) if size is not None else None
    height = _mm(size.get(w("h"))) if size is not None else None
    orient = (size.get(w("orient")) if size is not None else None) or "portrait"
    return ResolvedSection(
        index=index,
        page_width_mm=width,
        page_height_mm=height,
        orientation=orient,
        margins=margins,
        title_page=title is not None and on_off(title),
        headers=headers,
        footers=footers,
        page_number_start=integer(numbering.get(w("start"))) if numbering is not None else None,
        page_number_format=numbering.get(w("fmt")) if numbering is not None else None,
        columns=(integer(cols.get(w("num"))) or 1) if cols is not None else 1,
        column_space_mm=_mm(cols.get(w("space"))) if cols is not None else None,
        section_type=(kind.get(VAL) if kind is not None else None) or "nextPage",
        paragraphs=span,
    )


def read_document(
    source: str | Path | bytes | BinaryIO | DocxPackage, *, limits: Limits = DEFAULT_LIMITS,
) -> ResolvedDocument:
    """Open ``source`` safely and resolve all its paragraphs, sections, headers, footers and tables.

    Raises :class:`~vbhc.ooxml.package.DocxReadError` for files that are not safe, readable .docx.
    """
    package = source if isinstance(source, DocxPackage) else open_docx(source, limits=limits)
    doc = _DocumentResolver(package).resolve()
    if doc.legacy is None:  # no font names an 8-bit encoding; the characters may still tell one
        encoding = guess_encoding(p.text for p in (*doc.paragraphs, *doc.footnotes))
        if encoding is not None:
            doc = _DocumentResolver(package, encoding).resolve()
    return doc
