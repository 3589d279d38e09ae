"""What the web form, the HTTP API and the MCP tools do, without any web framework.

A spec arrives as parsed JSON. It may name a profile only by the name of one the server holds
(``profile: profiles/xa-hoang-kim.yaml`` is ``xa-hoang-kim``, so a spec saved by the form renders the
same with ``vbhc render`` beside ``examples/profiles/``), and no file at all (a signature image or a
table's CSV would be a file of the server's). Everything happens in memory: nothing is written to disk
but LibreOffice's own temporary files for a PDF or a page image, which its module removes.

Every refusal is a :class:`Problem`: an HTTP status, one sentence, and the same
:class:`~vbhc.diagnostics.Diagnostic` list as ``vbhc validate`` (field path, "expected ...; found ...").
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

import yaml
from attrs import frozen

from vbhc import model as m
from vbhc.diagnostics import Diagnostic
from vbhc.errors import VbhcError

__all__ = ["MAX_DOCX_BYTES", "MAX_SPEC_BYTES", "Problem", "ProfileInfo", "Service", "default_profiles",
           "diagnostic_dict", "outline_numbers", "version"]

MAX_SPEC_BYTES = 2 * 1024 * 1024  # a spec is a few kB; the plan's JSON is 25 kB
MAX_DOCX_BYTES = 20 * 1024 * 1024  # an upload to check or import (the CLI reads up to 256 MB from disk)
SOURCE = ""  # diagnostics name no file: the spec came over the network


class Problem(Exception):
    """A request refused: its HTTP ``status``, a ``message``, and the diagnostics behind it."""

    def __init__(self, status: int, message: str, diagnostics: Sequence[Diagnostic] = ()) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.diagnostics = list(diagnostics)

    def as_dict(self) -> dict[str, Any]:
        return {"error": self.message, "errors": [diagnostic_dict(d) for d in self.diagnostics
                                                  if not d.warning],
                "warnings": [diagnostic_dict(d) for d in self.diagnostics if d.warning]}


def diagnostic_dict(d: Diagnostic) -> dict[str, Any]:
    """A diagnostic as JSON: its field ``path``, ``message``, ``severity`` and the CLI's ``text``."""
    return {"path": d.path, "message": d.message + (f" ({d.note})" if d.note else ""),
            "severity": "warning" if d.warning else "error", "line": d.line, "text": str(d)}


@frozen
class ProfileInfo:
    """A commune profile the server holds: its name (the file's stem), file, issuer and signers."""

    name: str
    path: Path
    issuer: str
    signers: tuple[str, ...]
    data: Mapping[str, Any]


