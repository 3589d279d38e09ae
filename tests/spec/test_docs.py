"""docs/specs.md states the model's nesting rules; keep its table in step with the model."""

from __future__ import annotations

from tests.conftest import ROOT
from vbhc.model import BLOCK_TYPES, Paragraph
from vbhc.readers.spec.outline import allowed_children


def test_the_allowed_children_table_matches_the_model() -> None:
    text = (ROOT / "docs" / "specs.md").read_text(encoding="utf-8")
    start = text.index("<!-- allowed-children")
    table = text[start:text.index("<!-- /allowed-children -->")].splitlines()[3:]
    expected = [f"| `{k.kind}` | {', '.join(c.kind for c in allowed_children(k))} |"  # type: ignore[attr-defined]
                for k in BLOCK_TYPES if k is not Paragraph and k.kind != "table"]  # a table has rows
    assert table == expected
