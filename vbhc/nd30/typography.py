"""Decree 30/2020/NĐ-CP typography: page set-up, fonts and the look of every component.

Every constant cites its clause. "PL I" is Phụ lục I (thể thức và kỹ thuật trình bày), "PL III"
is Phụ lục III (viết tắt tên loại và mẫu trình bày). Where the decree gives a range, the range is
named ``*_RANGE`` and the value vbhc uses by default is named once beside it; the defaults follow the
decree's own worked example (PL I, Mục V) unless a comment says otherwise.

The model, the DOCX writer, the template builder and the checker all read from here; none of them
repeats a number that lives in this module.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

# --------------------------------------------------------------------------------------------
# Ranges and typography records


@dataclass(frozen=True, slots=True)
class Range:
    """A closed interval of allowed values (pt or mm)."""

    low: float
    high: float

    def __contains__(self, value: object) -> bool:
        return isinstance(value, (int, float)) and self.low <= value <= self.high

    def __str__(self) -> str:
        if self.low == self.high:
            return f"{self.low:g}"
        return f"{self.low:g}–{self.high:g}"


class Case(enum.Enum):
    """How a component's letters are written."""

    UPPER = "upper"  # chữ in hoa
    AS_TYPED = "as-typed"  # chữ in thường: sentence case, as the author wrote it


