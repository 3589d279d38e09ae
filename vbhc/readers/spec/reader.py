"""Spec readers: JSON, YAML or Python files into one :class:`~vbhc.model.Document`.

JSON and YAML are data: they are parsed, never evaluated (:mod:`vbhc.readers.spec.source`). A ``.py``
spec is code the user chose to run; it must define ``document``.

Data is structured field by field from the model's type hints, through a cattrs converter with strict
scalar hooks (``"5"`` is not a number, ``5`` is not a text). Every field is structured and validated
on its own, so one bad field does not hide the others: every error is reported at once, each with
its field path, what was expected, what was found and its line in the file. Unknown keys are errors
(with "did you mean"). Block lists (``body``, ``preamble``, ``children``) also take outline text
(:mod:`vbhc.readers.spec.outline`), and a commune profile fills the fields a spec leaves out
(:mod:`vbhc.readers.spec.profile`).
"""

from __future__ import annotations

import datetime
import difflib
import json
import re
import runpy
import types
from collections.abc import Callable, Mapping
from pathlib import Path as FilePath
from typing import Any, NamedTuple, Union, get_args, get_origin

import attrs
import cattrs

from vbhc.diagnostics import Diagnostic, Path, SpecProblems, format_path, split_path
from vbhc.errors import FieldError, SpecError
from vbhc.model import BLOCK_TYPES, Chapter, Document, IssueDate, Mandate, Recipient, Signature
from vbhc.model import document as model
from vbhc.model.text import Span, Text, nfc
from vbhc.nd30 import (
    LEGAL_BASIS_LAST_END,
    LEGAL_BASIS_LINE_END,
    DocumentType,
    Secrecy,
    SigningAuthority,
    Urgency,
)
from vbhc.readers.spec.images import signature_image
from vbhc.readers.spec.markup import parse_markup, to_markup
from vbhc.readers.spec.outline import parse_outline
from vbhc.readers.spec.profile import PROFILE_FIELDS, PROFILE_ONLY_KEYS, SPEC_META_KEYS, merge
from vbhc.readers.spec.source import MAX_FILE_BYTES, Parsed, parse_text, read_file, read_text

__all__ = ["KIND_KEY", "MAX_SPEC_BYTES", "SPEC_SUFFIXES", "Validation", "converter", "load", "parse_text",
           "read", "read_text", "structure", "unstructure", "validate"]

MAX_SPEC_BYTES = MAX_FILE_BYTES
SPEC_SUFFIXES = (".json", ".yaml", ".yml", ".py")
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

# Objects are structured field by field by Structurer (so that every error is found); the converter
# structures the leaves, strictly.
converter = cattrs.Converter()
converter.register_structure_hook(str, _strict_str)
converter.register_structure_hook(int, _strict_int)
converter.register_structure_hook(bool, _strict_bool)
converter.register_structure_hook(Text, _text)
for _enum in (DocumentType, SigningAuthority, Secrecy, Urgency):
    converter.register_structure_hook(_enum, _choice(_enum))
# Types structured by the hooks above (Text is an attrs class, but a spec writes it as text).
LEAF_TYPES: tuple[type, ...] = (str, int, bool, Text, DocumentType, SigningAuthority, Secrecy, Urgency)


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
                 signers: Mapping[str, Any] | None = None, base: FilePath | None = None) -> None:
        self.locate = locate
        self.base = base  # the folder a relative file path (a signature image) is read from
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


# --------------------------------------------------------------------------------------------
# Warnings: what the decree frowns on but an author may intend


def document_warnings(document: Document, warn: Callable[[Path, str], None]) -> None:
    """Warn about a missing Lưu line and căn cứ lines without their final ";" or "."."""
    if document.archive is None:
        warn(("archive",), 'no "Lưu: VT" line: Decree 30 ends Nơi nhận with it (PL I, II.9.d); '
                           "leave archive out (or {}) to print \"Lưu: VT.\"")
    bases = document.legal_bases
    for i, basis in enumerate(bases):
        end = LEGAL_BASIS_LAST_END if i == len(bases) - 1 else LEGAL_BASIS_LINE_END
        plain = basis.plain.rstrip()
        if not plain.endswith(end):
            which = "the last căn cứ" if end == LEGAL_BASIS_LAST_END else "a căn cứ other than the last"
            warn(("legal_bases", i), f'{which} ends with "{end}" (PL I, II.6.a); this one ends with '
                                     f'"{plain[-1:]}", and vbhc prints "{end}" instead')


# --------------------------------------------------------------------------------------------
# Loading files


TemplateCheck = Callable[[FilePath], list[str]]  # why a template is refused, one line each


