"""Inline text: NFC normalisation, character checks, and the small ``*italic*`` / ``**bold**`` markup.

User text is data. Nothing here evaluates it; the markup only decides which spans are bold or italic,
and ``\\*`` writes a literal asterisk.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from attrs import field, frozen

# Characters that cannot appear in a Word document's text, or that change its meaning unseen:
# C0 controls (tab aside), DEL and C1 controls, the BOM, non-characters, and the bidirectional
# controls (a right-to-left mark in a Vietnamese document is a copy-paste accident, not intent).
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\ufeff\ufffe\uffff\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMES = {"\n": "a line break", "\r": "a carriage return", "\u200f": "a right-to-left mark",
          "\u200e": "a left-to-right mark", "\ufeff": "a byte-order mark"}


def nfc(value: str) -> str:
    """Unicode NFC, the form TCVN 6909 text should be in (decomposed "ễ" becomes one code point)."""
    return unicodedata.normalize("NFC", value)


def forbidden_character(value: str) -> str | None:
    """Describe the first character of ``value`` that may not be in document text, or None."""
    match = _FORBIDDEN.search(value)
    if match is None:
        return None
    char = match.group()
    name = _NAMES.get(char, "a control character")
    return f"{name} (U+{ord(char):04X}) at character {match.start() + 1}"


def _check_span_text(instance: object, attribute: object, value: str) -> None:
    from vbhc.errors import FieldError

    bad = forbidden_character(value)
    if bad:
        raise FieldError("", "text without control characters or line breaks", bad)


@frozen
class Span:
    """A run of text with one look."""

    text: str = field(converter=nfc, validator=_check_span_text)
    bold: bool = False
    italic: bool = False


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


def parse_markup(markup: str) -> tuple[Span, ...]:
    """Spans of ``markup``: ``**bold**``, ``*italic*``, ``\\*`` for a literal ``*``."""
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
    return tuple(spans)


def _to_spans(value: object) -> tuple[Span, ...]:
    if isinstance(value, Text):
        return value.spans
    if isinstance(value, str):
        return parse_markup(value)
    if isinstance(value, Span):
        return (value,)
    if isinstance(value, Iterable):
        out: list[Span] = []
        for part in value:
            out.extend(_to_spans(part))
        return tuple(out)
    raise TypeError(f"expected text, got {type(value).__name__}")


def _merge(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Join neighbouring spans of the same look and drop empty ones."""
    out: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if out and (out[-1].bold, out[-1].italic) == (span.bold, span.italic):
            out[-1] = Span(out[-1].text + span.text, span.bold, span.italic)
        else:
            out.append(span)
    return tuple(out)


@frozen
class Text:
    """Rich inline text: a sequence of spans. Build it from a string with markup or from spans."""

    spans: tuple[Span, ...] = field(converter=lambda v: _merge(_to_spans(v)), default=())

    @classmethod
    def of(cls, value: object) -> Text:
        """``value`` as Text: a Text as is, a string parsed as markup, spans joined."""
        return value if isinstance(value, Text) else cls(value)

    @property
    def plain(self) -> str:
        return "".join(s.text for s in self.spans)

    def __str__(self) -> str:
        return self.plain

    def __bool__(self) -> bool:
        return bool(self.plain.strip())

    def __iter__(self) -> Iterator[Span]:
        return iter(self.spans)

    def upper(self) -> Text:
        return Text(tuple(Span(s.text.upper(), s.bold, s.italic) for s in self.spans))

    def styled(self, *, bold: bool | None = None, italic: bool | None = None) -> Text:
        """The same text with bold or italic forced on every span."""
        return Text(tuple(
            Span(s.text, s.bold if bold is None else bold, s.italic if italic is None else italic)
            for s in self.spans
        ))

    def __add__(self, other: object) -> Text:
        """Concatenate; a plain string on either side is literal text, not markup."""
        right = Text((Span(other),)) if isinstance(other, str) else Text.of(other)
        return Text(self.spans + right.spans)

    def __radd__(self, other: object) -> Text:
        left = Text((Span(other),)) if isinstance(other, str) else Text.of(other)
        return Text(left.spans + self.spans)

    def rstrip(self) -> Text:
        spans = list(self.spans)
        while spans and not spans[-1].text.rstrip():
            spans.pop()
        if spans:
            last = spans[-1]
            spans[-1] = Span(last.text.rstrip(), last.bold, last.italic)
        return Text(tuple(spans))

    def to_markup(self) -> str:
        """Markup that parses back to this text."""
        out = []
        for s in self.spans:
            body = s.text.replace("\\", "\\\\").replace("*", "\\*")
            if s.italic:
                body = f"*{body}*"
            if s.bold:
                body = f"**{body}**"
            out.append(body)
        return "".join(out)


def literal(value: str) -> Text:
    """Text from a string taken literally (no markup)."""
    return Text((Span(value),))
