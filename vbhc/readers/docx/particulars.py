"""The labelled fields of a form (PL III, Mẫu 1.6-1.10) read back from the body's first and last lines.

A giấy mời, giấy giới thiệu, biên bản, giấy nghỉ phép or công điện prints the form's own words around
its blanks (``Thời gian: …``, ``Được cử đến: …``; the words are :mod:`vbhc.nd30.forms`'). Each reader
here takes the body's recognised lines, finds the words in the order the form prints them, and returns
the blanks as spec data with how many lines it used at the start and at the end of the body; None when
the lines are not that form's (they then stay body paragraphs).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from vbhc.nd30 import Form
from vbhc.readers.docx import fields

__all__ = ["Found", "read_particulars"]

# The blanks; the lines before them that are the preamble's (an agreement's "Hôm nay … chúng tôi gồm:");
# the lines they take at the start (after those) and at the end.
Found = tuple[dict[str, Any], int, int, int]
Line = tuple[str, str]  # a line's plain text and its markup (its text as spec markup)


def _after(text: str, word: str) -> str | None:
    """What follows the form's ``word`` at the start of ``text`` (None when it does not start so)."""
    return text[len(word):].strip() if text.startswith(word) else None


def _final(text: str) -> str:
    """A field's value without the closing "./." or "." vbhc writes after it."""
    return text.removesuffix("./.").removesuffix(".").strip()


def _date(text: str) -> str | None:
    _, date = fields.place_date(text)
    return fields.date_text(date) if date is not None and "day" in date else None


def _labelled(form: Form, lines: Sequence[Line], at: int, keys: Sequence[str], out: dict[str, Any],
              markup: Sequence[str] = ()) -> int:
    """Read the optional fields ``keys`` in order from ``lines[at:]``; return where reading stopped."""
    for key in keys:
        if at >= len(lines):
            break
        value = _after(lines[at][0], form.word(key))
        if value is None:
            continue
        if key in markup:
            value = _after(lines[at][1], form.word(key))
        out[key] = value
        at += 1
    return at


def _telegram(form: Form, lines: Sequence[Line], confirmed: bool) -> Found | None:
    if not lines or not lines[0][0].endswith(" " + form.word("sends")):
        return None
    receivers = []
    at = 1
    while at < len(lines) and lines[at][0].startswith("-"):
        receivers.append(fields.list_entry(lines[at][0]))
        at += 1
    sender = lines[0][0][:-len(form.word("sends"))].strip()
    return ({"sender": sender, "receivers": receivers}, 0, at, 0) if receivers else None


def _invitation(form: Form, lines: Sequence[Line], confirmed: bool) -> Found | None:
    word = form.word("invite")
    if not lines or f" {word} " not in f"{lines[0][0]} ":
        return None
    out: dict[str, Any] = {"invitees": lines[0][0].split(word, 1)[1].strip()}
    keys = {"attend": "event", "chair": "chair", "time": "time", "venue": "venue"}
    found: dict[str, Any] = {}
    at = _labelled(form, lines, 1, list(keys), found, markup=("attend",))
    out.update({keys[k]: v for k, v in found.items()})
    if not {"event", "time", "venue"} <= set(out):
        return None
    if len(lines) - at == 1:  # one line after the fields: the note (a giấy mời has no body of its own)
        note = lines[-1][1]
        out["note"] = note[:-len("./.")] + "." if note.endswith("./.") else note
        return out, 0, at, 1
    return out, 0, at, 0


def _introduction(form: Form, lines: Sequence[Line], confirmed: bool) -> Found | None:
    if len(lines) < 3 or not lines[0][0].endswith(form.word("introduce")):
        return None
    out: dict[str, Any] = {}
    at = _labelled(form, lines, 1, ("person", "position", "sent_to", "purpose"), out, markup=("purpose",))
    valid = _after(lines[-1][0], form.word("valid_until"))
    if valid is None or lines[-2][0] != form.word("request") or {"person", "sent_to", "purpose"} - set(out):
        return None
    date = _date(valid)
    if date is None:
        return None
    out["valid_until"] = date
    return out, 0, at, 2


