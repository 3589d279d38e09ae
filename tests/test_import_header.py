"""``vbhc import`` reads the header and the title block of every habit of tests/fixtures/habits_header.py
into the spec fields the habit names (number, ký hiệu groups, place, date, issuer, summary, ...)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.fixtures.habits_header import HABITS
from tests.fixtures.office_habits import Habit
from vbhc.pipeline import import_document


def _subset(expected: dict[str, Any], got: dict[str, Any], path: str = "") -> list[str]:
    """Where ``got`` differs from ``expected`` on the keys ``expected`` names (nested dicts key by key)."""
    out = []
    for key, want in expected.items():
        have = got.get(key)
        if isinstance(want, dict) and isinstance(have, dict):
            out += _subset(want, have, f"{path}{key}.")
        elif have != want:
            out.append(f"{path}{key}: {have!r} != {want!r}")
    return out


@pytest.mark.parametrize("make", [m for m in HABITS], ids=lambda f: f.__name__)
def test_the_header_imports_to_its_fields(make: Callable[[], Habit]) -> None:
    habit = make()
    result = import_document(habit.data, name=f"{habit.name}.docx")
    assert _subset(habit.spec, result.spec) == []


def test_an_issuer_whose_case_is_a_guess_is_named_in_a_warning() -> None:
    from tests.fixtures.habits_header import issuer_with_parent_body, number_joint

    result = import_document(issuer_with_parent_body().data, name="office.docx")
    (warning,) = [d for d in result.diagnostics if "capitals" in d.message]
    assert "issuer.name: printed only in capitals" in warning.message and "Phòng Nội vụ" in warning.message
    sure = import_document(number_joint().data, name="joint.docx")  # every word's case known: no warning
    assert not [d for d in sure.diagnostics if "capitals" in d.message]


def test_the_report_names_the_page_header_and_lists_it_first() -> None:
    from tests.fixtures.habits_header import header_in_first_page_header

    report = import_document(header_in_first_page_header().data, name="plan.docx").report
    assert [str(row).split()[0] for row in report[:7]] == ["header"] * 6 + ["¶1"]
    assert [row.role for row in report[:6]] == ["national-title", "motto", "issuer", "issuer", "number",
                                                "place-date"]
