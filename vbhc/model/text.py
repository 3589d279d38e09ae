"""Inline text: ``Span`` (a run of text with one look, or a footnote) and ``Text`` (a sequence of spans).

A string is literal text: ``Paragraph("2*3*4")`` prints its asterisks. The ``*italic*`` / ``**bold**``
/ ``^[footnote]`` markup of specs is read by :mod:`vbhc.readers.spec.markup`, never here. Every string
is normalised to NFC and checked against :mod:`vbhc.model.characters`. A span may hold a line break;
the fields of the document refuse it except where :mod:`vbhc.model.document` allows one (the trích yếu).
A footnote is a span of its own kind (:meth:`Span.footnote`): no text, its ``note`` printed at the foot
of the page, numbered by the writer in reading order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from attrs import field, frozen

from vbhc.model.characters import first_refused, nfc

__all__ = ["LINE_BREAKS", "Span", "Text", "forbidden_character", "literal", "nfc"]

# attrs metadata of a field that may hold a line break the officer typed (PL I, II.2.b; II.5.b: a long
# name or trích yếu stands on several lines; a table cell of several paragraphs).
LINE_BREAKS = "line_breaks"


def forbidden_character(value: str, *, line_breaks: bool = False) -> str | None:
    """Describe the first character of ``value`` that may not be in document text, or None;
    ``line_breaks``: a line break is allowed (a field that may stand on several lines)."""
    found = first_refused(value, line_breaks=line_breaks)
    if found is None:
        return None
    index, cls = found
    return f"{cls.name} (U+{ord(value[index]):04X}) at character {index + 1}"


def _check_span_text(instance: object, attribute: object, value: str) -> None:
    from vbhc.errors import FieldError

    bad = forbidden_character(value, line_breaks=True)  # a line break: refused by the field (document.py)
    if bad:
        raise FieldError("", "text without control characters or line breaks", bad)


def _check_note(instance: Span, attribute: object, value: Text | None) -> None:
    from vbhc.errors import FieldError

    if value is None:
        return
    if instance.text:
        raise FieldError("", "a footnote span without text of its own (its text is the note)",
                         repr(instance.text))
    if not value:
        raise FieldError("", "a footnote with text", repr(value.plain))
    if any(s.note is not None for s in value.spans):
        raise FieldError("", "a footnote without a footnote inside it", "a nested footnote")
    bad = forbidden_character(value.plain)
    if bad:
        raise FieldError("", "a footnote on one line", bad)


@frozen
class Span:
    """A run of text with one look; or, with ``note``, a footnote: its mark stands here, numbered by the
    writer, and ``note`` is printed at the foot of the page (build one with :meth:`footnote`)."""

    text: str = field(converter=nfc, validator=_check_span_text)
    bold: bool = False
    italic: bool = False
    note: Text | None = field(default=None, validator=_check_note, kw_only=True)

    @classmethod
    def footnote(cls, note: object) -> Span:
        """A footnote whose text is ``note`` (a string is literal text)."""
        return cls("", note=Text.of(note))

    def restyled(self, text: str | None = None, *, bold: bool | None = None,
                 italic: bool | None = None) -> Span:
        """The same span (a footnote stays one) with another text, weight or slant."""
        return Span(self.text if text is None else text, self.bold if bold is None else bold,
                    self.italic if italic is None else italic, note=self.note)


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
    """Join neighbouring spans of the same look and drop empty ones (a footnote is never empty, and
    never joined)."""
    out: list[Span] = []
    for span in spans:
        if not span.text and span.note is None:
            continue
        if (out and span.note is None and out[-1].note is None
                and (out[-1].bold, out[-1].italic) == (span.bold, span.italic)):
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
        """The text as printed in its paragraph (footnotes are printed at the foot of the page)."""
        return "".join(s.text for s in self.spans)

    @property
    def notes(self) -> tuple[Text, ...]:
        """The footnotes' texts, in order."""
        return tuple(s.note for s in self.spans if s.note is not None)

    def __str__(self) -> str:
        return self.plain

    def __bool__(self) -> bool:
        return bool(self.plain.strip())

    def __iter__(self) -> Iterator[Span]:
        return iter(self.spans)

    def upper(self) -> Text:
        return Text(tuple(s.restyled(s.text.upper()) for s in self.spans))

    def styled(self, *, bold: bool | None = None, italic: bool | None = None) -> Text:
        """The same text with bold or italic forced on every span."""
        return Text(tuple(s.restyled(bold=bold, italic=italic) for s in self.spans))

    def __add__(self, other: object) -> Text:
        """Concatenate; a plain string on either side is literal text."""
        return Text(self.spans + Text.of(other).spans)

    def __radd__(self, other: object) -> Text:
        return Text(Text.of(other).spans + self.spans)

    def rstrip(self) -> Text:
        spans = list(self.spans)
        while spans and spans[-1].note is None and not spans[-1].text.rstrip():
            spans.pop()
        if spans and spans[-1].note is None:
            spans[-1] = spans[-1].restyled(spans[-1].text.rstrip())
        return Text(tuple(spans))


def literal(value: str) -> Text:
    """Text from a string taken literally, as ``Text(value)`` does."""
    return Text((Span(value),))
