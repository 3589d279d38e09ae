"""References to the document's own appendices recovered on import: "tại Phụ lục II", "(Phụ lục kèm
theo)" in the text become ``{appendix:ID}`` and the appendix gets that ``id``, so the reference follows
the appendix when vbhc numbers it (PL I, III.1.a) and when an officer adds or moves one.

Only what is safely the document's own appendix is linked, in the spec data before it is structured:

- "Phụ lục II" where an appendix of the source is labelled "Phụ lục II" ("Phụ lục 2" where it is
  labelled so: vbhc prints both as the decree numbers them, "Phụ lục II");
- "Phụ lục" alone where the document has exactly one appendix;

and not where the words after it name another text: "Phụ lục II kèm theo Thông tư số 01/2011/TT-BNV",
"Phụ lục I của Nghị định 30", "Phụ lục số 01" (another text's own numbering). "kèm theo Kế hoạch này"
and a bare "kèm theo" are the document's own. A "Phụ lục IV" the document does not have is left as
typed, with a warning. Lower-case "phụ lục" and a reference split across bold and plain text are
left as typed. References in data tables' cells are linked the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from vbhc import nd30
from vbhc.model.document import APPENDIX_ID
from vbhc.model.table import Cell, Table
from vbhc.model.text import Text
from vbhc.readers.spec.unparse import slug_of

__all__ = ["link_appendices"]

_REFERENCE = re.compile(rf"(?<![\w{{]){re.escape(nd30.APPENDIX_WORD)}(?: (?P<n>[IVXLC]+|\d{{1,2}}))?"
                        r"(?![\w}]|[.,]\d)")
# The words that end a reference's clause
_CLAUSE_END = re.compile(r"[.;:()\n]")
# A clause naming another text: its tên loại (not "… này"): the 29 types of Art. 7 and the texts a
# quyết định issues (nd30), "Công văn", and the legal normative texts' names
_OTHER_NAMES = sorted({*(t.type_name for t in nd30.DocumentType), *nd30.ATTACHED_TEXT_NAMES, "Công văn",
                       "Nghị định", "Thông tư", "Luật", "Pháp lệnh", "Văn bản"}, key=len, reverse=True)
_OTHER = re.compile(rf"\b(?:{'|'.join(map(re.escape, _OTHER_NAMES))})\b")


def _number(numeral: str) -> tuple[str, int] | None:
    """("I", 2) for "II", ("1", 2) for "2" or "02": the numeral's kind and value."""
    if numeral.isdigit():
        return "1", int(numeral)
    value = nd30.numbering.roman_value(numeral)
    return None if value is None else ("I", value)


def _label_number(label: str) -> tuple[str, int] | None:
    """("", 1) for "Phụ lục" alone, ("I", 2) for "PHỤ LỤC II", ("1", 2) for "Phụ lục 2"; None for
    another label."""
    words = unicodedata.normalize("NFC", label).split()
    if " ".join(words[:2]).casefold() != nd30.APPENDIX_WORD.casefold():
        return None
    if len(words) == 2:
        return "", 1
    return _number(words[2]) if len(words) == 3 else None


def _ours(after: str) -> bool:
    """Whether the words after a "Phụ lục …", up to the end of its clause, leave it the document's own
    appendix: not "số 01", not "kèm theo" or "của" another text ("… này" is this one), no other text's
    tên loại in the clause."""
    clause = _CLAUSE_END.split(after, maxsplit=1)[0]
    if re.match(r"\s*số\b", clause):
        return False
    tail = re.search(r"\b(?:kèm theo|của)\b(.*)", clause)
    if tail is not None:
        return not tail[1].strip() or re.search(r"\bnày\b", tail[1]) is not None
    return _OTHER.search(clause) is None or re.search(r"\bnày\b", clause) is not None


def _id_for(title: Any, n: int, taken: set[str]) -> str:
    base = slug_of(re.sub(r"[*\\^\[\]]", "", title)) if isinstance(title, str) else ""
    base = "-".join(base.split("-")[:4])[:30].strip("-")
    if not base or base == "signer" or not APPENDIX_ID.fullmatch(base):
        base = f"phu-luc-{n}"
    out, k = base, 1
    while out in taken:
        k += 1
        out = f"{base}-{k}"
    taken.add(out)
    return out


def link_appendices(data: dict[str, Any], labels: Sequence[str], warn: Callable[[str], None],
                    tables: dict[str, Table] | None = None) -> None:
    """Rewrite, in ``data`` (the spec data read from the source) and in the cells of its data
    ``tables`` (replaced in the dict), references to its appendices as ``{appendix:ID}``, giving each
    appendix referred to an ``id``. ``labels`` are the appendices' labels as the source typed them
    ("Phụ lục II"), in order; ``warn`` is told of a reference to an appendix the document lacks."""
    appendices = data.get("appendices")
    if not isinstance(appendices, list) or not appendices or len(labels) != len(appendices):
        return
    by_number: dict[tuple[str, int], int] = {}  # (kind of numeral, value) -> the appendix so labelled
    for i, label in enumerate(labels):
        n = _label_number(label)
        if n is not None:
            by_number.setdefault(n, i)
    taken = {a["id"] for a in appendices if isinstance(a, dict) and isinstance(a.get("id"), str)}
    ids: dict[int, str] = {}

    def ref(i: int) -> str:
        if i not in ids:
            ids[i] = appendices[i].get("id") or _id_for(appendices[i].get("title"), i + 1, taken)
            appendices[i]["id"] = ids[i]
        return "{appendix:" + ids[i] + "}"

    def link(text: str) -> str:
        if nd30.APPENDIX_WORD not in text:
            return text

        def one(m: re.Match[str]) -> str:
            if not _ours(text[m.end():]):
                return m[0]
            if m["n"] is None:
                return ref(0) if len(appendices) == 1 else m[0]
            n = _number(m["n"])
            if n is not None and n in by_number:
                return ref(by_number[n])
            warn(f'the text refers to "{m[0]}", which this document does not have: the words are left as '
                 "typed")
            return m[0]

        return _REFERENCE.sub(one, text)

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return link(value)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) if k not in ("kind", "id") else v for k, v in value.items()}
        return value

    def cell(c: Cell) -> Cell:
        if nd30.APPENDIX_WORD not in c.text.plain:
            return c
        return attrs.evolve(c, text=Text(tuple(s if s.note is not None else s.restyled(link(s.text))
                                               for s in c.text.spans)))

    def row(r: tuple[Cell, ...]) -> tuple[Cell, ...]:
        return tuple(cell(c) for c in r)

    tables = {} if tables is None else tables
    for key, table in tables.items():
        tables[key] = attrs.evolve(
            table, rows=tuple(row(r) for r in table.rows), header=tuple(row(r) for r in table.header),
            total=None if table.total is None else row(table.total))
    for key in ("preamble", "body"):
        if key in data:
            data[key] = walk(data[key])
    for annex in (*appendices, data.get("attachment")):
        if isinstance(annex, dict) and "children" in annex:
            annex["children"] = walk(annex["children"])
