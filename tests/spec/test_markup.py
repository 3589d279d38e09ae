"""Markup belongs to specs: the spec reader reads ``*italic*`` and ``**bold**``; the model takes a string
literally."""

from __future__ import annotations

import pytest

import vbhc
from tests.conftest import make_document
from vbhc.errors import FieldError, SpecError
from vbhc.model import Dash, Paragraph, Span, Text
from vbhc.readers.spec.markup import parse_markup, to_markup
from vbhc.readers.spec.outline import parse_outline
from vbhc.readers.spec.reader import structure, unstructure
from vbhc.writers.docx.writer import render_bytes

MARKUP = "a *b* **c** \\*d\\* 2 * 3 *unclosed"
SPANS = (Span("a "), Span("b", italic=True), Span(" "), Span("c", bold=True), Span(" *d* 2 * 3 *unclosed"))


def spec(**changes: object) -> dict[str, object]:
    return {"type": "bao-cao", "issuer": {"name": ["UBND xã A"], "abbreviation": "UBND"}, "place": "A",
            "date": "2024-03-05", "summary": "Kết quả", "body": "Nội dung.",
            "signatures": {"position": "Chủ tịch", "name": "Lê A"}, **changes}


def test_markup_gives_bold_and_italic_spans() -> None:
    text = parse_markup(MARKUP)
    assert text.spans == SPANS
    assert parse_markup(to_markup(text)) == text
    assert vbhc.parse_markup is parse_markup


def test_the_model_keeps_the_asterisks_the_spec_reads_as_markup() -> None:
    assert Paragraph("2*3*4").text.plain == "2*3*4"
    assert Paragraph(MARKUP).text.spans == (Span(MARKUP),)
    document = structure(spec(body=[MARKUP], summary="*Kết quả*"))
    assert document.body[0] == Paragraph(Text(SPANS))
    assert document.summary == Text((Span("Kết quả", italic=True),))


@pytest.mark.parametrize("where", ["outline", "list", "node", "span list"])
def test_every_way_a_spec_gives_text_reads_markup(where: str) -> None:
    body = {"outline": "- a *b* **c**", "list": [{"kind": "dash", "text": "a *b* **c**"}],
            "node": [{"kind": "dash", "text": ["a *b* ", {"text": "c", "bold": True}]}],
            "span list": [{"kind": "dash", "text": ["a ", {"text": "b", "italic": True}, " **c**"]}]}[where]
    dash = structure(spec(body=body)).body[0]
    assert dash == Dash(Text((Span("a "), Span("b", italic=True), Span(" "), Span("c", bold=True))))


def test_a_span_object_is_literal() -> None:
    document = structure(spec(summary=[{"text": "*x*", "italic": True}]))
    assert document.summary.spans == (Span("*x*", italic=True),)


def test_outline_lines_read_markup_and_name_the_field_of_a_bad_character() -> None:
    outline = parse_outline("I. Mục *đích*\n1. Nội dung **chính**.")
    assert outline.blocks[0].title.spans == (Span("Mục "), Span("đích", italic=True))
    bad = parse_outline("- gạch \u202e đầu")
    assert [(n.path, n.error) for n in bad.errors] == [((0, "text"), True)]


def test_unstructure_writes_markup_that_structure_reads_back() -> None:
    document = make_document(body=[Paragraph(Text(SPANS)), Paragraph("2*3*4 \\ *")])
    data = unstructure(document)
    assert data["body"][1] == "2\\*3\\*4 \\\\ \\*"
    assert structure(data) == document


def test_a_python_spec_builds_spans_or_calls_parse_markup() -> None:
    by_spans = make_document(body=[Dash(["x (", Span("y", italic=True), ")"])])
    by_markup = make_document(body=[Dash(vbhc.parse_markup("x (*y*)"))])
    assert by_spans == by_markup
    assert render_bytes(by_spans) == render_bytes(by_markup)
    assert render_bytes(make_document(body=[Dash("x (*y*)")])) != render_bytes(by_spans)


def test_a_bad_character_in_a_spec_text_list_names_its_entry() -> None:
    with pytest.raises(SpecError, match=r"summary\[1\]: expected text without control characters"):
        structure(spec(summary=["a", "b\u200fc"]))
    with pytest.raises(FieldError):
        parse_markup("a\u200f")
