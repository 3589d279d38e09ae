"""Spec readers: JSON, YAML or Python files into one :class:`~vbhc.model.Document`.

JSON and YAML are data: they are parsed, never evaluated (YAML with the safe loader, aliases
refused). A ``.py`` spec is code the user chose to run; it must define ``document``.

Structuring goes through cattrs with strict scalar hooks (``"5"`` is not a number, ``5`` is not a
text) and ``forbid_extra_keys``; every problem found is reported with its field path.
"""

from __future__ import annotations

import difflib
import json
import re
import runpy
import types
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, get_args

import attrs
import cattrs
import yaml
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from vbhc import model
from vbhc.errors import FieldError, SpecError
from vbhc.model import BLOCK_TYPES, Document, IssueDate
from vbhc.nd30 import DocumentType, Secrecy, SigningAuthority, Urgency
from vbhc.text import Span, Text

MAX_SPEC_BYTES = 10 * 1024 * 1024  # a spec is a few kB; 10 MB means a mistake or an attack
SPEC_SUFFIXES = (".json", ".yaml", ".yml", ".py")
KIND_KEY = "kind"
BLOCKS_BY_KIND: dict[str, type] = {cls.kind: cls for cls in BLOCK_TYPES}  # type: ignore[attr-defined]


# --------------------------------------------------------------------------------------------
# Strict hooks


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return json.dumps(shown, ensure_ascii=False)
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "a list"
    return type(value).__name__


def _strict_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise FieldError("", "text", _describe(value))
    return value


def _strict_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError("", "a whole number", _describe(value))
    return value


def _strict_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise FieldError("", "true or false", _describe(value))
    return value


def _choice(enum_cls: type, aliases: Callable[[Any], dict[str, Any]]) -> Callable[[Any, type], Any]:
    def hook(value: Any, _: type) -> Any:
        table = aliases(enum_cls)
        if isinstance(value, str) and value.strip() in table:
            return table[value.strip()]
        options = sorted({m.value for m in enum_cls})  # type: ignore[attr-defined]
        close = difflib.get_close_matches(str(value), list(table), n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close and isinstance(value, str) else ""
        raise FieldError("", f"one of {', '.join(options)}{hint}", _describe(value))

    return hook


def _document_type_aliases(cls: type) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for m in DocumentType:
        table[m.value] = m
        table[m.type_name] = m
        table[m.type_name.lower()] = m
        if m.abbreviation:
            table[m.abbreviation] = m
    return table


def _value_aliases(cls: type) -> dict[str, Any]:
    table = {m.value: m for m in cls}  # type: ignore[attr-defined]
    table.update({m.value.rstrip("."): m for m in cls})  # type: ignore[attr-defined]
    return table


def _text(value: Any, _: type) -> Text:
    """Text from a string with markup, or from a list of strings and ``{text, bold, italic}``."""
    if isinstance(value, str):
        return Text(value)
    if isinstance(value, list):
        spans: list[Span | str] = []
        for i, part in enumerate(value):
            if isinstance(part, str):
                spans.append(part)
            elif isinstance(part, Mapping):
                extra = set(part) - {"text", "bold", "italic"}
                if extra or "text" not in part:
                    raise FieldError(f"[{i}]", "a span {text, bold, italic}",
                                     f"keys {', '.join(sorted(map(str, part)))}")
                try:
                    spans.append(Span(_strict_str(part["text"], str),
                                      _strict_bool(part.get("bold", False), bool),
                                      _strict_bool(part.get("italic", False), bool)))
                except FieldError as exc:
                    raise exc.at(f"[{i}]") from None
            else:
                raise FieldError(f"[{i}]", "text or a span object", _describe(part))
        return Text(spans)
    raise FieldError("", "text", _describe(value))


_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}|_+))?(?:-(\d{1,2}|_+))?\s*$")


def _issue_date(value: Any, _: type) -> IssueDate:
    """``{year, month, day}`` or ``"2024-02-05"``; ``"2024-02"`` or ``"2024-02-__"`` leaves the day blank."""
    if isinstance(value, str):
        match = _DATE.match(value)
        if not match:
            raise FieldError("", 'a date "YYYY-MM-DD" (or "YYYY-MM" to leave the day blank)',
                             _describe(value))
        year, month, day = (int(g) if g and g.isdigit() else None for g in match.groups())
        return IssueDate(year=year, month=month, day=day)  # type: ignore[arg-type]
    if isinstance(value, Mapping):
        return _structure_attrs(value, IssueDate)
    raise FieldError("", 'a date "YYYY-MM-DD" or an object {year, month, day}', _describe(value))


