"""Numbers as the decree writes them: Roman parts, điểm letters, registration numbers, dates."""

from __future__ import annotations

from vbhc.nd30.typography import (
    DAY_MIN_DIGITS,
    MONTHS_WITH_LEADING_ZERO,
    NUMBER_MIN_DIGITS,
    POINT_LETTERS,
    SYMBOL_SEPARATOR,
)

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    """Roman numeral for parts and chapters (PL I, II.6.đ: "chữ số La Mã")."""
    if n < 1:
        raise ValueError(f"Roman numerals start at 1, got {n}")
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def point_letter(n: int) -> str:
    """The n-th điểm letter, 1-based: 1 → "a", 5 → "đ", 6 → "e" (PL I, II.6.đ)."""
    if not 1 <= n <= len(POINT_LETTERS):
        raise ValueError(f"a khoản can hold {len(POINT_LETTERS)} điểm (a to y); this one has {n}")
    return POINT_LETTERS[n - 1]


def format_number(n: int) -> str:
    """Registration number with its leading zero: 5 → "05" (PL I, II.3.c)."""
    return str(n).zfill(NUMBER_MIN_DIGITS)


def format_day(day: int) -> str:
    """Day of month: 5 → "05", 15 → "15" (PL I, II.4.b)."""
    return str(day).zfill(DAY_MIN_DIGITS)


def format_month(month: int) -> str:
    """Month: 1 → "01", 2 → "02", 3 → "3" (PL I, II.4.b: only months 1 and 2 get a zero)."""
    return f"{month:02d}" if month in MONTHS_WITH_LEADING_ZERO else str(month)


def reference_symbol(*groups: str) -> str:
    """Join the letter groups of a ký hiệu with "-" and no spaces (PL I, II.3.c)."""
    return SYMBOL_SEPARATOR.join(g for g in groups if g)
