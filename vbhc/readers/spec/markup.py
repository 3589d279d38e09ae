"""The small inline markup of specs: ``*italic*``, ``**bold**``, ``^[a footnote]``, and ``\\*`` / ``\\^``
for a literal asterisk or caret.

Markup belongs to specs: the spec reader reads every text of a JSON, YAML or outline spec through
:func:`parse_markup`, while the model takes a plain string literally (``Paragraph("2*3*4")`` keeps its
asterisks). A Python program that wants the spec syntax calls :func:`parse_markup` (``vbhc.parse_markup``)
itself. User text is data: the markup only decides which spans are bold or italic, and which are
footnotes.

A footnote is written where its mark goes, ``^[`` then its text then the ``]`` that balances the ``[``
(brackets inside it pair up: ``^[Theo Quyết định [số 12]]``; one cannot be escaped). ``^[`` does not
occur in Vietnamese text; ``\\^[`` keeps it literal, and a ``^[`` never closed, or closed at once
(``^[]``), stays as typed. A footnote's own text takes ``*italic*`` and ``**bold**``, not another
footnote.
"""

from __future__ import annotations

import re

from vbhc.model.text import Span, Text, nfc

__all__ = ["parse_markup", "to_markup"]

_TOKEN = re.compile(r"(\\\\|\\\*|\\\^|\*\*|\*)")
_ESCAPES = ("\\*", "\\\\", "\\^")
NOTE_OPEN, NOTE_CLOSE = "^[", "]"


class _Note(str):
    """A footnote's markup, kept whole while the text around it is read (a token of its own)."""

    __slots__ = ()


def _pair_markers(tokens: list[str]) -> set[int]:
    """Indexes of ``*``/``**`` tokens that open or close emphasis; the rest stay literal.

    A marker opens only before a non-space and closes only after one, so ``2 * 3`` stays as typed.
    A footnote counts as a non-space (``*word*^[note]`` closes).
    """
    active: set[int] = set()
    open_at: dict[str, int] = {}
    for i, tok in enumerate(tokens):
        if type(tok) is not str or tok not in ("*", "**"):
            continue
        before = tokens[i - 1][-1:] if i > 0 else ""
        after = tokens[i + 1][:1] if i + 1 < len(tokens) else ""
        if tok in open_at and before and not before.isspace():
            active.update((open_at.pop(tok), i))
        elif tok not in open_at and after and not after.isspace():
            open_at[tok] = i
    return active


def _note_end(markup: str, start: int) -> int | None:
    """The index of the ``]`` that closes a footnote whose text starts at ``start``, or None."""
    depth = 0
    i = start
    while i < len(markup):
        char = markup[i]
        if markup[i:i + 2] in _ESCAPES:
            i += 2
            continue
        if char == "[":
            depth += 1
        elif char == NOTE_CLOSE:
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return None


def _tokens(markup: str, notes: bool) -> list[str]:
    """``markup`` as tokens: text, emphasis markers and escapes, and (``notes``) whole footnotes."""
    out: list[str] = []
    start = i = 0
    while notes:
        i = markup.find(NOTE_OPEN, i)
        if i < 0:
            break
        escaped = len(markup[:i]) - len(markup[:i].rstrip("\\"))
        end = None if escaped % 2 else _note_end(markup, i + len(NOTE_OPEN))
        if end is None or not markup[i + len(NOTE_OPEN):end].strip():  # "^[]": no footnote, as typed
            i += len(NOTE_OPEN)
            continue
        out += [t for t in _TOKEN.split(markup[start:i]) if t]
        out.append(_Note(markup[i + len(NOTE_OPEN):end]))
        start = i = end + 1
    return out + [t for t in _TOKEN.split(markup[start:]) if t]


def parse_markup(markup: str, *, notes: bool = True) -> Text:
    """The text ``markup`` stands for: ``**bold**``, ``*italic*``, ``^[footnote]`` (unless ``notes`` is
    false: inside a footnote), ``\\*`` and ``\\^`` for a literal ``*`` or ``^``."""
    tokens = _tokens(nfc(markup), notes)
    active = _pair_markers(tokens)
    spans: list[Span] = []
    bold = italic = False
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            spans.append(Span("".join(buffer), bold=bold, italic=italic))
            buffer.clear()

    for i, tok in enumerate(tokens):
        if isinstance(tok, _Note):
            flush()
            spans.append(Span.footnote(parse_markup(tok, notes=False)))
        elif i in active:
            flush()
            if tok == "**":
                bold = not bold
            else:
                italic = not italic
        elif tok in _ESCAPES:
            buffer.append(tok[1])
        else:
            buffer.append(tok)
    flush()
    return Text(spans)


def to_markup(text: Text) -> str:
    """Markup that :func:`parse_markup` reads back into ``text``."""
    out = []
    for s in text.spans:
        if s.note is not None:
            out.append(f"{NOTE_OPEN}{to_markup(s.note)}{NOTE_CLOSE}")
            continue
        body = s.text.replace("\\", "\\\\").replace("*", "\\*").replace(NOTE_OPEN, "\\" + NOTE_OPEN)
        if s.italic:
            body = f"*{body}*"
        if s.bold:
            body = f"**{body}**"
        out.append(body)
    return "".join(out)
