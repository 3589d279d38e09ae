"""Forms: the sample layouts of PL III, Mục II (Mẫu 1.1-1.10), one record per form vbhc lays out.

A :class:`Form` says which regions of the page (:class:`Region`) a document of that form prints,
which roles the checker requires of it, and the form's own facts: the type line, the place-and-date
line, the words that open its articles, how many signatures vbhc lays out. Every
:class:`~vbhc.nd30.types.DocumentType` maps to one form (:func:`form_of`). The layout reads the form
instead of testing the type, so a new form is a record here (plus, where it is laid out differently,
a module in ``vbhc.layout``).

Only the forms vbhc lays out today have a record. A type has one form, but a quyết định that issues or
approves an attached text is laid out in Mẫu 1.3 (``form_of(kind, attached=True)``). The forms of labelled
fields (công điện, giấy mời, giấy giới thiệu, biên bản, giấy nghỉ phép: Mẫu 1.6-1.10) name the
Document field that holds their blanks (``particulars``) and carry the words printed around them
(``words``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from vbhc.nd30.roles import Role
from vbhc.nd30.types import DocumentType
from vbhc.nd30.typography import Range


class Region(enum.Enum):
    """A region of the page, in reading order. The value names the field of ``vbhc.layout.Regions``
    that holds it; the comment gives its box in PL I, Mục IV (ô số) or the clause that places it."""

    DRAFT = "draft"  # practice: "DỰ THẢO", above the header at the top right of page 1
    CIRCULATION = "circulation"  # ô 11: "XEM XONG TRẢ LẠI", "LƯU HÀNH NỘI BỘ" (PL I, III.2.c)
    PARENT_BODY = "parent_body"  # ô 2: the body above the issuer (PL I, II.2)
    ISSUER = "issuer"  # ô 2
    NUMBER = "number"  # ô 3
    LETTER_SUMMARY = "letter_summary"  # ô 5b: a công văn's trích yếu after "V/v"
    MARKS = "marks"  # ô 10a, 10b: secrecy and urgency
    NATIONAL_TITLE = "national_title"  # ô 1: Quốc hiệu
    MOTTO = "motto"  # ô 1: Tiêu ngữ
    PLACE_DATE = "place_date"  # ô 4
    TYPE_NAME = "type_name"  # ô 5a: tên loại
    SUMMARY = "summary"  # ô 5a: trích yếu
    ADDRESSEES = "addressees"  # ô 9a: Kính gửi (PL I, II.9.d)
    ENACTING_AUTHORITY = "enacting_authority"  # PL III, Mẫu 1.1-1.2: thẩm quyền ban hành
    LEGAL_BASES = "legal_bases"  # ô 6: căn cứ (PL I, II.6.a)
    ENACTMENT = "enactment"  # PL III, Mẫu 1.1-1.2: "QUYẾT NGHỊ:", "QUYẾT ĐỊNH:"
    BODY = "body"  # ô 6
    SIGNATURES = "signatures"  # ô 7a-7c
    RECIPIENTS = "recipients"  # ô 9b: Nơi nhận
    CONFIRMATION = "confirmation"  # PL III, Mẫu 1.10: the place of leave confirms, under Nơi nhận
    ISSUANCE_NOTE = "issuance_note"  # ô 12: drafter's initials and copies, under Nơi nhận (PL I, III.3)
    CONTACT = "contact"  # ô 13: address, phone, e-mail, website at the foot of page 1 (PL I, III.4)
    ATTACHMENT = "attachment"  # PL III, Mẫu 1.3: the text a quyết định issues, on pages of its own
    APPENDICES = "appendices"  # PL I, III.1; PL III, Mẫu 2.1
    COPY = "copy"  # PL I, Phần II, II; PL III, Mẫu 3.1: a paper copy's block after the copied text


# How many signature blocks vbhc lays out. The decree sets no number: a joint document (văn bản liên
# tịch) carries one per issuer, and its samples show two side by side (PL III, Mẫu 1.9). vbhc lays
# them out in rows of two, the last alone and centred when their number is odd (practice), three rows
# at most, which leave room for Nơi nhận on the page.
SIGNATURES_LAID_OUT = Range(1, 6)


@dataclass(frozen=True, slots=True)
class Form:
    """One Mẫu of PL III as vbhc lays it out.

    ``regions`` are the regions a document of the form may print (the others stay empty);
    ``required_roles`` those the checker reports missing. ``enacting_words`` open the articles
    (ENACTMENT is a region exactly when there are some). ``signatures`` is how many signature blocks
    vbhc lays out; ``signers_in_person`` names who signs a form whose signers sign in their own names,
    never on behalf of a collective (TM.). ``lead_in``: the key of the word that ends the centred line
    opening the form's text (Role.LEAD_IN: "… điện:", "… trân trọng giới thiệu:").
    """

    id: str
    name: str
    clause: str
    types: tuple[DocumentType, ...]
    regions: frozenset[Region]
    required_roles: frozenset[Role]
    enacting_words: str | None = None
    signatures: Range = SIGNATURES_LAID_OUT
    signers_in_person: str | None = None
    particulars: str | None = None
    words: tuple[tuple[str, str], ...] = ()
    lead_in: str | None = None

    def __post_init__(self) -> None:
        if (Region.ENACTMENT in self.regions) != (self.enacting_words is not None):
            raise ValueError(f"Mẫu {self.id}: an ENACTMENT region exactly when there are enacting words")
        if self.has_type_line == (Region.LETTER_SUMMARY in self.regions) or (
                Region.SUMMARY in self.regions and not self.has_type_line):
            raise ValueError(f"Mẫu {self.id}: a tên loại (and trích yếu), or a V/v line (PL I, II.5.b)")
        if (self.particulars is None) != (not self.words):
            raise ValueError(f"Mẫu {self.id}: a form of labelled fields has both particulars and words")
        if self.lead_in is not None and self.lead_in not in dict(self.words):
            raise ValueError(f"Mẫu {self.id}: its lead-in is one of its words")

    def word(self, key: str) -> str:
        """The form's own words named ``key`` (KeyError for a word it does not print)."""
        return dict(self.words)[key]

    @property
    def has_summary(self) -> bool:
        """Whether a trích yếu is printed: under the tên loại (ô 5a) or after "V/v" (ô 5b)."""
        return Region.SUMMARY in self.regions or Region.LETTER_SUMMARY in self.regions

    @property
    def has_type_line(self) -> bool:
        """Whether the tên loại and trích yếu stand under the header (ô 5a); else "V/v" (ô 5b)."""
        return Region.TYPE_NAME in self.regions

    @property
    def has_attachment(self) -> bool:
        """Whether the form carries a text it issues or approves (PL III, Mẫu 1.3)."""
        return Region.ATTACHMENT in self.regions

    @property
    def has_place_date(self) -> bool:
        """Whether the place-and-date line is printed under the Tiêu ngữ (ô 4)."""
        return Region.PLACE_DATE in self.regions


