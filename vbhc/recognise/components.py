"""Recognise a document's Decree 30 components from text patterns and position, never from style names.

Documents made in Word have no vbhc styles, so :func:`recognise` reads what is printed and where:

- the **Quốc hiệu** is found by its words (either spelling of "HÒA", any case, line breaks ignored);
  the table that holds it is the header table, and the cells to its left hold the issuer;
- above the Quốc hiệu, a draft's mark ("DỰ THẢO", "Dự thảo lần 2") and a circulation note (ô 11:
  "XEM XONG TRẢ LẠI", "LƯU HÀNH NỘI BỘ");
- in the header, the **Tiêu ngữ** ("Độc lập - ..."), "Số:" (the number), "V/v" (a công văn's
  trích yếu), "..., ngày ... tháng ... năm ..." (place and date), the secrecy and urgency marks, and
  upper-case lines on the left (the parent body and the issuer: a non-bold block over a bold one, or
  a block that opens with a new agency word such as "PHÒNG" or "SỞ"); a table inside the header's
  table (the urgency stamp's rectangle) is part of the header;
- below the header, the **tên loại** (a type name of Art. 7) and the trích yếu under it, "Kính gửi",
  the enacting authority and "QUYẾT ĐỊNH:" of a quyết định, and the căn cứ ("Căn cứ", "Theo đề nghị");
- the **body** up to the closing, each paragraph classified by its first characters (or Word's own
  numbering label): "Chương I", "Mục 1", "Điều 1.", "I.", "1.", "1.1.", "a)", "-", "+";
- the **closing**: a table (or paragraphs) with "Nơi nhận:" and its list, and the signature block
  (upper-case lines, e.g. "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH", then the signer's name);
- under Nơi nhận, the drafter's initials and number of copies (ô 12: "PL.(300)");
- in page 1's footer, the issuer's address, phone, e-mail and website (ô 13);
- the **attached text** of a quyết định that issues one (PL III, Mẫu 1.3) after the closing: its tên
  loại ("QUY CHẾ", "ĐIỀU LỆ") opening a section or page, its trích yếu, "(Kèm theo Quyết định ...)";
- **appendices** after the closing ("Phụ lục I", its title, "(Kèm theo ...)");
- a **copy's block** at the end (PL III, Mẫu 3.1): a table holding "SAO Y", "SAO LỤC" or "TRÍCH SAO",
  with the copying body, its "Số:", the place and date, Nơi nhận and the signature.

Offices' habits are read too: a header laid out with tabs or runs of spaces instead of a table (each
column of a line a component of its own, :attr:`Recognised.span`); the Quốc hiệu typed over two
paragraphs (:attr:`Recognition.national_title_rest`); text boxes (read by the resolver after their
anchor); "T/M" typed for "TM." (:func:`typed_authority`); Nơi nhận and the signature side by side with
tabs; forms attached after the closing ("Mẫu số 01/...", :attr:`Recognition.forms`, each numbered on
its own); and a paper that is no administrative document at all (:attr:`Recognition.is_administrative`).
The closing's own habits (a stack or a Nơi nhận typed in one paragraph, the placeholders and pictures
in a signature block, Word bullets and "+" lines in Nơi nhận) are :mod:`vbhc.recognise.closing`'s.

The lines under the Tiêu ngữ, the issuer and the trích yếu are a border of the text's paragraph or of
an empty paragraph under it, a line shape, or (a finding) underscores typed as text.

Each recognised paragraph gets a :class:`vbhc.nd30.Role`, the same vocabulary vbhc renders from, and
the :class:`Recognition` has the regions a layout has (:class:`vbhc.layout.Regions`), so the two can be
compared region by region.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from attrs import define, frozen

from vbhc import nd30
from vbhc.layout.regions import AppendixRegion, CopyRegion, Regions, SignatureRegion
from vbhc.nd30 import Level, Role, numbering
from vbhc.ooxml.resolve import ResolvedDocument, ResolvedParagraph, ResolvedRun
from vbhc.recognise.closing import LIST_MARKS, block_extras, broken_lines
from vbhc.recognise.forms import confirmation_at, lead_in_at, lead_in_roles
from vbhc.recognise.levels import Labelled, levels

if TYPE_CHECKING:
    from vbhc.recognise.scope import OutOfScope
from vbhc.recognise.letter_summary import letter_summary_line

_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})
_COLUMN_GAP = re.compile(r"[ \u00a0]*\t[\t \u00a0]*|[ \u00a0]{3,}")
_UNDERSCORES = re.compile(r"^[_\-–—=─.·…]{3,}$")
_NUMBER = re.compile(r"^số\b", re.IGNORECASE)
_LETTER_SUMMARY = re.compile(r"^v\s*/\s*v\b", re.IGNORECASE)
_DATE = re.compile(r"\bngày\b.*\btháng\b.*\bnăm\b|,\s*ngày\b|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}",
                   re.IGNORECASE)
_AUTHORITY = re.compile(
    rf"^({'|'.join(re.escape(a.value.rstrip('.')) for a in nd30.SigningAuthority)})\s*\.", re.IGNORECASE)
# The quyền hạn as offices type it (practice): "T/M", "T.M", "K/T", "TM" or "KT:" for "TM.", "KT."; a
# bare "Q" only with its full stop. Read by typed_authority().
_TYPED_AUTHORITY = re.compile(
    r"^(?P<typed>(?P<a>T)\s*[/.]\s*(?P<b>M|L|UQ)\s*\.?|(?P<c>K)\s*[/.]\s*(?P<d>T)\s*\.?"
    r"|(?P<e>TM|KT|TL|TUQ)\s*[.:]?|(?P<f>Q)\s*\.)(?:(?<=[.:])|(?=\s))(?=\s*\S)")
_NOTE = re.compile(r"^\(.*\)$")
_LEGAL_PREFIXES = tuple(w.lower() for w in nd30.LEGAL_BASIS_OPENINGS)
# "Nơi nhận", with or without its colon, alone or before its list; not running text that opens with
# the words ("Nơi nhận hồ sơ là ...").
_RECIPIENTS = re.compile(rf"^{re.escape(nd30.RECIPIENTS_LABEL.rstrip(':'))}\s*(?::|$)", re.IGNORECASE)
# A form's label as laws print them over an attached form (practice): "Mẫu số 01/TK", "Mẫu số: 02", "Mẫu 1.3"
_FORM_LABEL = re.compile(r"^mẫu\s*(?:số)?\s*:?\s*\d", re.IGNORECASE)
_MAX_FORM_LABEL_WORDS = 4
# Ô 13's lines as offices type them (practice): "Địa chỉ: ...", "ĐT: ...", "E-mail: ...", "Website: ..."
_CONTACT = re.compile(r"^(?:địa chỉ|điện thoại|đt|fax|e-?mail|thư điện tử|website|trang thông tin)\b\s*:",
                      re.IGNORECASE)
# An appendix's note, with or without its brackets: "(Kèm theo ...)", "Ban hành kèm theo ..." (practice).
_APPENDIX_NOTE = re.compile(rf"^\(?\s*(?:ban hành\s+)?{nd30.APPENDIX_NOTE_WORDS}\b", re.IGNORECASE)
_ADDRESSEES = nd30.ADDRESSEES_LABEL.rstrip(":").lower()  # "kính gửi"
_MAX_SUMMARY_LINES = 3
_MAX_TITLE_WORDS = 12
_LEAD_IN_WITHIN = 3  # the line that opens a form's text is among the body's first lines (Mẫu 1.6, 1.8)
_MAX_SIGNATURE_LINES = 8
_RIGHT_COLUMN_CM = 5.0  # a line indented this far stands in the page's right half (a signature typed so)
_MIN_ANCHORS = 2  # of Recognition.anchors, for a document to be taken for an administrative one

# Words that open the name of an agency: a new one in the header's left column starts a new body
# (the parent body above the issuer). Recognition vocabulary, not a decree rule.
AGENCY_WORDS = (
    "ỦY BAN", "UỶ BAN", "UBND", "HỘI ĐỒNG", "HĐND", "BỘ ", "SỞ ", "PHÒNG ", "BAN ", "CỤC ", "TỔNG CỤC",
    "CHI CỤC", "VỤ ", "VIỆN ", "HỌC VIỆN", "TRƯỜNG ", "ĐẠI HỌC", "BỆNH VIỆN", "TRUNG TÂM", "CÔNG AN",
    "VĂN PHÒNG", "THANH TRA", "ĐẢNG ỦY", "ĐOÀN ", "HỘI ", "CÔNG TY", "TỔNG CÔNG TY", "TẬP ĐOÀN", "TÒA ÁN",
    "TOÀ ÁN", "KHO BẠC", "BẢO HIỂM", "NGÂN HÀNG", "CHI NHÁNH", "BỘ CHỈ HUY", "CHÍNH PHỦ", "QUỐC HỘI",
    # the mass organisations' committees and branches ("BCH HỘI LHPN XÃ …", "BTV HUYỆN ĐOÀN", "CHI HỘI …")
    "BCH ", "BTV ", "CHI HỘI", "CÔNG ĐOÀN", "LIÊN ĐOÀN", "ĐẢNG BỘ", "CHI BỘ",
)
# Words of a position or a body, which a signer's name never contains.
_NOT_A_NAME = ("CHỦ TỊCH", "GIÁM ĐỐC", "TRƯỞNG", "PHÓ", "CHÁNH", "THƯ KÝ", "CHỦ TỌA", "CHỦ TOẠ", "TỔNG",
               "ỦY VIÊN", "BÍ THƯ", "KẾ TOÁN", "ỦY BAN", "HỘI ĐỒNG", "VĂN PHÒNG", "NHÂN DÂN", "NGƯỜI",
               "THỦ", "QUYỀN", "CÁN BỘ", "CÔNG CHỨC")


def clean(text: str) -> str:
    """NFC, every kind of space (tabs and line breaks too) as one space, trimmed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def shown(paragraph: ResolvedParagraph) -> str:
    """The paragraph as printed: Word's numbering label, ``w:caps`` runs in capitals, no hidden runs;
    a line break (``w:br``) is a space: a name or trích yếu broken by hand is still one component."""
    return clean(" ".join(shown_lines(paragraph)))