class Align(enum.Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"


@dataclass(frozen=True, slots=True)
class Typography:
    """What the decree says about one component's type: size range, weight, slant, case."""

    size: Range
    default_size: float
    bold: bool
    italic: bool
    case: Case
    align: Align
    clause: str

    def __post_init__(self) -> None:
        if self.default_size not in self.size:
            raise ValueError(f"default {self.default_size} outside {self.size} ({self.clause})")


# --------------------------------------------------------------------------------------------
# Page set-up (PL I, Phần I, Mục I)

PAPER_WIDTH_MM = 210  # PL I, I.1: khổ A4 (210 mm x 297 mm)
PAPER_HEIGHT_MM = 297  # PL I, I.1
# PL I, I.2: portrait ("theo chiều dài của khổ A4"); landscape only for tables not split into appendices.

MARGIN_TOP_RANGE = Range(20, 25)  # PL I, I.3: cách mép trên 20 - 25 mm
MARGIN_BOTTOM_RANGE = Range(20, 25)  # PL I, I.3: cách mép dưới 20 - 25 mm
MARGIN_LEFT_RANGE = Range(30, 35)  # PL I, I.3: cách mép trái 30 - 35 mm
MARGIN_RIGHT_RANGE = Range(15, 20)  # PL I, I.3: cách mép phải 15 - 20 mm
# Defaults: the low end of each range gives the widest text block (165 mm), which leaves room for
# the Quốc hiệu on one line in the header's right column.
MARGIN_TOP_MM = 20
MARGIN_BOTTOM_MM = 20
MARGIN_LEFT_MM = 30
MARGIN_RIGHT_MM = 15

FONT_NAME = "Times New Roman"  # PL I, I.4: phông chữ tiếng Việt Times New Roman, Unicode TCVN 6909:2001
FONT_COLOR = "000000"  # PL I, I.4: màu đen
# Not a decree rule: the language tag that makes spell-checkers and hyphenation treat text as Vietnamese.
LANGUAGE_TAG = "vi-VN"

# PL I, I.7: page numbers 13-14 pt, upright, centred in the top margin, none on page 1.
PAGE_NUMBER = Typography(Range(13, 14), 14, False, False, Case.AS_TYPED, Align.CENTER, "PL I, I.7")
PAGE_NUMBER_ON_FIRST_PAGE = False  # PL I, I.7: "không hiển thị số trang thứ nhất"
PAGE_NUMBER_IN_TOP_MARGIN = True  # PL I, I.7: "trong phần lề trên của văn bản" (the header, not the footer)

# --------------------------------------------------------------------------------------------
# Header components (PL I, Phần I, Mục II.1-II.5)

NATIONAL_TITLE_TEXT = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # PL I, II.1.a
MOTTO_TEXT = "Độc lập - Tự do - Hạnh phúc"  # PL I, II.1.b: hyphen with a space on each side
# PL I, Mục V (and the decree's own header) spell the Quốc hiệu "CỘNG HOÀ"; PL I, II.1.a spells it
# "CỘNG HÒA". Both placements of the tone mark are the Quốc hiệu (RULES.md §5).
NATIONAL_TITLE_SPELLINGS = frozenset({NATIONAL_TITLE_TEXT, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"})

# PL I, II.1.a: Quốc hiệu in hoa, 12-13, đứng, đậm. Default 12 as in PL I, Mục V.
NATIONAL_TITLE = Typography(Range(12, 13), 12, True, False, Case.UPPER, Align.CENTER, "PL I, II.1.a")
# PL I, II.1.b: Tiêu ngữ in thường, 13-14, đứng, đậm, centred under the Quốc hiệu. Mục V: 13.
MOTTO = Typography(Range(13, 14), 13, True, False, Case.AS_TYPED, Align.CENTER, "PL I, II.1.b")
# PL I, II.1.b: the line under the Tiêu ngữ is as long as the text.
MOTTO_RULE_FRACTION = 1.0

# PL I, II.2.b: cơ quan chủ quản in hoa, 12-13, đứng (not bold). Mục V: 12.
PARENT_BODY = Typography(Range(12, 13), 12, False, False, Case.UPPER, Align.CENTER, "PL I, II.2.b")
# PL I, II.2.b: cơ quan ban hành in hoa, 12-13, đứng, đậm. Mục V: 12.
ISSUER = Typography(Range(12, 13), 12, True, False, Case.UPPER, Align.CENTER, "PL I, II.2.b")
# PL I, II.2.b: a solid line 1/3 to 1/2 of the text's length, centred under it.
RULE_FRACTION_RANGE = Range(1 / 3, 1 / 2)
ISSUER_RULE_FRACTION = 0.4

# PL I, II.3.c: "Số" lower case, 13, upright, followed by a colon; the symbol upper case, 13.
NUMBER = Typography(Range(13, 13), 13, False, False, Case.AS_TYPED, Align.CENTER, "PL I, II.3.c")
NUMBER_LABEL = "Số:"  # PL I, II.3.c: sau từ "Số" có dấu hai chấm
NUMBER_SEPARATOR = "/"  # PL I, II.3.c: giữa số và ký hiệu có dấu gạch chéo
SYMBOL_SEPARATOR = "-"  # PL I, II.3.c: giữa các nhóm chữ viết tắt có dấu gạch nối, không cách chữ
NUMBER_MIN_DIGITS = 2  # PL I, II.3.c: số nhỏ hơn 10 phải ghi thêm số 0 phía trước

# PL I, II.4.c: place and date in thường, 13-14, nghiêng; comma after the place. Mục V: 13.
PLACE_DATE = Typography(Range(13, 14), 13, False, True, Case.AS_TYPED, Align.CENTER, "PL I, II.4.c")
PLACE_SEPARATOR = ", "  # PL I, II.4.c: sau địa danh có dấu phẩy
DAY_MIN_DIGITS = 2  # PL I, II.4.b: ngày nhỏ hơn 10 ghi thêm số 0
MONTHS_WITH_LEADING_ZERO = frozenset({1, 2})  # PL I, II.4.b: tháng 1, 2 ghi thêm số 0

# PL I, II.5.b: tên loại in hoa, 13-14, đứng, đậm; trích yếu in thường, 13-14, đứng, đậm. Mục V: 14.
DOCUMENT_TYPE_NAME = Typography(Range(13, 14), 14, True, False, Case.UPPER, Align.CENTER, "PL I, II.5.b")
SUMMARY = Typography(Range(13, 14), 14, True, False, Case.AS_TYPED, Align.CENTER, "PL I, II.5.b")
SUMMARY_RULE_FRACTION = 0.4  # PL I, II.5.b: line 1/3 to 1/2 of the text's length
# PL I, II.5.b: công văn's trích yếu after "V/v", in thường, 12-13, đứng, 6 pt below the number.
LETTER_SUMMARY = Typography(Range(12, 13), 12, False, False, Case.AS_TYPED, Align.CENTER, "PL I, II.5.b")
LETTER_SUMMARY_PREFIX = "V/v "  # PL I, II.5.b
# PL I, II.2.a: the issuer's name is its official, full name; only the parent body's name shortens the common
# phrases ("Tên của cơ quan, tổ chức chủ quản trực tiếp được viết tắt những cụm từ thông dụng").
COMMON_ABBREVIATIONS = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân"}
_SHORTENED = re.compile(rf"(?<!\w)({'|'.join(COMMON_ABBREVIATIONS)})(?!\w)")


def written_in_full(name: str) -> str:
    """An issuer's name (in capitals) with the common abbreviations written out: "UBND XÃ HOÀNG KIM" →
    "ỦY BAN NHÂN DÂN XÃ HOÀNG KIM" (PL I, II.2.a)."""
    return _SHORTENED.sub(lambda m: COMMON_ABBREVIATIONS[m[1]].upper(), name)
LETTER_SUMMARY_SPACE_BEFORE_PT = 6  # PL I, II.5.b: cách dòng 6pt với số và ký hiệu

# --------------------------------------------------------------------------------------------
# Content (PL I, Phần I, Mục II.6)

# PL I, II.6.e: in thường, justified, đứng, 13-14; first-line indent 1 cm or 1.27 cm; at least 6 pt
# between paragraphs; line spacing from single to 1.5 lines. Mục V: 14.
BODY = Typography(Range(13, 14), 14, False, False, Case.AS_TYPED, Align.JUSTIFY, "PL I, II.6.e")
FIRST_LINE_INDENT_CHOICES_CM = (1.0, 1.27)  # PL I, II.6.e: two allowed values, not a range
FIRST_LINE_INDENT_CM = 1.27
PARAGRAPH_SPACING_MIN_PT = 6  # PL I, II.6.e: khoảng cách giữa các đoạn văn tối thiểu là 6pt
PARAGRAPH_SPACING_PT = 6
LINE_SPACING_RANGE = Range(1.0, 1.5)  # PL I, II.6.e: tối thiểu dòng đơn, tối đa 1,5 lines
LINE_SPACING = 1.15

# PL III, Mẫu 1.1 and 1.2: a nghị quyết or quyết định names who enacts it (the head's title, or the
# collective or body) on a centred line in capitals between the trích yếu and the căn cứ, and opens
# its articles with "QUYẾT NGHỊ:" or "QUYẾT ĐỊNH:" on a centred line. Sizes follow the body (PL I,
# II.6.e); bold as in the samples.
ENACTING_AUTHORITY = Typography(Range(13, 14), 14, True, False, Case.UPPER, Align.CENTER,
                                "PL III, Mẫu 1.2")
ENACTMENT = Typography(Range(13, 14), 14, True, False, Case.UPPER, Align.CENTER, "PL III, Mẫu 1.1-1.2")

# PL I, II.6.a: căn cứ in thường, nghiêng, 13-14; each on its own line ending ";", the last ".".
LEGAL_BASIS = Typography(Range(13, 14), 14, False, True, Case.AS_TYPED, Align.JUSTIFY, "PL I, II.6.a")
LEGAL_BASIS_LINE_END = ";"  # PL I, II.6.a
LEGAL_BASIS_LAST_END = "."  # PL I, II.6.a
# The words a căn cứ line opens with: "Căn cứ ..." (PL I, II.6.a) and the proposal it follows, "Theo
# đề nghị của ..." (PL III, Mẫu 1.2), with the spellings offices use for the same line ("Xét đề nghị",
# "Xét tờ trình", "Theo đề xuất"). The recogniser reads such lines before the body as căn cứ, and the
# spec reader takes them from the head of a typed preamble or body.
LEGAL_BASIS_OPENINGS = ("Căn cứ", "Theo đề nghị", "Xét đề nghị", "Xét tờ trình", "Theo đề xuất")


def opens_legal_basis(text: str) -> bool:
    """Whether ``text`` opens with the words of a căn cứ line (:data:`LEGAL_BASIS_OPENINGS`), any case."""
    return text.lstrip().lower().startswith(tuple(w.lower() for w in LEGAL_BASIS_OPENINGS))

# PL I, II.6.đ: "Phần"/"Chương" + Roman number on its own line, centred, in thường, đứng, đậm; the
# title under it, centred, in hoa, đậm. "Mục"/"Tiểu mục" likewise with Arabic numbers.
DIVISION_LABEL = Typography(Range(13, 14), 14, True, False, Case.AS_TYPED, Align.CENTER, "PL I, II.6.đ")
DIVISION_TITLE = Typography(Range(13, 14), 14, True, False, Case.UPPER, Align.CENTER, "PL I, II.6.đ")
PART_WORD = "Phần"  # PL I, II.6.đ
CHAPTER_WORD = "Chương"  # PL I, II.6.đ
SECTION_WORD = "Mục"  # PL I, II.6.đ
# PL I, II.6.đ: "Điều", its number and title in thường, đậm, body size, indented like the body.
ARTICLE = Typography(Range(13, 14), 14, True, False, Case.AS_TYPED, Align.JUSTIFY, "PL I, II.6.đ")
ARTICLE_WORD = "Điều"  # PL I, II.6.đ
# Documents without articles number their top divisions "I.", "II." with an UPPER bold title (PL I,
# II.6.c-đ; PL III Mẫu 1.4 practice); below them khoản "1." (bold when titled) and điểm "a)".
HEADING = Typography(Range(13, 14), 14, True, False, Case.UPPER, Align.JUSTIFY, "PL I, II.6.đ")
# PL I, II.6.đ: a khoản with a title has number and title on their own line, đậm.
ITEM_TITLE = Typography(Range(13, 14), 14, True, False, Case.AS_TYPED, Align.JUSTIFY, "PL I, II.6.đ")
# PL I, II.6.đ: điểm use the Vietnamese alphabet in order, followed by ")". Letters with diacritics
# other than đ are not used, nor f, j, w, z (not in the Vietnamese alphabet).
POINT_LETTERS = (*"abcd", "đ", *"eghiklmnopqrstuvxy")
POINT_SUFFIX = ")"  # PL I, II.6.đ: "sau có dấu đóng ngoặc đơn"
NUMBER_SUFFIX = "."  # PL I, II.6.đ: "sau số thứ tự có dấu chấm"
# Not defined by the decree (RULES.md §2.4: practice): the markers of the two bullet levels.
DASH_MARKER = "-"
PLUS_MARKER = "+"
# Every sample in PL III ends its body with "./." (RULES.md §2.4: samples, no rule text).
BODY_END_MARK = "./."

# PL I, II.7.đ: authority and position in hoa, 13-14, đứng, đậm. Mục V: 14.
SIGNATURE_TITLE = Typography(Range(13, 14), 14, True, False, Case.UPPER, Align.CENTER, "PL I, II.7.đ")
# PL I, II.7.đ: signer's name in thường, 13-14, đứng, đậm, centred under the position.
SIGNER_NAME = Typography(Range(13, 14), 14, True, False, Case.AS_TYPED, Align.CENTER, "PL I, II.7.đ")
# PL III, Mẫu 1.10 (sample, no rule text): the box where the place of leave confirms, under Nơi nhận,
# in italic, centred, at the size of the samples' notes.
CONFIRMATION = Typography(Range(12, 12), 12, False, True, Case.AS_TYPED, Align.CENTER,
                          "PL III, Mẫu 1.10 (sample)")


# --------------------------------------------------------------------------------------------
# Recipients (PL I, Phần I, Mục II.9)

# PL III, Mẫu 1.6 and 1.8 (the samples): the line that opens a công điện's or a giấy giới thiệu's text,
# "<sender> điện:" and "<issuer> trân trọng giới thiệu:", stands centred, upright and regular, in the
# body's size; what follows it is the body's.
LEAD_IN = Typography(Range(13, 14), 14, False, False, Case.AS_TYPED, Align.CENTER, "PL III, Mẫu 1.6, 1.8")
# PL III, Mẫu 1.6: a công điện's receivers, "- name;" a line (the last "."), in the body's size, stand in a
# list further in than the body, flush left (the sample sets them in a column 3.56 cm in).
RECEIVER = Typography(Range(13, 14), 14, False, False, Case.AS_TYPED, Align.LEFT, "PL III, Mẫu 1.6")
RECEIVER_INDENT_CM = 3.75  # PL III, Mẫu 1.6 (the sample): its 3.56 cm column and 0.19 cm cell margin
ADDRESSEES_LABEL = "Kính gửi:"  # PL I, II.9.d: "Kính gửi" followed by a colon
# PL I, II.9.d: Kính gửi and its names in thường, 13-14, đứng.
ADDRESSEES = Typography(Range(13, 14), 14, False, False, Case.AS_TYPED, Align.LEFT, "PL I, II.9.d")
RECIPIENTS_LABEL = "Nơi nhận:"  # PL I, II.9.d
# PL I, II.9.d: "Nơi nhận:" in thường, 12, nghiêng, đậm, flush left.
RECIPIENTS_HEADING = Typography(Range(12, 12), 12, True, True, Case.AS_TYPED, Align.LEFT, "PL I, II.9.d")
# PL I, II.9.d: the list in thường, 11, đứng, one name per line.
RECIPIENT = Typography(Range(11, 11), 11, False, False, Case.AS_TYPED, Align.LEFT, "PL I, II.9.d")
LIST_ITEM_PREFIX = "- "  # PL I, II.9.d: đầu dòng có gạch đầu dòng (-)
LIST_ITEM_END = ";"  # PL I, II.9.d: cuối dòng có dấu chấm phẩy
LIST_LAST_END = "."  # PL I, II.9.d: dòng cuối cùng ... cuối cùng là dấu chấm
ARCHIVE_LABEL = "Lưu:"  # PL I, II.9.d: chữ "Lưu" sau có dấu hai chấm
ARCHIVE_REGISTRY = "VT"  # PL I, II.9.d: chữ viết tắt "VT" (văn thư)
AS_ABOVE = "Như trên"  # PL I, II.9.b: first line of Nơi nhận when there is a Kính gửi
# "Như trên" as offices also write it (practice): the line stands for the Kính gửi list all the same
AS_ABOVE_SPELLINGS = (AS_ABOVE, "Như Kính gửi")
# PL I, III.3 (ô 12, under Nơi nhận): the drafter's initials in hoa and the number of copies issued in
# Arabic digits, 11, đứng: "PL.(300)" (PL I, Mục V, 11).
ISSUANCE_NOTE = Typography(Range(11, 11), 11, False, False, Case.AS_TYPED, Align.LEFT, "PL I, III.3")
ISSUANCE_INITIALS_END = "."  # PL I, Mục V, 11: "PL.(300)"
ISSUANCE_COPIES_FORMAT = "({copies})"  # PL I, Mục V, 11: the number of copies in brackets

# PL I, III.4 (ô 13): the issuer's address, e-mail, website, phone and fax on page 1 only, in thường,
# 11-12, đứng, under a solid line the full width of the text block. Mục V, 12: 11.
CONTACT = Typography(Range(11, 12), 11, False, False, Case.AS_TYPED, Align.LEFT, "PL I, III.4")
CONTACT_ON_FIRST_PAGE_ONLY = True  # PL I, III.4: "ở trang thứ nhất của văn bản"
# PL I, Mục V, 12: the labels of the example "Số: ..., ĐT: ..., Fax: ..., E-Mail: ..., Website: ..."
# and its lines: the address (the example's "Số:" is a street number, not a label), then phone and fax,
# then e-mail and website. The Issuer's fields by line, with their labels.
CONTACT_LINES = ({"phone": "ĐT:", "fax": "Fax:"}, {"email": "E-Mail:", "website": "Website:"})
CONTACT_SEPARATOR = ", "  # PL I, Mục V, 12

# --------------------------------------------------------------------------------------------
# Other components (PL I, Phần I, Mục III)

APPENDIX_WORD = "Phụ lục"  # PL I, III.1.b
APPENDIX_NOTE_WORDS = "Kèm theo"  # PL I, III.1.c: "(Kèm theo văn bản số …/…-… ngày … của …)"
# PL I, III.1.b: "Phụ lục" and its number on their own line, centred, in thường, 14, đứng, đậm.
APPENDIX_LABEL = Typography(Range(14, 14), 14, True, False, Case.AS_TYPED, Align.CENTER, "PL I, III.1.b")
# PL I, III.1.b: the appendix title centred, in hoa, 13-14, đậm.
APPENDIX_TITLE = Typography(Range(13, 14), 14, True, False, Case.UPPER, Align.CENTER, "PL I, III.1.b")
# PL I, III.1.c: the "(Kèm theo ...)" line centred under the title, in thường, 13-14, nghiêng.
APPENDIX_NOTE = Typography(Range(13, 14), 14, False, True, Case.AS_TYPED, Align.CENTER, "PL I, III.1.c")


# PL I, I.2: a document with tables (bảng, biểu) not made into appendices may be laid out landscape;
# offices also set an appendix that holds a wide table on landscape pages (practice: PL I, III.1 gives an
# appendix no orientation of its own). Its margins stay the decree's (PL I, I.3).
LANDSCAPE_TABLES = "PL I, I.2: landscape for a document whose tables are not made into appendices"
LANDSCAPE_APPENDIX = ("practice: an appendix holding a wide table is set on landscape A4 pages (PL I, I.2 "
                      "allows landscape for tables; PL I, III.1 gives an appendix no orientation)")
# Not in the decree: PL I sizes the body's text (II.6.e: 13-14) and says nothing of the text inside a
# table (bảng, biểu: PL I, I.2 names them only for the page's orientation). Offices set tables at 12-13
# so that columns fit, and the body's 13-14 is kept too: 12-14, 13 by default. Headers bold, centred.
TABLE_PRACTICE = ("practice: the decree gives no size for a table's text (PL I, II.6.e sizes the body, "
                  "13-14); offices set tables at 12-13 pt")
TABLE_HEADER = Typography(Range(12, 14), 13, True, False, Case.AS_TYPED, Align.CENTER, TABLE_PRACTICE)
TABLE_CELL = Typography(Range(12, 14), 13, False, False, Case.AS_TYPED, Align.LEFT, TABLE_PRACTICE)
# How numbers are written (practice, TCVN and the samples: "1.234,5"): "." groups thousands, "," the
# decimals. A table cell holding only such a number is right-aligned (practice: figures line up).
THOUSANDS_SEPARATOR = "."
DECIMAL_SEPARATOR = ","


# PL I, III.2.b: urgency marks in hoa, 13-14, đậm, in a single-line frame ("khung đơn": the urgency
# role's record). Secrecy marks share the look.
# PL I, III.2.a: the secrecy stamps (TUYỆT MẬT, TỐI MẬT, MẬT) are made under the law on state secrets;
# vbhc prints the words in ô 10a in the look of the urgency marks (PL I, III.2.b).
MARK = Typography(Range(13, 14), 13, True, False, Case.UPPER, Align.LEFT, "PL I, III.2.b")
# PL I, III.2.b: the urgency stamp: in hoa, 13-14, đứng, đậm, "đặt cân đối" (centred) in a rectangle
# with a single-line frame (its size per level: nd30.types.URGENCY_STAMP_MM), stamped in bright red ink
# ("màu đỏ tươi") in ô 10b.
URGENCY = Typography(Range(13, 14), 13, True, False, Case.UPPER, Align.CENTER, "PL I, III.2.b")
STAMP_INK = "FF0000"  # PL I, III.2.b: "Mực để đóng dấu chỉ mức độ khẩn dùng màu đỏ tươi"
# PL I, III.2.c: circulation notes ("XEM XONG TRẢ LẠI", "LƯU HÀNH NỘI BỘ") in ô 11, in hoa, 13-14,
# đứng, đậm, centred in a single-line frame. Ô 11 stands above the Quốc hiệu (PL I, IV), at the right.
CIRCULATION = Typography(Range(13, 14), 13, True, False, Case.UPPER, Align.RIGHT, "PL I, III.2.c")

# PL I, Phần II, II.2.b: "SAO Y", "SAO LỤC", "TRÍCH SAO" in hoa, 13-14, đứng, đậm, over the copy's
# place and date at the right (PL III, Mẫu 3.1).
COPY_KIND = Typography(Range(13, 14), 14, True, False, Case.UPPER, Align.CENTER, "PL I, Phần II, II.2.b")

# Not in the decree (RULES.md has no rule either): offices mark a draft "DỰ THẢO", or "DỰ THẢO LẦN 2"
# for its second round, at the top right of page 1 above the header, bold, in a frame, the size of
# the marks of PL I, III.2.b. Written as typed (an office's "Dự thảo lần 2" is no finding).
DRAFT = Typography(Range(13, 14), 13, True, False, Case.AS_TYPED, Align.RIGHT,
                   "practice: a draft's mark (the decree has none)")
DRAFT_WORDS = "DỰ THẢO"  # practice

# Not in the decree: PL I gives footnotes (chú thích cuối trang) no size. Plans and reports put a source
# or a definition in a Word footnote, set smaller than the body, at 10-12 pt; vbhc sets 12, the largest
# (legible beside a 14 pt body), upright, justified, numbered 1, 2, ... by Word, its mark superscript.
FOOTNOTE = Typography(Range(10, 12), 12, False, False, Case.AS_TYPED, Align.JUSTIFY,
                      "practice: footnotes at 10-12 pt (the decree gives them no size)")
DRAFT_ROUND_WORD = "LẦN"  # practice: "DỰ THẢO LẦN 2"


@dataclass(frozen=True, slots=True)
class ListEnds:
    """How the lines of one of the decree's lists end: each with ``line``, the last with ``last``."""

    line: str
    last: str
    clause: str

    def end(self, index: int, count: int) -> str:
        """The ending of line ``index`` (0-based) of ``count``."""
        return self.last if index == count - 1 else self.line

    def ends_right(self, text: str, index: int, count: int) -> bool:
        """Whether ``text`` ends as line ``index`` of ``count`` should (a last "." is not a "..")."""
        end = self.end(index, count)
        return text.endswith(end) and not (index == count - 1 and text.endswith(end + end))


LEGAL_BASIS_ENDS = ListEnds(LEGAL_BASIS_LINE_END, LEGAL_BASIS_LAST_END, "PL I, II.6.a")  # căn cứ
LIST_ENDS = ListEnds(LIST_ITEM_END, LIST_LAST_END, "PL I, II.9.d")  # Kính gửi and Nơi nhận lists
