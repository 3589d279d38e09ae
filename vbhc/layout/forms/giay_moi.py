"""Giấy mời (PL III, Mẫu 1.7): who invites whom, to what, chaired by whom, when and where."""

from __future__ import annotations

from vbhc.layout.forms.common import FIELD_ROLE, FormText, field_lines, issuer_words, sentence
from vbhc.layout.line import Line
from vbhc.model import Document
from vbhc.nd30 import Form


def text(document: Document, form: Form) -> FormText:
    """"<issuer> trân trọng kính mời: <invitees>", "Tới dự <event>", then Chủ trì, Thời gian and Địa
    điểm, each on its own line; the note, if any, closes the text after the body."""
    inv = document.invitation
    if inv is None:  # left out: the body holds the whole text
        return FormText()
    invite = sentence(f"{issuer_words(document.issuer.name)} {form.word('invite')} {inv.invitees}")
    fields = field_lines(form, ("attend", inv.event), ("chair", inv.chair), ("time", inv.time),
                         ("venue", inv.venue))
    after = (Line(FIELD_ROLE, inv.note),) if inv.note is not None else ()
    return FormText((invite, *fields), after)
