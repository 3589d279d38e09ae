"""Commune profiles: what stays the same across one office's documents.

A profile is a JSON or YAML file with some of a spec's fields (the issuer, the place, the default
signature, Nơi nhận and Lưu line, the drafting unit) plus ``signers`` (named signatures a spec picks
by key) and ``template`` (the office's copy of the Word template, relative to the profile's folder).

A spec names its profile with ``profile: xa-hoang-kim.yaml`` (relative to the spec's folder), or the
command line passes ``--profile FILE`` (which wins). The spec's fields override the profile's:
objects merge key by key, everything else (text, numbers, lists, ``null``) replaces.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["PROFILE_FIELDS", "PROFILE_ONLY_KEYS", "SPEC_META_KEYS", "merge"]

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
