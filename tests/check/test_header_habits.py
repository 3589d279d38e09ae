"""The advice ``vbhc check`` gives on the header habits of tests/fixtures/habits_header.py: each finding says
what the decree writes, in the document's own words (PL I, II.3.c; II.4)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.fixtures import habits_header as H
from tests.fixtures.office_habits import Habit
from vbhc.check.checks import check_document
from vbhc.ooxml.resolve import read_document


@pytest.mark.parametrize(("make", "rule", "expected"), [
    (H.number_full_stop, "number.format", '"KH-UBND"'),
    (H.number_without_space, "number.format", '"Số: 12/KH-UBND"'),
    (H.number_space_before_slash, "number.format", '"Số: 12/KH-UBND"'),
    (H.number_three_digits, "number.leading-zero", '"12"'),
    (H.number_joint, "number.symbol", '"KH-UBND-MTTQ" (a joint document: the tên loại\'s code, then each '
                                      "issuer's abbreviation)"),
    (H.date_month_padded, "place-date.leading-zero", 'tháng "3"'),
    (H.date_numeric, "place-date.format", '"Hoàng Kim, ngày 15 tháng 3 năm 2024"'),
])
def test_a_header_habit_gets_the_decree_form_as_advice(make: Callable[[], Habit], rule: str,
                                                       expected: str) -> None:
    report = check_document(read_document(make().data))
    assert [f.expected for f in report.findings if f.rule.id == rule] == [expected]


def test_a_day_padded_below_ten_is_the_decree_form() -> None:
    report = check_document(read_document(H.date_day_padded().data))
    assert not {"place-date.leading-zero", "place-date.format"} & report.rule_ids()


@pytest.mark.parametrize("make", [H.header_in_first_page_header, H.header_in_default_header])
def test_a_header_in_the_page_header_is_recognised_there(make: Callable[[], Habit]) -> None:
    from vbhc.recognise import recognise

    rec = recognise(read_document(make().data))
    assert rec.national_title is not None and rec.national_title.paragraph.location.startswith("header")
    assert [x.text for x in rec.issuer] == ["ỦY BAN NHÂN DÂN", "XÃ HOÀNG KIM"]
    assert rec.number is not None and rec.number.text == "Số: 12/KH-UBND"
    assert rec.type_name is not None and rec.type_name.paragraph.location == "body"
