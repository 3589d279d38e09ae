"""The regions of a page, generic over what a region holds: one shape for a layout and a recognition.

``Regions[Line]`` is what :func:`vbhc.layout.lay_out` prints (:class:`vbhc.layout.Layout`);
``Regions[Recognised]`` is what :mod:`vbhc.recognise` found in a .docx
(:class:`vbhc.recognise.Recognition`). Because the two have the same fields, a recognition can be
compared region by region with the layout of the same document (:meth:`Regions.map`).

The fields are named by :class:`vbhc.nd30.Region` and declared in reading order. A region that holds
one paragraph is ``T | None``; one that holds several is a tuple. ``recipients`` and ``addressees``
include their label lines ("Nơi nhận:", "Kính gửi:").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

import attrs
from attrs import define, frozen

T = TypeVar("T")
U = TypeVar("U")


@frozen(kw_only=True)
class SignatureRegion(Generic[T]):
    """One signer's block: the quyền hạn and chức vụ lines, then the name (None: not found)."""

    titles: tuple[T, ...] = ()
    name: T | None = None

    def items(self) -> Iterator[T]:
        yield from self.titles
        if self.name is not None:
            yield self.name

    def map(self, fn: Callable[[T], U]) -> SignatureRegion[U]:
        return SignatureRegion(titles=tuple(fn(x) for x in self.titles),
                               name=None if self.name is None else fn(self.name))


@frozen(kw_only=True)
class CellRegion(Generic[T]):
    """One table cell: its paragraphs (one or more), its spans, its alignment (an ``nd30.Align`` value)."""

    lines: tuple[T, ...]
    colspan: int = 1
    rowspan: int = 1
    align: str = "left"

    def map(self, fn: Callable[[T], U]) -> CellRegion[U]:
        return CellRegion(lines=tuple(fn(x) for x in self.lines), colspan=self.colspan, rowspan=self.rowspan,
                          align=self.align)


@frozen(kw_only=True)
class TableRegion(Generic[T]):
    """A table in a body: header rows (repeated on every page), body rows, a total row, and the
    columns' widths as the model gives them (``columns``: :class:`vbhc.model.Column`, or empty)."""

    header: tuple[tuple[CellRegion[T], ...], ...] = ()
    rows: tuple[tuple[CellRegion[T], ...], ...] = ()
    total: tuple[CellRegion[T], ...] = ()
    columns: tuple[Any, ...] = ()
    column_count: int = 0

    def all_rows(self) -> Iterator[tuple[CellRegion[T], ...]]:
        yield from self.header
        yield from self.rows
        if self.total:
            yield self.total

    def items(self) -> Iterator[T]:
        for row in self.all_rows():
            for cell in row:
                yield from cell.lines

    def map(self, fn: Callable[[T], U]) -> TableRegion[U]:
        def rows(rs: tuple[tuple[CellRegion[T], ...], ...]) -> tuple[tuple[CellRegion[U], ...], ...]:
            return tuple(tuple(c.map(fn) for c in r) for r in rs)

        return TableRegion(header=rows(self.header), rows=rows(self.rows),
                           total=tuple(c.map(fn) for c in self.total), columns=self.columns,
                           column_count=self.column_count)


@frozen(kw_only=True)
class AppendixRegion(Generic[T]):
    """One phụ lục: its label, title and "(Kèm theo ...)" note, and its own body (lines and tables).
    ``landscape``: set on landscape pages. The text a quyết định issues (PL III, Mẫu 1.3) has the same
    shape: its tên loại for ``label``, its trích yếu for ``title``, then the note and its body."""

    label: T
    title: T | None = None
    note: T | None = None
    body: tuple[T | TableRegion[T], ...] = ()
    landscape: bool = False

    def items(self) -> Iterator[T]:
        yield from (x for x in (self.label, self.title, self.note) if x is not None)
        for x in self.body:
            if isinstance(x, TableRegion):
                yield from x.items()
            else:
                yield x

    def map(self, fn: Callable[[T], U]) -> AppendixRegion[U]:
        return AppendixRegion(label=fn(self.label), title=None if self.title is None else fn(self.title),
                              note=None if self.note is None else fn(self.note),
                              body=tuple(x.map(fn) if isinstance(x, TableRegion) else fn(x)
                                         for x in self.body),
                              landscape=self.landscape)