def shown_lines(paragraph: ResolvedParagraph) -> list[str]:
    """The paragraph as printed (:func:`shown`), line by line where it holds line breaks."""
    text = "".join(r.text.upper() if r.caps else r.text for r in paragraph.runs if not r.vanish)
    if paragraph.numbering_label:
        text = f"{paragraph.numbering_label} {text}"
    return [clean(line) for line in text.split("\n")]


def span_text(paragraph: ResolvedParagraph, start: int, end: int) -> str:
    """The part of a paragraph between two offsets of its text, as printed (``w:caps`` in capitals, no
    hidden runs), cleaned."""
    out, at = [], 0
    for run in paragraph.runs:
        after = at + len(run.text)
        if after > start and at < end and not run.vanish:
            piece = run.text[max(start - at, 0):end - at]
            out.append(piece.upper() if run.caps else piece)
        at = after
    return clean("".join(out))


def columns(paragraph: ResolvedParagraph) -> list[tuple[str, int, int]]:
    """The columns of a line laid out with tabs or runs of spaces: (text, start, end) in its text."""
    text = paragraph.text
    out, at = [], 0
    for gap in itertools.chain(_COLUMN_GAP.finditer(text), [None]):
        end = gap.start() if gap is not None else len(text)
        piece = span_text(paragraph, at, end) if text[at:end].strip() else ""
        if piece:
            out.append((piece, at, end))
        at = gap.end() if gap is not None else end
    return out


def is_upper(text: str) -> bool:
    """Whether every letter of ``text`` is a capital (and there is at least one letter)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _key(text: str) -> str:
    """Comparison key: upper case, one spelling of "HÒA", dashes as "-", single spaces."""
    return clean(text).upper().translate(_DASHES).replace("HOÀ", "HÒA").replace("UỶ", "ỦY")


_NATIONAL_KEYS = frozenset(_key(t) for t in nd30.NATIONAL_TITLE_SPELLINGS)
_NATIONAL_PREFIX = _key(nd30.NATIONAL_TITLE_TEXT).rsplit(" ", 2)[0]  # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA"
_MOTTO_PREFIX = _key(nd30.MOTTO_TEXT).split(" - ")[0]  # "ĐỘC LẬP"
_TYPES_BY_NAME = {_key(t.type_name): t for t in nd30.DocumentType}
_ATTACHED_KEYS = frozenset(_key(name) for name in nd30.ATTACHED_TEXT_NAMES)
_NOTE_OPENS = f"({nd30.APPENDIX_NOTE_WORDS}"  # "(Kèm theo ...)" under an appendix's or attached text's title
_NOTE_WITHIN = 3  # an attached text's note follows its tên loại within its trích yếu's lines
_ENACTMENT_KEYS = frozenset(_key(f.enacting_words).rstrip(":") for f in nd30.FORMS if f.enacting_words)
# A draft's mark (practice, nd30.DRAFT): "DỰ THẢO", "Dự thảo lần 2", "DỰ THẢO 2", "Dự thảo (lần 3)".
_DRAFT_MARK = re.compile(rf"^{_key(nd30.DRAFT_WORDS)}"
                         rf"(?:\s*[(:\-]?\s*(?:{_key(nd30.DRAFT_ROUND_WORD)}\s*)?\d+\)?)?$")
_CIRCULATION = frozenset(_key(x) for x in nd30.CIRCULATION_NOTES)
_COPY_KINDS = frozenset(_key(k.words) for k in nd30.CopyKind)
# Ô 12: the drafter's initials in capitals, a full stop, and the copies in brackets: "PL.(300)", "PL."
_ISSUANCE = re.compile(r"^[A-ZĐ]{1,8}\.?\s*(?:\(\s*\d+\s*\))?$")
_MARKS = ({_key(m.value): Role.SECRECY for m in nd30.Secrecy}
          | {_key(m.value): Role.URGENCY for m in nd30.Urgency})


def is_national_title(text: str) -> bool:
    key = _key(text)
    return key in _NATIONAL_KEYS or key.startswith(_NATIONAL_PREFIX)


def _fully_bold(paragraph: ResolvedParagraph) -> bool:
    runs = paragraph.visible_runs
    return bool(runs) and all(r.bold for r in runs)


def _fully_italic(paragraph: ResolvedParagraph) -> bool:
    runs = [r for r in paragraph.visible_runs if r.text.strip()]
    return bool(runs) and all(r.italic for r in runs)


def _words(text: str) -> list[str]:
    return text.split()


# --------------------------------------------------------------------------------------------
# Results


@dataclass(eq=False)
class Recognised:
    """One paragraph with its role. ``label`` is its number as printed ("I.", "1.", "a)", "Điều 3.",
    "Chương II", "-") and ``level`` what the label numbers; ``value`` is the number (int) or letter."""

    paragraph: ResolvedParagraph
    role: Role
    text: str
    label: str = ""
    level: Level | None = None
    value: int | str | None = None
    # (start, end) in ``paragraph.text`` of a column of a line laid out with tabs or spaces ("ỦY BAN NHÂN
    # DÂN<tab><tab>CỘNG HÒA ..."): one paragraph, two components; None: the whole paragraph
    span: tuple[int, int] | None = None

    @property
    def typed(self) -> str:
        """The item's part of its paragraph's text, as typed (line breaks kept)."""
        return self.paragraph.text if self.span is None else self.paragraph.text[self.span[0]:self.span[1]]

    @property
    def in_columns(self) -> bool:
        """Whether the item is a column of a line laid out with tabs or spaces (its place is set by
        them: no alignment or width of its own), not a line of a paragraph broken by line breaks."""
        return self.span is not None and len(columns(self.paragraph)) > 1

    @property
    def runs(self) -> tuple[ResolvedRun, ...]:
        """The visible runs of the item: the paragraph's, or those its span overlaps."""
        if self.span is None:
            return self.paragraph.visible_runs
        out, at = [], 0
        start, end = self.span
        for run in self.paragraph.runs:
            after = at + len(run.text)
            if after > start and at < end and not run.vanish and not run.is_blank:
                out.append(run)
            at = after
        return tuple(out)


@dataclass(eq=False)
class RuleLine:
    """A decree line under a component: a paragraph border, a drawn shape, or underscores (a finding).

    ``length_pt`` is None for underscores; ``paragraph`` is where the line is (the text's own paragraph
    when it is that paragraph's bottom border or a shape anchored in it).
    """

    kind: str
    paragraph: ResolvedParagraph
    length_pt: float | None


@frozen(kw_only=True)
class AppendixBlock(AppendixRegion[Recognised]):
    """One recognised Phụ lục (or attached text: its tên loại as the label, its trích yếu as the title):
    its label, title, "(Kèm theo ...)" note and body, and the line under them."""

    line: RuleLine | None = None


