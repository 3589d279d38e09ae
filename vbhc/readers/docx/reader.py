"""A recognised document (:class:`~vbhc.recognise.components.Recognition`) read into spec data.

The data is what an officer would have typed in a spec (``examples/ke-hoach-hoang-kim.yaml``): header
fields parsed, the body as outline text with the numbers as the source typed them (the spec reader
checks and recomputes them, and says where they disagree), Nơi nhận names without their punctuation.
:func:`read_recognition` also says, paragraph by paragraph, what each was read as (the report), and
warns about every paragraph it could not place: that one goes into the body as a plain paragraph, in
its place, so nothing of the source is lost.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import Any

from attrs import define, field, frozen

from vbhc import nd30
from vbhc.errors import FieldError, VbhcError
from vbhc.model import Document, Paragraph, SignatureImage, Table
from vbhc.nd30 import Level, Role, numbering
from vbhc.ooxml.resolve import ResolvedDocument, ResolvedParagraph, ResolvedTable
from vbhc.readers.docx import fields
from vbhc.readers.docx.case import cased_line, cased_name, cased_text, place_names, with_case
from vbhc.readers.docx.paragraphs import markup_after, plain_text_of
from vbhc.readers.docx.particulars import read_particulars
from vbhc.readers.docx.references import link_appendices
from vbhc.readers.docx.tables import nested_lines, read_table
from vbhc.readers.spec.markup import parse_markup
from vbhc.readers.spec.outline import paragraph_line, parse_outline
from vbhc.recognise.closing import pictures
from vbhc.recognise.components import (
    AGENCY_WORDS,
    Recognised,
    Recognition,
    SignatureRegion,
    body_label,
    is_line_paragraph,
    is_national_title,
    is_upper,
    shown,
)
from vbhc.recognise.letter_summary import LABEL as LETTER_SUMMARY_LABEL
from vbhc.recognise.scope import OutOfScope

__all__ = ["TABLE_PLACEHOLDER", "Imported", "NotAnAdministrativeDocument", "NotGovernedByDecree30",
           "ReportRow", "place_tables", "read_recognition"]

TABLE_PLACEHOLDER = "[[vbhc-table-"  # a data table's line in outline text, until place_tables


class NotAnAdministrativeDocument(VbhcError):
    """The source has none of a Decree 30 document's marks: no Quốc hiệu, no type name, no "V/v"."""


class NotGovernedByDecree30(NotAnAdministrativeDocument):
    """The source is a document another regulation governs (vbhc.nd30.scope: a Party's or a union's, a
    legal normative one, a citizen's paper). The model holds only Decree 30's văn bản hành chính: rendered,
    such a document would get the Quốc hiệu and Decree 30's number and layout in place of its own, so it
    is refused, naming what was recognised and why."""

    def __init__(self, found: OutOfScope) -> None:
        s, p = found.scope, found.paragraph
        where = f' by "{found.text}" (paragraph {p.index + 1})' if p is not None and found.text else ""
        otherwise = f"; {s.otherwise}" if s.otherwise else ""
        super().__init__(f"this is {s.what}, recognised{where}: it is {s.reason()}; vbhc writes only "
                         "Decree 30's văn bản hành chính, so it is not imported (rendered, it would take "
                         f"Decree 30's thể thức in place of its own){otherwise}")


@frozen
class ReportRow:
    """One paragraph of the source (1-based ``paragraph``; 0 for a page header's or footer's, ``part``
    saying which), what it was read as, and its text."""

    paragraph: int
    role: str
    text: str
    part: str = "footer"  # where a paragraph numbered 0 stands: "header" (Word's page header) or "footer"

    def __str__(self) -> str:
        where = f"¶{self.paragraph}" if self.paragraph else self.part
        return f"{where:>6}  {self.role:<20} {self.text}"


@frozen
class Notice:
    """Something the import could not take as it stands; ``paragraph`` is 1-based (0: none)."""

    paragraph: int
    text: str
    message: str


@define
class Imported:
    """Spec data read from a source, the report of what was read as what, the warnings, and the data
    tables, each standing in the data's outline text as a placeholder paragraph (:func:`place_tables`
    puts them in the model)."""

    data: dict[str, Any]
    report: list[ReportRow] = field(factory=list)
    warnings: list[Notice] = field(factory=list)
    tables: dict[str, Table] = field(factory=dict)  # placeholder paragraph -> the table it stands for
    # a signer's index in data["signatures"] -> (the package part, the PNG's bytes) of their image
    images: dict[int, tuple[str, bytes]] = field(factory=dict)


_ROLE_NAMES = {r: r.name.lower().replace("_", "-") for r in Role}
_OUTLINE_ROLES = frozenset({Role.PARAGRAPH, Role.HEADING, Role.ITEM_TITLE, Role.ITEM, Role.POINT, Role.DASH,
                            Role.PLUS, Role.ARTICLE, Role.DIVISION_LABEL, Role.DIVISION_TITLE})
_SHORT = 60
_END_MARK = nd30.BODY_END_MARK


def _short(text: str) -> str:
    return text if len(text) <= _SHORT else text[:_SHORT - 1] + "…"


