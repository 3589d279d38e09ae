"""The choices an office makes where the decree allows a range: sizes, margins, spacing.

:class:`Formatting` defaults to the values named in :mod:`vbhc.nd30` and refuses any value outside the
decree's range. Templates are built from a Formatting (``vbhc template``), and the renderer reads
the sizes back from a template's styles, so the choice is made in one place.
"""

from __future__ import annotations

from typing import Any

import attrs
from attrs import field, frozen

from vbhc import nd30
from vbhc.errors import FieldError
from vbhc.nd30 import Role


def _within(*ranges: nd30.Range, unit: str) -> Any:
    def check(_: Any, attribute: attrs.Attribute, value: float) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise FieldError(attribute.name, f"a number of {unit}", repr(value))
        for allowed in ranges:
            if value not in allowed:
                raise FieldError(attribute.name, f"{allowed} {unit} (Decree 30)", f"{value:g}")

    return check


def _size(*typographies: nd30.Typography) -> Any:
    default = typographies[0].default_size
    return field(default=default, validator=_within(*(t.size for t in typographies), unit="pt"))


def _role_size(name: str) -> Any:
    """The field ``name``, which sets the size of every role whose record names it (PL I ranges)."""
    return _size(*(role.typography for role in Role if role.record.size_field == name))


@frozen(kw_only=True)
class Formatting:
    """Sizes in points, lengths in millimetres or centimetres, each within the decree's range."""

    margin_top_mm: float = field(default=nd30.MARGIN_TOP_MM,
                                 validator=_within(nd30.MARGIN_TOP_RANGE, unit="mm"))
    margin_bottom_mm: float = field(default=nd30.MARGIN_BOTTOM_MM,
                                    validator=_within(nd30.MARGIN_BOTTOM_RANGE, unit="mm"))
    margin_left_mm: float = field(default=nd30.MARGIN_LEFT_MM,
                                  validator=_within(nd30.MARGIN_LEFT_RANGE, unit="mm"))
    margin_right_mm: float = field(default=nd30.MARGIN_RIGHT_MM,
                                   validator=_within(nd30.MARGIN_RIGHT_RANGE, unit="mm"))
    national_title_pt: float = _role_size("national_title_pt")
    motto_pt: float = _role_size("motto_pt")
    issuer_pt: float = _role_size("issuer_pt")
    place_date_pt: float = _role_size("place_date_pt")
    title_pt: float = _role_size("title_pt")
    letter_summary_pt: float = _role_size("letter_summary_pt")
    body_pt: float = _role_size("body_pt")
    signature_pt: float = _role_size("signature_pt")
    mark_pt: float = _role_size("mark_pt")
    table_pt: float = _role_size("table_pt")
    contact_pt: float = _role_size("contact_pt")
    page_number_pt: float = _size(nd30.PAGE_NUMBER)
    first_line_indent_cm: float = field(default=nd30.FIRST_LINE_INDENT_CM)
    paragraph_spacing_pt: float = field(
        default=nd30.PARAGRAPH_SPACING_PT,
        validator=_within(nd30.Range(nd30.PARAGRAPH_SPACING_MIN_PT, 24), unit="pt"))
    line_spacing: float = field(default=nd30.LINE_SPACING,
                                validator=_within(nd30.LINE_SPACING_RANGE, unit="lines"))

    @first_line_indent_cm.validator
    def _indent_choice(self, attribute: attrs.Attribute, value: float) -> None:
        if value not in nd30.FIRST_LINE_INDENT_CHOICES_CM:
            choices = " or ".join(f"{c:g}" for c in nd30.FIRST_LINE_INDENT_CHOICES_CM)
            raise FieldError(attribute.name, f"{choices} cm (Decree 30, PL I, II.6.e)", f"{value:g}")

    @property
    def text_width_mm(self) -> float:
        return nd30.PAPER_WIDTH_MM - self.margin_left_mm - self.margin_right_mm

    def size(self, role: Role) -> float:
        """The point size ``role`` is printed at: its size field's, or the one size the decree allows."""
        name = role.record.size_field
        return getattr(self, name) if name else role.typography.default_size
