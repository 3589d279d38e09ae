"""The JSON Schema of specs and profiles, generated from the model (never written by hand).

It walks the attrs classes and their type hints the way :class:`vbhc.readers.spec.structure.Structurer`
does, so the
schema accepts what the loader accepts: body blocks as ``oneOf`` by ``kind``, plain strings for
paragraphs, outline text wherever a list of blocks is taken, the document types of
:mod:`vbhc.nd30` with their names as descriptions, and descriptions from the classes' docstrings.
Editors use it to autocomplete and check specs (VS Code: ``$schema`` in JSON, the
``yaml-language-server`` comment in YAML). What a schema cannot express (a day that exists in its
month, cross-field rules) is left to ``vbhc validate``.
"""

from __future__ import annotations

import enum
import inspect
import re
from collections.abc import Callable, Iterator
from typing import Any, get_args, get_origin

import attrs

from vbhc.model import BLOCK_TYPES, Document, IssueDate, Mandate, Recipient, Signature, SignatureImage
from vbhc.model import document as model
from vbhc.model.characters import LINE_BREAK, REFUSED
from vbhc.model.particulars import PARTICULARS
from vbhc.model.table import Cell, Table
from vbhc.model.text import Text
from vbhc.nd30 import (
    ATTACHED_TEXT_NAMES,
    CopyKind,
    DocumentType,
    Form,
    Secrecy,
    SigningAuthority,
    Urgency,
    form_of,
)
from vbhc.readers.spec.profile import PROFILE_FIELDS, SPEC_META_KEYS
from vbhc.readers.spec.structure import (
    DATE_ISO,
    DATE_VN,
    KIND_KEY,
    LINE_TYPES,
    MANDATE_TEXT,
    block_args,
    choices,
    leaf_union,
    optional_arg,
)
from vbhc.readers.spec.tables import table_schema

