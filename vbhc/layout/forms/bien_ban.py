"""Biên bản (PL III, Mẫu 1.9): the meeting's time, place, participants, chair and secretary; its
content (the document's body); the time it ended."""

from __future__ import annotations

from vbhc import nd30
from vbhc.layout.forms.common import FIELD_ROLE, FormText, field_text
from vbhc.layout.line import Line
from vbhc.model import Document
from vbhc.model.text import literal
from vbhc.nd30 import Form, Role


def text(document: Document, form: Form) -> FormText:
    """One line per field; several participants as "- name;" lines under their label (the last
    ending "."), one on the label's line."""
    m = document.minutes
    assert m is not None
    w = form.word
    before = [Line(FIELD_ROLE, field_text(w("start"), m.start), w("start")),
              Line(FIELD_ROLE, field_text(w("venue"), m.venue), w("venue"))]
    label = w("participants")
    if len(m.participants) == 1:
        before.append(Line(FIELD_ROLE, field_text(label, m.participants[0]), label))
    else:
        before.append(Line(FIELD_ROLE, literal(label), label))
        last = len(m.participants) - 1
        before += [Line(Role.DASH, literal(f"{nd30.LIST_ITEM_PREFIX}{name}"
                                           f"{nd30.LIST_LAST_END if i == last else nd30.LIST_ITEM_END}"),
                        nd30.DASH_MARKER) for i, name in enumerate(m.participants)]
    before += [Line(FIELD_ROLE, field_text(w("chair"), m.chair), w("chair")),
               Line(FIELD_ROLE, field_text(w("secretary"), m.secretary), w("secretary"))]
    if document.body:
        before.append(Line(FIELD_ROLE, literal(w("content")), w("content")))
    after = (Line(FIELD_ROLE, field_text(w("end"), m.end), w("end")),)
    return FormText(tuple(before), after)
