"""Giấy nghỉ phép (PL III, Mẫu 1.10): whose request, who takes leave, for how long, from when to
when, where, and what leave it counts as."""

from __future__ import annotations

from vbhc.layout.forms.common import FIELD_ROLE, FormText, field_lines, issuer_words, sentence
from vbhc.layout.line import Line, date_text
from vbhc.model import Document
from vbhc.model.text import literal
from vbhc.nd30 import Form, Role


def text(document: Document, form: Form) -> FormText:
    """"Xét Đơn đề nghị nghỉ phép ngày … của ông (bà) …, <issuer> cấp cho:", Ông (bà), Chức vụ, the
    period and place, then what the days count as."""
    leave = document.leave
    if leave is None:  # left out: the body holds the whole text
        return FormText()
    w = form.word
    request = sentence(f"{w('request')} {date_text(leave.request_date)} {w('of')} {leave.person}, "
                       f"{issuer_words(document.issuer.name)} {w('grant')}")
    fields = field_lines(form, ("person", leave.person), ("position", leave.position))
    period = Line(FIELD_ROLE, literal(
        f"{w('period')} {leave.days:02d} {w('days')}, {w('from')} {date_text(leave.start)} {w('until')} "
        f"{date_text(leave.end)} {w('at')} {leave.place}."), w("period"))
    confirmation = Line(Role.CONFIRMATION, literal(w("confirmation"))) if leave.confirmation else None
    return FormText((request, *fields, period), tuple(field_lines(form, ("counted", leave.counted_as))),
                    confirmation)