class _Reader:
    def __init__(self, doc: ResolvedDocument, rec: Recognition, header: dict[str, Any] | None,
                 placed: Iterable[int]) -> None:
        self.doc, self.rec = doc, rec
        self.paras = doc.paragraphs
        self.placed: set[int] = set(placed)
        self.out = Imported({})
        self.corpus = "\n".join(plain_text_of(p) for p in self.paras)
        self.header = header or {}
        self.preamble_lines: list[tuple[ResolvedParagraph, str]] = []
        self.counted: dict[Level, int] = {}  # the last number of each level in the lines read (count)
        # paragraphs whose label import wrote in the decree's form: (as typed, as written, the warning)
        self.relabelled: dict[int, tuple[str, str, Notice]] = {}
        self.appendix_data: list[dict[str, Any]] = []
        self.appendix_lines: list[list[tuple[ResolvedParagraph, str]]] = []
        self.appendix_labels: list[str] = []  # each appendix's label as the source typed it ("Phụ lục II")
        self.appendix_starts: list[int] = []
        self.body_lines: list[tuple[ResolvedParagraph, str]] = []

    # ---- bookkeeping ---------------------------------------------------------------------------

    def take(self, item: Recognised | None, role: str | None = None) -> str:
        """Mark ``item`` placed, report it, and return its text ("" for None)."""
        if item is None:
            return ""
        if item.paragraph.location == "body":  # a page header's paragraph numbers within its own part
            self.placed.add(item.paragraph.index)
        self.report(item.paragraph, role or _ROLE_NAMES[item.role], item.text)
        return item.text

    def report(self, paragraph: ResolvedParagraph, role: str, text: str) -> None:
        n = paragraph.index + 1 if paragraph.location == "body" else 0
        part = "header" if paragraph.location.startswith("header") else "footer"
        self.out.report.append(ReportRow(n, role, text, part))

    def warn(self, paragraph: ResolvedParagraph | None, message: str, text: str | None = None) -> None:
        """A warning on ``paragraph``, quoting ``text`` (its part of it) or the whole paragraph."""
        n = paragraph.index + 1 if paragraph is not None and paragraph.location == "body" else 0
        text = text if text is not None else shown(paragraph) if paragraph is not None else ""
        self.out.warnings.append(Notice(n, _short(text), message))

    # ---- the whole -----------------------------------------------------------------------------

    def run(self) -> Imported:
        rec, data = self.rec, self.out.data
        data.update(self.header)
        if rec.out_of_scope is not None:
            raise NotGovernedByDecree30(rec.out_of_scope)
        if rec.document_type is None and rec.national_title is None and "type" not in data:
            raise NotAnAdministrativeDocument(
                "this is not an administrative document: it has no Quốc hiệu, no type name (Kế hoạch, "
                "Quyết định, ...) and no \"V/v\" line, so there is nothing to import as Decree 30 components")
        self.take(rec.draft)
        if rec.draft is not None:
            data["draft"] = fields.draft(rec.draft.text)
        if rec.circulation is not None:
            data["circulation"] = fields.sentence_case(self.take(rec.circulation))
        for item in (rec.national_title, *rec.national_title_rest):  # "…CHỦ NGHĨA" / "VIỆT NAM" typed apart
            self.take(item)
        self.take(rec.motto)
        for line in (rec.motto_line, rec.issuer_line, rec.summary_line):
            if line is not None and line.paragraph.location == "body":
                self.placed.add(line.paragraph.index)
        self.issuer_and_number()
        self.place_and_date()
        self.marks()
        self.title()
        self.before_body()
        self.body()
        self.closing()
        self.appendices()
        self.copy()
        self.unplaced()
        link_appendices(data, self.appendix_labels, lambda message: self.warn(None, message), self.out.tables)
        return self.out

    # ---- header --------------------------------------------------------------------------------

    def issuer_and_number(self) -> None:
        rec, data = self.rec, self.out.data
        names = [self.take(x) for x in rec.issuer]
        parents = [self.take(x) for x in rec.parent_body]
        groups: list[str] = data.pop("_symbol", [])
        if rec.number is not None:
            parsed = fields.number(self.take(rec.number))
            if parsed is None:
                self.warn(rec.number.paragraph, 'expected "Số: 12/KH-UBND"; the number is left blank')
            else:
                data["number"], groups = parsed
        elif "number" not in data:
            data["number"] = None
        doc_type = rec.document_type
        if doc_type is None and "type" in data:
            doc_type = nd30.DocumentType(data["type"])
        if doc_type is not None:
            data["type"] = doc_type.value
            if groups and doc_type.abbreviation and fields.joint_code(groups[0], doc_type.abbreviation):
                groups = groups[1:]
        issuer: dict[str, Any] = dict(data.get("issuer", {}))
        bodies = _bodies(names)
        if len(bodies) >= 2 and len(groups) >= len(bodies):  # a joint document: one body a group
            data["joint_issuers"] = [{"name": self.cased_lines(b, "joint_issuers.name", rec.issuer[0]),
                                      "abbreviation": g}
                                     for b, g in zip(bodies[1:], groups[1:], strict=False)]
            names = bodies[0]
        if names:
            full = [nd30.written_in_full(line) for line in names]
            if full != names:
                self.warn(rec.issuer[0].paragraph, f"issuer.name: \"{' '.join(names)}\" written in full, "
                                                   f"\"{' '.join(full)}\" (PL I, II.2.a: only the parent "
                                                   "body's name is shortened)")
                if len(full) == 1:  # "UBND XÃ HOÀNG KIM": the name over two lines, the unit on the second
                    full = [part for part in _UNIT_LINE.split(full[0], maxsplit=1) if part]
            issuer["name"] = self.cased_lines(full, "issuer.name", rec.issuer[0])
        if parents:
            issuer["parent"] = self.cased_lines(parents, "issuer.parent", rec.parent_body[0])
        if groups:
            issuer["abbreviation"] = groups[0]
            rest = groups[len(data.get("joint_issuers", [])) + 1:]
            if rest:
                data["unit"] = rest[-1]
        contact = fields.contact(x.text for x in rec.contact)
        for x in rec.contact:
            self.report(x.paragraph, "contact", x.text)
        issuer.update(contact)
        if issuer:
            data["issuer"] = issuer

    def cased_lines(self, upper: Sequence[str], field_name: str,
                    at: Recognised | None = None) -> list[str]:
        """Header lines printed in capitals, in the case the document writes them elsewhere (its text
        names "Ủy ban nhân dân xã Hoàng Kim"), else by the rules of PL II (:mod:`.case`), with a warning
        naming ``field_name`` when a word's case could only be guessed."""
        places = [fields.place_date(self.rec.place_date.text)[0]] if self.rec.place_date is not None else []
        found = cased_name(upper, self.corpus, places)
        if not found.certain:
            self.warn(at.paragraph if at is not None else None,
                      f"{field_name}: printed only in capitals, and the document writes it nowhere else; "
                      f"read as \"{' '.join(found.lines)}\": check the case of its words (PL II "
                      "capitalises the first letter of an agency's field, \"Phòng Tài chính - Kế "
                      "hoạch\"); it prints in capitals either way")
        return found.lines

    def place_and_date(self) -> None:
        rec, data = self.rec, self.out.data
        if rec.place_date is None:
            if "date" not in data:
                self.date_from_text()
            return
        place, date = fields.place_date(self.take(rec.place_date))
        if place:
            data["place"] = place
        if date is not None:
            data["date"] = fields.date_text(date)
        else:
            self.warn(rec.place_date.paragraph, "expected a date such as \"ngày 05 tháng 3 năm 2024\"")

    def date_from_text(self) -> None:
        """No place and date line (a biên bản's date is in its text): the first date the text gives,
        and the place its issuer names, with a warning to check them."""
        data = self.out.data
        for p in self.paras:
            text = plain_text_of(p)
            _, date = fields.place_date(text) if "ngày" in text.lower() else (None, None)
            if date is not None:
                data["date"] = fields.date_text(date)
                place = fields.place_of(data.get("issuer", {}).get("name", []))
                if place:
                    data["place"] = place
                self.warn(p, f"no place and date line: the date is taken from this paragraph"
                             f"{' and the place from the issuer' if place else ''}; check them")
                return

    def marks(self) -> None:
        data = self.out.data
        for mark in self.rec.marks:
            text = self.take(mark)
            if mark.role is Role.SECRECY:
                data["secrecy"] = next(m.value for m in nd30.Secrecy if m.value.upper() == text.upper())
            else:
                data["urgency"] = next(m.value for m in nd30.Urgency if m.value.upper() == text.upper())
        if self.rec.issuance_note is not None:
            found = fields.issuance(self.take(self.rec.issuance_note))
            if found is not None:
                data["issuance"] = found

    def title(self) -> None:
        rec, data = self.rec, self.out.data
        self.take(rec.type_name)
        if rec.letter_summary is not None:
            self.take(rec.letter_summary)
            item = rec.letter_summary
            text = markup_after(item.paragraph, Role.LETTER_SUMMARY, span=item.span)
            label = LETTER_SUMMARY_LABEL.match(text)  # "V/v", "V/v:", "Về việc"
            lines = [text[label.end():] if label else text]
            for x in rec.letter_summary_rest:  # the V/v's lines broken by hand
                lines.append(markup_after(x.paragraph, Role.LETTER_SUMMARY))
                self.take(x)
            data["summary"] = " ".join(line.strip() for line in lines if line.strip())
        elif rec.summary:
            data["summary"] = self.summary_case(
                " ".join(markup_after(x.paragraph, Role.SUMMARY, span=x.span) for x in rec.summary),
                rec.summary)
            for x in rec.summary:
                self.take(x)

    def summary_case(self, text: str, items: Sequence[Recognised]) -> str:
        """A trích yếu printed in capitals (typed so, or by Word's "All caps") in the case the decree prints
        it (PL I, II.5.b: in thường): as typed under "All caps", else as the text writes it, else in
        sentence case with the document's place names (:func:`.case.cased_text`) and a warning."""
        if any(c.islower() or c in "*_[" for c in text) or not any(c.isalpha() for c in text):
            return text  # in thường already; or with emphasis marked, which a case change would not keep
        typed = " ".join(" ".join("".join(r.text for r in x.paragraph.runs if not r.vanish).split())
                         for x in items)
        if any(c.islower() for c in typed) and typed.upper() == text.upper():
            return typed
        place = fields.place_date(self.rec.place_date.text)[0] if self.rec.place_date is not None else None
        issuer = self.out.data.get("issuer", {}).get("name", [])
        found = cased_text(text, self.corpus, [*([place] if place else []), *place_names([" ".join(issuer)])])
        if not found.certain:
            self.warn(items[0].paragraph,
                      f"summary: printed only in capitals, and the document writes it nowhere else; read as "
                      f"\"{found.lines[0]}\": check the case of its proper names (PL II); vbhc prints the "
                      "trích yếu in thường (PL I, II.5.b)")
        return found.lines[0]

    def before_body(self) -> None:
        rec, data = self.rec, self.out.data
        names = [fields.addressee(self.take(x)) for x in rec.addressees]
        if any(names):
            data["addressees"] = [n for n in names if n]
        if rec.enacting_authority is not None:
            text = self.take(rec.enacting_authority)
            data["enacting_authority"] = fields.restore_case(text, self.corpus) or text
        if rec.legal_bases:
            data["legal_bases"] = [markup_after(x.paragraph, Role.LEGAL_BASIS) for x in rec.legal_bases]
            for x in rec.legal_bases:
                self.take(x)
        self.take(rec.enactment)

    # ---- body ----------------------------------------------------------------------------------

    def body(self) -> None:
        items = [x for x in self.rec.body if isinstance(x, Recognised)]
        lead, lines = self.particulars(items)
        if lead is not None:  # a form's fields: the lines before them are the preamble, the rest body
            preamble, rest = lead, lines
        else:
            first = next((n for n, x in enumerate(lines) if x.role is not Role.PARAGRAPH), len(lines))
            preamble, rest = lines[:first], lines[first:]
            if not rest:  # a text of plain paragraphs (a công văn): all of it is the body
                preamble, rest = [], lines
        self.preamble_lines = self.lines(preamble)
        self.body_lines = self.lines(rest)

    def particulars(self, items: list[Recognised]) -> tuple[list[Recognised] | None, list[Recognised]]:
        """The labelled fields of a form (PL III, Mẫu 1.6-1.10; an agreement's parties) read from the
        body's first and last lines into the form's particulars: the lines before the fields (None when
        there are no fields) and the body's lines."""
        doc_type = self.out.data.get("type")
        form = nd30.form_of(nd30.DocumentType(doc_type)) if doc_type else None
        if form is None or form.particulars is None or not items:
            return None, items
        lines = [(plain_text_of(x.paragraph), markup_after(x.paragraph, Role.PARAGRAPH)) for x in items]
        found = read_particulars(form, lines, self.rec.confirmation is not None)
        if found is None:
            return None, items
        data, lead, head, tail = found
        self.out.data[form.particulars] = data
        for x in [*items[lead:lead + head], *items[len(items) - tail:]]:
            self.take(x, "form-field")
        return items[:lead], items[lead + head:len(items) - tail]

    def lines(self, items: Sequence[Recognised]) -> list[tuple[ResolvedParagraph, str]]:
        """One outline line for each recognised body paragraph, the numbers as typed."""
        out = []
        self.counted.clear()
        for x in items:
            self.take(x)
            out.append((x.paragraph, self.outline_line(x)))
        return out

    def outline(self, lines: Sequence[tuple[ResolvedParagraph, str]]) -> str:
        """The outline text of ``lines``, with the outline reader's warnings named by paragraph."""
        text = "\n".join(line for _, line in lines)
        for note in parse_outline(text).warnings:
            if "starts in lower case" in note.message:
                continue
            paragraph, message = lines[note.line - 1][0], note.message
            relabelled = self.relabelled.get(paragraph.index)
            if relabelled is not None and message.startswith(f'typed "{relabelled[1]}"'):
                # "c." printed "c)" and then renumbered "b)": one warning, with what was typed
                typed, _, notice = relabelled
                self.out.warnings.remove(notice)
                message = _as_typed(paragraph, typed) + message[len(f'typed "{relabelled[1]}"'):]
            elif paragraph.numbering_label and message.startswith('typed "'):
                message = "Word's list shows" + message[len("typed"):]
            self.warn(paragraph, message)
        return text

    def outline_line(self, x: Recognised) -> str:
        if x.role not in _OUTLINE_ROLES or x.level is None:
            return paragraph_line(self.body_case(x, markup_after(x.paragraph, Role.PARAGRAPH)))
        rest = markup_after(x.paragraph, x.role, x.label)
        found = body_label(x.paragraph, x.text)
        label = _decree_label(x.level, found, self.count(x.level, found)) if found is not None else None
        if found is None or label is None:
            self.warn(x.paragraph, f'typed "{x.label}": no number of Decree 30 reads so; kept as typed, in a '
                                   "plain paragraph")
            return paragraph_line(markup_after(x.paragraph, Role.PARAGRAPH))
        typed = " ".join(x.label.split())
        if typed.rstrip(".").casefold() != label.rstrip(".").casefold() or (
                typed != label and x.level not in numbering.WORD_LEVELS):  # a word's case is check's business
            under = _UNDER.get(x.level, "") if x.level is not found.level else ""
            who = "practice writes" if x.level.numeral is numbering.Numeral.MARK else "the decree writes"
            as_typed = _as_typed(x.paragraph, typed)
            self.warn(x.paragraph, f'{as_typed}: {under}{who} "{label}"; vbhc prints it so')
            self.relabelled[x.paragraph.index] = (typed, label, self.out.warnings[-1])
        return f"{label} {rest}".strip() if rest else label

    def body_case(self, x: Recognised, line: str) -> str:
        """A body paragraph printed wholly in capitals (``line``, its markup) in thường, the case the decree
        prints the body in (PL I, II.6.e): as typed under Word's "All caps", else as the document writes
        its words elsewhere (:func:`.case.cased_line`), with a warning naming what was changed. A heading,
        a title, an abbreviation and a short line ("UBND", under :data:`Role.PARAGRAPH`'s threshold of
        letters) keep their capitals."""
        wanted = x.role.record.lower_case
        text = x.text[len(x.label):]
        if x.role is not Role.PARAGRAPH or wanted is None or not is_upper(text) or \
                sum(c.isalpha() for c in text) < wanted.min_letters:
            return line
        clause = x.role.typography.clause
        typed = "".join(r.text for r in x.paragraph.runs if not r.vanish)
        if any(c.islower() for c in typed):  # capitals by Word's "All caps" (w:caps): the text as typed
            cased = with_case(line, typed)
            if cased == line:  # the paragraph holds more than this component: its runs are not the line's
                return line
            self.warn(x.paragraph, f"a body paragraph printed in capitals by Word's \"All caps\": written as "
                                   f"typed, \"{_short(cased)}\", since the decree prints the body in lower "
                                   f"case (chữ in thường, {clause})")
            return cased
        place = fields.place_date(self.rec.place_date.text)[0] if self.rec.place_date is not None else None
        issuer = " ".join(self.out.data.get("issuer", {}).get("name", []))
        found = cased_line(text, self.corpus, [*([place] if place else []), *place_names([issuer])])
        cased = with_case(line, found.lines[0])
        if cased == line:
            return line
        why = ("as the document writes these words elsewhere" if found.certain else
               "in sentence case, since the document writes some of its words nowhere else: check the case "
               "of its proper names (PL II)")
        self.warn(x.paragraph, f"a body paragraph typed wholly in capitals: written \"{_short(cased)}\", "
                               f"{why}; the decree prints the body in lower case (chữ in thường, {clause})")
        return cased

    def count(self, level: Level, found: numbering.Label | None) -> int | None:
        """The number of a line read at ``level``: its typed one, or, for a label read at a level other
        than its form's ("1)" under a khoản), the next of that level; the levels it resets start again."""
        n = found.value if found is not None and found.level is level else self.counted.get(level, 0) + 1
        if isinstance(n, int):
            self.counted[level] = n
        for reset in level.resets:
            self.counted.pop(reset, None)
        return n if found is not None and found.level is not level else None

    # ---- closing -------------------------------------------------------------------------------

    def closing(self) -> None:
        rec, data = self.rec, self.out.data
        signatures = []
        signed: list[SignatureRegion[Recognised]] = []
        for block in rec.signatures:
            for t in block.titles:
                self.take(t)
            name = self.take(block.name)
            signature = self.signature([t.text for t in block.titles], name)
            if signature is not None:
                signatures.append(signature)
                signed.append(block)
            else:
                self.warn(block.titles[0].paragraph if block.titles else None,
                          "a signature block without a position or a name; give signatures in the spec")
        if signatures:
            data["signatures"] = signatures if len(signatures) > 1 else signatures[0]
        self.signature_extras(signed)
        recipients: list[str] = []
        has_addressees = bool(data.get("addressees"))
        for x in rec.recipients:
            text = self.take(x)
            if x.role is Role.RECIPIENTS_HEADING:
                continue
            entry = fields.list_entry(text)
            found = fields.archive(text)
            if found is not None:
                data["archive"] = found
            elif entry.casefold() == nd30.AS_ABOVE.casefold() and has_addressees:
                continue
            elif entry:
                recipients.append(entry)
                if text.startswith("+"):
                    self.warn(x.paragraph, 'a "+" sub-item of Nơi nhận: vbhc lists it as a line of its own '
                                           '("-")')
        if rec.recipients and "archive" not in data:
            data["archive"] = None
        if recipients:
            data["recipients"] = recipients
        if rec.confirmation is not None:
            self.take(rec.confirmation)

    def signature_extras(self, signed: Sequence[SignatureRegion[Recognised]]) -> None:
        """The placeholders left in a signature block ("(Đã ký)"), left out with a warning, and its
        pictures: the first PNG of a signer's block is the signature's image (:attr:`Imported.images`),
        every other picture named in a warning. Each is placed (not a body paragraph)."""
        for note in self.rec.signature_notes:
            self.take(note, "signature-note")
            self.warn(note.paragraph, "a placeholder where the signature goes: left out of the spec (vbhc "
                                      "leaves that space blank for the signature and the seal)", note.text)
        for p in self.rec.signature_pictures:
            self.placed.add(p.index)
            k = next((k for k in reversed(range(len(signed))) if _holds(signed[k], p)), None)
            for rid in pictures(p):
                part = self.picture_name(rid)
                data = self.doc.package.raw(part) if part.lower().endswith(".png") else None
                problem = _not_an_image(data) if data is not None else "not a PNG of at most 2 MB"
                if k is not None and k not in self.out.images and problem is None and data is not None:
                    self.out.images[k] = (part, data)
                    self.report(p, "signature-image", part)
                    continue
                why = problem if k is not None and k not in self.out.images else \
                    "one picture a signer is imported" if k is not None else "no signer's block holds it"
                self.warn(p, f"a picture in the signature block ({part}: a signature's scan or the seal) "
                             f"is not imported ({why}); to print a signature's image, save it as a PNG "
                             "beside the spec and name it in the signature (image: FILE.png)")

    def picture_name(self, rid: str) -> str:
        """The package part a picture's relationship id names ("word/media/image1.png"), else the id."""
        rel = self.doc.package.relationships(self.doc.package.main_part).get(rid)
        return rel.target if rel is not None and not rel.external else rid

    def typed(self, upper: str) -> str:
        """A title printed in capitals as it is typed: as the document writes it elsewhere, else in
        sentence case ("CHỦ TỊCH" → "Chủ tịch"); either prints the same."""
        found = fields.restore_case(upper, self.corpus)
        if found is not None:
            return found
        typed = fields.sentence_case(upper)
        # a deputy's post keeps the post's capital, as PL II writes titles: "Phó Chủ tịch", "Phó Giám đốc"
        deputy, _, post = typed.partition(" ")
        return f"{deputy} {post[:1].upper()}{post[1:]}" if deputy == "Phó" and post else typed

    def signature(self, titles: list[str], name: str) -> dict[str, Any] | None:
        positions: list[str] = []
        doc_type = self.out.data.get("type")
        form = nd30.form_of(nd30.DocumentType(doc_type)) if doc_type else None
        heads = dict(form.words).get("signs_for") if form is not None else None
        if heads:  # "ĐẠI DIỆN BÊN A" over an agreement's block: the form's words, not a title
            titles = [t for t in titles if not t.upper().startswith(heads + " ")]
        stack: list[tuple[str, str]] = []
        for n, t in enumerate(titles):
            found = fields.mandate(t)
            if found is not None and not positions:
                stack.append(found)
            elif stack and not positions and n < len(titles) - 1 and (
                    fields.names_a_place(t) or t.upper().startswith(AGENCY_WORDS)):
                # the collective's name run on to the next line: "TM. ỦY BAN NHÂN DÂN" / "XÃ HOÀNG KIM"
                stack[-1] = (stack[-1][0], f"{stack[-1][1]} {t}")
            else:
                positions.append(t)
        mandates = [f"{authority} {self.typed(of)}" for authority, of in stack]
        acting = f"{nd30.SigningAuthority.Q.value} "
        if not positions and mandates and mandates[-1].startswith(acting):
            # "Q. CHỦ TỊCH" over the name: the acting head's title is the line printed as their position
            positions = [f"{acting}{mandates.pop()[len(acting):].upper()}"]
        if not positions and mandates:  # "TM. ỦY BAN NHÂN DÂN" alone: the head signs for it
            return None
        if not positions or not name:
            return None
        out: dict[str, Any] = {}
        if mandates:
            out["mandates"] = mandates
        position = " ".join(positions)
        found = fields.mandate(position)  # "Q. CHỦ TỊCH" as a position: "Q. Chủ tịch", as a mandate is typed
        out["position"] = f"{found[0]} {self.typed(found[1])}" if found else self.typed(position)
        out["name"] = name
        return out

    # ---- appendices ----------------------------------------------------------------------------

    def appendices(self) -> None:
        """The attached text of a quyết định (PL III, Mẫu 1.3), then the appendices, each with its lines."""
        issuer = " ".join(self.out.data.get("issuer", {}).get("name", []))
        blocks = [*((self.rec.attachment,) if self.rec.attachment is not None else ()), *self.rec.appendices]
        for n, block in enumerate(blocks):
            attached = n == 0 and self.rec.attachment is not None
            label = self.take(block.label)
            if not attached:
                self.appendix_labels.append(label)
            appendix: dict[str, Any] = {"type": fields.sentence_case(label)} if attached else {}
            if block.title is not None:
                self.take(block.title)
                appendix["summary" if attached else "title"] = markup_after(
                    block.title.paragraph, Role.SUMMARY if attached else Role.APPENDIX_TITLE)
            if block.line is not None:
                self.placed.add(block.line.paragraph.index)
            if block.note is not None:
                note = self.take(block.note)
                of = note.rstrip(")").rpartition(" của ")[2].strip()
                if of and of.casefold() != issuer.casefold():
                    appendix["of"] = of
            section = block.label.paragraph.section_index
            if not attached and section is not None and section < len(self.doc.sections) and \
                    self.doc.sections[section].orientation == "landscape":
                appendix["landscape"] = True
            items = [x for x in block.body if isinstance(x, Recognised)]
            self.appendix_data.append(appendix)
            self.appendix_lines.append(self.lines(items))
            self.appendix_starts.append(block.label.paragraph.index)

    def copy(self) -> None:
        """A paper copy's block (SAO Y, SAO LỤC, TRÍCH SAO; PL III, Mẫu 3.1) into ``copy``."""
        block = self.rec.copy
        if block is None:
            return
        kind = self.take(block.kind)
        out: dict[str, Any] = {"kind": next(k.value for k in nd30.CopyKind if k.words == kind.upper())}
        names = [self.take(x) for x in block.issuer]
        if block.number is not None:
            parsed = fields.number(self.take(block.number))
            if parsed is not None and parsed[0] is not None:
                out["number"] = parsed[0]
        if block.place_date is not None:
            place, date = fields.place_date(self.take(block.place_date))
            if date is not None:
                out["date"] = fields.date_text(date)
            if place and place != self.out.data.get("place"):
                out["place"] = place
        if block.signature is not None:
            for t in block.signature.titles:
                self.take(t)
            titles = [t.text for t in block.signature.titles]
            signature = self.signature(titles, self.take(block.signature.name))
            if signature is not None:
                out["signature"] = signature
        recipients = []
        for x in block.recipients:
            text = self.take(x)
            if x.role is Role.RECIPIENT and fields.archive(text) is None:
                recipients.append(fields.list_entry(text))
        if recipients:
            out["recipients"] = recipients
        issuer = self.out.data.get("issuer", {})
        if names and [n.upper() for n in names] != [n.upper() for n in issuer.get("name", [])]:
            number = fields.number(block.number.text) if block.number is not None else None
            groups = number[1] if number is not None else []
            out["issuer"] = {"name": self.cased_lines(names, "copy.issuer.name"),
                             "abbreviation": groups[-1] if groups else "?"}
        self.out.data["copy"] = out

    def data_tables(self) -> list[tuple[ResolvedParagraph, str]]:
        """A placeholder line for each data table (not the header's, the closing's or a copy's block),
        where it stands; the table itself in :attr:`Imported.tables`."""
        rec = self.rec
        layout = {rec.header_table, rec.closing_table, rec.signature_table}
        if rec.copy is not None:
            layout |= {x.paragraph.table[0] for x in rec.copy.items() if x.paragraph.table is not None}
        out = []
        by_table: dict[int, list[ResolvedParagraph]] = {}
        for p in self.paras:
            if p.table is not None:
                by_table.setdefault(p.table[0], []).append(p)
        tables = self.doc.tables
        for table in tables:
            if table.parent is not None or table.index in layout or table.location != "body":
                continue
            own = by_table.get(table.index, [])
            if not own:
                continue
            inner = [p for t in tables if t.index != table.index and _nested_in(tables, t.index, table.index)
                     for p in by_table.get(t.index, [])]
            nested, left = nested_lines(own, inner)
            read, problems = read_table(table, own, lambda p, role: parse_markup(markup_after(p, role)),
                                        nested)
            if read is not None:  # a nested table's paragraphs are lines of their cell
                kept = {p.index for p in left}
                self.placed.update(p.index for p in inner if p.index not in kept)
            for p in own:
                if shown(p):
                    self.report(p, "table-header" if _in_header(read, p) else "table-cell", shown(p))
            if self._landscape_in_body(own[0]):
                problems.append("it stands on a landscape page, and vbhc prints the body on portrait pages: "
                                "its columns are narrowed to the text width (a wide table goes into a phụ "
                                "lục with landscape: true)")
            for problem in problems:
                self.warn(own[0], f"in the table: {problem}")
            if read is None:
                continue  # its paragraphs stay, unplaced, as plain paragraphs
            self.placed.update(p.index for p in own)
            key = f"{TABLE_PLACEHOLDER}{len(self.out.tables) + 1}]]"
            self.out.tables[key] = read
            out.append((own[0], key))
        return out

    def _landscape_in_body(self, p: ResolvedParagraph) -> bool:
        """Whether ``p`` stands on a landscape page before the first appendix (whose own pages may be
        landscape: ``landscape: true``)."""
        sections = self.doc.sections
        on_landscape = p.section_index is not None and p.section_index < len(sections) and \
            sections[p.section_index].orientation == "landscape"
        return on_landscape and not (self.appendix_starts and p.index > self.appendix_starts[0])

    # ---- what is left --------------------------------------------------------------------------

    def unplaced(self) -> None:
        """Every paragraph not read as a component: a plain paragraph of the body (of the preamble
        before the body's first line, of an appendix after its label), where it stands, with a warning
        naming it. Data tables go where they stand too."""
        pre, body = self.preamble_lines, self.body_lines
        first = (pre or body or [(None, "")])[0][0]
        extra: list[tuple[ResolvedParagraph, str, bool]] = [(p, line, True) for p, line in self.data_tables()]
        for p in self.paras:
            text = shown(p)
            if p.index in self.placed or not text or is_line_paragraph(p) or is_national_title(text):
                continue
            self.report(p, "unplaced", text)
            where = "an appendix" if bisect.bisect_right(self.appendix_starts, p.index) else "the body"
            self.warn(p, f"not recognised as a component: kept as a plain paragraph of {where}")
            extra.append((p, paragraph_line(markup_after(p, Role.PARAGRAPH)), False))
        for p, line, table in extra:
            at = bisect.bisect_right(self.appendix_starts, p.index)
            if at:
                self.appendix_lines[at - 1].append((p, line))
            elif first is not None and p.index < first.index and not table:
                pre.append((p, line))
            else:
                body.append((p, line))
        body.sort(key=lambda x: x[0].index)
        # vbhc writes the closing "./." itself (after the last block, a table too), for a "."
        at = len(body) - 1
        while at >= 0 and body[at][1].startswith(TABLE_PLACEHOLDER):
            at -= 1
        if at >= 0 and body[at][1].endswith(_END_MARK):
            last = body[at][1][:-len(_END_MARK)].rstrip()
            body[at:at + 1] = [(body[at][0], f"{last}.")] if last else []
        data = self.out.data
        for name, lines in (("preamble", pre), ("body", body)):
            lines.sort(key=lambda x: x[0].index)
            if lines:
                data[name] = self.outline(lines)
        for appendix, lines in zip(self.appendix_data, self.appendix_lines, strict=True):
            lines.sort(key=lambda x: x[0].index)
            appendix["children"] = self.outline(lines) if lines else []
        appendices = self.appendix_data
        if self.rec.attachment is not None and appendices:
            data["attachment"], appendices = appendices[0], appendices[1:]
        if appendices:
            data["appendices"] = appendices
        # Word's page header first, then the body's paragraphs in order, then the footer's
        self.out.report.sort(key=lambda r: (r.paragraph == 0 and r.part != "header", r.paragraph or -1))


