"""The variables an office form is filled with, built in one place from the laid-out document.

Every decree-computed value (the number, the place and date, the capitals of the issuer, the căn cứ and
Nơi nhận punctuation, the body's numbers) is taken from :func:`vbhc.layout.lay_out`'s lines, so a form
prints exactly what ``vbhc render`` prints. A value with parts is a :class:`Value`: a string (the whole
line, as the renderer prints it) whose parts are attributes (``so_ky_hieu.so``). The table of
variables is ``docs/forms.md``; :data:`VARIABLES` names them, and a test holds the two together.

Pure Python: no docxtpl, no Jinja (:mod:`vbhc.writers.form.fill` loads them).
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from vbhc import nd30
from vbhc.layout import BLANK_DATE_PART, BLANK_NUMBER, Layout, Line, lay_out, place_date_text
from vbhc.layout.line import date_text
from vbhc.layout.regions import AppendixRegion, SignatureRegion, TableRegion
from vbhc.model import Document, IssueDate, SignatureImage
from vbhc.model.text import Text

# A line break inside one paragraph: docxtpl prints "\n" in a value as Word's line break (w:br).
LINE_BREAK = "\n"


class Value(str):
    """A string (the whole, as the renderer prints it) with named parts as attributes."""

    def __new__(cls, whole: str, **parts: Any) -> Value:
        value = super().__new__(cls, whole)
        value.__dict__.update(parts)
        return value


def _lines(lines: tuple[Line, ...] | list[Line]) -> list[str]:
    return [line.plain for line in lines]


def _multiline(lines: list[str]) -> Value:
    """Lines printed in one paragraph with line breaks; ``.dong``: the lines one by one."""
    return Value(LINE_BREAK.join(lines), dong=lines)


def _number(document: Document, layout: Layout) -> Value:
    """``Số: 12/KH-UBND`` and its parts (PL I, II.3)."""
    assert layout.number is not None
    number = nd30.format_number(document.number) if document.number else BLANK_NUMBER
    return Value(layout.number.plain, nhan=nd30.NUMBER_LABEL, so=number, ky_hieu=document.symbol,
                 loai=document.type.abbreviation or "", co_quan=document.issuer.abbreviation,
                 don_vi=document.unit or "")


def _date(date: IssueDate) -> dict[str, str]:
    return {"ngay": nd30.format_day(date.day) if date.day else BLANK_DATE_PART,
            "thang": nd30.format_month(date.month) if date.month else BLANK_DATE_PART,
            "nam": str(date.year), "ngay_thang_nam": date_text(date)}


def _place_date(document: Document, layout: Layout) -> Value:
    """``Hoàng Kim, ngày 05 tháng 02 năm 2024`` and its parts (PL I, II.4). A form without the line
    (a biên bản, Mẫu 1.9) still gets it, from the same text function the layout uses."""
    whole = layout.place_date.plain if layout.place_date is not None else place_date_text(document)
    return Value(whole, dia_danh=document.place, **_date(document.date))


def _signer(region: SignatureRegion[Line]) -> dict[str, Any]:
    """One signer: quyền hạn lines (TM., KT. ...), chức vụ, name (PL I, II.7)."""
    titles = _lines(region.titles)
    return {"quyen_han": titles[:-1], "chuc_vu": titles[-1] if titles else "",
            "ho_ten": region.name.plain if region.name is not None else "", "dong": titles}


def _block(item: Line | TableRegion[Line]) -> dict[str, Any]:
    """A body paragraph: its whole text (number included), its level (the role: heading, item, point,
    dash, plus, paragraph ...) and its label ("I.", "1.", "a)", "-"); a table: its rows of cell texts."""
    if isinstance(item, TableRegion):
        rows = [["\n".join(x.plain for x in cell.lines) for cell in row] for row in item.all_rows()]
        return {"text": "", "level": "table", "label": "", "rows": rows}
    return {"text": item.plain, "level": item.role.value, "label": item.label, "rows": []}


def _annex(region: AppendixRegion[Line]) -> dict[str, Any]:
    """An attached text (Mẫu 1.3) or a phụ lục: its label, title and "(Kèm theo …)" note, its body."""
    return {"nhan": region.label.plain, "tieu_de": region.title.plain if region.title else "",
            "ghi_chu": region.note.plain if region.note else "", "noi_dung": [_block(x) for x in region.body]}


def plain(value: Any) -> Any:
    """Model data as plain values: texts as their plain strings, choices as their values, dates as
    their parts, a signature image as where it was read from, objects as dicts, tuples as lists."""
    if isinstance(value, Text):
        return value.plain
    if isinstance(value, SignatureImage):
        return value.source
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, IssueDate):
        return {"year": value.year, "month": value.month, "day": value.day, "text": date_text(value)}
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    if attrs.has(type(value)):
        return {a.name: plain(getattr(value, a.name)) for a in attrs.fields(type(value))}
    return value


def _particulars(document: Document, layout: Layout) -> dict[str, Any]:
    """The form's blanks (giấy mời, giấy giới thiệu, biên bản, giấy nghỉ phép, công điện) as plain
    values, each date written as the layout writes it; empty for a form without them."""
    name = layout.form.particulars
    value = getattr(document, name) if name else None
    return plain(value) if value is not None else {}


def form_fields(document: Document) -> dict[str, Any]:
    """The variables a form is filled with (``docs/forms.md``), from ``lay_out(document)``."""
    layout = lay_out(document)
    recipients = _lines(layout.recipients[1:])  # the entries, without the "Nơi nhận:" label
    archive = recipients[-1] if document.archive is not None and recipients else ""
    summary = _lines(layout.summary) or ([layout.letter_summary.plain] if layout.letter_summary else [])
    return {
        "quoc_hieu": layout.national_title.plain if layout.national_title else nd30.NATIONAL_TITLE_TEXT,
        "tieu_ngu": layout.motto.plain if layout.motto else nd30.MOTTO_TEXT,
        "co_quan_chu_quan": _multiline(_lines(layout.parent_body)),
        "co_quan_ban_hanh": _multiline(_lines(layout.issuer)),
        "so_ky_hieu": _number(document, layout),
        "dia_danh_ngay": _place_date(document, layout),
        "ten_loai": layout.type_name.plain if layout.type_name else "",
        "trich_yeu": LINE_BREAK.join(summary),
        "kinh_gui": _multiline(_lines(layout.addressees)),
        "can_cu": _lines(layout.legal_bases),
        "noi_dung": [_block(x) for x in layout.body],
        "chu_ky": [_signer(s) for s in layout.signatures],
        "phu_luc": [_annex(x) for x in layout.annexes()],
        "noi_nhan": recipients,
        "luu": archive,
        "do_mat": next((x.plain for x in layout.marks if x.role is nd30.Role.SECRECY), ""),
        "do_khan": next((x.plain for x in layout.marks if x.role is nd30.Role.URGENCY), ""),
        "du_thao": layout.draft.plain if layout.draft else "",
        "chi_tiet": _particulars(document, layout),
        "spec": plain(document),
    }


# The variables, in the order docs/forms.md lists them.
VARIABLES = ("quoc_hieu", "tieu_ngu", "co_quan_chu_quan", "co_quan_ban_hanh", "so_ky_hieu", "dia_danh_ngay",
             "ten_loai", "trich_yeu", "kinh_gui", "can_cu", "noi_dung", "chu_ky", "phu_luc", "noi_nhan",
             "luu", "do_mat", "do_khan", "du_thao", "chi_tiet", "spec")