@frozen(kw_only=True)
class EmbeddedForm:
    """A form attached to the document ("Mẫu số 01/TK" and what follows up to the next form): its own
    small header, title, numbered lines and signature, laid out as the form is. Its lines are not the
    document's regions (the checker holds none of them to the document's typography); ``body`` is
    every non-empty line outside tables, classified for its numbering, which starts again in each form."""

    label: Recognised
    body: tuple[Recognised, ...] = ()


@define(kw_only=True)
class Recognition(Regions[Recognised]):
    """Everything recognised in one document: the page's regions (:class:`~vbhc.layout.Regions`, the
    shape a layout has), the lines drawn under the Tiêu ngữ, the issuer and the trích yếu, the
    document type, and the tables of the header and the closing. Missing components are None or empty.
    """

    motto_line: RuleLine | None = None
    issuer_line: RuleLine | None = None
    summary_line: RuleLine | None = None
    document_type: nd30.DocumentType | None = None
    header_table: int | None = None
    closing_table: int | None = None
    signature_table: int | None = None  # the signers' own table over a closing table of Nơi nhận alone
    # the Quốc hiệu's words typed on in the next paragraph(s): "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM"
    national_title_rest: tuple[Recognised, ...] = ()
    # a công văn's V/v broken over the next paragraph(s) of its cell by hand
    letter_summary_rest: tuple[Recognised, ...] = ()
    forms: tuple[EmbeddedForm, ...] = ()  # forms attached after the closing or in a phụ lục
    out_of_scope: OutOfScope | None = None  # what Decree 30 does not govern (recognise/scope.py)
    # in the signature blocks: the placeholders left where the signature goes ("(Đã ký)"), and the
    # paragraphs that hold a picture (the signature's scan, the seal); recognition.closing
    signature_notes: tuple[Recognised, ...] = ()
    signature_pictures: tuple[ResolvedParagraph, ...] = ()

    @property
    def form(self) -> nd30.Form:
        """The form (Mẫu) the document is held to: its type's (Mẫu 1.3 for a quyết định with an attached
        text), or the most common when no type is known."""
        if self.document_type is None:
            return nd30.DEFAULT_FORM
        return nd30.form_of(self.document_type, attached=self.attachment is not None)

    @property
    def recipients_heading(self) -> Recognised | None:
        """"Nơi nhận:", the first line of the recipients region."""
        first = self.recipients[0] if self.recipients else None
        return first if first is not None and first.role is Role.RECIPIENTS_HEADING else None

    @property
    def anchors(self) -> list[str]:
        """The components that make a paper an administrative document, as far as they were found."""
        # a tên loại only as one of Art. 7's types: any centred title in capitals ("HÓA ĐƠN GIÁ TRỊ GIA TĂNG",
        # "SƠ YẾU LÝ LỊCH") is not the mark of an administrative document
        typed = (self.type_name or self.letter_summary) if self.document_type is not None else None
        found = {"Quốc hiệu": self.national_title, "Tiêu ngữ": self.motto, "tên cơ quan": self.issuer,
                 '"Số:"': self.number, "tên loại": typed,
                 "chữ ký": self.signatures, '"Nơi nhận:"': self.recipients_heading}
        return [name for name, value in found.items() if value]

    @property
    def is_administrative(self) -> bool:
        """Whether the document is an administrative document at all: its Quốc hiệu, or two of its anchors
        found (a meeting's notes or a letter has none or one; a document with a broken header keeps the
        rest)."""
        return self.national_title is not None or len(self.anchors) >= _MIN_ANCHORS

    def items(self) -> list[Recognised]:
        """Every line of every region (:meth:`Regions.items`), and the Quốc hiệu's continued lines."""
        return [*super().items(), *self.national_title_rest, *self.letter_summary_rest]

    @property
    def national_title_text(self) -> str:
        """The Quốc hiệu's words, over all the paragraphs it is typed in."""
        lines = [x for x in (self.national_title, *self.national_title_rest) if x is not None]
        return " ".join(x.text for x in lines)

    def all(self) -> list[Recognised]:
        """Every recognised paragraph, in reading order."""
        return sorted(self.items(), key=lambda r: r.paragraph.index)

    def roles(self) -> dict[int, Role]:
        """Role of each recognised body paragraph, by its index (0-based)."""
        return {item.paragraph.index: item.role for item in self.all()}


# --------------------------------------------------------------------------------------------
# Geometry


def text_width_pt(doc: ResolvedDocument, paragraph: ResolvedParagraph) -> float | None:
    """Width (pt) a paragraph's container leaves its text: the cell's, or the section's text block."""
    if paragraph.table is not None:
        t, row, cell = paragraph.table
        if t >= len(doc.tables):
            return None
        width_cm = doc.tables[t].cell_text_width_cm(row, cell)
        return width_cm / 2.54 * 72 if width_cm is not None else None
    index = paragraph.section_index or 0
    section = doc.sections[index] if index < len(doc.sections) else doc.sections[-1]
    width, left, right = section.page_width_mm, section.margins.get("left"), section.margins.get("right")
    if width is None:
        return None
    return (width - (left or 0.0) - (right or 0.0)) / 25.4 * 72


def paragraph_width_pt(doc: ResolvedDocument, paragraph: ResolvedParagraph) -> float | None:
    """Width (pt) of the paragraph itself: its container's less its left and right indents."""
    container = text_width_pt(doc, paragraph)
    if container is None:
        return None
    indents = (paragraph.indent_left_cm + paragraph.indent_right_cm) / 2.54 * 72
    return max(container - indents, 0.0)


def _same_container(a: ResolvedParagraph, b: ResolvedParagraph) -> bool:
    return a.table == b.table and a.location == b.location


def _line_in(doc: ResolvedDocument, paragraph: ResolvedParagraph, own: bool) -> RuleLine | None:
    """The line ``paragraph`` draws: a shape anchored in it; its bottom border (``own``: the text's own
    paragraph) or any border of an empty paragraph; or underscores typed as its only text."""
    if paragraph.drawn_lines:
        return RuleLine("drawing", paragraph, max(paragraph.drawn_lines))
    if own:
        if "bottom" in paragraph.borders:
            return RuleLine("border", paragraph, paragraph_width_pt(doc, paragraph))
        return None
    text = shown(paragraph)
    if not text and ("top" in paragraph.borders or "bottom" in paragraph.borders):
        return RuleLine("border", paragraph, paragraph_width_pt(doc, paragraph))
    if text and _UNDERSCORES.match(text.replace(" ", "")):
        return RuleLine("underscores", paragraph, None)
    return None


def line_under(doc: ResolvedDocument, paragraphs: Sequence[ResolvedParagraph],
               last: ResolvedParagraph) -> RuleLine | None:
    """The line under ``last``: its own bottom border or shape, else the next paragraph in its container
    when that paragraph is only a line (a border on an empty paragraph, a shape, or underscores)."""
    found = _line_in(doc, last, own=True)
    if found is not None:
        return found
    at = last.index + 1
    while at < len(paragraphs) and _same_container(paragraphs[at], last):
        following = paragraphs[at]
        if shown(following) or following.drawn_lines or following.borders:
            return _line_in(doc, following, own=False)
        at += 1  # an empty spacer paragraph between the text and its line
    return None


def is_line_paragraph(paragraph: ResolvedParagraph) -> bool:
    """Whether a paragraph only draws a line (an empty bordered paragraph, a shape, or underscores)."""
    text = shown(paragraph)
    if not text:
        return bool(paragraph.borders or paragraph.drawn_lines)
    return bool(_UNDERSCORES.match(text.replace(" ", "")))


# --------------------------------------------------------------------------------------------
# Body classification

_LEVEL_ROLE = {Level.CHAPTER: Role.DIVISION_LABEL, Level.SECTION: Role.DIVISION_LABEL,
               Level.DIVISION: Role.DIVISION_LABEL, Level.ARTICLE: Role.ARTICLE, Level.PART: Role.HEADING,
               Level.POINT: Role.POINT, Level.DASH: Role.DASH, Level.PLUS: Role.PLUS}
_TERMINAL = (".", ";", ":", "!", "?", "…", ",")


def body_label(paragraph: ResolvedParagraph, text: str) -> numbering.Label | None:
    """The label a body paragraph starts with (:func:`numbering.read_label` of its text as shown), or
    Word's bullet that reads as no label: the "o" of Word's default second level (Courier New), a
    glyph of a font vbhc does not map."""
    found = numbering.read_label(text)
    word = paragraph.numbering_label
    if found is None and word is not None and len(word) == 1 and (not word.isalnum() or word == "o"):
        return numbering.Label(Level.DASH, "", None, word, text[len(word):].strip())
    return found