_HEADER = frozenset({Region.DRAFT, Region.CIRCULATION, Region.NATIONAL_TITLE, Region.MOTTO,
                     Region.PARENT_BODY, Region.ISSUER, Region.NUMBER, Region.MARKS})
_TITLE = frozenset({Region.TYPE_NAME, Region.SUMMARY})
# Kính gửi, the enacting authority and căn cứ are printed by any form when a document has them.
_CONTENT = frozenset({Region.ADDRESSEES, Region.ENACTING_AUTHORITY, Region.LEGAL_BASES, Region.BODY})
_CLOSING = frozenset({Region.SIGNATURES, Region.RECIPIENTS, Region.ISSUANCE_NOTE, Region.APPENDICES,
                      Region.COPY})

# Art. 8.2 and PL I, II: the components every document carries.
_ALWAYS = frozenset({Role.NATIONAL_TITLE, Role.MOTTO, Role.ISSUER, Role.NUMBER, Role.SIGNATURE_TITLE,
                     Role.SIGNER_NAME, Role.RECIPIENTS_HEADING, Role.RECIPIENT})
_TITLED_ROLES = _ALWAYS | {Role.PLACE_DATE, Role.DOCUMENT_TYPE_NAME, Role.SUMMARY}

_TITLED_PAGE = _HEADER | {Region.PLACE_DATE} | _TITLE | _CONTENT | _CLOSING

