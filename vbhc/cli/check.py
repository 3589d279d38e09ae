"""``vbhc check FILE [--format text|json] [--fix OUT.docx]``: the conformance report on the command line.

A Word 97–2003 .doc, an .rtf or an .odt is converted to .docx by LibreOffice first (the report says
so; ``--fix`` then writes that .docx, corrected, never over the file checked).

Exit status: 0 when the file has no errors (warnings allowed), 1 when it has errors, 2 when it cannot
be read (not a .docx, unsafe, empty; a legacy file LibreOffice cannot convert or, without LibreOffice,
cannot be converted) or ``--fix`` cannot write where asked. With ``--fix`` the status
is still that of FILE; the report says what the fixed copy still has.

Wire it into another parser with :func:`register`; run it alone with :func:`main` or
``python -m vbhc.check FILE``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from vbhc.errors import FileError

EXIT_CLEAN = 0
EXIT_ERRORS = 1
EXIT_UNREADABLE = 2

DESCRIPTION = ("Check a .docx against Decree 30/2020/NĐ-CP: page set-up, fonts, every component's type, "
               "lines, numbering, punctuation, signature and page numbers. Exit 0 when clean (warnings "
               "allowed), 1 with errors, 2 when the file cannot be read.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The check command's arguments, for :func:`register` and :func:`main` alike."""
    parser.add_argument("file", help="the .docx to check (a .doc, .rtf or .odt is converted by LibreOffice)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text (default) for people, json for programs")
    parser.add_argument("--fix", metavar="OUT.docx",
                        help="also write a corrected copy (page, margins, fonts, sizes, page numbers)")


def register(subparsers: Any) -> None:
    """Add the ``check`` subcommand to an ``argparse`` subparsers object; it runs :func:`run`."""
    parser = subparsers.add_parser("check", help="check a .docx against Decree 30", description=DESCRIPTION)
    add_arguments(parser)
    parser.set_defaults(run=run)


def _error(path: object, message: str) -> int:
    print(f"vbhc check: error: {path}: {message}", file=sys.stderr)
    return EXIT_UNREADABLE


def run(args: argparse.Namespace) -> int:
    """Check ``args.file``, print the report, write ``args.fix`` if asked; return the exit status."""
    from vbhc.check.fix import check_and_fix  # here: only `vbhc check` needs it
    from vbhc.errors import ConverterMissing
    from vbhc.fileio import check_output, read_bytes, write_file, write_stdout
    from vbhc.libreoffice import ConversionError
    from vbhc.ooxml.package import DEFAULT_LIMITS, DocxReadError

    path = Path(args.file)
    fix_to = Path(args.fix) if getattr(args, "fix", None) else None
    try:
        if fix_to is not None:
            check_output(fix_to, (".docx",), "fixed copy")
            if fix_to.resolve() == path.resolve():
                return _error(fix_to, "the fixed copy would overwrite the file being checked; "
                                      "name another file")
        data = read_bytes(path, DEFAULT_LIMITS.max_archive_bytes, ".docx file")
        report, fixed = check_and_fix(data, str(path), str(fix_to) if fix_to is not None else None)
        if fix_to is not None and fixed is not None:
            write_file(fix_to, fixed)
        write_stdout(report.to_json() if args.format == "json" else report.to_text())
    except FileError as exc:
        return _error(exc.path, exc.problem)
    except (DocxReadError, ConversionError, ConverterMissing) as exc:
        return _error(path, str(exc))
    return report.exit_code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vbhc check", description=DESCRIPTION)
    add_arguments(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """``vbhc check`` alone: parse ``argv`` (default: the process's) and run."""
    args = build_parser().parse_args(argv)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
