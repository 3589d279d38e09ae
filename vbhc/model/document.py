"""The typed document model: every component of a Decree 30 administrative document.

The model knows nothing of DOCX. It holds what the author decides (who issues, what type, which
words); what the decree decides (numbers of items, punctuation, case, sizes) is applied by
:mod:`vbhc.layout` from the rules in :mod:`vbhc.nd30`. Every class is frozen and validated when
built; every string is normalised to NFC.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable
from typing import Any, ClassVar

import attrs
from attrs import field, frozen

from vbhc.errors import FieldError
from vbhc.model.text import Span, Text, forbidden_character, nfc
from vbhc.nd30 import DocumentType, Secrecy, SigningAuthority, Urgency, form_of, reference_symbol

__all__ = [
    "Appendix", "Archive", "Article", "Block", "Chapter", "Dash", "Document", "DocumentType",
    "IssueDate", "Issuer", "Item", "Mandate", "Paragraph", "Part", "Plus", "Point", "Recipient",
    "Secrecy", "Section", "Signature", "SigningAuthority", "Span", "Text", "Urgency",
]


# --------------------------------------------------------------------------------------------
# Field helpers: converters and validators shared by all classes


def _line(_: Any, attribute: attrs.Attribute, value: str) -> None:
    bad = forbidden_character(value)
    if bad:
        raise FieldError(attribute.name, "one line of text", bad)
    if not value.strip():
        raise FieldError(attribute.name, "non-empty text", repr(value))


def _optional_line(instance: Any, attribute: attrs.Attribute, value: str | None) -> None:
    if value is not None:
        _line(instance, attribute, value)


def _nonempty_text(_: Any, attribute: attrs.Attribute, value: Text) -> None:
    if not value:
        raise FieldError(attribute.name, "non-empty text", repr(value.plain))


def _optional_text(instance: Any, attribute: attrs.Attribute, value: Text | None) -> None:
    if value is not None:
        _nonempty_text(instance, attribute, value)


def _lines(_: Any, attribute: attrs.Attribute, value: tuple[str, ...]) -> None:
    for i, line in enumerate(value):
        bad = forbidden_character(line)
        if bad or not line.strip():
            raise FieldError(f"{attribute.name}[{i}]", "one non-empty line of text", bad or repr(line))


def _nfc_or_none(value: str | None) -> str | None:
    return None if value is None else nfc(value)


def _nfc_tuple(value: Iterable[str] | str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = (value,)
    return tuple(nfc(v) for v in value)


def _enum(cls: type, name: str) -> Callable[[Any], Any]:
    """A converter to ``cls`` that names the field and the choices when the value is not one."""

    def convert(value: Any) -> Any:
        try:
            return cls(value)
        except ValueError:
            options = ", ".join(m.value for m in cls)  # type: ignore[attr-defined]
            raise FieldError(name, f"one of {options}", repr(value)) from None

    return convert


def _one_or_many(value: Any, cls: type) -> tuple[Any, ...]:
    return (value,) if isinstance(value, cls) else tuple(value)


def _to_text(value: object, attribute: attrs.Attribute) -> Text:
    try:
        return Text.of(value)
    except FieldError as exc:  # a bad character in one span: report it against this field
        raise FieldError(attribute.name, exc.expected, exc.found) from None


def _to_text_or_none(value: object, attribute: attrs.Attribute) -> Text | None:
    return None if value is None else _to_text(value, attribute)


def _to_texts(value: object, attribute: attrs.Attribute) -> tuple[Text, ...]:
    items = (value,) if isinstance(value, (str, Text)) else tuple(value)  # type: ignore[arg-type]
    out = []
    for i, item in enumerate(items):
        try:
            out.append(Text.of(item))
        except FieldError as exc:
            raise FieldError(f"{attribute.name}[{i}]", exc.expected, exc.found) from None
    return tuple(out)


def text_field(**kwargs: Any) -> Any:
    """A required rich-text field: accepts a string with markup, spans, or Text."""
    return field(converter=attrs.Converter(_to_text, takes_field=True), validator=_nonempty_text,
                 **kwargs)


def _positive(_: Any, attribute: attrs.Attribute, value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise FieldError(attribute.name, "a whole number of 1 or more", repr(value))


# --------------------------------------------------------------------------------------------
# Body blocks. Numbers are never stored: vbhc.layout computes them from the position in the tree.


def _children(*allowed: Callable[[], tuple[type, ...]]) -> Any:
    """A tuple-of-blocks field whose members must be one of the allowed classes."""

    def check(_: Any, attribute: attrs.Attribute, value: tuple[Any, ...]) -> None:
        kinds = tuple(k for get in allowed for k in get())
        for i, child in enumerate(value):
            if not isinstance(child, kinds):
                names = ", ".join(k.kind for k in kinds)
                raise FieldError(f"{attribute.name}[{i}]", f"one of: {names}",
                                 getattr(child, "kind", type(child).__name__))

    return field(converter=_block_tuple, validator=check, factory=tuple)


def _block_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Children as a tuple; a bare string stands for a Paragraph."""
    if isinstance(value, (str, Text)) or not isinstance(value, Iterable):
        value = (value,)
    return tuple(Paragraph(v) if isinstance(v, (str, Text)) else v for v in value)


