"""Giấy giới thiệu (PL III, Mẫu 1.8): who is introduced, to whom, about what, and until when."""

from __future__ import annotations

from vbhc.layout.forms.common import FormText, field_lines, issuer_words, lead_in, sentence
from vbhc.layout.line import date_text
from vbhc.model import Document
from vbhc.nd30 import Form


def text(document: Document, form: Form) -> FormText:
    """"<issuer> trân trọng giới thiệu:" centred, Ông (bà), Chức vụ, Được cử đến, Về việc; after the body,
    the request to the receiving body and "Giấy này có giá trị đến hết ngày …"."""
    intro = document.introduction
    if intro is None:  # left out: the body holds the whole text
        return FormText()
    introduce = lead_in(issuer_words(document.issuer.name), form)
    fields = field_lines(form, ("person", intro.person), ("position", intro.position),
                         ("sent_to", intro.sent_to), ("purpose", intro.purpose))
    after = (sentence(form.word("request")),
             *field_lines(form, ("valid_until", date_text(intro.valid_until))))
    return FormText((introduce, *fields), after)
