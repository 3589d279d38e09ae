"""Copy specs: how ``vbhc copy SOURCE.docx SPEC`` reads the copy to make (PL I, Phần II; Mẫu 3.1).

A copy spec has the fields of :class:`vbhc.model.Copy` (``kind``, ``number``, ``date``, ``signature``,
``recipients``, ``issuer``, ``place``) and, like a document's spec, may name a commune ``profile``: the
profile gives the copying body (``issuer``) and ``place`` the spec leaves out, and its ``signers`` by
key (``signature: pho-chu-tich``). Errors name the field and the line, as a document spec's do::

    profile: profiles/xa-hoang-kim.yaml
    kind: sao-y
    number: 5
    date: 2024-03-07
    signature: pho-chu-tich
    recipients: [Các thôn]
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path as FilePath
from typing import Any

from vbhc.diagnostics import Diagnostic, SpecProblems
from vbhc.errors import SpecError
from vbhc.model import Copy, Signature
from vbhc.model.text import nfc
from vbhc.readers.spec.source import read_file
from vbhc.readers.spec.structure import FAILED, Structurer, describe

# What a copy takes from a profile: the copying body and its place (the rest of a profile is a
# document's).
COPY_PROFILE_FIELDS = ("issuer", "place")
_META = ("$schema", "profile")


def read_copy(path: str | FilePath, profile: str | FilePath | None = None) -> Copy:
    """The :class:`Copy` a copy spec describes, with the copying body and place (from its profile where
    it leaves them out); :class:`~vbhc.diagnostics.SpecProblems` lists every error with its line."""
    path = FilePath(path)
    spec = read_file(path)
    errors: list[Diagnostic] = []
    data = spec.data
    if not isinstance(data, Mapping):
        raise SpecProblems(str(path), [Diagnostic(f"expected an object with the copy's fields; found "
                                                  f"{describe(data)}", "", spec.source, 1)], [])
    ref = profile if profile is not None else data.get("profile")
    defaults: dict[str, Any] = {}
    signers: dict[str, Any] | None = None
    if ref is not None:
        base = FilePath.cwd() if profile is not None else path.parent
        try:
            prof = read_file(base / str(ref), "profile")
        except SpecError as exc:
            raise SpecProblems(str(path), [Diagnostic(str(exc), "profile", spec.source,
                                                      spec.line_of(("profile",)))], []) from None
        p_data = prof.data if isinstance(prof.data, Mapping) else {}
        checker = Structurer(lambda p: (prof.source, prof.line_of(p)))
        raw = p_data.get("signers", {})
        signers = {nfc(str(k)): checker.attrs(v, Signature, ("signers", str(k)))
                   for k, v in (raw.items() if isinstance(raw, Mapping) else ())}
        errors += checker.errors
        defaults = {k: p_data[k] for k in COPY_PROFILE_FIELDS if k in p_data}
    own = {k: v for k, v in data.items() if k not in _META}
    structurer = Structurer(lambda p: (spec.source, spec.line_of(p)), signers=signers)
    copy = structurer.build({**defaults, **own}, Copy, ())
    errors += structurer.errors
    for field, what in (("issuer", "the copying body"), ("place", "its place")):
        if copy is not FAILED and getattr(copy, field) is None:
            errors.append(Diagnostic(f"expected {what} ({field}), in the spec or its profile; found nothing",
                                     field, spec.source, None))
    if errors or copy is FAILED:
        raise SpecProblems(str(path), errors, structurer.warnings)
    return copy