@frozen
class Paragraph:
    """A plain body paragraph, justified with a first-line indent (PL I, II.6.e)."""

    kind: ClassVar[str] = "paragraph"
    text: Text = text_field()


@frozen
class Plus:
    """A "+" bullet, below a dash (practice; RULES.md §2.4)."""

    kind: ClassVar[str] = "plus"
    text: Text = text_field()
    children: tuple[Paragraph, ...] = _children(lambda: (Paragraph,))


@frozen
class Dash:
    """A "-" bullet."""

    kind: ClassVar[str] = "dash"
    text: Text = text_field()
    children: tuple[Plus | Paragraph, ...] = _children(lambda: (Plus, Paragraph))


@frozen
class Point:
    """An điểm, lettered a), b), ... đ), e) in the Vietnamese alphabet (PL I, II.6.đ)."""

    kind: ClassVar[str] = "point"
    text: Text = text_field()
    children: tuple[Dash | Plus | Paragraph, ...] = _children(lambda: (Dash, Plus, Paragraph))


@frozen
class Item:
    """A numbered item "1.", "2." (a khoản inside an article; PL I, II.6.đ).

    With a ``title`` the number and title stand on their own line in bold; with ``text`` the number
    leads an ordinary paragraph. Give one or both.
    """

    kind: ClassVar[str] = "item"
    title: Text | None = field(default=None, converter=attrs.Converter(_to_text_or_none, takes_field=True),
                               validator=_optional_text)
    text: Text | None = field(default=None, converter=attrs.Converter(_to_text_or_none, takes_field=True),
                               validator=_optional_text)
    children: tuple[Point | Dash | Plus | Paragraph, ...] = _children(
        lambda: (Point, Dash, Plus, Paragraph))

    def __attrs_post_init__(self) -> None:
        if self.title is None and self.text is None:
            raise FieldError("title", "a title or a text for the item", "neither")


@frozen
class Article:
    """An điều: "Điều 1. Title" in bold at body size (PL I, II.6.đ). Numbered through the document."""

    kind: ClassVar[str] = "article"
    title: Text = text_field()
    children: tuple[Item | Point | Dash | Paragraph, ...] = _children(
        lambda: (Item, Point, Dash, Paragraph))


@frozen
class Part:
    """A top division "I. TITLE" of a document without articles (PL I, II.6.đ; PL III Mẫu 1.4)."""

    kind: ClassVar[str] = "part"
    title: Text = text_field()
    children: tuple[Item | Point | Dash | Plus | Paragraph, ...] = _children(
        lambda: (Item, Point, Dash, Plus, Paragraph))


@frozen
class Section:
    """A mục: "Mục 1" and its UPPER title, centred (PL I, II.6.đ)."""

    kind: ClassVar[str] = "section"
    title: Text = text_field()
    children: tuple[Article | Paragraph, ...] = _children(lambda: (Article, Paragraph))


@frozen
class Chapter:
    """A chương: "Chương I" and its UPPER title, centred (PL I, II.6.đ)."""

    kind: ClassVar[str] = "chapter"
    title: Text = text_field()
    children: tuple[Section | Article | Paragraph, ...] = _children(
        lambda: (Section, Article, Paragraph))


Block = Chapter | Section | Article | Part | Item | Point | Dash | Plus | Paragraph
BLOCK_TYPES: tuple[type, ...] = (Chapter, Section, Article, Part, Item, Point, Dash, Plus, Paragraph)
TOP_LEVEL_BLOCKS: tuple[type, ...] = BLOCK_TYPES


