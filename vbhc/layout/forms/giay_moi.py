"""Giấy mời (PL III, Mẫu 1.7): who invites whom, to what, chaired by whom, when and where."""

from __future__ import annotations

from vbhc.layout.forms.common import FIELD_ROLE, FormText, field_text, issuer_words
from vbhc.layout.line import Line
from vbhc.model import Document
from vbhc.model.text import literal
from vbhc.nd30 import Form


def text(document: Document, form: Form) -> FormText:
    """"<issuer> trân trọng kính mời: <invitees>", "Tới dự <event>", then Chủ trì, Thời gian and Địa
    điểm, each on its own line; the note, if any, closes the text after the body."""
    inv = document.invitation
    assert inv is not None
    w = form.word
    before = [Line(FIELD_ROLE, literal(f"{issuer_words(document.issuer.name)} {w('invite')} {inv.invitees}")),
              Line(FIELD_ROLE, field_text(w("attend"), inv.event), w("attend"))]
    if inv.chair:
        before.append(Line(FIELD_ROLE, field_text(w("chair"), inv.chair), w("chair")))
    before += [Line(FIELD_ROLE, field_text(w("time"), inv.time), w("time")),
               Line(FIELD_ROLE, field_text(w("venue"), inv.venue), w("venue"))]
    after = (Line(FIELD_ROLE, inv.note),) if inv.note is not None else ()
    return FormText(tuple(before), after)
