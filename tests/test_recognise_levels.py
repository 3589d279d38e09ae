"""The level an office's label stands for, read from its place in the outline (vbhc.recognise.levels)."""

from __future__ import annotations

import pytest

from vbhc.nd30 import Level, numbering
from vbhc.recognise.levels import Labelled, levels


def read(*labels: str) -> list[str | None]:
    lines = []
    for text in labels:
        found = numbering.read_label(f"{text} Nội dung")
        lines.append(Labelled(found.level, found.label, found.value) if found is not None else None)
    return [level.value if level is not None else None for level in levels(lines)]


@pytest.mark.parametrize(("labels", "expected"), [
    # the decree's own forms keep their level
    (("I.", "1.", "a)", "-", "+", "b)", "2.", "II."),
     ["part", "item", "point", "dash", "plus", "point", "item", "part"]),
    # "1)" starting again under a khoản: its điểm; under a part: the khoản themselves
    (("I.", "1.", "2.", "1)", "2)", "3."), ["part", "item", "item", "point", "point", "item"]),
    (("I.", "1)", "2)", "II.", "1)"), ["part", "item", "item", "part", "item"]),
    # "2)" after khoản "1.": a khoản typed in another form, not a điểm
    (("1.", "2)", "3."), ["item", "item", "item"]),
    # "a." under a khoản is its điểm; under a điểm, the level below
    (("1.", "a.", "b."), ["item", "point", "point"]),
    (("1.", "a)", "a.", "b)"), ["item", "point", "dash", "point"]),
    # "1.1." names its khoản: a điểm; "1.1.1." the level under it
    (("I.", "1.", "1.1.", "1.1.1.", "1.1.2.", "1.2.", "2."),
     ["part", "item", "point", "dash", "dash", "point", "item"]),
    # a bullet other than "-" under "-", and "-" under another bullet: the "+" level
    (("1.", "-", "•", "-", "2.", "•", "-"), ["item", "dash", "plus", "dash", "item", "dash", "plus"]),
    # the words keep their level
    (("Chương I", "Điều 1.", "1)", "a.", "Điều 2."), ["chapter", "article", "item", "point", "article"]),
])
def test_office_forms_are_read_as_the_level_they_stand_for(labels: tuple[str, ...],
                                                           expected: list[str]) -> None:
    assert read(*labels) == expected


def test_lines_without_a_label_keep_none_and_leave_the_outline_open() -> None:
    assert read("1.", "Đoạn", "1)") == ["item", None, "point"]
    assert Level.POINT.rank > Level.ITEM.rank


def test_one_glyph_on_two_levels_of_a_word_list_is_two_levels() -> None:
    dash = numbering.read_label("- Nội dung")
    assert dash is not None
    lines = [Labelled(Level.ITEM, "1.", 1),
             *(Labelled(dash.level, dash.label, None, ilvl) for ilvl in (0, 1, 1, 0))]
    assert [level.value for level in levels(lines) if level] == ["item", "dash", "plus", "plus", "dash"]
    typed = [Labelled(Level.ITEM, "1.", 1), *(Labelled(dash.level, dash.label, None) for _ in range(3))]
    assert [level.value for level in levels(typed) if level] == ["item", "dash", "dash", "dash"]
