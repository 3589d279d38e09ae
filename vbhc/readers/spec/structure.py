"""Structuring spec data into the model: strict scalar hooks (cattrs for any other leaf), and the
:class:`Structurer`, which builds every field on its own and collects each error with its field path,
what was expected, what was found and its line (unknown keys get "did you mean")."""

from __future__ import annotations

import datetime
import difflib
import json
import re
import types
from collections.abc import Callable, Mapping
from pathlib import Path as FilePath
from typing import Any, Union, get_args, get_origin

import attrs

from vbhc.diagnostics import Diagnostic, Path, format_path, split_path
from vbhc.errors import FieldError
from vbhc.model import BLOCK_TYPES, Chapter, IssueDate, Mandate, Recipient, Signature
from vbhc.model import document as model
from vbhc.model.text import Span, Text, nfc
from vbhc.nd30 import CopyKind, DocumentType, Secrecy, SigningAuthority, Urgency
from vbhc.readers.spec.images import signature_image
from vbhc.readers.spec.markup import parse_markup
from vbhc.readers.spec.outline import parse_outline
from vbhc.readers.spec.tables import read_table

KIND_KEY = "kind"
KIND_KEY = "kind"
BLOCKS_BY_KIND: dict[str, type] = {cls.kind: cls for cls in BLOCK_TYPES}  # type: ignore[attr-defined]
# Lists of lines (issuer.name, addressees, legal_bases, archive.units) also take one text, one
# entry per non-blank line.
LINE_TYPES: tuple[type, ...] = (str, Text)


# --------------------------------------------------------------------------------------------
# Strict hooks for scalars


def describe(value: Any) -> str:
    """How a found value is shown in a message: ``"text"``, ``5``, ``true``, ``an object``."""
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
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return type(value).__name__


def _one_line(value: str) -> str:
    """A single-line value as typed, without the final line break a YAML ``>`` block adds."""
    return value.rstrip("\n") if value.endswith("\n") and "\n" not in value.rstrip("\n") else value


def _strict_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise FieldError("", "text", describe(value))
    return _one_line(value)


def _strict_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError("", "a whole number", describe(value))
    return value


def _strict_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise FieldError("", "true or false", describe(value))
    return value


def choices(enum_cls: type) -> dict[str, Any]:
    """Every spelling the loader accepts for a member of ``enum_cls`` (the schema lists the same)."""
    table: dict[str, Any] = {}
    if enum_cls is DocumentType:
        for m in DocumentType:
            table[m.value] = m
            table[m.type_name] = m
            table[m.type_name.lower()] = m
            if m.abbreviation:
                table[m.abbreviation] = m
        return table
    for m in enum_cls:  # type: ignore[attr-defined]
        table[m.value] = m
        table[m.value.rstrip(".")] = m
    return table


def choice(enum_cls: type, value: str) -> Any | None:
    """The member of ``enum_cls`` that ``value`` spells (NFC-normalised, trimmed), or None."""
    return choices(enum_cls).get(nfc(value).strip())