class Validation(NamedTuple):
    """The result of reading a spec: the document (None on errors), the errors, the warnings, the
    template a profile names (None for the built-in one), and where a field path is written (file
    and line, for warnings found later, such as a header line too wide for its column)."""

    document: Document | None
    errors: list[Diagnostic]
    warnings: list[Diagnostic]
    template: FilePath | None = None
    locate: Callable[[Path], tuple[str, int | None]] | None = None


def _from_spec_error(exc: SpecError) -> list[Diagnostic]:
    if isinstance(exc, SpecProblems):
        return list(exc.diagnostics)
    if exc.detail:
        return [Diagnostic(exc.detail, "", exc.source)]
    return [Diagnostic(f"expected {e.expected}" + (f"; found {e.found}" if e.found is not None else ""),
                       e.path, exc.source) for e in exc.errors]


def _sorted(diagnostics: list[Diagnostic], first: str) -> list[Diagnostic]:
    return sorted(diagnostics, key=lambda d: (d.source != first, d.source, d.line or 0))


def _load_python(path: FilePath) -> Document:
    source = str(path)
    try:
        namespace = runpy.run_path(str(path), run_name="__vbhc_spec__")
    except FieldError as exc:
        raise SpecError(source, [exc]) from None
    except SpecError:
        raise
    except (Exception, SystemExit) as exc:  # the user's code: report where it failed, in one line
        tb = exc.__traceback__
        line = None
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == str(path):
                line = tb.tb_lineno
            tb = tb.tb_next
        where = f"{source}:{line}" if line else source
        if isinstance(exc, SystemExit):  # sys.exit() must not end vbhc, let alone with status 0
            raise SpecError(where, message=f"the spec called sys.exit({exc.code!r}); a .py spec defines "
                                           "`document` and does not exit") from None
        raise SpecError(where, message=f"{type(exc).__name__}: {exc}") from None
    document = namespace.get("document")
    if not isinstance(document, Document):
        found = "nothing" if document is None else type(document).__name__
        raise SpecError(source, [FieldError("document", "a vbhc.Document named `document`", found)])
    return document


def _read_python(path: FilePath, profile: str | FilePath | None) -> Validation:
    if profile is not None:
        return Validation(None, [Diagnostic("a profile applies to JSON and YAML specs, not to a .py "
                                            "spec (build the document in Python)", "", str(path))], [])
    try:
        read_text(path)  # the same existence, size and encoding checks as data specs
        document = _load_python(path)
    except SpecError as exc:
        return Validation(None, _from_spec_error(exc), [])
    warnings: list[Diagnostic] = []
    document_warnings(document, lambda p, m: warnings.append(
        Diagnostic(m, format_path(p), str(path), warning=True)))
    return Validation(document, [], warnings, locate=lambda _: (str(path), None))


class _Profile(NamedTuple):
    parsed: Parsed
    folder: FilePath


def _read_profile(ref: Any, base: FilePath, spec: Parsed, out: list[Diagnostic]) -> _Profile | None:
    """The profile file ``ref`` (relative to ``base``), or None with the problem added to ``out``."""
    if not isinstance(ref, str) or not ref.strip():
        out.append(Diagnostic(f"expected the profile's file name (text); found {describe(ref)}",
                              "profile", spec.source, spec.line_of(("profile",))))
        return None
    path = base / ref
    try:
        parsed = read_file(path, "profile")
    except SpecError as exc:
        out.extend(_from_spec_error(exc))
        return None
    if not isinstance(parsed.data, Mapping):
        out.append(Diagnostic(f"expected an object with {', '.join(PROFILE_FIELDS)}; found "
                              f"{describe(parsed.data)}", "", parsed.source, 1))
        return None
    return _Profile(parsed, path.parent)


def read(path: str | FilePath, profile: str | FilePath | None = None, *,
         template_problems: TemplateCheck | None = None) -> Validation:
    """Read and validate a spec (.json, .yaml, .yml or .py) without raising on bad content.

    ``profile`` (a path relative to the working folder) overrides the spec's own ``profile`` key. The
    profile's template is only found here; ``template_problems`` (:func:`vbhc.pipeline.template_problems`)
    says why it is refused, each line an error on the profile's ``template`` field.
    """
    path = FilePath(path)
    suffix = path.suffix.lower()
    if suffix not in SPEC_SUFFIXES:
        return Validation(None, [Diagnostic(f"unknown spec format {suffix or '(none)'!r}; use one of "
                                            f"{', '.join(SPEC_SUFFIXES)}", "", str(path))], [])
    if suffix == ".py":
        return _read_python(path, profile)
    try:
        spec = read_file(path)
    except SpecError as exc:
        return Validation(None, _from_spec_error(exc), [])
    return _structure_file(spec, path, profile, template_problems)


