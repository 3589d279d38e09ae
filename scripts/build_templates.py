"""Rebuild templates/nd30/base.docx from vbhc.model.formatting.Formatting's defaults.

The template is generated, never edited by hand, so that every value in it comes from vbhc.nd30.
tests/test_template.py fails when the committed file and this script disagree.
"""

from __future__ import annotations

from pathlib import Path

from vbhc.writers.docx.template import TEMPLATE_NAME, build_template

OUT = Path(__file__).resolve().parent.parent / "templates" / "nd30" / TEMPLATE_NAME

if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(build_template())
    print(f"wrote {OUT}")
