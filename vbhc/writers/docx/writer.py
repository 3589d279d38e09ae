"""Write a laid-out document into a Word template: the DOCX writer.

The writer decides where things go on the page (two-column header, the lines, the signature block)
and which template style each role uses. Every size, weight and spacing comes from the template's
styles; every text, number and punctuation mark from :mod:`vbhc.layout`.
"""

from __future__ import annotations

import copy
import io
import os
from collections.abc import Iterable, Sequence
from typing import IO

from vbhc import nd30
from vbhc.errors import VbhcError
from vbhc.fileio import write_atomically
from vbhc.layout import AppendixRegion, Layout, Line, SignatureRegion, lay_out
from vbhc.layout.copy import copy_lines
from vbhc.layout.header import Look, header_columns
from vbhc.layout.metrics import text_width_pt
from vbhc.layout.regions import TableRegion
from vbhc.layout.signatures import SIGNERS_PER_ROW, signature_rows
from vbhc.model import Copy, Document, SignatureImage
from vbhc.model.text import Text
from vbhc.nd30 import Role
from vbhc.ooxml.build import (
    Element,
    el,
    place,
    ppr,
    rpr,
    text_run,
    to_bytes,
    twips_from_cm,
    twips_from_pt,
    w,
    write_package,
)
from vbhc.writers.docx.copy import copy_block
from vbhc.writers.docx.images import ImagePart, with_images
from vbhc.writers.docx.marks import add_parts, contact_footer, refer_contact_footer, stamp_table
from vbhc.writers.docx.notes import (
    FOOTNOTES_CONTENT_TYPE,
    FOOTNOTES_ID,
    FOOTNOTES_PART,
    footnotes_xml,
    reference_run,
)
from vbhc.writers.docx.tables import table_xml
from vbhc.writers.docx.template import ROLE_STYLE, RULE_STYLE, Template, core_properties, default_template

# Page geometry choices (not decree rules); the header's two columns: vbhc.layout.header.
# PL III, Mẫu 1.5 (the official sample's paragraphs): "Kính gửi:" starts 3.5 cm in, and several names
# stand in an aligned list 1 cm further in, under "gửi", one "- name;" a line.
ADDRESSEES_INDENT_CM = 3.5
ADDRESSEES_LIST_INDENT_CM = 4.5
SPACE_AFTER_TITLE_PT = 6  # between the line under the trích yếu and what follows it
SPACE_BEFORE_RECIPIENTS_PT = 12  # Nơi nhận under two signatures
SPACE_BETWEEN_SIGNER_ROWS_PT = 12  # above a second or third row of signers
SINGLE_LINE_EM = 1.15  # a single-spaced line of Times New Roman, in ems (its ascent, descent and gap)
IMAGE_SPACE_PT = 3  # above and below a signature image, which itself fills the room for signing
SECTION_BREAK_PT = 1  # height of the empty paragraph that ends a section (see _Writer.section_break)


def look_of(template: Template) -> Look:
    """How ``template`` prints each role: its style's size, bold and italic."""

    def look(role: Role) -> tuple[float, bool, bool]:
        style = template.look(role)
        return style.size_pt, style.bold, style.italic

    return look


