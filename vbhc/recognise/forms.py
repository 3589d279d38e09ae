"""What a form's own record lets the recogniser find (``nd30.forms``): the giấy nghỉ phép's
confirmation box (PL III, Mẫu 1.10), which opens with the form's words, and the centred line that
opens a công điện's or giấy giới thiệu's text (Mẫu 1.6, 1.8), which ends with them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from vbhc import nd30
from vbhc.nd30 import Role

if TYPE_CHECKING:
    from vbhc.recognise.components import Recognised


def confirmation_at(form: nd30.Form, texts: Sequence[str], indices: Sequence[int]) -> int | None:
    """The paragraph among ``indices`` that opens the form's confirmation box, if it has one."""
    words = dict(form.words).get("confirmation")
    if words is None:
        return None
    return next((i for i in indices if texts[i].lower().startswith(words.lower())), None)


def lead_in_at(form: nd30.Form, texts: Sequence[str]) -> int | None:
    """The position among ``texts`` (a body's first lines) of the line that opens the form's text
    ("… điện:", "… trân trọng giới thiệu:"), if the form has one and it is there."""
    if form.lead_in is None:
        return None
    words = form.word(form.lead_in).lower()
    return next((n for n, text in enumerate(texts) if text.lower().rstrip().endswith(words)), None)


def lead_in_roles(body: Sequence[Recognised], lead: int) -> tuple[Recognised, ...]:
    """``body`` with the line at ``lead`` as the form's lead-in and the "- name;" lines right after it
    as its receivers (a công điện's: PL III, Mẫu 1.6)."""
    out = list(body)
    out[lead] = replace(body[lead], role=Role.LEAD_IN, label="", level=None, value=None)
    n = lead + 1
    while n < len(out) and out[n].role is Role.DASH:
        out[n] = replace(out[n], role=Role.RECEIVER)
        n += 1
    return tuple(out)
