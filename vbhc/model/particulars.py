"""The particulars of the forms whose text is a set of labelled fields (PL III, Mẫu 1.6-1.10).

A giấy mời, giấy giới thiệu, biên bản or giấy nghỉ phép is mostly fixed words with blanks to fill
(``Thời gian:``, ``Được cử đến:``). Each form's blanks are one class here; a :class:`~vbhc.model.Document`
of that form carries it in the field its form record names (``nd30.Form.particulars``). The words
around the blanks are the decree's (:mod:`vbhc.nd30.forms`); :mod:`vbhc.layout` prints them.
"""

from __future__ import annotations

import attrs
from attrs import field, frozen

from vbhc.errors import FieldError
from vbhc.model.document import (
    IssueDate,
    _nfc_or_none,
    _nfc_tuple,
    _to_text_or_none,
    one_line,
    one_line_each,
    optional_line,
    positive,
    text_field,
)
from vbhc.model.text import Text, nfc

__all__ = ["PARTICULARS", "Agreement", "Introduction", "Invitation", "Leave", "Minutes", "Party", "Telegram"]


def _line(**kwargs: object) -> object:
    return field(converter=nfc, validator=one_line, **kwargs)  # type: ignore[call-overload]


def _optional_line() -> object:
    return field(default=None, converter=_nfc_or_none, validator=optional_line)


def _some(_: object, attribute: attrs.Attribute, value: tuple[str, ...]) -> None:
    if not value:
        raise FieldError(attribute.name, "at least one line", "none")


def _lines() -> object:
    """A required list of lines, one entry each, at least one."""
    return field(converter=_nfc_tuple, validator=[one_line_each, _some])


def _date(_: object, attribute: attrs.Attribute, value: object) -> None:
    if not isinstance(value, IssueDate):
        raise FieldError(attribute.name, "a date", type(value).__name__)


@frozen(kw_only=True)
class Telegram:
    """A công điện's sender and receivers (PL III, Mẫu 1.6); its message is the document's body.

    ``sender``: the body or the head's title that sends it, before "điện:" ("Chủ tịch Ủy ban nhân
    dân xã Hoàng Kim"). ``receivers``: who it is sent to, one entry per line.
    """

    sender: str = _line()
    receivers: tuple[str, ...] = _lines()


@frozen(kw_only=True)
class Invitation:
    """A giấy mời's blanks (PL III, Mẫu 1.7).

    ``invitees``: who is invited (a body, or a person's name, position and unit), after
    "… trân trọng kính mời:". ``event``: what to attend, after "Tới dự". ``chair``: who chairs it.
    ``time``: when, as it should read ("08 giờ 00, thứ Hai, ngày 10 tháng 6 năm 2024"). ``venue``:
    where. ``note``: a last line (what to bring, whom to call), optional.
    """

    invitees: str = _line()
    event: Text = text_field()
    chair: str | None = _optional_line()
    time: str = _line()
    venue: str = _line()
    note: Text | None = field(default=None, converter=attrs.Converter(_to_text_or_none, takes_field=True))


@frozen(kw_only=True)
class Introduction:
    """A giấy giới thiệu's blanks (PL III, Mẫu 1.8).

    ``person``: the name of who is introduced, after "Ông (bà)". ``position``: their chức vụ.
    ``sent_to``: the body they are sent to. ``purpose``: what about, after "Về việc:".
    ``valid_until``: the last day the paper is valid ("Giấy này có giá trị đến hết ngày …").
    """

    person: str = _line()
    position: str | None = _optional_line()
    sent_to: str = _line()
    purpose: Text = text_field()
    valid_until: IssueDate = field(validator=_date)


@frozen(kw_only=True)
class Minutes:
    """A biên bản's record of the meeting (PL III, Mẫu 1.9); its content is the document's body.

    ``start``: when it began ("14 giờ 00, ngày 05 tháng 3 năm 2024"). ``venue``: where.
    ``participants``: thành phần tham dự, one entry per line. ``chair``: chủ trì (chủ tọa), name and
    position. ``secretary``: thư ký (người ghi biên bản). ``end``: when it ended ("16 giờ 30, ngày
    05 tháng 3 năm 2024"), after "Cuộc họp kết thúc vào".
    """

    start: str = _line()
    venue: str = _line()
    participants: tuple[str, ...] = _lines()
    chair: str = _line()
    secretary: str = _line()
    end: str = _line()


@frozen(kw_only=True)
class Leave:
    """A giấy nghỉ phép's blanks (PL III, Mẫu 1.10).

    ``request_date``: the date of the đơn đề nghị nghỉ phép. ``person``: who takes leave;
    ``position``: their chức vụ. ``days``: how many days. ``start``: the first day; ``end``: the
    last. ``place``: where they spend it. ``counted_as``: the leave it is counted in ("phép năm
    2024"). ``confirmation``: print the box where the place of leave confirms (its "(nếu cần)").
    """

    request_date: IssueDate = field(validator=_date)
    person: str = _line()
    position: str | None = _optional_line()
    days: int = field(validator=positive)
    start: IssueDate = field(validator=_date)
    end: IssueDate = field(validator=_date)
    place: str = _line()
    counted_as: str = _line()
    confirmation: bool = field(default=False, validator=attrs.validators.instance_of(bool))


@frozen(kw_only=True)
class Party:
    """One party to a hợp đồng, bản ghi nhớ or bản thỏa thuận (practice: no sample in PL III).

    ``name``: the body or person ("Ủy ban nhân dân xã Hoàng Kim"), after "BÊN A:". ``role``: what the
    party is in the agreement, printed in brackets after its letter ("Bên giao thầu"), optional.
    ``representative``: who represents it, as the text names them ("Ông Lê Quang Thành");
    ``position``: their chức vụ. ``address``, ``phone``, ``tax_code``, ``account``: optional lines.
    The party's signer is the document's signature in the same place (the first party's is the first).
    """

    name: str = _line()
    role: str | None = _optional_line()
    representative: str = _line()
    position: str | None = _optional_line()
    address: str | None = _optional_line()
    phone: str | None = _optional_line()
    tax_code: str | None = _optional_line()
    account: str | None = _optional_line()


def _two_parties(_: object, attribute: attrs.Attribute, value: tuple[object, ...]) -> None:
    for i, party in enumerate(value):
        if not isinstance(party, Party):
            raise FieldError(f"{attribute.name}[{i}]", "a party {name, representative, ...}",
                             type(party).__name__)
    if len(value) != 2:
        raise FieldError(attribute.name, "two parties (BÊN A and BÊN B)", f"{len(value)}")


@frozen(kw_only=True)
class Agreement:
    """The parties of a hợp đồng, bản ghi nhớ or bản thỏa thuận (practice): two, named in the text
    "BÊN A", "BÊN B" with their representatives, each signing under "ĐẠI DIỆN BÊN A" (left) and
    "ĐẠI DIỆN BÊN B" (right). The clauses are the document's body."""

    parties: tuple[Party, ...] = field(converter=tuple, validator=_two_parties)


# The particulars classes by the Document field that holds them (nd30.Form.particulars).
PARTICULARS: dict[str, type] = {"telegram": Telegram, "invitation": Invitation, "introduction": Introduction,
                                "minutes": Minutes, "leave": Leave, "agreement": Agreement}

for _cls in (Telegram, Invitation, Introduction, Minutes, Leave, Party, Agreement):
    attrs.resolve_types(_cls, globals(), locals())
