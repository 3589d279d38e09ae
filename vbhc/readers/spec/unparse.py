"""A document back into the spec an officer would have typed: outline text for the body, the spec's
short forms for dates ("2024-03"), quyền hạn ("TM. Ủy ban nhân dân") and Nơi nhận ("Name (b/c)").

The inverse of the spec reader, so it lives beside it and knows the same syntax (:mod:`.outline`,
:mod:`.markup`). :func:`format_outline` writes blocks as outline lines, numbered by position, and keeps
the text only when :func:`~.outline.parse_outline` reads it back into the same blocks (a table, or an
item with both a title and a text, has no outline line: such a body is written as explicit nodes).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from vbhc.model import (
    Article,
    Chapter,
    Division,
    Document,
    IssueDate,
    Item,
    Paragraph,
    Section,
    Signature,
)
from vbhc.model.document import BLOCK_TYPES, Recipient
from vbhc.model.table import Table
from vbhc.nd30 import Level, numbering
from vbhc.readers.spec.markup import to_markup
from vbhc.readers.spec.outline import paragraph_line, parse_outline
from vbhc.readers.spec.reader import unstructure

__all__ = ["FIELD_ORDER", "date_text", "format_outline", "slug_of", "spec_data"]

# The order a spec's fields are written in: who and what, when, the text, who signs, who receives.
FIELD_ORDER: tuple[str, ...] = (
    "type", "issuer", "joint_issuers", "number", "unit", "place", "date", "draft", "secrecy", "urgency",
    "circulation", "summary", "addressees", "enacting_authority", "legal_bases", "preamble", "body",
    "telegram", "invitation", "introduction", "minutes", "leave", "signatures", "recipients", "archive",
    "issuance", "appendices", "copy",
)


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.continuous: dict[Level, int] = {}

    def blocks(self, blocks: Sequence[Any], top: bool = False) -> None:
        seen: dict[Level, int] = {}
        for block in blocks:
            level = block.level
            if top and self.lines and level is not None and level.rank <= Level.PART.rank:
                self.lines.append("")  # a blank line before each part, as an officer spaces them
            if level is None:
                self.lines.append(paragraph_line(to_markup(block.text)))
                continue
            count = self.continuous if level.continuous else seen
            n = count[level] = count.get(level, 0) + 1
            label = numbering.label(level, n)
            if isinstance(block, (Division, Chapter, Section)):
                self.lines += [label, to_markup(block.title)]
            elif isinstance(block, (Article, Item)):
                lead = block.title if block.title is not None else block.text
                self.lines.append(f"{label} {to_markup(lead)}")
                if block.title is not None and block.text is not None:
                    self.lines.append(paragraph_line(to_markup(block.text)))
            elif hasattr(block, "title"):
                self.lines.append(f"{label} {to_markup(block.title)}")
            else:
                self.lines.append(f"{label} {to_markup(block.text)}")
            self.blocks(block.children)


def format_outline(blocks: Sequence[Any], allowed: tuple[type, ...] = BLOCK_TYPES) -> str | None:
    """Outline text that reads back into ``blocks``, or None when no outline text does."""
    if not blocks or any(isinstance(b, Table) for b in _walk(blocks)):
        return None
    writer = _Writer()
    writer.blocks(blocks, top=True)
    text = "\n".join(writer.lines)
    parsed = parse_outline(text, allowed)
    return text if not parsed.errors and parsed.blocks == tuple(blocks) else None


def _walk(blocks: Sequence[Any]) -> list[Any]:
    out = []
    for b in blocks:
        out.append(b)
        out += _walk(getattr(b, "children", ()))
    return out


def date_text(date: IssueDate) -> str | dict[str, int]:
    """"2024-03-05", "2024-03" (a blank day) or "2024"; an object when only the month is blank."""
    if date.month is None and date.day is not None:
        return {"year": date.year, "day": date.day}
    out = f"{date.year:04d}"
    if date.month is not None:
        out += f"-{date.month:02d}"
        if date.day is not None:
            out += f"-{date.day:02d}"
    return out


def _signature(signature: Signature, plain: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if signature.mandates:
        out["mandates"] = [f"{m.authority.value} {m.of}" for m in signature.mandates]
    out["position"], out["name"] = signature.position, signature.name
    if "image" in plain:
        out["image"] = plain["image"]
    return out


def _recipient(recipient: Recipient) -> str:
    return f"{recipient.name} ({recipient.note})" if recipient.note else recipient.name


def spec_data(document: Document) -> dict[str, Any]:
    """The spec an officer would type for ``document``: fields in :data:`FIELD_ORDER`, the body (and
    preamble, appendices) as outline text where it reads back the same, the short forms elsewhere."""
    plain = unstructure(document)
    out: dict[str, Any] = {}
    for name in FIELD_ORDER:
        if name not in plain and name != "number":
            continue
        value = plain.get(name)
        if name == "date":
            value = date_text(document.date)
        elif name in ("preamble", "body"):
            value = format_outline(getattr(document, name),
                                   (Paragraph,) if name == "preamble" else BLOCK_TYPES) or value
        elif name == "signatures":
            sigs = [_signature(s, p) for s, p in zip(document.signatures, plain[name], strict=True)]
            value = sigs[0] if len(sigs) == 1 else sigs
        elif name == "recipients":
            value = [_recipient(r) for r in document.recipients]
        elif name == "appendices":
            for appendix, data in zip(document.appendices, value, strict=True):
                if appendix.children:
                    data["children"] = format_outline(appendix.children) or data["children"]
            # the id first, as the text refers to it ({appendix:id})
            value = [{"id": data.pop("id"), **data} if "id" in data else data for data in value]
        elif name == "copy" and document.copy is not None:
            value["date"] = date_text(document.copy.date)
            value["signature"] = _signature(document.copy.signature, value["signature"])
            if document.copy.recipients:
                value["recipients"] = [_recipient(r) for r in document.copy.recipients]
        out[name] = value
    for name, value in plain.items():  # nothing left out, whatever the order knows
        out.setdefault(name, value)
    return _short_cells(out)


def _short_cells(value: Any) -> Any:
    """A table cell with nothing but its text written as the text (``[1, Thôn Đông]``)."""
    if isinstance(value, dict):
        if value.get("kind") == "table":  # the header first, as an officer types a table
            order = {k: i for i, k in enumerate(("kind", "header", "rows", "total"))}
            return {k: [[_cell(c) for c in r] for r in v] if k in ("rows", "header") else
                    [_cell(c) for c in v] if k == "total" else v
                    for k, v in sorted(value.items(), key=lambda kv: order.get(kv[0], len(order)))}
        return {k: _short_cells(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_short_cells(v) for v in value]
    return value


def _cell(cell: Any) -> Any:
    if isinstance(cell, dict) and set(cell) == {"text"}:
        return cell["text"]
    return cell if cell != {} else ""


def slug_of(text: str) -> str:
    """"Phó Chủ tịch" → "pho-chu-tich": a signer's key in a profile; "Dự toán kinh phí" → an appendix's id."""
    import re
    import unicodedata

    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "signer"


def profile_data(document: Document) -> dict[str, Any]:
    """A commune profile (:mod:`.profile`) of ``document``'s office: its issuer and place, its drafting
    unit, its signers by the key of their position (the first is the default), Nơi nhận and Lưu line."""
    spec = spec_data(document)
    out: dict[str, Any] = {"issuer": spec["issuer"], "place": spec["place"]}
    if "unit" in spec:
        out["unit"] = spec["unit"]
    if "enacting_authority" in spec:
        out["enacting_authority"] = spec["enacting_authority"]
    signatures = spec["signatures"] if isinstance(spec["signatures"], list) else [spec["signatures"]]
    signers: dict[str, Any] = {}
    for signature in signatures:
        key = base = slug_of(signature["position"])
        n = 1
        while key in signers:
            n += 1
            key = f"{base}-{n}"
        signers[key] = signature
    out["signers"] = signers
    out["signatures"] = next(iter(signers)) if len(signers) == 1 else list(signers)
    for name in ("recipients", "archive"):
        if name in spec:
            out[name] = spec[name]
    return out
