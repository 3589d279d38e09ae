"""``vbhc batch SPEC DATA -o DIR``: one document per data row, on every core (:mod:`vbhc.batch`).

Exit status: 0 when every row was written; 1 when some rows failed (the others are written, and each
failure is reported with its row number and field path); 2 when nothing could be done (a bad spec,
data file, name pattern or output folder, or two rows that would write one file: then nothing is
written). Imports only the standard library at module level; the rest when it runs.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vbhc.batch import Outcome

EXIT_OK, EXIT_ROWS_FAILED, EXIT_BAD_INPUT = 0, 1, 2

DESCRIPTION = "Render one document per row of DATA, each row filling fields of SPEC."
EPILOG = """\
DATA is a .csv, .json or .yaml file with one row per document.
  CSV: the header names the spec's field paths; each cell fills that field for its row:
      place,issuer.name.1,signatures.0.name,number,date
      Hoàng Kim,xã Hoàng Kim,Lê Quang Thành,12,2024-03-05
    A path goes into objects by name and into lists by index (signatures.0.name is the first
    signer's name; signatures[0].name too). A cell is typed by its field: a whole number for
    number, true/false for yes-or-no fields, one line per line break for a list of lines such as
    issuer.name. An empty cell keeps the spec's value. A column named "profile" names a profile
    file (relative to DATA's folder) that replaces the spec's own for its row.
  JSON, YAML: a list of objects with the same paths as keys (or nested objects), typed as written.
Every row is read like a spec: an error names the row (communes.csv row 7) and the field path.

--name builds each file name from {field}s: any column as typed ({place}, {issuer.name.1}), {row}
(the row's number), and the document's own {dia_danh} (or {place}), {so} ({number}), {loai}
({type}), {nam} ({year}), {co_quan} ({issuer}). {field:slug} writes it in plain ASCII
(hoang-kim); {row:04} pads a number to 4 digits. Characters Windows or Linux refuse become "-",
reserved names (CON, NUL, COM1 ...) get a leading "_", and a name is kept within 255 bytes. Two rows
that would write one file (compared ignoring case) stop the batch before anything is written.

Exit status: 0 all written; 1 some rows failed (the others are written); 2 nothing done.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from vbhc.batch import DEFAULT_NAME

    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.description = DESCRIPTION
    parser.epilog = EPILOG
    parser.add_argument("spec", help="the spec every row fills (.yaml, .yml, .json)")
    parser.add_argument("data", help="the rows (.csv, .json, .yaml): one document each")
    parser.add_argument("-o", "--output", required=True, metavar="DIR",
                        help="the folder to write into (made if missing; its parent must exist)")
    parser.add_argument("--name", default=DEFAULT_NAME,
                        help=f"the file name pattern (default {DEFAULT_NAME.replace('%', '%%')})")
    parser.add_argument("--workers", type=int, metavar="N",
                        help="processes to render with (default: every core; 1 renders in this process)")
    parser.add_argument("--profile", help="a profile for every row (a row's profile column wins)")
    parser.add_argument("--template", help="a Word template made by `vbhc template`")
    parser.add_argument("--pdf", action="store_true",
                        help="also write NAME.pdf beside each NAME.docx (LibreOffice, one process)")
    parser.set_defaults(run=run)


class Progress:
    """``[#######.......]  120/200`` on standard error, redrawn in place, when it is a terminal.

    Hand-rolled: one line redrawn at most ten times a second needs no library (tqdm would add a
    dependency and its import to every batch for the same line)."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.enabled, self.last = total, enabled, 0.0

    def __call__(self, done: int) -> None:
        now = time.monotonic()
        if not self.enabled or (done < self.total and now - self.last < 0.1):
            return
        self.last = now
        width = 30
        filled = width * done // self.total
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done:>{len(str(self.total))}}"
                         f"/{self.total}")
        if done == self.total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _error(message: str) -> None:
    print(f"vbhc: error: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from vbhc.batch import (
        FileNameError,
        Settings,
        check_pattern,
        collisions,
        default_workers,
        is_terminal,
        render_rows,
    )
    from vbhc.errors import SpecError
    from vbhc.fileio import write_file, write_stdout
    from vbhc.readers.spec.rows import read_rows
    from vbhc.readers.spec.source import read_file

    spec, data, out = Path(args.spec), Path(args.data), Path(args.output)
    if spec.suffix.lower() not in (".yaml", ".yml", ".json"):
        raise SpecError(str(spec), message="a batch fills a JSON or YAML spec (a .py spec builds its "
                                           "document in Python: loop there)")
    try:
        check_pattern(args.name)
    except FileNameError as exc:
        raise SpecError("--name", message=str(exc)) from None
    if args.workers is not None and args.workers < 1:
        raise SpecError("--workers", message=f"expected 1 or more; found {args.workers}")
    if out.exists() and not out.is_dir():
        raise SpecError(str(out), message="expected a folder to write into; found a file")
    if not out.exists() and not out.parent.is_dir():
        raise SpecError(str(out), message=f"the folder {out.parent} does not exist")
    converter = None
    if args.pdf:
        from vbhc.writers.pdf import Converter

        converter = Converter()  # a missing LibreOffice is said now, before any work
    read_file(spec)  # a malformed spec is one error, not one per row
    rows = read_rows(data)
    settings = Settings(str(spec), args.profile, args.template, args.name)
    workers = min(args.workers or default_workers(), len(rows))
    progress = Progress(len(rows), is_terminal())
    outcomes: list[Outcome] = list(render_rows(settings, rows, workers, progress))

    seen: set[str] = set()
    for o in outcomes:
        for line in o.warnings:
            if line not in seen:
                seen.add(line)
                print(f"vbhc: warning: {line}", file=sys.stderr)
    clashes = collisions(outcomes)
    if clashes:
        for line in clashes:
            _error(str(out / line))
        _error("nothing was written")
        return EXIT_BAD_INPUT
    written = [o for o in outcomes if o.data is not None and o.name is not None]
    out.mkdir(exist_ok=True)
    for o in written:
        assert o.data is not None and o.name is not None
        write_file(out / o.name, o.data)
    if converter is not None and written:
        with converter:
            converter.convert_files([(out / o.name, o.title, o.author) for o in written if o.name])
    failed = [o for o in outcomes if o.errors]
    for o in failed:
        for line in o.errors:
            _error(line)
    pdfs = " and .pdf" if converter is not None else ""
    write_stdout(f"{out}: {len(written)} .docx{pdfs} written from {len(rows)} rows"
                 + (f"; {len(failed)} row{'s' if len(failed) > 1 else ''} failed "
                    f"({', '.join(str(o.number) for o in failed)})" if failed else "") + "\n")
    return EXIT_ROWS_FAILED if failed else EXIT_OK