def classify(paragraph: ResolvedParagraph, text: str, level: Level | None = None) -> Recognised:
    """Role and label of one body paragraph from its first characters (:func:`body_label`); ``level``:
    the level its label stands for where it stands (:mod:`vbhc.recognise.levels`)."""
    found = body_label(paragraph, text)
    if found is None:
        return Recognised(paragraph, Role.PARAGRAPH, text)
    level = level or found.level
    if level in (Level.ITEM, Level.SUBITEM):
        rest = found.rest
        titled = not rest.endswith(_TERMINAL) or (_fully_bold(paragraph) and rest.endswith(":"))
        role = Role.ITEM_TITLE if titled else Role.ITEM
    else:
        role = _LEVEL_ROLE[level]
    return Recognised(paragraph, role, text, found.label, level, found.value)


def classify_body(paragraphs: Iterable[ResolvedParagraph]) -> list[Recognised]:
    """Roles of body paragraphs (empty ones left out); a division label's next line is its title."""
    out: list[Recognised] = []
    title_next = False
    for p in paragraphs:
        text = shown(p)
        if not text:
            continue
        item = classify(p, text)
        if title_next and item.role is Role.PARAGRAPH and (is_upper(text) or p.alignment == "center"):
            item = Recognised(p, Role.DIVISION_TITLE, text)
        title_next = item.role is Role.DIVISION_LABEL and not item.text[len(item.label):].strip(" .:")
        out.append(item)
    found = levels([Labelled(x.level, x.label, x.value, x.paragraph.numbering_level
                             if x.paragraph.numbering_label else None) if x.level is not None else None
                    for x in out])
    return [classify(x.paragraph, x.text, level) if level is not x.level else x
            for x, level in zip(out, found, strict=True)]


# --------------------------------------------------------------------------------------------
# Recognition


