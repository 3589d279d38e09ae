"""Giấy nghỉ phép (PL III, Mẫu 1.10): whose request, who takes leave, for how long, from when to
when, where, and what leave it counts as."""

from __future__ import annotations

from vbhc.layout.forms.common import FIELD_ROLE, FormText, field_text, issuer_words
from vbhc.layout.line import Line, date_text
from vbhc.model import Document
from vbhc.model.text import literal
from vbhc.nd30 import Form


def text(document: Document, form: Form) -> FormText:
    """"Xét Đơn đề nghị nghỉ phép ngày … của ông (bà) …, <issuer> cấp cho:", Ông (bà), Chức vụ, the
    period and place, then what the days count as."""
    leave = document.leave
    assert leave is not None
    w = form.word
    before = [
        Line(FIELD_ROLE, literal(f"{w('request')} {date_text(leave.request_date)} {w('of')} {leave.person}, "
                                 f"{issuer_words(document.issuer.name)} {w('grant')}")),
        Line(FIELD_ROLE, field_text(w("person"), leave.person), w("person")),
    ]
    if leave.position:
        before.append(Line(FIELD_ROLE, field_text(w("position"), leave.position), w("position")))
    before.append(Line(FIELD_ROLE, literal(
        f"{w('period')} {leave.days:02d} {w('days')}, {w('from')} {date_text(leave.start)} {w('until')} "
        f"{date_text(leave.end)} {w('at')} {leave.place}."), w("period")))
    after = (Line(FIELD_ROLE, field_text(w("counted"), leave.counted_as), w("counted")),)
    return FormText(tuple(before), after)
