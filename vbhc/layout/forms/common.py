"""What the form layouts share: the lines around the body, and the lines of labelled fields."""

from __future__ import annotations

from attrs import frozen

from vbhc import nd30
from vbhc.layout.line import Line
from vbhc.model.characters import on_one_line
from vbhc.model.text import Text, literal
from vbhc.nd30 import Form, Role

FIELD_ROLE = Role.PARAGRAPH  # a labelled field is a body paragraph: PL I, II.6.e


@frozen
class FormText:
    """The lines a form prints before the document's body and after it."""

    before: tuple[Line, ...] = ()
    after: tuple[Line, ...] = ()
    confirmation: Line | None = None  # PL III, Mẫu 1.10: under Nơi nhận
    signature_heads: tuple[Line, ...] = ()  # a line over each signature block ("ĐẠI DIỆN BÊN A")


def field_lines(form: Form, *fields: tuple[str, Text | str | None]) -> list[Line]:
    """A line for each ``(key, value)`` whose value is given: the form's word named ``key``, then the
    value ("Thời gian: 08 giờ 00 ..."), labelled with the word."""
    out = []
    for key, value in fields:
        if value is None:
            continue
        label = form.word(key)
        text = literal(f"{label} ") + (literal(value) if isinstance(value, str) else value)
        out.append(Line(FIELD_ROLE, text, label))
    return out


def dash_lines(entries: tuple[str, ...], role: Role = Role.DASH) -> list[Line]:
    """One "- entry;" line each, the last ending "." (the list punctuation of PL I, II.9.d)."""
    last = len(entries) - 1
    return [Line(role, literal(f"{nd30.LIST_ITEM_PREFIX}{entry}"
                                    f"{nd30.LIST_LAST_END if i == last else nd30.LIST_ITEM_END}"),
                 nd30.DASH_MARKER) for i, entry in enumerate(entries)]


def lead_in(document_words: str, form: Form) -> Line:
    """The centred line that opens the form's text: ``document_words`` then the form's lead-in word
    ("Chủ tịch Ủy ban nhân dân xã Hoàng Kim điện:"; PL III, Mẫu 1.6, 1.8)."""
    assert form.lead_in is not None
    return Line(Role.LEAD_IN, literal(f"{document_words} {form.word(form.lead_in)}"))


def sentence(text: str) -> Line:
    """A line of the form's own words with the blanks filled in, without a label."""
    return Line(FIELD_ROLE, literal(text))


def issuer_words(name: tuple[str, ...]) -> str:
    """The issuer's name as a sentence names it: its lines joined, as typed ("Ủy ban nhân dân xã …"),
    a line break typed in one of them a space."""
    return " ".join(map(on_one_line, name))
