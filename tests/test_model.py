"""The model validates when built: bad values never reach the renderer."""

from __future__ import annotations

import unicodedata

import pytest

from tests.conftest import make_document
from vbhc import (
    Archive,
    Dash,
    Document,
    IssueDate,
    Issuer,
    Item,
    Paragraph,
    Part,
    Plus,
    Point,
    Recipient,
    Secrecy,
    Signature,
    Span,
    Text,
    Urgency,
)
from vbhc.errors import FieldError

ISSUER = Issuer(name=["Ủy ban nhân dân", "xã Hoàng Kim"], abbreviation="UBND")


def make(**overrides: object) -> Document:
    return make_document(issuer=ISSUER, **overrides)


def test_text_is_normalised_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Hoàng Kim ễ")
    assert decomposed != "Hoàng Kim ễ"
    doc = make(place=decomposed, summary=decomposed)
    assert doc.place == "Hoàng Kim ễ"
    assert doc.summary.plain == "Hoàng Kim ễ"
    assert Paragraph(decomposed).text.plain == "Hoàng Kim ễ"


def test_a_string_is_literal_text_not_markup() -> None:
    assert Paragraph("2*3*4").text.spans == (Span("2*3*4"),)
    assert Text("**bold?** \\*").spans == (Span("**bold?** \\*"),)
    assert make(summary="*Kế hoạch*").summary.plain == "*Kế hoạch*"
    assert Dash(["a ", Span("b", italic=True), " *c*"]).text.spans == (
        Span("a "), Span("b", italic=True), Span(" *c*"))
    assert ("*" + Text("x")).plain == "*x"


def test_user_text_is_data() -> None:
    text = Text("{{ 7*7 }} {% if %} <w:p> &amp;")
    assert text.plain == "{{ 7*7 }} {% if %} <w:p> &amp;"


def test_item_needs_a_title_or_a_text() -> None:
    with pytest.raises(FieldError, match="title or a text"):
        Item()
    assert Item(title="T").title.plain == "T"  # type: ignore[union-attr]


def test_children_must_be_of_a_lower_level() -> None:
    with pytest.raises(FieldError, match=r"children\[0\]: expected one of"):
        Item(title="x", children=[Part("y")])  # type: ignore[list-item]
    with pytest.raises(FieldError):
        Dash("x", [Point("y")])  # type: ignore[list-item]
    assert Dash("x", [Plus("y"), "z"]).children[1] == Paragraph("z")


@pytest.mark.parametrize(("year", "month", "day"), [(2023, 2, 29), (2024, 2, 30), (2024, 4, 31),
                                                    (2024, 13, 1), (2024, 0, 1), (1800, 1, 1)])
def test_impossible_dates_are_refused(year: int, month: int, day: int) -> None:
    with pytest.raises(FieldError):
        IssueDate(year, month, day)


def test_partial_dates_are_allowed_for_drafts() -> None:
    assert IssueDate(2024, 2, 29).day == 29
    assert IssueDate(2024, 2).day is None
    assert IssueDate(2024).month is None


@pytest.mark.parametrize("number", [0, -3, True, 2.5])
def test_number_must_be_a_positive_whole_number(number: object) -> None:
    with pytest.raises(FieldError, match="number"):
        make(number=number)


def test_symbol_is_derived_from_type_issuer_and_unit() -> None:
    assert make().symbol == "KH-UBND"
    assert make(type="bao-cao", unit="VX").symbol == "BC-UBND-VX"
    assert make(type="cong-van", unit="VX").symbol == "UBND-VX"
    with pytest.raises(FieldError, match="unit"):
        make(type="cong-van")
    with pytest.raises(FieldError, match="type: expected one of nghi-quyet"):
        make(type="ke-hoch")


def test_recipient_punctuation_comes_from_vbhc() -> None:
    with pytest.raises(FieldError, match="vbhc adds"):
        Recipient("- Phòng Tư pháp;")
    with pytest.raises(FieldError):
        Recipient("Phòng Tư pháp.")


def test_issuer_abbreviation_has_no_spaces() -> None:
    with pytest.raises(FieldError, match="abbreviation"):
        Issuer(name="Ủy ban nhân dân", abbreviation="UB ND")


def test_signatures_required_and_archive_optional() -> None:
    with pytest.raises(FieldError, match="signatures"):
        make(signatures=[])
    assert make(archive=None).archive is None
    assert make().archive == Archive()


def test_model_is_frozen() -> None:
    doc = make()
    with pytest.raises(AttributeError):
        doc.place = "x"  # type: ignore[misc]


def test_seven_signatures_are_refused_by_the_model() -> None:
    one = Signature(position="Chủ tịch", name="Lê A")
    assert len(make(signatures=[one] * 6).signatures) == 6
    with pytest.raises(FieldError) as caught:
        make(signatures=[one] * 7)
    assert caught.value.path == "signatures"
    assert caught.value.expected == "1–6 signatures, as vbhc lays out PL III, Mẫu 1.4 (in rows of two)"
    assert caught.value.found == "7"


@pytest.mark.parametrize(("field", "member"), [("secrecy", Secrecy.TUYET_MAT), ("urgency", Urgency.KHAN)])
def test_fixed_values_typed_in_nfd_are_accepted(field: str, member: Secrecy | Urgency) -> None:
    decomposed = unicodedata.normalize("NFD", member.value)
    assert decomposed != member.value
    assert getattr(make(**{field: decomposed}), field) is member
