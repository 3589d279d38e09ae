"""Công điện (PL III, Mẫu 1.6): "<sender> điện:" and the receivers, one per line, over the message."""

from __future__ import annotations

from vbhc.layout.forms.common import FormText, dash_lines, lead_in
from vbhc.model import Document
from vbhc.nd30 import Form, Role


def text(document: Document, form: Form) -> FormText:
    """The sender's line, centred, then "- receiver;" lines in a list further in, the last ending ".";
    the body is the message."""
    telegram = document.telegram
    if telegram is None:  # left out: the body holds the whole text
        return FormText()
    return FormText((lead_in(telegram.sender, form), *dash_lines(telegram.receivers, Role.RECEIVER)))
