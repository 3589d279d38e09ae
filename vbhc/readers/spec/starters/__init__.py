"""Starter specs for ``vbhc new TYPE``: commented YAML that renders as it is."""

from __future__ import annotations

from importlib import resources

from vbhc.errors import StarterError
from vbhc.nd30 import DocumentType, form_of

__all__ = ["VARIANTS", "StarterError", "available", "starter"]


GENERIC = "_generic.yaml"
# The starter the types of a form share, by the form's id, filled in like GENERIC.
FORM_STARTERS: dict[str, str] = {"practice": "_agreement.yaml"}  # hợp đồng, bản ghi nhớ, bản thỏa thuận
# Starters for a form a type has besides its own, by name: what the starter is for.
VARIANTS: dict[str, str] = {
    "quyet-dinh-ban-hanh": "a quyết định that issues (approves) an attached Quy chế (PL III, Mẫu 1.3)",
}


def available() -> list[str]:
    """The document types (slugs) with a starter of their own, in the decree's order."""
    names = {p.name.removesuffix(".yaml") for p in resources.files(__name__).iterdir()
             if p.name.endswith(".yaml")}
    return [t.value for t in DocumentType if t.value in names]


def starter(kind: str, schema: str | None = None) -> str:
    """The starter spec for ``kind`` (a slug, a name such as "Kế hoạch", or a code such as "KH"), or
    for a variant named in :data:`VARIANTS` ("quyet-dinh-ban-hanh").

    Types without a starter of their own get a generic one with their type filled in.

    ``schema``: a path or URL of ``vbhc.schema.json`` to link for the editor (yaml-language-server).
    """
    from vbhc.readers.spec.structure import choice

    member = choice(DocumentType, kind)
    if member is None and kind.strip() in VARIANTS:
        text = (resources.files(__name__) / f"{kind.strip()}.yaml").read_text(encoding="utf-8")
    elif member is None:
        types = ", ".join(t.value for t in DocumentType)
        variants = ", ".join(VARIANTS)
        raise StarterError(f"no document type {kind!r}; types: {types}; and: {variants}")
    elif member.value in available():
        text = (resources.files(__name__) / f"{member.value}.yaml").read_text(encoding="utf-8")
    else:  # the types without a starter of their own share their form's, or the shape of Mẫu 1.4
        shared = FORM_STARTERS.get(form_of(member).id, GENERIC)
        generic = (resources.files(__name__) / shared).read_text(encoding="utf-8")
        text = generic.replace("__SLUG__", member.value).replace("__NAME__", member.type_name)
    if schema:
        text = f"# yaml-language-server: $schema={schema}\n{text}"
    return text
