"""The ``vbhc`` command line.

Exit status: 0 on success, 2 on bad input (spec, profile, template, arguments) or a file that cannot
be read or written (standard output included), 1 on an unexpected failure. Bad input is reported in
one line per problem (``file:line: field: expected ...; found ...``), without a traceback, and no
output file is created or changed. Warnings go to stderr too, prefixed ``vbhc: warning:``; they never
change the exit status.

Owns: the commands' arguments, exit statuses and messages (``check`` is ``vbhc check``'s). It may use
any layer, but must not import the readers, the writers or the checker at module level: each command
imports what it needs when it runs, so ``vbhc render`` never imports the checker.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vbhc.cli import check, serve
from vbhc.errors import FieldError, FileError, SpecError, TemplateError, VbhcError
from vbhc.fileio import check_output, write_file, write_stdout

if TYPE_CHECKING:
    from vbhc.diagnostics import Diagnostic

# Each command imports what it needs when it runs (``vbhc render`` never imports the checker), and
# its arguments are added only when it is the command asked for, so ``vbhc --help`` imports none of
# the model, lxml, PyYAML or cattrs.

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


def _error(message: str) -> None:
    print(f"vbhc: error: {message}", file=sys.stderr)


def _warning(message: str) -> None:
    print(f"vbhc: warning: {message}", file=sys.stderr)


def _report(errors: Sequence[Diagnostic], warnings: Sequence[Diagnostic]) -> None:
    for e in errors:
        _error(str(e))
    for w in warnings:
        _warning(str(w))


def _same_file(a: Path, b: str | Path) -> bool:
    return a.resolve() == Path(b).resolve()


def _cmd_render(args: argparse.Namespace) -> int:
    from vbhc.pipeline import read, render

    output = Path(args.output) if args.output else Path(args.spec).with_suffix(".docx")
    check_output(output, (".docx",))
    if _same_file(output, args.spec):
        raise SpecError(str(output), message="the output would overwrite the spec")
    if args.template and _same_file(output, args.template):
        raise SpecError(str(output), message="the output would overwrite the template")
    if args.form:
        return _render_form(args, output)
    converter = _converter(args, output)
    result = read(args.spec, profile=args.profile, template=args.template)
    _report(result.errors, result.warnings)
    if result.document is None:
        return EXIT_BAD_INPUT
    if result.template and _same_file(output, result.template):
        raise SpecError(str(output), message="the output would overwrite the profile's template")
    data = io.BytesIO()
    render(result.document, data, template=args.template or result.template)
    files = [(output, data.getvalue())]
    if converter is not None:
        files += _pdf_files(converter, result.document, data.getvalue(), output, args.pdf, args.preview)
    for path, content in files:
        write_file(path, content)
        write_stdout(f"{path}\n")
    return EXIT_OK


def _converter(args: argparse.Namespace, output: Path) -> Any:
    """A converter for ``--pdf`` and ``--preview`` (None without them), after their outputs are checked:
    a missing LibreOffice or pdftoppm is said before any work."""
    if not (args.pdf or args.preview):
        return None
    if args.pdf:
        check_output(output.with_suffix(".pdf"), (".pdf",), "PDF")
    if args.preview:
        check_output(args.preview, (".png",), "preview")
        if _same_file(Path(args.preview), output):
            raise SpecError(args.preview, message="the preview would overwrite the .docx")
    import shutil

    from vbhc.errors import ConverterMissing
    from vbhc.writers.pdf import Converter

    if args.preview and shutil.which("pdftoppm") is None:
        raise ConverterMissing("pdftoppm")
    return Converter()


def _pdf_files(converter: Any, document: Any, docx: bytes, output: Path, pdf: bool, preview: str | None
               ) -> list[tuple[Path, bytes]]:
    """OUT.pdf beside OUT.docx and the preview PNG of page 1, from one LibreOffice run."""
    from vbhc.writers.docx.writer import document_title
    from vbhc.writers.pdf import pdf_page_png

    with converter:
        data = converter.pdf(docx, title=document_title(document), author=" ".join(document.issuer.name))
    out = [(output.with_suffix(".pdf"), data)] if pdf else []
    if preview:
        out.append((Path(preview), pdf_page_png(data, 1)))
    return out


def _render_form(args: argparse.Namespace, output: Path) -> int:
    """``vbhc render SPEC --form FORM.docx``: the office's form filled with the spec's variables."""
    from vbhc.pipeline import read
    from vbhc.writers.form import fill_form, read_form

    if args.template:
        raise SpecError("--template", message="a form carries its own look: give --form or --template, "
                                              "not both")
    if args.pdf or args.preview:
        raise SpecError("--form", message="--pdf and --preview are not available with --form")
    if _same_file(output, args.form):
        raise SpecError(str(output), message="the output would overwrite the form")
    form = read_form(args.form)  # refused before the spec is read: nothing else is worth doing then
    result = read(args.spec, profile=args.profile)
    _report(result.errors, result.warnings)
    if result.document is None:
        return EXIT_BAD_INPUT
    write_file(output, fill_form(result.document, form))
    write_stdout(f"{output}\n")
    return EXIT_OK


def _cmd_copy(args: argparse.Namespace) -> int:
    """A paper copy of SOURCE.docx with the copy block SPEC describes (PL III, Mẫu 3.1)."""
    from vbhc.fileio import read_bytes
    from vbhc.limits import MAX_ARCHIVE_BYTES
    from vbhc.readers.spec.copy import read_copy
    from vbhc.writers.docx.writer import render_copy_bytes

    output = Path(args.output)
    check_output(output, (".docx",))
    for given in (args.source, args.spec, *([args.template] if args.template else [])):
        if _same_file(output, given):
            raise SpecError(str(output), message=f"the output would overwrite {given}")
    copy = read_copy(args.spec, profile=args.profile)
    source = read_bytes(args.source, MAX_ARCHIVE_BYTES, "source")
    write_file(output, render_copy_bytes(source, copy, template=args.template))
    write_stdout(f"{output}\n")
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    from vbhc.pipeline import read

    result = read(args.spec, profile=args.profile)
    _report(result.errors, result.warnings)
    if result.document is None:
        return EXIT_BAD_INPUT
    count = len(result.warnings)
    write_stdout(f"{args.spec}: valid" + (f" ({count} warning{'s' if count > 1 else ''})" if count else "")
                 + "\n")
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    import json

    from vbhc.readers.spec.schema import profile_schema, spec_schema

    if args.output:
        check_output(args.output, (".json",), "schema file")
    schema = profile_schema() if args.profile else spec_schema()
    text = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    if args.output:
        write_file(args.output, text.encode("utf-8"))
    else:
        write_stdout(text)
    return EXIT_OK


def _cmd_new(args: argparse.Namespace) -> int:
    from vbhc.readers.spec.starters import StarterError, starter

    if args.output:
        check_output(args.output, (".yaml", ".yml"), "starter spec (YAML)")
    try:
        text = starter(args.type, schema=args.schema)
    except StarterError as exc:
        _error(str(exc))
        return EXIT_BAD_INPUT
    if args.output:
        write_file(args.output, text.encode("utf-8"))
        write_stdout(f"{args.output}\n")
    else:
        write_stdout(text)
    return EXIT_OK


def _formatting_options() -> list[str]:
    import attrs

    from vbhc.model.formatting import Formatting

    return [a.name for a in attrs.fields(Formatting)]


def _cmd_template(args: argparse.Namespace) -> int:
    from vbhc.model.formatting import Formatting
    from vbhc.pipeline import load_template
    from vbhc.writers.docx.template import build_template

    output = Path(args.output)
    check_output(output, (".docx",), "template")
    values = {name: getattr(args, name) for name in _formatting_options()
              if getattr(args, name) is not None}
    try:
        fmt = Formatting(**values)
    except FieldError as exc:
        raise SpecError("--" + exc.path.replace("_", "-"), message=f"expected {exc.expected}; "
                                                                  f"found {exc.found}") from None
    data = build_template(fmt)
    load_template(data, str(output))  # what render --template accepts: never a file that check faults
    write_file(output, data)
    write_stdout(f"{output}\n")
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    """An existing document (.docx, or pasted text in .txt or .md) as the spec that renders it."""
    from vbhc.pipeline import import_document
    from vbhc.readers.docx import NotAnAdministrativeDocument

    outputs = [(args.output, "spec"), (args.profile_out, "profile")]
    for given, what in outputs:
        if given:
            check_output(given, (".yaml", ".yml"), f"{what} (YAML)")
            if _same_file(Path(given), args.source):
                raise SpecError(str(given), message="the output would overwrite the source")
    try:
        result = import_document(args.source, profile=args.profile, spec_path=args.output)
    except NotAnAdministrativeDocument as exc:
        _error(f"{args.source}: {exc}")
        return EXIT_BAD_INPUT
    _report([], result.diagnostics)
    if args.report:
        write_stdout("".join(f"{row}\n" for row in result.report))
    if args.profile_out:
        from vbhc.pipeline import profile_yaml

        write_file(args.profile_out, profile_yaml(result).encode("utf-8"))
    if args.output:
        for file, data in result.files.items():  # a signature's image, named in the spec, beside it
            write_file(Path(args.output).parent / file, data)
            write_stdout(f"{Path(args.output).parent / file}\n")
        write_file(args.output, result.yaml.encode("utf-8"))
        write_stdout(f"{args.output}\n")
    else:
        if result.files:
            _warning(f"the spec names {', '.join(result.files)} (a signature's image), a file written "
                     "only with -o SPEC.yaml (beside it)")
        if not args.report:
            write_stdout(result.yaml)
    return EXIT_OK


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", help="the document to import: .docx, or text (.txt, .md) pasted from an "
                                       "e-mail or a PDF")
    parser.add_argument("-o", "--output", help="the spec to write (.yaml); default: print it")
    parser.add_argument("--profile", help="a commune profile: fills what the source lacks (a pasted text has "
                                          "no header) and replaces its issuer, place and signer")
    parser.add_argument("--profile-out", help="write the issuer's details and signers as a commune profile "
                                              "(.yaml)")
    parser.add_argument("--report", action="store_true",
                        help="print what each paragraph was read as (number, role, text)")
    parser.set_defaults(run=_cmd_import)


def _render_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("spec", help="the spec file")
    parser.add_argument("-o", "--output", help="the .docx to write (default: the spec's name)")
    parser.add_argument("--profile", help="a commune profile (.yaml, .json); overrides the spec's own")
    parser.add_argument("--template", help="a Word template made by `vbhc template` (default: the "
                                           "profile's, else built in)")
    parser.add_argument("--pdf", action="store_true",
                        help="also write OUT.pdf beside OUT.docx (LibreOffice; fonts embedded)")
    parser.add_argument("--preview", metavar="PAGE.png",
                        help="also write page 1 as LibreOffice lays it out, as a PNG (pdftoppm)")
    parser.add_argument("--form", help="an office's own Word form with {{ }} tags, filled instead of the "
                                       "decree's layout (docs/forms.md)")
    parser.set_defaults(run=_cmd_render)


def _batch_arguments(parser: argparse.ArgumentParser) -> None:
    from vbhc.cli.batch import add_arguments

    add_arguments(parser)


def _copy_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", help="the .docx to copy (its text, paragraphs and tables are carried)")
    parser.add_argument("spec", help="the copy's spec: kind, number, date, signature, recipients")
    parser.add_argument("-o", "--output", required=True, help="the .docx to write")
    parser.add_argument("--profile", help="a commune profile (.yaml, .json); overrides the spec's own")
    parser.add_argument("--template", help="a Word template made by `vbhc template` (default: built in)")
    parser.set_defaults(run=_cmd_copy)


def _validate_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("spec", help="the spec file")
    parser.add_argument("--profile", help="a commune profile (.yaml, .json); overrides the spec's own")
    parser.set_defaults(run=_cmd_validate)


def _schema_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", action="store_true", help="the schema of profiles instead")
    parser.add_argument("-o", "--output", help="write it to this file instead of printing it")
    parser.set_defaults(run=_cmd_schema)


def _new_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("type", help="ke-hoach, bao-cao, cong-van, quyet-dinh, ...; quyet-dinh-ban-hanh: a "
                        "quyết định with an attached Quy chế (Mẫu 1.3)")
    parser.add_argument("-o", "--output", help="write it to this file instead of printing it")
    parser.add_argument("--schema", help="the path or URL of vbhc.schema.json, for the editor's link")
    parser.set_defaults(run=_cmd_new)


def _template_arguments(parser: argparse.ArgumentParser) -> None:
    from vbhc.model.formatting import Formatting

    parser.add_argument("-o", "--output", required=True, help="the .docx template to write")
    defaults = Formatting()
    for name in _formatting_options():
        parser.add_argument("--" + name.replace("_", "-"), type=float, dest=name,
                            help=f"default {getattr(defaults, name):g}")
    parser.set_defaults(run=_cmd_template)


class _CommandParser(argparse.ArgumentParser):
    """A subcommand's parser whose arguments are added the first time it parses or prints its help."""

    def __init__(self, *args: Any, arguments: Callable[[argparse.ArgumentParser], None] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._arguments = arguments

    def _ready(self) -> None:
        if self._arguments is not None:
            add, self._arguments = self._arguments, None
            add(self)

    def parse_known_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                         namespace: argparse.Namespace | None = None) -> tuple[argparse.Namespace, list[str]]:
        self._ready()
        return super().parse_known_args(args, namespace)

    def format_help(self) -> str:
        self._ready()
        return super().format_help()

    def format_usage(self) -> str:
        self._ready()
        return super().format_usage()