class _Recogniser:
    def __init__(self, doc: ResolvedDocument, paragraphs: Sequence[ResolvedParagraph] | None = None) -> None:
        self.doc = doc
        self.paras = doc.paragraphs if paragraphs is None else tuple(paragraphs)
        self.texts = [shown(p) for p in self.paras]
        self.r = Recognition()

    def rec(self, index: int, role: Role) -> Recognised:
        return Recognised(self.paras[index], role, self.texts[index])

    def flow_after(self, start: int) -> Iterable[int]:
        """Indices of non-empty paragraphs outside tables, from ``start`` on."""
        for i in range(start, len(self.paras)):
            if self.paras[i].table is None and self.texts[i]:
                yield i

    def run(self) -> Recognition:
        q = next((i for i, t in enumerate(self.texts[:200]) if t and is_national_title(t)), None)
        tabbed = None if q is not None else next(
            (i for i, t in enumerate(self.texts[:200]) if t and len(self.paras[i].text) < 400
             and any(is_national_title(c[0]) for c in columns(self.paras[i])[1:])), None)
        after_header = 0
        if tabbed is not None:
            after_header = self.tabbed_header(tabbed)
        elif q is not None:
            marks = (i for i in range(q) if _DRAFT_MARK.match(_key(self.texts[i])))
            self.r.draft = next((self.rec(i, Role.DRAFT) for i in marks), None)
            notes = (i for i in range(q) if _key(self.texts[i]) in _CIRCULATION)
            self.r.circulation = next((self.rec(i, Role.CIRCULATION) for i in notes), None)
            after_header = self.header(q)
        else:  # the header table typed in Word's page header (page 1's), not in the body
            part = first_page_part(self.doc, header=True)
            top = next((i for i, p in enumerate(part) if is_national_title(shown(p))), None)
            if top is not None:
                inner = _Recogniser(self.doc, part)
                inner.r = self.r
                inner.header(top)
        title_end = self.title(after_header)
        body_start = self.preamble(title_end)
        self.closing_and_appendices(body_start)
        footer = tuple(Recognised(p, Role.CONTACT, shown(p)) for p in first_page_footer(self.doc) if shown(p))
        self.r.contact = footer or self.r.contact  # else the lines typed under the closing, if any
        return self.r

    # ---- header ------------------------------------------------------------------------------

    def header(self, q: int) -> int:
        r, paras, texts = self.r, self.paras, self.texts
        qp = paras[q]
        q_lines = self.lines_of(q)
        r.national_title = _as(q_lines[0], Role.NATIONAL_TITLE)
        q_rest = q_lines[1:]  # the Tiêu ngữ (and more) typed under the Quốc hiệu after a line break
        r.national_title_rest = tuple(self.rec(i, Role.NATIONAL_TITLE) for i in self.title_rest(q))
        above = {x.paragraph.index for x in (r.draft, r.circulation, *r.national_title_rest) if x is not None}
        if qp.table is not None:
            table = qp.table[0]
            r.header_table = table
            inside = _tables_within(self.doc, table)
            region = [i for i, p in enumerate(paras) if p.table is not None and p.table[0] in inside]
            end = region[-1] + 1
            left_cells = {(p.table[1], p.table[2]) for p in paras if p.table is not None
                          and p.table[0] == table and p.table[2] < qp.table[2]}
        else:  # no header table: the paragraphs up to the Quốc hiệu, then header-like lines after it
            end = q + 1
            for i in range(q + 1, min(len(paras), q + 12)):
                if texts[i] and not self.header_like(i):
                    break
                end = i + 1
            region = list(range(0, end))
            left_cells = set()
        issuer_candidates: list[Recognised] = []
        marks: list[Recognised] = []  # gathered in lists, made tuples once: linear in the header's size
        issuer_closed = False
        for i in region:
            if i in above or not texts[i]:
                continue
            for unit in q_rest if i == q else self.lines_of(i):
                p, text = unit.paragraph, unit.text
                on_left = (p.table is not None and (p.table[1], p.table[2]) in left_cells) or (
                    p.table is None and i < q)
                if _UNDERSCORES.match(text.replace(" ", "")):
                    if on_left and issuer_candidates:
                        issuer_closed = True
                    continue
                found = self.header_line(unit, marks)
                if found is None and on_left and r.number is not None:
                    found = letter_summary_line(r, unit)  # "Về việc …"; the V/v's next lines
                if found is Role.NUMBER:
                    issuer_closed = True
                elif found is None and on_left and not issuer_closed and (
                        is_upper(text) or p.table is not None):
                    issuer_candidates.append(unit)
                    if "bottom" in p.borders or p.drawn_lines:
                        issuer_closed = True
        self.header_end(issuer_candidates, marks)
        return end

    def header_line(self, unit: Recognised, marks: list[Recognised]) -> Role | None:
        """The header component ``unit`` is, by its words, set in the recognition (a mark added to
        ``marks``): Tiêu ngữ, Số, V/v, place and date, a mark; None when it is none of these."""
        r, text = self.r, unit.text
        key = _key(text)
        for name, role, hit in (("motto", Role.MOTTO, key.startswith(_MOTTO_PREFIX)),
                                ("number", Role.NUMBER, bool(_NUMBER.match(text))),
                                ("letter_summary", Role.LETTER_SUMMARY, bool(_LETTER_SUMMARY.match(text))),
                                ("place_date", Role.PLACE_DATE, bool(_DATE.search(text)))):
            if hit and getattr(r, name) is None:
                setattr(r, name, _as(unit, role))
                return role
        if key in _MARKS:
            marks.append(_as(unit, _MARKS[key]))
            return _MARKS[key]
        return None

    def header_end(self, issuer_lines: list[Recognised], marks: list[Recognised]) -> None:
        """The marks, the issuer split from its parent body, and the lines under the issuer and Tiêu ngữ."""
        r = self.r
        r.marks = tuple(marks)
        parent, issuer = self.split_bodies(issuer_lines)
        r.parent_body = tuple(_as(x, Role.PARENT_BODY) for x in parent)
        r.issuer = tuple(_as(x, Role.ISSUER) for x in issuer)
        if r.issuer:
            r.issuer_line = line_under(self.doc, self.paras, r.issuer[-1].paragraph)
        if r.motto is not None:
            r.motto_line = line_under(self.doc, self.paras, r.motto.paragraph)

    def lines_of(self, i: int) -> list[Recognised]:
        """A header paragraph as its components: the whole paragraph, or, when a manual line break
        starts another component ("CỘNG HÒA ...↵Độc lập ...", "Số: 12/UBND-VP↵V/v ..."), each part between
        those breaks (:attr:`Recognised.span`). The first part keeps the lines that continue it (a long
        issuer's name broken over two lines stays one issuer)."""
        p = self.paras[i]
        whole = [Recognised(p, Role.PARAGRAPH, self.texts[i])]
        if "\n" not in p.text:
            return whole
        parts: list[tuple[int, int]] = []
        at = 0
        for line in p.text.split("\n"):
            stop = at + len(line)
            text = clean(line)
            if text and parts and self.starts_component(text):
                parts.append((at, stop))
            elif text and parts:
                parts[-1] = (parts[-1][0], stop)
            elif text:
                parts.append((at, stop))
            at = stop + 1
        if len(parts) < 2:
            return whole
        return [Recognised(p, Role.PARAGRAPH, span_text(p, a, b), span=(a, b)) for a, b in parts]

    @staticmethod
    def starts_component(text: str) -> bool:
        """Whether a line opens a header component of its own (Tiêu ngữ, Số, V/v, date, a mark)."""
        key = _key(text)
        return bool(key.startswith(_MOTTO_PREFIX) or _NUMBER.match(text) or _LETTER_SUMMARY.match(text)
                    or _DATE.search(text) or key in _MARKS)

    def tabbed_header(self, q: int) -> int:
        """A header laid out with tabs or spaces, no table: each line's left column (the issuer, "Số:")
        and right column (Quốc hiệu, Tiêu ngữ, place and date) recognised apart. Returns its end."""
        r, paras, texts = self.r, self.paras, self.texts
        end = q + 1
        for i in range(q + 1, min(len(paras), q + 12)):
            if paras[i].table is not None or (texts[i] and len(columns(paras[i])) < 2
                                               and not self.header_like(i)):
                break
            end = i + 1
        issuer: list[Recognised] = []
        marks: list[Recognised] = []
        for i in range(0, end):
            p = paras[i]
            if p.table is not None or not texts[i]:
                continue
            cols = columns(p)
            for n, (text, start, stop) in enumerate(cols):
                on_left = (n == 0 and len(cols) > 1) or (len(cols) == 1 and start == 0
                                                         and p.alignment in ("left", "both"))
                item = Recognised(p, Role.PARAGRAPH, text, span=(start, stop))
                if _UNDERSCORES.match(text.replace(" ", "")):
                    continue
                if r.national_title is None and is_national_title(text):
                    r.national_title = _as(item, Role.NATIONAL_TITLE)
                elif (self.header_line(item, marks) is None and on_left and is_upper(text)
                      and r.number is None):
                    issuer.append(item)
        self.header_end(issuer, marks)
        return end

    def title_rest(self, q: int) -> list[int]:
        """The paragraphs the Quốc hiệu's words run on into, when ``q`` holds only their beginning."""
        whole = _key(nd30.NATIONAL_TITLE_TEXT)
        typed, out = _key(self.texts[q]), []
        i = q + 1
        while typed != whole and whole.startswith(typed) and i < len(self.paras) and len(out) < 2:
            if not self.texts[i]:
                i += 1
                continue
            joined = f"{typed} {_key(self.texts[i])}"
            if not _same_container(self.paras[i], self.paras[q]) or not whole.startswith(joined):
                break
            typed = joined
            out.append(i)
            i += 1
        return out if typed == whole else []

    def header_like(self, i: int) -> bool:
        """Whether a paragraph is one of the header's lines (Tiêu ngữ, Số, V/v, date, marks, a line)."""
        text = self.texts[i]
        key = _key(text)
        return bool(key.startswith(_MOTTO_PREFIX) or _NUMBER.match(text) or _DATE.search(text)
                    or _LETTER_SUMMARY.match(text) or key in _MARKS or is_line_paragraph(self.paras[i]))

    def split_bodies(self, lines: list[Recognised]) -> tuple[list[Recognised], list[Recognised]]:
        """(parent body, issuer) from the header's upper-case left lines."""
        if len(lines) < 2:
            return [], lines
        starts = [n for n, x in enumerate(lines) if n == 0 or _key(x.text).startswith(AGENCY_WORDS)]
        bold = [bool(x.runs) and all(run.bold for run in x.runs) for x in lines]
        if any(bold) and not all(bold):
            k = bold.index(True)
            if all(bold[k:]) and k in starts:  # a plain block over a bold one that opens a new agency
                return lines[:k], lines[k:]
        if len(starts) > 1 and not all(bold):
            return lines[:starts[-1]], lines[starts[-1]:]
        return [], lines  # one body, or the bold names of a joint document's issuers stacked

    # ---- title -------------------------------------------------------------------------------

    def title(self, start: int) -> int:
        """Tên loại, trích yếu and its line; returns the index after them."""
        r, texts, paras = self.r, self.texts, self.paras
        if r.letter_summary is not None:
            r.document_type = nd30.DocumentType.CONG_VAN
        flow = list(self.flow_after(start))
        if not flow:
            return start
        first = flow[0]
        text = texts[first]
        doc_type = _TYPES_BY_NAME.get(_key(text))
        if doc_type is None and r.letter_summary is None and paras[first].alignment == "center":
            joined = type_and_summary(paras[first], text)  # "KẾ HOẠCH TRIỂN KHAI …" typed on one line
            if joined is not None:
                r.document_type, r.type_name, summary = joined
                r.summary = (summary,)
                r.summary_line = line_under(self.doc, paras, paras[first])
                return first + 1 if r.summary_line is None else max(first, r.summary_line.paragraph.index) + 1
        looks_like_title = (doc_type is not None or (
            is_upper(text) and paras[first].alignment == "center" and len(_words(text)) <= 6
            and not _AUTHORITY.match(text) and classify(paras[first], text).role is Role.PARAGRAPH))
        if not looks_like_title or (r.letter_summary is not None and doc_type is None):
            return start
        r.type_name = self.rec(first, Role.DOCUMENT_TYPE_NAME)
        if doc_type is not None:
            r.document_type = doc_type
        end = first + 1
        for i in flow[1:1 + _MAX_SUMMARY_LINES]:
            if any(paras[k].table is not None for k in range(end, i)):
                break
            p, t = paras[i], texts[i]
            if is_line_paragraph(p) or (r.summary and (is_upper(t) or p.alignment != "center")):
                break
            # A căn cứ or Kính gửi ends the title block; a centred line opening with a căn cứ's words
            # is the trích yếu's (a căn cứ is justified: PL I, II.6.a).
            if t.lower().startswith(_ADDRESSEES) or (
                    t.lower().startswith(_LEGAL_PREFIXES) and p.alignment != "center") or (
                    r.summary and classify(p, t).role is not Role.PARAGRAPH):
                break
            if doc_type is not None and lead_in_at(nd30.form_of(doc_type), [t]) is not None:
                break  # the centred "… trân trọng giới thiệu:" opens the text (Mẫu 1.8), no trích yếu
            if not r.summary and p.alignment != "center" and p.first_line_cm > 0:
                break
            r.summary += (self.rec(i, Role.SUMMARY),)
            end = i + 1
            if line_under(self.doc, paras, p) is not None:
                break
        if r.summary:
            r.summary_line = line_under(self.doc, paras, r.summary[-1].paragraph)
            if r.summary_line is not None:
                end = max(end, r.summary_line.paragraph.index + 1)
        return end

    # ---- before the body: Kính gửi, enacting authority, căn cứ, QUYẾT ĐỊNH: ------------------

    def preamble(self, start: int) -> int:
        r, texts, paras = self.r, self.texts, self.paras
        flow = list(self.flow_after(start))
        # A công văn's "Căn cứ ...", "Xét đề nghị ..." open sentences of its body (PL III, Mẫu 1.4), unless
        # an enacting authority stands over them as in a quyết định, or they are set in italics as căn cứ
        # are (PL I, II.6.a): a công văn may cite its bases too
        titled = r.form.has_type_line
        addressees: list[Recognised] = []
        legal_bases: list[Recognised] = []
        end = flow[-1] + 1 if flow else start
        n = 0
        while n < len(flow):
            i = flow[n]
            text, low = texts[i], texts[i].lower()
            if low.startswith(_ADDRESSEES) and not addressees:
                addressees.append(self.rec(i, Role.ADDRESSEES))
                while n + 1 < len(flow) and texts[flow[n + 1]].startswith(("-", "–", "+")) \
                        and not texts[addressees[-1].paragraph.index].endswith("."):
                    n += 1
                    addressees.append(self.rec(flow[n], Role.ADDRESSEES))
            elif (r.enacting_authority is None and not legal_bases
                  and (is_upper(text) or paras[i].alignment == "center")
                  and _key(text).rstrip(":") not in _ENACTMENT_KEYS
                  and classify(paras[i], text).role is Role.PARAGRAPH and n + 1 < len(flow)
                  and (texts[flow[n + 1]].lower().startswith(_LEGAL_PREFIXES) or (  # or "QUYẾT ĐỊNH:" next
                      r.form.enacting_words is not None and _key(texts[flow[n + 1]]).rstrip(":")
                      in _ENACTMENT_KEYS))):
                r.enacting_authority = self.rec(i, Role.ENACTING_AUTHORITY)
            elif (titled or r.enacting_authority is not None or _fully_italic(paras[i])) \
                    and low.startswith(_LEGAL_PREFIXES) and r.enactment is None:
                legal_bases.append(self.rec(i, Role.LEGAL_BASIS))
            elif r.enactment is None and _key(text).rstrip(":") in _ENACTMENT_KEYS:
                r.enactment = self.rec(i, Role.ENACTMENT)
            else:
                end = i
                break
            n += 1
        r.addressees, r.legal_bases = tuple(addressees), tuple(legal_bases)
        return end

    # ---- closing and appendices -------------------------------------------------------------

    def closing_and_appendices(self, body_start: int) -> None:
        r, texts, paras = self.r, self.texts, self.paras
        copy_at = self.copy_start(body_start)
        end = copy_at if copy_at is not None else len(paras)
        appendix_at = self.appendix_start(body_start)
        if appendix_at is not None and appendix_at >= end:
            appendix_at = None
        attachment_at = self.attachment_start(body_start)
        if attachment_at is not None and attachment_at >= (appendix_at if appendix_at is not None else end):
            attachment_at = None
        limit = next((x for x in (attachment_at, appendix_at) if x is not None), end)
        candidates: list[int] = []
        closing_table = self.closing_table(body_start, limit)
        if closing_table is not None:
            r.closing_table = closing_table
            candidates.append(next(i for i, p in enumerate(paras) if p.table and p.table[0] == closing_table))
            signed = r.signature_table = self.signature_table_over(candidates[-1], body_start)
            if signed is not None:
                candidates.append(next(i for i, p in enumerate(paras) if p.table and p.table[0] == signed))
        flow = [i for i in self.flow_after(body_start) if i < limit]
        heading = next((i for i in flow if _RECIPIENTS.match(texts[i])), None)
        if heading is not None:
            candidates.append(heading)
        ends = [*candidates, limit]
        authority = next((i for i in flow if self.opens_signature(i, flow, min(
            (e for e in ends if e > i), default=limit))), None)
        if authority is not None:
            candidates.append(authority)
        for n, i in enumerate(flow):
            if texts[i].endswith(nd30.BODY_END_MARK) and n + 1 < len(flow):
                following = texts[flow[n + 1]]
                if is_upper(following) and len(_words(following)) <= _MAX_TITLE_WORDS:
                    candidates.append(flow[n + 1])
                break
        closing_start = min(candidates) if candidates else limit
        body = [p for p in paras[body_start:closing_start] if p.table is None]
        r.body = tuple(classify_body(body))
        lead = lead_in_at(r.form, [x.text for x in r.body[:_LEAD_IN_WITHIN]])
        if lead is not None:  # PL III, Mẫu 1.6, 1.8: the centred "… điện:" line, then its receivers
            r.body = lead_in_roles(r.body, lead)
        forms = [i for i in self.flow_after(closing_start) if i < end and self.is_form_label(i)]
        if forms:
            limit = min(limit, forms[0])
            end_of_annexes = forms[0]
        else:
            end_of_annexes = end
        self.closing(closing_start, limit)
        if attachment_at is not None and attachment_at < end_of_annexes:
            self.r.attachment = self.annex(attachment_at, min(appendix_at if appendix_at is not None else end,
                                                              end_of_annexes),
                                           Role.DOCUMENT_TYPE_NAME, Role.SUMMARY)
        if appendix_at is not None and appendix_at < end_of_annexes:
            self.appendices(appendix_at, end_of_annexes)
        if forms:
            self.forms(forms, end)
        if copy_at is not None:
            self.copy(copy_at)

    def opens_signature(self, i: int, flow: Sequence[int], end: int) -> bool:
        """Whether the quyền hạn line ``i`` ("TM. ỦY BAN NHÂN DÂN", or a stack typed in one paragraph)
        opens a signature block: the lines of ``flow`` from it up to ``end`` (the closing's next part)
        are one block with a signer's name. A body line that only opens so ("Q. CHỦ TỊCH ỦY BAN NHÂN
        DÂN XÃ", the post a quyết định giao quyền names; "TL. CHỦ TỊCH, ..." in a plan) does not."""
        first = shown_lines(self.paras[i])[0]
        if not (typed_authority(first) and is_upper(first) and len(_words(first)) <= _MAX_TITLE_WORDS):
            return False
        at, most = bisect.bisect_left(flow, i), 2 * _MAX_SIGNATURE_LINES  # its lines and placeholders
        segment = list(itertools.takewhile(lambda k: k < end, flow[at:at + most + 1]))
        if len(segment) > most:
            return False  # a block holds a few lines, never a page of them
        block = self.signature(segment)
        return block is not None and block.name is not None and _looks_like_name(block.name.text)

    def copy_start(self, start: int) -> int | None:
        """Where a copy's block begins: the table holding "SAO Y" (or "SAO LỤC", "TRÍCH SAO"), and the
        full-width line just above it."""
        kind = next((i for i in range(start, len(self.paras)) if self.paras[i].table is not None
                     and _key(self.texts[i]) in _COPY_KINDS), None)
        if kind is None:
            return None
        table = self.paras[kind].table[0]  # type: ignore[index]
        first = next(i for i in range(start, kind + 1) if self.paras[i].table is not None
                     and self.paras[i].table[0] == table)  # type: ignore[index]
        return first - 1 if first > start and is_line_paragraph(self.paras[first - 1]) else first

    def copy(self, start: int) -> None:
        """The copy's block (PL III, Mẫu 3.1): each line by its words, the signature by its column."""
        paras, texts = self.paras, self.texts
        table = next(p.table[0] for p in paras[start:] if p.table is not None)
        cells: dict[tuple[int, int], list[int]] = {}
        for i in range(start, len(paras)):
            p = paras[i]
            if p.table is not None and p.table[0] == table and texts[i]:
                cells.setdefault((p.table[1], p.table[2]), []).append(i)
        kind = number = place_date = signature = None
        issuer: list[Recognised] = []
        recipients: list[Recognised] = []
        for _, members in sorted(cells.items()):
            rest = []
            for n, i in enumerate(members):
                if _key(texts[i]) in _COPY_KINDS:
                    kind = self.rec(i, Role.COPY_KIND)
                elif _NUMBER.match(texts[i]):
                    number = self.rec(i, Role.NUMBER)
                elif _DATE.search(texts[i]):
                    place_date = self.rec(i, Role.PLACE_DATE)
                elif _RECIPIENTS.match(texts[i]):
                    recipients = [self.rec(i, Role.RECIPIENTS_HEADING),
                                  *(self.rec(k, Role.RECIPIENT) for k in members[n + 1:])]
                    break
                else:
                    rest.append(i)
            if rest and kind is None and number is None:
                issuer += [self.rec(i, Role.ISSUER) for i in rest if is_upper(texts[i])]
            elif rest:
                signature = self.signature(rest) or signature
        if kind is not None:
            self.r.copy = CopyRegion(kind=kind, issuer=tuple(issuer), number=number, place_date=place_date,
                                     signature=signature, recipients=tuple(recipients))

    def closing_table(self, start: int, limit: int) -> int | None:
        """The table holding Nơi nhận, else the last one holding a signed block (titles and a name)."""
        cells: dict[int, dict[tuple[int, int], list[int]]] = {}
        for i in range(start, limit):
            p = self.paras[i]
            if p.table is not None:
                cells.setdefault(p.table[0], {}).setdefault((p.table[1], p.table[2]), []).append(i)
        signed: int | None = None
        for table, members in cells.items():
            if any(_RECIPIENTS.match(self.texts[k]) for ks in members.values() for k in ks):
                return table
            for ks in members.values():
                block = self.signature(ks)
                if block is not None and block.name is not None:
                    signed = table
        return signed

    def signature_table_over(self, first: int, start: int) -> int | None:
        """The table just above the closing table (its first paragraph ``first``), with only empty
        paragraphs between, whose every cell that holds text is a signed block: the signers' row (three
        signers side by side) over a Nơi nhận laid out in a table of its own."""
        above = [i for i in range(start, first) if self.paras[i].table is not None or self.texts[i]]
        if not above or self.paras[above[-1]].table is None:
            return None
        table = self.paras[above[-1]].table[0]  # type: ignore[index]
        if self.doc.tables[table].parent is not None:
            return None
        cells: dict[tuple[int, int, int], list[int]] = {}
        for i in above:
            p = self.paras[i]
            if p.table is not None and p.table[0] == table and self.texts[i]:
                cells.setdefault(p.table, []).append(i)
        blocks = [self.signature(members) for members in cells.values()]
        return table if blocks and all(b is not None and b.name is not None for b in blocks) else None

    def signature(self, indices: Sequence[int]) -> SignatureRegion[Recognised] | None:
        """The signature block in a run of paragraphs (see :meth:`signature_of`)."""
        return self.signature_of([self.rec(i, Role.PARAGRAPH) for i in indices])

    def signature_of(self, items: Sequence[Recognised]) -> SignatureRegion[Recognised] | None:
        """The signature block in a run of lines: title lines (quyền hạn, chức vụ), then the name.

        The name is the last line when it looks like a person's name; notes such as "(Đã ký)" are
        skipped; a list line ("-") or "Nơi nhận" ends the block.
        """
        lines: list[Recognised] = []
        for x in (y for item in items for y in broken_lines(item)):  # a stack typed in one paragraph
            text = x.text
            if not text or _NOTE.match(text):
                continue
            if _RECIPIENTS.match(text) or text.startswith(("-", "–", "+")):
                break
            lines.append(x)
        if not lines or len(lines) > _MAX_SIGNATURE_LINES:
            return None
        if any(len(_words(x.text)) > _MAX_TITLE_WORDS for x in lines):
            return None
        name: Recognised | None = None
        last = lines[-1].text
        named = [k for k in range(1, len(lines)) if _looks_like_name(lines[k].text)]
        if named and named[-1] < len(lines) - 1 and not is_upper(last):
            # the name, then a line of the signer's other post ("Bí thư Đảng ủy xã"): not a title of
            # this block, left out of it
            name = lines[named[-1]]
            lines = lines[:named[-1]]
        elif len(lines) >= 2 and (_looks_like_name(last) or not is_upper(last)):
            name = lines.pop()
        if not lines or not (is_upper(lines[0].text) or typed_authority(lines[0].text) or name is not None):
            return None
        return SignatureRegion(titles=tuple(_as(x, Role.SIGNATURE_TITLE) for x in lines),
                               name=_as(name, Role.SIGNER_NAME) if name is not None else None)

    def recipients(self, indices: Sequence[int]) -> None:
        """Nơi nhận in a run of paragraphs (see :meth:`recipients_of`)."""
        self.recipients_of([self.rec(i, Role.PARAGRAPH) for i in indices])

    def recipients_of(self, items: Sequence[Recognised]) -> None:
        """"Nơi nhận:" and its list lines, up to the drafter's initials (ô 12) or a line not in the list."""
        r = self.r
        items = [y for item in items for y in broken_lines(item)]  # the list typed in one paragraph
        for n, x in enumerate(items):
            if _RECIPIENTS.match(x.text):
                found = [_as(x, Role.RECIPIENTS_HEADING), *r.recipients[1:]]
                for y in items[n + 1:]:
                    if not y.text:
                        continue
                    if _ISSUANCE.match(y.text):
                        r.issuance_note = _as(y, Role.ISSUANCE_NOTE)
                        break
                    if y.paragraph.table is None and not y.text.startswith(LIST_MARKS):
                        break
                    found.append(_as(y, Role.RECIPIENT))
                r.recipients = tuple(found)
                return

    def tabbed_closing(self, flow: Sequence[int]) -> bool:
        """Nơi nhận and the signature typed side by side with tabs or spaces, no table: the left
        columns are Nơi nhận, the right ones the signature. Whether the closing is laid out so."""
        if not any(len(columns(self.paras[i])) > 1 for i in flow):
            return False
        left: list[Recognised] = []
        right: list[Recognised] = []
        for i in flow:
            p = self.paras[i]
            cols = columns(p)
            for n, (text, a, b) in enumerate(cols):
                at_margin = n == 0 and a == 0 and p.indent_left_cm + p.first_line_cm < _RIGHT_COLUMN_CM and (
                    len(cols) > 1 or p.alignment in ("left", "both"))
                (left if at_margin else right).append(Recognised(p, Role.PARAGRAPH, text, span=(a, b)))
        self.recipients_of(left)
        block = self.signature_of(right)
        if block is not None:
            self.r.signatures = (*self.r.signatures, block)
        return True

    def closing(self, start: int, limit: int) -> None:
        r, paras = self.r, self.paras
        signatures = list(r.signatures)
        if r.closing_table is not None:
            cells: dict[tuple[int, int, int], list[int]] = {}
            inside = _tables_within(self.doc, r.closing_table)  # a block in a table nested in a cell
            if r.signature_table is not None:
                inside |= _tables_within(self.doc, r.signature_table)
            for i in range(start, limit):
                p = paras[i]
                if p.table is not None and p.table[0] in inside:
                    cells.setdefault(p.table, []).append(i)
            # a block without its name goes on in the cell under it (the name typed in the next row)
            unnamed: dict[tuple[int, int], list[int]] = {}
            for key in sorted(cells):
                members = cells[key]
                if (found := confirmation_at(r.form, self.texts, members)) is not None:
                    r.confirmation = self.rec(found, Role.CONFIRMATION)
                elif any(_RECIPIENTS.match(self.texts[i]) for i in members):
                    self.recipients(members)
                else:
                    members = unnamed.pop((key[0], key[2]), []) + members
                    block = self.signature(members)
                    if block is not None and block.name is None:
                        unnamed[(key[0], key[2])] = members
                    elif block is not None:
                        signatures.append(block)
            signatures += [b for ks in unnamed.values() if (b := self.signature(ks)) is not None]
        flow = [i for i in range(start, limit) if paras[i].table is None]
        if r.closing_table is None and self.tabbed_closing([i for i in flow if self.texts[i]]):
            signatures = list(r.signatures)
        if r.recipients_heading is None:
            self.recipients([i for i in flow if self.texts[i]])
        if not signatures:
            taken = {x.paragraph.index for x in r.recipients}
            rest = [i for i in flow if i not in taken]
            block = self.signature(rest)
            if block is not None:
                signatures.append(block)
        r.signatures = tuple(signatures)
        r.signature_notes, r.signature_pictures = block_extras(paras, r.signatures)
        taken = {x.paragraph.index for x in r.items()}
        tail = [i for i in flow if self.texts[i] and i not in taken]
        # ô 13 typed at the foot of the body: the issuer's address, phone, e-mail, website (PL I, II.11)
        contact = list(itertools.takewhile(lambda i: bool(_CONTACT.match(self.texts[i])), reversed(tail)))
        r.contact = tuple(self.rec(i, Role.CONTACT) for i in reversed(contact))

    def is_form_label(self, i: int) -> bool:
        """"Mẫu số 01/TK", "Mẫu 02" on a short line of its own: a form attached to the document."""
        return bool(_FORM_LABEL.match(self.texts[i])) and len(_words(self.texts[i])) <= _MAX_FORM_LABEL_WORDS

    def forms(self, starts: list[int], end: int) -> None:
        """The attached forms, each from its label to the next one's (or ``end``)."""
        found = []
        for a, b in itertools.pairwise([*starts, end]):
            body = classify_body(p for p in self.paras[a + 1:b] if p.table is None)
            found.append(EmbeddedForm(label=self.rec(a, Role.PARAGRAPH), body=tuple(body)))
        self.r.forms = tuple(found)

    def is_appendix_label(self, i: int) -> bool:
        """"Phụ lục" (and its number) on a short line that is centred or opens a section or page."""
        p, text = self.paras[i], self.texts[i]
        if p.table is not None or len(_words(text)) > 4:
            return False
        if not text.lower().startswith(nd30.APPENDIX_WORD.lower()):
            return False
        first_of_section = p.section_index not in (None, 0) and (
            i == 0 or self.paras[i - 1].section_index != p.section_index)
        return p.alignment == "center" or first_of_section or p.page_break_before

    def is_appendix_title(self, i: int) -> bool:
        """A title under a note: a short line in capitals, or bold and centred."""
        p, text = self.paras[i], self.texts[i]
        return len(_words(text)) <= 2 * _MAX_TITLE_WORDS and classify(p, text).role is Role.PARAGRAPH and (
            is_upper(text) or (_fully_bold(p) and p.alignment == "center"))

    def appendix_start(self, start: int) -> int | None:
        return next((i for i in self.flow_after(start) if self.is_appendix_label(i)), None)

    def attachment_start(self, start: int) -> int | None:
        """Where the text a quyết định issues begins (PL III, Mẫu 1.3): the tên loại of such a text
        ("QUY CHẾ", "ĐIỀU LỆ") that opens a section or page, or is centred, with "(Kèm theo ...)" in the
        lines under it."""
        flow = list(self.flow_after(start))
        for n, i in enumerate(flow):
            p = self.paras[i]
            if len(_words(self.texts[i])) > 3 or _key(self.texts[i]) not in _ATTACHED_KEYS:
                continue
            first_of_section = p.section_index not in (None, 0) and self.paras[i - 1].section_index != \
                p.section_index
            if not (first_of_section or p.page_break_before or p.alignment == "center"):
                continue
            if any(self.texts[k].startswith(_NOTE_OPENS) for k in flow[n + 1:n + 1 + _NOTE_WITHIN]):
                return i
        return None

    def is_note(self, i: int) -> bool:
        """An annex's note: "(Kèm theo ...)", or "Ban hành kèm theo ..." typed without its brackets."""
        return self.texts[i].startswith(_NOTE_OPENS) or bool(_APPENDIX_NOTE.match(self.texts[i]))

    def annex(self, start: int, end: int, label_role: Role, title_role: Role) -> AppendixBlock:
        """The text after the closing that opens at ``start`` (an appendix's label or an attached text's
        tên loại, in ``label_role``): its title (in ``title_role``), "(Kèm theo ...)" note, the line under
        them, and its body up to ``end``."""
        flow = [i for i in range(start, end) if self.paras[i].table is None and self.texts[i]]
        label = self.rec(start, label_role)
        rest = flow[1:]
        title = note = None
        body_from = start + 1
        note_first = bool(rest) and self.is_note(rest[0])
        if rest and not note_first and not is_line_paragraph(self.paras[rest[0]]):
            title = self.rec(rest[0], title_role)
            body_from = rest[0] + 1
            rest = rest[1:]
        if rest and (note_first or (title is not None and (self.texts[rest[0]].startswith("(")
                                                           or self.is_note(rest[0])))):
            note = self.rec(rest[0], Role.APPENDIX_NOTE)
            body_from = rest[0] + 1
        if note is not None and title is None and rest[1:] and self.is_appendix_title(rest[1]):
            title = self.rec(rest[1], title_role)  # the note typed above the title
            body_from = rest[1] + 1
        last = (note or title or label).paragraph
        if title is not None and note is not None and title.paragraph.index > note.paragraph.index:
            last = title.paragraph
        line = line_under(self.doc, self.paras, last)
        if line is not None:
            body_from = max(body_from, line.paragraph.index + 1)
        body = classify_body(p for p in self.paras[body_from:end] if p.table is None)
        return AppendixBlock(label=label, title=title, note=note, line=line, body=tuple(body))

    def appendices(self, start: int, end: int) -> None:
        starts = [i for i in self.flow_after(start) if i < end and self.is_appendix_label(i)]
        found = [self.annex(a, b, Role.APPENDIX_LABEL, Role.APPENDIX_TITLE)
                 for a, b in itertools.pairwise([*starts, end])]
        self.r.appendices = (*self.r.appendices, *found)


