"""The plan as a straightforward docxtpl template: Jinja tags in a .docx that python-docx builds once
(A4, the decree's margins, Times New Roman 14), filled from the context of benchmarks/plan_context.py.

    python benchmarks/docxtpl_plan.py --template T.docx             # build the template
    python benchmarks/docxtpl_plan.py CONTEXT.json T.docx OUT.docx   # render it (what is timed)

This is how a plan is commonly made with docxtpl: the layout lives in the template, the words in the
context. It does none of vbhc's work (numbering, punctuation, checks, the header's widths); the
benchmark compares only the time to produce a file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO


def build_template(path: Path) -> None:
    """The template: a two-column header table, the title, a loop over the paragraphs, the signature."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from python_docx_plan import new_document

    doc = new_document()
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "{% for line in issuer %}{{ line }} {% endfor %}"
    table.cell(0, 1).text = "{{ national_title }}\n{{ motto }}"
    table.cell(1, 0).text = "{{ number }}"
    table.cell(1, 1).text = "{{ place_date }}"
    for text in ("{{ type_name }}", "{{ summary }}"):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = True
    doc.add_paragraph("{%p for p in paragraphs %}")
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Cm(1.27)
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    p.add_run("{% if p.bold %}{{ p.text }}{% endif %}").bold = True
    p.add_run("{% if not p.bold %}{{ p.text }}{% endif %}")
    doc.add_paragraph("{%p endfor %}")
    closing = doc.add_table(rows=1, cols=2)
    closing.cell(0, 0).text = "{% for line in recipients %}{{ line }}\n{% endfor %}"
    closing.cell(0, 1).text = "{% for line in signature %}{{ line }}\n{% endfor %}"
    doc.save(str(path))


def render(context: Path, template: Path, out: Path | IO[bytes]) -> None:
    from docxtpl import DocxTemplate

    doc = DocxTemplate(str(template))
    doc.render(json.loads(context.read_text(encoding="utf-8")))
    doc.save(out if not isinstance(out, Path) else str(out))


if __name__ == "__main__":
    if sys.argv[1] == "--template":
        build_template(Path(sys.argv[2]))
    else:
        render(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
