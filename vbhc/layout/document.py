"""Apply the decree to a model: numbers, case, punctuation, the closing mark. Writer-neutral.

:func:`lay_out` turns a :class:`~vbhc.model.Document` into a :class:`Layout`: the exact lines of
text each region of its form prints, each tagged with a :class:`Role`. A writer (DOCX today) decides
only how a role looks on the page, from its template; a recognition of a .docx has the same regions
(:class:`~vbhc.layout.regions.Regions`), so a checker can compare a file's lines with these.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs
from attrs import frozen

from vbhc import nd30
from vbhc.diagnostics import Path
from vbhc.layout.forms import form_text
from vbhc.layout.line import Line, date_text, end_with
from vbhc.layout.marks import marks_and_boxes
from vbhc.layout.regions import AppendixRegion, Regions, SignatureRegion, TableRegion
from vbhc.layout.signatures import issuer_lines
from vbhc.layout.table import table_region
from vbhc.model import (
    Appendix,
    Archive,
    Article,
    Attachment,
    Chapter,
    Dash,
    Division,
    Document,
    Item,
    Paragraph,
    Part,
    Plus,
    Point,
    Recipient,
    Section,
    Signature,
    SignatureImage,
    Table,
)
from vbhc.model.characters import on_one_line
from vbhc.model.document import APPENDIX_REFERENCE
from vbhc.model.text import Text, literal
from vbhc.nd30 import Level, Region, Role, numbering

# Blanks left for a hand-filled number or date in a draft ("Số:      /KH-UBND"). Not a decree rule.
BLANK_NUMBER = "\u00a0" * 6


@frozen(kw_only=True)
class Layout(Regions[Line]):
    """Everything a writer prints, region by region (:class:`Regions` of :class:`Line`), and the form
    (Mẫu) the document is laid out in. The Quốc hiệu, Tiêu ngữ and number are always there."""

    form: nd30.Form
    # Each signature's image (PL I, II.7.d), or None, in the order of ``signatures``.
    signature_images: tuple[SignatureImage | None, ...] = ()
    # The spec field of each ``issuer`` line ("issuer.name[1]", "joint_issuers[0].name[0]").
    issuer_paths: tuple[Path, ...] = ()

    def all_lines(self) -> list[Line]:
        """Every line in page order, for tests and checkers."""
        return self.items()


# --------------------------------------------------------------------------------------------
# Header texts


def number_text(document: Document) -> str:
    """``Số: 05/KH-UBND``; a draft without a number leaves a blank before the "/" (PL I, II.3.c)."""
    number = nd30.format_number(document.number) if document.number else BLANK_NUMBER
    return f"{nd30.NUMBER_LABEL} {number}{nd30.NUMBER_SEPARATOR}{document.symbol}"


def draft_text(draft: bool | int) -> str:
    """``DỰ THẢO``, or ``DỰ THẢO LẦN 2`` for a draft's round (nd30.DRAFT: practice)."""
    return nd30.DRAFT_WORDS if draft is True else f"{nd30.DRAFT_WORDS} {nd30.DRAFT_ROUND_WORD} {draft}"


def place_date_text(document: Document) -> str:
    """``Hoàng Kim, ngày 05 tháng 3 năm 2024`` (PL I, II.4.c)."""
    return f"{document.place}{nd30.PLACE_SEPARATOR}{date_text(document.date)}"


def reference_text(document: Document) -> str:
    """How other documents cite this one: ``Kế hoạch số 05/KH-UBND ngày 05 tháng 3 năm 2024``."""
    number = nd30.format_number(document.number) if document.number else "…"
    return (f"{document.type.type_name} số {number}{nd30.NUMBER_SEPARATOR}{document.symbol} "
            f"{date_text(document.date)}")


# --------------------------------------------------------------------------------------------
# Body: numbering computed from the tree (PL I, II.6.đ; the rules in vbhc.nd30.numbering)


Resolve = Callable[[Text], Text]


def _same(text: Text) -> Text:
    return text


