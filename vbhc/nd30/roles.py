"""Roles: what a printed line is. One record per role holds everything vbhc knows about it.

A :class:`RoleRecord` gives a role's typography (from :mod:`vbhc.nd30.typography`), the Word style it
is printed in, the :class:`~vbhc.model.formatting.Formatting` field that sets its size, its name and
group in the checker's report, and the checker's flags for it. Every flag's value is the clause or
"practice" note it comes from (``None``: the flag is off). The template's styles, the formatting's
sizes, the checker's rules and its fixes are all derived from these records: adding a role is one
record here (and, when it needs a style of its own, one :class:`WordStyle` in :data:`WORD_STYLES`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from vbhc.nd30 import typography as t


@dataclass(frozen=True, slots=True)
class WordStyle:
    """A paragraph style of the template. Its spacing is a layout choice, not a decree rule."""

    id: str
    name: str
    before_pt: float = 0
    after_pt: float = 0
    body_spacing: bool = False  # the body's paragraph spacing, line spacing and first-line indent
    left_cm: float = 0  # the paragraph's left indent (a list further in than the body)


@dataclass(frozen=True, slots=True)
class LowerCase:
    """A role written in thường: its text all in capitals is a finding from ``min_letters`` letters on."""

    min_letters: int
    source: str


@dataclass(frozen=True, slots=True)
class RoleRecord:
    """Everything about one role. A flag is ``None`` when off, else the clause or practice that sets it.

    - ``size_field``: the Formatting field that sets the role's size; ``None`` where the decree fixes
      one size (its range is a single value);
    - ``vietnamese_name``: the role as the report names it; ``group``: the report group its rules are
      listed under (a key of ``vbhc.check.rules.COMPONENTS``);
    - ``body_paragraph``: the body's first-line indent, line spacing and paragraph spacing apply;
    - ``emphasis_allowed``: a few bold or italic words are emphasis, only a whole paragraph is a finding;
    - ``lower_case``: a role in thường whose text all in capitals is a finding;
    - ``align_warning``: a wrong alignment is a warning, not an error;
    - ``look_warning``: a size, weight or slant other than the typography's is a warning, not an error
      (a practice, not a decree rule);
    - ``framed``: the text stands in a single-line frame;
    - ``size_only``: only the text's size is checked; its weight, slant, case and alignment are the
      author's (a table's bold totals, figures on the right);
    - ``ink``: the colour (hex RGB) the role is printed in where the decree gives one other than black
      (the urgency stamp's red: ``vbhc check`` accepts it on that role and nowhere else);
    - ``keep_with_next``: the line is never the last of a page; it goes with the line after it (the
      template's style keeps it with the next paragraph).
    """

    id: str
    typography: t.Typography
    style: WordStyle
    size_field: str | None
    vietnamese_name: str
    group: str
    body_paragraph: str | None = None
    emphasis_allowed: str | None = None
    lower_case: LowerCase | None = None
    align_warning: str | None = None
    look_warning: str | None = None
    framed: str | None = None
    ink: str | None = None
    keep_with_next: str | None = None
    size_only: str | None = None

    def __post_init__(self) -> None:
        fixed = self.typography.size.low == self.typography.size.high
        if fixed != (self.size_field is None):
            raise ValueError(f"{self.id}: a size field exactly when the decree allows a range of sizes")
        if self.lower_case is not None and self.typography.case is not t.Case.AS_TYPED:
            raise ValueError(f"{self.id}: only a role in thường has a lower-case check")


# --------------------------------------------------------------------------------------------
# The template's styles, in the order the template lists them.

_PARENT_BODY = WordStyle("VbhcParentBody", "VBHC Parent body")
_ISSUER = WordStyle("VbhcIssuer", "VBHC Issuer")
_NUMBER = WordStyle("VbhcNumber", "VBHC Number", before_pt=6)
_LETTER_SUMMARY = WordStyle("VbhcLetterSummary", "VBHC Letter summary",
                            before_pt=t.LETTER_SUMMARY_SPACE_BEFORE_PT)
_MARK = WordStyle("VbhcMark", "VBHC Mark", before_pt=12)
_DRAFT = WordStyle("VbhcDraft", "VBHC Draft mark", after_pt=6)
_URGENCY = WordStyle("VbhcUrgency", "VBHC Urgency stamp")
_CIRCULATION = WordStyle("VbhcCirculation", "VBHC Circulation note", after_pt=6)
_ISSUANCE_NOTE = WordStyle("VbhcIssuanceNote", "VBHC Drafter and copies", before_pt=6)
_CONTACT = WordStyle("VbhcContact", "VBHC Issuer contact")
_COPY_KIND = WordStyle("VbhcCopyKind", "VBHC Copy kind")
_LEAD_IN = WordStyle("VbhcLeadIn", "VBHC Form lead-in", before_pt=6, after_pt=6)
_RECEIVER = WordStyle("VbhcReceiver", "VBHC Telegram receiver", left_cm=t.RECEIVER_INDENT_CM)
_NATIONAL_TITLE = WordStyle("VbhcNationalTitle", "VBHC National title")
_MOTTO = WordStyle("VbhcMotto", "VBHC Motto")
_PLACE_DATE = WordStyle("VbhcPlaceDate", "VBHC Place and date", before_pt=6)
_TYPE_NAME = WordStyle("VbhcTypeName", "VBHC Type name", before_pt=24)
_SUMMARY = WordStyle("VbhcSummary", "VBHC Summary")
_ADDRESSEES = WordStyle("VbhcAddressees", "VBHC Addressees", before_pt=6)
_ENACTING_AUTHORITY = WordStyle("VbhcEnactingAuthority", "VBHC Enacting authority", before_pt=12,
                                after_pt=6)
_ENACTMENT = WordStyle("VbhcEnactment", "VBHC Enactment", before_pt=12, after_pt=6)
_LEGAL_BASIS = WordStyle("VbhcLegalBasis", "VBHC Legal basis", body_spacing=True)
_BODY = WordStyle("VbhcBody", "VBHC Body", body_spacing=True)
_HEADING = WordStyle("VbhcHeading", "VBHC Heading", body_spacing=True)
_ITEM_TITLE = WordStyle("VbhcItemTitle", "VBHC Item title", body_spacing=True)
_ARTICLE = WordStyle("VbhcArticle", "VBHC Article", body_spacing=True)
_DIVISION_LABEL = WordStyle("VbhcDivisionLabel", "VBHC Division label", before_pt=12)
_DIVISION_TITLE = WordStyle("VbhcDivisionTitle", "VBHC Division title", after_pt=6)
_SIGNATURE_TITLE = WordStyle("VbhcSignatureTitle", "VBHC Signature title")
# Room for the hand signature and seal between the position and the name (PL I, IV ô 7c).
_SIGNER_NAME = WordStyle("VbhcSignerName", "VBHC Signer name", before_pt=80)
# Room under the confirmation for the confirming body's signature and seal (PL III, Mẫu 1.10).
_CONFIRMATION = WordStyle("VbhcConfirmation", "VBHC Confirmation", before_pt=18, after_pt=80)
_RECIPIENTS_HEADING = WordStyle("VbhcRecipientsHeading", "VBHC Recipients heading")
_RECIPIENT = WordStyle("VbhcRecipient", "VBHC Recipient")
_APPENDIX_LABEL = WordStyle("VbhcAppendixLabel", "VBHC Appendix label")
_APPENDIX_TITLE = WordStyle("VbhcAppendixTitle", "VBHC Appendix title")
_APPENDIX_NOTE = WordStyle("VbhcAppendixNote", "VBHC Appendix note")
_TABLE_HEADER = WordStyle("VbhcTableHeader", "VBHC Table header")
_TABLE_CELL = WordStyle("VbhcTableCell", "VBHC Table cell")

WORD_STYLES: tuple[WordStyle, ...] = (
    _PARENT_BODY, _ISSUER, _NUMBER, _LETTER_SUMMARY, _MARK, _DRAFT, _NATIONAL_TITLE, _MOTTO, _PLACE_DATE,
    _TYPE_NAME, _SUMMARY, _ADDRESSEES, _ENACTING_AUTHORITY, _ENACTMENT, _LEGAL_BASIS, _BODY, _HEADING,
    _ITEM_TITLE, _ARTICLE, _DIVISION_LABEL, _DIVISION_TITLE, _SIGNATURE_TITLE, _SIGNER_NAME,
    _RECIPIENTS_HEADING, _RECIPIENT, _CONFIRMATION, _APPENDIX_LABEL, _APPENDIX_TITLE, _APPENDIX_NOTE,
    _TABLE_HEADER, _TABLE_CELL, _URGENCY, _CIRCULATION, _ISSUANCE_NOTE, _CONTACT, _COPY_KIND, _LEAD_IN,
    _RECEIVER,
)

# --------------------------------------------------------------------------------------------
# Where the checker's flags come from.

BODY_PARAGRAPH = "PL I, II.6.e: first-line indent, spacing between paragraphs and line spacing of the body"
AUTHOR_LOOK = ("practice: a table's cells are bold, centred or on the right as the author sets them (totals, "
               "headers, figures); only their size is checked")
EMPHASIS = ("practice: a few words in bold or italic inside running text are emphasis; only a whole "
            "paragraph in them is a finding")
ALIGN_WARNING = ("practice: a one-line paragraph looks the same justified or flush left, so a wrong "
                 "alignment is only a warning")
# "In thường" is the typography's case (its clause); how many capitals make a finding is practice.
LOWER_CASE = LowerCase(8, "practice: fewer than 8 letters in capitals may be an acronym (UBND, VP)")
LOWER_CASE_WORDS = LowerCase(3, "practice: a label or an article's title holds words, never an "
                                "acronym: 3 letters in capitals are a finding")
LOWER_CASE_NAMES = LowerCase(4, "practice: a person's name and the Tiêu ngữ hold no acronym: 4 letters "
                                "in capitals are a finding")

FRAME_URGENCY = "PL I, III.2.b: urgency marks stand in a single-line frame (khung đơn)"
FRAME_CIRCULATION = "PL I, III.2.c: circulation notes stand in a single-line frame (khung đơn)"
PRACTICE_DRAFT = "practice: the decree has no draft mark; its look and place are the offices' habit"
SAMPLE_CONFIRMATION = ("PL III, Mẫu 1.10 shows the confirmation box in its sample only; its look and place "
                       "are not rule text")

# Pagination: the decree says nothing of page breaks; these are how offices keep a page readable.
KEEP_HEADING = ("practice: a heading is never the last line of a page; it goes to the next page with the "
                "first line of its text")
KEEP_BLOCK = ("practice: a page break never parts the lines of one block (tên loại and trích yếu, thẩm quyền "
              "and căn cứ, quyền hạn and chức vụ over the name, \"Nơi nhận:\" and its list)")
# Like a role's flags: the practice that sets it, None for off.
LAST_LINE_WITH_SIGNATURE: str | None = ("practice: the signature never stands alone on a page; the "
                                         "body's last paragraph goes with it")


class Role(enum.Enum):
    """What a printed line is. Each member's value is its id; ``record`` holds the rest."""

    record: RoleRecord

    def __new__(cls, record: RoleRecord) -> Role:
        member = object.__new__(cls)
        member._value_ = record.id
        member.record = record
        return member

    @property
    def typography(self) -> t.Typography:
        return self.record.typography

    PARENT_BODY = RoleRecord("parent-body", t.PARENT_BODY, _PARENT_BODY, "issuer_pt",
                             "cơ quan chủ quản", "parent-body")
    ISSUER = RoleRecord("issuer", t.ISSUER, _ISSUER, "issuer_pt", "cơ quan ban hành", "issuer")
    # "Số:" and the ký hiệu, which is in capitals: no case check.
    NUMBER = RoleRecord("number", t.NUMBER, _NUMBER, None, "số, ký hiệu", "number")
    LETTER_SUMMARY = RoleRecord("letter-summary", t.LETTER_SUMMARY, _LETTER_SUMMARY, "letter_summary_pt",
                                "trích yếu công văn (V/v)", "letter-summary", lower_case=LOWER_CASE)
    SECRECY = RoleRecord("secrecy", t.MARK, _MARK, "mark_pt", "dấu chỉ độ mật", "marks",
                         align_warning=ALIGN_WARNING)
    # The frame is the stamp's own rectangle (nd30.URGENCY_STAMP_MM), drawn by the writer.
    URGENCY = RoleRecord("urgency", t.URGENCY, _URGENCY, "mark_pt", "dấu chỉ mức độ khẩn", "marks",
                         align_warning=ALIGN_WARNING, framed=FRAME_URGENCY, ink=t.STAMP_INK)
    CIRCULATION = RoleRecord("circulation", t.CIRCULATION, _CIRCULATION, "mark_pt",
                             "chỉ dẫn phạm vi lưu hành", "marks", align_warning=ALIGN_WARNING,
                             framed=FRAME_CIRCULATION)
    DRAFT = RoleRecord("draft", t.DRAFT, _DRAFT, "mark_pt", "dấu dự thảo", "marks",
                       align_warning=PRACTICE_DRAFT, look_warning=PRACTICE_DRAFT, framed=PRACTICE_DRAFT)
    NATIONAL_TITLE = RoleRecord("national-title", t.NATIONAL_TITLE, _NATIONAL_TITLE, "national_title_pt",
                                "Quốc hiệu", "national-title")
    MOTTO = RoleRecord("motto", t.MOTTO, _MOTTO, "motto_pt", "Tiêu ngữ", "motto",
                       lower_case=LOWER_CASE_NAMES)
    PLACE_DATE = RoleRecord("place-date", t.PLACE_DATE, _PLACE_DATE, "place_date_pt",
                            "địa danh, ngày tháng", "place-date", lower_case=LOWER_CASE)
    DOCUMENT_TYPE_NAME = RoleRecord("document-type-name", t.DOCUMENT_TYPE_NAME, _TYPE_NAME, "title_pt",
                                    "tên loại", "title", keep_with_next=KEEP_BLOCK)
    SUMMARY = RoleRecord("summary", t.SUMMARY, _SUMMARY, "title_pt", "trích yếu", "title",
                         lower_case=LOWER_CASE, keep_with_next=KEEP_BLOCK)
    ENACTING_AUTHORITY = RoleRecord("enacting-authority", t.ENACTING_AUTHORITY, _ENACTING_AUTHORITY,
                                    "body_pt", "thẩm quyền ban hành", "enacting-authority",
                                    emphasis_allowed=EMPHASIS, keep_with_next=KEEP_BLOCK)
    ENACTMENT = RoleRecord("enactment", t.ENACTMENT, _ENACTMENT, "body_pt", "QUYẾT ĐỊNH:/QUYẾT NGHỊ:",
                           "enactment", keep_with_next=KEEP_HEADING)
    ADDRESSEES = RoleRecord("addressees", t.ADDRESSEES, _ADDRESSEES, "body_pt", "Kính gửi", "addressees",
                            emphasis_allowed=EMPHASIS, align_warning=ALIGN_WARNING)
    # "<sender> điện:" (Mẫu 1.6), "<issuer> trân trọng giới thiệu:" (Mẫu 1.8): the form record's lead_in.
    LEAD_IN = RoleRecord("lead-in", t.LEAD_IN, _LEAD_IN, "body_pt",
                         "lời dẫn (… điện:, … trân trọng giới thiệu:)", "body", keep_with_next=KEEP_BLOCK)
    # A công điện's receivers under its lead-in (Mẫu 1.6). Names hold acronyms: no case check.
    RECEIVER = RoleRecord("receiver", t.RECEIVER, _RECEIVER, "body_pt", "nơi nhận công điện (- …;)", "body",
                          emphasis_allowed=EMPHASIS, align_warning=ALIGN_WARNING)
    LEGAL_BASIS = RoleRecord("legal-basis", t.LEGAL_BASIS, _LEGAL_BASIS, "body_pt", "căn cứ", "legal-basis",
                             body_paragraph=BODY_PARAGRAPH, emphasis_allowed=EMPHASIS, lower_case=LOWER_CASE)
    PARAGRAPH = RoleRecord("paragraph", t.BODY, _BODY, "body_pt", "đoạn văn", "body",
                           body_paragraph=BODY_PARAGRAPH, emphasis_allowed=EMPHASIS, lower_case=LOWER_CASE)
    HEADING = RoleRecord("heading", t.HEADING, _HEADING, "body_pt", "đề mục I., II.", "body",
                         body_paragraph=BODY_PARAGRAPH, align_warning=ALIGN_WARNING,
                         keep_with_next=KEEP_HEADING)
    ITEM_TITLE = RoleRecord("item-title", t.ITEM_TITLE, _ITEM_TITLE, "body_pt", "khoản có tiêu đề", "body",
                            body_paragraph=BODY_PARAGRAPH, lower_case=LOWER_CASE, align_warning=ALIGN_WARNING,
                            keep_with_next=KEEP_HEADING)
    ITEM = RoleRecord("item", t.BODY, _BODY, "body_pt", "khoản", "body",
                      body_paragraph=BODY_PARAGRAPH, emphasis_allowed=EMPHASIS)
    POINT = RoleRecord("point", t.BODY, _BODY, "body_pt", "điểm", "body",
                       body_paragraph=BODY_PARAGRAPH, emphasis_allowed=EMPHASIS)
    DASH = RoleRecord("dash", t.BODY, _BODY, "body_pt", "gạch đầu dòng -", "body",
                      body_paragraph=BODY_PARAGRAPH, emphasis_allowed=EMPHASIS)
    PLUS = RoleRecord("plus", t.BODY, _BODY, "body_pt", "gạch đầu dòng +", "body",
                      body_paragraph=BODY_PARAGRAPH, emphasis_allowed=EMPHASIS)
    ARTICLE = RoleRecord("article", t.ARTICLE, _ARTICLE, "body_pt", "Điều", "body",
                         body_paragraph=BODY_PARAGRAPH, lower_case=LOWER_CASE_WORDS,
                         align_warning=ALIGN_WARNING, keep_with_next=KEEP_HEADING)
    DIVISION_LABEL = RoleRecord("division-label", t.DIVISION_LABEL, _DIVISION_LABEL, "body_pt",
                                "Phần/Chương/Mục", "body", lower_case=LOWER_CASE_WORDS,
                                keep_with_next=KEEP_HEADING)
    DIVISION_TITLE = RoleRecord("division-title", t.DIVISION_TITLE, _DIVISION_TITLE, "body_pt",
                                "tên Phần/Chương/Mục", "body", keep_with_next=KEEP_HEADING)
    SIGNATURE_TITLE = RoleRecord("signature-title", t.SIGNATURE_TITLE, _SIGNATURE_TITLE, "signature_pt",
                                 "quyền hạn, chức vụ người ký", "signature", keep_with_next=KEEP_BLOCK)
    SIGNER_NAME = RoleRecord("signer-name", t.SIGNER_NAME, _SIGNER_NAME, "signature_pt", "họ tên người ký",
                             "signature", lower_case=LOWER_CASE_NAMES)
    RECIPIENTS_HEADING = RoleRecord("recipients-heading", t.RECIPIENTS_HEADING, _RECIPIENTS_HEADING, None,
                                    "Nơi nhận:", "recipients", keep_with_next=KEEP_BLOCK)
    # The drafter's initials are in capitals: no case check.
    ISSUANCE_NOTE = RoleRecord("issuance-note", t.ISSUANCE_NOTE, _ISSUANCE_NOTE, None,
                               "ký hiệu người soạn thảo, số lượng bản", "recipients")
    # An address holds acronyms and e-mail addresses: no case check.
    CONTACT = RoleRecord("contact", t.CONTACT, _CONTACT, "contact_pt", "địa chỉ, điện thoại, thư điện tử",
                         "contact")
    COPY_KIND = RoleRecord("copy-kind", t.COPY_KIND, _COPY_KIND, "signature_pt", "hình thức sao", "copy")
    # Recipient lists hold acronyms (UBND, HĐND): no case check.
    RECIPIENT = RoleRecord("recipient", t.RECIPIENT, _RECIPIENT, None, "nơi nhận (danh sách)", "recipients",
                           emphasis_allowed=EMPHASIS)
    CONFIRMATION = RoleRecord("confirmation", t.CONFIRMATION, _CONFIRMATION, None,
                              "xác nhận nơi nghỉ phép", "signature", align_warning=SAMPLE_CONFIRMATION,
                              look_warning=SAMPLE_CONFIRMATION)
    APPENDIX_LABEL = RoleRecord("appendix-label", t.APPENDIX_LABEL, _APPENDIX_LABEL, None, "Phụ lục",
                                "appendix", lower_case=LOWER_CASE_WORDS, keep_with_next=KEEP_HEADING)
    APPENDIX_TITLE = RoleRecord("appendix-title", t.APPENDIX_TITLE, _APPENDIX_TITLE, "body_pt",
                                "tên phụ lục", "appendix", keep_with_next=KEEP_HEADING)
    APPENDIX_NOTE = RoleRecord("appendix-note", t.APPENDIX_NOTE, _APPENDIX_NOTE, "body_pt",
                               "(Kèm theo ...)", "appendix", emphasis_allowed=EMPHASIS, lower_case=LOWER_CASE,
                               keep_with_next=KEEP_HEADING)
    # A table's cells: text at 12-14 pt (practice, nd30.TABLE_PRACTICE: a size outside it is a warning);
    # a header row repeats on every page. Cells hold acronyms and figures: no case check; a bold total row
    # is emphasis.
    TABLE_HEADER = RoleRecord("table-header", t.TABLE_HEADER, _TABLE_HEADER, "table_pt",
                              "tiêu đề cột của bảng", "body", look_warning=t.TABLE_PRACTICE,
                              size_only=AUTHOR_LOOK)
    TABLE_CELL = RoleRecord("table-cell", t.TABLE_CELL, _TABLE_CELL, "table_pt", "ô của bảng", "body",
                            look_warning=t.TABLE_PRACTICE, size_only=AUTHOR_LOOK)