# --------------------------------------------------------------------------------------------
# The converter

converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
converter.register_structure_hook(str, _strict_str)
converter.register_structure_hook(int, _strict_int)
converter.register_structure_hook(bool, _strict_bool)
converter.register_structure_hook(Text, _text)
converter.register_structure_hook(IssueDate, _issue_date)
converter.register_structure_hook(DocumentType, _choice(DocumentType, _document_type_aliases))
for _enum in (SigningAuthority, Secrecy, Urgency):
    converter.register_structure_hook(_enum, _choice(_enum, _value_aliases))

_attrs_hooks: dict[type, Callable[[Any, type], Any]] = {}


def _structure_attrs(value: Any, cls: type) -> Any:
    if not isinstance(value, Mapping):
        raise FieldError("", f"an object with {_field_list(cls)}", _describe(value))
    if cls not in _attrs_hooks:
        _attrs_hooks[cls] = cattrs.gen.make_dict_structure_fn(cls, converter)
    return _attrs_hooks[cls](value, cls)


def _field_list(cls: type) -> str:
    return ", ".join(a.name for a in attrs.fields(cls))


def _block(value: Any, allowed: tuple[type, ...]) -> Any:
    """A body block: a plain string is a paragraph; an object names its ``kind``."""
    kinds = ", ".join(k.kind for k in allowed)  # type: ignore[attr-defined]
    if isinstance(value, str):
        if model.Paragraph not in allowed:
            raise FieldError("", f"an object of kind {kinds}", "text")
        return model.Paragraph(value)
    if not isinstance(value, Mapping):
        raise FieldError("", f"text or an object of kind {kinds}", _describe(value))
    kind = value.get(KIND_KEY)
    cls = BLOCKS_BY_KIND.get(kind) if isinstance(kind, str) else None
    if cls is None or cls not in allowed:
        close = difflib.get_close_matches(str(kind), [k.kind for k in allowed], n=1)  # type: ignore[attr-defined]
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise FieldError(KIND_KEY, f"one of {kinds}{hint}", _describe(kind))
    body = {k: v for k, v in value.items() if k != KIND_KEY}
    return _structure_attrs(body, cls)


def _is_block_type(t: Any) -> bool:
    if t in BLOCK_TYPES:
        return True
    args = get_args(t) if isinstance(t, types.UnionType) else ()
    return bool(args) and all(a in BLOCK_TYPES for a in args)


converter.register_structure_hook_func(
    _is_block_type,
    lambda value, t: _block(value, get_args(t) if isinstance(t, types.UnionType) else (t,)),
)


# --------------------------------------------------------------------------------------------
# Errors: cattrs' exception groups flattened into FieldErrors with full paths


def _join(path: str, part: str) -> str:
    if not part:
        return path
    if part.startswith("["):
        return path + part
    return f"{path}.{part}" if path else part