# The tên loại a text issued or approved by a quyết định may carry (PL III, Mẫu 1.3: "TÊN LOẠI VĂN
# BẢN" over the attached text): the types of Art. 7 an office issues that way ...
ATTACHED_TYPES = (DocumentType.QUY_CHE, DocumentType.QUY_DINH, DocumentType.HUONG_DAN,
                  DocumentType.CHUONG_TRINH, DocumentType.KE_HOACH, DocumentType.PHUONG_AN,
                  DocumentType.DE_AN, DocumentType.DU_AN)
# ... and texts that are no type of Art. 7 but are issued the same way (practice: an association's charter
# is approved by a quyết định, an office's rules are issued by one).
ATTACHED_OTHER_NAMES = ("Điều lệ", "Nội quy")
ATTACHED_TEXT_NAMES: tuple[str, ...] = (*(t.type_name for t in ATTACHED_TYPES), *ATTACHED_OTHER_NAMES)


def attached_text_name(value: str) -> str | None:
    """The tên loại ``value`` names (a name in any case, or a type's slug or code: "quy-che", "QC"),
    as the decree writes it ("Quy chế"); None when a quyết định attaches no text of that name."""
    wanted = " ".join(value.split()).casefold()
    for name in ATTACHED_TEXT_NAMES:
        if name.casefold() == wanted:
            return name
    for kind in ATTACHED_TYPES:
        if wanted in (kind.value, (kind.abbreviation or "").casefold()):
            return kind.type_name
    return None


MAU_1_1 = Form("1.1", "Nghị quyết (cá biệt)", "PL III, Mẫu 1.1", (DocumentType.NGHI_QUYET,),
               _TITLED_PAGE | {Region.ENACTMENT}, _TITLED_ROLES, enacting_words="QUYẾT NGHỊ:")
MAU_1_2 = Form("1.2", "Quyết định (cá biệt) quy định trực tiếp", "PL III, Mẫu 1.2",
               (DocumentType.QUYET_DINH,), _TITLED_PAGE | {Region.ENACTMENT}, _TITLED_ROLES,
               enacting_words="QUYẾT ĐỊNH:")
# PL III, Mẫu 1.3: a quyết định that issues (approves) a text attached to it: page 1 as Mẫu 1.2 (its
# trích yếu "Ban hành (Phê duyệt) …", its Điều 1 "Ban hành (Phê duyệt) kèm theo Quyết định này …"), then
# the attached text on pages of its own: its tên loại, trích yếu, "(Kèm theo Quyết định số …/QĐ-… ngày …
# tháng … năm … của …)", a short line, and its own chương and điều; no "Phụ lục" label.
# PL III, Mẫu 1.3: its trích yếu opens "Ban hành (Phê duyệt) …"; its Điều 1 "… kèm theo Quyết định này …".
ISSUING_WORDS = ("Ban hành", "Phê duyệt")
ATTACHED_BY_WORDS = "kèm theo Quyết định này"
MAU_1_3 = Form("1.3", "Quyết định (cá biệt) quy định gián tiếp", "PL III, Mẫu 1.3",
               (DocumentType.QUYET_DINH,), _TITLED_PAGE | {Region.ENACTMENT, Region.ATTACHMENT},
               _TITLED_ROLES, enacting_words="QUYẾT ĐỊNH:")
