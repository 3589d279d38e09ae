"""What the form layouts share: the lines around the body, and a labelled field's line."""

from __future__ import annotations

from attrs import frozen

from vbhc.model.text import Text, literal
from vbhc.nd30 import Role


@frozen
class FormText:
    """The lines a form prints before the document's body and after it (``Line`` of vbhc.layout)."""

    before: tuple = ()
    after: tuple = ()


def field_text(label: str, value: Text | str) -> Text:
    """``label`` and ``value`` on one line: "Thời gian: 08 giờ 00 ..."."""
    return literal(f"{label} ") + (literal(value) if isinstance(value, str) else value)


def issuer_words(name: tuple[str, ...]) -> str:
    """The issuer's name as a sentence names it: its lines joined, as typed ("Ủy ban nhân dân xã …")."""
    return " ".join(name)


FIELD_ROLE = Role.PARAGRAPH  # a labelled field is a body paragraph: PL I, II.6.e
