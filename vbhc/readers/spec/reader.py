"""Spec readers: JSON, YAML or Python files into one :class:`~vbhc.model.Document`.

JSON and YAML are data: they are parsed, never evaluated (:mod:`vbhc.readers.spec.source`). A ``.py``
spec is code the user chose to run; it must define ``document`` (:mod:`vbhc.readers.spec.python`).

Data is structured field by field from the model's type hints (:mod:`vbhc.readers.spec.structure`),
through a cattrs converter with strict scalar hooks (``"5"`` is not a number, ``5`` is not a text).
Every field is structured and validated on its own, so one bad field does not hide the others: every
error is reported at once, each with its field path, what was expected, what was found and its line in
the file. Unknown keys are errors (with "did you mean"). Block lists (``body``, ``preamble``,
``children``) also take outline text (:mod:`vbhc.readers.spec.outline`), and a commune profile fills the
fields a spec leaves out (:mod:`vbhc.readers.spec.profile`). What the decree frowns on but an author may
intend is a warning (:mod:`vbhc.readers.spec.warnings`). This module ties them together: :func:`read`,
:func:`validate`, :func:`load`, :func:`structure` and :func:`unstructure`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path as FilePath
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from vbhc.diagnostics import Diagnostic, Path, SpecProblems, diagnostics_of, format_path
from vbhc.errors import FieldError, SpecError
from vbhc.model import BLOCK_TYPES, Document, IssueDate
from vbhc.model import document as model
from vbhc.model.table import Align
from vbhc.model.text import Text
from vbhc.nd30 import CopyKind, DocumentType, Secrecy, SigningAuthority, Urgency
from vbhc.readers.spec.bases import legal_bases_from_text
from vbhc.readers.spec.markup import to_markup
from vbhc.readers.spec.profile import (
    SPEC_META_KEYS,
    Profile,
    TemplateCheck,
    merge,
    printed_fields,
    profile_fields,
    read_profile,
)
from vbhc.readers.spec.python import load_python
from vbhc.readers.spec.source import MAX_FILE_BYTES, Parsed, read_file, read_text
from vbhc.readers.spec.structure import FAILED, KIND_KEY, Structurer, describe
from vbhc.readers.spec.warnings import document_warnings

if TYPE_CHECKING:
    from vbhc.readers.spec.rows import Row

__all__ = ["MAX_SPEC_BYTES", "SPEC_SUFFIXES", "Validation", "load", "read", "read_row", "structure",
           "structure_data", "unstructure", "validate"]

MAX_SPEC_BYTES = MAX_FILE_BYTES
SPEC_SUFFIXES = (".json", ".yaml", ".yml", ".py")


# --------------------------------------------------------------------------------------------
# Loading files


class Validation(NamedTuple):
    """The result of reading a spec: the document (None on errors), the errors, the warnings, the
    template a profile names (None for the built-in one), and where a field path is written (file
    and line, for warnings found later, such as a header line too wide for its column)."""

    document: Document | None
    errors: list[Diagnostic]
    warnings: list[Diagnostic]
    template: FilePath | None = None
    locate: Callable[[Path], tuple[str, int | None]] | None = None


def _sorted(diagnostics: list[Diagnostic], first: str) -> list[Diagnostic]:
    return sorted(diagnostics, key=lambda d: (d.source != first, d.source, d.line or 0))


def _read_python(path: FilePath, profile: str | FilePath | None) -> Validation:
    if profile is not None:
        return Validation(None, [Diagnostic("a profile applies to JSON and YAML specs, not to a .py "
                                            "spec (build the document in Python)", "", str(path))], [])
    try:
        read_text(path)  # the same existence, size and encoding checks as data specs
        document = load_python(path)
    except SpecError as exc:
        return Validation(None, diagnostics_of(exc), [])
    warnings: list[Diagnostic] = []

    def warn(p: Path, m: str) -> None:
        warnings.append(Diagnostic(m, format_path(p), str(path), warning=True))

    try:
        document = legal_bases_from_text(document, warn)
    except FieldError as exc:  # the bases moved make a document the model refuses (its size)
        return Validation(None, [Diagnostic(f"expected {exc.expected}; found {exc.found}", exc.path,
                                            str(path))], warnings)
    document_warnings(document, warn)
    return Validation(document, [], warnings, locate=lambda _: (str(path), None))


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
        return Validation(None, diagnostics_of(exc), [])
    return _structure_file(spec, path, profile, template_problems)


def read_row(spec: Parsed, path: str | FilePath, row: Row, profile: str | FilePath | None = None, *,
             template_problems: TemplateCheck | None = None,
             profiles: dict[FilePath, Profile] | None = None) -> Validation:
    """The spec ``spec`` (parsed from ``path``, read once for a whole batch) with one data row's values
    applied (:mod:`vbhc.readers.spec.rows`); errors in the row's values name the row and field path. The
    row's ``profile`` (relative to the data file's folder) wins over ``profile`` and the spec's own;
    ``profiles`` keeps the profiles read so far, for the next rows."""
    if row.profile is not None:
        profile = row.folder / row.profile
    return _structure_file(spec, FilePath(path), profile, template_problems, row, profiles)


def _structure_file(spec: Parsed, path: FilePath, profile_arg: str | FilePath | None,
                    template_problems: TemplateCheck | None = None, row: Row | None = None,
                    profiles: dict[FilePath, Profile] | None = None, *,
                    files: bool = True) -> Validation:
    errors: list[Diagnostic] = []
    data = spec.data
    if not isinstance(data, Mapping):
        errors.append(Diagnostic("expected an object with the document's fields; found "
                                 f"{describe(data)}", "", spec.source, 1 if data is not None else None))
        return Validation(None, errors, [])
    prof: Profile | None = None
    if profile_arg is not None:
        prof = read_profile(str(profile_arg), FilePath.cwd(), spec, errors, profiles)
    elif "profile" in data:
        prof = read_profile(data["profile"], path.parent, spec, errors, profiles)
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

    row_paths = {p for p, _ in row.values} if row is not None else set()

    def locate(p: Path) -> tuple[str, int | None]:
        if row is not None and any(p[:end] in row_paths for end in range(len(p) + 1)):
            return row.source, None
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
        signers, template, profile_data, found = profile_fields(prof, template_problems)
        errors += found

    kind = dict(row.values).get(("type",), own.get("type")) if row is not None else own.get("type")
    merged = merge(printed_fields(profile_data, kind), own)
    if row is not None:
        from vbhc.readers.spec.rows import RowProblem, apply_row  # a batch's rows only: not at start-up

        raw_signers = prof.parsed.data.get("signers") if prof is not None else None
        try:
            merged = apply_row(merged, row, raw_signers if isinstance(raw_signers, Mapping) else {})
        except RowProblem as exc:
            errors.append(Diagnostic(f"expected {exc.expected}; found {exc.found}", format_path(exc.path),
                                     row.source))
            return Validation(None, errors, [])
    structurer = Structurer(locate, text_start, signers, path.parent, files=files)
    document = structurer.build(merged, Document, ())
    errors += structurer.errors
    warnings = structurer.warnings
    if document is not FAILED and not errors:
        try:
            document = legal_bases_from_text(document, structurer.warn)
        except FieldError as exc:  # the bases moved make a document the model refuses (its size)
            structurer.field_error((), exc)
            errors += structurer.errors[-1:]
            document = None
        else:
            document_warnings(document, structurer.warn)
    else:
        document = None
    return Validation(document, _sorted(errors, spec.source), _sorted(warnings, spec.source), template,
                      locate)


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


def structure_data(data: Any, source: str = "<spec>", profile: str | FilePath | None = None, *,
                   template_problems: TemplateCheck | None = None, files: bool = True) -> Validation:
    """Read parsed spec data (dicts, lists, strings, numbers) as :func:`read` reads a file, with
    ``profile`` (a path) under it; never raises on bad content. ``files=False`` refuses a spec that
    names a file (a signature image, a table's CSV): a spec sent to a server names no file of the
    server's."""
    return _structure_file(Parsed(source, data), FilePath(source), profile, template_problems, files=files)


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
        if isinstance(value, (DocumentType, SigningAuthority, Secrecy, Urgency, CopyKind, Align)):
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
