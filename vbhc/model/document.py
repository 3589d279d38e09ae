"""The typed document model: every component of a Decree 30 administrative document.

The model knows nothing of DOCX. It holds what the author decides (who issues, what type, which
words); what the decree decides (numbers of items, punctuation, case, sizes) is applied by
:mod:`vbhc.layout` from the rules in :mod:`vbhc.nd30`. Every class is frozen and validated when
built; every string is normalised to NFC.
"""

from __future__ import annotations

import calendar
import enum
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from html import escape as _html_escape
from typing import Any, ClassVar

import attrs
from attrs import field, frozen

from vbhc import limits
from vbhc.errors import FieldError
from vbhc.model.characters import LINE_BREAK
from vbhc.model.image import SignatureImage
from vbhc.model.table import Cell, Table
from vbhc.model.text import LINE_BREAKS, Span, Text, forbidden_character, nfc
from vbhc.nd30 import (
    CopyKind,
    DocumentType,
    Region,
    Secrecy,
    SigningAuthority,
    Urgency,
    attached_text_name,
    deputy_problem,
    form_of,
    reference_symbol,
    stack_problem,
)
from vbhc.nd30.forms import ATTACHED_TEXT_NAMES
from vbhc.nd30.numbering import Level, numeral

__all__ = [
    "Appendix", "Archive", "Article", "Attachment", "Block", "Chapter", "Copy", "CopyKind", "Dash",
    "Division", "Document", "DocumentType", "IssuanceNote", "IssueDate", "Issuer", "Item", "Mandate",
    "Paragraph", "Part", "Plus",
    "Point", "Recipient", "Secrecy", "Section", "Signature", "SignatureImage", "SigningAuthority", "Span",
    "Table", "Text", "Urgency", "draft_round", "one_line", "one_line_each", "optional_line", "positive",
    "word_xml_estimate",
]


# --------------------------------------------------------------------------------------------
# Field helpers: converters and validators shared by all classes (the schema reads them too)


def _check_length(name: str, value: str) -> None:
    """Refuse text longer than :data:`vbhc.limits.MAX_TEXT_CHARS` (the checker reads no such paragraph)."""
    if len(value) > limits.MAX_TEXT_CHARS:
        raise FieldError(name, f"text of at most {limits.MAX_TEXT_CHARS:,} characters", f"{len(value):,}")


def one_line(_: Any, attribute: attrs.Attribute, value: str) -> None:
    """Validator: one non-empty line of text, without refused characters, within the length limit."""
    bad = forbidden_character(value)
    if bad:
        raise FieldError(attribute.name, "one line of text", bad)
    if not value.strip():
        raise FieldError(attribute.name, "non-empty text", repr(value))
    _check_length(attribute.name, value)


def optional_line(instance: Any, attribute: attrs.Attribute, value: str | None) -> None:
    """Validator: None, or what :func:`one_line` accepts."""
    if value is not None:
        one_line(instance, attribute, value)


def _nonempty_text(_: Any, attribute: attrs.Attribute, value: Text) -> None:
    if not value:
        raise FieldError(attribute.name, "non-empty text", repr(value.plain))
    _check_length(attribute.name, value.plain)


def _optional_text(instance: Any, attribute: attrs.Attribute, value: Text | None) -> None:
    if value is not None:
        _nonempty_text(instance, attribute, value)


def one_line_each(_: Any, attribute: attrs.Attribute, value: tuple[str, ...]) -> None:
    """Validator: a tuple of entries, each what :func:`one_line` accepts (a line break too, in a field
    whose metadata names :data:`LINE_BREAKS`)."""
    breaks = bool(attribute.metadata.get(LINE_BREAKS))
    for i, line in enumerate(value):
        bad = forbidden_character(line, line_breaks=breaks)
        if bad or not line.strip():
            raise FieldError(f"{attribute.name}[{i}]", "one non-empty line of text", bad or repr(line))
        _check_length(f"{attribute.name}[{i}]", line)


def _printed_on_one_line(separator: str) -> Callable[[Any, attrs.Attribute, tuple[str, ...]], None]:
    """Validator: entries the layout joins with ``separator`` into one line stay within the limit."""

    def check(_: Any, attribute: attrs.Attribute, value: tuple[str, ...]) -> None:
        total = sum(map(len, value)) + len(separator) * max(len(value) - 1, 0)
        if total > limits.MAX_TEXT_CHARS:
            raise FieldError(attribute.name, f"at most {limits.MAX_TEXT_CHARS:,} characters in all (they "
                             "are printed on one line)", f"{total:,}")

    return check


def _nfc_or_none(value: str | None) -> str | None:
    return None if value is None else nfc(value)