__all__ = ["DRAFT", "PROFILE_SCHEMA_FILE", "SCHEMA_FILE", "profile_schema", "spec_schema"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FILE = "vbhc.schema.json"
PROFILE_SCHEMA_FILE = "vbhc-profile.schema.json"


def _forbidden_class(line_breaks: bool = False) -> str:
    """The characters vbhc refuses in text (:mod:`vbhc.model.characters`), as an ECMA-262 class;
    ``line_breaks``: a line break is allowed (the trích yếu, the issuer's names)."""
    ranges = sorted(r for cls in REFUSED if not (line_breaks and LINE_BREAK in cls)
                    for r in cls.ranges)  # the one table of refused characters
    return "[" + "".join(f"\\u{low:04x}" + (f"-\\u{high:04x}" if high != low else "")
                         for low, high in ranges) + "]"


ONE_LINE: dict[str, Any] = {"type": "string", "pattern": "\\S", "not": {"pattern": _forbidden_class()}}
# A text the officer may break by hand ("\n": a line break in one paragraph).
LINES: dict[str, Any] = {"type": "string", "pattern": "\\S", "not": {"pattern": _forbidden_class(True)},
                         "description": "a line break (\\n) is kept: the text stands on several lines"}
OUTLINE = {"type": "string", "description": (
    "Outline text, one block per line as typed in Word: 'I. TITLE', '1. Title', 'a) text', "
    "'- text', '+ text', 'Điều 1. Title', 'Chương I' / 'Mục 1' (title on the next line), plain "
    "lines for paragraphs; an indented line continues the one above.")}


def _doc(obj: Any) -> str:
    """The first paragraph of a docstring, on one line, without reST markup."""
    raw = inspect.getdoc(obj) or ""
    first = raw.split("\n\n")[0]
    return re.sub(r"``([^`]+)``", r"\1", " ".join(first.split()))


def _field_docs(cls: type) -> dict[str, str]:
    """Field descriptions a class docstring gives as ``name``: text."""
    raw = inspect.getdoc(cls) or ""
    out = {}
    for match in re.finditer(r"``(\w+)``: ([^`]*?)(?=\s*``\w+``:|\n\n|$)", raw, flags=re.S):
        out[match[1]] = re.sub(r"``([^`]+)``", r"\1", " ".join(match[2].split())).rstrip()
    return out


def _validators(a: attrs.Attribute) -> Iterator[Callable[..., Any]]:
    v = a.validator
    if v is None:
        return
    yield from getattr(v, "_validators", (v,))


def _breaks(a: attrs.Attribute | None) -> bool:
    """Whether the field keeps a line break the officer typed (:data:`vbhc.model.document.LINE_BREAKS`)."""
    return a is not None and bool(a.metadata.get(model.LINE_BREAKS))


class _Generator:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    # ---- types ---------------------------------------------------------------------------

    def schema(self, tp: Any, a: attrs.Attribute | None = None) -> dict[str, Any]:
        inner = optional_arg(tp)
        if inner is not None:
            return {"anyOf": [self.schema(inner, a), {"type": "null"}]}
        options = leaf_union(tp)
        if options is not None:
            return {"anyOf": [self.schema(option, a) for option in options]}
        if tp is IssueDate:
            return {"anyOf": [{"type": "string", "pattern": DATE_ISO}, {"type": "string", "pattern": DATE_VN},
                              {"$ref": self.ref(IssueDate)}],
                    "description": _doc(IssueDate) + ' As text: "2024-03-05", "05/03/2024"; '
                                   '"2024-03" or "03/2024" leaves the day blank.'}
        if tp is Signature:
            return {"anyOf": [{"$ref": self.ref(Signature)},
                              {"type": "string", "description": "the key of a signer in the profile"}]}
        if tp is Mandate:
            return {"anyOf": [{"$ref": self.ref(Mandate)},
                              {"type": "string", "pattern": MANDATE_TEXT,
                               "description": 'the quyền hạn and whose: "TM. Ủy ban nhân dân", '
                                              '"KT. Chủ tịch"'}]}
        if tp is SignatureImage:
            return {"type": "string", "minLength": 1,
                    "description": "the path of the signature's PNG, relative to the spec (PL I, II.7.d)"}
        if tp is Recipient:
            return {"anyOf": [{"$ref": self.ref(Recipient)},
                              {**ONE_LINE, "description": "the name, with its note in brackets: "
                                                          "'Phòng Tư pháp (b/c)'"}]}
        kinds = block_args(tp)
        if kinds is not None:
            return self.block(kinds)
        if tp is Text:
            return self.text(a)
        if attrs.has(tp):
            return {"$ref": self.ref(tp)}
        if get_origin(tp) is tuple:
            return self.sequence(get_args(tp)[0], a)
        if tp is str and a is not None and any(v is model.attached_type for v in _validators(a)):
            return {"type": "string", "minLength": 1, "examples": list(ATTACHED_TEXT_NAMES),
                    "description": "the tên loại (PL III, Mẫu 1.3), or a type's slug or code (quy-che, QC)"}
        if tp is str:
            line = a is not None and any(v in (model.one_line, model.optional_line) for v in _validators(a))
            return dict(ONE_LINE) if line else {"type": "string"}
        if tp is int:
            positive = a is not None and any(v in (model.positive, model.draft_round) for v in _validators(a))
            return {"type": "integer", **({"minimum": 1} if positive else {})}
        if tp is bool:
            return {"type": "boolean"}
        if tp in (DocumentType, SigningAuthority, Secrecy, Urgency, CopyKind):
            return self.enum(tp)
        if isinstance(tp, type) and issubclass(tp, enum.Enum):  # a field added later: its values
            return {"enum": [m.value for m in tp], "description": _doc(tp)}
        if tp is float:
            return {"type": "number"}
        raise TypeError(f"no schema for {tp!r}")

    def text(self, a: attrs.Attribute | None) -> dict[str, Any]:
        span = {"type": "object", "additionalProperties": False, "required": ["text"],
                "properties": {"text": {"type": "string"}, "bold": {"type": "boolean"},
                               "italic": {"type": "boolean"}}}
        line = dict(LINES if _breaks(a) else ONE_LINE)
        return {"anyOf": [line, {"type": "array", "items": {"anyOf": [{"type": "string"}, span]}}],
                "description": "Text; *italic* and **bold** mark spans, ^[text] a footnote, \\* is a "
                               "literal asterisk."}

    def sequence(self, element: Any, a: attrs.Attribute | None) -> dict[str, Any]:
        kinds = block_args(element)
        items = self.schema(element)
        if element in LINE_TYPES and a is not None and any(v is model.one_line_each for v in _validators(a)):
            items = dict(LINES if _breaks(a) else ONE_LINE)
        array = {"type": "array", "items": items}
        if kinds is not None:
            return {"anyOf": [OUTLINE, array]}
        if element in (*LINE_TYPES, Recipient):
            return {"anyOf": [{"type": "string", "description": "one entry per line"}, array]}
        if element is Signature:
            return {"anyOf": [items, array]}
        return array

    def block(self, kinds: tuple[type, ...]) -> dict[str, Any]:
        options: list[dict[str, Any]] = []
        if model.Paragraph in kinds:
            options.append({**ONE_LINE, "description": "a paragraph"})
        options += [{"$ref": self.ref(k)} for k in kinds]
        return {"oneOf": options}

    def enum(self, cls: Any) -> dict[str, Any]:
        options = []
        table = choices(cls)
        for member in cls:
            if cls is DocumentType:
                code = f" ({member.abbreviation})" if member.abbreviation else ""
                described = f"{member.type_name}{code}"
            else:
                described = member.value
            options.append({"const": member.value, "description": described})
        seen = {m.value for m in cls}
        for spelling, member in table.items():
            if spelling not in seen:
                seen.add(spelling)
                options.append({"const": spelling, "description": f"= {member.value}"})
        return {"anyOf": options, "description": _doc(cls)}

    # ---- classes -------------------------------------------------------------------------

    def ref(self, cls: type) -> str:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # reserve: classes refer to each other
            self.defs[name] = self.object(cls)
        return f"#/$defs/{name}"

    def object(self, cls: type, names: tuple[str, ...] | None = None) -> dict[str, Any]:
        docs = _field_docs(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if cls in BLOCK_TYPES:
            properties[KIND_KEY] = {"const": cls.kind}  # type: ignore[attr-defined]
            required.append(KIND_KEY)
        for a in attrs.fields(cls):
            if names is not None and a.name not in names:
                continue
            prop = self.schema(a.type, a)
            if a.name in docs:
                prop = {**prop, "description": docs[a.name]}
            properties[a.name] = prop
            if a.default is attrs.NOTHING:
                required.append(a.name)
        out: dict[str, Any] = {"type": "object", "description": _doc(cls), "properties": properties,
                               "additionalProperties": False}
        if required:
            out["required"] = required
        if cls in (model.Item, model.Article):
            out["anyOf"] = [{"required": ["title"]}, {"required": ["text"]}]
        if cls is Table:
            out = table_schema(out, self.ref(Cell))
        return out


def spec_schema() -> dict[str, Any]:
    """The schema of a spec (a Document, plus ``$schema`` and ``profile``)."""
    gen = _Generator()
    document = gen.object(Document)
    required = document.pop("required")
    properties = {
        "$schema": {"type": "string", "description": "the schema file, for editors"},
        "profile": {"type": "string", "description": "a commune profile (.yaml or .json), relative to "
                                                     "this file; the spec's fields override it"},
        **document.pop("properties"),
    }
    assert set(properties) >= set(SPEC_META_KEYS)
    return {
        "$schema": DRAFT,
        "$id": SCHEMA_FILE,
        "title": "vbhc spec",
        **document,
        "properties": properties,
        # with a profile, the fields a profile can give are not required in the spec
        "required": [r for r in required if r not in PROFILE_FIELDS],
        "if": {"not": {"required": ["profile"]}},
        "then": {"required": required},
        "allOf": _form_conditions(),
        "$defs": dict(sorted(gen.defs.items())),
    }


def _form_conditions() -> list[dict[str, Any]]:
    """What the type's form asks (nd30.forms): a summary where it prints one, the particulars of a
    form of labelled fields (``invitation``, ...) and an attached text on that form's types only."""

    def spellings(test: Callable[[Form], bool]) -> list[str]:
        return sorted(name for name, kind in choices(DocumentType).items() if test(form_of(kind)))

    def of_type(names: list[str]) -> dict[str, Any]:
        return {"properties": {"type": {"enum": names}}, "required": ["type"]}

    out = [{"if": of_type(spellings(lambda f: f.has_summary)), "then": {"required": ["summary"]}}]
    attaching = sorted(name for name, kind in choices(DocumentType).items()
                       if form_of(kind, attached=True).has_attachment)  # PL III, Mẫu 1.3
    out.append({"if": {"required": ["attachment"]}, "then": of_type(attaching)})
    for name in PARTICULARS:
        out.append({"if": {"required": [name]},
                    "then": of_type(spellings(lambda f, name=name: f.particulars == name))})
    return out


def profile_schema() -> dict[str, Any]:
    """The schema of a commune profile."""
    gen = _Generator()
    fields = gen.object(Document, PROFILE_FIELDS)
    fields.pop("required", None)
    properties = {
        "$schema": {"type": "string", "description": "the schema file, for editors"},
        **fields["properties"],
        "signers": {"type": "object", "description": "named signatures a spec picks by key",
                    "additionalProperties": {"$ref": gen.ref(Signature)}},
        "template": {"type": "string", "pattern": "\\.docx$",
                     "description": "the office's Word template (made by `vbhc template`), relative to "
                                    "this file"},
    }
    return {
        "$schema": DRAFT,
        "$id": PROFILE_SCHEMA_FILE,
        "title": "vbhc commune profile",
        "description": "What stays the same across one office's documents: issuer, place, signers, "
                       "Nơi nhận, Lưu line, template. A spec's own fields override these.",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        "$defs": dict(sorted(gen.defs.items())),
    }