def _structure_file(spec: Parsed, path: FilePath, profile_arg: str | FilePath | None,
                    template_problems: TemplateCheck | None = None) -> Validation:
    errors: list[Diagnostic] = []
    data = spec.data
    if not isinstance(data, Mapping):
        errors.append(Diagnostic("expected an object with the document's fields; found "
                                 f"{describe(data)}", "", spec.source, 1 if data is not None else None))
        return Validation(None, errors, [])
    prof: _Profile | None = None
    if profile_arg is not None:
        prof = _read_profile(str(profile_arg), FilePath.cwd(), spec, errors)
    elif "profile" in data:
        prof = _read_profile(data["profile"], path.parent, spec, errors)
    if errors:
        return Validation(None, errors, [])
    own = {k: v for k, v in data.items() if k not in SPEC_META_KEYS}

    def from_profile(p: Path) -> bool:
        """True when the value at ``p`` comes from the profile (the spec does not set it)."""
        node: Any = own
        for step in p:
            if not isinstance(node, Mapping):
                return False
            if step not in node:
                return True
            node = node[step]
        return False

    def locate(p: Path) -> tuple[str, int | None]:
        for end in range(len(p), -1, -1):
            prefix = p[:end]
            if prof is not None and from_profile(prefix):
                line = prof.parsed.lines.get(prefix)
                if line is not None:
                    return prof.parsed.source, line
            elif prefix in spec.lines:
                return spec.source, spec.lines[prefix]
        return spec.source, None

    def text_start(p: Path) -> int | None:
        return spec.text_starts.get(p)

    for parsed in [spec] + ([prof.parsed] if prof else []):
        for dup, line, first in parsed.duplicates:
            errors.append(Diagnostic(f"expected each key once; found {format_path(dup)!r} again (first "
                                     f"on line {first})", format_path(dup), parsed.source, line))

    signers: dict[str, Any] | None = None
    template: FilePath | None = None
    profile_data: dict[str, Any] = {}
    if prof is not None:
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
        template = _profile_template(prof, checker, template_problems)
        errors += checker.errors
        profile_data = {k: v for k, v in prof.parsed.data.items() if k in PROFILE_FIELDS}

    merged = merge(profile_data, own)
    structurer = Structurer(locate, text_start, signers, path.parent)
    document = structurer.build(merged, Document, ())
    errors += structurer.errors
    warnings = structurer.warnings
    if document is not FAILED and not errors:
        document_warnings(document, structurer.warn)
    else:
        document = None
    return Validation(document, _sorted(errors, spec.source), _sorted(warnings, spec.source), template,
                      locate)


def _profile_template(prof: _Profile, checker: Structurer, problems: TemplateCheck | None) -> FilePath | None:
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


def validate(path: str | FilePath, profile: str | FilePath | None = None
             ) -> tuple[Document | None, list[Diagnostic], list[Diagnostic]]:
    """``(document or None, errors, warnings)`` for a spec file; never raises on bad input."""
    result = read(path, profile)
    return result.document, result.errors, result.warnings


def load(path: str | FilePath, profile: str | FilePath | None = None) -> Document:
    """Load a spec file (.json, .yaml, .yml or .py) into a validated Document.

    Raises :class:`~vbhc.errors.SpecError` (a :class:`~vbhc.diagnostics.SpecProblems` listing every
    error) when the spec has errors; warnings are not raised (see :func:`validate`).
    """
    result = read(path, profile)
    if result.document is None:
        raise SpecProblems(str(path), result.errors, result.warnings)
    return result.document


def structure(data: Any, source: str = "<spec>") -> Document:
    """A Document from parsed spec data (dicts, lists, strings, numbers), or a SpecError."""
    result = _structure_file(Parsed(source, data), FilePath(source), None)
    if result.document is None:
        raise SpecProblems(source, result.errors, result.warnings)
    return result.document


# --------------------------------------------------------------------------------------------
# Back to data


def unstructure(document: Document) -> dict[str, Any]:
    """Plain data for ``document`` that :func:`structure` reads back into an equal Document."""

    def plain(value: Any) -> Any:
        if isinstance(value, Text):
            return to_markup(value)
        if isinstance(value, (DocumentType, SigningAuthority, Secrecy, Urgency)):
            return value.value
        if isinstance(value, model.SignatureImage):
            return value.source
        if isinstance(value, IssueDate):
            return {k: v for k, v in attrs.asdict(value).items() if v is not None}
        if isinstance(value, model.Paragraph):
            return to_markup(value.text)
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