def _minutes(form: Form, lines: Sequence[Line], confirmed: bool) -> Found | None:
    out: dict[str, Any] = {}
    at = _labelled(form, lines, 0, ("start", "venue"), out)
    if at >= len(lines):
        return None
    participants = _after(lines[at][0], form.word("participants"))
    if participants is None:
        return None
    at += 1
    if participants:
        out["participants"] = [participants]
    else:
        out["participants"] = []
        while at < len(lines) and lines[at][0].startswith("-"):
            out["participants"].append(fields.list_entry(lines[at][0]))
            at += 1
    at = _labelled(form, lines, at, ("chair", "secretary"), out)
    if at < len(lines) and lines[at][0] == form.word("content"):
        at += 1
    end = _after(lines[-1][0], form.word("end")) if lines else None
    if end is None or {"start", "venue", "chair", "secretary"} - set(out) or not out["participants"]:
        return None
    out["end"] = _final(end)
    return out, 0, at, 1


def _leave(form: Form, lines: Sequence[Line], confirmed: bool) -> Found | None:
    w = form.word
    if len(lines) < 4 or not lines[0][0].startswith(w("request")):
        return None
    request = _date(lines[0][0])
    out: dict[str, Any] = {}
    at = _labelled(form, lines, 1, ("person", "position"), out)
    period = re.match(rf"^{re.escape(w('period'))}\s+(\d+)\s+{re.escape(w('days'))},\s+{re.escape(w('from'))}"
                      rf"\s+(.*?)\s+{re.escape(w('until'))}\s+(.*?)\s+{re.escape(w('at'))}\s+(.*?)\.?$",
                      lines[at][0]) if at < len(lines) else None
    counted = _after(lines[-1][0], w("counted"))
    if request is None or period is None or counted is None or "person" not in out:
        return None
    start, end = _date(period[2]), _date(period[3])
    if start is None or end is None:
        return None
    out = {"request_date": request, **out, "days": int(period[1]), "start": start, "end": end,
           "place": period[4], "counted_as": _final(counted)}
    if confirmed:
        out["confirmation"] = True
    return out, 0, at + 1, 1


def _agreement(form: Form, lines: Sequence[Line], confirmed: bool) -> Found | None:
    """"BÊN A (role): name" and the party's labelled lines, for each party, after the preamble's lines."""
    word = re.escape(form.word("party"))
    heads = [re.compile(rf"^{word} {letter}(?: \((?P<role>[^()]*)\))?:\s*(?P<name>.+)$")
             for letter in form.word("letters")]
    lead = next((n for n, (text, _) in enumerate(lines) if heads[0].match(text)), None)
    if lead is None:
        return None
    parties: list[dict[str, Any]] = []
    at = lead
    for head in heads:
        found = head.match(lines[at][0]) if at < len(lines) else None
        if found is None:
            return None
        party: dict[str, Any] = {"name": found["name"].strip()}
        if found["role"]:
            party["role"] = found["role"].strip()
        keys = {"represented": "representative", "position": "position", "address": "address",
                "phone": "phone", "tax_code": "tax_code", "account": "account"}
        labelled: dict[str, Any] = {}
        at = _labelled(form, lines, at + 1, list(keys), labelled)
        party.update({keys[k]: v for k, v in labelled.items()})
        if "representative" not in party:
            return None
        parties.append(party)
    return {"parties": parties}, lead, at - lead, 0


_READERS: dict[str, Callable[[Form, Sequence[Line], bool], Found | None]] = {
    "telegram": _telegram, "invitation": _invitation, "introduction": _introduction, "minutes": _minutes,
    "leave": _leave, "agreement": _agreement}


def read_particulars(form: Form, lines: Sequence[Line], confirmed: bool = False) -> Found | None:
    """The blanks of ``form`` read from the body's ``lines`` (plain text and markup of each), or None.
    ``confirmed``: the document has the confirmation box (a giấy nghỉ phép's, PL III, Mẫu 1.10)."""
    read = _READERS.get(form.particulars or "")
    return read(form, lines, confirmed) if read is not None else None