class _Counter:
    """Numbers blocks among their siblings; a continuous level (Điều) runs through the whole document
    (or appendix). ``resolve`` fills in references to appendices (:func:`appendix_references`)."""

    def __init__(self, resolve: Resolve = _same) -> None:
        self.continuous: dict[Level, int] = {}
        self.resolve = resolve

    def lines(self, blocks: Iterable[Any]) -> list[Line | TableRegion[Line]]:
        out: list[Line | TableRegion[Line]] = []
        seen: dict[Level, int] = {}
        for block in blocks:
            level = block.level
            count = self.continuous if level is not None and level.continuous else seen
            n = count[level] = count.get(level, 0) + 1
            out += self._block(block, n)
        return out

    def _block(self, block: Any, n: int) -> list[Line | TableRegion[Line]]:
        if isinstance(block, Table):
            return [table_region(block, Line, self.resolve)]  # type: ignore[list-item]
        block = _resolved(block, self.resolve)
        if isinstance(block, Paragraph):
            return [Line(Role.PARAGRAPH, block.text)]
        label = numbering.label(block.level, n) if block.level is not None else ""
        # PL I, II.6.đ gives "Phần I" the typography of "Chương I" (one text for both): the same roles.
        if isinstance(block, (Division, Chapter, Section)):
            return [Line(Role.DIVISION_LABEL, literal(label), label),
                    Line(Role.DIVISION_TITLE, block.title.upper()), *self.lines(block.children)]
        if isinstance(block, Article):
            if block.title is None:  # "Điều 1." in bold, then the article's text (PL III, Mẫu 1.3)
                assert block.text is not None
                lead = literal(label).styled(bold=True) + " "
                return [Line(Role.ARTICLE, lead + block.text, label, label_only=True, keep_with_next=False),
                        *self.lines(block.children)]
            out = [Line(Role.ARTICLE, (label + " ") + block.title.styled(bold=True), label)]
            if block.text is not None:
                out.append(Line(Role.PARAGRAPH, block.text))
            return out + self.lines(block.children)
        if isinstance(block, Part):
            return [Line(Role.HEADING, (label + " ") + block.title.upper(), label),
                    *self.lines(block.children)]
        if isinstance(block, Item):
            out = []
            if block.title is not None:
                out.append(Line(Role.ITEM_TITLE, (label + " ") + block.title.styled(bold=True), label))
                if block.text is not None:
                    out.append(Line(Role.PARAGRAPH, block.text))
            else:
                assert block.text is not None
                out.append(Line(Role.ITEM, (label + " ") + block.text, label))
            return out + self.lines(block.children)
        if isinstance(block, Point):
            return [Line(Role.POINT, (label + " ") + block.text, label), *self.lines(block.children)]
        if isinstance(block, Dash):
            return [Line(Role.DASH, (label + " ") + block.text, label), *self.lines(block.children)]
        if isinstance(block, Plus):
            return [Line(Role.PLUS, (label + " ") + block.text, label), *self.lines(block.children)]
        raise TypeError(f"cannot lay out {type(block).__name__}")


def _resolved(block: Any, resolve: Resolve) -> Any:
    """``block`` with references filled in its own texts (title, text), not its children's."""
    if resolve is _same:
        return block
    changes = {name: resolve(getattr(block, name)) for name in ("title", "text")
               if isinstance(getattr(block, name, None), Text)}
    return attrs.evolve(block, **changes) if changes else block


def _with_end_mark(lines: list[Line | TableRegion[Line]]) -> list[Line | TableRegion[Line]]:
    """End the last line of the body with "./." (PL III samples); it goes with the signature onto its
    page (nd30.LAST_LINE_WITH_SIGNATURE). A body that ends with a table gets the mark on a line of
    its own under it."""
    if not lines:
        return lines
    last = lines[-1]
    if isinstance(last, TableRegion):
        return [*lines, Line(Role.PARAGRAPH, literal(nd30.BODY_END_MARK),
                             keep_with_next=nd30.LAST_LINE_WITH_SIGNATURE is not None)]
    return [*lines[:-1], attrs.evolve(last, text=end_with(last.text, nd30.BODY_END_MARK),
                                      keep_with_next=nd30.LAST_LINE_WITH_SIGNATURE is not None)]


def legal_basis_lines(bases: Sequence[Text]) -> list[Line]:
    """Căn cứ lines, each ending with ";" and the last with "." (PL I, II.6.a)."""
    return [Line(Role.LEGAL_BASIS, end_with(basis, nd30.LEGAL_BASIS_ENDS.end(i, len(bases))))
            for i, basis in enumerate(bases)]


# --------------------------------------------------------------------------------------------
# Signature and recipients (PL I, II.7 and II.9)


def signature_lines(signature: Signature, head: Line | None = None) -> SignatureRegion[Line]:
    """The quyền hạn lines and the position in capitals, then the signer's name (PL I, II.7); ``head``:
    a line its form prints over them ("ĐẠI DIỆN BÊN A")."""
    titles = [f"{m.authority.value} {m.of.upper()}" for m in signature.mandates]
    titles.append(signature.position.upper())
    return SignatureRegion(titles=(*((head,) if head is not None else ()),
                                   *(Line(Role.SIGNATURE_TITLE, literal(t)) for t in titles)),
                           name=Line(Role.SIGNER_NAME, literal(signature.name)))


