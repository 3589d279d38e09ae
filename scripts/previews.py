"""Page 1 of every example, through LibreOffice, and the README's index of the examples.

Run: python scripts/previews.py [--index-only]. Renders every spec in examples/ (.yaml, .yml, .json, .py)
and every copy spec in examples/copies/ (a copy of the example its name points to: ``sao-y-cong-van``
copies the first ``cong-van`` example), converts them all in one LibreOffice run, writes page 1 of
each as docs/examples/<name>.png (vbhc.writers.pdf.page_png's way: LibreOffice, then pdftoppm), and
rewrites the README section between the "generated:examples" markers: one row per example with its
form (Mẫu), a link to its spec and to its picture. ``--index-only`` rewrites the index without
LibreOffice (the pictures are left as they are). Rerun it after adding an example.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
COPIES = EXAMPLES / "copies"
PICTURES = ROOT / "docs" / "examples"
README = ROOT / "README.md"
START, END = "<!-- generated:examples -->", "<!-- /generated:examples -->"
SUFFIXES = (".yaml", ".yml", ".json", ".py")
COPY_FORM = "Mẫu 3.1 (bản sao)"  # PL III: the copy block, below any document
PREVIEW_DPI = 60  # page 1 readable on a screen, about 500 x 700 pixels and a few dozen kB


class Example(NamedTuple):
    spec: Path
    picture: str  # the file name in docs/examples/
    form: str  # "Mẫu 1.2 Kế hoạch" or, for a copy, "Mẫu 3.1 …"
    docx: bytes
    title: str
    author: str


def specs() -> list[Path]:
    """Every example spec, copies last."""
    found = [p for p in sorted(EXAMPLES.iterdir()) if p.suffix in SUFFIXES and p.is_file()]
    return found + [p for p in sorted(COPIES.glob("*")) if p.suffix in SUFFIXES] if COPIES.is_dir() else found


def picture_name(spec: Path) -> str:
    """``<name>.png``; ``<name>-json.png`` when another example has the same name (the plan is given
    as YAML and as JSON)."""
    twins = [p for p in specs() if p.stem == spec.stem]
    return f"{spec.stem}.png" if len(twins) == 1 else f"{spec.stem}-{spec.suffix.lstrip('.')}.png"


def _form_label(form: object) -> str:
    """``Mẫu 1.4 (Văn bản có tên loại)``; a form in practice only has no Mẫu in PL III."""
    ident, name = form.id, form.name  # type: ignore[attr-defined]
    return f"Mẫu {ident} ({name})" if ident[:1].isdigit() else f"{name} (no Mẫu in PL III: {ident})"


def render(spec: Path, rendered: dict[Path, Example]) -> Example:
    """The example's form and .docx; a copy spec copies the example its name names."""
    import vbhc
    from vbhc.layout import lay_out
    from vbhc.writers.docx.writer import document_title, render_copy_bytes

    if spec.parent == COPIES:
        from vbhc.readers.spec.copy import read_copy

        copy = read_copy(spec)
        stem = re.sub(r"^(sao-y|sao-luc|trich-sao)-", "", spec.stem)
        source = next((e for p, e in rendered.items() if p.stem.startswith(stem)),
                      next(iter(rendered.values())))
        return Example(spec, picture_name(spec), COPY_FORM, render_copy_bytes(source.docx, copy),
                       copy.kind.words, " ".join(copy.issuer.name) if copy.issuer else "")
    document = vbhc.load(spec)
    layout = lay_out(document)
    label = f"{_form_label(layout.form)}: {document.type.type_name}" + (
        f" + {COPY_FORM}" if document.copy is not None else "")
    return Example(spec, picture_name(spec), label, vbhc.render_bytes(document), document_title(document),
                   " ".join(document.issuer.name))


THUMBNAIL_PX = 180  # the README shows page 1 this wide; the link opens the full picture


def index(examples: list[Example]) -> str:
    """The README's table: one row per example."""
    rows = ["| Mẫu | example | page 1 |", "|---|---|---|"]
    for e in examples:
        spec = e.spec.relative_to(ROOT).as_posix()
        picture = (PICTURES / e.picture).relative_to(ROOT).as_posix()
        thumbnail = f'<img src="{picture}" width="{THUMBNAIL_PX}" alt="page 1 of {Path(spec).name}">'
        rows.append(f"| {e.form} | [{spec}]({spec}) | <a href=\"{picture}\">{thumbnail}</a> |")
    return "\n".join(rows)


def rewrite_readme(table: str) -> None:
    text = README.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"README.md has no {START} … {END} section")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{START}\n{table}\n{END}{tail}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index-only", action="store_true", help="rewrite the index, not the pictures")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    rendered: dict[Path, Example] = {}
    for spec in specs():
        rendered[spec] = render(spec, rendered)
    examples = list(rendered.values())
    if not args.index_only:
        from vbhc.fileio import write_atomically
        from vbhc.writers.pdf import Converter, pdf_page_png

        PICTURES.mkdir(parents=True, exist_ok=True)
        with Converter() as converter:
            pdfs = converter.convert([(e.docx, e.title, e.author) for e in examples])
        for e, pdf in zip(examples, pdfs, strict=True):
            write_atomically(PICTURES / e.picture, pdf_page_png(pdf, 1, PREVIEW_DPI))
            print(PICTURES / e.picture)
    rewrite_readme(index(examples))
    print(f"README.md: {len(examples)} examples indexed")


if __name__ == "__main__":
    main()