MAU_1_4 = Form("1.4", "Văn bản có tên loại", "PL III, Mẫu 1.4", (
    DocumentType.CHI_THI, DocumentType.QUY_CHE, DocumentType.QUY_DINH, DocumentType.THONG_CAO,
    DocumentType.THONG_BAO, DocumentType.HUONG_DAN, DocumentType.CHUONG_TRINH, DocumentType.KE_HOACH,
    DocumentType.PHUONG_AN, DocumentType.DE_AN, DocumentType.DU_AN, DocumentType.BAO_CAO,
    DocumentType.TO_TRINH, DocumentType.GIAY_UY_QUYEN, DocumentType.PHIEU_GUI, DocumentType.PHIEU_CHUYEN,
    DocumentType.PHIEU_BAO,
    DocumentType.THU_CONG,
), _TITLED_PAGE, _TITLED_ROLES)
# PL I, II.5.b: a công văn has no tên loại; its trích yếu follows "V/v" under the number (ô 5b). Its
# sample alone shows ô 13, the issuer's address at the foot of page 1 (PL III, Mẫu 1.5; PL I, III.4):
# the other forms do not print it, even when the issuer's profile gives one.
MAU_1_5 = Form("1.5", "Công văn", "PL III, Mẫu 1.5; PL I, II.5.b", (DocumentType.CONG_VAN,),
               _HEADER | {Region.PLACE_DATE, Region.LETTER_SUMMARY} | _CONTENT | _CLOSING | {Region.CONTACT},
               _ALWAYS | {Role.PLACE_DATE, Role.LETTER_SUMMARY})
# PL III, Mẫu 1.6: a công điện names its sender ("… điện:") and its receivers over its message.
MAU_1_6 = Form("1.6", "Công điện", "PL III, Mẫu 1.6", (DocumentType.CONG_DIEN,), _TITLED_PAGE, _TITLED_ROLES,
               particulars="telegram", words=(("sends", "điện:"),), lead_in="sends")
# PL III, Mẫu 1.7: a giấy mời has a trích yếu (the meeting); its text is labelled fields.
MAU_1_7 = Form("1.7", "Giấy mời", "PL III, Mẫu 1.7", (DocumentType.GIAY_MOI,), _TITLED_PAGE, _TITLED_ROLES,
               particulars="invitation", words=(
                   ("invite", "trân trọng kính mời:"), ("attend", "Tới dự"), ("chair", "Chủ trì:"),
                   ("time", "Thời gian:"), ("venue", "Địa điểm:")))
# PL III, Mẫu 1.8 and 1.10: the tên loại stands alone, without a trích yếu, over its short line.
_UNTITLED_PAGE = _TITLED_PAGE - {Region.SUMMARY}
_UNTITLED_ROLES = _TITLED_ROLES - {Role.SUMMARY}
MAU_1_8 = Form("1.8", "Giấy giới thiệu", "PL III, Mẫu 1.8", (DocumentType.GIAY_GIOI_THIEU,), _UNTITLED_PAGE,
               _UNTITLED_ROLES, particulars="introduction", words=(
                   ("introduce", "trân trọng giới thiệu:"), ("person", "Ông (bà)"), ("position", "Chức vụ:"),
                   ("sent_to", "Được cử đến:"), ("purpose", "Về việc:"),
                   ("request", "Đề nghị Quý cơ quan tạo điều kiện để ông (bà) có tên ở trên hoàn thành "
                               "nhiệm vụ."),
                   ("valid_until", "Giấy này có giá trị đến hết")), lead_in="introduce")
# PL III, Mẫu 1.9: a biên bản has no place-and-date line under the Quốc hiệu (its time and place are
# in its text); its secretary (THƯ KÝ, left) and chair (CHỦ TỌA, right) sign in their own names.
MAU_1_9 = Form("1.9", "Biên bản", "PL III, Mẫu 1.9", (DocumentType.BIEN_BAN,),
               _HEADER | _TITLE | _CONTENT | _CLOSING, _ALWAYS | {Role.DOCUMENT_TYPE_NAME, Role.SUMMARY},
               signatures=Range(2, 2), signers_in_person="its secretary and chair", particulars="minutes",
               words=(("start", "Thời gian bắt đầu:"), ("venue", "Địa điểm:"),
                      ("participants", "Thành phần tham dự:"), ("chair", "Chủ trì (chủ tọa):"),
                      ("secretary", "Thư ký (người ghi biên bản):"),
                      # The sample's "(theo diễn biến cuộc họp/hội nghị/hội thảo)" says how to write it.
                      ("content", "Nội dung:"),
                      ("end", "Cuộc họp kết thúc vào")))