# name: (help, the function that adds its arguments)
_COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "render": ("render a spec (.json, .yaml, .py) to .docx", _render_arguments),
    "batch": ("render one document per row of a CSV, JSON or YAML file (every core)", _batch_arguments),
    "validate": ("check a spec without rendering it (exit 0 if valid)", _validate_arguments),
    "copy": ("make a paper copy (SAO Y, SAO LỤC, TRÍCH SAO) of a .docx", _copy_arguments),
    "import": ("read an existing .docx or pasted text into a spec (YAML)", _import_arguments),
    "schema": ("print the JSON Schema of specs (for editors)", _schema_arguments),
    "new": ("print a commented starter spec (YAML) for a document type", _new_arguments),
    "template": ("write a Word template with your office's choices within the decree's ranges",
                 _template_arguments),
}


def build_parser() -> argparse.ArgumentParser:
    from vbhc import __version__

    parser = argparse.ArgumentParser(
        prog="vbhc", description="Vietnamese administrative documents under Decree 30/2020/NĐ-CP.")
    parser.add_argument("--version", action="version", version=f"vbhc {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                parser_class=_CommandParser)
    for name, (help_text, arguments) in _COMMANDS.items():
        sub.add_parser(name, help=help_text, arguments=arguments)
    check.register(sub)  # its own module, which imports the checker only when it runs
    serve.register(sub)  # serve and mcp: the web app and the MCP server, from the serve extra
    return parser


def _run(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except SpecError as exc:
        for line in str(exc).splitlines():
            _error(line)
        return EXIT_BAD_INPUT
    except (TemplateError, FieldError, VbhcError) as exc:
        for line in str(exc).splitlines():
            _error(line)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


def _flushed(status: int) -> int:
    """``status``, or EXIT_BAD_INPUT (said in one line) if standard output cannot take what was printed."""
    try:
        write_stdout("")
    except FileError as exc:
        _error(str(exc))
        return EXIT_BAD_INPUT
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``vbhc`` with ``argv`` (default: the process's arguments); return the exit status."""
    try:
        status = _run(argv)
    except SystemExit:  # argparse, after --help, --version or a usage error
        if _flushed(EXIT_OK) != EXIT_OK:
            raise SystemExit(EXIT_BAD_INPUT) from None
        raise
    return _flushed(status)


if __name__ == "__main__":
    sys.exit(main())