def archive_text(archive: Archive) -> str:
    """``Lưu: VT, HC (2)`` (PL I, II.9.d), without the final full stop."""
    parts = ", ".join((nd30.ARCHIVE_REGISTRY, *archive.units))
    copies = f" ({archive.copies})" if archive.copies else ""
    return f"{nd30.ARCHIVE_LABEL} {parts}{copies}"


def recipient_lines(document: Document) -> list[Line]:
    """``Nơi nhận:`` and its list: "- " before each, ";" after each, "." after the last (PL I, II.9.d)."""
    entries = recipient_entries(document.recipients)
    # PL I, II.9.b: "Như trên" first when there is a Kính gửi; once, where the officer typed it already.
    above = {x.casefold() for x in nd30.AS_ABOVE_SPELLINGS}
    if document.addressees and not any(e.casefold() in above for e in entries):
        entries.insert(0, nd30.AS_ABOVE)
    if document.archive is not None:
        entries.append(archive_text(document.archive))
    return list_lines(entries)


def recipient_entries(recipients: Sequence[Recipient]) -> list[str]:
    """Each recipient as Nơi nhận lists it: its name, and its purpose in brackets."""
    return [f"{r.name} ({r.note})" if r.note else r.name for r in recipients]


def list_lines(entries: Sequence[str]) -> list[Line]:
    """``Nơi nhận:`` over ``entries``, each "- entry;", the last "- entry." (PL I, II.9.d); none for none."""
    if not entries:
        return []
    lines = [Line(Role.RECIPIENTS_HEADING, literal(nd30.RECIPIENTS_LABEL))]
    for i, entry in enumerate(entries):
        end = nd30.LIST_ENDS.end(i, len(entries))
        lines.append(Line(Role.RECIPIENT, literal(f"{nd30.LIST_ITEM_PREFIX}{entry}{end}"),
                          nd30.LIST_ITEM_PREFIX.strip()))
    return lines


def addressee_lines(addressees: Sequence[str]) -> list[Line]:
    """Kính gửi (PL I, II.9.d): one name on the label's line; several as "- name;" lines, last ".".

    With several names the first line is the label alone; the writer aligns the dashes in a list
    further in (PL III, Mẫu 1.5).
    """
    label = nd30.ADDRESSEES_LABEL
    if not addressees:
        return []
    if len(addressees) == 1:
        return [Line(Role.ADDRESSEES, literal(f"{label} {addressees[0]}{nd30.LIST_LAST_END}"), label)]
    out = [Line(Role.ADDRESSEES, literal(label), label)]
    for i, name in enumerate(addressees):
        end = nd30.LIST_ENDS.end(i, len(addressees))
        out.append(Line(Role.ADDRESSEES, literal(f"{nd30.LIST_ITEM_PREFIX}{name}{end}"),
                        nd30.LIST_ITEM_PREFIX.strip()))
    return out


# --------------------------------------------------------------------------------------------


def appendix_label(n: int, total: int) -> str:
    """"Phụ lục", or "Phụ lục II" when there are two or more (PL I, III.1.a: Roman numerals)."""
    return nd30.APPENDIX_WORD + (f" {nd30.roman(n)}" if total > 1 else "")


def appendix_note(document: Document, annex: Appendix | Attachment) -> str:
    """``(Kèm theo Kế hoạch số 05/KH-UBND ngày ... của Ủy ban nhân dân xã Hoàng Kim)`` (PL I, III.1.c;
    PL III, Mẫu 1.3 for an attached text): the document's number, date and issuer, or whom
    ``annex.of`` names; a number or date left blank stays blank."""
    of = annex.of or " ".join(map(on_one_line, document.issuer.name))
    return f"({nd30.APPENDIX_NOTE_WORDS} {reference_text(document)} của {of})"


def appendix_references(document: Document) -> Resolve:
    """A function that writes "{appendix:ID}" in a text as the appendix's label ("Phụ lục II")."""
    total = len(document.appendices)
    labels = {a.id: appendix_label(n, total) for n, a in enumerate(document.appendices, 1) if a.id}
    if not labels:
        return _same

    def resolve(text: Text) -> Text:
        if not any("{appendix:" in s.text for s in text.spans):
            return text
        return Text(tuple(s.restyled(APPENDIX_REFERENCE.sub(lambda m: labels.get(m[1], m[0]), s.text))
                          for s in text.spans))

    return resolve


def _appendix(document: Document, appendix: Appendix, n: int, total: int,
              resolve: Resolve) -> AppendixRegion[Line]:
    label = appendix_label(n, total)
    return AppendixRegion(
        label=Line(Role.APPENDIX_LABEL, literal(label), label),
        title=Line(Role.APPENDIX_TITLE, appendix.title.upper()) if appendix.title is not None else None,
        note=Line(Role.APPENDIX_NOTE, literal(appendix_note(document, appendix))),
        body=tuple(_Counter(resolve).lines(appendix.children)),  # numbering restarts in each appendix
        landscape=appendix.landscape,
    )


