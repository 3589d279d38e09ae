"""The types of administrative document (Art. 7, PL III Mục I) and the marks (PL I, III.2)."""

from __future__ import annotations

import enum


class Secrecy(enum.Enum):
    """Dấu chỉ độ mật (PL I, III.2.a), stamped in ô 10a."""

    MAT = "MẬT"
    TOI_MAT = "TỐI MẬT"
    TUYET_MAT = "TUYỆT MẬT"


class Urgency(enum.Enum):
    """Dấu chỉ mức độ khẩn (PL I, III.2.b), stamped in ô 10b in a single-line frame."""

    KHAN = "KHẨN"
    THUONG_KHAN = "THƯỢNG KHẨN"
    HOA_TOC = "HỎA TỐC"


# PL I, III.2.b: the urgency stamp is a rectangle of 30 x 8 mm (HỎA TỐC), 40 x 8 mm (THƯỢNG KHẨN) or
# 20 x 8 mm (KHẨN): (width, height) in mm.
URGENCY_STAMP_MM: dict[Urgency, tuple[float, float]] = {
    Urgency.HOA_TOC: (30, 8), Urgency.THUONG_KHAN: (40, 8), Urgency.KHAN: (20, 8)}

# PL I, III.2.c: the circulation notes the decree names ("như": an office may use others like them).
CIRCULATION_NOTES = ("XEM XONG TRẢ LẠI", "LƯU HÀNH NỘI BỘ")


# --------------------------------------------------------------------------------------------
# Document types and their abbreviations (PL III, Mục I; Art. 7)


class DocumentType(enum.Enum):
    """The types of administrative document (Art. 7) with their abbreviations (PL III, Mục I).

    The value is a stable ASCII slug used in specs; ``type_name`` is the name as Art. 7 writes it and
    ``abbreviation`` the code that goes into the ký hiệu (None for công văn and thư công).
    """

    type_name: str
    abbreviation: str | None

    def __new__(cls, slug: str, type_name: str, abbreviation: str | None) -> DocumentType:
        member = object.__new__(cls)
        member._value_ = slug
        member.type_name = type_name
        member.abbreviation = abbreviation
        return member

    # Order and codes: PL III, Mục I. Mixed-case codes (QyĐ, CTr, TTr) keep their lower-case letters.
    NGHI_QUYET = ("nghi-quyet", "Nghị quyết", "NQ")
    QUYET_DINH = ("quyet-dinh", "Quyết định", "QĐ")
    CHI_THI = ("chi-thi", "Chỉ thị", "CT")
    QUY_CHE = ("quy-che", "Quy chế", "QC")
    QUY_DINH = ("quy-dinh", "Quy định", "QyĐ")
    THONG_CAO = ("thong-cao", "Thông cáo", "TC")
    THONG_BAO = ("thong-bao", "Thông báo", "TB")
    HUONG_DAN = ("huong-dan", "Hướng dẫn", "HD")
    CHUONG_TRINH = ("chuong-trinh", "Chương trình", "CTr")
    KE_HOACH = ("ke-hoach", "Kế hoạch", "KH")
    PHUONG_AN = ("phuong-an", "Phương án", "PA")
    DE_AN = ("de-an", "Đề án", "ĐA")
    DU_AN = ("du-an", "Dự án", "DA")
    BAO_CAO = ("bao-cao", "Báo cáo", "BC")
    BIEN_BAN = ("bien-ban", "Biên bản", "BB")
    TO_TRINH = ("to-trinh", "Tờ trình", "TTr")
    HOP_DONG = ("hop-dong", "Hợp đồng", "HĐ")
    CONG_DIEN = ("cong-dien", "Công điện", "CĐ")
    BAN_GHI_NHO = ("ban-ghi-nho", "Bản ghi nhớ", "BGN")
    BAN_THOA_THUAN = ("ban-thoa-thuan", "Bản thỏa thuận", "BTT")
    GIAY_UY_QUYEN = ("giay-uy-quyen", "Giấy ủy quyền", "GUQ")
    GIAY_MOI = ("giay-moi", "Giấy mời", "GM")
    GIAY_GIOI_THIEU = ("giay-gioi-thieu", "Giấy giới thiệu", "GGT")
    GIAY_NGHI_PHEP = ("giay-nghi-phep", "Giấy nghỉ phép", "GNP")
    PHIEU_GUI = ("phieu-gui", "Phiếu gửi", "PG")
    PHIEU_CHUYEN = ("phieu-chuyen", "Phiếu chuyển", "PC")
    PHIEU_BAO = ("phieu-bao", "Phiếu báo", "PB")
    # PL III gives no code for these two. How each type is laid out: vbhc.nd30.forms.
    CONG_VAN = ("cong-van", "Công văn", None)
    THU_CONG = ("thu-cong", "Thư công", None)


# PL III, Mục I: abbreviations of the three kinds of copy.
COPY_ABBREVIATIONS = {"sao-y": "SY", "trich-sao": "TrS", "sao-luc": "SL"}


class CopyKind(enum.Enum):
    """Hình thức sao (Art. 25; PL I, Phần II, II.1.a): the words printed in ô 1 of a copy, and the code of
    its ký hiệu (PL III, Mục I)."""

    words: str
    abbreviation: str

    def __new__(cls, slug: str, words: str) -> CopyKind:
        member = object.__new__(cls)
        member._value_ = slug
        member.words = words
        member.abbreviation = COPY_ABBREVIATIONS[slug]
        return member

    SAO_Y = ("sao-y", "SAO Y")
    SAO_LUC = ("sao-luc", "SAO LỤC")
    TRICH_SAO = ("trich-sao", "TRÍCH SAO")