def _holds(block: SignatureRegion[Recognised], paragraph: ResolvedParagraph) -> bool:
    """Whether ``paragraph`` may belong to ``block``: in its container, from its first title on (the last
    such block holds it: a picture under the name is that signer's)."""
    first = block.titles[0].paragraph if block.titles else None
    return first is not None and paragraph.table == first.table and first.index <= paragraph.index


def _not_an_image(data: bytes) -> str | None:
    """Why a PNG cannot be a signature's image (:class:`vbhc.model.SignatureImage`), or None."""
    try:
        SignatureImage(data)
    except FieldError as exc:
        return exc.found
    return None


# Where a body's name written on one line is broken in two, as offices and vbhc print it: before the unit
# ("ỦY BAN NHÂN DÂN" / "XÃ HOÀNG KIM"; PL I, II.2.b lets a long name stand on several lines).
_UNIT_LINE = re.compile(rf"\s+(?=(?:{fields.UNIT_PATTERN})\s)", re.IGNORECASE)


def _bodies(names: Sequence[str]) -> list[list[str]]:
    """The issuer lines of a header, one list per body: a line that opens with an agency word ("ỦY
    BAN", "HỘI", "SỞ") starts a body (the recogniser's :data:`AGENCY_WORDS`)."""
    out: list[list[str]] = []
    for line in names:
        if not out or line.upper().startswith(AGENCY_WORDS):
            out.append([])
        out[-1].append(line)
    return out


