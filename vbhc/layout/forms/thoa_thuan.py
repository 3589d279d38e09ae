"""Hợp đồng, bản ghi nhớ, bản thỏa thuận (practice: PL III has no sample): the two parties named in the
text before the clauses, and "ĐẠI DIỆN BÊN A" / "ĐẠI DIỆN BÊN B" over their representatives' signatures."""

from __future__ import annotations

from vbhc.layout.forms.common import FIELD_ROLE, FormText, field_lines
from vbhc.layout.line import Line
from vbhc.model import Document
from vbhc.model.particulars import Party
from vbhc.model.text import literal
from vbhc.nd30 import Form, Role


def party_label(form: Form, n: int) -> str:
    """"BÊN A", "BÊN B": the form's word and the party's letter."""
    return f"{form.word('party')} {form.word('letters')[n]}"


def _party(form: Form, n: int, party: Party) -> list[Line]:
    """"BÊN A (Bên giao thầu): <name>" with the label in bold, then the party's labelled lines."""
    label = party_label(form, n)
    head = label + (f" ({party.role})" if party.role else "") + ":"
    first = Line(FIELD_ROLE, literal(head).styled(bold=True) + " " + literal(party.name), label)
    return [first, *field_lines(form, ("represented", party.representative), ("position", party.position),
                                ("address", party.address), ("phone", party.phone),
                                ("tax_code", party.tax_code), ("account", party.account))]


def text(document: Document, form: Form) -> FormText:
    """Each party's lines before the body; "ĐẠI DIỆN BÊN A" (and B) over the signature blocks, in the
    order of the parties (the first on the left), also when the parties are left out of ``agreement``
    (the body then names them)."""
    heads = tuple(Line(Role.SIGNATURE_TITLE, literal(f"{form.word('signs_for')} {party_label(form, n)}"))
                  for n in range(len(document.signatures)))
    agreement = document.agreement
    if agreement is None:
        return FormText(signature_heads=heads)
    before = [line for n, party in enumerate(agreement.parties) for line in _party(form, n, party)]
    return FormText(tuple(before), signature_heads=heads)