@frozen(kw_only=True)
class CopyRegion(Generic[T]):
    """A paper copy's block (PL III, Mẫu 3.1): on the left the copying body, its number and Nơi nhận;
    on the right "SAO Y" (or "SAO LỤC", "TRÍCH SAO"), the place and date, and the signature."""

    kind: T
    issuer: tuple[T, ...] = ()
    number: T | None = None
    place_date: T | None = None
    signature: SignatureRegion[T] | None = None
    recipients: tuple[T, ...] = ()

    def items(self) -> Iterator[T]:
        yield from self.issuer
        yield from (x for x in (self.number, self.kind, self.place_date) if x is not None)
        if self.signature is not None:
            yield from self.signature.items()
        yield from self.recipients

    def map(self, fn: Callable[[T], U]) -> CopyRegion[U]:
        return CopyRegion(kind=fn(self.kind), issuer=tuple(fn(x) for x in self.issuer),
                          number=None if self.number is None else fn(self.number),
                          place_date=None if self.place_date is None else fn(self.place_date),
                          signature=None if self.signature is None else self.signature.map(fn),
                          recipients=tuple(fn(x) for x in self.recipients))


_Part = SignatureRegion | AppendixRegion | TableRegion | CopyRegion


@define(kw_only=True)
class Regions(Generic[T]):
    """Every region of a page, in reading order. Mutable so that a recogniser can fill it in; a
    :class:`~vbhc.layout.Layout` is frozen."""

    draft: T | None = None
    circulation: T | None = None
    parent_body: tuple[T, ...] = ()
    issuer: tuple[T, ...] = ()
    number: T | None = None
    letter_summary: T | None = None
    marks: tuple[T, ...] = ()
    national_title: T | None = None
    motto: T | None = None
    place_date: T | None = None
    type_name: T | None = None
    summary: tuple[T, ...] = ()
    addressees: tuple[T, ...] = ()
    enacting_authority: T | None = None
    legal_bases: tuple[T, ...] = ()
    enactment: T | None = None
    body: tuple[T | TableRegion[T], ...] = ()
    signatures: tuple[SignatureRegion[T], ...] = ()
    recipients: tuple[T, ...] = ()
    confirmation: T | None = None
    issuance_note: T | None = None
    contact: tuple[T, ...] = ()
    attachment: AppendixRegion[T] | None = None
    appendices: tuple[AppendixRegion[T], ...] = ()
    copy: CopyRegion[T] | None = None

    def annexes(self) -> tuple[AppendixRegion[T], ...]:
        """The texts after the closing, each on pages of its own with a body numbered on its own: the
        attached text (PL III, Mẫu 1.3), then the appendices."""
        return (*((self.attachment,) if self.attachment is not None else ()), *self.appendices)

    def items(self) -> list[T]:
        """Every line of every region, region by region in reading order."""
        out: list[T] = []
        for field in attrs.fields(Regions):
            value = getattr(self, field.name)
            for x in value if isinstance(value, tuple) else (value,):
                if isinstance(x, _Part):
                    out += x.items()
                elif x is not None:
                    out.append(x)
        return out

    def map(self, fn: Callable[[T], U]) -> Regions[U]:
        """The same regions with ``fn`` applied to every line (e.g. each line's text), as plain
        :class:`Regions`: a layout and a recognition mapped to texts compare equal when they print
        the same texts in the same regions."""

        def one(x: Any) -> Any:
            return x.map(fn) if isinstance(x, _Part) else fn(x)

        values: dict[str, Any] = {}
        for field in attrs.fields(Regions):
            value = getattr(self, field.name)
            if isinstance(value, tuple):
                values[field.name] = tuple(one(x) for x in value)
            else:
                values[field.name] = None if value is None else one(value)
        return Regions(**values)