def _attachment(document: Document, attachment: Attachment, resolve: Resolve) -> AppendixRegion[Line]:
    """The text a quyết định issues (PL III, Mẫu 1.3): its tên loại and trích yếu as a document's (ô 5a),
    the "(Kèm theo Quyết định số …)" note, and its body, numbered on its own ("Điều 1." again) and
    ending "./." as the sample's does."""
    return AppendixRegion(
        label=Line(Role.DOCUMENT_TYPE_NAME, literal(attachment.type.upper())),
        title=Line(Role.SUMMARY, resolve(attachment.summary)),
        note=Line(Role.APPENDIX_NOTE, literal(appendix_note(document, attachment))),
        body=tuple(_with_end_mark(_Counter(resolve).lines(attachment.children))),
    )


def body_lines(blocks: Iterable[Any]) -> list[Line | TableRegion[Line]]:
    """Body blocks as printed lines, numbered by position (without the preamble, a form's fields and
    the closing "./."): what an editor shows beside the outline text."""
    return _Counter().lines(blocks)


def lay_out(document: Document) -> Layout:
    """The lines ``document`` prints, with every rule of the decree applied.

    Every region is laid out from the document; the regions its form (:func:`vbhc.nd30.form_of`)
    does not have are left empty: a công văn's "V/v" line instead of the tên loại and trích yếu, no
    place and date on a biên bản, the enacting words of a nghị quyết or quyết định.
    """
    from vbhc.layout.copy import copy_region  # the copy's module builds on this one's lines

    form = nd30.form_of(document.type, attached=document.attachment is not None)
    fields = form_text(document, form)  # a form of labelled fields (PL III, Mẫu 1.7-1.10) wraps the body
    resolve = appendix_references(document)
    preamble = [Line(Role.PARAGRAPH, resolve(p.text)) for p in document.preamble]
    body = _with_end_mark([*preamble, *fields.before, *_Counter(resolve).lines(document.body),
                           *fields.after])
    authority = document.enacting_authority
    laid_out: dict[Region, Any] = {
        Region.DRAFT: Line(Role.DRAFT, literal(draft_text(document.draft))) if document.draft else None,
        Region.PARENT_BODY: tuple(Line(Role.PARENT_BODY, literal(x.upper())) for x in document.issuer.parent),
        Region.ISSUER: tuple(Line(Role.ISSUER, literal(x)) for x, _ in issuer_lines(document)),
        Region.NUMBER: Line(Role.NUMBER, literal(number_text(document))),
        Region.LETTER_SUMMARY: (Line(Role.LETTER_SUMMARY, nd30.LETTER_SUMMARY_PREFIX + document.summary)
                                if document.summary else None),
        Region.NATIONAL_TITLE: Line(Role.NATIONAL_TITLE, literal(nd30.NATIONAL_TITLE_TEXT)),
        Region.MOTTO: Line(Role.MOTTO, literal(nd30.MOTTO_TEXT)),
        Region.PLACE_DATE: Line(Role.PLACE_DATE, literal(place_date_text(document))),
        Region.TYPE_NAME: Line(Role.DOCUMENT_TYPE_NAME, literal(document.type.type_name.upper())),
        Region.SUMMARY: (Line(Role.SUMMARY, document.summary),) if document.summary else (),
        Region.ADDRESSEES: tuple(addressee_lines(document.addressees)),
        Region.ENACTING_AUTHORITY: (Line(Role.ENACTING_AUTHORITY, literal(authority.upper()))
                                    if authority else None),
        Region.LEGAL_BASES: tuple(legal_basis_lines(document.legal_bases)),
        Region.ENACTMENT: Line(Role.ENACTMENT, literal(form.enacting_words)) if form.enacting_words else None,
        Region.BODY: tuple(body),
        Region.SIGNATURES: tuple(signature_lines(s, head) for s, head in itertools.zip_longest(
            document.signatures, fields.signature_heads[:len(document.signatures)])),
        Region.RECIPIENTS: tuple(recipient_lines(document)),
        Region.CONFIRMATION: fields.confirmation,
        Region.ATTACHMENT: (_attachment(document, document.attachment, resolve)
                            if document.attachment is not None else None),
        Region.APPENDICES: tuple(_appendix(document, a, i, len(document.appendices), resolve)
                                 for i, a in enumerate(document.appendices, 1)),
        **marks_and_boxes(document),
        Region.COPY: copy_region(document),
    }
    return Layout(form=form, signature_images=tuple(s.image for s in document.signatures),
                  issuer_paths=tuple(path for _, path in issuer_lines(document)),
                  **{region.value: value for region, value in laid_out.items() if region in form.regions})
