"""The Hoàng Kim plan as plain data, for the docxtpl template and the python-docx script that the
benchmark compares vbhc with (benchmarks/docxtpl_plan.py, benchmarks/python_docx_plan.py).

``python benchmarks/plan_context.py OUT.json`` writes the context: the header's lines, the number,
place and date, the title and trích yếu, every body paragraph (its text as printed, bold or not,
indented or not), the signature and Nơi nhận. It is taken from vbhc's own layout of the plan, so all
three print the same words; the other two then only place them, as an office's template would.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "examples" / "ke-hoach-hoang-kim.json"


def context() -> dict[str, Any]:
    """The plan's words, region by region, as vbhc lays them out."""
    import vbhc
    from vbhc.layout import lay_out

    layout = lay_out(vbhc.load(SPEC))
    signature = layout.signatures[0]
    body = [{"text": line.plain, "bold": line.role.typography.bold}
            for line in layout.body if hasattr(line, "role")]
    return {
        "issuer": [line.plain for line in layout.issuer],
        "national_title": layout.national_title.plain, "motto": layout.motto.plain,
        "number": layout.number.plain, "place_date": layout.place_date.plain,
        "type_name": layout.type_name.plain, "summary": " ".join(line.plain for line in layout.summary),
        "preamble": [line.plain for line in layout.legal_bases],
        "paragraphs": body,
        "signature": [line.plain for line in (*signature.titles, signature.name) if line is not None],
        "recipients": [line.plain for line in layout.recipients],
    }


if __name__ == "__main__":
    Path(sys.argv[1]).write_text(json.dumps(context(), ensure_ascii=False, indent=1), encoding="utf-8")
