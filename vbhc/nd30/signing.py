"""Signing authorities (quyền hạn ký, PL I, II.7.b) and the collectives one signs for."""

from __future__ import annotations

import enum


class SigningAuthority(enum.Enum):
    """Quyền hạn ký (PL I, II.7.b). The value is the abbreviation printed before the title."""

    TM = "TM."  # thay mặt: on behalf of a collective or body
    KT = "KT."  # ký thay: a deputy signing for the head
    Q = "Q."  # quyền: acting head
    TL = "TL."  # thừa lệnh: by order of the head
    TUQ = "TUQ."  # thừa ủy quyền: by written authorisation of the head

    @classmethod
    def _missing_(cls, value: object) -> SigningAuthority | None:
        """Accept the abbreviation without its full stop or in lower case: "KT", "tm."."""
        if isinstance(value, str):
            wanted = value.strip().rstrip(".").upper()
            return next((m for m in cls if m.value.rstrip(".").upper() == wanted), None)
        return None


# PL I, II.7.b: "ký thay mặt tập thể thì phải ghi chữ viết tắt "TM." vào trước tên tập thể lãnh đạo".
# The collective bodies the decree's own examples sign for (PL I, Mục V: "TM. ỦY BAN NHÂN DÂN"; the
# decree: "TM. CHÍNH PHỦ"), with the People's Councils, which are collectives too (Art. 13.2). As the
# words open an issuer's name, in capitals; the abbreviations are the ones PL I, II.2.b allows.
COLLECTIVE_ISSUER_WORDS = ("ỦY BAN NHÂN DÂN", "UBND", "HỘI ĐỒNG NHÂN DÂN", "HĐND", "CHÍNH PHỦ")
