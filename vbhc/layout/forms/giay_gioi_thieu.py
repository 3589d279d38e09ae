"""Giấy giới thiệu (PL III, Mẫu 1.8): who is introduced, to whom, about what, and until when."""

from __future__ import annotations

from vbhc.layout.forms.common import FIELD_ROLE, FormText, field_text, issuer_words
from vbhc.layout.line import Line, date_text
from vbhc.model import Document
from vbhc.model.text import literal
from vbhc.nd30 import Form


def text(document: Document, form: Form) -> FormText:
    """"<issuer> trân trọng giới thiệu:", Ông (bà), Chức vụ, Được cử đến, Về việc; after the body,
    the request to the receiving body and "Giấy này có giá trị đến hết ngày …"."""
    intro = document.introduction
    assert intro is not None
    w = form.word
    before = [Line(FIELD_ROLE, literal(f"{issuer_words(document.issuer.name)} {w('introduce')}")),
              Line(FIELD_ROLE, field_text(w("person"), intro.person), w("person"))]
    if intro.position:
        before.append(Line(FIELD_ROLE, field_text(w("position"), intro.position), w("position")))
    before += [Line(FIELD_ROLE, field_text(w("sent_to"), intro.sent_to), w("sent_to")),
               Line(FIELD_ROLE, field_text(w("purpose"), intro.purpose), w("purpose"))]
    after = (Line(FIELD_ROLE, literal(w("request"))),
             Line(FIELD_ROLE, field_text(w("valid_until"), date_text(intro.valid_until)), w("valid_until")))
    return FormText(tuple(before), after)