def _choice(enum_cls: type) -> Callable[[Any, type], Any]:
    def hook(value: Any, _: type) -> Any:
        member = choice(enum_cls, value) if isinstance(value, str) else None
        if member is not None:
            return member
        table = choices(enum_cls)
        options = sorted({m.value for m in enum_cls})  # type: ignore[attr-defined]
        close = difflib.get_close_matches(str(value), list(table), n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close and isinstance(value, str) else ""
        raise FieldError("", f"one of {', '.join(options)}{hint}", describe(value))

    return hook


def _text(value: Any, _: type) -> Text:
    """Text from a string with markup, or from a list of such strings and ``{text, bold, italic}``."""
    if isinstance(value, str):
        return parse_markup(_one_line(value))
    if isinstance(value, list):
        spans: list[Span | Text] = []
        for i, part in enumerate(value):
            if isinstance(part, str):
                try:
                    spans.append(parse_markup(part))
                except FieldError as exc:
                    raise exc.at(f"[{i}]") from None
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
                raise FieldError(f"[{i}]", "text or a span object", describe(part))
        return Text(spans)
    raise FieldError("", "text", describe(value))


DATE_ISO = r"^\s*(\d{4})(?:-(\d{1,2}|_+))?(?:-(\d{1,2}|_+))?\s*$"
DATE_VN = r"^\s*(?:(\d{1,2}|_+)/)?(\d{1,2}|_+)/(\d{4})\s*$"
_DATE_ISO, _DATE_VN = re.compile(DATE_ISO), re.compile(DATE_VN)
DATE_EXPECTED = ('a date "2024-03-05" or "05/03/2024" ("2024-03" or "03/2024" leaves the day blank), '
                 "or an object {year, month, day}")


def _date_from_text(value: str) -> IssueDate | None:
    if match := _DATE_ISO.match(value):
        year, month, day = match.groups()
    elif match := _DATE_VN.match(value):
        day, month, year = match.groups()
    else:
        return None
    number = lambda g: int(g) if g and g.isdigit() else None  # noqa: E731
    return IssueDate(year=int(year), month=number(month), day=number(day))


# --------------------------------------------------------------------------------------------
# The converter: the registry of scalar hooks

class _Leaves:
    """The leaves' hooks by type. Objects are structured field by field by Structurer (so that every
    error is found); this structures the leaves, strictly. A type without a hook of its own goes to a
    cattrs Converter, imported then: cattrs and typing_extensions cost a cold ``vbhc render`` about a
    tenth of its start for what is, for every field of the model, a lookup in this table."""

    def __init__(self) -> None:
        self.hooks: dict[Any, Callable[[Any, Any], Any]] = {}
        self._fallback: Any = None

    def register_structure_hook(self, tp: Any, hook: Callable[[Any, Any], Any]) -> None:
        self.hooks[tp] = hook
        if self._fallback is not None:
            self._fallback.register_structure_hook(tp, hook)

    def structure(self, value: Any, tp: Any) -> Any:
        hook = self.hooks.get(tp)
        if hook is not None:
            return hook(value, tp)
        if self._fallback is None:
            import cattrs

            self._fallback = cattrs.Converter()
            for known, known_hook in self.hooks.items():
                self._fallback.register_structure_hook(known, known_hook)
        return self._fallback.structure(value, tp)


converter = _Leaves()
converter.register_structure_hook(str, _strict_str)
converter.register_structure_hook(int, _strict_int)
converter.register_structure_hook(bool, _strict_bool)
converter.register_structure_hook(Text, _text)
for _enum in (DocumentType, SigningAuthority, Secrecy, Urgency, CopyKind):
    converter.register_structure_hook(_enum, _choice(_enum))
# Types structured by the hooks above (Text is an attrs class, but a spec writes it as text).
LEAF_TYPES: tuple[type, ...] = (str, int, bool, Text, DocumentType, SigningAuthority, Secrecy, Urgency,
                               CopyKind)


# --------------------------------------------------------------------------------------------
# Structuring: every field on its own, every error collected


class _Skip(Exception):
    """A cross-field check that depends on a field that already failed."""


class _Failed:
    """Stands for a field that did not structure; any check that reads it is skipped."""

    def __getattr__(self, name: str) -> Any:
        raise _Skip

    def __bool__(self) -> bool:
        raise _Skip

    def __repr__(self) -> str:
        return "<failed>"


FAILED: Any = _Failed()
_RECIPIENT_NOTE = re.compile(r"^(?P<name>.*\S)\s*\((?P<note>[^()]{1,20})\)\s*$")
# "TM. Ủy ban nhân dân", "KT. Chủ tịch": an abbreviation of nd30.SigningAuthority, then whom it names.
_AUTHORITIES = "|".join(re.escape(m.value.rstrip(".")) for m in SigningAuthority)
MANDATE_TEXT = rf"^\s*({_AUTHORITIES})\.?\s+(\S.*)$"
_MANDATE_TEXT = re.compile(MANDATE_TEXT)


def block_args(tp: Any) -> tuple[type, ...] | None:
    """The block classes a type stands for (a block class or a union of them), or None."""
    if tp in BLOCK_TYPES:
        return (tp,)
    args = get_args(tp) if isinstance(tp, types.UnionType) or get_origin(tp) is Union else ()
    return args if args and all(a in BLOCK_TYPES for a in args) else None


def leaf_union(tp: Any) -> tuple[type, ...] | None:
    """The scalar types a union of them stands for (``bool | int``), or None."""
    args = get_args(tp) if isinstance(tp, types.UnionType) or get_origin(tp) is Union else ()
    return args if args and all(a in LEAF_TYPES for a in args) else None


def optional_arg(tp: Any) -> Any | None:
    """``X`` for ``X | None``; None for any other type."""
    args = get_args(tp) if isinstance(tp, types.UnionType) or get_origin(tp) is Union else ()
    if type(None) not in args:
        return None
    rest = tuple(a for a in args if a is not type(None))
    return rest[0] if len(rest) == 1 else Union[rest]  # noqa: UP007


def _attrs_value(a: attrs.Attribute) -> Any:
    default = a.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default.factory()  # type: ignore[attr-defined]
    return default


def _convert(a: attrs.Attribute, value: Any, instance: Any) -> Any:
    conv = a.converter
    if conv is None:
        return value
    if isinstance(conv, attrs.Converter):
        return conv.__call__(value, instance, a)  # type: ignore[call-arg]
    return conv(value)  # type: ignore[operator]


class Structurer:
    """Structures spec data into model objects, collecting every error and warning with its line.

    ``locate(path)`` gives the file and line of a path; ``text_start(path)`` the file line of the
    first line of a text value when its lines map one to one onto file lines (YAML ``|`` blocks).
    """

    def __init__(self, locate: Callable[[Path], tuple[str, int | None]],
                 text_start: Callable[[Path], int | None] = lambda _: None,
                 signers: Mapping[str, Any] | None = None, base: FilePath | None = None,
                 files: bool = True) -> None:
        self.locate = locate
        self.base = base  # the folder a relative file path (a signature image, a table's CSV) is read from
        self.files = files  # False: a spec sent to a server, which may name no file of the server's
        self.text_start = text_start
        self.signers = signers
        self.errors: list[Diagnostic] = []
        self.warnings: list[Diagnostic] = []
        self._lines: dict[Path, tuple[str, int | None]] = {}

    # ---- messages ------------------------------------------------------------------------

    def _where(self, path: Path) -> tuple[str, int | None]:
        for end in range(len(path), -1, -1):
            if path[:end] in self._lines:
                return self._lines[path[:end]]
        return self.locate(path)

    def error(self, path: Path, expected: str, found: str | None = None, *,
              line: int | None = None, note: str = "") -> None:
        source, where = self._where(path)
        message = f"expected {expected}" + (f"; found {found}" if found is not None else "")
        self.errors.append(Diagnostic(message, format_path(path), source, line or where, note))

    def warn(self, path: Path, message: str, *, line: int | None = None, note: str = "") -> None:
        source, where = self._where(path)
        self.warnings.append(Diagnostic(message, format_path(path), source, line or where, note,
                                        warning=True))

    def file(self, path: Path, value: str, what: str) -> FilePath | None:
        """The file a spec names (relative to :attr:`base`, else the working folder), or None with an
        error when this spec may name no file."""
        if not self.files:
            self.error(path, f"no file name: a spec sent to the server cannot name a {what} on its disk",
                       repr(value))
            return None
        return (self.base if self.base is not None else FilePath.cwd()) / value

    def field_error(self, path: Path, exc: FieldError) -> None:
        self.error((*path, *split_path(exc.path)), exc.expected, exc.found)

    # ---- dispatch on the type ------------------------------------------------------------

    def build(self, value: Any, tp: Any, path: Path) -> Any:
        """``value`` structured as ``tp``, or FAILED (with the errors recorded)."""
        inner = optional_arg(tp)
        if inner is not None:
            return None if value is None else self.build(value, inner, path)
        special = _SPECIAL.get(tp)
        if special is not None:
            return special(self, value, path)
        options = leaf_union(tp)
        if options is not None:  # the first type that takes the value ("draft: true" or "draft: 2")
            expected = []
            for option in options:
                try:
                    return converter.structure(value, option)
                except FieldError as exc:
                    expected.append(exc.expected)
            self.error(path, " or ".join(expected), describe(value))
            return FAILED
        kinds = block_args(tp)
        if kinds is not None:
            return self.block(value, kinds, path)
        if attrs.has(tp) and tp not in LEAF_TYPES:
            return self.attrs(value, tp, path)
        if get_origin(tp) is tuple:
            return self.sequence(value, get_args(tp)[0], path)
        try:
            return converter.structure(value, tp)
        except FieldError as exc:
            self.field_error(path, exc)
            return FAILED

    def sequence(self, value: Any, element: Any, path: Path) -> Any:
        kinds = block_args(element)
        if isinstance(value, str) and kinds is not None:
            return self.outline(value, kinds, path)
        if isinstance(value, str) and element in (*LINE_TYPES, Recipient):
            return self.lines(value, element, path)
        if ((element is Signature and isinstance(value, (str, Mapping)))
                or (element is Recipient and isinstance(value, Mapping))):
            value = [value]  # one signature (or recipient) stands for a list of one
        if not isinstance(value, list):
            what = "outline text or a list" if kinds else "a list"
            self.error(path, what, describe(value))
            return FAILED
        items = [self.build(v, element, (*path, i)) for i, v in enumerate(value)]
        return FAILED if any(i is FAILED for i in items) else tuple(items)

    def lines(self, value: str, element: Any, path: Path) -> Any:
        """One entry per non-blank line of ``value``."""
        start = self.text_start(path)
        source, _ = self._where(path)
        items = []
        for number, line in enumerate(value.split("\n"), 1):
            if not line.strip():
                continue
            here = (*path, len(items))
            if start is not None:
                self._lines[here] = (source, start + number - 1)
            items.append(self.build(line.strip(), element, here))
        return FAILED if any(i is FAILED for i in items) else tuple(items)

    def outline(self, value: str, kinds: tuple[type, ...], path: Path) -> Any:
        result = parse_outline(value, kinds, count_articles=Chapter in kinds)
        start = self.text_start(path)
        for note in (*result.errors, *result.warnings):
            full = (*path, *note.path)
            line, where = None, ""
            if start is not None:
                line = start + note.line - 1
            elif "\n" in value.strip():
                where = f"line {note.line} of the text"
            if note.error:
                message = note.message.removeprefix("expected ")
                found = None
                if "; found " in message:
                    message, found = message.split("; found ", 1)
                self.error(full, message, found, line=line, note=where)
            else:
                self.warn(full, note.message, line=line, note=where)
        return FAILED if result.errors else result.blocks

    def block(self, value: Any, kinds: tuple[type, ...], path: Path) -> Any:
        """A body block: a string is a paragraph; an object names its ``kind``."""
        names = ", ".join(k.kind for k in kinds)  # type: ignore[attr-defined]
        if isinstance(value, str):
            if model.Paragraph not in kinds:
                self.error(path, f"an object of kind {names}", "text")
                return FAILED
            if "\n" in value.strip("\n"):
                self.error(path, "one paragraph on one line (to write outline lines, give the whole "
                                 "block as one text instead of a list)", "a line break")
                return FAILED
            try:
                return model.Paragraph(parse_markup(_one_line(value)))
            except FieldError as exc:  # the string is the paragraph's text: report it at the string
                self.error(path, exc.expected, exc.found)
                return FAILED
        if not isinstance(value, Mapping):
            self.error(path, f"text or an object of kind {names}", describe(value))
            return FAILED
        kind = value.get(KIND_KEY)
        cls = BLOCKS_BY_KIND.get(kind) if isinstance(kind, str) else None
        if cls is None or cls not in kinds:
            close = difflib.get_close_matches(str(kind), [k.kind for k in kinds], n=1)  # type: ignore[attr-defined]
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            found = "nothing" if kind is None else describe(kind)
            self.error((*path, KIND_KEY), f"one of {names}{hint}", found)
            return FAILED
        if cls is model.Table:
            return read_table(self, value, path)
        return self.attrs(value, cls, path, ignore=(KIND_KEY,))

    def attrs(self, value: Any, cls: type, path: Path, ignore: tuple[str, ...] = ()) -> Any:
        """An attrs instance: each field structured and validated on its own, then the whole."""
        fields = attrs.fields(cls)
        if not isinstance(value, Mapping):
            self.error(path, f"an object with {', '.join(a.name for a in fields)}", describe(value))
            return FAILED
        before = len(self.errors)
        known = [a.name for a in fields]
        for key in value:
            if key not in known and key not in ignore:
                close = difflib.get_close_matches(str(key), known, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                self.error((*path, str(key)), f"one of the fields {', '.join(known)}{hint}",
                           "an unknown key")
        built: dict[str, Any] = {}
        for a in fields:
            if a.name in value:
                built[a.name] = self.build(value[a.name], a.type, (*path, a.name))
            elif a.default is attrs.NOTHING:
                self.error((*path, a.name), "a value (this field is required)", "nothing")
                built[a.name] = FAILED
        self._check_fields(cls, fields, built, path)
        if len(self.errors) > before:
            return FAILED
        try:
            return cls(**built)
        except FieldError as exc:
            self.field_error(path, exc)
        except (TypeError, ValueError) as exc:
            self.error(path, "a valid value", str(exc))
        return FAILED

    def _check_fields(self, cls: type, fields: tuple[attrs.Attribute, ...], built: dict[str, Any],
                      path: Path) -> None:
        """Run each field's converter and validator alone, then the class's cross-field check."""
        proxy = types.SimpleNamespace()
        for a in fields:
            setattr(proxy, a.name, built.get(a.name, FAILED) if a.name in built else _attrs_value(a))
        checked: list[attrs.Attribute] = []
        for a in fields:
            value = getattr(proxy, a.name)
            if value is FAILED:
                continue
            try:
                setattr(proxy, a.name, _convert(a, value, proxy))
                checked.append(a)
            except FieldError as exc:
                self.field_error(path, exc)
                setattr(proxy, a.name, FAILED)
            except (_Skip, TypeError, ValueError, AttributeError):
                setattr(proxy, a.name, FAILED)
        for a in checked:
            if a.validator is None:
                continue
            try:
                a.validator(proxy, a, getattr(proxy, a.name))
            except FieldError as exc:
                self.field_error(path, exc)
            except (_Skip, TypeError, ValueError, AttributeError):
                pass
        post_init = getattr(cls, "__attrs_post_init__", None)
        if post_init is not None:
            try:
                post_init(proxy)
            except FieldError as exc:
                if getattr(proxy, split_path(exc.path)[0], None) is not FAILED:
                    self.field_error(path, exc)
            except (_Skip, TypeError, ValueError, AttributeError):
                pass

    # ---- special forms -------------------------------------------------------------------

    def issue_date(self, value: Any, path: Path) -> Any:
        if isinstance(value, datetime.datetime):
            self.error(path, "a date without a time", describe(value))
            return FAILED
        try:
            if isinstance(value, datetime.date):  # YAML reads 2024-03-05 as a date
                return IssueDate(value.year, value.month, value.day)
            if isinstance(value, str):
                date = _date_from_text(value)
                if date is None:
                    self.error(path, DATE_EXPECTED, describe(value))
                    return FAILED
                return date
        except FieldError as exc:
            self.field_error(path, exc)
            return FAILED
        if isinstance(value, Mapping):
            return self.attrs(value, IssueDate, path)
        self.error(path, DATE_EXPECTED, describe(value))
        return FAILED

    def signature(self, value: Any, path: Path) -> Any:
        if not isinstance(value, str):
            return self.attrs(value, Signature, path)
        key = nfc(value).strip()
        if self.signers is None:
            self.error(path, "a signature {position, name, mandates} (a signer's key such as "
                             f"{key!r} needs a profile with signers)", describe(value))
            return FAILED
        if key not in self.signers:
            known = sorted(self.signers)
            close = difflib.get_close_matches(key, known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            options = ", ".join(known) if known else "none are defined"
            self.error(path, f"one of the profile's signers: {options}{hint}", describe(value))
            return FAILED
        signer = self.signers[key]
        if signer is FAILED:
            self.error(path, f"a valid signer (the profile's {key!r} has errors)", describe(value))
        return signer

    def mandate(self, value: Any, path: Path) -> Any:
        if not isinstance(value, str):
            return self.attrs(value, Mandate, path)
        match = _MANDATE_TEXT.match(value)
        if match is None:
            options = ", ".join(m.value for m in SigningAuthority)
            self.error(path, f'a quyền hạn and its holder, such as "TM. Ủy ban nhân dân" ({options})',
                       describe(value))
            return FAILED
        try:
            return Mandate(SigningAuthority(match[1] + "."), _one_line(match[2]).strip())
        except FieldError as exc:
            self.field_error(path, exc)
            return FAILED

    def recipient(self, value: Any, path: Path) -> Any:
        if isinstance(value, str):
            match = _RECIPIENT_NOTE.match(value.strip())
            try:
                if match:
                    return Recipient(match["name"], note=match["note"].strip())
                return Recipient(_one_line(value))
            except FieldError as exc:
                self.field_error(path, exc)
                return FAILED
        return self.attrs(value, Recipient, path)


_SPECIAL: dict[type, Callable[[Structurer, Any, Path], Any]] = {
    IssueDate: Structurer.issue_date,
    Signature: Structurer.signature,
    Mandate: Structurer.mandate,
    Recipient: Structurer.recipient,
    model.SignatureImage: signature_image,
}
