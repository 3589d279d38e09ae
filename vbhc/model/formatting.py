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
    national_title_pt: float = _size(nd30.NATIONAL_TITLE)
    motto_pt: float = _size(nd30.MOTTO)
    issuer_pt: float = _size(nd30.ISSUER, nd30.PARENT_BODY)
    place_date_pt: float = _size(nd30.PLACE_DATE)
    title_pt: float = _size(nd30.DOCUMENT_TYPE_NAME, nd30.SUMMARY)
    letter_summary_pt: float = _size(nd30.LETTER_SUMMARY)
    body_pt: float = _size(nd30.BODY, nd30.LEGAL_BASIS, nd30.HEADING, nd30.ITEM_TITLE, nd30.ARTICLE,
                           nd30.DIVISION_LABEL, nd30.DIVISION_TITLE, nd30.ADDRESSEES,
                           nd30.ENACTING_AUTHORITY, nd30.ENACTMENT,
                           nd30.APPENDIX_TITLE, nd30.APPENDIX_NOTE)
    signature_pt: float = _size(nd30.SIGNATURE_TITLE, nd30.SIGNER_NAME)
    mark_pt: float = _size(nd30.MARK)
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
        """The point size ``role`` is printed at."""
        name = _ROLE_SIZE_FIELD.get(role)
        return getattr(self, name) if name else role.typography.default_size


_ROLE_SIZE_FIELD: dict[Role, str] = {
    Role.NATIONAL_TITLE: "national_title_pt",
    Role.MOTTO: "motto_pt",
    Role.PARENT_BODY: "issuer_pt",
    Role.ISSUER: "issuer_pt",
    Role.PLACE_DATE: "place_date_pt",
    Role.DOCUMENT_TYPE_NAME: "title_pt",
    Role.SUMMARY: "title_pt",
    Role.LETTER_SUMMARY: "letter_summary_pt",
    Role.SECRECY: "mark_pt",
    Role.URGENCY: "mark_pt",
    Role.SIGNATURE_TITLE: "signature_pt",
    Role.SIGNER_NAME: "signature_pt",
    **{role: "body_pt" for role in (
        Role.PARAGRAPH, Role.ITEM, Role.POINT, Role.DASH, Role.PLUS, Role.LEGAL_BASIS, Role.HEADING,
        Role.ITEM_TITLE, Role.ARTICLE, Role.DIVISION_LABEL, Role.DIVISION_TITLE, Role.ADDRESSEES,
        Role.ENACTING_AUTHORITY, Role.ENACTMENT,
        Role.APPENDIX_TITLE, Role.APPENDIX_NOTE)},
}
