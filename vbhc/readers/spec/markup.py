"""The small inline markup of specs: ``*italic*``, ``**bold**``, ``\\*`` for a literal asterisk.

Markup belongs to specs: the spec reader reads every text of a JSON, YAML or outline spec through
:func:`parse_markup`, while the model takes a plain string literally (``Paragraph("2*3*4")`` keeps its
asterisks). A Python program that wants the spec syntax calls :func:`parse_markup` (``vbhc.parse_markup``)
itself. User text is data: the markup only decides which spans are bold or italic.
"""

from __future__ import annotations

import re

from vbhc.model.text import Span, Text, nfc

__all__ = ["parse_markup", "to_markup"]

_TOKEN = re.compile(r"(\\\\|\\\*|\*\*|\*)")


def _pair_markers(tokens: list[str]) -> set[int]:
    """Indexes of ``*``/``**`` tokens that open or close emphasis; the rest stay literal.

    A marker opens only before a non-space and closes only after one, so ``2 * 3`` stays as typed.
    """
    active: set[int] = set()
    open_at: dict[str, int] = {}
    for i, tok in enumerate(tokens):
        if tok not in ("*", "**"):
            continue
        before = tokens[i - 1][-1:] if i > 0 else ""
        after = tokens[i + 1][:1] if i + 1 < len(tokens) else ""
        if tok in open_at and before and not before.isspace():
            active.update((open_at.pop(tok), i))
        elif tok not in open_at and after and not after.isspace():
            open_at[tok] = i
    return active


def parse_markup(markup: str) -> Text:
    """The text ``markup`` stands for: ``**bold**``, ``*italic*``, ``\\*`` for a literal ``*``."""
    tokens = [t for t in _TOKEN.split(nfc(markup)) if t]
    active = _pair_markers(tokens)
    spans: list[Span] = []
    bold = italic = False
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            spans.append(Span("".join(buffer), bold=bold, italic=italic))
            buffer.clear()

    for i, tok in enumerate(tokens):
        if i in active:
            flush()
            if tok == "**":
                bold = not bold
            else:
                italic = not italic
        elif tok in ("\\*", "\\\\"):
            buffer.append(tok[1])
        else:
            buffer.append(tok)
    flush()
    return Text(spans)


def to_markup(text: Text) -> str:
    """Markup that :func:`parse_markup` reads back into ``text``."""
    out = []
    for s in text.spans:
        body = s.text.replace("\\", "\\\\").replace("*", "\\*")
        if s.italic:
            body = f"*{body}*"
        if s.bold:
            body = f"**{body}**"
        out.append(body)
    return "".join(out)
