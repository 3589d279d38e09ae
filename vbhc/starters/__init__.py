"""Starter specs for ``vbhc new TYPE``: commented YAML that renders as it is."""

from __future__ import annotations

from importlib import resources

from vbhc.errors import VbhcError
from vbhc.nd30 import DocumentType

__all__ = ["StarterError", "available", "starter"]


class StarterError(VbhcError):
    """No starter for the type asked for."""


def available() -> list[str]:
    """The document types (slugs) with a starter, in the decree's order."""
    names = {p.name.removesuffix(".yaml") for p in resources.files(__name__).iterdir()
             if p.name.endswith(".yaml")}
    return [t.value for t in DocumentType if t.value in names]


def starter(kind: str, schema: str | None = None) -> str:
    """The starter spec for ``kind`` (a slug, a name such as "Kế hoạch", or a code such as "KH").

    ``schema``: a path or URL of ``vbhc.schema.json`` to link for the editor (yaml-language-server).
    """
    from vbhc.spec import choices

    member = choices(DocumentType).get(kind.strip())
    slugs = available()
    if member is None or member.value not in slugs:
        what = f"no starter for {kind!r}" if member is None else f"no starter yet for {member.value!r}"
        raise StarterError(f"{what}; starters: {', '.join(slugs)}")
    text = (resources.files(__name__) / f"{member.value}.yaml").read_text(encoding="utf-8")
    if schema:
        text = f"# yaml-language-server: $schema={schema}\n{text}"
    return text
