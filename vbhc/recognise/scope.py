"""What Decree 30 does not govern, recognised in a document (the records: :mod:`vbhc.nd30.scope`).

- a **Party's or a union's document**: no Quốc hiệu, and its own line where the Quốc hiệu stands
  ("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐOÀN TNCS HỒ CHÍ MINH", "HỘI NÔNG DÂN VIỆT NAM", ...), among the header's
  lines (a table's cell, a paragraph, a column of a line laid out with tabs);
- a **legal normative document**: a number that carries its year and a legal normative kind,
  "Số: 12/2024/QĐ-UBND", "Luật số: 80/2015/QH13" (a văn bản hành chính's has no year: "Số: 12/QĐ-UBND");
- a **citizen's own paper**: the Quốc hiệu over no issuing body and no number, under a title such as
  "ĐƠN ĐỀ NGHỊ" or "SƠ YẾU LÝ LỊCH".

A document of the Fatherland Front, an enterprise or a school that prints the Quốc hiệu is none of these:
it has taken Decree 30's thể thức and is checked as Decree 30 writes it. Shared by ``vbhc check`` (one
finding, then only the rules every regulation states alike) and ``vbhc import`` (a refusal naming what
was recognised).
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from attrs import frozen

from vbhc.nd30 import scope as scopes
from vbhc.nd30.scope import Scope
from vbhc.ooxml.resolve import ResolvedDocument, ResolvedParagraph
from vbhc.recognise.components import columns, shown, shown_lines

if TYPE_CHECKING:
    from vbhc.recognise.components import Recognition

__all__ = ["OutOfScope", "out_of_scope"]

_HEADER_WITHIN = 40  # the header's lines are among a document's first paragraphs
_TITLE_WITHIN = 15  # and a citizen's paper's title among its first
_KINDS = "|".join(sorted(scopes.LEGAL_NORMATIVE_SYMBOLS, key=len, reverse=True))
_ISSUERS = "|".join(sorted(scopes.LEGAL_NORMATIVE_ISSUERS, key=len, reverse=True))
# A line or column that opens with the number: "Số: 12/2024/QĐ-UBND", "Số 12/2024/NQ-HĐND", "Luật số: 80/2015/
# QH13"; not "Số: 01/2024/HĐKT" (a contract), nor "Số: 05/2024/QĐ-HĐQT" (a state enterprise's), nor a
# căn cứ citing one ("Căn cứ Quyết định số 12/2024/QĐ-UBND")
_LEGAL_NUMBER = re.compile(
    rf"^(?:luật\s+)?số\s*:?\s*\d+\s*/\s*(?:19|20)\d\d\s*/\s*(?:{_KINDS})\d*(?:-(?:{_ISSUERS})\d*\b\S*)?(?=\s|$)",
    re.IGNORECASE)
# The titles of the papers a citizen writes to an office, under the Quốc hiệu (practice).
_PERSONAL_TITLES = re.compile(r"^(?:ĐƠN|SƠ YẾU LÝ LỊCH|LÝ LỊCH|BẢN KHAI|BẢN CAM KẾT|GIẤY CAM KẾT)\b")
_TRAILING = re.compile(r"[\s_\-–—.:*]+$")


def _key(text: str) -> str:
    """A line's words to compare: NFC, capitals, single spaces, no rule or full stop after it."""
    return _TRAILING.sub("", " ".join(unicodedata.normalize("NFC", text).upper().split()))


_HEADINGS = {_key(h): s for s in scopes.OWN_HEADINGS for h in s.headings}


def _heading(piece: str) -> Scope | None:
    """The organisation whose own line ``piece`` is: the line itself, or a line in capitals that opens or
    ends with it (pasted text joins the header's two columns: "ĐẢNG BỘ HUYỆN … ĐẢNG CỘNG SẢN VIỆT NAM")."""
    key = _key(piece)
    found = _HEADINGS.get(key)
    if found is None and not any(c.islower() for c in piece):
        found = next((s for h, s in _HEADINGS.items() if key.startswith(f"{h} ") or key.endswith(f" {h}")),
                     None)
    return found


@frozen
class OutOfScope:
    """A document Decree 30 does not govern as it writes: the record of what it is, and the paragraph
    and words it was recognised by (None: by what it lacks)."""

    scope: Scope
    paragraph: ResolvedParagraph | None = None
    text: str = ""


def _pieces(paragraph: ResolvedParagraph) -> list[str]:
    """A paragraph's lines and its columns (tabs, runs of spaces), each one a header's line might be."""
    return [*shown_lines(paragraph), *(c[0] for c in columns(paragraph))]


def _header(doc: ResolvedDocument, rec: Recognition) -> list[ResolvedParagraph]:
    """The paragraphs the header can be among: the first ones, up to the tên loại where one was found."""
    end = rec.type_name.paragraph.index if rec.type_name is not None else _HEADER_WITHIN
    return [p for p in doc.paragraphs[:min(end, _HEADER_WITHIN)] if p.location == "body"]


def out_of_scope(doc: ResolvedDocument, rec: Recognition) -> OutOfScope | None:
    """What ``doc`` is when Decree 30 does not govern it as it writes (see the module docstring), or None."""
    header = _header(doc, rec)
    if rec.national_title is None:
        for p in header:
            for piece in _pieces(p):
                found = _heading(piece)
                if found is not None:
                    return OutOfScope(found, p, piece)
    numbers = [rec.number.paragraph] if rec.number is not None else header
    for p in numbers:
        for piece in _pieces(p):
            hit = _LEGAL_NUMBER.match(piece)
            if hit:
                return OutOfScope(scopes.LEGAL_NORMATIVE, p, hit.group(0))
    if rec.national_title is not None and not rec.issuer and not rec.parent_body and rec.number is None:
        for p in doc.paragraphs[:_TITLE_WITHIN]:
            if p.location == "body" and _PERSONAL_TITLES.match(_key(shown(p))):
                return OutOfScope(scopes.PERSONAL, p, shown(p))
    return None