# How an office's label read at a level other than its form's is said in the import's warning.
_UNDER = {Level.POINT: "a điểm under the khoản above: ", Level.DASH: "a level under the điểm above: ",
          Level.PLUS: "a level under the bullet above: ", Level.ITEM: "a khoản: "}


def _as_typed(paragraph: ResolvedParagraph, label: str) -> str:
    """How a warning names a label: as typed, or as Word's automatic numbering shows it."""
    return f'Word\'s list shows "{label}"' if paragraph.numbering_label else f'typed "{label}"'


def _decree_label(level: Level, found: numbering.Label, counted: int | None = None) -> str | None:
    """The label the decree writes for a line read at ``level`` from the label ``found``: its number as
    typed ("Phần thứ nhất" is "I.") or, for a label read at another level than its form's, ``counted``
    ("2)" read as the second điểm is "b)"); None where no number is read."""
    if level.numeral is numbering.Numeral.MARK:
        return level.word
    value = found.value if counted is None else counted
    if isinstance(value, str) and value[-1:].isdigit():  # "1.2": the last number counts
        value = int(value.rpartition(".")[2])
    if isinstance(value, int):
        return numbering.label(level, value) if level.limit is None or value <= level.limit else None
    if isinstance(value, str) and level.numeral is numbering.Numeral.LETTER:
        return numbering.labelled(level, value)
    if isinstance(value, str) and level.numeral is numbering.Numeral.ROMAN:
        return numbering.labelled(level, value.upper())
    return None