def type_and_summary(paragraph: ResolvedParagraph, text: str) -> tuple[nd30.DocumentType, Recognised,
                                                                      Recognised] | None:
    """A tên loại and its trích yếu typed in one paragraph ("KẾ HOẠCH TRIỂN KHAI CÔNG TÁC …"): the type and
    the two components, each its span of the paragraph; None when ``text`` does not open with a tên loại
    in capitals followed by more words."""
    key = _key(text)
    for name, kind in _TYPES_BY_LENGTH:
        if key.startswith(f"{name} ") and is_upper(text[:len(name)]):
            typed = re.match(r"\s*" + r"\s+".join(map(re.escape, name.split(" "))) + r"\s+", paragraph.text,
                             re.IGNORECASE)
            if typed is None:
                return None
            cut, end = typed.end(), len(paragraph.text)
            type_name = Recognised(paragraph, Role.DOCUMENT_TYPE_NAME, span_text(paragraph, 0, cut),
                                   span=(0, cut))
            return kind, type_name, Recognised(paragraph, Role.SUMMARY, span_text(paragraph, cut, end),
                                               span=(cut, end))
    return None


_TYPES_BY_LENGTH = sorted(_TYPES_BY_NAME.items(), key=lambda item: -len(item[0]))  # "BÁO CÁO" after longer


