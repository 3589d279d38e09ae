"""What a form's own record lets the recogniser find (``nd30.forms``): the giấy nghỉ phép's
confirmation box (PL III, Mẫu 1.10), which opens with the form's words."""

from __future__ import annotations

from collections.abc import Sequence

from vbhc import nd30


def confirmation_at(form: nd30.Form, texts: Sequence[str], indices: Sequence[int]) -> int | None:
    """The paragraph among ``indices`` that opens the form's confirmation box, if it has one."""
    words = dict(form.words).get("confirmation")
    if words is None:
        return None
    return next((i for i in indices if texts[i].lower().startswith(words.lower())), None)
