"""The web form, generated from the spec's JSON Schema (``vbhc schema``): one :class:`Field` per
property, its widget chosen from the property's schema, its Vietnamese label from :mod:`.labels`.

A field's ``path`` is the spec's key path (``issuer.name``, ``leave.person``): the page's script builds
the spec from the fields by these paths, and shows each diagnostic beside the field whose path is the
longest prefix of the diagnostic's. The particulars of a form (``invitation`` for a giấy mời ...) carry
the types they belong to (the schema's ``if``/``then``), so the page shows them for those types only.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from attrs import field, frozen

from vbhc.serve.labels import LABELS, Label

__all__ = ["PRIMARY", "Field", "form_fields", "split", "type_choices"]

# What an officer fills in for most documents, in the order of the page; the other fields (the issuer,
# which a profile gives, marks, appendices, copies ...) sit below, folded.
PRIMARY = ("summary", "date", "number", "place", "addressees", "enacting_authority", "legal_bases",
           "preamble", "body", "telegram", "invitation", "introduction", "minutes", "leave", "agreement",
           "attachment", "signatures", "recipients")


@frozen
class Field:
    """One input of the form. ``widget``: line, lines, list, outline, date, select, int, bool, draft,
    signature, group (``children``), json or file (a file name the server refuses, shown disabled)."""

    path: str
    name: str
    label: Label
    widget: str
    required: bool = False
    options: tuple[tuple[str, str], ...] = ()
    children: tuple[Field, ...] = ()
    types: tuple[str, ...] = ()  # the document types it belongs to (empty: all)
    signature: tuple[Field, ...] = field(default=())  # a signature's own fields (widget signature)


def _ref(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref")
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


def _options(schema: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The alternatives of ``anyOf`` (flattened), or the schema itself."""
    if "anyOf" in schema:
        for option in schema["anyOf"]:
            yield from _options(option)
    else:
        yield schema


def _widget(name: str, schema: dict[str, Any], defs: dict[str, Any]) -> tuple[str, Any]:
    options = list(_options(schema))
    refs = [r for r in map(_ref, options) if r]
    types = {o.get("type") for o in options}
    if name in ("body", "preamble") or any(str(o.get("description", "")).startswith("Outline text")
                                           for o in options):
        return "outline", None
    if "Signature" in refs:
        return "signature", None
    if "IssueDate" in refs:
        return "date", None
    if any(o.get("description") == "one entry per line" for o in options):
        return "lines", None
    consts = [o for o in options if "const" in o]
    if consts:
        return "select", tuple((str(o["const"]), str(o.get("description", o["const"]))) for o in consts)
    if "boolean" in types and "integer" in types:
        return "draft", None
    if "boolean" in types:
        return "bool", None
    if "integer" in types:
        return "int", None
    arrays = [o for o in options if o.get("type") == "array"]
    if arrays and any(o.get("type") == "string" for o in options):
        return "line", None  # text: one line, or its spans (the form types markup)
    if arrays:
        items = list(_options(arrays[0].get("items", {})))
        if any(o.get("type") == "string" for o in items) and not name.endswith("issuers"):
            return "list", None
        return "json", None
    object_refs = [r for r in refs if defs.get(r, {}).get("type") == "object"]
    if object_refs:
        return "group", object_refs[0]
    if "path of" in str(options[0].get("description", "")):
        return "file", None  # a file path (the signature's image): not over the network
    return "line", None


def _fields(obj: str, schema: dict[str, Any], defs: dict[str, Any], prefix: str,
            particulars: dict[str, tuple[str, ...]]) -> tuple[Field, ...]:
    out = []
    required = set(schema.get("required", ()))
    for name, prop in schema.get("properties", {}).items():
        if name in ("$schema", "profile"):
            continue  # chosen above the form
        label = LABELS[obj][name]
        widget, extra = _widget(name, prop, defs)
        path = f"{prefix}{name}"
        children: tuple[Field, ...] = ()
        signature: tuple[Field, ...] = ()
        options: tuple[tuple[str, str], ...] = ()
        if widget == "group":
            children = _fields(extra, defs[extra], defs, path + ".", {})
        elif widget == "signature":
            signature = _fields("Signature", defs["Signature"], defs, path + ".", {})
        elif widget == "select":
            options = extra
        out.append(Field(path, name, label, widget, name in required, options, children,
                         particulars.get(name, ()), signature))
    return tuple(out)


def _particulars(schema: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """Each particular's document types (slugs), from the schema's ``if required [X] then type``."""
    from vbhc.nd30 import DocumentType

    slugs = {t.value for t in DocumentType}
    out = {}
    for rule in schema.get("allOf", ()):
        needed = rule.get("if", {}).get("required", ())
        allowed = rule.get("then", {}).get("properties", {}).get("type", {}).get("enum", ())
        if len(needed) == 1 and allowed:
            out[needed[0]] = tuple(v for v in allowed if v in slugs)
    return out


def form_fields(schema: dict[str, Any]) -> tuple[Field, ...]:
    """The form's fields for the spec schema (:func:`vbhc.readers.spec.schema.spec_schema`)."""
    return _fields("", schema, schema["$defs"], "", _particulars(schema))


def type_choices() -> list[tuple[str, str, str]]:
    """Every document type: (slug, Vietnamese name, its Mẫu), the order of Art. 7."""
    from vbhc.nd30 import DocumentType, form_of

    return [(t.value, t.type_name, f"Mẫu {form_of(t).id}") for t in DocumentType]


def split(fields: tuple[Field, ...]) -> tuple[list[Field], list[Field]]:
    """The form's fields in :data:`PRIMARY`'s order, and the others in the schema's (without ``type``,
    which the page asks first)."""
    by_name = {f.name: f for f in fields if f.name != "type"}
    primary = [by_name[name] for name in PRIMARY if name in by_name]
    return primary, [f for f in by_name.values() if f.name not in PRIMARY]