def _as(item: Recognised, role: Role) -> Recognised:
    return Recognised(item.paragraph, role, item.text, span=item.span)


def _tables_within(doc: ResolvedDocument, table: int) -> set[int]:
    """``table`` and the tables nested in it, at any depth."""
    inside = {table}
    for t in doc.tables:  # a nested table numbers after its parent
        if t.parent in inside:
            inside.add(t.index)
    return inside


def first_page_footer(doc: ResolvedDocument) -> list[ResolvedParagraph]:
    """The paragraphs of the footer page 1 prints: the first section's first-page footer when it has a
    different first page, else its default footer."""
    return first_page_part(doc, header=False)


def first_page_part(doc: ResolvedDocument, header: bool) -> list[ResolvedParagraph]:
    """The paragraphs of the header (or footer) page 1 prints: the first section's first-page part when it
    has a different first page, else its default part."""
    if not doc.sections:
        return []
    first = doc.sections[0]
    names, parts = (first.headers, doc.headers) if header else (first.footers, doc.footers)
    name = names.get("first" if first.title_page else "default")
    return list(parts.get(name, [])) if name else []


def _looks_like_name(text: str) -> bool:
    """A signer's name: two to six words, each capitalised, none a position or body word."""
    words = _words(text)
    if not 2 <= len(words) <= 6 or any(ch.isdigit() for ch in text):
        return False
    upper = _key(text)
    if any(word in upper for word in _NOT_A_NAME) or typed_authority(text):
        return False
    return all(w[:1].isupper() for w in words)