def read_recognition(doc: ResolvedDocument, rec: Recognition, header: dict[str, Any] | None = None,
                     placed: Iterable[int] = ()) -> Imported:
    """Spec data for the recognised ``doc``; ``header`` holds fields read before recognition from the
    paragraphs ``placed`` (the header lines of pasted text). Raises :class:`NotAnAdministrativeDocument`."""
    return _Reader(doc, rec, header, placed).run()


def _nested_in(tables: Sequence[ResolvedTable], index: int, host: int) -> bool:
    """Whether table ``index`` lies, at any depth, in a cell of table ``host``."""
    parent = tables[index].parent
    while parent is not None:
        if parent == host:
            return True
        parent = tables[parent].parent
    return False


def _in_header(table: Table | None, paragraph: ResolvedParagraph) -> bool:
    return table is not None and paragraph.table is not None and paragraph.table[1] < len(table.header)


def place_tables(document: Document, tables: dict[str, Table]) -> Document:
    """``document`` with each placeholder paragraph replaced by the table it stands for."""
    if not tables:
        return document
    import attrs

    def swap(blocks: tuple[Any, ...]) -> tuple[Any, ...]:
        out = []
        for block in blocks:
            if isinstance(block, Paragraph) and block.text.plain in tables:
                out.append(tables[block.text.plain])
            elif getattr(block, "children", None):
                out.append(attrs.evolve(block, children=swap(block.children)))
            else:
                out.append(block)
        return tuple(out)

    return attrs.evolve(document, body=swap(document.body), appendices=tuple(
        attrs.evolve(a, children=swap(a.children)) for a in document.appendices))
