"""Starter specs for ``vbhc new TYPE``: commented YAML that renders as it is."""

from __future__ import annotations

from importlib import resources

from vbhc.errors import StarterError
from vbhc.nd30 import DocumentType

__all__ = ["StarterError", "available", "starter"]


GENERIC = "_generic.yaml"


def available() -> list[str]:
    """The document types (slugs) with a starter of their own, in the decree's order."""
    names = {p.name.removesuffix(".yaml") for p in resources.files(__name__).iterdir()
             if p.name.endswith(".yaml")}
    return [t.value for t in DocumentType if t.value in names]


def starter(kind: str, schema: str | None = None) -> str:
    """The starter spec for ``kind`` (a slug, a name such as "Kế hoạch", or a code such as "KH").

    Types without a starter of their own get a generic one with their type filled in.

    ``schema``: a path or URL of ``vbhc.schema.json`` to link for the editor (yaml-language-server).
    """
    from vbhc.readers.spec.structure import choice

    member = choice(DocumentType, kind)
    if member is None:
        types = ", ".join(t.value for t in DocumentType)
        raise StarterError(f"no document type {kind!r}; types: {types}")
    if member.value in available():
        text = (resources.files(__name__) / f"{member.value}.yaml").read_text(encoding="utf-8")
    else:  # the types without a starter of their own share the shape of PL III, Mẫu 1.4
        generic = (resources.files(__name__) / GENERIC).read_text(encoding="utf-8")
        text = generic.replace("__SLUG__", member.value).replace("__NAME__", member.type_name)
    if schema:
        text = f"# yaml-language-server: $schema={schema}\n{text}"
    return text