def typed_authority(text: str) -> tuple[nd30.SigningAuthority, str] | None:
    """The quyền hạn a signature line opens with and how it is typed: ("TM.", "TM.") as the decree
    writes it, or (TM, "T/M"), (KT, "KT:"), (TM, "TM") as offices type it; None when there is none."""
    m = _TYPED_AUTHORITY.match(clean(text))
    if m is None:
        return None
    letters = "".join(m.group(g) or "" for g in "abcdef")
    return nd30.SigningAuthority(letters), m.group("typed").strip()


def issuer_bodies(rec: Recognition) -> int:
    """How many bodies the issuer lines name: 2 or more in a joint document's header (văn bản liên
    tịch), where each line opening with an agency word starts one."""
    return sum(1 for i, x in enumerate(rec.issuer) if i == 0 or _key(x.text).startswith(AGENCY_WORDS))


def _signs_for_collective(text: str) -> bool:
    found = typed_authority(text)
    return found is not None and found[0] is nd30.SigningAuthority.TM


def signs_for_collective(block: SignatureRegion[Recognised]) -> bool:
    """Whether a signature block signs on a collective's behalf: "TM." (however it is typed)."""
    return any(_signs_for_collective(t.text) for t in block.titles)


def collective_blocks(rec: Recognition) -> tuple[SignatureRegion[Recognised], ...]:
    """The signature blocks that sign for the issuer. A joint document's signers sign each for their own
    body, so only one of them need sign for a collective (TM.): none when one does, else the first."""
    if issuer_bodies(rec) < 2:
        return rec.signatures
    if any(_signs_for_collective(t.text) for block in rec.signatures for t in block.titles):
        return ()
    return rec.signatures[:1]


def recognise(doc: ResolvedDocument) -> Recognition:
    """Recognise the components of ``doc`` (see the module docstring for how), and whether Decree 30
    governs it at all (:mod:`vbhc.recognise.scope`, which reads this module's recognition)."""
    from vbhc.recognise.scope import out_of_scope

    rec = _Recogniser(doc).run()
    rec.out_of_scope = out_of_scope(doc, rec)
    return rec