MAU_1_10 = Form("1.10", "Giấy nghỉ phép", "PL III, Mẫu 1.10", (DocumentType.GIAY_NGHI_PHEP,),
                _UNTITLED_PAGE | {Region.CONFIRMATION}, _UNTITLED_ROLES, particulars="leave", words=(
                    ("request", "Xét Đơn đề nghị nghỉ phép"), ("of", "của ông (bà)"), ("grant", "cấp cho:"),
                    ("person", "Ông (bà):"), ("position", "Chức vụ:"),
                    ("period", "Được nghỉ phép trong thời gian"), ("days", "ngày"), ("from", "kể từ"),
                    ("until", "đến hết"), ("at", "tại"),
                    ("counted", "Số ngày nghỉ phép nêu trên được tính vào thời gian"),
                    # The sample's "(nếu cần)" says the box is optional (Leave.confirmation).
                    ("confirmation", "Xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương nơi "
                                     "nghỉ phép")))

# Hợp đồng, bản ghi nhớ, bản thỏa thuận: PL III gives no sample (its list of forms has none), so their
# layout is practice: the header and tên loại of Mẫu 1.4, then the two parties named in the text ("BÊN A:
# <name>", its representative, chức vụ, address ...) before the clauses, and two signature blocks side by
# side, "ĐẠI DIỆN BÊN A" on the left and "ĐẠI DIỆN BÊN B" on the right, each party's representative signing
# in person over their chức vụ. No Nơi nhận (each party keeps its copies), so no ô 12 under it.
AGREEMENT = Form("practice", "Hợp đồng, bản ghi nhớ, bản thỏa thuận", "practice: no sample in PL III", (
    DocumentType.HOP_DONG, DocumentType.BAN_GHI_NHO, DocumentType.BAN_THOA_THUAN,
), _TITLED_PAGE - {Region.RECIPIENTS, Region.ISSUANCE_NOTE}, _TITLED_ROLES - {Role.RECIPIENTS_HEADING,
                                                                                Role.RECIPIENT},
    signatures=Range(2, 2), signers_in_person="each party's representative", particulars="agreement", words=(
        ("party", "BÊN"), ("letters", "AB"), ("represented", "Đại diện:"), ("position", "Chức vụ:"),
        ("address", "Địa chỉ:"), ("phone", "Điện thoại:"), ("tax_code", "Mã số thuế:"),
        ("account", "Tài khoản:"), ("signs_for", "ĐẠI DIỆN")))

FORMS: tuple[Form, ...] = (MAU_1_1, MAU_1_2, MAU_1_3, MAU_1_4, MAU_1_5, MAU_1_6, MAU_1_7, MAU_1_8, MAU_1_9,
                           MAU_1_10, AGREEMENT)
# The form a document whose type is not known is held to: the one most types have.
DEFAULT_FORM = MAU_1_4

# Each type's form; the form of a type's documents that carry an attached text (Mẫu 1.3).
_BY_TYPE: dict[DocumentType, Form] = {kind: form for form in FORMS if not form.has_attachment
                                      for kind in form.types}
_ATTACHING: dict[DocumentType, Form] = {kind: form for form in FORMS if form.has_attachment
                                        for kind in form.types}


def form_of(kind: DocumentType, *, attached: bool = False) -> Form:
    """The form documents of type ``kind`` are laid out in; ``attached``: those that issue an attached
    text (PL III, Mẫu 1.3), where their type has such a form. ValueError for what is not a type."""
    try:
        return _ATTACHING.get(kind, _BY_TYPE[kind]) if attached else _BY_TYPE[kind]
    except (KeyError, TypeError):
        raise ValueError(f"{kind!r} is not a document type") from None