# --------------------------------------------------------------------------------------------
# Header, signature, recipients


@frozen
class Issuer:
    """Cơ quan ban hành (PL I, II.2). Lines are printed in capitals; give them as they read.

    ``name``: the issuing body, one entry per printed line (``["Ủy ban nhân dân", "xã Hoàng Kim"]``).
    ``abbreviation``: its abbreviation in the ký hiệu (``UBND``). ``parent``: cơ quan chủ quản lines.
    """

    name: tuple[str, ...] = field(converter=_nfc_tuple, validator=_lines)
    abbreviation: str = field(converter=nfc, validator=_line)
    parent: tuple[str, ...] = field(converter=_nfc_tuple, validator=_lines, factory=tuple)

    @name.validator
    def _name_given(self, attribute: attrs.Attribute, value: tuple[str, ...]) -> None:
        if not value:
            raise FieldError("name", "at least one line", "none")

    @abbreviation.validator
    def _abbreviation_form(self, attribute: attrs.Attribute, value: str) -> None:
        if any(c.isspace() for c in value) or "/" in value:
            raise FieldError("abbreviation", "letters without spaces or '/' (e.g. UBND)", repr(value))


@frozen
class IssueDate:
    """Thời gian ban hành (PL I, II.4.b). Leave ``day`` or ``month`` empty for a draft to fill by hand."""

    year: int = field(validator=_positive)
    month: int | None = field(default=None)
    day: int | None = field(default=None)

    @year.validator
    def _year_range(self, attribute: attrs.Attribute, value: int) -> None:
        if not 1945 <= value <= 2200:
            raise FieldError("year", "a year from 1945 to 2200", repr(value))

    @month.validator
    def _month_range(self, attribute: attrs.Attribute, value: int | None) -> None:
        _positive(self, attribute, value)
        if value is not None and value > 12:
            raise FieldError("month", "a month from 1 to 12", repr(value))

    @day.validator
    def _day_range(self, attribute: attrs.Attribute, value: int | None) -> None:
        _positive(self, attribute, value)
        if value is None:
            return
        last = calendar.monthrange(self.year, self.month)[1] if self.month else 31
        if value > last:
            where = f"{self.month:02d}/{self.year}" if self.month else "a month"
            raise FieldError("day", f"a day that exists in {where} (1 to {last})", repr(value))


@frozen
class Mandate:
    """One line of quyền hạn: ``TM.`` + collective, ``KT.``/``Q.``/``TL.``/``TUQ.`` + head's title."""

    authority: SigningAuthority = field(converter=_enum(SigningAuthority, "authority"))
    of: str = field(converter=nfc, validator=_line)


@frozen
class Signature:
    """Chữ ký (PL I, II.7): the quyền hạn lines, the position, and the signer's full name.

    ``mandates`` go from the outside in: ``[TM. Ủy ban nhân dân, KT. Chủ tịch]`` over ``Phó Chủ tịch``.
    The name carries no academic or honorific title (PL I, II.7.c).
    """

    position: str = field(converter=nfc, validator=_line)
    name: str = field(converter=nfc, validator=_line)
    mandates: tuple[Mandate, ...] = field(converter=tuple, factory=tuple)


@frozen
class Recipient:
    """One line of Nơi nhận; ``note`` is the short purpose printed in brackets: ``b/c``, ``t/h``."""

    name: str = field(converter=nfc, validator=_line)
    note: str | None = field(default=None, converter=_nfc_or_none, validator=_optional_line)

    @name.validator
    def _no_punctuation(self, attribute: attrs.Attribute, value: str) -> None:
        stripped = value.strip()
        if stripped.startswith("-") or stripped.endswith((";", ".")):
            raise FieldError("name", "the name alone; vbhc adds the '-' and the ';' or '.'",
                             repr(value))


@frozen
class Archive:
    """The "Lưu: VT, <units> (<copies>)." line that ends Nơi nhận (PL I, II.9.d)."""

    units: tuple[str, ...] = field(converter=_nfc_tuple, validator=_lines, factory=tuple)
    copies: int | None = field(default=None, validator=_positive)


# --------------------------------------------------------------------------------------------
# Appendix and the document