def _flatten(exc: BaseException, path: str = "") -> list[FieldError]:
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        out: list[FieldError] = []
        for sub in exc.exceptions:
            note = next((n for n in getattr(sub, "__notes__", ())
                         if isinstance(n, (AttributeValidationNote, IterableValidationNote))), None)
            if isinstance(note, AttributeValidationNote):
                step = note.name
            elif isinstance(note, IterableValidationNote):
                step = f"[{note.index}]"
            else:
                step = ""
            out += _flatten(sub, _join(path, step))
        return out
    if isinstance(exc, FieldError):
        return [FieldError(_join(path, exc.path), exc.expected, exc.found)]
    if isinstance(exc, ForbiddenExtraKeysError):
        known = [a.name for a in attrs.fields(exc.cl)]
        errors = []
        for key in sorted(exc.extra_fields):
            close = difflib.get_close_matches(key, known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            errors.append(FieldError(_join(path, key), f"one of the fields {', '.join(known)}{hint}",
                                     "an unknown key"))
        return errors
    if isinstance(exc, KeyError):
        # cattrs notes the missing attribute's name on the error, so ``path`` already ends with it.
        key = str(exc.args[0]) if exc.args else ""
        where = path if path.endswith(key) else _join(path, key)
        return [FieldError(where, "a value (this field is required)", "nothing")]
    if isinstance(exc, (TypeError, ValueError)):
        return [FieldError(path or "(document)", "a valid value", str(exc))]
    raise exc


def structure(data: Any, source: str = "<spec>") -> Document:
    """A Document from parsed spec data (dicts, lists, strings, numbers), or a SpecError."""
    if not isinstance(data, Mapping):
        raise SpecError(source, [FieldError("(document)", "an object with the document's fields",
                                            _describe(data))])
    data = {k: v for k, v in data.items() if k != "$schema"}
    try:
        return _structure_attrs(data, Document)
    except (ClassValidationError, IterableValidationError, FieldError, ForbiddenExtraKeysError) as exc:
        errors = _flatten(exc)
    except (TypeError, ValueError, KeyError) as exc:
        errors = _flatten(exc)
    raise SpecError(source, errors)


# --------------------------------------------------------------------------------------------
# Files


class _NoAliasLoader(yaml.SafeLoader):
    """Safe YAML that refuses anchors and aliases (a few lines can otherwise expand to gigabytes)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise SpecError("", message=f"line {event.start_mark.line + 1}: YAML aliases (*name) are "
                                        "not accepted in specs; write the value out")
        return super().compose_node(parent, index)


def parse_text(text: str, fmt: str, source: str) -> Any:
    """Parse JSON or YAML text into plain data; syntax errors name the line."""
    if fmt == "json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise SpecError(source, message=f"line {exc.lineno}, column {exc.colno}: "
                                            f"malformed JSON: {exc.msg}") from None
    try:
        return yaml.load(text, Loader=_NoAliasLoader)  # a SafeLoader subclass
    except SpecError as exc:
        raise SpecError(source, message=exc.detail) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise SpecError(source, message=f"{where}malformed YAML: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise SpecError(source, message=f"malformed YAML: {exc}") from None


def read_text(path: Path) -> str:
    """The file's text: it must exist, be at most 10 MB and be UTF-8."""
    source = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise SpecError(source, message="no such file") from None
    except OSError as exc:
        raise SpecError(source, message=f"cannot read the file ({exc.strerror})") from None
    if not path.is_file():
        raise SpecError(source, message="not a file")
    if size > MAX_SPEC_BYTES:
        raise SpecError(source, message=f"the file is {size / 1e6:.1f} MB; a spec may be at most "
                                        f"{MAX_SPEC_BYTES // (1024 * 1024)} MB")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SpecError(source, message=f"not UTF-8 text (byte {exc.start + 1}); save the file as "
                                        "UTF-8") from None
    return text.removeprefix("\ufeff")


def _load_python(path: Path) -> Document:
    source = str(path)
    try:
        namespace = runpy.run_path(str(path), run_name="__vbhc_spec__")
    except FieldError as exc:
        raise SpecError(source, [exc]) from None
    except SpecError:
        raise
    except Exception as exc:  # the user's code: report where it failed, in one line
        tb = exc.__traceback__
        line = None
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == str(path):
                line = tb.tb_lineno
            tb = tb.tb_next
        where = f"line {line}: " if line else ""
        raise SpecError(source, message=f"{where}{type(exc).__name__}: {exc}") from None
    document = namespace.get("document")
    if not isinstance(document, Document):
        found = "nothing" if document is None else type(document).__name__
        raise SpecError(source, [FieldError("document", "a vbhc.Document named `document`", found)])
    return document


def load(path: str | Path) -> Document:
    """Load a spec file (.json, .yaml, .yml or .py) into a validated Document."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SPEC_SUFFIXES:
        raise SpecError(str(path), message=f"unknown spec format {suffix or '(none)'!r}; "
                                           f"use one of {', '.join(SPEC_SUFFIXES)}")
    if suffix == ".py":
        read_text(path)  # same existence, size and encoding checks as data specs
        return _load_python(path)
    text = read_text(path)
    data = parse_text(text, "json" if suffix == ".json" else "yaml", str(path))
    return structure(data, str(path))


def unstructure(document: Document) -> dict[str, Any]:
    """Plain data for ``document`` that :func:`structure` reads back into an equal Document."""

    def plain(value: Any) -> Any:
        if isinstance(value, Text):
            return value.to_markup()
        if isinstance(value, (DocumentType, SigningAuthority, Secrecy, Urgency)):
            return value.value
        if isinstance(value, IssueDate):
            return {k: v for k, v in attrs.asdict(value).items() if v is not None}
        if isinstance(value, model.Paragraph):
            return value.text.to_markup()
        if attrs.has(type(value)):
            out: dict[str, Any] = {}
            if type(value) in BLOCK_TYPES:
                out[KIND_KEY] = type(value).kind  # type: ignore[attr-defined]
            for a in attrs.fields(type(value)):
                v = getattr(value, a.name)
                default = a.default
                if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                    default = default.factory()
                if default is not attrs.NOTHING and v == default:
                    continue
                out[a.name] = plain(v)
            return out
        if isinstance(value, tuple):
            return [plain(v) for v in value]
        return value

    return plain(document)