def _nfc_tuple(value: Iterable[str] | str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = (value,)
    return tuple(nfc(v) for v in value)


def _name_lines(value: Iterable[str] | str) -> tuple[str, ...]:
    """Lines of a name (NFC), each broken where the officer typed a line break, trimmed around it."""
    return tuple(LINE_BREAK.join(part.strip() for part in v.strip().split(LINE_BREAK)) if isinstance(v, str)
                 else v for v in _nfc_tuple(value))


def _enum(cls: type, name: str) -> Callable[[Any], Any]:
    """A converter to ``cls`` (text NFC-normalised first) that names the field and the choices."""

    def convert(value: Any) -> Any:
        try:
            return cls(nfc(value) if isinstance(value, str) else value)
        except ValueError:
            options = ", ".join(m.value for m in cls)  # type: ignore[attr-defined]
            raise FieldError(name, f"one of {options}", repr(value)) from None

    return convert


def _one_or_many(value: Any, cls: type) -> tuple[Any, ...]:
    return (value,) if isinstance(value, cls) else tuple(value)


def _to_text(value: object, attribute: attrs.Attribute) -> Text:
    try:
        text = Text.of(value)
    except FieldError as exc:  # a bad character in one span: report it against this field
        raise FieldError(attribute.name, exc.expected, exc.found) from None
    if attribute.metadata.get(LINE_BREAKS):  # a trích yếu broken by hand: the break kept, the end trimmed
        return text.rstrip()
    bad = forbidden_character(text.plain)
    if bad:
        raise FieldError(attribute.name, "one line of text (a line break only in the trích yếu and the "
                         "issuer's names)", bad)
    return text


def _to_text_or_none(value: object, attribute: attrs.Attribute) -> Text | None:
    return None if value is None else _to_text(value, attribute)


def _to_texts(value: object, attribute: attrs.Attribute) -> tuple[Text, ...]:
    items = (value,) if isinstance(value, (str, Text)) else tuple(value)  # type: ignore[arg-type]
    out = []
    for i, item in enumerate(items):
        try:
            text = Text.of(item)
        except FieldError as exc:
            raise FieldError(f"{attribute.name}[{i}]", exc.expected, exc.found) from None
        bad = forbidden_character(text.plain)
        if bad:
            raise FieldError(f"{attribute.name}[{i}]", "one line of text", bad)
        out.append(text)
    return tuple(out)


def text_field(**kwargs: Any) -> Any:
    """A required rich-text field: accepts a string (taken literally), spans, or Text."""
    return field(converter=attrs.Converter(_to_text, takes_field=True), validator=_nonempty_text,
                 **kwargs)


def positive(_: Any, attribute: attrs.Attribute, value: int | None) -> None:
    """Validator: None or a whole number of 1 or more (not a bool)."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise FieldError(attribute.name, "a whole number of 1 or more", repr(value))


# --------------------------------------------------------------------------------------------
# Body blocks. Numbers are never stored: vbhc.layout computes them from the position in the tree.


def _children(*allowed: Callable[[], tuple[type, ...]]) -> Any:
    """A tuple-of-blocks field whose members must be one of the allowed classes."""

    def check(_: Any, attribute: attrs.Attribute, value: tuple[Any, ...]) -> None:
        kinds = tuple(k for get in allowed for k in get())
        counts: dict[Level, int] = {}
        above: Any = None  # the last sibling whose label restarts others' numbering (an item)
        for i, child in enumerate(value):
            if not isinstance(child, kinds):
                names = ", ".join(k.kind for k in kinds)
                raise FieldError(f"{attribute.name}[{i}]", f"one of: {names}",
                                 getattr(child, "kind", type(child).__name__))
            if above is not None and child.level in above.level.resets:
                # Printed after "1.", an "a)" reads as that khoản's điểm, numbered from a) again in it
                # (PL I, II.6.đ): the reader could not tell it belongs to the block above.
                raise FieldError(f"{attribute.name}[{i}]", f"no {child.kind} after a {above.kind} among "
                                 f"the same children (it reads as the {above.kind}'s: put it in the "
                                 f"{above.kind}'s children, or before it)", child.kind)
            if child.level is not None and child.level.resets:
                above = child
            limit = child.level.limit if child.level is not None else None
            if limit is not None:  # 23 điểm (a to y), MAX_NUMBER Roman parts and chapters
                n = counts[child.level] = counts.get(child.level, 0) + 1
                if n > limit:
                    first, last = numeral(child.level, 1), numeral(child.level, limit)
                    raise FieldError(f"{attribute.name}[{i}]",
                                     f"at most {limit:,} {child.kind}s ({first} to {last}) in one place",
                                     f"{child.kind} {n:,}")

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
    level: ClassVar[Level | None] = None  # not numbered
    text: Text = text_field()


@frozen
class Plus:
    """A "+" bullet, below a dash (practice; RULES.md §2.4)."""

    kind: ClassVar[str] = "plus"
    level: ClassVar[Level | None] = Level.PLUS
    text: Text = text_field()
    children: tuple[Paragraph, ...] = _children(lambda: (Paragraph,))


@frozen
class Dash:
    """A "-" bullet."""

    kind: ClassVar[str] = "dash"
    level: ClassVar[Level | None] = Level.DASH
    text: Text = text_field()
    children: tuple[Plus | Paragraph, ...] = _children(lambda: (Plus, Paragraph))


@frozen
class Point:
    """An điểm, lettered a), b), ... đ), e) in the Vietnamese alphabet (PL I, II.6.đ)."""

    kind: ClassVar[str] = "point"
    level: ClassVar[Level | None] = Level.POINT
    text: Text = text_field()
    children: tuple[Dash | Plus | Paragraph, ...] = _children(lambda: (Dash, Plus, Paragraph))


@frozen
class Item:
    """A numbered item "1.", "2." (a khoản inside an article; PL I, II.6.đ).

    With a ``title`` the number and title stand on their own line in bold; with ``text`` the number
    leads an ordinary paragraph. Give one or both.
    """

    kind: ClassVar[str] = "item"
    level: ClassVar[Level | None] = Level.ITEM
    title: Text | None = field(default=None, converter=attrs.Converter(_to_text_or_none, takes_field=True),
                               validator=_optional_text)
    text: Text | None = field(default=None, converter=attrs.Converter(_to_text_or_none, takes_field=True),
                               validator=_optional_text)
    children: tuple[Point | Dash | Plus | Paragraph | Table, ...] = _children(
        lambda: (Point, Dash, Plus, Paragraph, Table))

    def __attrs_post_init__(self) -> None:
        if self.title is None and self.text is None:
            raise FieldError("title", "a title or a text for the item", "neither")


@frozen
class Article:
    """An điều, numbered through the document: "Điều 1. Title" in bold at body size (PL I, II.6.đ).

    With a ``title`` the number and title stand on their own line in bold, and ``text`` (if any) follows
    as a paragraph. Without one, "Điều 1." in bold leads the article's ``text``, printed upright and
    regular (PL III, Mẫu 1.3: "Điều 1. Ban hành kèm theo Quyết định này ..."). Give one or both.
    """

    kind: ClassVar[str] = "article"
    level: ClassVar[Level | None] = Level.ARTICLE
    title: Text | None = field(default=None, converter=attrs.Converter(_to_text_or_none, takes_field=True),
                               validator=_optional_text)
    children: tuple[Item | Point | Dash | Paragraph | Table, ...] = _children(
        lambda: (Item, Point, Dash, Paragraph, Table))
    text: Text | None = field(default=None, converter=attrs.Converter(_to_text_or_none, takes_field=True),
                              validator=_optional_text, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.title is None and self.text is None:
            raise FieldError("title", "a title or a text for the article", "neither")


@frozen
class Part:
    """A top division "I. TITLE" of a document without articles (PL I, II.6.đ; PL III Mẫu 1.4)."""

    kind: ClassVar[str] = "part"
    level: ClassVar[Level | None] = Level.PART
    title: Text = text_field()
    children: tuple[Item | Point | Dash | Plus | Paragraph | Table, ...] = _children(
        lambda: (Item, Point, Dash, Plus, Paragraph, Table))


@frozen
class Section:
    """A mục: "Mục 1" and its UPPER title, centred (PL I, II.6.đ)."""

    kind: ClassVar[str] = "section"
    level: ClassVar[Level | None] = Level.SECTION
    title: Text = text_field()
    children: tuple[Article | Paragraph, ...] = _children(lambda: (Article, Paragraph))


@frozen
class Chapter:
    """A chương: "Chương I" and its UPPER title, centred (PL I, II.6.đ)."""

    kind: ClassVar[str] = "chapter"
    level: ClassVar[Level | None] = Level.CHAPTER
    title: Text = text_field()
    children: tuple[Section | Article | Paragraph, ...] = _children(
        lambda: (Section, Article, Paragraph))


@frozen
class Division:
    """A phần: "Phần I" and its UPPER title, centred, printed as a chương is (PL I, II.6.đ: "Từ “Phần”,
    “Chương” ... trên một dòng riêng, canh giữa"). It holds chương, mục, điều or "I." parts; chương and
    parts are numbered from I again in each phần (nd30.numbering: Level.DIVISION resets them)."""

    kind: ClassVar[str] = "division"
    level: ClassVar[Level | None] = Level.DIVISION
    title: Text = text_field()
    children: tuple[Chapter | Section | Article | Part | Paragraph, ...] = _children(
        lambda: (Chapter, Section, Article, Part, Paragraph))


Block = Division | Chapter | Section | Article | Part | Item | Point | Dash | Plus | Paragraph | Table
BLOCK_TYPES: tuple[type, ...] = (
    Division, Chapter, Section, Article, Part, Item, Point, Dash, Plus, Paragraph, Table)
TOP_LEVEL_BLOCKS: tuple[type, ...] = BLOCK_TYPES


# --------------------------------------------------------------------------------------------
# Header, signature, recipients


@frozen
class Issuer:
    """Cơ quan ban hành (PL I, II.2). Lines are printed in capitals; give them as they read.

    ``name``: the issuing body, one entry per printed line (``["Ủy ban nhân dân", "xã Hoàng Kim"]``).
    ``abbreviation``: its abbreviation in the ký hiệu (``UBND``). ``parent``: cơ quan chủ quản lines.
    ``address``, ``phone``, ``fax``, ``email``, ``website``: ô 13 at the foot of page 1 (PL I, III.4),
    printed when any is given; a profile sets them once for the office.
    """

    name: tuple[str, ...] = field(converter=_name_lines, metadata={LINE_BREAKS: True},
                                  validator=[one_line_each, _printed_on_one_line(" ")])  # an appendix's note
    abbreviation: str = field(converter=nfc, validator=one_line)
    parent: tuple[str, ...] = field(converter=_name_lines, validator=one_line_each, factory=tuple,
                                    metadata={LINE_BREAKS: True})
    address: str | None = field(default=None, converter=_nfc_or_none, validator=optional_line)
    phone: str | None = field(default=None, converter=_nfc_or_none, validator=optional_line)
    fax: str | None = field(default=None, converter=_nfc_or_none, validator=optional_line)
    email: str | None = field(default=None, converter=_nfc_or_none, validator=optional_line)
    website: str | None = field(default=None, converter=_nfc_or_none, validator=optional_line)

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

    year: int = field(validator=positive)
    month: int | None = field(default=None)
    day: int | None = field(default=None)

    @year.validator
    def _year_range(self, attribute: attrs.Attribute, value: int) -> None:
        if not 1945 <= value <= 2200:
            raise FieldError("year", "a year from 1945 to 2200", repr(value))

    @month.validator
    def _month_range(self, attribute: attrs.Attribute, value: int | None) -> None:
        positive(self, attribute, value)
        if value is not None and value > 12:
            raise FieldError("month", "a month from 1 to 12", repr(value))

    @day.validator
    def _day_range(self, attribute: attrs.Attribute, value: int | None) -> None:
        positive(self, attribute, value)
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
    of: str = field(converter=nfc, validator=one_line)


@frozen
class Signature:
    """Chữ ký (PL I, II.7): the quyền hạn lines, the position, and the signer's full name.

    ``mandates`` go from the outside in: ``[TM. Ủy ban nhân dân, KT. Chủ tịch]`` over ``Phó Chủ tịch``;
    a stack the decree does not allow is refused (:func:`vbhc.nd30.stack_problem`: TM. only first,
    nothing under KT., Q. or TUQ., only KT. under TL.), as is a deputy's position without KT.
    The name carries no academic or honorific title (PL I, II.7.c). ``image``: the signature's PNG,
    printed between the position and the name (PL I, II.7.d).
    """

    position: str = field(converter=nfc, validator=one_line)
    name: str = field(converter=nfc, validator=one_line)
    mandates: tuple[Mandate, ...] = field(converter=tuple, factory=tuple)
    image: SignatureImage | None = field(default=None, kw_only=True)

    @mandates.validator
    def _allowed_stack(self, attribute: attrs.Attribute, value: tuple[Mandate, ...]) -> None:
        for i, mandate in enumerate(value):
            if not isinstance(mandate, Mandate):
                raise FieldError(f"mandates[{i}]", "a Mandate", type(mandate).__name__)
        stack = tuple(m.authority for m in value)
        problem = stack_problem(stack)
        if problem is not None:
            shown = " / ".join(f"{m.authority.value} {m.of.upper()}" for m in value)
            raise FieldError("mandates", f"a quyền hạn stack the decree allows; {problem[1]}", repr(shown))
        deputy = deputy_problem(stack, self.position) if isinstance(self.position, str) else None
        if deputy is not None:
            raise FieldError("mandates", "KT. and the head's title over a deputy's position", deputy)

    @image.validator
    def _image_type(self, attribute: attrs.Attribute, value: SignatureImage | None) -> None:
        if value is not None and not isinstance(value, SignatureImage):
            raise FieldError("image", "a SignatureImage (a PNG)", type(value).__name__)


@frozen
class Recipient:
    """One line of Nơi nhận; ``note`` is the short purpose printed in brackets: ``b/c``, ``t/h``."""

    name: str = field(converter=nfc, validator=one_line)
    note: str | None = field(default=None, converter=_nfc_or_none, validator=optional_line)

    @name.validator
    def _no_punctuation(self, attribute: attrs.Attribute, value: str) -> None:
        stripped = value.strip()
        if stripped.startswith("-") or stripped.endswith((";", ".")):
            raise FieldError("name", "the name alone; vbhc adds the '-' and the ';' or '.'",
                             repr(value))


@frozen
class Archive:
    """The "Lưu: VT, <units> (<copies>)." line that ends Nơi nhận (PL I, II.9.d)."""

    units: tuple[str, ...] = field(converter=_nfc_tuple, factory=tuple,
                                   validator=[one_line_each, _printed_on_one_line(", ")])
    copies: int | None = field(default=None, validator=positive)


@frozen
class IssuanceNote:
    """Ô 12 (PL I, III.3): the drafter's initials and, if given, how many copies are issued: ``PL.(300)``."""

    initials: str = field(converter=nfc, validator=one_line)
    copies: int | None = field(default=None, validator=positive)

    @initials.validator
    def _initials_form(self, attribute: attrs.Attribute, value: str) -> None:
        if not all(c.isalpha() for c in value):
            raise FieldError("initials", "the drafter's initials: letters only (e.g. PL)", repr(value))


# --------------------------------------------------------------------------------------------
# Appendix and the document


APPENDIX_ID = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?")


def _appendix_id(_: Any, attribute: attrs.Attribute, value: str | None) -> None:
    if value is not None and not (isinstance(value, str) and APPENDIX_ID.fullmatch(value)):
        raise FieldError(attribute.name, "a short name of lower-case letters, digits and '-' (e.g. budget)",
                         repr(value))


@frozen
class Appendix:
    """A phụ lục after the signature, on its own pages with its own page numbers (PL I, III.1).

    ``title``: printed in capitals under "Phụ lục II" (PL I, III.1.b: "tên Phụ lục (nếu có)"), or None.
    ``of``: whom the "(Kèm theo ... của ...)" note names, when not the issuer (``Chủ tịch Ủy ban nhân
    dân tỉnh``). ``landscape``: the appendix is set on landscape A4 pages (nd30.LANDSCAPE_APPENDIX).
    ``id``: a short name the text refers to it by: ``{appendix:budget}`` prints "Phụ lục II".
    """

    title: Text | None = field(default=None, converter=attrs.Converter(_to_text_or_none, takes_field=True),
                               validator=_optional_text)
    children: tuple[Block, ...] = _children(lambda: TOP_LEVEL_BLOCKS)
    of: str | None = field(default=None, converter=_nfc_or_none, validator=optional_line, kw_only=True)
    landscape: bool = field(default=False, kw_only=True)
    id: str | None = field(default=None, validator=_appendix_id, kw_only=True)

    @landscape.validator
    def _flag(self, attribute: attrs.Attribute, value: bool) -> None:
        if not isinstance(value, bool):
            raise FieldError(attribute.name, "true or false", repr(value))


def _attached_name(value: Any) -> Any:
    """A tên loại as the decree writes it ("Quy chế" for "quy chế", "quy-che" or "QC"); a value that
    names no such text is left for the validator to refuse."""
    if isinstance(value, DocumentType):
        value = value.type_name
    if not isinstance(value, str):
        return value
    return attached_text_name(nfc(value)) or nfc(value)


def attached_type(_: Any, attribute: attrs.Attribute, value: Any) -> None:
    if not isinstance(value, str) or attached_text_name(value) != value:
        raise FieldError(attribute.name, "the tên loại of a text a quyết định issues: one of "
                         f"{', '.join(ATTACHED_TEXT_NAMES)} (PL III, Mẫu 1.3)", repr(value))


@frozen
class Attachment:
    """The text a quyết định issues or approves (PL III, Mẫu 1.3), on pages of its own after the
    closing: its tên loại (``type``: "Quy chế", "Quy định", "Điều lệ" …; a slug or code such as
    ``quy-che`` or ``QC`` is read as its name), its trích yếu (``summary``), the note "(Kèm theo
    Quyết định số …/QĐ-… ngày … tháng … năm … của …)" filled from the quyết định (``of``: whom it
    names, when not the issuer), and its own body (``children``) of chương, mục and điều, whose
    numbers start again at "Điều 1." (the body of an :class:`Appendix`, without the "Phụ lục" label).
    """

    type: str = field(converter=_attached_name, validator=attached_type)
    summary: Text = text_field()
    children: tuple[Block, ...] = _children(lambda: TOP_LEVEL_BLOCKS)
    of: str | None = field(default=None, converter=_nfc_or_none, validator=optional_line, kw_only=True)


def draft_round(_: Any, attribute: attrs.Attribute, value: Any) -> None:
    """A draft mark: true or false, or the draft's round (1 or more); None for none."""
    if value is None or isinstance(value, bool) or (isinstance(value, int) and value >= 1):
        return
    raise FieldError(attribute.name, "true or false, or the draft's round (a whole number of 1 or more)",
                     repr(value))


def _check_date(_: Any, attribute: attrs.Attribute, value: Any) -> None:
    if not isinstance(value, IssueDate):
        raise FieldError(attribute.name, "an IssueDate", type(value).__name__)


@frozen(kw_only=True)
class Copy:
    """A paper copy made of the document (Art. 25-27; PL I, Phần II, II; PL III, Mẫu 3.1).

    ``kind``: sao-y, sao-luc or trich-sao. ``issuer``: the copying body (the document's own issuer
    when None). ``number``: the copy's number in the body's one yearly series of copies (PL I, Phần II,
    II.1.c); ``place`` (the document's when None) and ``date`` of the copy; who signs it; its Nơi
    nhận, which ends "- Lưu: VT." (PL III, Mẫu 3.1).
    """

    kind: CopyKind = field(converter=_enum(CopyKind, "kind"))
    date: IssueDate = field(validator=_check_date)
    signature: Signature
    number: int | None = field(default=None, validator=positive)
    issuer: Issuer | None = None
    place: str | None = field(default=None, converter=_nfc_or_none, validator=optional_line)
    recipients: tuple[Recipient, ...] = field(converter=tuple, factory=tuple)


@frozen(kw_only=True)
class Document:
    """A Decree 30 administrative document (văn bản hành chính).

    Required: ``type``, ``issuer``, ``place``, ``date``, ``signatures``, and ``summary`` where the
    form prints one (a công văn's is its "V/v" line; a giấy giới thiệu or giấy nghỉ phép has none).
    A form of labelled fields (PL III, Mẫu 1.6-1.10) takes its blanks in the field its form names:
    ``telegram`` (công điện), ``invitation`` (giấy mời), ``introduction`` (giấy giới thiệu),
    ``minutes`` (biên bản), ``leave`` (giấy nghỉ phép), ``agreement`` (the two parties of a hợp đồng,
    bản ghi nhớ or bản thỏa thuận); vbhc prints the form's words around them
    before and after the body. Without them the body holds the whole text. The body is a tree of
    blocks; numbering, punctuation of Nơi nhận, case, the "QUYẾT ĐỊNH:" line of a decision and the
    closing "./." are applied when it is laid out.
    ``enacting_authority`` is the thẩm quyền ban hành line of a quyết định or nghị quyết (PL III,
    Mẫu 1.2): the head's title or the collective, e.g. ``Chủ tịch Ủy ban nhân dân xã Hoàng Kim``.
    ``draft``: true marks the document "DỰ THẢO" above its header; a number marks that round of the
    draft ("DỰ THẢO LẦN 2"). ``joint_issuers``: the other issuers of a joint document (văn bản liên
    tịch), whose names stand under ``issuer``'s in the header and whose abbreviations follow its own
    in the ký hiệu (``KH-UBND-MTTQ``); each usually signs (``signatures``, in rows of two).
    ``urgency`` prints the red stamp of its level (PL I, III.2.b);
    ``circulation`` a note such as "XEM XONG TRẢ LẠI" in ô 11 (PL I, III.2.c); ``issuance`` the
    drafter's initials and number of copies in ô 12 (PL I, III.3). ``copy``: a copy of the document
    (SAO Y, SAO LỤC, TRÍCH SAO) follows it, below a full-width line (PL III, Mẫu 3.1).
    ``attachment``: the text (Quy chế, Quy định …) a quyết định issues or approves, laid out after its
    closing in PL III, Mẫu 1.3; only a type whose form has such a text may carry one.
    """

    type: DocumentType = field(converter=_enum(DocumentType, "type"))
    issuer: Issuer
    joint_issuers: tuple[Issuer, ...] = field(converter=tuple, factory=tuple)
    place: str = field(converter=nfc, validator=one_line)
    date: IssueDate = field(validator=_check_date)
    summary: Text | None = field(default=None, converter=attrs.Converter(_to_text_or_none, takes_field=True),
                                 validator=_optional_text, metadata={LINE_BREAKS: True})
    number: int | None = field(default=None, validator=positive)
    unit: str | None = field(default=None, converter=_nfc_or_none, validator=optional_line)
    secrecy: Secrecy | None = field(
        default=None, converter=attrs.converters.optional(_enum(Secrecy, "secrecy")))
    urgency: Urgency | None = field(
        default=None, converter=attrs.converters.optional(_enum(Urgency, "urgency")))
    addressees: tuple[str, ...] = field(converter=_nfc_tuple, validator=one_line_each, factory=tuple)
    enacting_authority: str | None = field(default=None, converter=_nfc_or_none,
                                           validator=optional_line)
    draft: bool | int | None = field(default=None, validator=draft_round)
    circulation: str | None = field(default=None, converter=_nfc_or_none, validator=optional_line)
    issuance: IssuanceNote | None = None
    legal_bases: tuple[Text, ...] = field(converter=attrs.Converter(_to_texts, takes_field=True),
                                          factory=tuple)
    preamble: tuple[Paragraph, ...] = _children(lambda: (Paragraph,))
    body: tuple[Block, ...] = _children(lambda: TOP_LEVEL_BLOCKS)
    signatures: tuple[Signature, ...] = field(converter=lambda v: _one_or_many(v, Signature))
    recipients: tuple[Recipient, ...] = field(converter=tuple, factory=tuple)
    archive: Archive | None = field(factory=Archive)
    attachment: Attachment | None = None
    appendices: tuple[Appendix, ...] = field(converter=tuple, factory=tuple)
    # The blanks of a form of labelled fields (vbhc.model.particulars): the one its form names.
    telegram: Telegram | None = None
    invitation: Invitation | None = None
    introduction: Introduction | None = None
    minutes: Minutes | None = None
    leave: Leave | None = None
    agreement: Agreement | None = None
    copy: Copy | None = None

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
        form = form_of(self.type)
        if len(value) not in form.signatures:  # what the writer lays out: refused here, with the field
            raise FieldError("signatures", f"{form.signatures} signatures, as vbhc lays out {form.clause} "
                             "(in rows of two)", f"{len(value)}")

    @joint_issuers.validator
    def _joint_issuers(self, attribute: attrs.Attribute, value: tuple[Any, ...]) -> None:
        for i, issuer in enumerate(value):
            if not isinstance(issuer, Issuer):
                raise FieldError(f"joint_issuers[{i}]", "an Issuer", type(issuer).__name__)
            if issuer.parent:  # the header stacks the issuers' names alone (vbhc.layout.joint)
                raise FieldError(f"joint_issuers[{i}].parent", "no cơ quan chủ quản for a joint issuer "
                                 "(vbhc stacks the issuers' names alone)", repr(issuer.parent[0]))

    @legal_bases.validator
    def _bases_nonempty(self, attribute: attrs.Attribute, value: tuple[Text, ...]) -> None:
        for i, basis in enumerate(value):
            if not basis:
                raise FieldError(f"legal_bases[{i}]", "non-empty text", repr(basis.plain))
            _check_length(f"legal_bases[{i}]", basis.plain)

    def __attrs_post_init__(self) -> None:
        if not form_of(self.type).has_type_line and self.unit is None:
            # PL I, II.3.b: a công văn's ký hiệu is the issuer's and the drafting unit's abbreviations.
            raise FieldError("unit", "the drafting unit's abbreviation: a công văn's ký hiệu needs it",
                             "none")
        check_form_fields(self)
        _check_attachment(self)
        _check_size(self)
        _check_references(self)

    @property
    def symbol(self) -> str:
        """The ký hiệu, e.g. ``KH-UBND`` or, for công văn, ``UBND-VX`` (PL I, II.3.b)."""
        return reference_symbol(self.type.abbreviation or "", self.issuer.abbreviation,
                                *(x.abbreviation for x in self.joint_issuers), self.unit or "")


# --------------------------------------------------------------------------------------------
# Size: a document whose .docx the checker would refuse is refused here, naming the field


# A reference to an appendix in the text: exactly "{appendix:ID}" (not "{{appendix:ID}}").
APPENDIX_REFERENCE = re.compile(r"(?<!\{)\{appendix:([a-z0-9][a-z0-9-]*)\}(?!\})")


def _texts(value: Any, path: str) -> Iterator[tuple[str, Text]]:
    """Every Text under ``value`` with its field path (``body[2].children[0].text``)."""
    if isinstance(value, Text):
        yield path, value
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _texts(item, f"{path}[{i}]")
    elif attrs.has(type(value)):
        for a in attrs.fields(type(value)):
            yield from _texts(getattr(value, a.name), f"{path}.{a.name}" if path else a.name)


def _check_references(document: Any) -> None:
    """Refuse a "{appendix:ID}" in the text that names no appendix of the document."""
    ids = [a.id for a in document.appendices if a.id is not None]
    for i, name in enumerate(ids):
        if name in ids[:i]:
            raise FieldError(f"appendices[{ids.index(name, i)}].id", "a name no other appendix has",
                             repr(name))
    if not any("{appendix:" in span.text for _, text in _texts(document, "") for span in text.spans):
        return
    for path, text in _texts(document, ""):
        for match in APPENDIX_REFERENCE.finditer(text.plain):
            if match[1] not in ids:
                known = ", ".join(ids) or "none has an id"
                raise FieldError(path, f"a reference to an appendix of this document ({known})",
                                 repr(match[0]))


def _frames(value: Any) -> Iterator[str]:
    """Every text in ``value`` framed as :func:`word_xml_estimate` counts it, in document order."""
    if isinstance(value, enum.Enum):
        return
    if isinstance(value, (str, Text)):
        spans = (value,) if isinstance(value, str) else tuple(s.text for s in value.spans)
        yield _PARAGRAPH_FRAME
        for span in spans:
            yield _RUN_FRAME
            yield _html_escape(span, quote=False)  # & < >, as XML text (xml.sax imports urllib)
        for note in () if isinstance(value, str) else value.notes:  # a footnote: its own paragraph
            yield from _frames(note)
    elif isinstance(value, tuple):
        for item in value:
            yield from _frames(item)
    elif attrs.has(type(value)):
        if isinstance(value, Cell):  # a cell's w:tc and w:tcPr around its paragraph
            yield _PARAGRAPH_FRAME
        for a in attrs.fields(type(value)):
            yield from _frames(getattr(value, a.name))


_PARAGRAPH_FRAME = "<" + "p" * (limits.PARAGRAPH_FRAME_BYTES - 2) + ">"
_RUN_FRAME = "<" + "r" * (limits.RUN_FRAME_BYTES - 2) + ">"


def word_xml_estimate(document: Any) -> dict[str, bytes]:
    """An estimate of the Word XML each field of ``document`` becomes: no smaller, no less repetitive.

    Every text is XML-escaped and framed in constant markup at least as long as the writer's around a
    paragraph and a run (:data:`vbhc.limits.PARAGRAPH_FRAME_BYTES`, ``RUN_FRAME_BYTES``). Joined in
    field order, the parts stand for ``word/document.xml`` as the checker's size and zip-bomb limits
    see it; ``tests/test_limits.py`` holds the writer to the estimate.
    """
    return {a.name: "".join(_frames(getattr(document, a.name))).encode()
            for a in attrs.fields(Document)}


def _check_size(document: Any) -> None:
    """Refuse a document whose estimated Word XML is beyond :mod:`vbhc.limits`, naming its largest field."""
    parts = word_xml_estimate(document)
    size = sum(map(len, parts.values()))
    largest = max(parts, key=lambda name: len(parts[name]))
    if size > limits.MAX_ESTIMATED_BYTES:
        raise FieldError(largest, f"a document of at most {limits.MAX_ESTIMATED_BYTES // limits.MB} MB "
                         "of Word XML (the checker reads no part over "
                         f"{limits.MAX_MEMBER_BYTES // limits.MB} MB)", f"about {size // limits.MB} MB")
    if size > limits.ESTIMATED_RATIO_MIN_BYTES:
        ratio = size / len(zlib.compress(b"".join(parts.values()), 6))
        if ratio > limits.MAX_ESTIMATED_RATIO:
            raise FieldError(largest, f"text that repeats itself less: the checker refuses a Word part "
                             f"over {limits.RATIO_MIN_BYTES // limits.MB} MB that compresses more than "
                             f"{limits.MAX_RATIO:.0f}:1 as a possible zip bomb, and vbhc refuses "
                             f"{limits.MAX_ESTIMATED_RATIO:.0f}:1", f"{ratio:.0f}:1")


def _check_attachment(document: Document) -> None:
    """An attached text only where a form of the document's type carries one (PL III, Mẫu 1.3)."""
    attachment = document.attachment
    if attachment is None:
        return
    if not isinstance(attachment, Attachment):
        raise FieldError("attachment", "an Attachment", type(attachment).__name__)
    if not form_of(document.type, attached=True).has_attachment:
        raise FieldError("attachment", f"nothing: a {document.type.type_name.lower()} issues no attached "
                         "text (a quyết định does: PL III, Mẫu 1.3)", "an attached text")


# Fields printed in a region some forms do not have (an agreement has no Nơi nhận, nor ô 12 under it).
FORM_REGION_FIELDS = (("recipients", Region.RECIPIENTS, "Nơi nhận"),
                       ("issuance", Region.ISSUANCE_NOTE, "ô 12 (it stands under Nơi nhận)"))


def check_form_fields(document: Document) -> None:
    """The summary where the form prints one; no particulars but its form's (which may be left out:
    the body then holds the whole text); no quyền hạn (TM., KT. ...) over signers who sign in person
    (PL III, Mẫu 1.9)."""
    form = form_of(document.type)
    if form.has_summary and document.summary is None:
        raise FieldError("summary", "a value (this field is required)", "nothing")
    for name, cls in PARTICULARS.items():
        value = getattr(document, name)
        if name == form.particulars and value is not None and not isinstance(value, cls):
            raise FieldError(name, f"the {document.type.type_name.lower()}'s {name} ({form.clause})",
                             type(value).__name__)
        if name != form.particulars and value is not None:
            raise FieldError(name, f"nothing: a {document.type.type_name.lower()} has no {name}",
                             "a value")
    for name, region, what in FORM_REGION_FIELDS:
        if getattr(document, name) and region not in form.regions:
            kind = document.type.type_name.lower()
            raise FieldError(name, f"none (empty, also over a profile's): a {kind} has no {what} "
                             f"({form.clause})", "a value")
    if form.signers_in_person is not None:
        for i, sig in enumerate(document.signatures):
            if sig.mandates:
                raise FieldError(f"signatures[{i}].mandates", f"none: {form.signers_in_person} sign in "
                                 f"person ({form.clause})", sig.mandates[0].authority.value)


# The particulars refer to the helpers above; the Document refers to them.
from vbhc.model.particulars import (  # noqa: E402
    PARTICULARS,
    Agreement,
    Introduction,
    Invitation,
    Leave,
    Minutes,
    Telegram,
)

attrs.resolve_types(Appendix, globals(), locals())
attrs.resolve_types(Attachment, globals(), locals())
for _cls in (*(b for b in BLOCK_TYPES if b is not Table), Issuer, IssueDate, Mandate, Signature, Recipient,
             Archive, IssuanceNote, Copy, Document):
    attrs.resolve_types(_cls, globals(), locals())
