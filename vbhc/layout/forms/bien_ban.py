"""Biên bản (PL III, Mẫu 1.9): the meeting's time, place, participants, chair and secretary; its
content (the document's body); the time it ended."""

from __future__ import annotations

from vbhc.layout.forms.common import FIELD_ROLE, FormText, dash_lines, field_lines
from vbhc.layout.line import Line
from vbhc.model import Document
from vbhc.model.text import literal
from vbhc.nd30 import Form


def text(document: Document, form: Form) -> FormText:
    """One line per field; several participants as "- name;" lines under their label (the last
    ending "."), one on the label's line; "Nội dung:" over the body when there is one."""
    m = document.minutes
    if m is None:  # left out: the body holds the whole text
        return FormText()
    before = field_lines(form, ("start", m.start), ("venue", m.venue))
    if len(m.participants) == 1:
        before += field_lines(form, ("participants", m.participants[0]))
    else:
        label = form.word("participants")
        before.append(Line(FIELD_ROLE, literal(label), label))
        before += dash_lines(m.participants)
    before += field_lines(form, ("chair", m.chair), ("secretary", m.secretary))
    if document.body:
        content = form.word("content")
        before.append(Line(FIELD_ROLE, literal(content), content))
    return FormText(tuple(before), tuple(field_lines(form, ("end", m.end))))
