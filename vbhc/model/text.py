"""Inline text: ``Span`` (a run of text with one look) and ``Text`` (a sequence of spans).

A string is literal text: ``Paragraph("2*3*4")`` prints its asterisks. The ``*italic*`` / ``**bold**``
markup of specs is read by :mod:`vbhc.readers.spec.markup`, never here. Every string is normalised
to NFC and checked against :mod:`vbhc.model.characters`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from attrs import field, frozen

from vbhc.model.characters import first_refused, nfc

__all__ = ["Span", "Text", "forbidden_character", "literal", "nfc"]


def forbidden_character(value: str) -> str | None:
    """Describe the first character of ``value`` that may not be in document text, or None."""
    found = first_refused(value)
    if found is None:
        return None
    index, cls = found
    return f"{cls.name} (U+{ord(value[index]):04X}) at character {index + 1}"


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


def _to_spans(value: object) -> tuple[Span, ...]:
    if isinstance(value, Text):
        return value.spans
    if isinstance(value, str):
        return (Span(value),)
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
    """Rich inline text: a sequence of spans. Build it from a string (taken literally), spans, or both."""

    spans: tuple[Span, ...] = field(converter=lambda v: _merge(_to_spans(v)), default=())

    @classmethod
    def of(cls, value: object) -> Text:
        """``value`` as Text: a Text as is, a string as literal text, spans joined."""
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
        """Concatenate; a plain string on either side is literal text."""
        return Text(self.spans + Text.of(other).spans)

    def __radd__(self, other: object) -> Text:
        return Text(Text.of(other).spans + self.spans)

    def rstrip(self) -> Text:
        spans = list(self.spans)
        while spans and not spans[-1].text.rstrip():
            spans.pop()
        if spans:
            last = spans[-1]
            spans[-1] = Span(last.text.rstrip(), last.bold, last.italic)
        return Text(tuple(spans))


def literal(value: str) -> Text:
    """Text from a string taken literally, as ``Text(value)`` does."""
    return Text((Span(value),))