def version() -> str:
    """vbhc's version, as installed."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("vbhc")
    except PackageNotFoundError:
        return "unknown"


def default_profiles() -> Path | None:
    """The bundled profiles: ``vbhc/serve/profiles`` in an installed wheel, else the repository's
    ``examples/profiles``."""
    here = Path(__file__).resolve().parent
    for folder in (here / "profiles", here.parents[1] / "examples" / "profiles"):
        if folder.is_dir():
            return folder
    return None


def _profiles(folder: Path | None) -> dict[str, ProfileInfo]:
    out: dict[str, ProfileInfo] = {}
    if folder is None:
        return out
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".yaml", ".yml", ".json") or not path.is_file():
            continue
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        if not isinstance(data, Mapping):
            continue
        issuer = data.get("issuer", {})
        names = issuer.get("name", []) if isinstance(issuer, Mapping) else []
        signers = data.get("signers", {})
        out[path.stem] = ProfileInfo(path.stem, path, " ".join(map(str, names if isinstance(names, list)
                                                                        else [names])),
                                     tuple(map(str, signers)) if isinstance(signers, Mapping) else (),
                                     json.loads(json.dumps(data, default=str)))  # as the page gets it
    return out


def profile_name(ref: Any) -> str | None:
    """``profiles/xa-hoang-kim.yaml`` → ``xa-hoang-kim`` (a name, never a path)."""
    if not isinstance(ref, str) or not ref.strip():
        return None
    return PurePosixPath(PureWindowsPath(ref.strip()).name).stem


def outline_numbers(text: str) -> list[str]:
    """The number vbhc prints for each line of the body's outline ``text`` ("" for a line that starts
    no numbered block): the labels of :func:`vbhc.layout.document.body_lines`, in order. Nothing when
    the outline itself has errors."""
    from vbhc.layout.document import body_lines
    from vbhc.layout.line import Line
    from vbhc.nd30 import Level, numbering
    from vbhc.readers.spec.outline import parse_outline

    outline = parse_outline(text)
    if outline.errors:
        return []
    labels = iter([x.label for x in body_lines(outline.blocks) if isinstance(x, Line) and x.label])
    out = []
    waiting_title = False
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.rstrip()
        if not line.strip() or line[0] in " \t" or line.startswith("\\"):
            out.append("")
            continue
        label = numbering.parse(line.strip())
        if waiting_title and label is None:
            waiting_title = False
            out.append("")
            continue
        if label is None or label.level is Level.SUBITEM:
            out.append("")
            continue
        waiting_title = label.level in (Level.CHAPTER, Level.SECTION, Level.DIVISION) and not label.rest
        out.append(next(labels, ""))
    return out


class Service:
    """The operations, over the profiles in ``profiles`` (a folder; None: the bundled ones)."""

    def __init__(self, profiles: Path | None = None) -> None:
        self.profiles = _profiles(profiles if profiles is not None else default_profiles())

    # ---- specs ---------------------------------------------------------------------------

    def _read(self, spec: Any, profile: str | None = None) -> Any:
        from vbhc.pipeline import read_data

        if not isinstance(spec, Mapping):
            raise Problem(400, "expected the spec: a JSON object with the document's fields",
                          [Diagnostic(f"expected an object with the document's fields; found {_kind(spec)}",
                                      "", SOURCE)])
        data = dict(spec)
        data.pop("$schema", None)
        name = profile if profile is not None else profile_name(data.get("profile"))
        given = data.pop("profile", None)
        path = None
        if name is not None or given is not None:
            info = self.profiles.get(name or "")
            if info is None:
                known = ", ".join(self.profiles) or "none"
                raise Problem(422, "unknown profile", [Diagnostic(
                    f"expected one of this server's profiles ({known}); found {given or name!r}",
                    "profile", SOURCE)])
            path = info.path
        return read_data(data, SOURCE, path, files=False)

    def validate(self, spec: Any, profile: str | None = None) -> dict[str, Any]:
        """``{"valid", "errors", "warnings", "numbers"}``; ``numbers``: the body's computed numbering,
        one entry per line of its outline text (when the body is outline text)."""
        return self._validation(spec, profile)[1]

    def _validation(self, spec: Any, profile: str | None) -> tuple[m.Document | None, dict[str, Any]]:
        body = spec.get("body") if isinstance(spec, Mapping) else None
        numbers = outline_numbers(body) if isinstance(body, str) else []
        try:
            result = self._read(spec, profile)
        except Problem as exc:
            if exc.status != 422:
                raise
            return None, {"valid": False, **{k: v for k, v in exc.as_dict().items() if k != "error"},
                          "numbers": numbers}
        return result.document, {
            "valid": result.document is not None, "errors": [diagnostic_dict(d) for d in result.errors],
            "warnings": [diagnostic_dict(d) for d in result.warnings], "numbers": numbers}

    def document(self, spec: Any, profile: str | None = None) -> tuple[m.Document, Any, list[Diagnostic]]:
        """The spec's document, its profile's template (or None) and its warnings; a :class:`Problem`
        (422, every error) when it is not valid."""
        result = self._read(spec, profile)
        if result.document is None:
            raise Problem(422, "the spec has errors", [*result.errors, *result.warnings])
        return result.document, result.template, result.warnings

    def render(self, spec: Any, profile: str | None = None, fmt: str = "docx") -> bytes:
        """The .docx (or, with LibreOffice, .pdf) of the spec: the bytes ``vbhc render`` writes."""
        from vbhc.pipeline import render_bytes

        document, template, _ = self.document(spec, profile)
        data = render_bytes(document, template)
        if fmt == "docx":
            return data
        if fmt == "pdf":
            return self._pdf(data, document)
        raise Problem(400, f"expected format docx or pdf; found {fmt!r}")

    def _pdf(self, docx: bytes, document: m.Document) -> bytes:
        writer = _pdf_writer()
        title = document.summary.plain if document.summary else document.type.type_name
        try:
            return writer.docx_to_pdf(docx, title=title, author=" ".join(document.issuer.name))
        except VbhcError as exc:
            raise _converter_problem(exc) from None

    def page_png(self, spec: Any, profile: str | None = None, page: int = 1) -> bytes:
        """Page ``page`` of the rendered spec as a PNG (LibreOffice)."""
        from vbhc.pipeline import render_bytes

        document, template, _ = self.document(spec, profile)
        writer = _pdf_writer()
        try:
            return writer.page_png(render_bytes(document, template), page)
        except VbhcError as exc:
            raise _converter_problem(exc) from None

    def preview(self, spec: Any, profile: str | None = None) -> dict[str, Any]:
        """The validation, plus ``html``: the layout as HTML pages (:mod:`vbhc.serve.preview`)."""
        from vbhc.serve.preview import preview_html

        document, out = self._validation(spec, profile)
        if document is not None:
            out["html"] = preview_html(document)
        return out

    def yaml_text(self, spec: Any) -> str:
        """The spec as YAML (the form's "save"), with the schema link editors use."""
        if not isinstance(spec, Mapping):
            raise Problem(400, "expected the spec: a JSON object")
        head = "# yaml-language-server: $schema=../schema/vbhc.schema.json\n"
        return head + yaml.safe_dump(dict(spec), allow_unicode=True, sort_keys=False, width=110)

    def parse_yaml(self, text: str) -> dict[str, Any]:
        """A spec file's text (YAML or JSON) as data, or a :class:`Problem` naming the line."""
        from vbhc.errors import SpecError
        from vbhc.readers.spec.source import parse_text

        fmt = "json" if text.lstrip().startswith("{") else "yaml"
        try:
            data = parse_text(text, fmt, "spec").data
        except SpecError as exc:
            raise Problem(422, str(exc)) from None
        if not isinstance(data, Mapping):
            raise Problem(422, f"expected an object with the document's fields; found {_kind(data)}")
        return dict(data)

    # ---- .docx in ------------------------------------------------------------------------

    def check(self, data: bytes, name: str = "document.docx", fix: bool = False
              ) -> tuple[dict[str, Any], bytes | None]:
        """``vbhc check``'s JSON report of an uploaded .docx, and the fixed copy when ``fix``."""
        from vbhc.check.fix import check_and_fix
        from vbhc.errors import ConverterMissing
        from vbhc.libreoffice import ConversionError
        from vbhc.ooxml.package import DocxReadError

        try:
            report, fixed = check_and_fix(data, _safe_name(name), "fixed.docx" if fix else None)
        except DocxReadError as exc:
            raise Problem(422, f"not a .docx vbhc can read: {exc}") from None
        except ConverterMissing as exc:  # a .doc, .rtf or .odt, and no LibreOffice to convert it
            raise Problem(501, str(exc)) from None
        except ConversionError as exc:  # one LibreOffice could not convert (damaged, too slow)
            raise Problem(422, str(exc)) from None
        out = report.as_dict()
        out["groups"] = _groups(report)
        return out, fixed

    def import_docx(self, data: bytes, name: str = "document.docx", profile: str | None = None
                    ) -> dict[str, Any]:
        """The spec an uploaded .docx gives (``vbhc import``), its YAML and the import's diagnostics."""
        try:
            from vbhc.pipeline import import_document  # type: ignore[attr-defined]
        except ImportError:
            raise Problem(501, "import is not available in this version of vbhc "
                               "(vbhc.pipeline.import_document is missing)") from None
        from vbhc.errors import ConverterMissing

        info = self.profiles.get(profile) if profile else None
        try:
            result = import_document(data, name=_safe_name(name), profile=info.path if info else None)
        except VbhcError as exc:
            raise Problem(501 if isinstance(exc, ConverterMissing) else 422, str(exc)) from None
        diagnostics = [diagnostic_dict(d) if isinstance(d, Diagnostic) else {"message": str(d)}
                       for d in getattr(result, "diagnostics", [])]
        return {"spec": result.spec, "yaml": result.yaml, "diagnostics": diagnostics}

    # ---- the schema ----------------------------------------------------------------------

    @staticmethod
    @functools.cache
    def schema() -> dict[str, Any]:
        from vbhc.readers.spec.schema import spec_schema

        return spec_schema()


def _pdf_writer() -> Any:
    try:
        from vbhc.writers import pdf  # type: ignore[attr-defined]
    except ImportError:
        raise Problem(501, "PDF and page images are not available in this version of vbhc "
                           "(vbhc.writers.pdf is missing)") from None
    return pdf


def _converter_problem(exc: Exception) -> Problem:
    """501 when LibreOffice (or pdftoppm) is not installed; 502 when it ran and gave nothing (a page
    past the last, a damaged file, its own time limit)."""
    from vbhc import errors

    missing = getattr(errors, "ConverterMissing", ())
    return Problem(501 if isinstance(exc, missing) else 502, str(exc))


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", type(None): "nothing"}.get(type(value),
                                                                                     type(value).__name__)


def _safe_name(name: str) -> str:
    """A file name shown in a report: its last part, printable characters only."""
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    base = re.sub(r"[^\w .()-]", "_", base)[:100]
    return base or "document.docx"


def _groups(report: Any) -> list[dict[str, Any]]:
    """The findings grouped as the text report groups them (by component)."""
    from vbhc.check.report import grouped
    from vbhc.check.rules import COMPONENTS

    return [{"component": key, "title": COMPONENTS.get(key, key), "findings": [f.as_dict() for f in found]}
            for key, found in grouped(report)]


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
