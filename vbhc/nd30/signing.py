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


# A signature's quyền hạn lines read from the outside in (PL I, II.7.b; Art. 13). What may follow each
# abbreviation, with the clause that says so; the head signing in their own name has no line at all.
# - TM. opens a stack: it stands before the collective's name, and the head or a deputy (KT.) signs on
#   its behalf (Art. 13.2); an acting head (Q.) or a holder of TL./TUQ. from the head may sign under it.
# - KT.: the deputy signs in their own position, printed next (Art. 13.1; PL I, II.7.b).
# - Q.: the acting head signs in the head's title (PL I, II.7.b).
# - TL.: the holder may pass the signing to their deputy, who signs KT. (Art. 13.4).
# - TUQ.: "Người được ký thừa ủy quyền không được ủy quyền lại cho người khác ký" (Art. 13.3).
MANDATE_FOLLOWERS: dict[SigningAuthority | None, tuple[frozenset[SigningAuthority], str]] = {
    None: (frozenset(SigningAuthority), "PL I, II.7.b"),
    SigningAuthority.TM: (frozenset({SigningAuthority.KT, SigningAuthority.Q, SigningAuthority.TL,
                                     SigningAuthority.TUQ}), "Art. 13.2"),
    SigningAuthority.KT: (frozenset(), "Art. 13.1; PL I, II.7.b"),
    SigningAuthority.Q: (frozenset(), "PL I, II.7.b"),
    SigningAuthority.TL: (frozenset({SigningAuthority.KT}), "Art. 13.4"),
    SigningAuthority.TUQ: (frozenset(), "Art. 13.3"),
}

# The reason each abbreviation names a head (its holder signs for someone else): the position printed
# under it is the signer's own, never the head's title again (a deputy signs "KT. CHỦ TỊCH" over
# "PHÓ CHỦ TỊCH", Art. 13.1). Q. is the acting head's own title, so it is exempt.
SIGNS_FOR_ANOTHER = frozenset({SigningAuthority.KT, SigningAuthority.TL, SigningAuthority.TUQ})


def stack_problem(stack: tuple[SigningAuthority, ...]) -> tuple[int, str] | None:
    """The first line of a quyền hạn stack the decree does not allow, as (index, reason), or None.

    ``stack`` lists the abbreviations from the outside in, e.g. ``(TM., KT.)``. No abbreviation may
    follow itself or come before TM., so TM. stands only first and each one at most once.
    """
    before: SigningAuthority | None = None
    for i, authority in enumerate(stack):
        allowed, clause = MANDATE_FOLLOWERS[before]
        if authority not in allowed:
            assert before is not None  # any abbreviation may open a stack
            after = ", ".join(sorted(a.value for a in allowed)) or "only the signer's own position"
            return i, (f'"{authority.value}" under "{before.value}": {before.value} is followed by {after} '
                       f"({clause})")
        before = authority
    return None


# Art. 13.2: in a collective body a deputy (cấp phó) signs on the collective's behalf *and for the head*:
# "TM. ..." / "KT. CHỦ TỊCH" over the deputy's own position, which opens with this word ("PHÓ CHỦ
# TỊCH"). A deputy's position straight under "TM. ..." is the head's signature without the head.
# (A deputy's position with no quyền hạn at all is left to the author: vbhc cannot tell a deputy
# signing for the head from one signing a text of their own.)
DEPUTY_WORD = "PHÓ"


def deputy_problem(stack: tuple[SigningAuthority, ...], position: str) -> str | None:
    """Why a deputy's ``position`` cannot stand under ``stack`` as it is, or None."""
    words = position.upper().split()
    if not words or words[0] != DEPUTY_WORD or not stack or stack[-1] is not SigningAuthority.TM:
        return None
    return (f'a deputy\'s position ("{position}") straight under "{SigningAuthority.TM.value} …": a deputy '
            f'signs "{SigningAuthority.KT.value}" before the head\'s title there (Art. 13.2; PL I, II.7.b)')
