"""The plan as a plain python-docx script: every paragraph added and formatted by hand from the
context of benchmarks/plan_context.py (A4, the decree's margins, Times New Roman 14).

    python benchmarks/python_docx_plan.py CONTEXT.json OUT.docx

What an office programmer writes without a template; like the docxtpl version it does none of vbhc's
work, and only its time to produce a file is compared.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Any


def new_document() -> Any:
    """A python-docx document on A4 with the decree's margins, Times New Roman 14 (also the docxtpl
    template's start)."""
    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(14)
    return doc


def build(context: dict[str, Any], out: Path | IO[bytes]) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    doc = new_document()
    header = doc.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "\n".join(context["issuer"])
    header.cell(0, 1).text = f"{context['national_title']}\n{context['motto']}"
    header.cell(1, 0).text = context["number"]
    header.cell(1, 1).text = context["place_date"]
    for text in (context["type_name"], context["summary"]):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = True
    for para in context["paragraphs"]:
        p = doc.add_paragraph()
        p.paragraph_format.first_line_indent = Cm(1.27)
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.add_run(para["text"]).bold = para["bold"]
    closing = doc.add_table(rows=1, cols=2)
    closing.cell(0, 0).text = "\n".join(context["recipients"])
    closing.cell(0, 1).text = "\n".join(context["signature"])
    doc.save(out if not isinstance(out, Path) else str(out))


if __name__ == "__main__":
    build(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")), Path(sys.argv[2]))
