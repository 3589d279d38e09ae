"""Property tests: any text the model accepts renders to well-formed XML and reads back unchanged.

User text is data. Whatever characters an officer pastes (markup-like, XML-like, emoji, combining
marks), either the model refuses it with a FieldError, or the .docx shows exactly that text.
"""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import make_document
from vbhc.errors import FieldError
from vbhc.model import Paragraph, Recipient
from vbhc.model.text import forbidden_character
from vbhc.ooxml.resolve import read_document
from vbhc.readers.spec.markup import parse_markup, to_markup
from vbhc.writers.docx.writer import render_bytes

# Characters people paste: Vietnamese, punctuation that means something elsewhere, XML and template
# syntax, emoji, combining marks, other scripts, and the controls the model must refuse.
ALPHABET = st.sampled_from(list(
    "aăâđêôơưAĂÂĐÊÔƠƯ ễộữ" "<>&;\"'{}%#$`\\/*_-+.,:()[]"
    "\t\n\r\x00\x07\x1f\x7f\u200f\u202e\ufeff\u061c\u2028\u200b" "😀🇻🇳\u0301\u0323\u200d" "日本Ωж"
))
TEXTS = st.text(ALPHABET, min_size=1, max_size=60)


def _bare(raw: str) -> str:
    """``raw`` without the blanks, "-", ";" and "." at its ends (vbhc writes the list marks itself)."""
    previous = None
    while raw != previous:
        previous, raw = raw, raw.strip().strip("-;.")
    return raw


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXTS)
def test_any_text_is_refused_or_printed_literally(raw: str) -> None:
    try:
        paragraph = Paragraph(raw)  # a string is literal text: "*" and "\\" print as typed
        recipient = Recipient(_bare(raw) or "x")
    except FieldError:
        assert forbidden_character(raw) or not raw.strip() or not _bare(raw)
        return
    text = unicodedata.normalize("NFC", raw)
    document = make_document(body=[paragraph, "Kết thúc."], recipients=[recipient])
    resolved = read_document(render_bytes(document))
    texts = [p.text for p in resolved.paragraphs]
    assert text in texts
    assert any(recipient.name in t for t in texts)


@SETTINGS
@given(TEXTS)
def test_markup_round_trips(raw: str) -> None:
    if forbidden_character(raw):
        return
    text = parse_markup(raw)
    assert parse_markup(to_markup(text)) == text
