"""Commune profiles: what stays the same across one office's documents.

A profile is a JSON or YAML file with some of a spec's fields (the issuer, the place, the default
signature, Nơi nhận and Lưu line, the drafting unit) plus ``signers`` (named signatures a spec picks
by key) and ``template`` (the office's copy of the Word template, relative to the profile's folder).

A spec names its profile with ``profile: xa-hoang-kim.yaml`` (relative to the spec's folder), or the
command line passes ``--profile FILE`` (which wins). The spec's fields override the profile's:
objects merge key by key, everything else (text, numbers, lists, ``null``) replaces.
"""

from __future__ import annotations

import difflib
import stat
from collections import OrderedDict
from collections.abc import Callable, Mapping
from pathlib import Path as FilePath
from typing import Any, NamedTuple

from vbhc.diagnostics import Diagnostic, diagnostics_of
from vbhc.errors import SpecError
from vbhc.model import Signature
from vbhc.model.document import FORM_REGION_FIELDS
from vbhc.model.text import nfc
from vbhc.nd30 import DocumentType, form_of
from vbhc.readers.spec.source import Parsed, read_file
from vbhc.readers.spec.structure import Structurer, choice, describe

__all__ = ["PROFILE_FIELDS", "PROFILE_ONLY_KEYS", "SPEC_META_KEYS", "Profile", "ProfileFields",
           "TemplateCheck", "merge", "printed_fields", "profile_fields", "profile_template", "read_profile"]

# Document fields a profile may set: the ones that describe the office, not one document.
PROFILE_FIELDS: tuple[str, ...] = (
    "issuer", "place", "unit", "enacting_authority", "signatures", "recipients", "archive")
# Keys only a profile has: named signers, the office template, and the editor's schema link.
PROFILE_ONLY_KEYS: tuple[str, ...] = ("signers", "template", "$schema")
# Keys a spec has that are not document fields.
SPEC_META_KEYS: tuple[str, ...] = ("$schema", "profile")


def merge(base: Any, override: Any) -> Any:
    """``override`` over ``base``: mappings merge key by key (recursively), anything else replaces."""
    if isinstance(base, Mapping) and isinstance(override, Mapping):
        out = dict(base)
        for key, value in override.items():
            out[key] = merge(base[key], value) if key in base else value
        return out
    return override


def printed_fields(data: dict[str, Any], spec_type: Any) -> dict[str, Any]:
    """The profile's fields a document of ``spec_type`` prints: an office's Nơi nhận is no default for a
    form without one (a hợp đồng), while the same field typed in the spec is still refused there."""
    kind = choice(DocumentType, spec_type) if isinstance(spec_type, str) else None
    if kind is None:
        return data
    form = form_of(kind)
    unprinted = {name for name, region, _ in FORM_REGION_FIELDS if region not in form.regions}
    return {key: value for key, value in data.items() if key not in unprinted}


TemplateCheck = Callable[[FilePath], list[str]]  # why a template is refused, one line each


class Profile(NamedTuple):
    parsed: Parsed
    folder: FilePath


_PARSED: OrderedDict[tuple[str, int, int, int], Parsed] = OrderedDict()  # a server reads one profile often
_PARSED_SIZE = 16


def _read_profile_file(path: FilePath) -> Parsed:
    """:func:`read_file`, remembered for a regular file unchanged since (same inode, size and mtime).
    The parsed data is only read, never changed, by those who get it."""
    try:
        st = path.stat()
    except OSError:
        return read_file(path, "profile")  # says what is wrong
    if not stat.S_ISREG(st.st_mode):
        return read_file(path, "profile")
    key = (str(path), st.st_ino, st.st_size, st.st_mtime_ns)
    parsed = _PARSED.get(key)
    if parsed is None:
        parsed = _PARSED[key] = read_file(path, "profile")
        if len(_PARSED) > _PARSED_SIZE:
            _PARSED.popitem(last=False)
    return parsed


def read_profile(ref: Any, base: FilePath, spec: Parsed, out: list[Diagnostic],
                 cache: dict[FilePath, Profile] | None = None) -> Profile | None:
    """The profile file ``ref`` (relative to ``base``), or None with the problem added to ``out``.
    ``cache`` keeps the profiles already read (a batch reads each of its few profiles once)."""
    if not isinstance(ref, str) or not ref.strip():
        out.append(Diagnostic(f"expected the profile's file name (text); found {describe(ref)}",
                              "profile", spec.source, spec.line_of(("profile",))))
        return None
    path = base / ref
    if cache is not None and path in cache:
        return cache[path]
    try:
        parsed = _read_profile_file(path)
    except SpecError as exc:
        out.extend(diagnostics_of(exc))
        return None
    if not isinstance(parsed.data, Mapping):
        out.append(Diagnostic(f"expected an object with {', '.join(PROFILE_FIELDS)}; found "
                              f"{describe(parsed.data)}", "", parsed.source, 1))
        return None
    found = Profile(parsed, path.parent)
    if cache is not None:
        cache[path] = found
    return found


class ProfileFields(NamedTuple):
    """What a profile gives a spec: its named signers, its template, its document fields, its errors."""

    signers: dict[str, Any]
    template: FilePath | None
    data: dict[str, Any]
    errors: list[Diagnostic]


def profile_fields(prof: Profile, template_problems: TemplateCheck | None) -> ProfileFields:
    """The profile's keys checked, its signers structured and its template found."""
    p_locate = lambda p: (prof.parsed.source, prof.parsed.line_of(p))  # noqa: E731
    checker = Structurer(p_locate, base=prof.folder)
    allowed = (*PROFILE_FIELDS, *PROFILE_ONLY_KEYS)
    for key in prof.parsed.data:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            checker.error((str(key),), f"one of the profile fields {', '.join(allowed)}{hint}",
                          "an unknown key")
    raw_signers = prof.parsed.data.get("signers", {})
    if isinstance(raw_signers, Mapping):
        signers = {nfc(str(k)): checker.attrs(v, Signature, ("signers", str(k)))
                   for k, v in raw_signers.items()}
    else:
        checker.error(("signers",), "an object of named signatures", describe(raw_signers))
        signers = {}
    template = profile_template(prof, checker, template_problems)
    data = {k: v for k, v in prof.parsed.data.items() if k in PROFILE_FIELDS}
    return ProfileFields(signers, template, data, checker.errors)


def profile_template(prof: Profile, checker: Structurer, problems: TemplateCheck | None) -> FilePath | None:
    """The office template a profile names: an existing .docx, refused for what ``problems`` finds."""
    ref = prof.parsed.data.get("template")
    if ref is None:
        return None
    if not isinstance(ref, str) or not ref.strip():
        checker.error(("template",), "the template's file name (a .docx)", describe(ref))
        return None
    path = prof.folder / ref
    if path.suffix.lower() != ".docx" or not path.is_file():
        checker.error(("template",), "an existing .docx file (relative to the profile's folder)",
                      describe(ref))
        return None
    found = problems(path) if problems is not None else []
    for line in found:
        checker.error(("template",), "a template within the decree's ranges", line)
    return None if found else path