@frozen
class Appendix:
    """A phụ lục after the signature, on its own pages with its own page numbers (PL I, III.1)."""

    title: Text = text_field()
    children: tuple[Block, ...] = _children(lambda: TOP_LEVEL_BLOCKS)


def _check_date(_: Any, attribute: attrs.Attribute, value: Any) -> None:
    if not isinstance(value, IssueDate):
        raise FieldError(attribute.name, "an IssueDate", type(value).__name__)


@frozen(kw_only=True)
class Document:
    """A Decree 30 administrative document (văn bản hành chính).

    Required: ``type``, ``issuer``, ``place``, ``date``, ``summary`` (a công văn's is its "V/v"
    line), ``signatures``. The body is a tree of blocks; numbering, punctuation of Nơi nhận, case,
    the "QUYẾT ĐỊNH:" line of a decision and the closing "./." are applied when it is laid out.
    ``enacting_authority`` is the thẩm quyền ban hành line of a quyết định or nghị quyết (PL III,
    Mẫu 1.2): the head's title or the collective, e.g. ``Chủ tịch Ủy ban nhân dân xã Hoàng Kim``.
    """

    type: DocumentType = field(converter=_enum(DocumentType, "type"))
    issuer: Issuer
    place: str = field(converter=nfc, validator=_line)
    date: IssueDate = field(validator=_check_date)
    summary: Text = text_field()
    number: int | None = field(default=None, validator=_positive)
    unit: str | None = field(default=None, converter=_nfc_or_none, validator=_optional_line)
    secrecy: Secrecy | None = field(
        default=None, converter=attrs.converters.optional(_enum(Secrecy, "secrecy")))
    urgency: Urgency | None = field(
        default=None, converter=attrs.converters.optional(_enum(Urgency, "urgency")))
    addressees: tuple[str, ...] = field(converter=_nfc_tuple, validator=_lines, factory=tuple)
    enacting_authority: str | None = field(default=None, converter=_nfc_or_none,
                                           validator=_optional_line)
    legal_bases: tuple[Text, ...] = field(converter=attrs.Converter(_to_texts, takes_field=True),
                                          factory=tuple)
    preamble: tuple[Paragraph, ...] = _children(lambda: (Paragraph,))
    body: tuple[Block, ...] = _children(lambda: TOP_LEVEL_BLOCKS)
    signatures: tuple[Signature, ...] = field(converter=lambda v: _one_or_many(v, Signature))
    recipients: tuple[Recipient, ...] = field(converter=tuple, factory=tuple)
    archive: Archive | None = field(factory=Archive)
    appendices: tuple[Appendix, ...] = field(converter=tuple, factory=tuple)

    @unit.validator
    def _unit_form(self, attribute: attrs.Attribute, value: str | None) -> None:
        if value is not None and (any(c.isspace() for c in value) or "/" in value):
            raise FieldError("unit", "letters without spaces or '/' (e.g. VX)", repr(value))

    @signatures.validator
    def _one_or_two_signatures(self, attribute: attrs.Attribute, value: tuple[Any, ...]) -> None:
        if not value:
            raise FieldError("signatures", "at least one signature", "none")
        for i, sig in enumerate(value):
            if not isinstance(sig, Signature):
                raise FieldError(f"signatures[{i}]", "a Signature", type(sig).__name__)

    @legal_bases.validator
    def _bases_nonempty(self, attribute: attrs.Attribute, value: tuple[Text, ...]) -> None:
        for i, basis in enumerate(value):
            if not basis:
                raise FieldError(f"legal_bases[{i}]", "non-empty text", repr(basis.plain))

    def __attrs_post_init__(self) -> None:
        if not form_of(self.type).has_type_line and self.unit is None:
            # PL I, II.3.b: a công văn's ký hiệu is the issuer's and the drafting unit's abbreviations.
            raise FieldError("unit", "the drafting unit's abbreviation: a công văn's ký hiệu needs it",
                             "none")

    @property
    def symbol(self) -> str:
        """The ký hiệu, e.g. ``KH-UBND`` or, for công văn, ``UBND-VX`` (PL I, II.3.b)."""
        return reference_symbol(self.type.abbreviation or "", self.issuer.abbreviation, self.unit or "")


attrs.resolve_types(Appendix, globals(), locals())
for _cls in (*BLOCK_TYPES, Issuer, IssueDate, Mandate, Signature, Recipient, Archive, Document):
    attrs.resolve_types(_cls, globals(), locals())
