"""The decree's facts and the pure formatting helpers in vbhc.nd30."""

from __future__ import annotations

import pytest

from vbhc import nd30
from vbhc.nd30 import DocumentType


def test_point_letters_follow_the_vietnamese_alphabet() -> None:
    letters = [nd30.point_letter(i) for i in range(1, len(nd30.POINT_LETTERS) + 1)]
    assert letters[:7] == ["a", "b", "c", "d", "đ", "e", "g"]
    assert not {"f", "j", "w", "z"} & set(letters)
    assert letters[-1] == "y"
    with pytest.raises(ValueError, match="23"):
        nd30.point_letter(24)


@pytest.mark.parametrize(("n", "expected"), [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL")])
def test_roman(n: int, expected: str) -> None:
    assert nd30.roman(n) == expected


def test_leading_zeros() -> None:
    assert nd30.format_number(5) == "05"
    assert nd30.format_number(12) == "12"
    assert nd30.format_number(105) == "105"
    assert [nd30.format_day(d) for d in (1, 9, 10, 31)] == ["01", "09", "10", "31"]
    assert [nd30.format_month(m) for m in (1, 2, 3, 10, 12)] == ["01", "02", "3", "10", "12"]


def test_document_types_match_phu_luc_iii() -> None:
    assert len(DocumentType) == 29  # Art. 7
    codes = [t.abbreviation for t in DocumentType if t.abbreviation]
    assert len(codes) == 27 == len(set(codes))  # PL III codes 27 of them
    assert DocumentType("ke-hoach").abbreviation == "KH"
    assert DocumentType.QUY_DINH.abbreviation == "QyĐ"  # mixed case kept
    assert DocumentType.CHUONG_TRINH.abbreviation == "CTr"
    assert DocumentType.TO_TRINH.abbreviation == "TTr"
    assert DocumentType.CONG_VAN.abbreviation is None
    assert not nd30.form_of(DocumentType.CONG_VAN).has_type_line  # PL I, II.5.b: "V/v" instead


def test_every_default_lies_in_its_range() -> None:
    typographies = [v for v in vars(nd30).values() if isinstance(v, nd30.Typography)]
    assert len(typographies) > 20
    for t in typographies:
        assert t.default_size in t.size, t.clause
    assert nd30.MARGIN_LEFT_MM in nd30.MARGIN_LEFT_RANGE
    assert nd30.MARGIN_RIGHT_MM in nd30.MARGIN_RIGHT_RANGE
    assert nd30.MARGIN_TOP_MM in nd30.MARGIN_TOP_RANGE
    assert nd30.MARGIN_BOTTOM_MM in nd30.MARGIN_BOTTOM_RANGE
    assert nd30.LINE_SPACING in nd30.LINE_SPACING_RANGE
    assert nd30.FIRST_LINE_INDENT_CM in nd30.FIRST_LINE_INDENT_CHOICES_CM
    assert nd30.ISSUER_RULE_FRACTION in nd30.RULE_FRACTION_RANGE
    assert nd30.SUMMARY_RULE_FRACTION in nd30.RULE_FRACTION_RANGE
    assert nd30.PARAGRAPH_SPACING_PT >= nd30.PARAGRAPH_SPACING_MIN_PT


def test_reference_symbol_joins_with_hyphens_without_spaces() -> None:
    assert nd30.reference_symbol("KH", "UBND") == "KH-UBND"
    assert nd30.reference_symbol("", "UBND", "VX") == "UBND-VX"


def test_list_ends_are_one_rule_for_layout_spec_and_check() -> None:
    """Căn cứ (PL I, II.6.a) and Nơi nhận/Kính gửi lines (II.9.d): ";" after each, "." after the last."""
    from vbhc import nd30

    ends = nd30.LEGAL_BASIS_ENDS
    assert [ends.end(i, 3) for i in range(3)] == [";", ";", "."]
    assert ends.ends_right("Căn cứ Luật;", 0, 2) and not ends.ends_right("Căn cứ Luật.", 0, 2)
    assert ends.ends_right("Căn cứ Luật.", 1, 2) and not ends.ends_right("Căn cứ Luật..", 1, 2)
    assert nd30.LIST_ENDS.end(0, 1) == "." and nd30.LIST_ENDS.clause == "PL I, II.9.d"