class _Writer:
    def __init__(self, template: Template) -> None:
        self.t = template
        self.notes: list[Text] = []  # the footnotes met so far, in reading order (ids from 1)

    # ---- runs and paragraphs --------------------------------------------------------------

    def runs(self, text: Text, role: Role | None, *, boxed: bool = False,
             exact: bool = False, ink: str | None = None) -> list[Element]:
        """Runs of ``text`` in ``role``'s style: a span's bold or italic is added to the style's;
        ``exact``: a span without them is upright and regular even in a bold or italic style. A
        footnote is its reference; its note is kept for ``word/footnotes.xml``."""
        look = self.t.look(role) if role else None
        style_bold, style_italic = bool(look and look.bold), bool(look and look.italic)
        out = []
        for span in text:
            if span.note is not None:
                self.notes.append(span.note)
                out.append(reference_run(len(self.notes)))
                continue
            bold = span.bold if span.bold != style_bold and (span.bold or exact) else None
            italic = span.italic if span.italic != style_italic and (span.italic or exact) else None
            out.append(text_run(span.text, rpr(bold=bold, italic=italic, color=ink, boxed=boxed)))
        return out

    def para(self, line: Line, **pkw: object) -> Element:
        p = el("p", None, ppr(style=ROLE_STYLE[line.role], keep_next=line.keep_with_next,
                              **pkw))  # type: ignore[arg-type]
        boxed = line.role.record.framed is not None and line.box_mm is None  # a box_mm is its own frame
        ink = line.role.record.ink
        for r in self.runs(line.text, line.role, boxed=boxed, exact=line.label_only, ink=ink):
            p.append(r)
        return p

    def block(self, item: Line | TableRegion[Line], text_width: int) -> list[Element]:
        """A body's line as a paragraph (in its rectangle where it has one: the urgency stamp), or its
        table as a Word table ``text_width`` twips wide."""
        if isinstance(item, TableRegion):
            return [table_xml(item, text_width, look_of(self.t), self.para)]
        p = self.para(item)
        return stamp_table(item, p, item.role.record.ink) if item.box_mm is not None else [p]

    def text_width(self, landscape: bool) -> int:
        """The text width in twips of a portrait page, or of a landscape one (the same margins)."""
        if not landscape:
            return self.t.text_width
        size = self.t.section.find(w("pgSz"))
        return self.t.text_width + int(size.get(w("h"))) - int(size.get(w("w")))

    def width_twips(self, line: Line) -> int:
        look = self.t.look(line.role)
        return twips_from_pt(text_width_pt(line.plain, look.size_pt, bold=look.bold, italic=look.italic))

    def rule(self, length: int, within: int, after_pt: float | None = None) -> Element:
        """A solid line ``length`` twips long, centred in a column ``within`` twips wide."""
        side = max(0, (within - length) // 2)
        return el("p", None, ppr(style=RULE_STYLE, after_pt=after_pt, left=side, right=side))

    # ---- tables --------------------------------------------------------------------------

    def table(self, widths: Sequence[int], rows: Sequence[Sequence[Sequence[Element]]]) -> Element:
        """A borderless, fixed-layout table; ``gridCol`` and ``tcW`` agree, cell margins are zero. A row
        with fewer cells than columns spans its last cell over the rest (``gridSpan``)."""
        nil = {"val": "nil"}
        tbl = el("tbl", None, el(
            "tblPr", None,
            el("tblW", {"w": sum(widths), "type": "dxa"}),
            el("tblInd", {"w": 0, "type": "dxa"}),
            el("tblBorders", None, *(el(s, nil) for s in
                                     ("top", "left", "bottom", "right", "insideH", "insideV"))),
            el("tblLayout", {"type": "fixed"}),
            el("tblCellMar", None, *(el(s, {"w": 0, "type": "dxa"}) for s in
                                     ("top", "left", "bottom", "right"))),
            el("tblLook", {"val": "0000", "firstRow": 0, "lastRow": 0, "firstColumn": 0,
                           "lastColumn": 0, "noHBand": 1, "noVBand": 1}),
        ))
        tbl.append(el("tblGrid", None, *(el("gridCol", {"w": x}) for x in widths)))
        for row in rows:
            tr = el("tr", None, el("trPr", None, el("cantSplit")))
            if len(row) > len(widths):
                raise ValueError("a table row with more cells than columns")
            spans = [1] * (len(row) - 1) + [len(widths) - len(row) + 1]  # the last cell takes the rest
            starts = [sum(spans[:k]) for k in range(len(row))]
            for start, span, content in zip(starts, spans, row, strict=True):
                width = sum(widths[start:start + span])
                tc = el("tc", None, el("tcPr", None, el("tcW", {"w": width, "type": "dxa"}),
                                       el("gridSpan", {"val": span}) if span > 1 else None))
                for p in content or [el("p", None, ppr(style=ROLE_STYLE[Role.RECIPIENT]))]:
                    tc.append(p)
                tr.append(tc)
            tbl.append(tr)
        return tbl

    def columns(self) -> tuple[int, int]:
        """Widths of the header's two columns, in twips (vbhc.layout.header)."""
        right = twips_from_pt(header_columns(self.t.text_width / 20, look_of(self.t))[1])
        return self.t.text_width - right, right

    # ---- regions of the page -------------------------------------------------------------

    def header(self, layout: Layout) -> Element:
        left_w, right_w = self.columns()
        left: list[Element] = [self.para(x) for x in (*layout.parent_body, *layout.issuer)]
        if layout.issuer:
            longest = max(self.width_twips(x) for x in layout.issuer)
            left.append(self.rule(round(longest * nd30.ISSUER_RULE_FRACTION), left_w))
        right = [self.para(layout.national_title), self.para(layout.motto),
                 self.rule(round(self.width_twips(layout.motto) * nd30.MOTTO_RULE_FRACTION), right_w)]
        below_left = [self.para(layout.number)]
        if layout.letter_summary:
            below_left.append(self.para(layout.letter_summary))
        below_left += [x for m in layout.marks for x in self.block(m, self.t.text_width)]
        place_date = [self.para(layout.place_date)] if layout.place_date else []
        return self.table((left_w, right_w), [[left, right], [below_left, place_date]])

    def title(self, layout: Layout) -> list[Element]:
        if layout.type_name is None:
            return []
        # The line goes under the trích yếu, or under the tên loại where there is none (PL III, Mẫu 1.8).
        summary_w = min(max(self.width_twips(x) for x in layout.summary or (layout.type_name,)),
                        self.t.text_width)
        rule = self.rule(round(summary_w * nd30.SUMMARY_RULE_FRACTION), self.t.text_width,
                         after_pt=SPACE_AFTER_TITLE_PT)
        return [self.para(layout.type_name), *(self.para(x) for x in layout.summary), rule]

    def addressees(self, lines: Sequence[Line]) -> list[Element]:
        if not lines:
            return []
        indent, listed = twips_from_cm(ADDRESSEES_INDENT_CM), twips_from_cm(ADDRESSEES_LIST_INDENT_CM)
        return [self.para(x, left=indent if i == 0 else listed) for i, x in enumerate(lines)]

    def signature_cell(self, sig: SignatureRegion[Line], image: ImagePart | None = None,
                       column: int = 0, before_pt: float | None = None,
                       lines_short: int = 0) -> list[Element]:
        """The block's lines; an image of the signature between the position and the name (PL I,
        II.7.d), in the position's centred style. ``before_pt``: space above the first line (a second
        row of signers). ``lines_short``: how many title lines fewer this block has than the longest
        beside it; the name moves down by as many lines, so names in a row stand level."""
        cell = [self.para(x, before_pt=before_pt if i == 0 else None) for i, x in enumerate(sig.titles)]
        room = Role.SIGNER_NAME.record.style.before_pt + lines_short * self.line_pt(Role.SIGNATURE_TITLE)
        name_before: float | None = room if lines_short else None
        if image is not None:
            p = el("p", None, ppr(style=ROLE_STYLE[Role.SIGNATURE_TITLE], before_pt=IMAGE_SPACE_PT,
                                  after_pt=IMAGE_SPACE_PT, keep_next=True))
            p.append(image.run(column))
            cell.append(p)
            name_before = max(0.0, room - image.height_pt(column) - 2 * IMAGE_SPACE_PT)
        if sig.name is not None:
            cell.append(self.para(sig.name, before_pt=name_before))
        return cell

    def line_pt(self, role: Role) -> float:
        """The height of one single-spaced line of ``role``'s style."""
        return self.t.look(role).size_pt * SINGLE_LINE_EM

    def closing(self, layout: Layout, images: Sequence[ImagePart | None] = ()) -> list[Element]:
        """Nơi nhận on the left, level with the signature's first line on the right (PL I, II.9.d).

        Several signers stand in rows of two (vbhc.layout.signatures), the last alone and centred when
        their number is odd, with Nơi nhận under them (PL III, Mẫu 1.9: THƯ KÝ left, CHỦ TỌA right).
        """
        widths = self.columns()
        recipients = [self.para(x) for x in (*layout.recipients, *filter(None, (layout.issuance_note,)))]
        sigs = layout.signatures
        if len(sigs) not in layout.form.signatures:
            raise VbhcError(f"signatures: vbhc lays out at most {layout.form.signatures.high:g} signatures; "
                            f"this document has {len(sigs)}")
        images = list(images) + [None] * (len(sigs) - len(images))
        gap = el("p", None, ppr(style=ROLE_STYLE[Role.PARAGRAPH], keep_next=True))
        # PL III, Mẫu 1.10: the confirmation box on the left, below the signer's name.
        confirmation = [[[self.para(layout.confirmation)], []]] if layout.confirmation else []
        if len(sigs) == 1:
            sig = self.signature_cell(sigs[0], images[0], widths[1])
            return [gap, self.table(widths, [[recipients, sig], *confirmation])]
        half = self.t.text_width // 2
        below = [self.para(x, before_pt=SPACE_BEFORE_RECIPIENTS_PT if i == 0 else None)
                 for i, x in enumerate((*layout.recipients, *filter(None, (layout.issuance_note,))))]
        rows: list[list[list[Element]]] = []
        for n, row in enumerate(signature_rows(len(sigs))):
            column = half if len(row) == SIGNERS_PER_ROW else self.t.text_width
            space = SPACE_BETWEEN_SIGNER_ROWS_PT if n else None
            most = max(len(sigs[i].titles) for i in row)
            rows.append([self.signature_cell(sigs[i], images[i], column, space, most - len(sigs[i].titles))
                         for i in row])
        rows.append([below, []])
        return [gap, self.table((half, self.t.text_width - half), [*rows, *confirmation])]

    def section_break(self, page_number_start: int | None, landscape: bool = False) -> Element:
        """The empty paragraph that ends a section, before an appendix. It is one point high with no
        spacing: under a closing table that ends at the foot of a page, a full line would spill onto a
        page of its own, a blank page before the appendix."""
        sect = self.section(page_number_start, landscape)
        return el("p", None, ppr(style=ROLE_STYLE[Role.PARAGRAPH], before_pt=0, after_pt=0,
                                 line_exact_pt=SECTION_BREAK_PT, first_line=0,
                                 run=rpr(size_pt=SECTION_BREAK_PT), section=sect))

    def section(self, page_number_start: int | None, landscape: bool = False) -> Element:
        """The template's section, its page numbers restarting at ``page_number_start``; ``landscape``:
        the page turned (width and height swapped, the same margins: nd30.LANDSCAPE_APPENDIX)."""
        sect = copy.deepcopy(self.t.section)
        for old in sect.findall(w("pgNumType")):
            sect.remove(old)
        if landscape:
            size = sect.find(w("pgSz"))
            width, height = size.get(w("w")), size.get(w("h"))
            size.set(w("w"), height)
            size.set(w("h"), width)
            size.set(w("orient"), "landscape")
        if page_number_start is not None:  # PL I, III.1.đ: each appendix numbers its pages from 1
            place(sect, el("pgNumType", {"start": page_number_start}))
        return sect

    def body(self, layout: Layout, images: Sequence[ImagePart | None] = ()) -> list[Element]:
        out: list[Element] = [self.para(x) for x in (layout.draft, layout.circulation) if x is not None]
        out += [self.header(layout), *self.title(layout), *self.addressees(layout.addressees)]
        out += [self.para(x) for x in (layout.enacting_authority, *layout.legal_bases,
                                       layout.enactment) if x is not None]
        out += [e for x in layout.body for e in self.block(x, self.t.text_width)]
        out += self.closing(layout, images)
        before: AppendixRegion[Line] | None = None  # the section a break ends: the body's, or an annex's
        for app in layout.annexes():  # the attached text (PL III, Mẫu 1.3), then the appendices
            out.append(self.section_break(None if before is None else 1, bool(before and before.landscape)))
            out += self.appendix(app)
            before = app
        out += copy_block(self, layout.copy) if layout.copy is not None else []
        return out

    def appendix(self, app: AppendixRegion[Line]) -> list[Element]:
        """"Phụ lục II", its title, the "(Kèm theo ...)" note and a short line under them (PL I,
        III.1.b-c), then its body in its own text width; an attached text's tên loại, trích yếu and
        note the same way (PL III, Mẫu 1.3)."""
        width = self.text_width(app.landscape)
        under = app.title or app.note
        out = [self.para(x) for x in (app.label, app.title, app.note) if x is not None]
        if under is not None:
            length = min(self.width_twips(under), width)
            out.append(self.rule(round(length * nd30.SUMMARY_RULE_FRACTION), width))
        return out + [e for x in app.body for e in self.block(x, width)]


def _replace_body(template: Template, content: Iterable[Element], last_section: Element) -> bytes:
    document = copy.deepcopy(template.document)
    body = document.find(w("body"))
    for child in list(body):
        body.remove(child)
    for node in content:
        body.append(node)
    body.append(last_section)
    return to_bytes(document)


def render_bytes(document: Document, template: Template | str | os.PathLike[str] | None = None) -> bytes:
    """The .docx bytes of ``document``; the same document and template always give the same bytes.

    ``template``: a :class:`Template`, the path of a .docx template, or None for the built-in one.
    """
    template = _loaded(template)
    layout = lay_out(document)
    writer = _Writer(template)
    images = _numbered(layout.signature_images)
    content = writer.body(layout, images)
    annexes = layout.annexes()
    last = writer.section(1, annexes[-1].landscape) if annexes else writer.section(None)
    added = []
    if layout.contact:  # ô 13 on page 1 only (PL I, III.4)
        sections = [*(x for node in content for x in node.iter(w("sectPr"))), last]
        added = refer_contact_footer(sections, contact_footer(layout.contact, writer.para))
    notes = [(FOOTNOTES_ID, FOOTNOTES_PART, footnotes_xml(writer.notes))] if writer.notes else []
    return _package(template, content, last, document_title(document), added, images, notes)


def document_title(document: Document) -> str:
    """The file's title (docProps/core.xml, and a PDF's): the trích yếu, else the type's name, on one
    line."""
    title = document.summary.plain if document.summary else document.type.type_name
    return " ".join(title.split())


def render_copy_bytes(source: bytes, copy: Copy,
                      template: Template | str | os.PathLike[str] | None = None) -> bytes:
    """A paper copy of an existing .docx (PL I, Phần II, II): its body carried over as it prints
    (:func:`vbhc.ooxml.carry.carried_body`: text, paragraphs, runs and tables only), then ``copy``'s
    block (PL III, Mẫu 3.1). ``copy.issuer`` and ``copy.place`` name the copying body; the page set-up
    and styles are the template's. The source is read through the safe reader with its limits
    (:class:`~vbhc.ooxml.package.DocxReadError` says what is wrong with it)."""
    from vbhc.ooxml.carry import carried_body  # the resolver: loaded only to copy, never to render
    from vbhc.ooxml.resolve import read_document

    if copy.issuer is None or copy.place is None:
        raise VbhcError("copy: the copying body (issuer) and its place are needed to copy a .docx")
    template = _loaded(template)
    writer = _Writer(template)
    content = [*carried_body(read_document(source)),
               *copy_block(writer, copy_lines(copy, copy.issuer, copy.place))]
    return _package(template, content, writer.section(None), copy.kind.words, [])


def _package(template: Template, content: list[Element], last: Element, title: str,
             added: list[tuple[str, str, bytes]], images: Sequence[ImagePart | None] = (),
             notes: Sequence[tuple[str, str, bytes]] = ()) -> bytes:
    """The package: the template's parts with ``content`` as the body, the footers ``added`` (ô 13),
    the signature ``images`` and the footnotes part (``notes``)."""
    parts = []
    for name, data in template.parts:
        if name == "word/document.xml":
            data = _replace_body(template, content, last)
        elif name == "docProps/core.xml":
            data = core_properties(title)
        parts.append((name, data))
    add_parts(parts, added)
    add_parts(parts, notes, "footnotes", FOOTNOTES_CONTENT_TYPE)
    parts.sort(key=lambda p: p[0] != "[Content_Types].xml")
    parts = with_images(parts, [x for x in images if x is not None])
    out = io.BytesIO()
    write_package(parts, out)
    return out.getvalue()


def _numbered(images: Sequence[SignatureImage | None]) -> list[ImagePart | None]:
    """An image part for each signature that has an image, numbered from 1 in the signatures' order."""
    out: list[ImagePart | None] = []
    for image in images:
        out.append(None if image is None else ImagePart(sum(x is not None for x in out) + 1, image))
    return out


def _loaded(template: Template | str | os.PathLike[str] | None) -> Template:
    if template is None:
        return default_template()
    return template if isinstance(template, Template) else Template.from_path(template)


def render(document: Document, target: str | os.PathLike[str] | IO[bytes],
           template: Template | str | os.PathLike[str] | None = None) -> None:
    """Render ``document`` to a path or a binary stream.

    A path is written atomically: the file appears whole or not at all, and an existing file is
    replaced only after rendering succeeded.
    """
    data = render_bytes(document, template)
    if hasattr(target, "write"):
        target.write(data)  # type: ignore[union-attr]
        return
    write_atomically(target, data)  # type: ignore[arg-type]
