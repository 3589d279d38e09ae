"""The import reader: an existing document (a .docx, or text pasted from an e-mail or a PDF) into spec
data, and through the spec reader into the one model (``vbhc import``).

A .docx is read safely and resolved (:mod:`vbhc.ooxml`), its components recognised by the recogniser
``vbhc check`` uses (:func:`vbhc.recognise.recognise`), and what each holds read back into the fields a
spec has (:mod:`.reader`, :mod:`.fields`). Pasted text becomes plain paragraphs the same recogniser
reads (:mod:`.paragraphs`); its header lines ("Số:", the place and date), which stand above the type
name without a Quốc hiệu, are read here first.

Owns: reading components back into fields, the report of what was read as what, and the warnings for
what could not be placed. Imports ``nd30``, ``model``, ``ooxml``, ``recognise`` and the spec reader
(:mod:`vbhc.readers.spec`, for the outline and the markup); never ``layout``, the writers or the checker.
"""

from __future__ import annotations

from typing import Any

from vbhc.ooxml.resolve import read_document
from vbhc.readers.docx import fields
from vbhc.readers.docx.paragraphs import text_document, text_lines
from vbhc.readers.docx.reader import (
    Imported,
    NotAnAdministrativeDocument,
    NotGovernedByDecree30,
    Notice,
    ReportRow,
    place_tables,
    read_recognition,
)
from vbhc.recognise.components import is_national_title, recognise
from vbhc.recognise.scope import out_of_scope

__all__ = ["Imported", "NotAnAdministrativeDocument", "NotGovernedByDecree30", "ReportRow", "adopt_profile",
           "place_tables", "read_docx", "read_text"]

_HEADER_LINES = 15  # how far down pasted text may hold its header lines


def read_docx(data: bytes) -> Imported:
    """Spec data read from a .docx's bytes (read safely: :func:`vbhc.ooxml.resolve.read_document`; text
    typed in TCVN3 or VNI is read as Unicode, and a warning says so)."""
    doc = read_document(data)
    imported = read_recognition(doc, recognise(doc))
    if doc.legacy is not None:
        imported.warnings.insert(0, Notice(0, "", f"{doc.legacy.describe()}: read as Unicode (TCVN "
                                                  "6909:2001); the spec and what it renders are in Unicode"))
    return imported


def read_text(text: str) -> Imported:
    """Spec data read from pasted text: a paragraph a line (:func:`.paragraphs.text_lines`)."""
    lines = text_lines(text)
    header: dict[str, Any] = {}
    start = 0
    if not any(is_national_title(line) for line in lines[:_HEADER_LINES]):
        start = _header(lines, header)
    doc = text_document(lines)
    rec = recognise(text_document(lines[start:]))
    # the recogniser saw the lines from ``start``: its paragraphs are the text's, shifted
    shifted = _shift(rec, doc, start)
    if start:  # whether Decree 30 governs it is read on the whole text, its header lines too
        shifted.out_of_scope = out_of_scope(doc, shifted)
    rows = header.pop("_rows", [])
    imported = read_recognition(doc, shifted, header, placed=range(start))
    imported.report[:0] = [ReportRow(n + 1, role, lines[n]) for n, role in rows]
    imported.report.sort(key=lambda r: (r.paragraph == 0, r.paragraph))
    return imported


def _header(lines: list[str], header: dict[str, Any]) -> int:
    """Read the header lines of pasted text that has no Quốc hiệu (the issuer in capitals, "Số:", the
    place and date) into ``header``, up to the type name or the first other line; return the index of
    the first line the recogniser reads."""
    from vbhc.nd30 import DocumentType
    from vbhc.recognise.components import is_upper

    names = {t.type_name.upper() for t in DocumentType}
    rows: list[tuple[int, str]] = []
    issuer: list[str] = []
    start = 0
    for n, line in enumerate(lines[:_HEADER_LINES]):
        number = fields.number(line)
        place, date = fields.place_date(line) if "ngày" in line.lower() else (None, None)
        if line.upper() in names or line.lower().startswith("v/v"):
            break
        if number is not None:
            header["number"], groups = number
            if groups:
                header["_symbol"] = groups
            rows.append((n, "number"))
        elif date is not None and place:
            header["place"], header["date"] = place, fields.date_text(date)
            rows.append((n, "place-date"))
        elif is_upper(line) and "number" not in header and len(line.split()) <= 12:
            issuer.append(line)
            rows.append((n, "issuer"))
        else:
            break
        start = n + 1
    if issuer:
        header["issuer"] = {"name": issuer}
    header["_rows"] = rows
    return start


def _shift(rec: Any, doc: Any, start: int) -> Any:
    """``rec`` (made on the lines from ``start``) pointing at ``doc``'s paragraphs."""
    if start == 0:
        return rec
    from vbhc.recognise.components import Recognised

    def move(x: Any) -> Any:
        if isinstance(x, Recognised):
            x.paragraph = doc.paragraphs[x.paragraph.index + start]
        return x

    for item in rec.items():
        move(item)
    return rec


def adopt_profile(data: dict[str, Any], profile: Any) -> dict[str, Any]:
    """Imported ``data`` made ready to go under the commune ``profile`` (a path): the profile's issuer,
    place and enacting authority replace the source's (a commune adopts another's plan as its own), and
    the signer the profile names with the source's signer's name (else its default signer) replaces the
    source's block, whose quyền hạn a pasted text often lacks. What the profile does not give stays."""
    from collections.abc import Mapping
    from pathlib import Path as FilePath

    from vbhc.readers.spec.source import read_file

    given = read_file(FilePath(profile), "profile").data
    if not isinstance(given, Mapping):
        return data  # the spec reader says what is wrong with it
    out = dict(data)
    for name in ("issuer", "place", "enacting_authority"):
        if name in given:
            out.pop(name, None)
    signers = given.get("signers") if isinstance(given.get("signers"), Mapping) else {}
    source = out.get("signatures")
    blocks = source if isinstance(source, list) else [source]
    names = [s.get("name", "") for s in blocks if isinstance(s, dict)]
    keys = [next((k for k, v in signers.items() if isinstance(v, Mapping)
                  and str(v.get("name", "")).casefold() == n.casefold()), None) for n in names]
    if names and all(keys):
        out["signatures"] = keys[0] if len(keys) == 1 else keys
    elif "signatures" in given or ("signatures" not in out and signers):
        out.pop("signatures", None)
    return out
