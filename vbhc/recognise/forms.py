"""What a form's own record lets the recogniser find (``nd30.forms``): the giấy nghỉ phép's
confirmation box (PL III, Mẫu 1.10), which opens with the form's words, and the centred line that
opens a công điện's or giấy giới thiệu's text (Mẫu 1.6, 1.8), which ends with them."""

from __future__ import annotations

from collections.abc import Sequence

from vbhc import nd30


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
