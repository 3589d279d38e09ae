"""The ``vbhc`` command line.

Exit status: 0 on success, 2 on bad input (spec, profile, template, arguments), 1 on an unexpected
failure. Bad input is reported in one line per problem (``file:line: field: expected ...; found
...``), without a traceback, and no output file is created or changed. Warnings go to stderr too,
prefixed ``vbhc: warning:``; they never change the exit status.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import attrs

from vbhc import __version__
from vbhc.diagnostics import Diagnostic
from vbhc.errors import FieldError, SpecError, TemplateError, VbhcError
from vbhc.fileio import write_atomically
from vbhc.model.formatting import Formatting

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


def _cmd_render(args: argparse.Namespace) -> int:
    from vbhc.readers.spec.reader import read
    from vbhc.writers.docx.writer import render

    output = Path(args.output) if args.output else Path(args.spec).with_suffix(".docx")
    if output.suffix.lower() != ".docx":
        raise SpecError(str(output), message="the output file must end in .docx")
    if output.resolve() == Path(args.spec).resolve():
        raise SpecError(str(output), message="the output would overwrite the spec")
    if not output.parent.is_dir():
        raise SpecError(str(output), message=f"the folder {output.parent} does not exist")
    result = read(args.spec, profile=args.profile)
    _report(result.errors, result.warnings)
    if result.document is None:
        return EXIT_BAD_INPUT
    render(result.document, output, template=args.template or result.template)
    print(output)
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    from vbhc.readers.spec.reader import read

    result = read(args.spec, profile=args.profile)
    _report(result.errors, result.warnings)
    if result.document is None:
        return EXIT_BAD_INPUT
    count = len(result.warnings)
    print(f"{args.spec}: valid" + (f" ({count} warning{'s' if count > 1 else ''})" if count else ""))
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from vbhc.readers.spec.schema import profile_schema, spec_schema

    schema = profile_schema() if args.profile else spec_schema()
    text = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    if args.output:
        _write_text(Path(args.output), text)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _cmd_new(args: argparse.Namespace) -> int:
    from vbhc.readers.spec.starters import StarterError, starter

    try:
        text = starter(args.type, schema=args.schema)
    except StarterError as exc:
        _error(str(exc))
        return EXIT_BAD_INPUT
    if args.output:
        _write_text(Path(args.output), text)
        print(args.output)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _write_text(output: Path, text: str) -> None:
    if not output.parent.is_dir():
        raise SpecError(str(output), message=f"the folder {output.parent} does not exist")
    write_atomically(output, text.encode("utf-8"))


_FORMATTING_OPTIONS = [a.name for a in attrs.fields(Formatting)]


def _cmd_template(args: argparse.Namespace) -> int:
    from vbhc.writers.docx.template import build_template

    values = {name: getattr(args, name) for name in _FORMATTING_OPTIONS
              if getattr(args, name) is not None}
    try:
        fmt = Formatting(**values)
    except FieldError as exc:
        raise SpecError("--" + exc.path.replace("_", "-"), message=f"expected {exc.expected}; "
                                                                  f"found {exc.found}") from None
    output = Path(args.output)
    data = build_template(fmt)
    write_atomically(output, data)
    print(output)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vbhc", description="Vietnamese administrative documents under Decree 30/2020/NĐ-CP.")
    parser.add_argument("--version", action="version", version=f"vbhc {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    render = sub.add_parser("render", help="render a spec (.json, .yaml, .py) to .docx")
    render.add_argument("spec", help="the spec file")
    render.add_argument("-o", "--output", help="the .docx to write (default: the spec's name)")
    render.add_argument("--profile", help="a commune profile (.yaml, .json); overrides the spec's own")
    render.add_argument("--template", help="a Word template made by `vbhc template` (default: the "
                                           "profile's, else built in)")
    render.set_defaults(run=_cmd_render)

    validate = sub.add_parser("validate", help="check a spec without rendering it (exit 0 if valid)")
    validate.add_argument("spec", help="the spec file")
    validate.add_argument("--profile", help="a commune profile (.yaml, .json); overrides the spec's own")
    validate.set_defaults(run=_cmd_validate)

    schema = sub.add_parser("schema", help="print the JSON Schema of specs (for editors)")
    schema.add_argument("--profile", action="store_true", help="the schema of profiles instead")
    schema.add_argument("-o", "--output", help="write it to this file instead of printing it")
    schema.set_defaults(run=_cmd_schema)

    new = sub.add_parser("new", help="print a commented starter spec (YAML) for a document type")
    new.add_argument("type", help="ke-hoach, bao-cao, cong-van, quyet-dinh, ...")
    new.add_argument("-o", "--output", help="write it to this file instead of printing it")
    new.add_argument("--schema", help="the path or URL of vbhc.schema.json, for the editor's link")
    new.set_defaults(run=_cmd_new)

    template = sub.add_parser(
        "template", help="write a Word template with your office's choices within the decree's ranges")
    template.add_argument("-o", "--output", required=True, help="the .docx template to write")
    defaults = Formatting()
    for name in _FORMATTING_OPTIONS:
        template.add_argument("--" + name.replace("_", "-"), type=float, dest=name,
                              help=f"default {getattr(defaults, name):g}")
    template.set_defaults(run=_cmd_template)

    from vbhc.cli.check import register as register_check

    register_check(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except SpecError as exc:
        for line in str(exc).splitlines():
            _error(line)
        return EXIT_BAD_INPUT
    except (TemplateError, FieldError, VbhcError) as exc:
        _error(str(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
